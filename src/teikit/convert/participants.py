"""A list of those present as a ``list`` of ``item``\\ s, its persons in the header.

:mod:`.recognizers.participants` finds the lists in the paragraphs' text; this module
turns each into one item of the assembly (a :class:`Participants` paragraph holding the
label, the entries and the page breaks between them) and writes it::

    <list type="participants"><head>PARTICIPANTS</head>
      <item>United States</item>
      <item><persName ref="#the-secretary">The Secretary</persName></item>
      <item><persName ref="#jane-roe">Jane Roe</persName>, Counselor</item></list>

A group's entry (a side, a country) is an ``item`` without a name; each person's name
is a ``persName`` pointing to a ``person`` of the header, so the names are not read
as headings or paragraphs and the persons are listed with the speakers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.convert.builder import element, fill
from teikit.convert.inline import plain
from teikit.convert.recognizers import pages
from teikit.convert.recognizers.pages import Marker, Para
from teikit.convert.recognizers.participants import ParticipantList, find_lists, name_span
from teikit.convert.zones import Line, TextRun

if TYPE_CHECKING:
    from lxml import etree

    from teikit.convert.structure import Assembler, Item


@dataclass(slots=True)
class Participants(Para):
    """A participants list found among the items: what it is made of, in order."""

    found: ParticipantList | None = None
    members: list[Item] = field(default_factory=list)


def group_lists(items: list[Item]) -> list[Item]:
    """``items`` with each participants list made one :class:`Participants` item."""
    blocks: list[list[str] | None] = []
    for it in items:
        if isinstance(it, Para):
            blocks.append([ln.text for ln in it.lines] or ["["])
        elif isinstance(it, Marker):
            blocks.append(None)
        else:
            # furniture may stand among the names; a stamp ends the list
            blocks.append(None if type(it).__name__ == "Furniture" else ["["])
    found = find_lists(blocks)
    if not found:
        return items
    out: list[Item] = []
    k = 0
    for plist in found:
        out.extend(items[k : plist.label])
        members = items[plist.label : plist.end]
        pieces = [p for it in members if isinstance(it, Para) for p in it.pieces]
        label_para = items[plist.label]
        assert isinstance(label_para, Para)
        out.append(Participants(pieces, label_para.blank_before, plist, members))
        k = plist.end
    out.extend(items[k:])
    return out


def write(asm: Assembler, parent: etree._Element, para: Participants) -> etree._Element:
    """The ``list`` of one participants list; each person added to ``asm.persons``."""
    found = para.found
    assert found is not None
    lst = element(parent, "list", type="participants")
    label_para = para.members[0]
    assert isinstance(label_para, Para)
    first = label_para.lines[0]
    head = Line(first.text[: found.label_end].rstrip(), first.offset)
    fill(element(lst, "head"), asm.lines_run([head]), asm.ctx)
    base = found.label
    entries = iter(found.entries)
    entry = next(entries, None)
    for b, member in enumerate(para.members):
        if isinstance(member, Marker):
            asm.pb(lst, member)
            continue
        if not isinstance(member, Para):
            asm.furniture(lst, member)  # type: ignore[arg-type]
            continue
        while entry is not None and entry.lines[0][0] == base + b:
            lines: list[Line | Marker] = []
            for eb, k in entry.lines:
                owner = para.members[eb - base]
                assert isinstance(owner, Para)
                ln = owner.lines[k]
                if (eb, k) == entry.lines[-1] and entry.end:
                    ln = Line(ln.text[: entry.end], ln.offset)
                if (eb, k) == entry.lines[0] and entry.start:
                    ln = Line(ln.text[entry.start :], ln.offset + entry.start)
                lines.append(ln)
            run = pages.join_pieces(lines, asm.hyphenations)
            if entry.span_given:
                _item(asm, lst, run.strip(), False, (entry.name_start, entry.name_end))
            else:
                _item(asm, lst, run.strip(), entry.group)
            entry = next(entries, None)
    asm.ctx.report.count("participants", len(found.entries))
    return lst


def _item(
    asm: Assembler,
    lst: etree._Element,
    run: TextRun,
    group: bool,
    span: tuple[int, int] | None = None,
) -> None:
    item = element(lst, "item")
    text = run.text
    a, b = span if span is not None else (0, 0) if group else name_span(text)
    if b <= a:
        fill(item, run, asm.ctx)
        return
    name = run.slice(a, b)
    pid = asm.persons.add(plain(name), "participant")
    fill(item, run.slice(0, a), asm.ctx)
    fill(element(item, "persName", ref=f"#{pid}"), name, asm.ctx)
    fill(item, run.slice(b, len(text)), asm.ctx)
