"""Headings: a short line set off from the text, not a sentence, not a marking or a field.

A heading stands before text it names: it is short, does not end a sentence,
and what follows it is prose. It need not be set off by a blank line below
(typed memoranda run the heading into the paragraph) but it is never in the
middle of a sentence. In an OCR copy, a line in capitals is usually a stamp,
a garbled line or a slug, so it is a heading only with strong evidence: a
blank line on both sides and a following paragraph of prose.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

_TERMINAL = frozenset(".,;!?")
#: A transcript's speaker written ``Mr. Name.`` before the speech: a turn, not a heading.
_DOTTED_SPEAKER_RE = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Senator|Chairman|General|Judge)\.?\s+\S+\.(?:\s|$)"
)
_REAL_WORD_RE = re.compile(r"[A-Za-z]{3,}")


def prose(text: str) -> bool:
    return len(text.split()) >= 6 or text.rstrip().endswith((".", "?", "!"))


#: A note marker at the end of a line (``[2]``, a digit glued after a stop).
_MARKER_END_RE = re.compile(r"\s*\[\d{1,3}\]$|(?<=[.!?”\"])\d{1,3}$")
#: A numbered section heading: ``1. Opening Remarks``, ``IV. Conclusions``, ``B. Tasks``.
NUMBERED_HEAD_RE = re.compile(r"^(?:\d{1,2}|[IVX]{1,5}|[A-H])\.\s+(?P<title>[A-Z].*)$")


def numbered_heading(line: LineFeatures, doc: DocFeatures) -> Score:
    """A short numbered line standing alone before prose, closing no sentence."""
    text = _MARKER_END_RE.sub("", line.text)
    m = NUMBERED_HEAD_RE.match(text)
    if m is None or not text or text[-1] in _TERMINAL or text.endswith(":"):
        return NO
    if NUMBERED_HEAD_RE.match(line.next_text):
        # numbered lines in a row are the points of a list, not headings
        return NO
    title = m.group("title")
    if len(title.split()) > 10 or not (line.blank_before and line.blank_after):
        return NO
    if doc.lines_apart or not line.next_text or not prose(line.next_text):
        return NO
    if line.upper_ratio > 0.8 and doc.caps > 0.4:
        return NO
    return Score(0.7, "a short numbered line set apart before prose: a numbered section heading")


@role("heading")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    numbered = numbered_heading(line, doc)
    if numbered.value:
        return numbered
    text = line.text
    if line.words == 0 or line.words > 12 or len(text) > 80:
        return NO
    if text[-1] in _TERMINAL:
        return NO
    if line.repeats >= 2 or _DOTTED_SPEAKER_RE.match(text) or not _REAL_WORD_RE.search(text):
        # a running head repeats; a heading names one part of the document
        return NO
    if not line.blank_after and (len(text) >= 0.85 * doc.width or not line.next_text[:1].isupper()):
        # a full line running on into the next is the first line of a paragraph
        return NO
    if text.endswith(":") or (not text[:1].isupper() and not text[:1].isdigit()):
        return NO
    # where every line stands apart (an OCR that sets each line off), a blank
    # line proves nothing: only the sentence before can end
    set_off = line.blank_before and not doc.lines_apart
    continues = line.prev_text.rstrip()[-1:] not in '.?!:"”)' and not set_off
    if line.index > 0 and continues:
        # the line continues the one before: part of a sentence, not a heading
        return NO
    if not line.next_text or not prose(line.next_text):
        return NO
    if line.upper_ratio > 0.8 and doc.caps > 0.4:
        # in a text typed in capitals (a teletype), capitals mark nothing
        return NO
    if doc.ocr:
        if (
            line.upper_ratio > 0.8
            and line.blank_before
            and line.blank_after
            and line.words >= 2
            and len(text) < 0.7 * doc.width
        ):
            return Score(0.5, "a line in capitals set apart before prose in an OCR copy")
        return NO
    if line.upper_ratio > 0.8:
        return Score(0.7, "a short line in capitals before prose")
    words = [w for w in text.split() if w[:1].isalpha()]
    titled = sum(1 for w in words if w[:1].isupper()) >= 0.6 * len(words) if words else False
    if titled and line.blank_before:
        return Score(0.65, "a short title-cased line before prose")
    if line.blank_before and not doc.lines_apart:
        return Score(0.6, "a short line set off above, closing no sentence, before prose")
    if (
        not line.blank_before
        and line.prev_text.rstrip().endswith((".", "?", "!", ".”", '."'))
        and line.next_text[:1].isupper()
        and len(text) < 0.75 * doc.width
        and line.words >= 2
    ):
        return Score(0.6, "a short line between a closed sentence and a new one, closing none")
    return NO
