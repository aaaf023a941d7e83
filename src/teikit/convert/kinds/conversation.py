"""Records of conversation and transcripts: turns opened by speaker labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures


@kind("conversation", "conversation", "conversation")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    del doc
    turns = count(roles, "speaker")
    if turns >= 4:
        return Score(min(0.95, 0.6 + turns * 0.02), f"{turns} lines open with a speaker label")
    return Score(0.0, "")
