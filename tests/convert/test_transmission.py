"""A teletype's transmission line is forme work of the copy, not a heading or text."""

from __future__ import annotations

from pathlib import Path

import pytest
from convert_helpers import frag, run

from teikit.convert.recognizers.transmission import is_transmission_line

PROBES = Path(__file__).parent / "probes"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.mark.parametrize(
    "line",
    [
        "11:20 PM CST URGENT 3-5-64 JRB",
        "10:05 AM 4/2/70 URGENT MLK",
        "8:40 PM NITEL 6/9/72 DRT",
        "5:26 URGENT 11-29271",  # OCR lost the date's second dash
        "NR 012 WA CODE",
        "0930Z IMMEDIATE",
    ],
)
def test_transmission_lines(line: str) -> None:
    assert is_transmission_line(line)


@pytest.mark.parametrize(
    "line",
    [
        "URGENT",  # a precedence alone is a marking
        "10:05 AM",  # a time alone
        "Washington, May 2, 1960, 3:13 p.m.",  # a dateline
        "AT 11:20 PM THE SUBJECT LEFT",  # text
        "11:20 PM ABC DEF GHI",  # too many letter groups for initials
        "TO DIRECTOR",
    ],
)
def test_lines_that_are_no_transmission_line(line: str) -> None:
    assert not is_transmission_line(line)


@pytest.mark.parametrize(
    ("probe", "expected"),
    [
        (
            "teletype_transmission_time",
            [
                '<fw type="transmission">11:20 PM CST URGENT '
                '<date when="1964-03-05" cert="medium">3-5-64</date> JRB</fw>'
            ],
        ),
        (
            "teletype_serial_line",
            [
                '<fw type="transmission">NR 012 WA CODE</fw>',
                '<fw type="transmission">10:05 AM <date when="1970-04-02" cert="medium">'
                "4/2/70</date> URGENT MLK</fw>",
            ],
        ),
        (
            "teletype_nitel",
            [
                '<fw type="transmission">NR 003 HC PLAIN</fw>',
                '<fw type="transmission">8:40 PM NITEL <date when="1972-06-09" cert="medium">'
                "6/9/72</date> DRT</fw>",
            ],
        ),
    ],
)
def test_a_teletypes_transmission_line_is_forme_work(probe: str, expected: list[str]) -> None:
    text = (PROBES / f"{probe}.txt").read_text(encoding="utf-8")
    tree = run(text).tree
    found = [frag(fw) for fw in tree.iterfind(".//t:body//t:fw[@type='transmission']", NS)]
    assert found == expected
    heads = [frag(h) for h in tree.iterfind(".//t:body//t:head", NS)]
    assert not any("URGENT" in h or "NR 0" in h for h in heads)
