"""Where a letter's or memorandum's back matter starts, and its notes.

The office lines below a closer (distribution, enclosures, drafting; see
:mod:`teikit.convert.recognizers.backmatter`) are found at the end of the
text only: a line that opens back matter starts it when nothing after it is
prose (every later line short, none a paragraph of many lines). A paragraph
typed without blank lines is split where the back matter begins, so that the
closing salutation above it is still found. Each block becomes a
``note type="distribution|enclosure|drafting"`` after the closer, its lines
kept as lines (``lb``): TEI allows notes anywhere, a paragraph not after a
closer.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.builder import element, fill
from teikit.convert.recognizers.backmatter import back_matter_kind, opens_back_matter
from teikit.convert.recognizers.pages import Marker, Para
from teikit.convert.structure import Furniture, Stamp
from teikit.convert.zones import Line

if TYPE_CHECKING:
    from lxml import etree

    from teikit.convert.structure import Assembler, Item

#: How far from the end back matter may start (items: paragraphs, breaks, stamps).
SEARCH_ITEMS = 12
#: The longest line of back matter after its first (a distribution entry, an address line).
MAX_TAIL_LINE = 72
#: The most lines back matter holds.
MAX_TAIL_LINES = 40
#: The most lines of one paragraph of back matter.
MAX_PARA_LINES = 14
#: A line before a split must end a line of its own: short, or closed by punctuation.
SHORT_LINE = 45
#: A line of prose has this many words, most of them in lower case (``the``, ``met``).
PROSE_WORDS = 7
#: Back matter holds fewer lines of prose than this (an attached document holds more).
MAX_PROSE_LINES = 2


def is_prose_line(line: str) -> bool:
    """A line of running prose: many words, most starting in lower case."""
    words = line.split()
    lower = sum(1 for w in words if w[:1].islower())
    return len(words) >= PROSE_WORDS and 2 * lower > len(words)


def _tail_is_short(lines: list[str], paras: list[int]) -> bool:
    return (
        len(lines) <= MAX_TAIL_LINES
        and all(len(ln.strip()) <= MAX_TAIL_LINE for ln in lines)
        and all(n <= MAX_PARA_LINES for n in paras)
        and sum(1 for ln in lines if is_prose_line(ln)) < MAX_PROSE_LINES
    )


def split_back_matter(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """The items before the back matter and the back matter (empty when there is none)."""
    paras = [j for j, it in enumerate(items) if isinstance(it, Para)]
    if len(paras) < 2:
        return items, []
    for j in paras[1:]:
        if j < len(items) - SEARCH_ITEMS:
            continue
        para = items[j]
        assert isinstance(para, Para)
        lines = [ln.text for ln in para.lines]
        later = [it for it in items[j + 1 :] if isinstance(it, Para)]
        later_lines = [ln.text for p in later for ln in p.lines]
        later_sizes = [len(p.lines) for p in later]
        for i, text in enumerate(lines):
            if i == 0:
                if opens_back_matter(lines) is None:
                    continue
            elif (
                back_matter_kind(text) is None
                or not text[:1].isupper()
                or not (len(lines[i - 1]) <= SHORT_LINE or lines[i - 1].rstrip()[-1:] in ".:,;")
            ):
                continue
            if not _tail_is_short(lines[i:] + later_lines, [len(lines) - i, *later_sizes]):
                continue
            if i == 0:
                return items[:j], items[j:]
            head, tail = _split_para(para, para.lines[i])
            return [*items[:j], head], [tail, *items[j + 1 :]]
    return items, []


def _split_para(para: Para, line: Line) -> tuple[Para, Para]:
    at = next(k for k, piece in enumerate(para.pieces) if piece is line)
    return Para(para.pieces[:at], para.blank_before), Para(para.pieces[at:])


def write_back_matter(asm: Assembler, div: etree._Element, items: list[Item]) -> None:
    """Each block of back matter as a ``note`` of its kind; breaks and stamps where they stand."""
    note: etree._Element | None = None
    kind: str = "distribution"
    pieces: list[Line | Marker] = []
    reopen = True  # the next line starts a note (at the start, and after furniture)

    def flush() -> None:
        if note is not None and pieces:
            fill(note, asm.lines_run(pieces), asm.ctx)
        pieces.clear()

    for it in items:
        if isinstance(it, Para):
            first = True
            for piece in it.pieces:
                if isinstance(piece, Line):
                    opened = back_matter_kind(piece.text)
                    if opened is None and first:
                        opened = opens_back_matter([ln.text for ln in it.lines])
                    first = False
                    if opened is not None or reopen:
                        flush()
                        reopen = False
                        kind = opened or kind
                        note = element(div, "note", type=kind)
                pieces.append(piece)
            continue
        if isinstance(it, Marker):
            if note is not None:
                pieces.append(it)
            else:
                asm.pb(div, it)
            continue
        flush()
        if isinstance(it, Furniture):
            asm.furniture(div, it)
            reopen = True  # what follows the furniture is a note again
        elif isinstance(it, Stamp):
            asm.stamp(note if note is not None else div, it, in_p=False)
    flush()
