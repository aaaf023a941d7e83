"""The FRUS scorer itself: frus2raw's ground truth against TEI, feature by feature.

These tests need no conversion and no FRUS volume: they check ``devset/frus_score.py``
on a small ground truth and TEI documents written here, so that a figure the FRUS
evaluation prints can be trusted.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).resolve().parent / "devset"))

import frus_score

TRUTH: dict[str, Any] = {
    "title": "Memorandum of Conversation[1]",
    "date_when": "1961-05-04T10:00:00",
    "classification": "Secret; Exdis.",
    "participants": ["The Secretary", "Ambassador Jane Roe, Embassy", "Delegates"],
    "speakers": ["The Secretary"],
    "gaps": 1,
    "footnotes": [{"n": "1", "text": "Source: a file."}, {"n": "2", "text": "Not linked."}],
    "blocks": [
        {"kind": "list-head", "text_start": "PARTICIPANTS"},
        {"kind": "item", "text_start": "The Secretary"},
        {"kind": "head", "text_start": "Economic Questions"},
        {"kind": "p", "text_start": "The Secretary said that the talks went well.", "line": 9},
        {"kind": "page", "text_start": "12"},
        {"kind": "p", "text_start": "He added a word.", "line": 13},
        {"kind": "page", "text_start": "13"},
    ],
}

TEI = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>
<title type="main">Memorandum of Conversation</title></titleStmt><publicationStmt>
<idno type="teikit">x</idno></publicationStmt></fileDesc>
<profileDesc><creation><date when="1961-05-04">May 4<ref>2</ref>, 1961</date></creation>
<particDesc><listPerson>
<person xml:id="p1"><persName>The Secretary</persName></person>
<person xml:id="p2"><persName>Ambassador Jane Roe</persName></person>
<person xml:id="p3"><persName>Somebody Else</persName></person>
</listPerson></particDesc></profileDesc>
</teiHeader><text><body><div type="conversation">
<head>Memorandum of Conversation<ref type="footnote" target="#fn1">1</ref></head>
<p>Source: a file. <stamp type="classification">Secret; Exdis.</stamp></p>
<head>PARTICIPANTS</head><head>The Secretary</head>
<head>Economic Questions</head>
<p>The Secretary said that the talks went well.</p><pb n="12"/>
<p>He added <gap reason="lost"/> a word. <gap reason="lost"/></p><pb n="13"/>
<p><stamp>Top Secret</stamp></p>
</div></body><back><div type="notes">
<note type="footnote" xml:id="fn1" n="1">Source: a file.</note>
<note type="footnote" xml:id="fn2" n="2">Not linked.</note></div></back></text></TEI>"""


@pytest.fixture
def root() -> etree._Element:
    return etree.fromstring(TEI.encode())


def test_truth_heads_title_first_list_heads_neutral() -> None:
    heads, neutral = frus_score.truth_heads(TRUTH)
    assert heads == [("memorandumofconversation", False), ("economicquestions", False)]
    assert neutral == ["participants"]


def test_heads_scored_greedily_list_heads_neutral(root: etree._Element) -> None:
    pred = frus_score.tei_heads(root)
    assert pred == [
        "memorandumofconversation",
        "participants",
        "thesecretary",
        "economicquestions",
    ]
    tp, n_pred, true, missed, false = frus_score.score_heads(TRUTH, pred)
    assert (tp, n_pred, true, missed, false) == (2, 3, 2, [], ["thesecretary"])


def test_a_head_that_begins_with_a_truncated_truth_matches() -> None:
    want = "a" * 60
    assert frus_score.heads_match(want + "bcd", want, truncated=True)
    assert not frus_score.heads_match(want + "bcd" * 20, want, truncated=False)


def test_title_and_date(root: etree._Element) -> None:
    assert frus_score.tei_title(root) == "memorandumofconversation"
    assert frus_score.tei_date(root) == "1961-05-04"


def test_markings_level_found_and_stamps_judged(root: etree._Element) -> None:
    assert frus_score.truth_marking(TRUTH) == ("secret", ["secret", "exdis"])
    assert frus_score.truth_marking({"classification": "No classification marking."}) is None
    found, true, stamps, good, misses = frus_score.score_markings(TRUTH, root)
    assert (found, true, stamps, good) == (1, 1, 2, 2)
    assert misses == []
    found, true, stamps, good, misses = frus_score.score_markings({"classification": None}, root)
    assert (found, true, stamps, good) == (0, 0, 2, 0)
    assert len(misses) == 2


def test_page_boundaries_inner_only(root: etree._Element) -> None:
    assert frus_score.truth_page_boundaries(TRUTH) == 1
    assert frus_score.tei_page_boundaries(root) == 2


def test_participants_as_persons(root: etree._Element) -> None:
    persons = frus_score.tei_persons(root)
    assert persons == [["thesecretary"], ["ambassadorjaneroe"], ["somebodyelse"]]
    found, true, n_pred, good, misses = frus_score.score_persons(TRUTH, persons)
    assert (found, true, n_pred, good) == (2, 3, 3, 2)
    assert misses == [
        "participant not a person 'Delegates'",
        "person who is no participant ['somebodyelse']",
    ]


def test_a_group_entry_counts_as_found() -> None:
    tei = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><list type="participants">'
        b"<item>Delegates</item><item><persName>X</persName></item></list></body></text></TEI>"
    )
    assert frus_score.tei_groups(tei) == ["delegates"]
    found, true, _, _, misses = frus_score.score_persons(
        TRUTH, [["thesecretary"], ["ambassadorjaneroe"]], frus_score.tei_groups(tei)
    )
    assert (found, true, misses) == (3, 3, [])


def test_a_glued_marker_is_no_lost_word(root: etree._Element) -> None:
    assert frus_score.lost_words("He added a word.1 Exdis2", root) == []
    assert frus_score.lost_words("He added a word7 Exdis", root) == ["word7"]
    assert frus_score.lost_words("May 42 1961", root) == []


def test_score_file_counts_every_feature(tmp_path: Path) -> None:
    raw = tmp_path / "doc.txt"
    text = "Memorandum of Conversation\n\nThe Secretary said that the talks went well.\n"
    raw.write_text(text, encoding="utf-8")
    raw.with_suffix(".json").write_text(json.dumps(TRUTH), encoding="utf-8")
    c = frus_score.score_file(raw, converter=lambda _: etree.fromstring(TEI.encode()))
    s = c.summary()
    assert {k: s[k] for k in s if k not in ("docs", "refused")} == {
        "turns P": 1.0,
        "turns R": 1.0,
        "turns P adjudicated": 1.0,
        "turns R adjudicated": 1.0,
        "docs without dialogue given turns": 0,
        "docs without dialogue given turns adjudicated": 0,
        "notes P": 1.0,
        "notes R": 1.0,
        "notes P adjudicated": 1.0,
        "notes R adjudicated": 1.0,
        "notes linked": 0.5,
        "headings P": round(2 / 3, 3),
        "headings R": 1.0,
        "title": 1.0,
        "date": 1.0,
        "kind": 1.0,
        "markings P": 1.0,
        "markings R": 1.0,
        "page breaks P": 0.5,
        "page breaks R": 1.0,
        "persons P": round(2 / 3, 3),
        "persons R": round(2 / 3, 3),
        "false lost gaps": 1,
        "words lost": 0,
        "docs losing words": 0,
    }
    assert "doc: note [2] not linked" in c.misses


def test_a_refusal_counts_and_is_told(tmp_path: Path) -> None:
    raw = tmp_path / "doc.txt"
    raw.write_text("x\n", encoding="utf-8")
    raw.with_suffix(".json").write_text(json.dumps(TRUTH), encoding="utf-8")

    def refuse(_: Path) -> etree._Element:
        raise ValueError("no")

    c = frus_score.score_file(raw, converter=refuse)
    assert (c.docs, c.refused, c.refusals) == (1, 1, ["doc: ValueError: no"])


def test_table_has_a_row_per_combination_in_both_parts() -> None:
    table = frus_score.format_table({"plain": frus_score.Counts(docs=1)}, "t")
    assert [line.split()[0] for line in table.splitlines()] == [
        "t",
        "combination",
        "plain",
        "combination",
        "plain",
    ]


def test_styled_section_titles_of_the_volume_are_headings(tmp_path: Path) -> None:
    volume = tmp_path / "frus1900v01.xml"
    volume.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        '<div type="document" xml:id="d1"><head>Estimate</head>'
        '<p rend="center">The Problem</p><p>To weigh the chances.</p>'
        '<p rend="sectiontitleital">Conclusions<note n="2">A note.</note></p>'
        '<p><hi rend="italic">New Moves</hi></p><p><hi rend="italic">An aside</hi>, said.</p>'
        '<p rend="center">' + "Centred prose. " * 12 + "</p>"
        "</div></body></text></TEI>",
        encoding="utf-8",
    )
    titles = frus_score.volume_section_titles(volume)
    assert titles == {"d1": ["theproblem", "conclusions", "newmoves"]}
    truth = {
        "title": "Estimate",
        "blocks": [
            {"kind": "p", "text_start": "The Problem"},
            {"kind": "p", "text_start": "To weigh the chances."},
            {"kind": "p", "text_start": "Conclusions[2]"},
        ],
    }
    heads, neutral = frus_score.truth_heads(truth, titles["d1"])
    assert heads == [("estimate", False), ("theproblem", False), ("conclusions", False)]
    assert neutral == []


def test_styled_paragraphs_an_editor_reads_otherwise(tmp_path: Path) -> None:
    volume = tmp_path / "frus1900v02.xml"
    volume.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        '<div type="document" xml:id="d1">'
        '<p rend="center">MEETING OF MINISTERS</p><p rend="center">June 1960</p>'
        '<p rend="sectiontitleital">SECRET</p>'
        '<p rend="sectiontitleital">We have two choices:</p>'
        '<p rend="sectiontitleital">Begin text.</p>'
        "<p>RECOMMENDATIONS</p><p>II. Effects of Recognition</p><p>Discussion:</p>"
        "<p>Short plain text.</p><p>Walt</p>"
        '<p rend="right"><hi rend="strong"><persName>Anna Berg</persName></hi></p>'
        '<p><hi rend="strong"><persName>Anna Berg</persName></hi></p>'
        "</div></body></text></TEI>",
        encoding="utf-8",
    )
    assert frus_score.styled_paragraphs(volume) == {
        "d1": [
            ("meetingofministers", "title"),
            ("june1960", "neutral"),
            ("wehavetwochoices", "neutral"),
            ("begintext", "neutral"),
            ("recommendations", "neutral"),
            ("iieffectsofrecognition", "neutral"),
            ("discussion", "neutral"),
        ]
    }
    truth = {
        "title": "",
        "blocks": [
            {"kind": "p", "text_start": "MEETING OF MINISTERS"},
            {"kind": "p", "text_start": "June 1960"},
            {"kind": "p", "text_start": "RECOMMENDATIONS"},
        ],
    }
    heads, neutral = frus_score.truth_heads(truth, frus_score.styled_paragraphs(volume)["d1"])
    assert heads == [("meetingofministers", False)]
    assert neutral == ["june1960", "recommendations"]


@pytest.mark.parametrize(
    ("title", "kinds"),
    [
        (
            "Telegram From the Embassy in Ruritania to the Department of State",
            {"telegram", "cable"},
        ),
        ("Circular Telegram From the Department of State to Certain Posts", {"telegram", "cable"}),
        (
            "Memorandum of a Conversation Between A and B, Washington",
            {"conversation", "transcript"},
        ),
        ("Memorandum of Telephone Conversation", {"conversation", "transcript"}),
        ("Notes of Meeting", {"conversation", "minutes", "transcript", "memorandum"}),
        (
            "Minutes of the 12th Meeting of the Board",
            {"conversation", "minutes", "transcript", "memorandum"},
        ),
        ("Letter From President Roe to Prime Minister Doe", {"letter"}),
        ("Action Memorandum From the Assistant Secretary", {"memorandum"}),
        ("Editorial Note", None),
        ("Paper Prepared in the Department of State", None),
    ],
)
def test_the_kind_a_title_names(title: str, kinds: set[str] | None) -> None:
    got = frus_score.truth_kinds(title)
    assert (set(got) if got is not None else None) == kinds


def test_the_kind_is_the_body_division_type_or_subtype() -> None:
    root = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body>'
        b'<div type="memorandum" subtype="minutes"><p>x</p></div></body></text></TEI>'
    )
    assert frus_score.tei_kinds(root) == {"memorandum", "minutes"}


def test_a_printed_cable_s_own_page_heads_are_page_turns() -> None:
    raw = (
        "SECRET\n\nPAGE 01 STATE 024976\n\nTEXT.\n\nSECRET\n\nPAGE 02 STATE 024976\n\n"
        "MORE.\n\nPAGE 03 WARSAW 01634 071251 Z\n\nEND.\n\nSee page 2 above.\n"
    )
    assert frus_score.copy_page_turns(raw) == 2
