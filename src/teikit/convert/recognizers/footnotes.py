"""Endnotes at the end of a text, and the markers that point to them.

Notes are written ``[1] text`` or ``1. text`` after the text proper. They are
taken for notes only when the text refers to each number (``[1]``, or a digit
glued to a word as in ``Ivanov1``), so a numbered list that happens to end
a document is not mistaken for notes.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

NOTE_LINE_RE = re.compile(r"^(?:\[(?P<b>\d{1,3})\]|(?P<d>\d{1,3})\.)\s+(?=\S)")
_GLUED_RE_TEMPLATE = r"(?:[^\W\d_]|[.,;:!?”\"’)]){n}(?=[\s,.;:)]|$)"
#: Every bracketed marker, and every number glued to a word: the same places
#: :func:`referenced` looks for one number, found for all numbers in one pass.
_BRACKETED_ANY_RE = re.compile(r"\[(\d+)\]")
_GLUED_ANY_RE = re.compile(_GLUED_RE_TEMPLATE.replace("{n}", r"(\d+)"))


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


class References:
    """The note numbers a body refers to, read once from all its paragraphs.

    Asking :func:`referenced` for each note searched the whole body per note, so
    a long document with many notes cost their product.
    """

    def __init__(self, texts: Iterable[str]) -> None:
        self.bracketed: set[str] = set()
        self.glued: set[str] = set()
        for text in texts:
            self.bracketed.update(_BRACKETED_ANY_RE.findall(text))
            self.glued.update(_GLUED_ANY_RE.findall(text))

    def __call__(self, number: str, bracketed: bool) -> bool:
        """Whether the body refers to note ``number`` (as :func:`referenced`)."""
        return number in (self.bracketed if bracketed else self.glued)
