"""The recognition stages, each pure: features, role scorers, kind detectors, explain."""

from __future__ import annotations

from convert_helpers import NS, frag, run

from teikit.convert.explanation import explain
from teikit.convert.features import line_features
from teikit.convert.kinds import detect
from teikit.convert.roles import choose, roles_of
from teikit.convert.roles.marking import marking_words
from teikit.convert.source import Source

CABLE = """TELEGRAM 1234

SECRET

TO: SECSTATE WASHDC
FROM: AMEMBASSY ATHENS

SUBJECT: Talks with the minister

1. The minister received me today.

2. He said that the talks would go on.

SMITH
"""


def _roles(text: str) -> list[tuple[str, str]]:
    doc = line_features(text)
    return [(f.text, r) for f, (r, _) in zip(doc.lines, roles_of(doc), strict=True)]


def test_marking_words_read_through_ocr_slips() -> None:
    assert marking_words("TOP SECRET EYES ONLY") == ["TOP", "SECRET", "EYES", "ONLY"]
    assert marking_words("SECRFT") == ["SECRET"]
    assert marking_words("S E C R E T") == ["SECRET"]
    assert marking_words("SECRET PRIORITY") == ["SECRET", "PRIORITY"]
    assert marking_words("Secret talks began") is None
    assert marking_words("EYES ONLY") is None  # a caveat alone needs a level


def test_roles_of_a_short_cable() -> None:
    assert _roles(CABLE) == [
        ("TELEGRAM 1234", "text"),
        ("SECRET", "marking"),
        ("TO: SECSTATE WASHDC", "field"),
        ("FROM: AMEMBASSY ATHENS", "field"),
        ("SUBJECT: Talks with the minister", "field"),
        ("1. The minister received me today.", "item"),
        ("2. He said that the talks would go on.", "item"),
        ("SMITH", "signature"),
    ]


def test_archive_page_footer_and_separator_are_furniture() -> None:
    text = "Some text here.\n\nHW 50953 DocId:32174913 Page 2\n\n14-00000\n\nMore text.\n"
    roles = dict(_roles(text))
    assert roles["HW 50953 DocId:32174913 Page 2"] == "furniture"
    assert roles["14-00000"] == "furniture"


def test_a_line_running_on_is_not_a_heading() -> None:
    text = (
        "Intro paragraph ends.\n\nThe meeting of the board under the chairman\n"
        "went on for hours and ended late in the night.\n"
    )
    doc = line_features(text)
    assert choose(doc.lines[1], doc)[0] != "heading"


def test_kind_from_the_copys_own_word() -> None:
    doc = line_features(CABLE)
    kind, score = detect(doc, roles_of(doc))
    assert (kind.name, kind.div_type) == ("telegram", "telegram")
    assert "TELEGRAM" in score.reason


def test_explain_gives_raw_line_numbers_roles_and_reasons() -> None:
    ex = explain(Source.from_text(CABLE, "c.txt"))
    assert ex.kind == "telegram"
    second = ex.lines[1]
    assert (second.line, second.column, second.role) == (3, 1, "marking")
    assert "marking words" in second.reason


def test_a_marking_line_is_a_stamp_in_forme_work_not_a_paragraph() -> None:
    tree = run("Memorandum\n\nSECRET\n\nThe talks went on for a long time and ended.\n").tree
    fw = tree.find(".//t:body//t:fw", NS)
    assert fw is not None
    assert frag(fw) == '<fw type="header"><stamp type="classification">SECRET</stamp></fw>'
