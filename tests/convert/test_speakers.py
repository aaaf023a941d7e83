"""Speaker labels: what is not a speaker, turns inside paragraphs, one person one id."""

from __future__ import annotations

import re

import pytest
from lxml import etree

from teikit.convert import convert
from teikit.convert.persons import Registry
from teikit.convert.recognizers.pages import Para
from teikit.convert.recognizers.speakers import (
    Speakers,
    candidate,
    not_a_speaker,
    slug,
    split_at,
    turn_starts,
)
from teikit.convert.zones import Line
from teikit.xmlio import TEI_NS


@pytest.mark.parametrize(
    ("label", "rest"),
    [
        ("AGENCY", " SSC"),
        ("DOCUMENT TYPE", " PAPER"),
        ("AGENDA ITEM III", " Budget"),
        ("Subject", " Berlin"),
        ("Smith", " 45: clerk, Division of Records"),
        ("Chapter One", " Introduction ........ 5"),
        ("DocId", " 32203816 Page 3"),
    ],
)
def test_not_speakers(label: str, rest: str) -> None:
    assert not_a_speaker(label, rest)


def test_speaker_forms() -> None:
    assert not not_a_speaker("MAJOR SMITH", " In January we went.")
    c = candidate("Mr. Schwarz. And then in 1947, did you join?")
    assert c is not None and (c.label, c.punct) == ("Mr. Schwarz", ".")
    c = candidate("The Secretary then said to Duda: I wish you would ask.")
    assert c is not None and c.verb


def test_form_fields_in_capitals_are_not_a_dialogue() -> None:
    openings = ["AGENCY: FBI", "ORIGINATOR: CIA", "TITLE: MEMO", "TO: Director", "FROM: SAC"]
    assert Speakers(openings).accepted == frozenset()


def test_capitals_captions_of_a_cable_need_to_recur() -> None:
    openings = ["TO: SecState", "SUBJ: Policy", "BACKGROUND: The party.", "PROSPECTS: Good."]
    assert Speakers(openings).accepted == frozenset()


@pytest.mark.parametrize(
    ("a", "b"),
    [("DR. SMITH", "Dr. Smith"), ("THE CHAIRMAN", "The Chairman"), ("MAJOR JONES", "Jones")],
)
def test_one_person_one_id(a: str, b: str) -> None:
    assert slug(a) == slug(b)
    assert slug("Secretary of State Rusk") == "rusk"
    assert slug("The Vice President") == "vice-president"


def test_a_surname_joins_the_full_name_it_belongs_to() -> None:
    reg = Registry(())
    assert reg.add("Walt Rostow", "speaker") == "walt-rostow"
    assert reg.add("Mr. Rostow", "speaker") == "walt-rostow"


def test_turns_inside_a_paragraph() -> None:
    speakers = Speakers(["MAJOR SMITH: Yes.", "DR. JONES: No.", "MAJOR SMITH: Well.", "X"])
    lines = ["Present: Major Smith, Dr. Jones", "MAJOR SMITH: In the fall? DR. JONES: In January."]
    starts = turn_starts(lines, speakers)
    assert starts == [(1, 0), (1, lines[1].index("DR. JONES"))]
    para = Para([Line(lines[0], 0), Line(lines[1], 100)])
    parts = split_at(para, starts)
    assert [[ln.text for ln in p.lines] for p in parts] == [
        ["Present: Major Smith, Dr. Jones"],
        ["MAJOR SMITH: In the fall?"],
        ["DR. JONES: In January."],
    ]
    assert parts[2].lines[0].offset == 100 + lines[1].index("DR. JONES")


def test_hearing_with_period_labels_and_a_stage_direction() -> None:
    text = (
        "Testimony\n\n"
        "Mr. Schwarz. Did you join the CIA?\n"
        "Mr. Harvey. That is correct.\n\n"
        "Mr. Schwarz. Is that counterespionage?\n\n"
        "Mr. Harvey. Yes, it was. [Laughter]\n\n"
        "[At this point Senator Tower joined the meeting.]\n\n"
        "Senator Tower. You and who?\n\n"
        "Mr. Harvey. Nobody.\n"
    )
    root = convert(text=text, name="doc").tree.getroot()
    body = root.find(f"{{{TEI_NS}}}text/{{{TEI_NS}}}body/{{{TEI_NS}}}div")
    assert body is not None
    xml = re.sub(r' xmlns="[^"]+"', "", etree.tostring(body, encoding="unicode"))
    who = re.findall(r'<sp who="#([^"]+)"><speaker>([^<]+)</speaker>', xml)
    assert who == [
        ("schwarz", "Mr. Schwarz."),
        ("harvey", "Mr. Harvey."),
        ("schwarz", "Mr. Schwarz."),
        ("harvey", "Mr. Harvey."),
        ("tower", "Senator Tower."),
        ("harvey", "Mr. Harvey."),
    ]
    assert "<p>Yes, it was. <stage>Laughter</stage></p></sp>" in xml
    assert "</sp><p><stage>At this point Senator Tower joined the meeting.</stage></p><sp" in xml


def test_parts_fields_and_source_notes_end_a_turn_page_furniture_does_not() -> None:
    from teikit.convert.recognizers.speakers import ends_turn

    assert ends_turn("AGENDA ITEM III: Budget of the series")
    assert ends_turn("Source: National Archives, RG 59, Central Files.")
    assert not ends_turn("DocId: 32203816 Page 3")
    assert not ends_turn("MR. NOBLE: We went on.")
    assert not ends_turn("And then we went on.")
