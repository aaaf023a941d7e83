"""Signatures: a name alone near the end (``SMITH``, ``John Smith``), after the text."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

_NAME_RE = re.compile(r"^(?:[A-Z][A-Za-z'’.-]+\s){0,3}[A-Z][A-Z'’-]{2,}\.?$")
#: A section's number opening the line (``III. CONCLUSIONS``, ``B. TERMS``): a heading's.
_SECTION_NUMBER_RE = re.compile(r"^(?:[IVXLC]+|[A-Z]|\d+)[.)]\s")
_CLOSING_RE = re.compile(
    r"^(?:Sincerely|Yours|Respectfully|Faithfully|Cordially|With best)\b.*,$", re.IGNORECASE
)


@role("signature")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    text = line.text
    if _CLOSING_RE.match(text):
        return Score(0.85, "a closing salutation")
    if not line.at_end or not _NAME_RE.match(text) or line.words > 4:
        return NO
    if _SECTION_NUMBER_RE.match(text):
        return NO
    if doc.ocr and line.index < line.total - 2:
        return NO
    prev = line.prev_text
    if prev.rstrip().endswith((".", ",", '"', "”")) or line.index == line.total - 1:
        return Score(0.65, "a name alone at the end, after the text")
    return NO
