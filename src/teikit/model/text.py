"""Plain text of model content: what a search index or a word count wants.

Two views of the same words: *corrected* (an editor's ``corr``) and *as
written* (the source's ``sic``). Notes and footnote markers are apparatus, not
the document's words, so they are left out unless asked for; page and line
breaks vanish (a word split by a page break is whole again); whitespace is
normalized to single spaces, and blocks are separated by a blank line.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.model import types as _t

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from teikit.model.types import Block, Content, Inline, Parts


def normalize(text: str) -> str:
    """Collapse every run of whitespace to one space and trim the ends."""
    return " ".join(text.split())


def plain(content: Content, *, corrected: bool = True, notes: bool = False) -> str:
    """The words of inline content as one normalized line."""
    parts: list[str] = []
    _collect(content, parts, corrected, notes)
    return normalize("".join(parts))


def plain_raw(item: Inline) -> str:
    """The corrected words of one inline object, notes left out, whitespace as is."""
    parts: list[str] = []
    _collect((item,), parts, True, False)
    return "".join(parts)


def _collect(content: Content, out: list[str], corrected: bool, notes: bool) -> None:
    # Plain strings and the wrappers whose words are just their content (names,
    # foreign words …) are most of any text: they are recognized by exact type
    # before the general chain, which any other class (a subclass) still takes.
    transparent = _t.TEXT_WRAPPERS
    for item in content:
        cls = item.__class__
        if cls is str:
            out.append(item)  # type: ignore[arg-type]
        elif cls in transparent:
            _collect(item.content, out, corrected, notes)  # type: ignore[union-attr]
        elif isinstance(item, str):
            out.append(item)
        elif isinstance(item, _t.Correction):
            out.append(item.corr if corrected else item.sic)
        elif isinstance(item, _t.Note):
            if notes:
                out.append(" ")
                _collect(item.content, out, corrected, notes)
                out.append(" ")
        elif isinstance(item, _t.Ref):
            if notes or item.kind != "footnote":
                _collect(item.content, out, corrected, notes)
        elif isinstance(item, (_t.Date, _t.Time)):
            out.append(item.text)
        elif isinstance(item, _t.Idno):
            out.append(item.value)
        elif isinstance(item, _t.LineBreak):
            out.append(" ")
        elif isinstance(item, _t.ListBlock):
            for it in item.items:
                out.append(" ")
                _collect(it.content, out, corrected, notes)
            out.append(" ")
        elif isinstance(item, (_t.Gap, _t.PageBreak)):
            continue
        else:
            _collect(item.content, out, corrected, notes)


def block_lines(blocks: Iterable[Block], *, corrected: bool = True) -> Iterator[str]:
    """One normalized string per text-bearing block, in document order."""
    for block in blocks:
        if isinstance(block, _t.Division):
            yield from block_lines(block.blocks, corrected=corrected)
        elif isinstance(block, _t.Speech):
            first = True
            for para in block.paragraphs:
                words = plain(para.content, corrected=corrected)
                if first and block.label:
                    words = normalize(f"{block.label} {words}")
                first = False
                if words:
                    yield words
        elif isinstance(block, (_t.Opener, _t.Closer)):
            yield from _parts_lines(block.parts, corrected)
        elif isinstance(block, _t.ListBlock):
            if block.head:
                yield plain(block.head, corrected=corrected)
            yield from (plain(i.content, corrected=corrected) for i in block.items)
        elif isinstance(block, _t.Address):
            yield from (plain(line, corrected=corrected) for line in block.lines)
        elif isinstance(block, (_t.Note, _t.PageBreak, _t.Gap)):
            continue
        else:
            yield plain(block.content, corrected=corrected)


def _parts_lines(parts: Parts, corrected: bool) -> Iterator[str]:
    """An opener's or closer's parts, running inline content joined into one line."""
    run: list[Inline] = []
    for part in parts:
        if isinstance(part, (_t.Salute, _t.Signed, _t.Dateline, _t.Address)):
            if run:
                yield plain(tuple(run), corrected=corrected)
                run = []
            yield from block_lines((part,), corrected=corrected)
        else:
            run.append(part)
    if run:
        yield plain(tuple(run), corrected=corrected)


def blocks_text(blocks: Iterable[Block], *, corrected: bool = True) -> str:
    """The words of a sequence of blocks, one paragraph per block."""
    return "\n\n".join(line for line in block_lines(blocks, corrected=corrected) if line)
