"""Cables, telegrams, teletypes, airtels: the copy names itself near the top."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, head_text, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures

_NAMES = (
    ("teletype", re.compile(r"\bTELETYPE\b|\bNITEL\b|\bURGENT\s+TELETYPE\b")),
    ("airtel", re.compile(r"\bAIRTEL\b")),
    ("telegram", re.compile(r"\bTELEGRAM\b|\bRADIOGRAM\b")),
    ("cable", re.compile(r"\bCABLE(?:GRAM)?\b|\bCLASSIFIED MESSAGE\b|\bDISPATCH\b|\bCIPHER\b")),
)


def cable_name(doc: DocFeatures) -> tuple[str, str] | None:
    """The kind word a copy uses of itself in its first lines, and the word."""
    head = head_text(doc, 25)
    for name, pattern in _NAMES:
        m = pattern.search(head)
        if m is not None:
            return name, m.group()
    return None


@kind("cable", "cable", "cable")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    found = cable_name(doc)
    if found is None:
        return Score(0.0, "")
    name, word = found
    marks = count(roles[:30], "marking")
    return Score(0.7 + min(marks, 3) * 0.05, f"the copy calls itself {word} ({name})")
