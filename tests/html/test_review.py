"""The review page: raw lines by role beside the reading view, doubts linked to their lines."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from html_helpers import page

from teikit.html import render_review
from teikit.html.review import ExplainedLine, role_class

REPO = Path(__file__).resolve().parents[2]
TEI = REPO / "tei" / "1951-10-19_cable_mao-to-filippov.xml"


@dataclass
class Uncertain:
    line: int
    column: int
    message: str


RAW = "CABLE\nTOP SECRET\nMAO: hello <there>\n\n- 3 -\n"
ROLES = [
    ExplainedLine(1, "heading", "all capitals, first line"),
    ExplainedLine(2, "marking", "classification word"),
    ExplainedLine(3, "speaker", "LABEL: at line start"),
    ExplainedLine(5, "page furniture", "page number between dashes"),
]


def test_raw_lines_are_numbered_coloured_by_role_with_reasons() -> None:
    doc = page(render_review(RAW, ROLES, TEI, [Uncertain(3, 1, "speaker or heading?")]))
    lines = doc.find_class("raw-line")
    assert [li.get("id") for li in lines] == ["L1", "L2", "L3", "L4", "L5"]
    assert "role-heading" in lines[0].get("class", "")
    assert "role-page-furniture" in lines[4].get("class", "")
    assert lines[3].get("data-role") == ""
    assert lines[2].get("title") == "speaker: LABEL: at line start"
    assert lines[2].find("code").text == "MAO: hello <there>"  # escaped, shown as written
    assert "doubt" in lines[2].get("class", "")


def test_doubts_link_to_their_lines_and_the_reading_view_is_beside() -> None:
    doc = page(render_review(RAW, ROLES, TEI, [Uncertain(3, 1, "speaker or heading?")]))
    doubts = doc.find_class("doubts")[0]
    link = doubts.find(".//a")
    assert link.get("href") == "#L3" and "speaker or heading?" in doubts.text_content()
    rendered = doc.find_class("rendered")[0]
    assert rendered.find(".//main") is not None
    assert "Filippov" in rendered.text_content()


def test_a_score_is_shown_when_the_records_have_one() -> None:
    @dataclass
    class Record:
        line: int
        role: str
        score: float
        reason: str

    doc = page(render_review(RAW, [Record(2, "marking", 0.75, "all capitals")], TEI))
    assert doc.get_element_by_id("L2").get("title") == "marking (0.75): all capitals"


def test_no_doubts_and_role_classes() -> None:
    doc = page(render_review(RAW, [], TEI))
    assert "None." in doc.find_class("doubts")[0].text_content()
    assert role_class("Page Furniture!").split()[0] == "role-page-furniture"
    assert role_class("anything new") == role_class("Anything  new")
    assert role_class("anything new").split()[1].startswith("rc")
    assert role_class("") == "role-none"


def test_write_review_for_a_real_conversion(tmp_path: Path) -> None:
    from teikit.convert import convert
    from teikit.html.review import write_review

    raw = REPO / "tei" / "raw" / "1951-10-19_cable_mao-to-filippov.txt"
    result = convert(raw)
    text = raw.read_text(encoding="utf-8")
    written = write_review(text, result, tmp_path, [ExplainedLine(1, "heading", "first line")])
    assert written == tmp_path / "1951-10-19_cable_mao-to-filippov.review.html"
    doc = page(written.read_text(encoding="utf-8"))
    assert len(doc.find_class("raw-line")) == len(text.splitlines())
    assert "role-heading" in doc.get_element_by_id("L1").get("class", "")


def test_convert_review_writes_a_page_per_transcription(tmp_path: Path) -> None:
    from teikit.cli import main

    raws = sorted((REPO / "tei" / "raw").glob("*.txt"))[:2]
    out, review = tmp_path / "tei", tmp_path / "review"
    assert main(["convert", *map(str, raws), "-o", str(out), "--review", str(review), "-q"]) == 0
    pages = sorted(p.name for p in review.iterdir())
    assert pages == [f"{p.stem}.review.html" for p in raws]
    doc = page((review / pages[1]).read_text(encoding="utf-8"))
    raw_lines = raws[1].read_text(encoding="utf-8").splitlines()
    assert len(doc.find_class("raw-line")) == len(raw_lines)
    assert doc.find_class("doubts") and doc.find_class("rendered")[0].find(".//main") is not None
    roles = {li.get("data-role") for li in doc.find_class("raw-line")}
    assert {"speaker", "heading"} <= roles  # the converter's own explanations
    speaker = next(li for li in doc.find_class("raw-line") if li.get("data-role") == "speaker")
    assert speaker.get("title", "").startswith("speaker (")  # role (score): reason
