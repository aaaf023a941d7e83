"""Memoranda, memoranda for the record: TO/FROM/SUBJECT fields or the word itself."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, head_text, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures

_MFR_RE = re.compile(r"MEMORANDUM\s+FOR\s+(?:THE\s+)?RECORD")
_MEMO_RE = re.compile(r"\bMEMORANDUM\b|\bMEMO\b")


@kind("memorandum", "memorandum", "prose")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    head = head_text(doc, 40)
    if _MFR_RE.search(head):
        return Score(0.65, "the copy calls itself a memorandum for the record")
    if _MEMO_RE.search(head):
        return Score(0.5, "the copy calls itself a memorandum")
    fields = count(roles[:30], "field")
    if fields >= 2:
        return Score(0.4, f"{fields} memorandum fields (TO:, FROM:, SUBJECT:) at the top")
    return Score(0.0, "")
