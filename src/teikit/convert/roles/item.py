"""Numbered points: ``1.``, ``2)``, ``a.`` opening a line; each is an item of its own."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

_POINT_RE = re.compile(r"^(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)]\s+\S")


@role("item")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    if not _POINT_RE.match(line.text):
        return NO
    return Score(0.6, "a number and a point open the line")
