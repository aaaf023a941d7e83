"""The physical copy: page numbers, hard wraps, paragraphs cut by page boundaries.

A typed or printed copy transcribed line by line breaks paragraphs where the
page broke. The evidence is in the text itself: a block that ends without
closing its sentence and a next block that begins in lower case are one
paragraph; a block that begins in lower case after a closed sentence has lost
its beginning; a block that is only a number is a page number. Line-end
hyphens are resolved with the lexicon (:func:`.words.resolve_hyphen`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.convert.recognizers.words import resolve_hyphen
from teikit.convert.zones import LOST, PB, Block, Line, TextRun

if TYPE_CHECKING:
    from collections.abc import Iterable

#: A page number alone on its line (``12``, ``- 12 -``); never a clock time with its leading zero
#: (``0950``, a diary's entry), which no page number has.
PAGE_NUMBER_RE = re.compile(r"^(?:-\s*)?(?!0\d{2})(\d{1,4})(?:\s*-)?$")
#: A transcriber's page label alone on its line (``[Page 3]``, ``--- Page 4 ---``, ``<p. 5>``):
#: it says outright that a page begins, so it needs no run of numbers to be believed.
PAGE_LABEL_RE = re.compile(
    r"^(?:[\[(<{]\s*|[-=*_~]{2,}\s*)?(?:page|p\.|pg\.?)\s*(\d{1,4})"
    r"(?:\s*[\])>}]|\s*[-=*_~]{2,})?$",
    re.IGNORECASE,
)
RULE_RE = re.compile(r"^[-_=*~]{3,}$")
#: Characters that close a sentence (or a quoted/bracketed one).
_CLOSING = frozenset('.!?:;"”’)]»…')
#: A block needs this many words before it may continue into the next block:
#: shorter blocks are labels, list items, names, marks.
MIN_CONTINUED_WORDS = 4
_LETTER_RE = re.compile(r"[^\W\d_]")
_LEADING_WORD_RE = re.compile(r"^([^\W\d_]+)")


def hyphen_end(text: str) -> str | None:
    """The letters before a line-final hyphen (``"Comrad"`` of ``"of Comrad-"``), if any.

    Walked backwards from the hyphen, so a 40 KB line without spaces costs one
    pass; a regular expression searched from every start position was quadratic.
    """
    if not text.endswith("-"):
        return None
    start = end = len(text) - 1
    letter = _LETTER_RE.match
    while start > 0 and letter(text, start - 1):
        start -= 1
    return text[start:end] if start < end else None


@dataclass(slots=True)
class Marker:
    """A page break (``PB``) or lost text (``LOST``) between lines of a paragraph."""

    kind: str
    offset: int
    page: str = ""


@dataclass(slots=True)
class Para:
    """Blocks joined into one paragraph: lines with markers between them."""

    pieces: list[Line | Marker] = field(default_factory=list)
    blank_before: int = 0

    @property
    def lines(self) -> list[Line]:
        return [p for p in self.pieces if isinstance(p, Line)]

    @property
    def offset(self) -> int:
        return self._first_line().offset

    @property
    def first(self) -> str:
        return self._first_line().text

    @property
    def last(self) -> str:
        # from the end: a paragraph rejoined from many pieces is asked this for each piece
        for piece in reversed(self.pieces):
            if isinstance(piece, Line):
                return piece.text
        raise IndexError("paragraph without lines")

    @property
    def text(self) -> str:
        return " ".join(line.text for line in self.lines)

    def words(self) -> int:
        return sum(len(line.text.split()) for line in self.lines)

    def has_words(self, n: int) -> bool:
        """Whether the paragraph has at least ``n`` words (counting stops there)."""
        seen = 0
        for piece in self.pieces:
            if isinstance(piece, Line):
                seen += len(piece.text.split())
                if seen >= n:
                    return True
        return seen >= n

    def _first_line(self) -> Line:
        for piece in self.pieces:
            if isinstance(piece, Line):
                return piece
        raise IndexError("paragraph without lines")


@dataclass(slots=True)
class Hyphenation:
    """A line-end hyphen and what was decided about it."""

    left: str
    right: str
    resolved: bool
    offset: int


class HyphenLog:
    """The document's line-end hyphens in the order met, and the resolved ones' offsets.

    Every joined run drops the hyphens resolved anywhere in the document so far;
    the set is kept up to date as hyphens are recorded instead of being rebuilt
    from the whole list for each paragraph (which grew with the document).
    """

    __slots__ = ("entries", "resolved")

    def __init__(self) -> None:
        self.entries: list[Hyphenation] = []
        self.resolved: set[int] = set()

    def record(self, hyphenation: Hyphenation) -> None:
        self.entries.append(hyphenation)
        if hyphenation.resolved:
            self.resolved.add(hyphenation.offset)


def is_page_number(block: Block) -> str | None:
    if len(block.lines) != 1:
        return None
    m = PAGE_NUMBER_RE.match(block.first) or PAGE_LABEL_RE.match(block.first)
    return m.group(1) if m else None


#: A press release's or wire story's end mark: ``###`` (or ``# # #``), alone on its line.
END_MARK_RE = re.compile(r"^\s*#\s?#\s?#\s*$")


def after_end_mark(prev: str) -> bool:
    """Whether a line stands right after a story's end mark (``###``).

    A newsroom closes a release ``###`` and, often, ``- 30 -``: the number is the
    old telegraphers' sign for the end, not a page; nothing follows it.
    """
    return END_MARK_RE.match(prev) is not None


def is_page_label(block: Block) -> bool:
    """Whether a block is a transcriber's page label (``[Page 3]``), see :data:`PAGE_LABEL_RE`."""
    return len(block.lines) == 1 and PAGE_LABEL_RE.match(block.first) is not None


def split_at_rules(blocks: list[Block]) -> list[Block]:
    """Blocks cut above each rule line (``----``) that follows other lines.

    A rule sets apart what is below it (the notes, a signature block) even when no
    blank line separates it from the paragraph above: the rule opens a block of its
    own, so the paragraph ends there.
    """
    out: list[Block] = []
    for block in blocks:
        cuts = [k for k, ln in enumerate(block.lines) if k and RULE_RE.match(ln.text)]
        if not cuts:
            out.append(block)
            continue
        for a, b in zip([0, *cuts], [*cuts, len(block.lines)], strict=True):
            out.append(Block(block.lines[a:b], block.blank_before if a == 0 else 0))
    return out


#: How many pages a copy's numbering may skip (a number the OCR lost, a plate unnumbered).
MAX_PAGE_SKIP = 2
#: The highest number that may open a copy's numbering on its own (its first page is
#: often unnumbered, or the count starts after a cover sheet); a higher one opens a run
#: only when the next number goes on from it (an excerpt from page 45 on).
MAX_FIRST_PAGE = 3


#: A court reporter numbers the lines of each page up to this (25 a page).
MAX_LINE_NUMBER = 30
#: Consecutive numbers that make a run of line numbers, not of pages.
MIN_LINE_RUN = 5
#: How close two numbers alone on their lines, a line or two apart in the list, are
#: to be counts of one page's lines.
NEAR_LINE = 3


def line_numbers(numbers: list[int]) -> set[int]:
    """The numbers (by position) that number a transcript's lines: long runs 10, 11, 12 …

    Pages do not follow one another a few lines apart; a run of at least
    :data:`MIN_LINE_RUN` small numbers each one or two above the last, starting
    again on every page, numbers lines.
    """
    runs: list[range] = []
    start = 0
    for k in range(1, len(numbers) + 1):
        if k < len(numbers) and 0 < numbers[k] - numbers[k - 1] <= 2:
            continue
        if k - start >= MIN_LINE_RUN and numbers[k - 1] <= MAX_LINE_NUMBER:
            runs.append(range(start, k))
        start = k
    # one run is a copy's pages 2, 3, 4 …; runs that start again are lines
    if len(runs) < 2:
        return set()
    lines = {k for run in runs for k in run}
    # where the OCR lost some of a page's line numbers the run breaks (10 11 12 13 19 21):
    # in a copy that numbers its lines, a small number beside a near one is a line's too
    for k, n in enumerate(numbers):
        near = numbers[max(0, k - 2) : k] + numbers[k + 1 : k + 3]
        if n <= MAX_LINE_NUMBER and any(abs(m - n) <= NEAR_LINE for m in near):
            lines.add(k)
    return lines


def _next_pages(numbers: list[int], lines: set[int], k: int, count: int) -> list[int]:
    """The next ``count`` numbers after position ``k`` that number no line."""
    out: list[int] = []
    j = k + 1
    while j < len(numbers) and len(out) < count:
        if j not in lines:
            out.append(numbers[j])
        j += 1
    return out


def page_run(numbers: list[int], *, lone: bool = True) -> set[int]:
    """Which of the numbers met alone on their lines, in order, are page numbers.

    Page numbers run 1, 2, 3 …: each follows the one before within
    :data:`MAX_PAGE_SKIP` skipped pages. A number that does not (a stray ``6``
    between pages 1 and 2, a figure the OCR set apart) is text. A run may start
    anew after a gap when the number after it goes on from it; a copy's only
    number alone on its line is its page number whatever it is (an excerpt's page),
    unless ``lone`` is false (a copy whose archive footers give its pages, where a lone
    figure is a speck).
    """
    accepted: set[int] = set()
    last: int | None = None
    lines = line_numbers(numbers)

    def follows(prev: int, n: int) -> bool:
        return prev < n <= prev + MAX_PAGE_SKIP + 1

    for k, n in enumerate(numbers):
        if k in lines:
            continue
        if last is not None and follows(last, n):
            accepted.add(k)
            last = n
            continue
        if last is not None and n <= last:
            continue  # page numbers do not go back
        ahead = _next_pages(numbers, lines, k, 3)
        first = last is None and (1 <= n <= MAX_FIRST_PAGE or (lone and len(numbers) == 1))
        if first or any(follows(n, m) for m in ahead):
            accepted.add(k)
            last = n
    return accepted


#: A classification printed this many times through a copy is its pages' band.
MIN_BAND = 3


def band_levels(levels: Iterable[tuple[str, ...] | None]) -> set[tuple[str, ...]]:
    """The classifications that are a copy's band: the same level on a line of its own,
    again and again (``SECRET`` at the head and foot of each page).

    ``levels`` gives, per marking line of the copy, the level it states alone (or
    ``None``). A level printed once is the document's classification; printed at
    least :data:`MIN_BAND` times it marks each page, and where it stands a page turns.
    """
    seen: dict[tuple[str, ...], int] = {}
    for level in levels:
        if level is not None:
            seen[level] = seen.get(level, 0) + 1
    return {level for level, n in seen.items() if n >= MIN_BAND}


#: The page number a page footer gives (``… Page 7``, ``Page. 9``).
_FOOTER_PAGE_RE = re.compile(r"\b[PB]a[gdnae]e\W{0,2}\s*([\dIil!|oO]{1,3})(?![\w|!])")
#: Digits an OCR reads as letters in a footer's page number (``Page i7`` is page 17).
_OCR_DIGITS = str.maketrans("Iil!|oO", "1111100")


def footer_page(text: str) -> int | None:
    """The page number a page footer states (``Page i7`` read as 17), if it states one."""
    from teikit.convert.features import cable_page

    printed = cable_page(text)
    if printed is not None:
        return printed or None
    m = _FOOTER_PAGE_RE.search(text)
    if m is None:
        return None
    written = m.group(1)
    # letters alone are a number only as one character (``Page i``): ``Page Ill`` is a word
    if not any(c.isdigit() for c in written) and len(written) > 1:
        return None
    n = int(written.translate(_OCR_DIGITS))
    return n or None


def band_turns(marks: list[tuple[str, int | None, bool]]) -> list[bool]:
    """Which classification bands mark a page turn that nothing else marks.

    ``marks`` are the copy's page marks in order, each ``(kind, number, apart)``:
    kind ``"band"``, ``"number"`` (a page number alone on its line) or
    ``"footer"``, the page number a footer states (or ``None``), and whether a
    page of text stands between it and the mark before.
    A band right after another mark is that turn's (a page's head band under the
    last page's footer). Between two numbered footers (``Page 5`` … ``Page 8``)
    as many turns are unmarked as pages are missing (two here), less the
    unnumbered footers between them: that many bands, the first, mark them;
    with no page missing (``Page 5`` … ``Page 6``) the footers mark every turn,
    and a band (which a column-split OCR may set anywhere on the page) marks
    none. Before the first and after the last numbered footer, every band set
    apart marks a turn, unless footers without numbers (a collection's
    separators) stand there: they mark the turns. A footer number out of order (``Page 43`` before
    ``Page 14``) is misread and left out. A page number alone is judged as a band,
    except that right after another mark it takes that turn (it names the page),
    and that only numbered footers on both sides overrule it. Returns, per band
    and number in order, whether it marks a turn.
    """
    numbers = [n for kind, n, _ in marks if kind == "footer" and n is not None]
    legible: list[int | None] = []
    k = 0
    last: int | None = None
    for kind, n, _ in marks:
        if kind != "footer" or n is None:
            legible.append(None)
            continue
        k += 1
        later = numbers[k] if k < len(numbers) else None
        ok = (last is None or n > last) and (later is None or n < later)
        legible.append(n if ok else None)
        if ok:
            last = n
    out: list[bool] = []
    before: int | None = None  # the last legible footer's number
    room = -1  # turns left unmarked since it (-1: not bounded)
    for i, (kind, _, apart) in enumerate(marks):
        number = legible[i]
        if number is not None:
            before = number
            after = next((n for n in legible[i + 1 :] if n is not None), None)
            room = -1 if after is None else after - number - 1
            continue
        if before is None and room == -1:
            after = next((n for n in legible[i:] if n is not None), None)
            room = -1 if after is None else after - 1
            before = 0
        if kind == "footer":
            room = room - 1 if apart and room > 0 else room
            continue
        if kind == "number":
            # a page number is kept unless numbered footers on both sides mark every turn
            keep = not apart or room != 0
        else:
            # an unbounded stretch's turns are marked by its footers without numbers
            unmarked = room != -1 or not _footer_beside(marks, legible, i)
            keep = apart and room != 0 and unmarked
        if keep and apart and room > 0:
            room -= 1
        out.append(keep)
    return out


def _footer_beside(
    marks: list[tuple[str, int | None, bool]], legible: list[int | None], i: int
) -> bool:
    """Whether a footer stands in the stretch of ``marks[i]`` between legible numbered footers."""
    lo = i
    while lo > 0 and legible[lo - 1] is None:
        lo -= 1
    hi = i
    while hi < len(marks) - 1 and legible[hi + 1] is None:
        hi += 1
    return any(kind == "footer" for kind, _, _ in marks[lo : hi + 1])


def is_rule(block: Block) -> bool:
    return len(block.lines) == 1 and RULE_RE.match(block.first) is not None


#: Abbreviations whose period ends no sentence.
_ABBREVIATIONS = frozenset(("etc.", "e.g.", "i.e.", "cf.", "viz.", "vs."))
#: Quotes and brackets that close a quotation or an aside, not the sentence around it.
_INNER_CLOSERS = '"”’)]»'


def ends_open(text: str) -> bool:
    """Whether a text stops mid-sentence (no closing punctuation at its end).

    A closing quote or bracket ends the sentence only with a stop before it
    (``interest”`` goes on, ``interest.”`` does not), and an abbreviation's
    period (``etc.``) ends nothing.
    """
    text = text.rstrip()
    if not text:
        return False
    if text[-1] not in _CLOSING:
        return True
    inner = text.rstrip(_INNER_CLOSERS)
    if inner != text and inner and inner[-1] not in _CLOSING:
        return True
    last = inner.split()[-1].lower() if inner.split() else ""
    return last in _ABBREVIATIONS


def starts_lower(text: str) -> bool:
    """Whether a text starts in lower case (also after an opening bracket)."""
    stripped = text.lstrip("[(\"“‘'")
    return bool(stripped) and stripped[0].islower()


#: A lettered or roman-numbered point (``a. Will we``, ``(b) the``, ``iv) Some``, in a
#: quotation ``“(c) The``): its
#: lower-case letter opens a list item, not the rest of a sentence.
_POINT_RE = re.compile(r"^[“\"‘']?\(?(?:[a-z]|[ivx]{1,5})[.);]\s+\S")


def opens_point(text: str) -> bool:
    """Whether a text begins with a lettered or roman-numbered point's label."""
    return _POINT_RE.match(text) is not None


def continues(prev: Para, nxt: Para) -> bool:
    """Whether ``nxt`` is the rest of ``prev``'s paragraph, cut by a boundary."""
    if hyphen_end(prev.last) is not None:
        return _LEADING_WORD_RE.match(nxt.first) is not None
    return (
        prev.has_words(MIN_CONTINUED_WORDS)
        and ends_open(prev.last)
        and starts_lower(nxt.first)
        and not opens_point(nxt.first)
    )


#: Words after which a noun phrase must go on, and words that begin a new one: a
#: fragment ending with the first kind cannot continue with the second (``avoid a`` /
#: ``your methods``).
_DETERMINERS = frozenset(
    [
        "a",
        "an",
        "the",
        "this",
        "that",
        "these",
        "those",
        "my",
        "your",
        "his",
        "her",
        "its",
        "our",
        "their",
        "every",
        "each",
        "no",
    ]
)
#: Auxiliaries that open a yes/no question (``Do you seriously hope``).
_QUESTION_OPENERS = frozenset(
    [
        "do",
        "does",
        "did",
        "is",
        "are",
        "was",
        "were",
        "can",
        "could",
        "will",
        "would",
        "shall",
        "should",
        "have",
        "has",
        "may",
        "must",
    ]
)
_SENTENCE_END_RE = re.compile(r"[.!?]\s+")


def question_opened(text: str) -> bool:
    """Whether the last sentence of ``text`` opens as a yes/no question (``Could we``).

    The opener is capitalized as a sentence's first word is: after an abbreviation's
    period (``the U.S. could choose``) or at a line that a hard wrap began mid-sentence
    (``could choose its``) the auxiliary asks nothing.
    """
    words = _SENTENCE_END_RE.split(text)[-1].split()
    if len(words) < 3:
        return False
    opener = words[0].lstrip("\"“‘'(")
    return opener[:1].isupper() and opener.lower() in _QUESTION_OPENERS


def broken_join(prev: Para, nxt: Para) -> bool:
    """Whether two fragments that look like one paragraph cannot be one sentence.

    Text was lost at the boundary when the join is ungrammatical: a determiner
    followed by another, or a question begun before the boundary that the text
    after it closes with a period instead of a question mark.
    """
    last_words = prev.last.split()
    first_words = nxt.first.split()
    if not last_words or not first_words:
        return False
    last = last_words[-1].lower()
    first = first_words[0].lower().strip("\"“‘'(")
    if last in _DETERMINERS and first in _DETERMINERS:
        return True
    if question_opened(prev.last):
        m = re.search(r"[.!?]", nxt.text)
        return m is not None and m.group() != "?"
    return False


_WORD_RE = re.compile(r"(?<![\w-])([^\W\d_][\w’']*)|-([^\W\d_][\w’']*)")


def compound_tails(texts: Iterable[str]) -> frozenset[str]:
    """Capitalized words that stand alone at most once but end a hyphenated compound.

    Such a word opening a paragraph (``Leninists`` of ``Marxists-Leninists``) is
    the second half of a compound whose first half was lost at a page boundary.
    """
    alone: dict[str, int] = {}
    tails: set[str] = set()
    for text in texts:
        for word, tail in _WORD_RE.findall(text):
            if word:
                if word[0].isupper():
                    alone[word] = alone.get(word, 0) + 1
            elif tail[0].isupper():
                tails.add(tail)
    return frozenset(w for w in tails if alone.get(w, 0) <= 1)


def compound_rest(line: str, fragments: frozenset[str]) -> bool:
    """Whether ``line`` opens with the second half of a compound (see :func:`compound_tails`).

    The half runs on into the sentence it was part of (``Leninists have``); a line
    that is the word alone (``Smith`` under a cable's last paragraph) is a name
    standing by itself, a signature, and nothing was lost before it.
    """
    words = line.split()
    return len(words) > 1 and words[0] in fragments


#: A point lettered in lower case (``b. The``, ``ii) Troops``, the OCR's ``ec. When``): it
#: opens in lower case as a lost sentence's rest would, but begins a point.
_LETTERED_POINT_RE = re.compile(
    r"^[\"“‘'(]?[a-z]{1,3}\s?[.),:]\s*…?\s+[^a-z\s]|^[a-z]\s+-?\d{1,2}[.)]\s"
    r"|^[\"“‘'(]?[a-z]\)[—–-]"
    # a point's letter whose stop the copy lost (``c Noted the statement``); not the
    # articles and pronoun ``a``/``i`` before a name (``a Soviet note``)
    r"|^[b-hj-z]\s[A-Z][a-z]"
)
#: A stop the OCR set apart after the text (``victories” .``): a speck, not a sentence's end.
_DETACHED_STOP_RE = re.compile(r"(?<=\S)(?:\s+[.,:;|]+)+$")


def lost_beginning(prev: Para | None, nxt: Para, fragments: frozenset[str] = frozenset()) -> bool:
    """Whether ``nxt`` starts mid-sentence after a closed paragraph (text lost between).

    A lettered point (``b. The troops``, ``b, The``, ``c Noted``) is no sentence's rest,
    nor the member of a series after a semicolon, and a sentence
    whose closing stop stands apart (``victories” .``) may go on over the
    boundary (``and none appear likely``): the join is grammatical, nothing lost.
    """
    if prev is None or nxt.first.startswith(("[", "(")) or opens_point(nxt.first):
        return False
    if prev.last.rstrip().endswith((":", ";")):
        # what a colon announces may begin in lower case (``recommend:`` / ``that``), and
        # so does the next member of a series after a semicolon (``NATO;`` / ``the terms``)
        return False
    if compound_rest(nxt.first, fragments) and prev.has_words(MIN_CONTINUED_WORDS):
        return True
    if not starts_lower(nxt.first) or _LETTERED_POINT_RE.match(nxt.first):
        return False
    last = _DETACHED_STOP_RE.sub("", prev.last)
    if ends_open(last) and prev.has_words(MIN_CONTINUED_WORDS):
        return broken_join(prev, nxt)
    return not ends_open(last) and prev.has_words(MIN_CONTINUED_WORDS)


def join_pieces(pieces: list[Line | Marker], hyphenations: HyphenLog) -> TextRun:
    """Join a paragraph's lines into one run, resolving line-end hyphens."""
    run = TextRun()
    pending = ""  # separator owed before the next line
    pending_offset = 0
    prev_line: Line | None = None
    for piece in pieces:
        if isinstance(piece, Marker):
            if piece.kind == LOST:
                if run.length:
                    run.add(" ", piece.offset)
                run.add_marker(LOST, piece.offset)
                pending = ""
            else:
                sep = pending or (" " if run.length else "")
                if sep:
                    run.add(sep, pending_offset)
                run.add_marker(PB, piece.offset, piece.page)
                pending = ""
            continue
        text = piece.text
        if prev_line is not None:
            left = hyphen_end(prev_line.text)
            right = _LEADING_WORD_RE.match(text)
            if left is not None and right is not None:
                resolved = resolve_hyphen(left, right.group(1))
                hyphenations.record(
                    Hyphenation(
                        left, right.group(1), resolved, prev_line.offset + len(prev_line.text) - 1
                    )
                )
                pending = ""
        if pending:
            run.add(pending, pending_offset)
        run.add(text, piece.offset)
        pending = " "
        pending_offset = piece.offset + len(text)
        prev_line = piece
    return _drop_resolved_hyphens(run, hyphenations.resolved)


def _drop_resolved_hyphens(run: TextRun, resolved: set[int]) -> TextRun:
    """Remove the hyphens of resolved words (kept in the run up to here for offsets)."""
    if not resolved:
        return run
    text = run.text
    cuts: list[int] = []
    pos = text.find("-")
    while pos != -1:
        if run.offset_at(pos) in resolved:
            cuts.append(pos)
        pos = text.find("-", pos + 1)
    return run.without(cuts) if cuts else run


def merge_paragraphs(
    items: list[Para | Marker], lost_allowed: bool, fragments: frozenset[str] = frozenset()
) -> tuple[list[Para | Marker], int, list[int]]:
    """Rejoin paragraphs cut by boundaries; returns items, the number rejoined, and
    the offsets of paragraphs whose beginning was lost."""
    out: list[Para | Marker] = []
    last_para: Para | None = None
    held: list[Marker] = []  # page markers seen since the last paragraph
    rejoined = 0
    lost: list[int] = []
    for item in items:
        if isinstance(item, Marker):
            held.append(item)
            continue
        if (
            last_para is not None
            and continues(last_para, item)
            and not (lost_allowed and broken_join(last_para, item))
        ):
            last_para.pieces.extend(held)
            last_para.pieces.extend(item.pieces)
            held = []
            rejoined += 1
            continue
        if lost_allowed and last_para is not None and lost_beginning(last_para, item, fragments):
            # the text between was lost where a page turned: the page break and the
            # gap stand in the flow, and the fragment after them opens no paragraph
            if not any(m.kind == PB for m in held):
                held.append(Marker(PB, item.offset))
            last_para.pieces.extend(held)
            last_para.pieces.append(Marker(LOST, item.offset))
            last_para.pieces.extend(item.pieces)
            held = []
            lost.append(item.offset)
            continue
        out.extend(held)
        held = []
        out.append(item)
        last_para = item
    out.extend(held)
    return out, rejoined, lost
