"""Transcripts: turns opened by speaker labels, in a copy that does not call itself a record
of conversation (that one is the kind ``conversation``, named by :mod:`.named`)."""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures


@kind("transcript", "conversation", "conversation")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    from teikit.convert.kinds.named import named_kind

    named = named_kind(doc)
    if named is not None and named[0] == "transcript":
        return Score(0.65, f"the copy calls itself {' '.join(named[1].split())} (line {named[2]})")
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
