"""The recognition stages, each pure: features, role scorers, kind detectors, explain."""

from __future__ import annotations

from convert_helpers import NS, frag, run

from teikit.convert.explanation import explain
from teikit.convert.features import line_features
from teikit.convert.kinds import detect
from teikit.convert.roles import choose, roles_of
from teikit.convert.roles.marking import marking_words
from teikit.convert.source import Transcription

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


def test_a_numbered_section_near_the_end_is_no_signature() -> None:
    text = "I. BACKGROUND\n\nTalks opened.\n\nIII. CONCLUSIONS\n\nThe prospects are poor.\n"
    assert dict(_roles(text))["III. CONCLUSIONS"] == "heading"


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
    ex = explain(Transcription.from_text(CABLE, "c.txt"))
    assert ex.kind == "telegram"
    second = ex.lines[1]
    assert (second.line, second.column, second.role) == (3, 1, "marking")
    assert "marking words" in second.reason


def test_a_marking_line_is_a_stamp_in_forme_work_not_a_paragraph() -> None:
    tree = run("Memorandum\n\nSECRET\n\nThe talks went on for a long time and ended.\n").tree
    fw = tree.find(".//t:body//t:fw", NS)
    assert fw is not None
    assert frag(fw) == '<fw type="header"><stamp type="classification">SECRET</stamp></fw>'


def test_dates_from_fields_ordinals_and_numbers() -> None:
    from teikit.convert.recognizers.dates import field_date

    assert field_date("11/26/71") == "1971-11-26"
    assert field_date("— 10/27/1959") == "1959-10-27"
    assert field_date("3rd May, 1950") == "1950-05-03"
    assert field_date("13/45/99") is None


def test_document_date_from_its_date_field() -> None:
    text = "MEMORANDUM\n\nTO: SAC\n\nDATE: 11/26/71\n\nThe search went on for two long days.\n"
    tree = run(text).tree
    date = tree.find(".//t:creation/t:date", NS)
    assert date is not None and date.get("when") == "1971-11-26"


def test_a_surname_in_capitals_alone_at_the_end_is_signed() -> None:
    text = (
        "Memorandum\n\nWashington, May 3, 1960.\n\n"
        "The talks went on for a long time and ended late.\n\nSMITH\n"
    )
    tree = run(text).tree
    closer = tree.find(".//t:closer", NS)
    assert closer is not None
    assert frag(closer) == "<closer><signed>SMITH</signed></closer>"


def test_a_signature_mark_and_the_name_are_one_signed() -> None:
    text = (
        "Memorandum\n\nWashington, May 3, 1960.\n\n"
        "The talks went on for a long time and ended late.\n\n[signature]\n\nSMITH\n"
    )
    closer = run(text).tree.find(".//t:closer", NS)
    assert closer is not None
    assert frag(closer) == (
        '<closer><signed><gap reason="omitted" resp="#transcriber"><desc>signature</desc></gap>'
        "<lb/>SMITH</signed></closer>"
    )


def test_a_signature_mark_alone_at_the_end_is_signed() -> None:
    text = (
        "Memorandum\n\nWashington, May 3, 1960.\n\n"
        "The talks went on for a long time and ended late.\n\n/s/\n"
    )
    closer = run(text).tree.find(".//t:closer", NS)
    assert closer is not None
    assert frag(closer) == "<closer><signed>/s/</signed></closer>"
