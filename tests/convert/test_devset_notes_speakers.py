"""Expected facts for the development set: endnotes linked, turns only where there is dialogue.

The facts were decided by reading each document as an editor would (see
``../shared/devset/README.md`` for what the documents are). Endnotes: every
note at the end of a document is found and linked to its marker (glued to the
heading ``States1``, to a year ``1913.2``, to initials ``MacM.2``, bracketed
``[12]``; notes written ``1 text``, ``1. text`` and ``[1] text``, after a rule,
a signature or a ``NOTES`` heading). Turns: the three verbatim transcripts have
them (hearings label turns with a period, ``Mr. Schwarz.``); no other document
has any, however many ``AGENCY:``-like fields or ``AGENDA ITEM III:`` it holds.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from teikit.convert import convert
from teikit.xmlio import TEI_NS

if TYPE_CHECKING:
    from pathlib import Path

    from lxml import etree

T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: Endnotes per document (all others have none).
NOTES = {
    "frushist_1925-03-26_memos-dennett-editing-principles": 4,
    "frushist_1969-11-07_hac-minutes": 1,
    "frushist_1972-09-22_memo-kogan-franklin": 2,
    "frushist_1976-11-17_action-memo-blair-kissinger": 1,
    "frushist_1979-08-15_memcon-historian-cia": 1,
    "frushist_1981-06_research-study-kogan": 36,
    "frushist_1988-08-04_memo-dillery-spiers": 1,
    "frushist_1990-06-23_letter-webster-boren": 1,
}
#: The verbatim transcripts: at least this many turns, and these many speakers at most.
#: (The airtel quotes two lines of a tapped conversation: a dialogue quoted in a report.)
DIALOGUE = {
    "frushist_1960-11-04_hac-transcript": (645, 25),
    "jfk_1964-06-23_fbi-airtel-legat-london": (2, 2),
    "jfk_1975-06-25_senate-testimony-harvey": (95, 4),
    "jfk_1975-07-30_senate-testimony-maheu": (240, 5),
}


@pytest.fixture(scope="module")
def devset(shared: Path) -> dict[str, etree._Element]:
    raw = sorted((shared / "devset" / "raw").glob("*.txt"))
    if not raw:
        pytest.skip("the development set is not present")
    return {p.stem: convert(p).tree.getroot() for p in raw}


def test_every_document_converts_and_is_valid(devset: dict[str, etree._Element]) -> None:
    assert len(devset) == 62


def test_endnotes_found_and_linked(devset: dict[str, etree._Element]) -> None:
    got: dict[str, tuple[int, int]] = {}
    for name, root in devset.items():
        notes = [n for n in root.iter(f"{T}note") if n.get("type") == "footnote"]
        targets = {r.get("target") for r in root.iter(f"{T}ref")}
        linked = sum(1 for n in notes if f"#{n.get(XML_ID)}" in targets)
        if notes:
            got[name] = (len(notes), linked)
    assert got == {name: (n, n) for name, n in NOTES.items()}


def test_turns_only_in_the_transcripts(devset: dict[str, etree._Element]) -> None:
    for name, root in devset.items():
        turns = list(root.iter(f"{T}sp"))
        if name not in DIALOGUE:
            assert turns == [], name
            continue
        least, most_speakers = DIALOGUE[name]
        assert len(turns) >= least, name
        assert len({sp.get("who") for sp in turns}) <= most_speakers, name
