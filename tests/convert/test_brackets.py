"""What a bracket is: the classification, and the TEI each kind becomes."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from teikit.convert import convert
from teikit.convert.recognizers.brackets import classify_paren, classify_square, closes_turn
from teikit.xmlio import TEI_NS

NONE: frozenset[str] = frozenset()


@pytest.mark.parametrize(
    ("content", "kind"),
    [
        ("illegible", "illegible"),
        ("2 words illegible", "illegible"),
        ("inaudible", "illegible"),
        ("unclear", "illegible"),
        ("text not declassified", "withheld"),
        ("Name not declassified", "withheld"),
        ("1 line of source text not declassified", "withheld"),
        ("matter omitted", "omitted"),
        ("Omitted here is a table of contents", "omitted"),
        ("Archive: Central Files, POL 1 US-YUGO, item 12", "archive"),
        ("RG 59, Box 4, Folder 7", "archive"),
        ("Laughter", "stage"),
        ("Applause", "stage"),
        ("At this point Mr. Smith joined the meeting.", "stage"),
        ("Whereupon, at 12:30 p.m., the meeting was adjourned.", "stage"),
        ("OFF THE RECORD", "stage"),
        ("END OF TAPE 1, SIDE A", "stage"),
        ("Tape stopped", "stage"),
        ("former prime minister Nehru", "gloss"),
        ("i.e. the Soviet Ambassador", "gloss"),
        ("Kuomintang?", "unclear"),
        ("Discusses the flexibility of the Indian position.", "summary"),
        ("the scene", "supplied"),
        ("signature", "signature"),
        ("sic", "sic"),
    ],
)
def test_classify_square(content: str, kind: str) -> None:
    assert classify_square(content, NONE) == kind


def test_a_reading_followed_by_a_footnote_marker_is_doubtful_not_supplied() -> None:
    assert classify_square("Kubinsky", frozenset({"1"}), "1 was") == "unclear"
    assert classify_square("Kubinsky", frozenset({"1"}), " was") == "supplied"


def test_laughter_in_parentheses_is_a_stage_direction_in_a_conversation() -> None:
    assert classify_paren("Laughter.", stage_allowed=True) == "stage"
    assert classify_paren("see above", stage_allowed=True) == "text"


def test_narrated_events_and_omissions_end_a_turn_but_laughter_does_not() -> None:
    assert closes_turn("stage", "At this point Mr. Smith joined the meeting.")
    assert not closes_turn("stage", "Laughter")
    assert closes_turn("omitted", "Omitted here is a table of contents")


def _body(text: str) -> str:
    root = convert(text=text, name="doc").tree.getroot()
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body")
    assert body is not None
    xml = etree.tostring(body, encoding="unicode")
    return re.sub(r' xmlns="[^"]+"', "", xml)


def test_brackets_become_gaps_bibl_stage_and_editorial_notes() -> None:
    xml = _body(
        "Memorandum\n\n"
        "The names [name not declassified] and [illegible] were read. [Laughter] "
        "The file [Archive: Central Files, POL 1, item 12] was cited by [former prime minister "
        "Nehru] himself.\n"
    )
    assert (
        '<gap reason="withheld" resp="#transcriber"><desc>name not declassified</desc></gap>' in xml
    )
    assert '<gap reason="illegible" resp="#transcriber"><desc>illegible</desc></gap>' in xml
    assert "<stage>Laughter</stage>" in xml
    assert '<bibl>Archive: Central Files, POL 1, <idno type="record">item 12</idno></bibl>' in xml
    assert '<note type="editorial" resp="#transcriber">former prime minister Nehru</note>' in xml


def test_signature_is_a_gap_not_a_stamp() -> None:
    xml = _body("Note\n\nVerified: Colonel [signature] (Makarov)\n")
    assert '<gap reason="omitted" resp="#transcriber"><desc>signature</desc></gap>' in xml
    assert "stamp" not in xml


def test_an_unbalanced_bracket_keeps_the_text_after_it() -> None:
    result = convert(text="Memo\n\nThe [text was\n\nSecond paragraph stays.\n", name="doc")
    xml = result.data.decode()
    assert "The [text was" in xml
    assert "<p>Second paragraph stays.</p>" in xml
    assert any("never closed" in u.message for u in result.report.uncertainties)
