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


@role("heading")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
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
    return NO
