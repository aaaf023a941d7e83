"""The body of the TEI: the stages from raw blocks to the kind's ``div``.

Recognition is staged, each stage pure and in a module of its own:
line features (:mod:`.features`) → role scores (:mod:`.roles`) → document
kind (:mod:`.kinds`), together the :class:`~.plan.Plan`; the sidecar's
structure entries (:mod:`.decisions`) override the plan; then this module
prepares the items and the kind's registered assembly (:mod:`.assemble`)
builds the body. The preparation order matters:

1. the web frame is cut off (:mod:`.recognizers.frame`);
2. lines the role stage found to be markings or page furniture leave their
   blocks (``fw``), and blocks of one-per-line fields or points are cut;
3. blocks that must stay whole are fixed (stamps spanning blank lines, rules,
   page numbers, distribution lists), so that
4. rejoining paragraphs cut by page boundaries (:mod:`.recognizers.pages`)
   cannot glue a list item to a name;
5. endnotes are taken from the end; the assembly does the rest.

:class:`Assembler` holds the pieces every assembly shares (paragraphs,
points, stamps, sections, turns, headings).
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.convert import participants
from teikit.convert.builder import element, fill, fill_nodes
from teikit.convert.decisions import Decisions
from teikit.convert.inline import El, InlineContext, Node, plain
from teikit.convert.plan import Plan, plan_of
from teikit.convert.recognizers import archival, footnotes, indents, letters, pages
from teikit.convert.recognizers.brackets import classify_square, closes_turn, pair_brackets
from teikit.convert.recognizers.dates import DATE_ONLY_RE, DATE_RE
from teikit.convert.recognizers.dates import parse_date as parse_date_only
from teikit.convert.recognizers.frame import Frame, split_frame
from teikit.convert.recognizers.label_lines import label_run_starts
from teikit.convert.recognizers.pages import Hyphenation, HyphenLog, Marker, Para
from teikit.convert.recognizers.speakers import (
    MIN_LINE_TURNS,
    SPEECH_VERBS,
    Label,
    Speakers,
    chair_named,
    heading_names,
    line_turn_starts,
    match_label,
    split_at,
)
from teikit.convert.recognizers.web import web_chrome
from teikit.convert.zones import LB, PB, Block, Line, TextRun, split_blocks

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml import etree

    from teikit.convert.persons import Registry
    from teikit.convert.source import Transcription


@dataclass
class Stamp:
    """A ``[Stamp: …]`` spanning blocks: its lines, without the label and brackets."""

    lines: list[Line]
    offset: int


@dataclass
class Furniture(Stamp):
    """Lines that are not text of the document: markings and page furniture.

    ``role`` is the line role that made them so (``marking`` or ``furniture``);
    ``page_end`` says a page turns after them (an archive's page footer).
    """

    role: str = "furniture"
    page_end: bool = False
    #: a page turns before it (a collection's separator heads each page)
    page_start: bool = False
    #: a classification band printed on each page: a page turns there, unless it stands
    #: after the last text (the last page's foot)
    band: bool = False


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


def read_blocks(source: Transcription) -> tuple[Frame, list[Block]]:
    blocks = split_blocks(source)
    frame = split_frame(blocks, lambda b: match_label(b.first) is not None)
    return frame, blocks[frame.first_body : frame.end_body]


def detect_kind(paras: list[Para], speakers: Speakers | None = None) -> str:
    """The document kind from its structure (a sidecar may override it)."""
    head = archival.CABLE_HEAD_RE.match(paras[0].first) if paras else None
    if head is not None and not head.group().upper().startswith("DISPATCH"):
        # (a dispatch goes by pouch: it is written as a memorandum, not as a cable)
        return "cable"
    speakers = speakers or Speakers([p.first for p in paras])
    turns, distinct = speakers.count_turns([p.first for p in paras])
    if turns >= 3 and (distinct >= 2 or turns >= 4):
        return "conversation"
    # a letter opens with its salutation and closes with its formula: one deep
    # inside another document (a letter copied into a form's file) makes no letter
    if any(letters.salute_at(p.first) for p in paras[:LETTER_OPENING_PARAS]) or any(
        letters.is_closing_salute(p.first) for p in paras[-LETTER_CLOSING_PARAS:]
    ):
        return "letter"
    return "memorandum"


#: A letter's salutation stands within its first paragraphs (title block, address).
LETTER_OPENING_PARAS = 10
#: A letter's closing formula stands within its last paragraphs (signature, copies).
LETTER_CLOSING_PARAS = 8


#: The structural assemblies this module has, by the name a kind registers for.
ASSEMBLIES = ("conversation", "cable", "letter", "memorandum")


def assembly_kind(structural: str, plan: Plan) -> str:
    """Which assembly builds the body.

    The structure found in the paragraphs (turns, a cable head, a salutation)
    decides first: it is stronger evidence than words at the top. Otherwise
    the kind the role stage detected chooses its registered assembly.
    """
    if structural != "memorandum":
        return structural
    from teikit.convert.kinds import KINDS

    assembly = KINDS[plan.kind].assembly if plan.kind in KINDS else "prose"
    return assembly if assembly in ASSEMBLIES and assembly != "cable" else "memorandum"


def reported_kind(assembly: str, plan: Plan, titled: bool = False) -> str:
    """The kind a report names: the detected kind, unless the structure overruled it.

    ``titled``: :func:`named_over_letter` holds (the title names the kind).
    """
    from teikit.convert.kinds import KINDS

    if assembly == "memorandum" or titled:
        return plan.kind
    detected = KINDS.get(plan.kind)
    return plan.kind if detected is not None and detected.div_type == assembly else assembly


#: A kind's score from the copy's own name for itself (``MEMORANDUM``, ``REPORT``
#: in the title) is at least this; a salutation alone scores below it.
NAMED_SCORE = 0.55


def named_over_letter(assembly: str, plan: Plan) -> bool:
    """Whether a salutation builds the body but the copy's title names another kind.

    A memorandum of the 1920s may open ``Dear Mr. Secretary:`` and close ``Very
    respectfully,``, and a telegram may carry a head of state's letter: the letter
    assembly gives it its opener and closer, but its title (``Memorandum from…``,
    ``Telegram From…``) says what the document is, and the division says so too.
    """
    if not (
        assembly == "letter"
        and plan.kind != "letter"
        and plan.div_type in ("memorandum", "telegram", "cable")
        and plan.kind_score.value >= NAMED_SCORE
    ):
        return False
    from teikit.convert.kinds.named import named_kind

    named = named_kind(plan.doc)
    title = plan.doc.lines[:TITLE_LINES]
    return named is not None and named[0] == plan.kind and any(f.number == named[2] for f in title)


#: The copy's title is within its first lines.
TITLE_LINES = 3


def div_type(assembly: str, plan: Plan, forced: str | None, titled: bool = False) -> str:
    """The body division's type: the schema's kind for the assembly or detected kind."""
    if forced:
        return assembly
    if assembly == "memorandum" or titled:
        return plan.div_type
    return assembly


def first_full_date(blocks: list[Block]) -> str | None:
    """The first full date of the text: a date alone on its line first, else any."""
    from teikit.convert.recognizers.dates import match_to_date, without_ordinals

    texts = [without_ordinals(block.text) for block in blocks]
    for text in texts:
        if DATE_ONLY_RE.match(text):
            when = parse_date_only(text)
            if when and len(when) == 10:
                return when
    for text in texts:
        for m in DATE_RE.finditer(text):
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


def render_marked(run: TextRun, ctx: InlineContext, *, ocr: bool = False) -> list[Node]:
    """A run's content, with the classification a source note states as a ``stamp``.

    Only a run that *is* a source note (``Source: …``, as a paragraph or as a
    footnote) is searched: elsewhere "Secret." is a word of the text. Any other
    run has its in-line markings and labelled identifiers encoded where they
    stand (:mod:`.recognizers.inline_marks`; ``ocr`` for an OCR copy's rules).
    """
    from teikit.convert.inline import render

    text = run.text
    span = archival.note_classification(text) if archival.SOURCE_NOTE_RE.match(text) else None
    if span is None:
        return render_inline_marks(run, ctx, ocr=ocr)
    start, end = span
    ctx.report.count("stamps")
    stamp = El("stamp", {"type": "classification"}, render(run.slice(start, end), ctx))
    return [
        *render(run.slice(0, start), ctx),
        stamp,
        *render(run.slice(end, len(text)), ctx),
    ]


def render_inline_marks(run: TextRun, ctx: InlineContext, *, ocr: bool = False) -> list[Node]:
    """A run's content with its in-line markings as ``stamp`` and identifiers as ``idno``.

    A mark inside brackets is left to the brackets' reading (a bracket is rendered
    whole, never cut).
    """
    from teikit.convert.inline import render
    from teikit.convert.recognizers.inline_marks import marks_in

    text = run.text
    pairs, _ = pair_brackets(text)
    marks = [
        m
        for m in marks_in(text, ocr=ocr)
        if not any(p.open <= m.end and m.start <= p.close for p in pairs)
    ]
    if not marks:
        return render(run, ctx)
    out: list[Node] = []
    pos = 0
    for mark in marks:
        out.extend(render(run.slice(pos, mark.start), ctx))
        if mark.tag == "stamp":
            ctx.report.count("stamps")
        out.append(El(mark.tag, {"type": mark.type}, render(run.slice(mark.start, mark.end), ctx)))
        pos = mark.end
    out.extend(render(run.slice(pos, len(text)), ctx))
    return out


#: A word of this many letters: a paragraph without one is OCR specks (``t``, ``I we``).
_WORD3_RE = re.compile(r"[^\W\d_]{3,}")
#: Fewer words than this between two marks of a page turn make no page: a reporter's
#: letterhead line (``Phone 555-0100``) between an archive's footer and the page's number.
MIN_PAGE_WORDS = 5


#: Fewer words than this after a copy's last page number make no last page: specks.
MIN_LAST_PAGE_WORDS = 2


def is_specks(para: Para) -> bool:
    """Whether a paragraph is only specks the OCR made of a page's margin: no word in it.

    Such specks after a page's last footer open no page, and between two marks of
    one page turn they make no page of their own.
    """
    return not any(_WORD3_RE.search(line.text) for line in para.lines)


def split_trailing(items: list[Item]) -> tuple[list[Item], list[Item]]:
    """``items`` up to their last paragraph, and the page breaks, furniture and stamps after it.

    What stands after a closer's last line (the classification repeated at the
    foot of the copy) is the page's, not the signer's: it follows the closer.
    """
    last = max((k for k, it in enumerate(items) if isinstance(it, Para)), default=-1)
    return items[: last + 1], items[last + 1 :]


def feed_breaks(items: list[Item], feeds: Sequence[int]) -> list[Item]:
    """A page break (without a number) at each form feed between the copy's first and last text.

    A feed between two paragraphs is a break between them; one inside a paragraph
    (a sentence running over the page) is a break among its lines, so the
    paragraph stays one. A feed before the first text or after the last turns no
    page of the text.
    """
    if not items:
        return items
    first = items[0].offset
    last = max(
        (ln.offset for it in items if isinstance(it, Para) for ln in it.lines), default=first
    )
    turns = sorted(f for f in set(feeds) if first < f < last)
    if not turns:
        return items
    out: list[Item] = []
    k = 0
    for it in items:
        if isinstance(it, Para) and k < len(turns):
            pieces: list[Line | Marker] = []
            for piece in it.pieces:
                while isinstance(piece, Line) and k < len(turns) and turns[k] < piece.offset:
                    if pieces:
                        pieces.append(Marker(PB, turns[k]))
                    else:
                        out.append(Marker(PB, turns[k]))
                    k += 1
                pieces.append(piece)
            it.pieces = pieces
        else:
            while k < len(turns) and turns[k] < it.offset:
                out.append(Marker(PB, turns[k]))
                k += 1
        out.append(it)
    return out


def one_break_per_page(
    items: list[Item], numbers: dict[int, list[Line]] | None = None, *, ocr: bool = False
) -> list[Item]:
    """One page break where a page's footer and its number both mark the turn.

    An archive's footer breaks the page after it, unless no text follows at all
    (the copy's last page ends with the document; specks are no text), and a
    separator the page before it, unless no text stands before. Marks of one
    turn read twice are one break (:func:`_no_empty_pages`); ``numbers`` gives
    the lines of each numbered break (by offset).
    """
    texts = [k for k, it in enumerate(items) if isinstance(it, Para) and not is_specks(it)]
    first_text, last_text = (texts[0], texts[-1]) if texts else (len(items), -1)
    words_after = list(
        itertools.accumulate(
            sum(len(_WORD3_RE.findall(ln.text)) for ln in it.lines) if isinstance(it, Para) else 0
            for it in reversed(items)
        )
    )[::-1]
    for k, it in enumerate(items):
        if isinstance(it, Furniture):
            it.page_start = it.page_start and k > first_text
            it.page_end = it.page_end and k < last_text
            if it.band:
                # the band at the last page's foot: after it only the copy's end
                # mark and a signature (``NNN``, a name), no page of text
                rest = words_after[k + 1] if k + 1 < len(items) else 0
                it.page_start = it.page_start and k < last_text and rest >= MIN_PAGE_WORDS
    return _no_empty_pages(items, numbers or {}, ocr=ocr)


def bands_where_unmarked(
    items: list[Item], footers: list[tuple[int, int | None]], numbers: dict[int, list[Line]]
) -> list[Item]:
    """Classification bands and page numbers keep their turn only where footers leave it unmarked.

    ``footers`` are the copy's page footers as (raw offset, page number or ``None``),
    read from every line (a footer the OCR ran into a paragraph counts too); see
    :func:`pages.band_turns`. A page number that marks no turn is text again (its
    lines from ``numbers``).
    """
    bands = [it for it in items if isinstance(it, Furniture) and it.band and it.page_start]
    marked = [it for it in items if isinstance(it, Marker) and it.offset in numbers]
    if not bands and not (marked and any(n is not None for _, n in footers)):
        return items
    marks = sorted(
        [(off, "footer", n) for off, n in footers]
        + [(b.offset, "band", None) for b in bands]
        + [(m.offset, "number", None) for m in marked]
    )
    # the words of text (paragraphs' lines) before each mark, by raw offset
    lines = sorted(
        (ln.offset, len(_WORD3_RE.findall(ln.text)))
        for it in items
        if isinstance(it, Para)
        for ln in it.lines
    )
    offsets = [off for off, _ in lines]
    counts = list(itertools.accumulate(n for _, n in lines))

    def words_before(offset: int) -> int:
        k = bisect.bisect_left(offsets, offset)
        return counts[k - 1] if k else 0

    read: list[tuple[str, int | None, bool]] = []
    prev = 0
    for off, kind, n in marks:
        here = words_before(off)
        read.append((kind, n, here - prev >= MIN_PAGE_WORDS))
        prev = here
    kept = dict(
        zip(
            [off for off, kind, _ in marks if kind != "footer"],
            pages.band_turns(read),
            strict=True,
        )
    )
    for band in bands:
        band.page_start = kept[band.offset]
    return [
        Para(list(numbers[it.offset]))
        if isinstance(it, Marker) and it.offset in numbers and not kept[it.offset]
        else it
        for it in items
    ]


def _no_empty_pages(
    items: list[Item], numbers: dict[int, list[Line]], *, ocr: bool = False
) -> list[Item]:
    """A page turns only where text stood since the last turn.

    A page's footer and the next page's heading number (``Page 2``), or a
    footer and the page number the typist set below the next page's
    letterhead, mark one turn: fewer than :data:`MIN_PAGE_WORDS` words between
    two marks of different kinds make no page. Two footers are two pages
    unless only specks stand between (one footer the OCR read twice): the
    archive stamps one footer a page, also on a page whose text the OCR lost.
    Of two marks of one turn a page number is kept (it names the page), else
    the first; a second number is text again (its lines from ``numbers``), a
    footer whose break is dropped stays ``fw``. In an OCR copy a last number with
    fewer than :data:`MIN_LAST_PAGE_WORDS` words after it, to the copy's end (the
    OCR's specks), is text too.
    """
    out: list[Item] = []
    last: Furniture | Marker | None = None  # the last mark, until a page of text follows
    words = 0  # words since the last mark

    def same_turn(kind: str) -> bool:
        if last is None:
            return False
        if kind == "end" and isinstance(last, Furniture) and last.page_end:
            return words == 0
        return words < MIN_PAGE_WORDS

    for it in items:
        if isinstance(it, Para):
            words += sum(len(_WORD3_RE.findall(line.text)) for line in it.lines)
            if words >= MIN_PAGE_WORDS:
                last = None
        elif isinstance(it, Marker) and it.kind == PB:
            lines = numbers.get(it.offset)
            if lines is not None and same_turn("number"):
                if isinstance(last, Furniture):
                    # the footer's break gives way to the number's
                    last.page_start = last.page_end = False
                else:
                    out.append(Para(list(lines)))
                    continue
            last, words = it, 0
        elif isinstance(it, Furniture) and (it.page_start or it.page_end):
            if same_turn("end" if it.page_end else "start"):
                it.page_start = it.page_end = False
            else:
                last, words = it, 0
        out.append(it)
    specks = ocr and 0 < words < MIN_LAST_PAGE_WORDS
    if specks and isinstance(last, Marker) and last.offset in numbers:
        # a number with only a few specks after it opens no page: the copy's last
        # page would hold no text (a figure among a form's specks), so it is text
        k = next(j for j, it in enumerate(out) if it is last)
        out[k] = Para(list(numbers[last.offset]))
    return out


def _para_at(items: list[Item], k: int) -> Para | None:
    """The paragraph at ``items[k]``, or ``None`` (out of range, or not a paragraph)."""
    if 0 <= k < len(items):
        it = items[k]
        if isinstance(it, Para):
            return it
    return None


class Assembler:
    """Builds the body ``div`` of one document."""

    def __init__(
        self,
        ctx: InlineContext,
        persons: Registry,
        kind: str | None,
        plan: Plan | None = None,
        decided: Decisions | None = None,
    ) -> None:
        self.ctx = ctx
        self.persons = persons
        self.forced_kind = kind
        self.plan = plan if plan is not None else plan_of(ctx.source.text)
        self.decided = decided if decided is not None else Decisions({}, set(), {}, [])
        self.hyphenations = HyphenLog()
        self.dropped: list[str] = []
        self.heads: list[str] = []
        self.speakers = Speakers([])
        self.notes_head: Para | None = None
        #: raw offsets of the rules (``----``) dropped: a rule may announce the notes
        self.rules: list[int] = []
        self.bands = self._band_levels()
        #: the lines of each page number read as a page break, by offset
        self.number_lines: dict[int, list[Line]] = {}
        #: the copy's first page number, and whether text stood before it
        self.first_number: tuple[str, bool] | None = None
        #: each non-blank line's place among the document's lines, by offset (made once)
        self._line_index: dict[int, int] | None = None
        #: offsets of lines of a run of ``Label: value`` lines (fields, never turns)
        self.label_lines: set[int] = set()

    def _band_levels(self) -> set[tuple[str, ...]]:
        """The classifications printed on each page of the copy (:func:`pages.band_levels`)."""
        from teikit.convert.roles.marking import OPTION_REASON, level_of

        text = self.ctx.source.text
        levels = []
        for off, (role, score) in self.plan.roles.items():
            if role == "marking" and score.reason != OPTION_REASON:
                end = text.find("\n", off)
                levels.append(level_of(text[off : end if end >= 0 else len(text)]))
        return pages.band_levels(levels)

    # -- preparation -------------------------------------------------------------
    def items(self, blocks: list[Block]) -> list[Item]:
        blocks = pages.split_at_rules(blocks)
        out: list[Item] = []
        last_page: int | None = None
        numbered = self._page_numbers(blocks)
        numbers: dict[int, list[Line]] = {}
        labels: dict[int, str] = {}  # page labels (``[Page 3]``) read as page breaks
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
                    # an unclosed bracket never swallows what follows: kept as text, flagged
                    loc = self.ctx.source.line_col(block.offset)
                    self.ctx.report.unsure(
                        loc[0], loc[1], "[Stamp: never closed; kept as text, not a stamp"
                    )
                    out.append(Para(list(block.lines), block.blank_before))
                    i += 1
                    continue
                out.append(Stamp(lines, block.offset))
                i = j + 1
                continue
            split = self._furniture_split(block)
            if split is not None:
                for piece in split:
                    # a rule cut from the lines below it (notes after ``----``) is dropped
                    if isinstance(piece, Para) and pages.RULE_RE.match(piece.first):
                        self.dropped.append(piece.first)
                        self.rules.append(piece.offset)
                        # the lines below the rule (the notes) stay
                        rule = piece.lines[0]
                        rest = [x for x in piece.pieces if x is not rule]
                        if any(isinstance(x, Line) for x in rest):
                            out.append(Para(rest, piece.blank_before))
                        else:  # a page break beside the rule stays
                            out.extend(x for x in rest if isinstance(x, Marker))
                    else:
                        out.append(piece)
                i += 1
                continue
            if pages.is_rule(block):
                self.dropped.append(block.first)
                self.rules.append(block.offset)
            elif len(block.lines) > 1 and pages.RULE_RE.match(block.first):
                # a rule set directly above endnotes: the rule is dropped, the notes stay
                self.dropped.append(block.first)
                self.rules.append(block.offset)
                out.append(Para(list(block.lines[1:]), block.blank_before))
            elif (n := pages.is_page_number(block)) is not None and i in numbered:
                out.append(Marker(PB, block.offset, n))
                if pages.is_page_label(block):
                    labels[block.offset] = block.first
                numbers[block.offset] = block.lines
                self.number_lines[block.offset] = block.lines
                if self.first_number is None:
                    self.first_number = (n, any(isinstance(it, Para) for it in out))
                self.ctx.report.count("pages")
                last_page = int(n)
            elif n is not None:
                # page numbers increase through a copy: a number that does not is text
                # (a figure, a date, a repeated line), kept as written and flagged
                loc = self.ctx.source.line_col(block.offset)
                why = (
                    "too long for a page of an OCR copy"
                    if self.plan.doc.ocr and len(n) > 3
                    else f"it does not follow page {last_page}"
                )
                self.ctx.report.unsure(
                    loc[0], loc[1], f"{n} on a line of its own: {why}; kept as text"
                )
                out.append(Para(list(block.lines), block.blank_before))
            else:
                out.append(Para(list(block.lines), block.blank_before))
            i += 1
        out = bands_where_unmarked(out, self._footers(), numbers)
        feeds = self.ctx.source.page_feeds
        if feeds and not numbers and not any(isinstance(it, (Marker, Furniture)) for it in out):
            # the copy marks its pages by form feeds alone: each is a page turn
            out = feed_breaks(out, feeds)
        out = one_break_per_page(out, numbers, ocr=self.plan.doc.ocr)
        # a page label that stays a page break: its words are the transcriber's, declared
        # as dropped (one whose break fell is text again, and keeps its words)
        self.dropped.extend(
            labels[it.offset] for it in out if isinstance(it, Marker) and it.offset in labels
        )
        return out

    def _footers(self) -> list[tuple[int, int | None]]:
        """Every page footer of the copy, as (raw offset, the page number it states)."""
        from teikit.convert.roles.furniture import is_page_footer

        return [
            (line.offset, pages.footer_page(line.text))
            for line in self.plan.doc.lines
            if is_page_footer(line.text)
        ]

    def _page_numbers(self, blocks: list[Block]) -> set[int]:
        """The blocks (by index) whose number alone is a page number: those of the copy's run."""
        from teikit.convert.features import cable_page

        found: list[tuple[int, int]] = []
        for i, block in enumerate(blocks):
            n = pages.is_page_number(block)
            if n is not None and i and cable_page(blocks[i - 1].last) is not None:
                continue  # under a printed telegram's page head, which names the page: a serial
            if n is not None and i and pages.after_end_mark(blocks[i - 1].last):
                continue  # a release's ``### / - 30 -``: the end, not a page
            # in an OCR copy a number of four digits alone is a figure the OCR
            # set apart (a serial, a year), not the page of a file
            if n is not None and not (self.plan.doc.ocr and len(n) > 3):
                found.append((i, int(n)))
        runs = pages.page_run([n for _, n in found], lone=self.plan.doc.page_marks == 0)
        # a page label (``[Page 3]``) says so outright: no run is needed to believe it
        labels = {i for i, _ in found if pages.is_page_label(blocks[i])}
        return {found[k][0] for k in runs} | labels

    def role(self, line: Line) -> str:
        """The role the role stage chose for a raw line (``text`` when unknown)."""
        found = self.plan.roles.get(line.offset)
        return found[0] if found is not None else "text"

    def _furniture_split(self, block: Block) -> list[Item] | None:
        """A block's marking or furniture lines as items of their own, the rest as paragraphs.

        Leading and trailing ones leave the block; one in its middle (an archive's
        page footer the OCR read into a paragraph) cuts it there. ``None`` when the
        block has none and needs no cut: it is then read as before.
        """
        roles = [self.role(ln) for ln in block.lines]
        outside = ("marking", "furniture", "reference")
        out: list[Item] = []
        cut = False
        k = 0
        while k < len(roles):
            if roles[k] in outside:
                out.append(self._furniture(block.lines[k], roles[k]))
                cut = True
                k += 1
                continue
            e = k
            while e < len(roles) and roles[e] not in outside:
                e += 1
            parts = self._text_split(block, roles, k, e, block.blank_before if k == 0 else 0)
            cut = cut or len(parts) > 1
            out.extend(parts)
            k = e
        return out if cut else None

    def _text_split(self, block: Block, roles: list[str], k: int, e: int, blank: int) -> list[Item]:
        """Lines ``k:e`` of a block as paragraphs, cut at fields, points and run-in headings."""
        starts = self._line_starts(roles[k:e])
        labels = label_run_starts([ln.text for ln in block.lines[k:e]], self.plan.doc.width)
        if labels and all(roles[k + j] in ("text", "field") for j in labels):
            starts = sorted({*starts, 0, *labels})
            self.label_lines |= {block.lines[k + j].offset for j in labels}
        # a heading run into the text between two paragraphs is a block of its own
        # (a heading not set off by a blank line is never merged into the paragraph
        # before or after it; the lines of one title that wraps stay together)
        heads = [j for j in range(e - k) if roles[k + j] == "heading"]
        wraps = [self._wrapped_title(ln) for ln in block.lines]
        if all(wraps[k:e]) or heads == [0] == [e - k - 1]:
            heads = []  # the block is one heading
        cuts = {k + s for s in starts if s} if len(starts) >= 2 else set()
        cuts |= {k + j for j in heads if j and not (wraps[k + j] and wraps[k + j - 1])}
        cuts |= {
            k + j + 1 for j in heads if k + j + 1 < e and not (wraps[k + j] and wraps[k + j + 1])
        }
        bounds = [k, *sorted(cuts), e]
        return [
            Para(list(block.lines[a:b]), blank if a == k else 0)
            for a, b in itertools.pairwise(bounds)
        ]

    def _wrapped_title(self, line: Line) -> bool:
        """A line the role stage read as part of a title that wraps over lines."""
        found = self.plan.roles.get(line.offset)
        return found is not None and found[0] == "heading" and "set apart over" in found[1].reason

    def is_field(self, para: Para) -> bool:
        """Whether a paragraph's label opens no turn: a field, or the sidecar says so."""
        if not para.lines:
            return False
        first = para.lines[0]
        return (
            self.role(first) == "field"
            or first.offset in self.decided.not_speaker
            or first.offset in self.label_lines
        )

    def _mark_resp(self, el: etree._Element, lines: list[Line]) -> etree._Element:
        """``@resp`` on an element built from lines a sidecar entry decided."""
        for line in lines:
            resp = self.decided.resp.get(line.offset)
            if resp is not None:
                el.set("resp", f"#{resp}")
                break
        return el

    @staticmethod
    def _line_starts(roles: list[str]) -> list[int]:
        """Where a block of one-per-line fields or numbered points is cut.

        ``TO:``/``FROM:``/``SUBJECT:`` lines, and points ``4.`` … ``19.`` typed
        one per line, are separate even without blank lines between them; a
        line of another role continues the one before (a ``SUBJECT:`` that wraps).
        """
        return [j for j, r in enumerate(roles) if r in ("field", "item")]

    def _furniture(self, line: Line, role: str) -> Furniture:
        from teikit.convert.features import cable_page, page_head
        from teikit.convert.roles.furniture import is_page_footer

        if role == "marking":
            from teikit.convert.roles.marking import is_classification

            found = self.plan.roles.get(line.offset)
            if is_classification(line.text) and not (found and "form's options" in found[1].reason):
                self.ctx.report.count("stamps")
        footer = role == "furniture" and is_page_footer(line.text)
        if footer:
            self.ctx.report.count("pages")
        starts = footer and page_head(line.text)
        # a printed telegram's first page head (``PAGE 01 …``) heads page 1: no turn
        ends = footer and not starts and cable_page(line.text) is None
        split = self._split_footer(line) if footer else None
        if split is not None:
            # an archive footer and its page number read apart: one turn, after the number
            starts, ends = False, split == "closes"
        band = role == "marking" and self._is_band(line)
        return Furniture([line], line.offset, role, ends, starts or band, band)

    def _split_footer(self, line: Line) -> str | None:
        """How a footer line takes part in a footer the OCR split (:func:`split_footer`)."""
        from teikit.convert.features import split_footer

        lines = self.plan.doc.lines
        if self._line_index is None:
            self._line_index = {f.offset: f.index for f in lines}
        i = self._line_index.get(line.offset)
        return None if i is None else split_footer([f.text for f in lines], i)

    def _is_band(self, line: Line) -> bool:
        """Whether a marking line is the copy's classification band (a page turns there)."""
        if not self.bands:
            return False
        from teikit.convert.roles.marking import OPTION_REASON, level_of

        found = self.plan.roles.get(line.offset)
        if found is not None and found[1].reason == OPTION_REASON:
            return False
        return level_of(line.text) in self.bands

    def run(self, para: Para) -> TextRun:
        return pages.join_pieces(para.pieces, self.hyphenations).strip()

    def lines_run(self, lines: Sequence[Line | Marker]) -> TextRun:
        """Lines kept as lines (``lb`` between them), page breaks kept where they stand."""
        run = TextRun()
        started = False
        for piece in lines:
            if isinstance(piece, Marker):
                if piece.kind == PB:
                    run.add_marker(PB, piece.offset, piece.page)
                continue
            if started:
                run.add(LB, piece.offset)
            run.add(piece.text, piece.offset)
            started = True
        return run

    # -- main --------------------------------------------------------------------
    def assemble(self, blocks: list[Block]) -> Body:
        # a list of those present is read before page rejoining, which would join names
        items = participants.group_lists(self.items(blocks))
        # a typed block of paragraphs marked by first-line indents is as many paragraphs
        items = self._indented_paras(items)
        # a block set one turn per line is as many paragraphs as it has turns
        items = self._line_turns(items)
        paras = [it for it in items if isinstance(it, Para)]
        # a form's or memorandum's field (``TO:``, ``DATE:``) is never a speaker's label
        talk = [p for p in paras if not self.is_field(p)]
        self.speakers = Speakers(
            [p.first for p in talk], [ln.text for p in talk for ln in p.lines[1:]]
        )
        structural = detect_kind(talk, self.speakers)
        if self.persons.chair is None:
            self.persons.chair = chair_named([p.text for p in paras])
        kind = self.forced_kind or assembly_kind(structural, self.plan)
        titled = named_over_letter(kind, self.plan)
        self.ctx.report.kind = self.forced_kind or reported_kind(kind, self.plan, titled)
        self.ctx.stage_allowed = kind == "conversation"
        locked = self._lock(items, kind)
        locked |= {id(it) for it in items if isinstance(it, participants.Participants)}
        merged = self._merge(items, locked)
        merged, notes = self._endnotes(merged)
        if notes and self.first_number is not None and self.foot_numbered(*self.first_number):
            merged = self._last_foot_number(merged)
        div = element(None, "div", type=div_type(kind, self.plan, self.forced_kind, titled))
        if not self.forced_kind and self.ctx.report.kind != div.get("type"):
            div.set("subtype", self.ctx.report.kind)
        from teikit.convert.assemble import assembly_for

        assembly_for(kind)(self, div, merged)
        return Body(
            kind,
            div,
            notes,
            self.heads,
            self.dropped,
            self.hyphenations.entries,
            notes_head=self.notes_head,
        )

    def _indented_paras(self, items: list[Item]) -> list[Item]:
        """Paragraphs typed with first-line indents (:func:`indents.paragraph_starts`) cut."""
        out: list[Item] = []
        for it in items:
            if isinstance(it, Para) and len(it.lines) >= 3 and not self.is_field(it):
                typed = [(self.ctx.source.line_col(ln.offset)[1] - 1, ln.text) for ln in it.lines]
                out.extend(split_at(it, [(k, 0) for k in indents.paragraph_starts(typed)]))
            else:
                out.append(it)
        return out

    def _line_turns(self, items: list[Item]) -> list[Item]:
        """Paragraphs set one turn per line (:func:`line_turn_starts`) cut at each turn."""
        out: list[Item] = []
        for it in items:
            if isinstance(it, Para) and len(it.lines) >= MIN_LINE_TURNS and not self.is_field(it):
                out.extend(split_at(it, line_turn_starts([ln.text for ln in it.lines])))
            else:
                out.append(it)
        return out

    def _lock(self, items: list[Item], kind: str) -> set[int]:
        """Paragraphs that page rejoining must leave whole and apart."""
        # a line an editor decided about stands as decided
        locked = {
            id(it)
            for it in items
            if isinstance(it, Para) and any(ln.offset in self.decided.resp for ln in it.lines)
        }
        # a heading stands apart: page rejoining never runs it into the text (the
        # lines of one that wraps, split by a blank line, are rejoined)
        locked |= {
            id(it)
            for it in items
            if isinstance(it, Para)
            and all(self.role(ln) == "heading" for ln in it.lines)
            and not any(self._wrapped_title(ln) for ln in it.lines)
        }
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
            # in an OCR copy a paragraph opening in lower case is the OCR's doing (a
            # margin, a speck, a line read apart), not proof that text was lost
            merged, rejoined, lost = pages.merge_paragraphs(
                segment, lost_allowed=not self.plan.doc.ocr, fragments=fragments
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
                if isinstance(it, Para) and self._margin_turn(it):
                    flush()  # a turn never continues the paragraph before it
                segment.append(it)
        flush()
        return out

    @staticmethod
    def foot_numbered(first: str, after_text: bool) -> bool:
        """Whether a copy numbers its pages at their feet: page 1's number after its text.

        A copy numbered at the heads leaves page 1 unnumbered (its run starts at 2),
        or sets ``1`` above the first words.
        """
        return first.lstrip("0") == "1" and after_text

    def _last_foot_number(self, items: list[Item]) -> list[Item]:
        """A page number after the body's last words, only notes after it: the last page's foot.

        No page turns there (the notes at the back are no page of the text), so
        the number is the page's furniture (``fw``), not a page break.
        """
        last_para = max((k for k, it in enumerate(items) if isinstance(it, Para)), default=-1)
        out = list(items)
        for k in range(last_para + 1, len(out)):
            it = out[k]
            if isinstance(it, Marker) and it.kind == PB and it.offset in self.number_lines:
                lines = self.number_lines[it.offset]
                out[k] = Furniture(list(lines), it.offset, "furniture")
        return out

    def _margin_turn(self, para: Para) -> bool:
        """Whether a hearing's turn opens ``para`` after the margin (``g 13 Mr. Smith.``).

        Such a paragraph starts in lower case or with a number, as the rest of a
        sentence cut by a page would: page rejoining must not take it for one.
        """
        if not self.speakers.hearing or not para.lines:
            return False
        lab = self.speakers.peek(para.first)
        return lab is not None and lab.start > 0

    def _endnotes(self, items: list[Item]) -> tuple[list[Item], list[tuple[str, TextRun]]]:
        """Endnotes at the end, linked to their markers (:func:`footnotes.split_endnotes`)."""
        found = footnotes.split_endnotes(items, self.rules)
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
        if isinstance(para, participants.Participants):
            return participants.write(self, parent, para)
        run = self.run(para)
        target = self._mark_resp(element(parent, tag), para.lines[:1])
        nodes = render_marked(run, self.ctx, ocr=self.plan.doc.ocr)
        return fill_nodes(target, nodes, iter(run.pages))

    def fill_marked(self, el: etree._Element, run: TextRun) -> etree._Element:
        """Render a run into ``el`` with its in-line markings and identifiers encoded."""
        nodes = render_inline_marks(run, self.ctx, ocr=self.plan.doc.ocr)
        return fill_nodes(el, nodes, iter(run.pages))

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

    def furniture(self, parent: etree._Element, item: Furniture) -> None:
        """A marking as ``fw`` holding a ``stamp``; page furniture as ``fw``, then ``pb``."""
        from teikit.convert.roles.marking import is_classification
        from teikit.convert.roles.reference import reference_kind

        run = self.lines_run(item.lines)
        if item.role == "marking":
            from teikit.convert.roles.marking import OPTION_REASON

            if item.page_start:
                element(parent, "pb")
            fw = self._mark_resp(element(parent, "fw", type="header"), item.lines)
            found = self.plan.roles.get(item.lines[0].offset)
            option = found is not None and found[1].reason == OPTION_REASON
            if is_classification(run.text) and not option:
                fill(element(fw, "stamp", type="classification"), run, self.ctx)
            else:
                fill(fw, run, self.ctx)
            return
        if item.role == "reference":
            kind = reference_kind(run.text) or "file"
            if kind in ("form", "transmission"):
                # a form's number names the printed form, a transmission line the sending
                # of the message, not this copy
                fw_type = "header" if kind == "form" else "transmission"
                fill(
                    self._mark_resp(element(parent, "fw", type=fw_type), item.lines), run, self.ctx
                )
                return
            fw = self._mark_resp(element(parent, "fw", type="file"), item.lines)
            element(fw, "idno", run.text, type="registry" if kind == "number" else kind)
            return
        from teikit.convert.features import CONTINUATION_HEAD_RE, cable_page
        from teikit.convert.roles.furniture import EXEMPTION_RE

        printed = cable_page(run.text)  # a printed telegram's page head names its page
        kind = "margin" if EXEMPTION_RE.match(run.text) else "footer"
        heads = printed is not None or CONTINUATION_HEAD_RE.match(run.text) is not None
        kind = "header" if heads else kind
        if web_chrome(run.text) and item.offset < len(self.ctx.source.text) // 2:
            kind = "header"  # a web page's chrome above the item heads it
        if item.page_start:
            pb = element(parent, "pb")
            if printed is not None:
                pb.set("n", str(printed))
        fill(self._mark_resp(element(parent, "fw", type=kind), item.lines), run, self.ctx)
        if item.page_end:
            element(parent, "pb")

    def marks(self, parent: etree._Element, items: Sequence[Item]) -> None:
        """Page breaks, furniture and stamps, each where it stands (no paragraph among them)."""
        for it in items:
            if isinstance(it, Marker):
                self.pb(parent, it)
            elif not isinstance(it, Para):
                self.stamp(parent, it)

    def stamp(self, parent: etree._Element, stamp: Stamp, *, in_p: bool = True) -> None:
        if isinstance(stamp, Furniture):
            self.furniture(parent, stamp)
            return
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
        st = element(element(parent, "p") if in_p else parent, "stamp", type="registry")
        fill_nodes(st, self.numbers(run, "registry"), iter(run.pages))
        self.ctx.report.count("stamps")

    def heads_from(self, parent: etree._Element, paras: list[Para], sub_after_first: bool) -> None:
        for k, para in enumerate(paras):
            run = self.lines_run(para.pieces) if len(para.lines) > 1 else self.run(para)
            attrib = {"type": "sub"} if sub_after_first and k else {}
            self.fill_marked(element(parent, "head", **attrib), run)
            self.heads.append(plain(run))

    def point_or_p(
        self, target: etree._Element, para: Para, current_list: etree._Element | None
    ) -> etree._Element | None:
        """A numbered point joins the open list (or starts one); anything else is a ``p``.

        Returns the list still open after ``para``, so consecutive points share one.
        """
        quoted = self.speakers.quoted_turn(para.first)
        if quoted is not None:
            # a dialogue the report quotes: its turns, where the report has them
            self.turn(target, para, quoted)
            return None
        n = letters.numbered(para.first)
        if n is None:
            self.p(target, para)
            return None
        if current_list is None:
            current_list = element(target, "list", type="numbered")
        self._item(current_list, para, n)
        return current_list

    def dateline_like(self, para: Para) -> bool:
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

    def heading_like(self, para: Para, after_head: bool) -> bool:
        """Whether a paragraph before the first turn still belongs to the heading.

        A heading may run over several paragraphs (a title and the list of those
        present), but a field (``Subject:``), a source note or a sentence of prose
        ends it: those are the record's front matter, kept as paragraphs.
        """
        first = para.first
        if first.startswith(("[", "(")) or FIELD_RE.match(first):
            return False
        if isinstance(para, participants.Participants):
            return False
        if not self.heading_roles(para.lines):
            return False
        if not after_head:
            return True
        text = para.text.rstrip()
        return not (text.endswith(".") and len(text.split()) > 8)

    def head_block(self, div: etree._Element, paras: list[Para]) -> None:
        lines = [ln for p in paras for ln in p.lines]
        run = TextRun()
        for k, para in enumerate(paras):
            if k:
                run.add(LB, para.offset)
            run.extend(self.run(para))
        self.fill_marked(element(div, "head"), run)
        text = plain(run)
        self.heads.append(text)
        for name in heading_names(text):
            self.persons.add(name, "participant")
        del lines

    def turn(
        self, div: etree._Element, para: Para, label: Label, who: str | None = None
    ) -> etree._Element:
        """A turn ``sp``; ``who`` is the label of the person speaking when the label is a role's."""
        pid = self.persons.add(who if who is not None else label.label, "speaker")
        sp = element(div, "sp", who=f"#{pid}")
        run = self.run(para)
        text = run.text
        end = min(label.written_end, len(text))
        if label.start:
            # the margin before a hearing's label (the line's number, the OCR's marks)
            margin = run.slice(0, label.start).strip()
            fill(element(sp, "fw", type="margin"), margin, self.ctx)
        element(sp, "speaker", text[label.start : end])
        body = run.slice(label.end if label.end <= len(text) else end, len(text)).strip()
        fill(element(sp, "p"), body, self.ctx)
        self.ctx.report.count("turns")
        return sp

    def editorial_only(self, para: Para) -> bool:
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

    def prose(self, parent: etree._Element, items: list[Item], sections: bool) -> None:
        target = parent
        current_list: etree._Element | None = None
        for it in items:
            # a page break or furniture between two points stands among the points
            among = current_list if current_list is not None else target
            if isinstance(it, Marker):
                self.pb(among, it)
                continue
            if isinstance(it, Furniture):
                self.furniture(among, it)
                continue
            if isinstance(it, Stamp):
                self.stamp(target, it)
                current_list = None
                continue
            if isinstance(it, participants.Participants):
                self.p(target, it)
                current_list = None
                continue
            if sections and (self._decided_heading(it.lines) or self.section_heading(it)):
                target = element(parent, "div", type="section")
                self.section_head(target, it.lines)
                current_list = None
                continue
            current_list = self.point_or_p(target, it, current_list)

    def section_heading(self, para: Para) -> bool:
        """A paragraph the role stage read as a heading, line by line: a section begins.

        The role stage (:mod:`.roles.heading`) weighs what sets a line off as a
        heading; a block is a heading when its one line (or up to four, a title
        that wraps) scored so, with no page break inside.
        """
        if not 1 <= len(para.lines) <= 4 or len(para.pieces) != len(para.lines):
            return False
        if isinstance(para, participants.Participants):
            return False
        return all(self.role(ln) == "heading" for ln in para.lines)

    def _decided_heading(self, lines: list[Line]) -> bool:
        """Whether a sidecar entry made every one of these lines a heading."""
        return bool(lines) and all(
            ln.offset in self.decided.resp and self.role(ln) == "heading" for ln in lines
        )

    def heading_roles(self, lines: list[Line]) -> bool:
        """Whether the role stage lets these lines be a heading.

        In a clean copy the shape test decides unless a line has another role
        (a marking, a field, a point); in an OCR copy, where capitals and short
        lines are everywhere, every line must have scored as a heading.
        """
        roles = [self.role(ln) for ln in lines]
        if self.plan.doc.ocr or any(ln.offset in self.decided.resp for ln in lines):
            return all(r == "heading" for r in roles)
        return all(r in ("heading", "text") for r in roles)

    def section_head(
        self, section: etree._Element, lines: list[Line] | list[Line | Marker]
    ) -> None:
        run = pages.join_pieces(list(lines), self.hyphenations).strip()
        just_lines = [ln for ln in lines if isinstance(ln, Line)]
        self.fill_marked(self._mark_resp(element(section, "head"), just_lines), run)
        self.heads.append(plain(run))


def keep_apart(parent: etree._Element) -> None:
    """If ``parent``'s content ends in text, end it with a space.

    Paragraphs appended one after another into the same element would
    otherwise run together (``printedVerified``), and a word would be lost.
    """
    if len(parent):
        last = parent[-1]
        if last.tail and not last.tail.endswith(" "):
            last.tail += " "
    elif parent.text and not parent.text.endswith(" "):
        parent.text += " "
