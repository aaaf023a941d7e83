"""The body of the TEI: which blocks are heads, turns, stamps, letters' parts, notes.

The order of work matters and is the reason for this module's shape:

1. the web frame is cut off (:mod:`.recognizers.frame`);
2. blocks that must stay whole are fixed first (stamps spanning blank lines,
   rules, page numbers, distribution lists), so that
3. rejoining paragraphs cut by page boundaries (:mod:`.recognizers.pages`)
   cannot glue a list item to a name;
4. endnotes are taken from the end, closers from the end, openers and heads
   from the start; what is left is the text, assembled per document kind.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.convert.builder import element, fill, fill_nodes
from teikit.convert.inline import El, InlineContext, Node, plain
from teikit.convert.recognizers import archival, footnotes, letters, pages
from teikit.convert.recognizers.brackets import classify_square, closes_turn, pair_brackets
from teikit.convert.recognizers.dates import DATE_ONLY_RE, DATE_RE
from teikit.convert.recognizers.dates import parse_date as parse_date_only
from teikit.convert.recognizers.frame import Frame, split_frame
from teikit.convert.recognizers.pages import Hyphenation, HyphenLog, Marker, Para
from teikit.convert.recognizers.speakers import (
    SPEECH_VERBS,
    Label,
    Speakers,
    ends_turn,
    heading_names,
    match_label,
    split_turns,
)
from teikit.convert.zones import LB, PB, Block, Line, TextRun, split_blocks

if TYPE_CHECKING:
    from lxml import etree

    from teikit.convert.persons import Registry
    from teikit.convert.source import Source


@dataclass
class Stamp:
    """A ``[Stamp: …]`` spanning blocks: its lines, without the label and brackets."""

    lines: list[Line]
    offset: int


Item = Para | Marker | Stamp


@dataclass
class Body:
    """What the body assembly produced, for the header and the report."""

    kind: str
    div: etree._Element
    notes: list[tuple[str, TextRun]] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    hyphenations: list[Hyphenation] = field(default_factory=list)
    first_date: str | None = None
    notes_head: Para | None = None  # a ``NOTES`` heading above the endnotes


def read_blocks(source: Source) -> tuple[Frame, list[Block]]:
    blocks = split_blocks(source)
    frame = split_frame(blocks, lambda b: match_label(b.first) is not None)
    return frame, blocks[frame.first_body : frame.end_body]


def detect_kind(paras: list[Para], speakers: Speakers | None = None) -> str:
    """The document kind from its structure (a sidecar may override it)."""
    if paras and archival.CABLE_HEAD_RE.match(paras[0].first):
        return "cable"
    speakers = speakers or Speakers([p.first for p in paras])
    turns, distinct = speakers.count_turns([p.first for p in paras])
    if turns >= 3 and (distinct >= 2 or turns >= 4):
        return "conversation"
    for p in paras:
        if letters.salute_at(p.first) or letters.is_closing_salute(p.first):
            return "letter"
    return "memorandum"


def first_full_date(blocks: list[Block]) -> str | None:
    from teikit.convert.recognizers.dates import match_to_date

    for block in blocks:
        if DATE_ONLY_RE.match(block.text):
            when = parse_date_only(block.text)
            if when and len(when) == 10:
                return when
    for block in blocks:
        for m in DATE_RE.finditer(block.text):
            d = match_to_date(m, None)
            if d.when and d.certain and len(d.when) == 10:
                return d.when
    return None


#: A dateline's place before its date: one to three capitalized words and a comma.
DATELINE_PLACE_RE = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},\s")
#: The reporter's own turn in a record written in the first person (``I replied: …``):
#: not a speaker label, but it ends the turn before it.
NARRATOR_RE = re.compile(
    rf"^(?:I|We)\s+(?:\w+\s+)?(?:{'|'.join(sorted(SPEECH_VERBS))})\b[^:]{{0,30}}:\s"
)
#: A labelled field or note opening a paragraph (``Subject:``, ``Source: …``).
FIELD_RE = re.compile(r"^[A-Z][\w&/ ’'-]{0,30}:(?:\s|$)")


def render_marked(run: TextRun, ctx: InlineContext) -> list[Node]:
    """A run's content, with the classification a source note states as a ``stamp``.

    Only a run that *is* a source note (``Source: …``, as a paragraph or as a
    footnote) is searched: elsewhere "Secret." is a word of the text.
    """
    from teikit.convert.inline import render

    text = run.text
    span = archival.note_classification(text) if archival.SOURCE_NOTE_RE.match(text) else None
    if span is None:
        return render(run, ctx)
    start, end = span
    ctx.report.count("stamps")
    stamp = El("stamp", {"type": "classification"}, render(run.slice(start, end), ctx))
    return [
        *render(run.slice(0, start), ctx),
        stamp,
        *render(run.slice(end, len(text)), ctx),
    ]


def _para_at(items: list[Item], k: int) -> Para | None:
    """The paragraph at ``items[k]``, or ``None`` (out of range, or not a paragraph)."""
    if 0 <= k < len(items):
        it = items[k]
        if isinstance(it, Para):
            return it
    return None


class Assembler:
    """Builds the body ``div`` of one document."""

    def __init__(self, ctx: InlineContext, persons: Registry, kind: str | None) -> None:
        self.ctx = ctx
        self.persons = persons
        self.forced_kind = kind
        self.hyphenations = HyphenLog()
        self.dropped: list[str] = []
        self.heads: list[str] = []
        self.speakers = Speakers([])
        self.notes_head: Para | None = None

    # -- preparation -------------------------------------------------------------
    def items(self, blocks: list[Block]) -> list[Item]:
        out: list[Item] = []
        last_page: int | None = None
        i = 0
        while i < len(blocks):
            block = blocks[i]
            if archival.STAMP_OPEN_RE.match(block.first):
                lines: list[Line] = []
                j = i
                while j < len(blocks):
                    lines.extend(blocks[j].lines)
                    if blocks[j].last.endswith("]"):
                        break
                    j += 1
                if j == len(blocks):
                    # an unclosed bracket never swallows what follows: the stamp is its block
                    loc = self.ctx.source.line_col(block.offset)
                    self.ctx.report.unsure(
                        loc[0], loc[1], "[Stamp: never closed; taken as the stamp of its block only"
                    )
                    lines, j = list(block.lines), i
                out.append(Stamp(lines, block.offset))
                i = j + 1
                continue
            if pages.is_rule(block):
                self.dropped.append(block.first)
            elif len(block.lines) > 1 and pages.RULE_RE.match(block.first):
                # a rule set directly above endnotes: the rule is dropped, the notes stay
                self.dropped.append(block.first)
                out.append(Para(list(block.lines[1:]), block.blank_before))
            elif (n := pages.is_page_number(block)) is not None and (
                last_page is None or int(n) > last_page
            ):
                out.append(Marker(PB, block.offset, n))
                self.ctx.report.count("pages")
                last_page = int(n)
            elif n is not None:
                # page numbers increase through a copy: a number that does not is text
                # (a figure, a date, a repeated line), kept as written and flagged
                loc = self.ctx.source.line_col(block.offset)
                self.ctx.report.unsure(
                    loc[0],
                    loc[1],
                    f"{n} on a line of its own does not follow page {last_page}; "
                    "kept as text, not a page break",
                )
                out.append(Para(list(block.lines), block.blank_before))
            else:
                out.append(Para(list(block.lines), block.blank_before))
            i += 1
        return out

    def run(self, para: Para) -> TextRun:
        return pages.join_pieces(para.pieces, self.hyphenations).strip()

    def lines_run(self, lines: list[Line]) -> TextRun:
        run = TextRun()
        for k, line in enumerate(lines):
            if k:
                run.add(LB, line.offset)
            run.add(line.text, line.offset)
        return run

    # -- main --------------------------------------------------------------------
    def assemble(self, blocks: list[Block]) -> Body:
        items = self.items(blocks)
        paras = [it for it in items if isinstance(it, Para)]
        self.speakers = Speakers(
            [p.first for p in paras], [ln.text for p in paras for ln in p.lines[1:]]
        )
        kind = self.forced_kind or detect_kind(paras, self.speakers)
        self.ctx.report.kind = kind
        self.ctx.stage_allowed = kind == "conversation"
        locked = self._lock(items, kind)
        merged = self._merge(items, locked)
        merged, notes = self._endnotes(merged)
        div = element(None, "div", type=kind)
        if kind == "conversation":
            self._conversation(div, merged)
        elif kind == "cable":
            self._cable(div, merged)
        else:
            self._letter(div, merged, kind)
        return Body(
            kind,
            div,
            notes,
            self.heads,
            self.dropped,
            self.hyphenations.entries,
            notes_head=self.notes_head,
        )

    def _lock(self, items: list[Item], kind: str) -> set[int]:
        locked: set[int] = set()
        if kind != "cable":
            return locked
        for it in items:
            if isinstance(it, Para) and (
                archival.is_distribution_item(it.first) or archival.CABLE_HEAD_RE.match(it.first)
            ):
                locked.add(id(it))
        return locked

    def _merge(self, items: list[Item], locked: set[int]) -> list[Item]:
        out: list[Item] = []
        segment: list[Para | Marker] = []
        # a generator: the paragraphs' texts are read one at a time, never all held
        fragments = pages.compound_tails(it.text for it in items if isinstance(it, Para))

        def flush() -> None:
            merged, rejoined, lost = pages.merge_paragraphs(
                segment, lost_allowed=True, fragments=fragments
            )
            self.ctx.report.count("rejoined", rejoined)
            for off in lost:
                self.ctx.report.count("gaps")
                line, col = self.ctx.source.line_col(off)
                self.ctx.report.unsure(
                    line, col, "paragraph starts mid-sentence: text lost before it"
                )
            out.extend(merged)
            segment.clear()

        for it in items:
            if isinstance(it, Stamp) or id(it) in locked:
                flush()
                out.append(it)
            else:
                segment.append(it)
        flush()
        return out

    def _endnotes(self, items: list[Item]) -> tuple[list[Item], list[tuple[str, TextRun]]]:
        """Endnotes at the end, linked to their markers (:func:`footnotes.split_endnotes`)."""
        found = footnotes.split_endnotes(items)
        if found is None:
            return items, []
        for offset, message in found.doubts:
            self.ctx.report.unsure(*self.ctx.source.line_col(offset), message)
        self.ctx.note_numbers = frozenset(n for n, _ in found.notes)
        self.ctx.note_markers = found.markers
        self.notes_head = found.head
        runs = [
            (n, pages.join_pieces(list(lines), self.hyphenations).strip())
            for n, lines in found.notes
        ]
        self.ctx.report.count("notes", len(runs))
        return found.body, runs

    # -- pieces shared by the kinds ----------------------------------------------
    def p(self, parent: etree._Element, para: Para, tag: str = "p") -> etree._Element:
        run = self.run(para)
        return fill_nodes(element(parent, tag), render_marked(run, self.ctx), iter(run.pages))

    def pb(self, parent: etree._Element, marker: Marker) -> None:
        el = element(parent, "pb")
        if marker.page:
            el.set("n", marker.page)

    def archival_p(self, parent: etree._Element, para: Para, idno_default: str) -> etree._Element:
        """A paragraph of archival matter: classification stamp and numbers recognized."""
        run = self.run(para)
        target = element(parent, "p")
        text = run.text
        nodes: list[Node] = []
        m = archival.CLASSIFICATION_RE.match(text)
        start = 0
        if m is not None:
            nodes.append(El("stamp", {"type": "classification"}, [m.group()]))
            self.ctx.report.count("stamps")
            start = m.end()
        nodes.extend(self.numbers(run.slice(start, len(text)), idno_default))
        fill_nodes(target, nodes, iter(run.pages))
        return target

    def numbers(self, run: TextRun, idno_default: str) -> list[Node]:
        """Render a run, with ``№ 123`` numbers as ``idno``."""
        from teikit.convert.inline import render

        text = run.text
        out: list[Node] = []
        pos = 0
        for m in archival.IDNO_RE.finditer(text):
            out.extend(render(run.slice(pos, m.start("num")), self.ctx))
            kind = archival.idno_type_before(text[: m.start()], idno_default)
            out.append(El("idno", {"type": kind}, [m.group("num")]))
            pos = m.end()
        out.extend(render(run.slice(pos, len(text)), self.ctx))
        return out

    def stamp(self, parent: etree._Element, stamp: Stamp) -> None:
        lines = list(stamp.lines)
        first = lines[0]
        m = archival.STAMP_OPEN_RE.match(first.text)
        assert m is not None
        rest = first.text[m.end() :].lstrip()
        lines[0] = Line(rest, first.offset + len(first.text) - len(rest))
        last = lines[-1]
        if last.text.endswith("]"):
            lines[-1] = Line(last.text[:-1].rstrip(), last.offset)
        lines = [ln for ln in lines if ln.text]
        run = self.lines_run(lines)
        p = element(parent, "p")
        st = element(p, "stamp", type="registry")
        fill_nodes(st, self.numbers(run, "registry"), iter(run.pages))
        self.ctx.report.count("stamps")

    def heads_from(self, parent: etree._Element, paras: list[Para], sub_after_first: bool) -> None:
        for k, para in enumerate(paras):
            run = self.lines_run(para.lines) if len(para.lines) > 1 else self.run(para)
            attrib = {"type": "sub"} if sub_after_first and k else {}
            fill(element(parent, "head", **attrib), run, self.ctx)
            self.heads.append(plain(run))

    # -- conversation ----------------------------------------------------------------
    def _conversation(self, div: etree._Element, items: list[Item]) -> None:
        items = split_turns(items, self.speakers)  # type: ignore[assignment]
        first_turn = next(
            (
                k
                for k, it in enumerate(items)
                if isinstance(it, Para) and self.speakers.peek(it.first) is not None
            ),
            len(items),
        )
        head_paras: list[Para] = []
        opener: etree._Element | None = None
        pre: list[Item] = []
        for it in items[:first_turn]:
            if isinstance(it, Para) and not pre and self._dateline_like(it):
                if head_paras:
                    self._head_block(div, head_paras)
                    head_paras = []
                fill(element(div, "dateline"), self.run(it), self.ctx)
            elif (
                isinstance(it, Para)
                and archival.CLASSIFICATION_RE.match(it.first)
                and not head_paras
                and not pre
            ):
                opener = opener if opener is not None else element(div, "opener")
                run = self.run(it)
                m = archival.CLASSIFICATION_RE.match(run.text)
                assert m is not None
                nodes: list[Node] = [El("stamp", {"type": "classification"}, [m.group()])]
                self.ctx.report.count("stamps")
                nodes.extend(self.numbers(run.slice(m.end(), len(run.text)), "copy"))
                fill_nodes(opener, nodes, iter(run.pages))
            elif isinstance(it, Para) and not pre and self._heading_like(it, bool(head_paras)):
                head_paras.append(it)
            else:
                pre.append(it)
        if head_paras:
            self._head_block(div, head_paras)
        for pre_item in pre:
            if isinstance(pre_item, Marker):
                self.pb(div, pre_item)
            elif isinstance(pre_item, Stamp):
                self.stamp(div, pre_item)
            else:
                self.p(div, pre_item)
        current: etree._Element | None = None
        current_list: etree._Element | None = None
        for it in items[first_turn:]:
            if isinstance(it, Marker):
                self.pb(current if current is not None else div, it)
                continue
            if isinstance(it, Stamp):
                self.stamp(div, it)
                continue
            label = self.speakers.match(it.first)
            if label is not None:
                current = self._turn(div, it, label)
                current_list = None
                continue
            if self._editorial_only(it) or NARRATOR_RE.match(it.first) or ends_turn(it.first):
                current = None
                current_list = None
                self.p(div, it)
                continue
            target = current if current is not None else div
            current_list = self._point_or_p(target, it, current_list)

    def _point_or_p(
        self, target: etree._Element, para: Para, current_list: etree._Element | None
    ) -> etree._Element | None:
        """A numbered point joins the open list (or starts one); anything else is a ``p``.

        Returns the list still open after ``para``, so consecutive points share one.
        """
        n = letters.numbered(para.first)
        if n is None:
            self.p(target, para)
            return None
        if current_list is None:
            current_list = element(target, "list", type="numbered")
        self._item(current_list, para, n)
        return current_list

    def _dateline_like(self, para: Para) -> bool:
        """A date alone, or a place and a date (``Washington, March 7, 1973, 3:13 p.m.``)."""
        text = para.text
        if DATE_ONLY_RE.match(text):
            return True
        return (
            len(para.lines) == 1
            and len(text.split()) <= 12
            and DATELINE_PLACE_RE.match(text) is not None
            and DATE_RE.search(text) is not None
        )

    def _heading_like(self, para: Para, after_head: bool) -> bool:
        """Whether a paragraph before the first turn still belongs to the heading.

        A heading may run over several paragraphs (a title and the list of those
        present), but a field (``Subject:``), a source note or a sentence of prose
        ends it: those are the record's front matter, kept as paragraphs.
        """
        first = para.first
        if first.startswith(("[", "(")) or FIELD_RE.match(first):
            return False
        if not after_head:
            return True
        text = para.text.rstrip()
        return not (text.endswith(".") and len(text.split()) > 8)

    def _head_block(self, div: etree._Element, paras: list[Para]) -> None:
        lines = [ln for p in paras for ln in p.lines]
        run = TextRun()
        for k, para in enumerate(paras):
            if k:
                run.add(LB, para.offset)
            run.extend(self.run(para))
        fill(element(div, "head"), run, self.ctx)
        text = plain(run)
        self.heads.append(text)
        for name in heading_names(text):
            self.persons.add(name, "participant")
        del lines

    def _turn(self, div: etree._Element, para: Para, label: Label) -> etree._Element:
        pid = self.persons.add(label.label, "speaker")
        sp = element(div, "sp", who=f"#{pid}")
        run = self.run(para)
        text = run.text
        end = len(label.label) + 1
        element(sp, "speaker", text[:end])
        body = run.slice(label.end if label.end <= len(text) else end, len(text)).strip()
        fill(element(sp, "p"), body, self.ctx)
        self.ctx.report.count("turns")
        return sp

    def _editorial_only(self, para: Para) -> bool:
        """A paragraph that is wholly one bracketed summary or stage direction."""
        text = para.text.strip()
        if not text or text[0] not in "[(":
            return False
        pairs, _ = pair_brackets(text)
        if not pairs or pairs[0].open != 0:
            return False
        whole = pairs[0].close >= len(text.rstrip(".").rstrip()) - 1
        if not whole:
            return False
        content = text[1 : pairs[0].close]
        if text[0] == "[":
            return closes_turn(classify_square(content, self.ctx.note_numbers), content)
        return True

    def _item(self, lst: etree._Element, para: Para, n: str) -> None:
        run = self.run(para)
        m = letters.NUMBERED_RE.match(run.text)
        assert m is not None
        item = element(lst, "item", n=n)
        fill(item, run.slice(m.end(), len(run.text)), self.ctx)

    # -- letters and memoranda ---------------------------------------------------------
    def _letter(self, div: etree._Element, items: list[Item], kind: str) -> None:
        k = 0
        while (para := _para_at(items, k)) is not None and archival.is_file_line(para.first):
            self._fw(div, para)
            k += 1
        rest = items[k:]
        open_at = None
        for j, it in enumerate(rest[:8]):
            if isinstance(it, Para) and (
                letters.is_address(it.first)
                or letters.salute_at(it.first)
                or any(letters.salute_at(ln.text) for ln in it.lines[1:])
            ):
                open_at = j
                break
        body_items = rest
        if open_at is None:
            body_items = self._titled_front(div, rest)
        if open_at is not None:
            heads = [it for it in rest[:open_at] if isinstance(it, Para)]
            self.heads_from(div, heads, sub_after_first=True)
            body_items = self._opener(div, rest[open_at:])
        closer_at = self._closer_start(body_items)
        main = body_items if closer_at is None else body_items[:closer_at]
        self._prose(div, main, sections=True)
        if closer_at is not None:
            self._closer(div, [it for it in body_items[closer_at:] if isinstance(it, Para)])

    def _titled_front(self, div: etree._Element, items: list[Item]) -> list[Item]:
        """A title followed by its dateline or source note: ``head`` and ``dateline``.

        Without that evidence a first short paragraph may be a section heading
        (:meth:`_prose` decides), so nothing is taken.
        """
        title = _para_at(items, 0)
        nxt = _para_at(items, 1)
        if (
            title is None
            or nxt is None
            or not self._heading_like(title, False)
            or not (self._dateline_like(nxt) or archival.SOURCE_NOTE_RE.match(nxt.first))
        ):
            return items
        self.heads_from(div, [title], sub_after_first=False)
        k = 1
        while (para := _para_at(items, k)) is not None and self._dateline_like(para):
            fill(element(div, "dateline"), self.run(para), self.ctx)
            k += 1
        return items[k:]

    def _fw(self, div: etree._Element, para: Para) -> None:
        run = self.run(para)
        text = run.text
        nodes: list[Node] = []
        pos = 0
        for m in re.finditer(r"(?<=file)\s+(\d{1,4}-\d{1,8})\b", text, re.IGNORECASE):
            nodes.append(text[pos : m.start(1)])
            nodes.append(El("idno", {"type": "fbi-file"}, [m.group(1)]))
            pos = m.end(1)
        nodes.append(text[pos:])
        fill_nodes(element(div, "fw", type="file"), nodes, iter(run.pages))

    def _opener(self, div: etree._Element, items: list[Item]) -> list[Item]:
        opener = element(div, "opener")
        k = 0
        address: list[Line] = []
        while k < len(items):
            it = items[k]
            if not isinstance(it, Para):
                break
            salute_line = next(
                (j for j, ln in enumerate(it.lines) if letters.salute_at(ln.text)), None
            )
            if salute_line is None and letters.is_address(it.first) and not address:
                address.extend(it.lines)
                k += 1
                continue
            if salute_line is None:
                break
            address.extend(it.lines[:salute_line])
            self._address(opener, address)
            address = []
            line = it.lines[salute_line]
            n = letters.salute_at(line.text)
            element(opener, "salute", line.text[:n])
            remainder = (
                [Line(line.text[n:].lstrip(), line.offset + n)] if line.text[n:].strip() else []
            )
            remainder += it.lines[salute_line + 1 :]
            k += 1
            if remainder:
                return [Para(list[Line | Marker](remainder)), *items[k:]]
            return items[k:]
        self._address(opener, address)
        return items[k:]

    def _address(self, opener: etree._Element, lines: list[Line]) -> None:
        if not lines:
            return
        address = element(opener, "address")
        for line in lines:
            fill(element(address, "addrLine"), TextRun.of(line.text, line.offset), self.ctx)

    def _closer_start(self, items: list[Item]) -> int | None:
        for j in range(len(items) - 1, max(len(items) - 6, -1), -1):
            it = items[j]
            if isinstance(it, Para) and letters.is_closing_salute(it.first):
                after = [x for x in items[j + 1 :] if isinstance(x, Para)]
                if all(
                    len(x.lines) <= 5 and all(len(ln.text) <= 70 for ln in x.lines) for x in after
                ):
                    return j
        return None

    def _closer(self, div: etree._Element, paras: list[Para]) -> None:
        closer = element(div, "closer")
        first = paras[0]
        element(closer, "salute", first.first)
        signed_lines = list(first.lines[1:])
        date_para: Para | None = None
        for para in paras[1:]:
            if DATE_ONLY_RE.match(para.text):
                date_para = para
            else:
                signed_lines.extend(para.lines)
        if signed_lines:
            fill(element(closer, "signed"), self.lines_run(signed_lines), self.ctx)
        if date_para is not None:
            fill(element(closer, "dateline"), self.run(date_para), self.ctx)

    def _prose(self, parent: etree._Element, items: list[Item], sections: bool) -> None:
        target = parent
        current_list: etree._Element | None = None
        # the paragraph after each item, found in one backward pass
        next_para: list[Para | None] = [None] * len(items)
        following: Para | None = None
        for j in range(len(items) - 1, -1, -1):
            next_para[j] = following
            item = items[j]
            if isinstance(item, Para):
                following = item
        for j, it in enumerate(items):
            if isinstance(it, Marker):
                self.pb(target, it)
                continue
            if isinstance(it, Stamp):
                self.stamp(target, it)
                continue
            nxt = next_para[j]
            lines = [ln.text for ln in it.lines]
            if (
                sections
                and letters.looks_like_heading(lines)
                and (nxt is None or nxt.first[:1].isupper())
                and len(lines) <= 2
                and it.lines == [p for p in it.pieces if isinstance(p, Line)]
                and nxt is not None
            ):
                target = element(parent, "div", type="section")
                self._section_head(target, it.lines)
                current_list = None
                continue
            cut = letters.heading_prefix(lines) if sections else 0
            if cut:
                target = element(parent, "div", type="section")
                self._section_head(target, it.lines[:cut])
                rest = Para(self._pieces_after(it, cut))
                it = rest
            current_list = self._point_or_p(target, it, current_list)

    def _pieces_after(self, para: Para, cut: int) -> list[Line | Marker]:
        seen = 0
        for idx, piece in enumerate(para.pieces):
            if isinstance(piece, Line):
                if seen == cut:
                    return para.pieces[idx:]
                seen += 1
        return []

    def _section_head(self, section: etree._Element, lines: list[Line]) -> None:
        run = pages.join_pieces(list(lines), self.hyphenations).strip()
        fill(element(section, "head"), run, self.ctx)
        self.heads.append(plain(run))

    # -- cables ----------------------------------------------------------------------
    def _cable(self, div: etree._Element, items: list[Item]) -> None:
        k = 0
        first = items[0] if items else None
        if isinstance(first, Para) and archival.CABLE_HEAD_RE.match(first.first):
            head = element(div, "head")
            fill_nodes(head, self.numbers(self.run(first), "cable"), iter(()))
            self.heads.append(first.text)
            k = 1
        # distribution list
        dist: list[Para] = []
        j = k
        while j < len(items):
            it = items[j]
            if isinstance(it, Para) and (
                archival.is_distribution_item(it.first)
                or (dist and it.words() <= 2 and pages.ends_open(it.last) and len(it.lines) == 1)
            ):
                dist.append(it)
                j += 1
                continue
            break
        if len(dist) >= 2:
            lst = element(div, "list", type="distribution")
            for para in dist:
                fill(element(lst, "item"), self.run(para), self.ctx)
            k = j
        # front matter up to the salutation
        salute_at = next(
            (
                j
                for j in range(k, len(items))
                if (pj := _para_at(items, j)) is not None and letters.salute_at(pj.first)
            ),
            None,
        )
        end_front = salute_at if salute_at is not None else k
        if salute_at is not None and salute_at - 1 >= k:
            prev = items[salute_at - 1]
            if isinstance(prev, Para) and letters.is_address(prev.first) and len(prev.lines) == 1:
                end_front = salute_at - 1
        for it in items[k:end_front]:
            if isinstance(it, Stamp):
                self.stamp(div, it)
            elif isinstance(it, Marker):
                self.pb(div, it)
            else:
                self.archival_p(div, it, "registry")
        rest = items[end_front:]
        # handling notes at the end
        h = len(rest)
        while h > 0 and isinstance(rest[h - 1], Para) and archival.is_handling(rest[h - 1].first):  # type: ignore[union-attr]
            h -= 1
        message, handling = rest[:h], rest[h:]
        if message:
            letter = element(div, "div", type="message") if salute_at is not None else div
            after_opener = self._opener(letter, message) if salute_at is not None else message
            self._cable_message(letter, after_opener)
        for it in handling:
            assert isinstance(it, Para)
            note = element(div, "note", type="handling")
            fill_nodes(note, self.numbers(self.run(it), "registry"), iter(()))

    def _cable_message(self, parent: etree._Element, items: list[Item]) -> None:
        k = 0
        # the message text up to an embedded telegram
        tele_start = next(
            (j for j, it in enumerate(items) if isinstance(it, Para) and it.first[:1] in '"“'), None
        )
        tele_end = None
        if tele_start is not None:
            for j in range(tele_start, len(items)):
                it = items[j]
                if (
                    isinstance(it, Para)
                    and it.last.rstrip()[-1:] in '"”'
                    and (j > tele_start or len(it.text) > 1)
                ):
                    tele_end = j
                    if j > tele_start:
                        break
        before = items[: tele_start if tele_end is not None else len(items)]
        closer_paras: list[Item] = []
        if tele_end is None:
            split = self._short_tail(before)
            before, closer_paras = before[:split], before[split:]
        self._prose(parent, before, sections=False)
        k = len(before)
        if tele_start is not None and tele_end is not None:
            tele = element(parent, "div", type="telegram")
            body = items[tele_start : tele_end + 1]
            last = body[-1]
            assert isinstance(last, Para)
            sig = self._signature_line(last)
            if sig is not None and len(body) > 1:
                self._prose(tele, body[:-1], sections=False)
                self._signed_dateline(tele, sig)
            else:
                self._prose(tele, body, sections=False)
            closer_paras = items[tele_end + 1 :]
        if closer_paras:
            closer = element(parent, "closer")
            for it in closer_paras:
                if not isinstance(it, Para):
                    continue
                run = self.run(it)
                text = run.text
                if DATE_ONLY_RE.match(text):
                    fill(element(closer, "dateline"), run, self.ctx)
                elif archival.IDNO_RE.match(text):
                    fill_nodes(
                        element(closer, "p") if False else closer,
                        self.numbers(run, "cable"),
                        iter(()),
                    )
                elif archival.SIGNATURE_NAME_RE.match(text) and text.isupper():
                    fill(element(closer, "signed"), run, self.ctx)
                else:
                    fill_nodes(closer, self.numbers(run, "registry"), iter(()))
        del k

    def _short_tail(self, items: list[Item]) -> int:
        k = len(items)
        while k > 0 and isinstance(items[k - 1], Para) and items[k - 1].words() <= 4:  # type: ignore[union-attr]
            k -= 1
        return k

    def _signature_line(self, para: Para) -> tuple[TextRun, int] | None:
        run = self.run(para)
        text = run.text
        m = archival.SIGNATURE_NAME_RE.match(text.rstrip('"”'))
        if m is None or len(para.lines) != 1:
            return None
        rest = (m.group("rest") or "").strip().rstrip('"”').strip()
        if rest and not DATE_RE.search(rest):
            return None
        return run, m.end("name")

    def _signed_dateline(self, parent: etree._Element, sig: tuple[TextRun, int]) -> None:
        run, name_end = sig
        closer = element(parent, "closer")
        element(closer, "signed", run.text[:name_end])
        rest = run.slice(name_end, len(run.text))
        text = rest.text
        quote_at = len(text.rstrip().rstrip('"”'))
        inner = rest.slice(0, quote_at).strip()
        if inner.text:
            closer[-1].tail = " "
            fill(element(closer, "dateline"), inner, self.ctx)
        if quote_at < len(text.rstrip()):
            last = closer[-1]
            last.tail = (last.tail or "") + text[quote_at:].strip()
