"""Endnotes at the end of a text, and the markers that point to them.

Notes are written ``[1] text`` or ``1. text`` after the text proper. They are
taken for notes only when the text refers to each number (``[1]``, or a digit
glued to a word as in ``Khrushchev1``), so a numbered list that happens to end
a document is not mistaken for notes.
"""

from __future__ import annotations

import re

NOTE_LINE_RE = re.compile(r"^(?:\[(?P<b>\d{1,3})\]|(?P<d>\d{1,3})\.)\s+(?=\S)")
_GLUED_RE_TEMPLATE = r"(?:[^\W\d_]|[.,;:!?”\"’)]){n}(?=[\s,.;:)]|$)"


def note_number(line: str) -> tuple[str, int] | None:
    """The note number a line starts with, and where its text begins."""
    m = NOTE_LINE_RE.match(line)
    if m is None:
        return None
    return (m.group("b") or m.group("d")), m.end()


def referenced(body_text: str, number: str, bracketed: bool) -> bool:
    """Whether the body refers to note ``number``."""
    if bracketed:
        return f"[{number}]" in body_text
    return re.search(_GLUED_RE_TEMPLATE.replace("{n}", re.escape(number)), body_text) is not None
