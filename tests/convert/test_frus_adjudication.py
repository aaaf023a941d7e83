"""The FRUS scorer's adjudicated figures and its repair of the reference's 60-character cut."""

from __future__ import annotations

import sys
import tomllib
from collections import Counter
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "devset"))
import frus_adjudication
from frus_adjudication import (
    Decision,
    NoteDecision,
    adjudicated_notes,
    adjudicated_truth,
    invented_dialogue,
    note_verdict,
    parse,
    parse_notes,
    verdict,
)
from frus_score import _alnum, reconcile_truncated

DECISIONS = [
    Decision("d1", "fp", "the chairman", None, "reference-gap", "period-style label"),
    Decision("d1", "fp", "mr. roe said", "no", "converter-error", "narration"),
    Decision("d1", "fn", "roe replied", None, "reference-gap", "narration, not a turn"),
]


def test_verdict_by_label_or_turn_start() -> None:
    assert verdict(DECISIONS, "d1", "fp", "the chairman", "anything") == "reference-gap"
    assert verdict(DECISIONS, "d1", "fp", "mr. roe said", "no") == "converter-error"
    assert verdict(DECISIONS, "d1", "fp", "mr. roe said", "yes") is None
    assert verdict(DECISIONS, "d2", "fp", "the chairman", "x") is None


def test_adjudicated_truth_counts_reference_gaps_only() -> None:
    want = Counter({("roe replied", "later"): 1, ("doe", "yes"): 1})
    got = Counter({("the chairman", "welcome"): 2, ("mr. roe said", "no"): 1, ("doe", "yes"): 1})
    assert adjudicated_truth("d1", want, got, DECISIONS) == Counter(
        {("the chairman", "welcome"): 2, ("doe", "yes"): 1}
    )


def test_a_document_whose_turns_were_judged_real_has_dialogue() -> None:
    # the reference has no turn in d1; the converter's ``the chairman`` turns are real
    got = Counter({("the chairman", "welcome"): 2})
    assert not invented_dialogue("d1", Counter(), got, DECISIONS)
    # a turn judged the converter's error, or undecided, leaves the document without dialogue
    assert invented_dialogue("d1", Counter(), Counter({("mr. roe said", "no"): 1}), DECISIONS)
    assert invented_dialogue("d2", Counter(), got, DECISIONS)
    # no turns given, nothing invented; turns in the reference, a document with dialogue
    assert not invented_dialogue("d2", Counter(), Counter(), DECISIONS)
    assert not invented_dialogue("d2", Counter({("doe", "yes"): 1}), got, DECISIONS)


def test_parse_rejects_an_unknown_verdict() -> None:
    case = {"doc": "d", "kind": "fp", "label": "x", "verdict": "maybe", "reason": "r"}
    with pytest.raises(ValueError):
        parse({"case": [case]})


def test_the_adjudication_file_is_well_formed() -> None:
    data = tomllib.loads(frus_adjudication.DEFAULT.read_text("utf-8"))
    decisions = parse(data)
    assert decisions and all(d.reason for d in decisions)
    assert len({(d.doc, d.kind, d.label, d.start) for d in decisions}) == len(decisions)


def test_a_key_cut_inside_a_bracket_matches_the_turn_it_begins() -> None:
    # the reference kept 60 characters: the stage direction, unclosed, and two letters
    assert _alnum("[interrupts the translation at the reference to the") == ""
    want = Counter({("roe", "wh"): 1, ("doe", "no"): 1})
    got = Counter({("roe", "whydoyousayo"): 1, ("doe", "nothing"): 0, ("doe", "no"): 1})
    assert reconcile_truncated(want, got) == Counter({("roe", "whydoyousayo"): 1, ("doe", "no"): 1})


NOTE_DECISIONS = [
    NoteDecision("d1", "fp", "*", "noteswerenot", "reference-gap", "an asterisk note"),
    NoteDecision("d1", "fp", "2", None, "converter-error", "a body point read as a note"),
    NoteDecision("d1", "fn", "3", None, "reference-gap", "an editor's remark, not a note"),
]


def test_note_verdict_by_number_and_text_start() -> None:
    assert note_verdict(NOTE_DECISIONS, "d1", "fp", "*", "noteswerenottaken") == "reference-gap"
    assert note_verdict(NOTE_DECISIONS, "d1", "fp", "*", "otherwords") is None
    assert note_verdict(NOTE_DECISIONS, "d1", "fp", "2", "anything") == "converter-error"
    assert note_verdict(NOTE_DECISIONS, "d2", "fp", "*", "noteswerenottaken") is None


def test_adjudicated_notes_count_reference_gaps_only() -> None:
    want = Counter({("1", "source"): 1, ("3", "remark"): 1})
    got = Counter({("1", "source"): 1, ("*", "noteswerenottaken"): 1, ("2", "point"): 1})
    assert adjudicated_notes("d1", want, got, NOTE_DECISIONS) == Counter(
        {("1", "source"): 1, ("*", "noteswerenottaken"): 1}
    )


def test_the_note_adjudications_are_well_formed() -> None:
    data = tomllib.loads(frus_adjudication.DEFAULT.read_text("utf-8"))
    decisions = parse_notes(data)
    assert decisions and all(d.reason for d in decisions)
    assert len({(d.doc, d.kind, d.n, d.start) for d in decisions}) == len(decisions)
    with pytest.raises(ValueError):
        parse_notes({"note": [{"doc": "d", "kind": "fp", "n": "1", "verdict": "?", "reason": "r"}]})
