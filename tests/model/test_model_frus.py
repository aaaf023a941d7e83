"""Foreign TEI: real FRUS volumes load, and their documents, people, notes, dates and pages
come out (full load and streaming agree)."""

from __future__ import annotations

import datetime as dt
import tracemalloc
from typing import TYPE_CHECKING

import pytest
from lxml import etree

import teikit
from teikit.model import Division, iter_documents

if TYPE_CHECKING:
    from pathlib import Path

NS = {"t": "http://www.tei-c.org/ns/1.0"}
# A representative subset keeps the suite fast: a 1969-76 volume with a persons list and
# footnotes, and a 1964-68 volume of transcripts (many documents, many page breaks).
SUBSET = ("frus1969-76v12.xml", "frus1964-68v07.xml")


@pytest.fixture(scope="module")
def v12(shared: Path) -> teikit.TeiDocument:
    return teikit.load(shared / "frus" / "frus1969-76v12.xml")


@pytest.mark.shared
@pytest.mark.parametrize("name", SUBSET)
def test_counts_match_the_xml(shared: Path, name: str) -> None:
    path = shared / "frus" / name
    tree = etree.parse(str(path))
    doc = teikit.load(tree)
    divs = tree.xpath("//t:div[@type='document']", namespaces=NS)
    assert len(doc.documents) == len(divs)
    assert [d.id for d in doc.documents] == [
        d.get("{http://www.w3.org/XML/1998/namespace}id") for d in divs
    ]
    assert len(doc.page_breaks) == len(tree.xpath("//t:pb", namespaces=NS))
    assert len(doc.notes) == len(tree.xpath("//t:text//t:note", namespaces=NS))
    assert len(doc.persons) == len(tree.xpath("//t:persName[@xml:id]", namespaces=NS))
    with_dates = [d for d in divs if d.xpath("t:dateline/t:date/@when", namespaces=NS)]
    assert sum(1 for d in doc.documents if d.date is not None) >= len(with_dates)


@pytest.mark.shared
def test_first_document_exact(v12: teikit.TeiDocument) -> None:
    d1 = v12.documents[0]
    assert (d1.id, d1.n, d1.kind) == ("d1", "1", "document")
    assert d1.heading is not None and d1.heading.text == "1. Memorandum of Conversation"
    assert d1.date is not None
    assert (d1.date.value, d1.date.text) == (dt.date(1969, 1, 2), "January 2, 1969")
    assert [(n.n, n.kind) for n in d1.notes] == [("1", "source")] + [
        (str(i), None) for i in range(2, 9)
    ]
    assert d1.source_note is not None
    assert d1.source_note.text.startswith("Source: National Archives, Nixon Presidential")
    assert [n.anchor for n in d1.footnotes][:2] == [
        "fact a member of Soviet intelligence,",
        "of my trip to Key Biscayne.",
    ]
    assert d1.footnotes[-1].text == "Not found."
    assert [(p.n, p.id, p.facs) for p in d1.page_breaks] == [
        ("2", "pg_2", "0035"),
        ("3", "pg_3", "0036"),
        ("4", "pg_4", "0037"),
    ]
    assert d1.line == 1022


@pytest.mark.shared
def test_persons_and_mentions(v12: teikit.TeiDocument) -> None:
    sedov = v12.person("#p_SB2")
    assert sedov is not None
    assert (sedov.label, sedov.description) == (
        "Sedov, Boris",
        "Second Secretary of the Embassy of the USSR",
    )
    d1 = v12.documents[0]
    ids = {m.person_id for m in d1.mentions}
    assert {"p_SB2", "p_KHA1", "p_NRM1"} <= ids
    assert all(v12.person(i) is not None for i in ids if i)
    assert v12.header.title == (
        "Foreign Relations of the United States, 1969–1976, Volume XII, Soviet Union, "
        "January 1969–October 1970"
    )
    assert [(i.kind, i.value) for i in v12.header.idnos][-1] == ("frus", "frus1969-76v12")


@pytest.mark.shared
def test_text_is_kept_through_foreign_markup(v12: teikit.TeiDocument) -> None:
    d1 = v12.documents[0]
    paragraphs = [b for b in d1.blocks if not isinstance(b, Division)]
    assert any(
        getattr(b, "text", "").startswith(
            "Boris Sedov, officially counselor of the Soviet Embassy, but in fact a member of "
            "Soviet intelligence, called on me today at his request."
        )
        for b in paragraphs
    )
    # A page break inside a paragraph vanishes from the text without gluing words.
    assert "I added that as long as American soldiers" in d1.text


@pytest.mark.shared
def test_streaming_equals_full_load_and_is_bounded(shared: Path, v12: teikit.TeiDocument) -> None:
    path = shared / "frus" / "frus1969-76v12.xml"
    tracemalloc.start()
    try:
        count = 0
        for streamed, full in zip(iter_documents(path), v12.documents, strict=True):
            assert streamed == full
            assert streamed.element is None and streamed.line == full.line
            count += 1
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 229
    # The full model of this volume takes tens of MB; streaming never holds more than a
    # few documents (the compared full model was allocated before tracing started).
    assert peak < 8_000_000
