"""Loading teikit's own encoding: every field the contract writes comes out, exactly."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import TYPE_CHECKING

import pytest

from teikit.model import (
    Correction,
    DatePrecision,
    Division,
    Idno,
    LineBreak,
    NoteType,
    Opener,
    Salute,
    StampType,
)

if TYPE_CHECKING:
    import teikit


def test_speeches_exact(conversation: teikit.TeiDocument) -> None:
    assert [(s.person_id, s.label) for s in conversation.speeches] == [
        ("khrushchev-ns", "KHRUSHCHEV N.S.:"),
        ("mao-zedong", "MAO ZEDONG:"),
        ("suslov-ma", "SUSLOV, M.A.:"),
        ("khrushchev-ns", "KHRUSHCHEV N.S.:"),
    ]
    first = conversation.speeches[0]
    assert first.person is conversation.person("khrushchev-ns") or first.person == (
        conversation.person("#khrushchev-ns")
    )
    assert first.person is not None
    assert first.person.full_name == "Nikita Sergeyevich Khrushchev"
    assert len(first.paragraphs) == 2
    assert first.text == (
        "During many years we have renounced nothing. If Nehru leaves the scene, it would be "
        "worse.\n\nIt would be better if he was in the grave. Luchshe by, esli by on byl v grobu."
    )
    assert first.text_as_written.startswith("During many years we have rendunced nothing.")
    assert conversation.speeches[1].text == "We do not agree. (Laughter.)"


def test_header(conversation: teikit.TeiDocument) -> None:
    h = conversation.header
    assert h.title == "Record of Conversation of N. S. Khrushchev with Mao Zedong"
    assert h.kind == "conversation"
    assert h.corpus_id == "1959-10-02_conversation_khrushchev-mao"
    assert h.date is not None
    assert (h.date.value, h.date.precision, h.date.text) == (
        dt.date(1959, 10, 2),
        DatePrecision.DAY,
        "October 2, 1959",
    )
    assert [(lang.ident, lang.name) for lang in h.languages] == [
        ("en", "English"),
        ("ru", "Russian"),
    ]
    assert h.translator == "David Wolff"
    assert [(r.id, r.key, r.name) for r in h.responsibilities] == [
        ("transcriber", "trl", "David Wolff"),
        ("teikit", "mrk", "teikit 0.1.0"),
        ("ed-jd", "edt", "J. Doe"),
    ]
    src = h.source
    assert (src.settlement, src.repository, src.collection) == (
        "Washington, DC",
        "Library of Congress",
        "Volkogonov Collection",
    )
    assert src.idnos == (Idno("Reel 17", kind="reel"), Idno("APRF f. 52", kind="call-number"))
    assert src.call_numbers == ("APRF f. 52",)
    assert src.original_language is not None and src.original_language.ident == "ru"
    assert (
        src.citation == '"Record of Conversation", October 2, 1959, Wilson Center Digital Archive'
    )
    assert src.citation_url == "https://digitalarchive.wilsoncenter.org/document/118883"
    assert src.credits == "This document was made possible with support from Leon Levy Foundation"
    assert [p.kind for p in h.editorial] == [None, "dropped"]


def test_people(conversation: teikit.TeiDocument) -> None:
    assert [(p.id, p.label, p.role, p.occupation) for p in conversation.persons] == [
        ("khrushchev-ns", "KHRUSHCHEV N.S.", "speaker", None),
        ("mao-zedong", "MAO ZEDONG", "speaker", None),
        ("suslov-ma", "SUSLOV, M.A.", "speaker", "Secretary of the CC CPSU"),
        ("nehru-j", "Nehru", "participant", None),
    ]


def test_notes_and_corrections(conversation: teikit.TeiDocument) -> None:
    assert [(n.kind, n.text, n.resp, n.anchor) for n in conversation.notes] == [
        ("summary", "After a tense exchange on India.", "#transcriber", ""),
        ("summary", "Discusses the flexibility of policy.", "#transcriber", ""),
        ("editorial", "unclear bracket", "#transcriber", "Agreed"),
        ("footnote", "The Chinese record omits this sentence.", None, "We do not agree."),
    ]
    assert [n.kind for n in conversation.footnotes] == [NoteType.FOOTNOTE]
    assert len(conversation.editorial_notes) == 3
    assert conversation.corrections == (
        Correction("rendunced", "renounced", resp="#ed-jd", cert="high"),
    )


def test_two_text_views(conversation: teikit.TeiDocument) -> None:
    corrected, written = conversation.text, conversation.text_as_written
    assert corrected.replace("renounced", "rendunced") == written
    assert corrected.splitlines()[0] == (
        "RECORD of CONVERSATION of COMRADE KHRUSHCHEV N.S. with MAO ZEDONG"
    )
    assert "After a tense exchange" not in corrected  # notes are apparatus
    assert corrected.endswith("The conversation came to an end.")


def test_source_element_and_line(conversation: teikit.TeiDocument) -> None:
    note = conversation.notes[2]
    assert note.element is not None
    assert note.element.get("type") == "editorial"
    assert note.line == note.element.sourceline == 76
    assert "element" not in repr(note)
    assert note == dataclasses.replace(note, element=None, line=0)
    assert hash(note) == hash(dataclasses.replace(note, element=None, line=0))


def test_objects_are_frozen(conversation: teikit.TeiDocument) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        conversation.speeches[0].label = "X"  # type: ignore[misc]
    assert not hasattr(conversation.speeches[0], "__dict__")


def test_cable_stamps_and_structure(cable: teikit.TeiDocument) -> None:
    assert [(s.kind, s.text, s.where) for s in cable.stamps] == [
        ("classification", "TOP SECRET", "body/div[cable]/p"),
        (
            "registry",
            "SUBJECT TO RETURN to the IV Unit OS VKP(b) CC 757 Incoming N° 254/3612/shs "
            "19 October 1951",
            "body/div[cable]",
        ),
        ("signature", "signature", "body/div[cable]/note[handling]"),
    ]
    assert cable.stamps[0].kind is StampType.CLASSIFICATION
    assert cable.stamps[1].content[1] == LineBreak()
    assert [n.text for n in cable.notes] == [
        "Deciphered by Fedyaev 1205 19 October",
        "Verified: Section Chief Colonel signature (Makarov)",
    ]
    assert [s.text for s in cable.signatures] == ["MAO ZEDONG", "MAO ZEDONG"]
    assert cable.openers == (Opener((Salute(("Cde. FILIPPOV!",)),)),)
    telegram = [d for d in cable.divisions if d.kind == "telegram"]
    assert len(telegram) == 1
    assert telegram[0].date is not None
    assert (telegram[0].date.when, telegram[0].date.cert) == ("1951-10-18", "medium")
    assert cable.header.date is not None
    assert cable.header.date.precision is DatePrecision.MONTH
    assert cable.header.date.value == dt.date(1951, 10, 1)


def test_letter_pages_sections_footnotes(letter: teikit.TeiDocument) -> None:
    assert [(p.n, p.line) for p in letter.page_breaks] == [("8", 27), ("9", 30)]
    sections = [d for d in letter.divisions if d.kind == "section"]
    assert [d.heading.text if d.heading else None for d in sections] == [
        "Difference in communist world"
    ]
    assert [(n.n, n.id, n.anchor, n.text) for n in letter.footnotes] == [
        ("1", "fn1", "We write about Stalin", "J. V. Stalin, 1879–1953."),
        ("2", "fn2", "The Marxist-Leninist view is beyond doubt.", "See the resolution."),
    ]
    body = letter.body[0]
    assert isinstance(body, Division)
    assert body.date is not None and body.date.when == "1962-03-01"
    assert [c.text for c in letter.closers[0].parts if isinstance(c, Salute)] == [
        "With fraternal greetings,"
    ]
    assert letter.signatures[0].text == "SOCIALIST UNITY CENTRE OF INDIA"
    assert "Second point." in letter.text
    assert "be yond doubt" in letter.text_as_written
    assert letter.header.source.description == "Printed pamphlet."
    assert letter.header.date is not None
    assert letter.header.date.precision is DatePrecision.YEAR
