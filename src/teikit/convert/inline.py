"""Phrase-level encoding of one run of text: brackets, corrections, references, dates.

The result is a small tree of :class:`El` and strings that :func:`append_nodes`
turns into lxml elements; keeping it separate from lxml makes each recognizer's
output comparable in tests and keeps lxml's text/tail bookkeeping in one place.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from lxml import etree

from teikit.convert.recognizers.brackets import (
    Pair,
    classify_paren,
    classify_square,
    hand_label,
    item_number,
    pair_brackets,
)
from teikit.convert.recognizers.dates import text_dates
from teikit.convert.recognizers.footnotes import SUPERSCRIPT_DIGITS
from teikit.convert.zones import LB, LOST, MARKERS, PB, TextRun
from teikit.xmlio import TEI_NS, XML_NS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from teikit.convert.report import ConversionReport
    from teikit.convert.source import Transcription


@dataclass
class El:
    """A TEI element to be: tag (no namespace), attributes, children."""

    tag: str
    attrib: dict[str, str] = field(default_factory=dict)
    children: list[Node] = field(default_factory=list)


Node = str | El


@dataclass
class Correction:
    """A sidecar correction, compiled; ``uses`` counts where it applied."""

    sic: str
    corr: str
    resp: str
    cert: str | None
    line: int | None
    index: int
    pattern: re.Pattern[str]
    uses: int = 0


@dataclass
class InlineContext:
    """What phrase-level recognition needs to know about the document."""

    source: Transcription
    report: ConversionReport
    foreign_lang: str = "und-Latn"
    default_year: int | None = None
    note_numbers: frozenset[str] = frozenset()
    #: raw offset of each endnote marker's first digit → note key: its number, ``N-2`` for
    #: a number listed twice (see recognizers.footnotes.note_keys)
    note_markers: dict[int, str] = field(default_factory=dict)
    stage_allowed: bool = False
    corrections: list[Correction] = field(default_factory=list)
    #: bracket contents a sidecar says are glosses, with the deciding editor's id
    glosses: dict[str, str] = field(default_factory=dict)
    #: the glosses met while rendering (a sidecar entry matching none is an error)
    glosses_used: set[str] = field(default_factory=set)

    def loc(self, run: TextRun, pos: int) -> tuple[int, int]:
        return self.source.line_col(run.offset_at(pos))


#: Digits not inside a longer number: where a marker found by raw offset may stand.
#: Where a note marker may stand: digits (with the slash of ``1/``) or a note sign.
_NOTE_DIGITS_RE = re.compile(rf"[\d{SUPERSCRIPT_DIGITS}]+(?:/(?!\d))?|\*{{1,4}}|[†‡§]")
#: Brackets nested deeper than this are kept as text (real transcriptions nest two or three).
MAX_BRACKET_NESTING = 16
_LAST_WORD_RE = re.compile(r"([^\W_][\w'’-]*)(\s*)$")
_MARKER_RE = re.compile(f"[{MARKERS}]")


def render(run: TextRun, ctx: InlineContext) -> list[Node]:
    """Encode a run's phrase-level structure."""
    text = run.text
    pairs, strays = pair_brackets(text)
    for stray in strays:
        line, col = ctx.loc(run, stray.pos)
        what = "never closed" if stray.problem == "unclosed" else "closes nothing"
        ctx.report.unsure(line, col, f"bracket {stray.char!r} {what}; kept as text")
    children: dict[int, list[Pair]] = {}
    roots: list[Pair] = []
    stack: list[Pair] = []
    too_deep: Pair | None = None
    for pair in pairs:
        while stack and stack[-1].close < pair.open:
            stack.pop()
        if len(stack) >= MAX_BRACKET_NESTING:
            # deeper brackets stay text: every level is an element, and rendering
            # (and the XML parser's depth limit) must stay bounded
            too_deep = too_deep or pair
            continue
        (children.setdefault(stack[-1].open, []) if stack else roots).append(pair)
        stack.append(pair)
    if too_deep is not None:
        line, col = ctx.loc(run, too_deep.open)
        ctx.report.unsure(
            line,
            col,
            f"brackets nested more than {MAX_BRACKET_NESTING} deep; "
            "the inner ones are kept as text",
        )
    return _render_span(run, ctx, 0, len(text), roots, children)


def _render_span(
    run: TextRun,
    ctx: InlineContext,
    lo: int,
    hi: int,
    pairs: list[Pair],
    children: dict[int, list[Pair]],
) -> list[Node]:
    out: list[Node] = []
    pos = lo
    text = run.text
    for pair in pairs:
        if pair.open > pos:
            out.extend(_leaf(run, ctx, pos, pair.open))
        inner_pairs = children.get(pair.open, [])
        content = text[pair.open + 1 : pair.close]

        def inner(p: Pair = pair, ip: list[Pair] = inner_pairs) -> list[Node]:
            return _render_span(run, ctx, p.open + 1, p.close, ip, children)

        if pair.kind == "[":
            out.extend(_square(run, ctx, pair, content, inner, out))
        else:
            kind = classify_paren(content, ctx.stage_allowed)
            if kind == "stage":
                out.append(El("stage", {}, inner()))
            elif kind == "foreign":
                out.extend(
                    ["(", El("foreign", {f"{{{XML_NS}}}lang": ctx.foreign_lang}, inner()), ")"]
                )
                ctx.report.count("foreign")
            else:
                out.append("(")
                out.extend(inner())
                out.append(")")
        pos = pair.close + 1
    if pos < hi:
        out.extend(_leaf(run, ctx, pos, hi))
    return _merge(out)


def _square(
    run: TextRun,
    ctx: InlineContext,
    pair: Pair,
    content: str,
    inner: object,
    before: list[Node],
) -> list[Node]:
    assert callable(inner)
    if pair.depth:
        line, col = ctx.loc(run, pair.open)
        ctx.report.unsure(line, col, f"bracket inside a bracket: [{content}]")
    gloss_resp = ctx.glosses.get(content.strip())
    if gloss_resp is not None:
        # the editor's word: an explanatory gloss, not words of the document
        ctx.glosses_used.add(content.strip())
        ctx.report.count("notes")
        return [El("note", {"type": "editorial", "resp": f"#{gloss_resp}"}, list(inner()))]
    kind = classify_square(content, ctx.note_numbers, run.text[pair.close + 1 : pair.close + 6])
    # a gap's description is words only: brackets and line ends inside it stay as characters
    desc = " ".join(_MARKER_RE.sub(" ", content).split())
    if kind == "sic":
        if before and isinstance(before[-1], str):
            m = _LAST_WORD_RE.search(before[-1])
            if m is not None:
                before[-1] = before[-1][: m.start()]
                return [El("sic", {}, [m.group(1)])]
        line, col = ctx.loc(run, pair.open)
        ctx.report.unsure(line, col, "[sic] follows no word; kept as an editorial note")
        kind = "editorial"
    if kind == "ref":
        n = content.strip()
        key = ctx.note_markers.get(run.offset_at(pair.open + 1 + content.index(n)), n)
        return [El("ref", {"type": "footnote", "target": f"#fn{key}"}, [n])]
    if kind == "signature":
        # a signature is not text to transcribe: a gap that says what stands there
        ctx.report.count("gaps")
        return [El("gap", {"reason": "omitted", "resp": "#transcriber"}, [El("desc", {}, [desc])])]
    if kind in ("illegible", "withheld", "omitted"):
        ctx.report.count("gaps")
        return [El("gap", {"reason": kind, "resp": "#transcriber"}, [El("desc", {}, [desc])])]
    if kind == "archive":
        ctx.report.count("archive references")
        span = item_number(content)
        if span is None or pair.depth or children_in(inner):
            return [El("bibl", {}, list(inner()))]
        base = pair.open + 1
        start, end = base + span[0], base + span[1]
        idno = El("idno", {"type": "record"}, [text_of(run, start, end)])
        return [El("bibl", {}, [text_of(run, base, start), idno, text_of(run, end, pair.close)])]
    if kind == "stage":
        ctx.report.count("stage directions")
        return [El("stage", {}, list(inner()))]
    if kind == "unclear":
        ctx.report.count("unclear")
        return [El("unclear", {"resp": "#transcriber"}, list(inner()))]
    if kind == "gloss":
        ctx.report.count("notes")
        return [El("note", {"type": "editorial", "resp": "#transcriber"}, list(inner()))]
    if kind == "foreign":
        ctx.report.count("foreign")
        return [El("foreign", {f"{{{XML_NS}}}lang": ctx.foreign_lang}, list(inner()))]
    if kind == "summary":
        ctx.report.count("notes")
        ctx.report.count("gaps")
        return [
            El("gap", {"reason": "summarized"}),
            El("note", {"type": "summary", "resp": "#transcriber"}, list(inner())),
        ]
    if kind == "supplied":
        ctx.report.count("supplied")
        return [El("supplied", {"resp": "#transcriber"}, list(inner()))]
    if kind == "stamp":
        ctx.report.count("stamps")
        body = content.split(":", 1)[1].lstrip() if ":" in content else content
        return [El("stamp", {"type": "registry"}, [body])]
    if kind == "hand" and (label := hand_label(content)) is not None:
        # the words a hand added to the page, the transcriber's label its type
        ctx.report.count("notes")
        return [El("note", {"type": label}, [content.split(":", 1)[1].strip()])]
    line, col = ctx.loc(run, pair.open)
    ctx.report.unsure(line, col, f"bracket not classified: [{content}]; kept as an editorial note")
    ctx.report.count("notes")
    return [El("note", {"type": "editorial", "resp": "#transcriber"}, list(inner()))]


def text_of(run: TextRun, start: int, end: int) -> str:
    """The run's text between two positions (for an element cut inside a bracket)."""
    return run.text[start:end]


def children_in(inner: object) -> bool:
    """Whether a bracket's rendered content holds elements (then it is not cut)."""
    assert callable(inner)
    return any(not isinstance(node, str) for node in inner())


def render_corrections(run: TextRun, ctx: InlineContext) -> list[Node]:
    """Only the sidecar's corrections (for header text taken from a web frame)."""
    return _merge(_leaf(run, ctx, 0, len(run.text), only_corrections=True))


def _leaf(
    run: TextRun, ctx: InlineContext, lo: int, hi: int, *, only_corrections: bool = False
) -> list[Node]:
    """Plain text between brackets: corrections, glued note markers, dates."""
    text = run.text[lo:hi]
    spans: list[tuple[int, int, int, list[Node]]] = []
    for corr in ctx.corrections:
        for m in corr.pattern.finditer(text):
            if corr.line is not None and ctx.loc(run, lo + m.start())[0] != corr.line:
                continue
            attrib = {"resp": f"#{corr.resp}"}
            if corr.cert:
                attrib["cert"] = corr.cert
            node = El("choice", {}, [El("sic", {}, [m.group()]), El("corr", attrib, [corr.corr])])
            spans.append((m.start(), m.end(), 0, [node]))
            corr.uses += 1
    if ctx.note_markers and not only_corrections:
        for m in _NOTE_DIGITS_RE.finditer(text):
            # a marker may be the last digits of a run (``September 252``: the 25th, note 2)
            for k in range(max(m.start(), m.end() - 3), m.end()):
                n = ctx.note_markers.get(run.offset_at(lo + k))
                if n is not None:
                    ref = El("ref", {"type": "footnote", "target": f"#fn{n}"}, [text[k : m.end()]])
                    spans.append((k, m.end(), 1, [ref]))
                    break
    for d in text_dates(text, ctx.default_year) if not only_corrections else ():
        nodes: list[Node] = []
        if d.time_end > d.start:
            nodes.append(El("time", {}, [text[d.start : d.time_end]]))
            nodes.append(text[d.time_end : d.date_start])
        date_attrib: dict[str, str] = {}
        if d.when is not None:
            date_attrib["when"] = d.when
            if not d.certain:
                date_attrib["cert"] = "medium"
        else:
            line, col = ctx.loc(run, lo + d.date_start)
            ctx.report.unsure(line, col, f"date without a year: {text[d.date_start : d.end]!r}")
        nodes.append(El("date", date_attrib, [text[d.date_start : d.end]]))
        ctx.report.count("dates")
        spans.append((d.start, d.end, 2, nodes))
    if not spans:
        return [text]
    spans.sort(key=lambda s: (s[0], s[2]))
    out: list[Node] = []
    pos = 0
    for start, end, _prio, nodes in spans:
        if start < pos:
            continue
        if start > pos:
            out.append(text[pos:start])
        out.extend(nodes)
        pos = end
    if pos < len(text):
        out.append(text[pos:])
    return out


def _merge(nodes: list[Node]) -> list[Node]:
    out: list[Node] = []
    for node in nodes:
        if isinstance(node, str):
            if not node:
                continue
            if out and isinstance(out[-1], str):
                out[-1] += node
                continue
        out.append(node)
    return out


def tei(tag: str) -> str:
    return f"{{{TEI_NS}}}{tag}"


def append_nodes(parent: etree._Element, nodes: list[Node], pages: Iterator[str]) -> None:
    """Add nodes as content of ``parent``, turning in-text markers into elements.

    Text is collected in a :class:`_Writer` and stored once per gap between
    elements: asking lxml for ``len(parent)`` or extending a tail string for each
    piece costs time in proportion to what is already there, which made long
    elements quadratic.
    """
    writer = _Writer(parent)
    writer.add(nodes, pages)
    writer.flush()


class _Writer:
    """Appends text and elements to one parent, remembering its last child."""

    __slots__ = ("last", "parent", "pending")

    def __init__(self, parent: etree._Element) -> None:
        self.parent = parent
        # the last child, found from the end (``len()`` would count every child)
        self.last: etree._Element | None = next(parent.iterchildren(reversed=True), None)
        self.pending: list[str] = []

    def add(self, nodes: list[Node], pages: Iterator[str]) -> None:
        for node in nodes:
            if isinstance(node, str):
                self.text(node, pages)
            else:
                child = self.child(tei(node.tag))
                for key, value in node.attrib.items():
                    child.set(key, value)
                if node.children:
                    inner = _Writer(child)
                    inner.add(node.children, pages)
                    inner.flush()

    def text(self, text: str, pages: Iterator[str]) -> None:
        if not any(m in text for m in MARKERS):
            self.pending.append(text)
            return
        start = 0
        for m in _MARKER_RE.finditer(text):
            i = m.start()
            ch = m.group()
            self.pending.append(text[start:i])
            if ch == PB:
                el = self.child(tei("pb"))
                n = next(pages, "")
                if n:
                    el.set("n", n)
            elif ch == LOST:
                el = self.child(tei("gap"))
                el.set("reason", "lost")
                el.set("resp", "#teikit")
            else:
                self.child(tei("lb"))
            start = i + 1
        self.pending.append(text[start:])

    def child(self, tag: str) -> etree._Element:
        self.flush()
        self.last = etree.SubElement(self.parent, tag)
        return self.last

    def flush(self) -> None:
        """Store the collected text: as the parent's text, or the last child's tail."""
        if not self.pending:
            return
        s = "".join(self.pending)
        self.pending = []
        if not s:
            return
        if self.last is None:
            self.parent.text = (self.parent.text or "") + s
        else:
            self.last.tail = (self.last.tail or "") + s


def plain(run: TextRun) -> str:
    """Run text without markers (for labels, titles and classification)."""
    text = run.text
    if not any(m in text for m in MARKERS):
        return text
    return text.replace(PB, " ").replace(LOST, "").replace(LB, " ")
