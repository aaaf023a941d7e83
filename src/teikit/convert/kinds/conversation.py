"""Transcripts: turns opened by speaker labels, in a copy that does not call itself a record
of conversation (that one is the kind ``conversation``, named by :mod:`.named`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures


@kind("transcript", "conversation", "conversation")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    from teikit.convert.kinds.named import named_kind

    turns = count(roles, "speaker")
    if turns < 4:
        return Score(0.0, "")
    named = named_kind(doc)
    if named is not None and named[0] == "conversation":
        return Score(0.0, "")
    return Score(min(0.9, 0.6 + turns * 0.005), f"{turns} lines open with a speaker label")
