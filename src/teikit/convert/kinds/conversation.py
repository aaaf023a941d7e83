"""Transcripts: turns opened by speaker labels, in a copy that does not call itself a record
of conversation (that one is the kind ``conversation``, named by :mod:`.named`).

A hearing's reporter closes the label with a period (``Senator Roe.``, ``Mr. Doe.``), which
the role stage's ``NAME:`` speaker role does not read; the detector looks for those labels
itself (:func:`hearing_cues`), so that testimony is a transcript before the structure
stage finds its turns.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, kind
from teikit.convert.recognizers.interview import is_qa_transcript
from teikit.convert.recognizers.speakers import CHAIR_LABELS, hearing_label, is_hearing
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from collections.abc import Sequence

    from teikit.convert.features import DocFeatures


@kind("transcript", "conversation", "conversation")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    from teikit.convert.kinds.named import named_kind

    named = named_kind(doc)
    if named is not None and named[0] == "transcript":
        return Score(0.65, f"the copy calls itself {' '.join(named[1].split())} (line {named[2]})")
    texts = [f.text for f in doc.lines]
    hearing = hearing_cues(texts)
    if hearing is not None and not (named is not None and named[0] == "conversation"):
        return hearing
    if is_qa_transcript(texts) and not (named is not None and named[0] == "conversation"):
        # a press conference's ``Q.``/``A.``: its questions recur, no outline's ``B.``
        return Score(0.5, "questions and answers open lines (Q., A.)")
    turns = count(roles, "speaker")
    if turns < 4:
        return Score(0.0, "")
    if recurring_labels(roles) < 2:
        # labels that never come back (garbled form fields ``STATUS:``,
        # ``CRITERIA:``) are no exchange between people
        return Score(0.0, "")
    if named is not None and named[0] == "conversation":
        return Score(0.0, "")
    return Score(min(0.9, 0.6 + turns * 0.005), f"{turns} lines open with a speaker label")


_LABEL = re.compile(r"\((?P<label>[^()]*):\)$")


def recurring_labels(roles: Roles) -> int:
    """How many speaker labels open more than one line: a dialogue has at least two."""
    labels: Counter[str] = Counter()
    for name, score in roles:
        if name == "speaker" and (m := _LABEL.search(score.reason)) is not None:
            labels[" ".join(m.group("label").lower().split())] += 1
    return sum(1 for n in labels.values() if n > 1)


#: Words of a hearing's record: its title page, the reporter's and the chair's formulas.
_HEARING_WORDS_RE = re.compile(
    r"\b(?:testimony|testified|hearings?|committee|subcommittee|deposition|sworn)\b",
    re.IGNORECASE,
)
#: Labels only a hearing has: a member (``Senator Roe.``), the chair, the witness.
_MEMBER_TITLES = frozenset(("senator", "representative", "congressman", "congresswoman"))
_HEARING_OFFICES = CHAIR_LABELS | frozenset(("witness",))


def hearing_office(label: str) -> bool:
    """Whether a label names a member of the committee, its chair or the witness."""
    words = label.lower().split()
    return bool(words) and (words[0] in _MEMBER_TITLES or words[-1] in _HEARING_OFFICES)


def hearing_cues(texts: Sequence[str]) -> Score | None:
    """A hearing's transcript: labels closed by a period recur at line starts, and more.

    The labels (``Mr. Doe.``, perhaps after the reporter's line number) must recur as
    :func:`~teikit.convert.recognizers.speakers.is_hearing` says; a member, the chair
    or the witness among them (``Senator Roe.``, ``The Chairman.``), or the words of a
    hearing's record (testimony, committee, sworn), make it a hearing for sure.
    Without either it is still a transcript, though a copy naming itself a record
    of conversation or minutes outranks it.
    """
    if not is_hearing(texts):
        return None
    labels = [
        lab.label for t in texts if (lab := hearing_label(t)) is not None and lab.punct == "."
    ]
    office = next((lab for lab in labels if hearing_office(lab)), None)
    if office is not None:
        cue: str | None = f"the label {office}"
    else:
        cue = next((m.group() for t in texts if (m := _HEARING_WORDS_RE.search(t))), None)
    if cue is None:
        return Score(0.6, f"{len(labels)} lines open with a label closed by a period")
    return Score(0.8, f"{len(labels)} lines open with a hearing's label closed by a period ({cue})")
