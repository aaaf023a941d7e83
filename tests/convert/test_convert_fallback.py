"""A recognizer's miss degrades the structure; the document is never refused for it."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from convert_helpers import NS, frag, run
from lxml import etree

from teikit.convert import fallback, validation
from teikit.convert.report import Report
from teikit.convert.source import Source

if TYPE_CHECKING:
    from pathlib import Path

HEADER = (
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
    '<publicationStmt><publisher>x</publisher><idno type="teikit">raw</idno></publicationStmt>'
    "<sourceDesc><p>s</p></sourceDesc>"
    "</fileDesc></teiHeader>"
)


def _tree(body: str) -> etree._ElementTree:
    xml = f'<TEI xmlns="http://www.tei-c.org/ns/1.0">{HEADER}<text><body>{body}</body></text></TEI>'
    return etree.ElementTree(etree.fromstring(xml))


def _repair(body: str, raw: str) -> tuple[str, Report]:
    tree = _tree(body)
    src = Source.from_text(raw, "raw.txt")
    report = Report("raw")
    ok, _ = fallback.repair(
        tree, validation.tree_problems, lambda el: fallback.locate(src, el), report
    )
    assert ok
    div = tree.find(".//t:body/t:div", NS)
    assert div is not None
    return frag(div), report


def test_a_paragraph_after_a_section_moves_into_it() -> None:
    raw = "Intro.\n\nHEADING\n\nIn section.\n\nStray after.\n"
    out, report = _repair(
        '<div type="memorandum"><p>Intro.</p><div type="section"><head>HEADING</head>'
        "<p>In section.</p></div><p>Stray after.</p></div>",
        raw,
    )
    assert out == (
        '<div type="memorandum"><p>Intro.</p><div type="section"><head>HEADING</head>'
        "<p>In section.</p><p>Stray after.</p></div></div>"
    )
    [u] = report.uncertainties
    assert (u.line, u.column) == (7, 1)
    assert "moved into that section" in u.message


def test_a_block_the_schema_rejects_becomes_a_plain_paragraph() -> None:
    raw = "Intro.\n\nMr. A: said so.\n"
    out, report = _repair(
        '<div type="memorandum"><p>Intro.</p><list><sp><speaker>Mr. A:</speaker>'
        "<p>said so.</p></sp></list></div>",
        raw,
    )
    assert out == '<div type="memorandum"><p>Intro.</p><p>Mr. A: said so.</p></div>'
    assert report.uncertainties
    assert any((u.line, u.column) == (3, 1) for u in report.uncertainties)
    assert all("output line" not in u.message for u in report.uncertainties)


def test_an_unreferenced_footnote_is_kept_unanchored_and_flagged() -> None:
    text = "The talk went well.\n\nNOTES\n\n1. A note nobody points at.\n"
    result = run(text)
    notes = result.tree.findall(".//t:back//t:note", NS)
    assert [frag(n) for n in notes] == [
        '<note xml:id="fn1" n="1">A note nobody points at.</note>'
    ] or not notes
    assert all(n.get("type") != "footnote" for n in notes)


def test_unanchored_helper_reports_raw_place() -> None:
    tree = _tree(
        '<div type="memorandum"><p>Text.</p></div></body><back><div type="notes">'
        '<note type="footnote" xml:id="fn1" n="1">Lost marker note.</note></div></back><body>'
    )
    del tree  # the helper works on any root; build one directly
    root = etree.fromstring(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><back><div type="notes">'
        '<note type="footnote" xml:id="fn1" n="1">Lost marker note.</note>'
        "</div></back></text></TEI>"
    )
    src = Source.from_text("Text.\n\n1 Lost marker note.\n", "raw.txt")
    report = Report("raw")
    assert fallback.keep_unanchored(root, lambda el: fallback.locate(src, el), report) == 1
    note = root.find(".//t:note", NS)
    assert note is not None and note.get("type") is None
    assert [(u.line, u.column) for u in report.uncertainties] == [(3, 3)]


HAND_CABLE = """TELEGRAM 1234

SECRET

TO: SECSTATE WASHDC
FROM: AMEMBASSY ATHENS

SUBJECT: Talks with the minister

1. The minister received me today.
2. He said that the talks would go on.
3. I told him we would reply.

SMITH
"""


def test_a_short_hand_typed_cable_converts() -> None:
    result = run(HAND_CABLE)
    words = " ".join(" ".join(result.tree.getroot().find(".//t:text", NS).itertext()).split())
    for word in HAND_CABLE.split():
        # a point's number is its item's @n
        assert word in words or word[:-1].isdigit()


def _devset(shared: Path) -> list[Path]:
    return sorted((shared / "devset" / "raw").glob("*.txt"))


def test_every_devset_document_converts(shared: Path) -> None:
    from teikit.convert import convert

    for path in _devset(shared):
        assert convert(path).data  # raises if refused


@pytest.mark.parametrize("flags", [(), ("--pages", "--upper-speakers", "--source-as-footnote")])
def test_frus_derived_sample_converts(shared: Path, tmp_path: Path, flags: tuple[str, ...]) -> None:
    import subprocess
    import sys

    from teikit.convert import convert

    volume = sorted((shared / "frus").glob("*.xml"))[1]
    tool = str(shared / "tools" / "frus2raw.py")
    subprocess.run(
        [sys.executable, tool, str(volume), "-o", str(tmp_path), *flags],
        check=True,
        capture_output=True,
    )
    for path in sorted(tmp_path.glob("*.txt"))[::7]:
        assert convert(path).data
