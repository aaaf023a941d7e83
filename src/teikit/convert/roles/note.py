"""Notes: a line that opens an endnote or footnote (``1 text``, ``1. text``, ``[1] text``).

Only notes after the text are notes; a numbered point of the body has the same
shape, so the score is high only near the end of the document or after a
rule or a ``NOTES`` heading. The body's assembly decides from the whole list.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

_NOTE_RE = re.compile(r"^(?:\[\d{1,3}\]|\d{1,3}\.?)\s+\S")
_NOTES_HEAD_RE = re.compile(r"^(?:NOTES|Notes|Footnotes|FOOTNOTES|Endnotes|ENDNOTES):?$")


@role("note")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    if _NOTES_HEAD_RE.match(line.text):
        return Score(0.9, "the heading of the notes")
    if not _NOTE_RE.match(line.text):
        return NO
    if line.text.startswith("["):
        return Score(0.75, "a bracketed number opens the line")
    if line.index >= 0.6 * line.total and line.blank_before:
        return Score(0.55, "a number opens a line in the last part of the document")
    return NO
