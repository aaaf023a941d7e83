"""Blocks of lines, and runs of text that remember where each character came from.

A *block* is what a blank line delimits in the raw file: a paragraph, a label,
a page number, a piece of a paragraph cut by a page boundary. Blocks keep their
lines, because a hard-wrapped line and a meaningful line break (an address, a
stamp, a signature) look the same until a recognizer has decided.

A :class:`TextRun` is the text the recognizers read after lines are joined. It
maps every position back to the raw file's offset, so a warning about a bracket
three wrapped lines into a paragraph still reports the right ``line:col``.
Page breaks, text lost at a page boundary and kept line breaks travel *inside*
the run as Unicode noncharacters (refused in input by :mod:`.source`), so that
every later regular expression sees them where they stand and none can lose them.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

    from teikit.convert.source import Transcription

#: In-text markers: a page break, text lost at a page boundary, a kept line break.
PB = "\ufdd0"
LOST = "\ufdd1"
LB = "\ufdd2"
MARKERS = PB + LOST + LB

_SPACE_RUN = re.compile(r"[ \u00a0]{2,}")


@dataclass(slots=True)
class Line:
    """One non-blank raw line, stripped, with the offset of its first kept character."""

    text: str
    offset: int


@dataclass(slots=True)
class Block:
    """Consecutive non-blank lines; ``blank_before`` counts the blank lines above it."""

    lines: list[Line]
    blank_before: int = 0

    @property
    def offset(self) -> int:
        return self.lines[0].offset

    @property
    def text(self) -> str:
        """The lines joined by single spaces (for classification, not for output)."""
        return " ".join(line.text for line in self.lines)

    @property
    def first(self) -> str:
        return self.lines[0].text

    @property
    def last(self) -> str:
        return self.lines[-1].text

    def words(self) -> int:
        return sum(len(line.text.split()) for line in self.lines)


def split_blocks(source: Transcription) -> list[Block]:
    """Cut the source at blank (or whitespace-only) lines."""
    blocks: list[Block] = []
    current: list[Line] = []
    blanks = 0
    for raw, offset in source.lines():
        stripped = raw.strip()
        if not stripped:
            if current:
                blocks.append(Block(current, blanks))
                current = []
                blanks = 0
            blanks += 1
            continue
        lead = len(raw) - len(raw.lstrip())
        current.append(Line(_SPACE_RUN.sub(" ", stripped), offset + lead))
    if current:
        blocks.append(Block(current, blanks))
    return blocks


@dataclass(slots=True)
class TextRun:
    """Joined text with a map from each position to its raw offset.

    ``origins`` holds ``(position, raw offset)`` pairs in position order; a
    position between two pairs maps linearly from the pair before it. Text the
    converter adds (a joining space, a marker) maps to the raw place it stands for.
    """

    parts: list[str] = field(default_factory=list)
    origins: list[tuple[int, int]] = field(default_factory=list)
    length: int = 0
    pages: list[str] = field(default_factory=list)
    _text: str | None = None
    _keys: list[int] | None = field(default=None, repr=False, compare=False)

    @classmethod
    def of(cls, text: str, offset: int) -> TextRun:
        run = cls()
        run.add(text, offset)
        return run

    def add(self, text: str, offset: int) -> None:
        """Append raw text that starts at ``offset`` in the source."""
        if not text:
            return
        self.origins.append((self.length, offset))
        self.parts.append(text)
        self.length += len(text)
        self._text = None
        self._keys = None

    def add_marker(self, marker: str, offset: int, page: str = "") -> None:
        """Append a marker character (``PB`` carries its page number)."""
        if marker == PB:
            self.pages.append(page)
        self.add(marker, offset)

    def extend(self, other: TextRun) -> None:
        base = self.length
        self.parts.extend(other.parts)
        self.origins.extend((pos + base, off) for pos, off in other.origins)
        self.pages.extend(other.pages)
        self.length += other.length
        self._text = None
        self._keys = None

    @property
    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.parts)
            self.parts = [self._text] if self._text else []
        return self._text

    def _positions(self) -> list[int]:
        """The positions of :attr:`origins`, for bisection (kept until the run grows)."""
        if self._keys is None:
            self._keys = [p for p, _ in self.origins]
        return self._keys

    def offset_at(self, pos: int) -> int:
        """The raw offset of position ``pos``."""
        if not self.origins:
            return 0
        idx = max(bisect.bisect_right(self._positions(), pos) - 1, 0)
        start, off = self.origins[idx]
        return off + (pos - start)

    def slice(self, start: int, end: int) -> TextRun:
        """A sub-run with its own origin map (for a piece cut off a block)."""
        text = self.text
        sub = TextRun()
        if start >= end:
            return sub
        idx = max(bisect.bisect_right(self._positions(), start) - 1, 0)
        pos = start
        while pos < end:
            seg_start, off = self.origins[idx]
            seg_end = self.origins[idx + 1][0] if idx + 1 < len(self.origins) else self.length
            stop = min(seg_end, end)
            sub.origins.append((sub.length, off + (pos - seg_start)))
            sub.parts.append(text[pos:stop])
            sub.length += stop - pos
            pos = stop
            idx += 1
        if self.pages:
            before = text.count(PB, 0, start)
            sub.pages = self.pages[before : before + text.count(PB, start, end)]
        return sub

    def without(self, positions: list[int]) -> TextRun:
        """The run with the characters at ``positions`` (ascending) left out.

        One pass over the origin map: the same run as slicing around each
        position and extending, without re-searching the map for every slice.
        """
        text = self.text
        out = TextRun(pages=list(self.pages))
        origins = self.origins
        idx = 0
        start = 0
        for cut in [*positions, self.length]:
            if start < cut:
                while idx + 1 < len(origins) and origins[idx + 1][0] <= start:
                    idx += 1
                pos = start
                while pos < cut:
                    seg_start, off = origins[idx]
                    seg_end = origins[idx + 1][0] if idx + 1 < len(origins) else self.length
                    stop = min(seg_end, cut)
                    out.origins.append((out.length, off + (pos - seg_start)))
                    out.parts.append(text[pos:stop])
                    out.length += stop - pos
                    pos = stop
                    if stop == seg_end:
                        idx += 1
            start = cut + 1
        return out

    def strip(self) -> TextRun:
        """The run without leading and trailing spaces."""
        text = self.text
        start = len(text) - len(text.lstrip(" "))
        end = len(text.rstrip(" "))
        if start == 0 and end == len(text):
            return self
        return self.slice(start, end)


def join_lines(lines: Iterable[Line], sep: str = " ") -> TextRun:
    """Lines joined by ``sep`` (a space, or :data:`LB` where breaks are kept)."""
    run = TextRun()
    prev_end = 0
    for i, line in enumerate(lines):
        if i:
            run.add(sep, prev_end)
        run.add(line.text, line.offset)
        prev_end = line.offset + len(line.text)
    return run
