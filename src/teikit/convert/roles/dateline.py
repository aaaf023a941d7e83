"""Datelines: a date alone, or a place and a date, on a line of its own."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.recognizers.dates import DATE_ONLY_RE, DATE_RE
from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures


@role("dateline")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    text = line.text
    if DATE_ONLY_RE.match(text):
        return Score(0.85, "a date alone on its line")
    if line.words <= 10 and DATE_RE.search(text) and not line.ends_sentence:
        return Score(0.6, "a short line holding a date")
    return NO
