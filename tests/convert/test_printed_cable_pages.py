"""A printed telegram's pages: its page heads name them, its bands mark no extra turn."""

from __future__ import annotations

import pytest
from convert_helpers import NS, body_div, frag

from teikit.convert.features import BATES_RE, cable_page, page_head
from teikit.convert.recognizers.pages import footer_page


@pytest.mark.parametrize(
    ("line", "page"),
    [
        ("PAGE 02 STATE 024976", 2),
        ("PAGE 01 LONDON 01234 211530Z", 1),
        ("PAGE 02 LONDON 01234 211530 Z", 2),
        ("PAGE 03 USUN N 04657 061557Z", 3),
        ("PAGE 2", None),
        ("PAGE 02 OF THE REPORT", None),
        ("Page 02 State 024976", None),
    ],
)
def test_cable_page_heads(line: str, page: int | None) -> None:
    assert cable_page(line) == page


def test_a_cable_page_head_heads_its_page_from_page_two() -> None:
    assert page_head("PAGE 02 STATE 024976") is True
    assert page_head("PAGE 01 STATE 024976") is False
    assert footer_page("PAGE 03 STATE 024976") == 3


BODY = (
    "1. THE MINISTER SAID THAT THE HARVEST OF THE YEAR WAS GOOD IN EVERY\n"
    "PROVINCE AND THAT THE GOVERNMENT WOULD EXPORT GRAIN TO ITS NEIGHBORS.\n"
)
CABLE = (
    "Telegram From the Embassy in Ruritania to the Department of State\n\n"
    "SECRET\n\nPAGE 01 STRELS 01234 061557Z\n\n62\n\nFM AMEMBASSY STRELSAU\n\n"
    + BODY
    + "\nSECRET\n\nSECRET\n\nPAGE 02 STRELS 01234 061557Z\n\n"
    + BODY.replace("1.", "2.")
    + "\nSECRET\n\nNNN\n\nROE\n"
)


def test_page_heads_turn_the_pages_and_neither_a_serial_nor_the_last_band_does() -> None:
    div = body_div(CABLE)
    breaks = [frag(pb) for pb in div.iter("{http://www.tei-c.org/ns/1.0}pb")]
    assert breaks == ['<pb n="2"/>']
    heads = div.findall(".//t:fw[@type='header']", NS)
    assert [h.text for h in heads if h.text] == [
        "PAGE 01 STRELS 01234 061557Z",
        "PAGE 02 STRELS 01234 061557Z",
    ]


@pytest.mark.parametrize(
    ("line", "bates"),
    [("DB Roe-1684", True), ("AB Smith - 1234", True), ("Strelsau A-385", False)],
)
def test_an_airgrams_number_is_no_bates_stamp(line: str, bates: bool) -> None:
    assert (BATES_RE.match(line) is not None) is bates
