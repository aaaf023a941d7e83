"""A record of conversation or a transcript: heading block, front matter, then turns.

The speaker labels are found by :mod:`teikit.convert.recognizers.speakers`;
this module only orders what the labels and the role stage found into
``head``, ``dateline``, ``opener``, ``p`` and ``sp``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.builder import element, fill, fill_nodes
from teikit.convert.inline import El, Node
from teikit.convert.recognizers import archival
from teikit.convert.recognizers.interview import examiner_label
from teikit.convert.recognizers.pages import Marker, Para
from teikit.convert.recognizers.speakers import ends_turn, split_turns
from teikit.convert.structure import (
    NARRATOR_RE,
    Furniture,
    Item,
    Stamp,
)

if TYPE_CHECKING:
    from lxml import etree

    from teikit.convert.structure import Assembler


def assemble(asm: Assembler, div: etree._Element, items: list[Item]) -> None:
    # turns that start inside a paragraph (a line of a block, a run-in label) stand apart
    items = split_turns(items, asm.speakers)  # type: ignore[assignment]
    first_turn = next(
        (
            k
            for k, it in enumerate(items)
            if isinstance(it, Para)
            and not asm.is_field(it)
            and asm.speakers.peek(it.first) is not None
        ),
        len(items),
    )
    head_paras: list[Para] = []
    opener: etree._Element | None = None
    pre: list[Item] = []
    for it in items[:first_turn]:
        if isinstance(it, Para) and not pre and asm.dateline_like(it):
            if head_paras:
                asm.head_block(div, head_paras)
                head_paras = []
            fill(element(div, "dateline"), asm.run(it), asm.ctx)
        elif (
            isinstance(it, Para)
            and archival.CLASSIFICATION_RE.match(it.first)
            and not head_paras
            and not pre
        ):
            opener = opener if opener is not None else element(div, "opener")
            run = asm.run(it)
            m = archival.CLASSIFICATION_RE.match(run.text)
            assert m is not None
            nodes: list[Node] = [El("stamp", {"type": "classification"}, [m.group()])]
            asm.ctx.report.count("stamps")
            nodes.extend(asm.numbers(run.slice(m.end(), len(run.text)), "copy"))
            fill_nodes(opener, nodes, iter(run.pages))
        elif isinstance(it, Para) and not pre and asm.heading_like(it, bool(head_paras)):
            head_paras.append(it)
        else:
            pre.append(it)
    if head_paras:
        asm.head_block(div, head_paras)
    # a heading between turns (an agenda item, a session), or after the front
    # matter (a source note, the list of those present), opens a section: what
    # follows it, turns included, belongs to it
    container = div
    # a deposition's ``BY MS. ROE:`` says whose the questions are from there on
    examiner: str | None = None
    for pre_item in pre:
        named = examiner_label(pre_item.text) if isinstance(pre_item, Para) else None
        examiner = named or examiner
        if isinstance(pre_item, Marker):
            asm.pb(container, pre_item)
        elif isinstance(pre_item, Stamp):
            asm.stamp(container, pre_item)
        elif named is None and asm.section_heading(pre_item):
            container = element(div, "div", type="section")
            asm.section_head(container, pre_item.lines)
        else:
            asm.p(container, pre_item)
    current: etree._Element | None = None
    current_list: etree._Element | None = None
    for it in items[first_turn:]:
        # a page break or furniture stands where it is: among points, in a turn
        among = next(el for el in (current_list, current, container) if el is not None)
        if isinstance(it, Marker):
            asm.pb(among, it)
            continue
        if isinstance(it, Furniture):
            asm.furniture(among, it)
            continue
        if isinstance(it, Stamp):
            asm.stamp(container, it)
            continue
        label = None if asm.is_field(it) else asm.speakers.match(it.first)
        if label is not None:
            who = examiner if label.label == "Q" else None
            current = asm.turn(container, it, label, who)
            current_list = None
            continue
        if isinstance(it, Para) and (named := examiner_label(it.text)) is not None:
            examiner = named
            current = current_list = None
            asm.p(container, it)
            continue
        if asm.section_heading(it):
            container = element(div, "div", type="section")
            asm.section_head(container, it.lines)
            current = current_list = None
            continue
        if asm.editorial_only(it) or NARRATOR_RE.match(it.first) or ends_turn(it.first):
            current = None
            current_list = None
            asm.p(container, it)
            continue
        target = current if current is not None else container
        current_list = asm.point_or_p(target, it, current_list)
