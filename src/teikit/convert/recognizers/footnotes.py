"""Endnotes at the end of a text, and the markers in the text that point to them.

Two pure steps, each usable by any assembly:

* :func:`endnote_region` finds the notes at the end of a document: paragraphs
  whose lines start ``[N] text``, ``N. text`` or ``N text``, after the body
  (and after a signature, a rule, or a ``NOTES`` heading). Read from the end,
  the numbers must fall: numbered points of the body (``1.`` … ``8.``) that
  stand before endnotes with the same numbers end the region where the count
  starts again, so a body point is never taken for a note; a rule (``----``)
  inside such a run parts the body's points above it from the notes below.
* :func:`locate_markers` finds, for each note in order, where its marker
  stands: ``[N]``, a number glued to a word or to punctuation (``word.1``,
  ``conversation.)1``, ``States1``), or as a last resort a number set off by a
  space after a word (``UN 4``). Each marker is searched after the previous
  one, so a number such as ``116.2`` in a file reference before marker 1 is not
  taken for marker 2. Markers are returned by raw offset, which the phrase
  level uses to place ``ref`` exactly there and nowhere else.

A note whose marker is not found is still a note: :func:`locate_markers`
leaves it out of its answer and the caller keeps it unanchored and reports the
raw line and column. Whether a region is notes at all is decided by
:func:`is_note_region`: most of its numbers must be found in the text (or a
``NOTES`` heading says so), so a numbered list ending a memo stays a list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from teikit.convert.recognizers.dates import MONTHS
from teikit.convert.recognizers.pages import Marker, Para
from teikit.convert.zones import Line

if TYPE_CHECKING:
    from collections.abc import Sequence

#: Superscript digits, as typeset editions and web pages print note numbers (``word.¹``).
SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"
_FROM_SUPERSCRIPT = str.maketrans(SUPERSCRIPT_DIGITS, "0123456789")
#: Note signs in the order typesetters use them, each standing for its rank (``*`` is
#: the first note, ``†`` or ``**`` the second).
NOTE_SIGNS = {"*": 1, "**": 2, "***": 3, "****": 4, "†": 2, "‡": 3, "§": 4}
#: A line of the notes opens with its number or sign: ``[1] text``, ``1. text``,
#: ``1 text``, ``¹ text``, ``1/ text`` (the slash of US government typing), ``(1) text``
#: or ``* text``.
NOTE_LINE_RE = re.compile(
    r"^(?:(?:\[(?P<b>\d{1,3})\]|(?P<d>\d{1,3})\.|(?P<s>\d{1,3})(?=\s+[^\W\d_]|\s+[“\"(\[])"
    r"|(?P<sl>\d{1,3})/|\((?P<p>\d{1,3})\))"
    r"\s+(?=\S)"
    rf"|(?P<u>[{SUPERSCRIPT_DIGITS}]{{1,3}})\s*(?=[^\s{SUPERSCRIPT_DIGITS}])"
    r"|(?P<st>\*{1,4}|[†‡§])\s*(?=[^\W\d_]|[“\"(\[]))"
)
#: Each group of :data:`NOTE_LINE_RE` and the style it stands for.
_STYLES = (("b", "["), ("d", "."), ("s", " "), ("sl", "/"), ("p", "("), ("u", "^"), ("st", "*"))
#: Styles whose numbers may skip (a note of the sequence lost, or deliberately left out).
_SKIPPING_STYLES = frozenset((".", "^", "/", "(", "*"))
#: Styles that are notes only under a ``NOTES`` heading or a rule: running text
#: numbers its points the same way (``(1) first, (2) second``).
ANNOUNCED_STYLES = frozenset(("(",))
#: A heading that announces the notes.
NOTES_HEAD_RE = re.compile(
    r"^(?:end\s*notes|endnotes|foot\s*notes|footnotes|notes|references)[.:]?$", re.IGNORECASE
)
#: Paragraphs without a number of their own that may continue a note (a note of two paragraphs).
MAX_CONTINUATIONS = 2

_BRACKETED_RE = re.compile(r"\[(\d{1,3})\]")
#: ``word 1/`` or ``word,1/``: the slash marker of US government typing.
_SLASH_RE = re.compile(
    r"(?:(?<=[^\W\d_]|[.,;:”\"’)])|(?<=[\w.,;:”\"’)] ))(\d{1,3})/(?=[\s,.;:)”\"’—]|$)"
)
#: ``word (1)``: a number in parentheses after a word (a note only under a heading).
_PAREN_RE = re.compile(
    r"(?:(?<=[^\W\d_]|[.,;:”\"’])|(?<=[\w.,;:”\"’] ))\((\d{1,3})\)(?=[\s,.;:”\"’—]|$)"
)
#: ``word*``, ``word.**``, ``word†``: a sign glued to what it annotates.
_SIGN_RE = re.compile(r"(?<=[^\W\d_]|[.,;:”\"’)])(\*{1,4}|[†‡§])(?=[\s,.;:)”\"’—]|$)")
#: A note marker printed in superscript digits, anywhere in the text: only notes use them.
_SUPERSCRIPT_RE = re.compile(rf"[{SUPERSCRIPT_DIGITS}]{{1,3}}")


def plain_number(digits: str) -> str:
    """A note number in ASCII digits, whether printed plain or in superscript (``¹²`` → ``12``)."""
    return digits.translate(_FROM_SUPERSCRIPT)


#: A number glued to a word or to closing punctuation, followed by a space, punctuation or the end.
_GLUED_RE = re.compile(
    r"(?:(?<=[^\W\d_])|(?<=[.!?”\"’)\]])|(?<=[^\d][,;:]))(\d{1,3})(?=[\s,.;:)”\"’—]|$)"
    # after a number and its comma (``telegram 40532,6``): one or two digits, which no
    # thousands group has, before a space or the end
    r"|(?<=\d[,;])(\d{1,2})(?=\s|$)"
)
#: A number set off by one space after a word, before a capital, punctuation or the end of line.
_SPACED_RE = re.compile(r"(?<=[^\W\d_]|[.,;:”\"’)]) (\d{1,3})(?=$|[.,;:]|\s+[A-Z“\"(])")
#: Words after which a spaced number is a count or a reference, not a note marker.
_NUMBER_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "or",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "from",
        "the",
        "with",
        "no",
        "nos",
        "no.",
        "nr",
        "page",
        "pages",
        "p.",
        "pp.",
        "box",
        "folder",
        "file",
        "vol",
        "vol.",
        "volume",
        "volumes",
        "chapter",
        "chap.",
        "section",
        "sect.",
        "article",
        "art.",
        "paragraph",
        "para.",
        "para",
        "item",
        "items",
        "tab",
        "annex",
        "appendix",
        "document",
        "doc.",
        "telegram",
        "tel.",
        "cable",
        "memo",
        "number",
        "table",
        "figure",
        "part",
        "book",
        "series",
        "room",
        "route",
        "station",
        "division",
        "group",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "jan.",
        "feb.",
        "mar.",
        "apr.",
        "jun.",
        "jul.",
        "aug.",
        "sep.",
        "sept.",
        "oct.",
        "nov.",
        "dec.",
    ]
)
_WORD_BEFORE_RE = re.compile(r"([^\s]+)\s*$")
#: A day after a month's name, or a year after a day, with more digits than a day or a
#: year has: the extra digits are a note marker glued to the date (``September 252``,
#: ``May 5, 19582``). Tried only for a note whose marker is found nowhere else.
_DATE_GLUED_RE = re.compile(
    rf"\b(?:{'|'.join(MONTHS)}|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.)\s+"
    r"(?:(?P<day>\d{2,4})(?=[\s,.;:)—]|$)|[0-3]?\d,\s+(?P<year>1[6-9]\d\d|20\d\d)(?P<n>\d{1,2})\b)"
)


def _date_glued(lines: Sequence[tuple[int, str]]) -> dict[str, list[int]]:
    """Raw offsets of markers glued to a date's day or year, per number, in text order."""
    out: dict[str, list[int]] = {}
    for offset, text in lines:
        for m in _DATE_GLUED_RE.finditer(text):
            if m.group("year"):
                out.setdefault(str(int(m.group("n"))), []).append(offset + m.start("n"))
                continue
            digits = m.group("day")
            if int(digits) <= 31:
                continue
            for cut in range(1, len(digits)):
                day, n = digits[:cut], digits[cut:]
                if 1 <= int(day) <= 31 and not n.startswith("0"):
                    out.setdefault(n, []).append(offset + m.start("day") + cut)
    return out


@dataclass(frozen=True)
class NoteStart:
    """Where one endnote begins: paragraph and line (indices), its number, its text's column."""

    para: int
    line: int
    number: str
    start: int
    #: "[" ``[N]``, "." ``N.``, " " ``N text``, "^" ``¹``, "/" ``N/``, "(" ``(N)``, "*" signs
    style: str


@dataclass(frozen=True)
class Region:
    """The endnotes found at the end of a list of paragraphs."""

    first: int  # index of the first note paragraph (the heading's, when there is one)
    head: int | None  # index of a ``NOTES`` heading paragraph, if any
    starts: tuple[NoteStart, ...]

    @property
    def numbers(self) -> list[str]:
        return [s.number for s in self.starts]


def sign_number(sign: str) -> str:
    """The rank a note sign stands for (``*`` → ``1``, ``**`` or ``†`` → ``2``)."""
    return str(NOTE_SIGNS[sign])


def note_number(line: str) -> tuple[str, int] | None:
    """The note number a line starts with, and where its text begins."""
    found = _start(line)
    return None if found is None else (found[0], found[1])


def _start(line: str) -> tuple[str, int, str] | None:
    m = NOTE_LINE_RE.match(line)
    if m is None:
        return None
    for group, style in _STYLES:
        value = m.group(group)
        if value:
            if style == "^":
                value = plain_number(value)
            elif style == "*":
                value = sign_number(value)
            return value, m.end(), style
    return None


def _para_starts(p: int, lines: Sequence[str]) -> list[NoteStart] | None:
    """The notes one paragraph holds, or ``None`` when its first line opens none.

    A later line opens a new note only in the style of the first and with a
    higher number (the next one, for the bare ``N text`` style, whose number a
    wrapped line of text could also begin with).
    """
    if not lines:
        return None
    first = _start(lines[0])
    if first is None:
        return None
    n, col, style = first
    out = [NoteStart(p, 0, n, col, style)]
    for k, line in enumerate(lines[1:], start=1):
        s = _start(line)
        if s is None or s[2] != style:
            continue
        prev = int(out[-1].number)
        num = int(s[0])
        if (
            num == prev + 1
            or style == "["
            or (style in _SKIPPING_STYLES and prev < num <= prev + 3)
        ):
            out.append(NoteStart(p, k, s[0], s[1], style))
    return out


def endnote_region(paras: Sequence[Sequence[str]]) -> Region | None:
    """The endnotes at the end of ``paras`` (each given as its line texts), if any.

    Read from the end: note paragraphs, with at most :data:`MAX_CONTINUATIONS`
    unnumbered paragraphs between them (the second paragraph of a note), while
    the numbers keep falling; a ``NOTES`` heading ends the region and belongs
    to it. Page numbers and rules are the caller's to leave out.
    """
    found: list[list[NoteStart]] = []
    pending = 0  # unnumbered paragraphs seen since the last note paragraph, from the end
    first = len(paras)
    head: int | None = None
    k = len(paras) - 1
    while k >= 0:
        lines = paras[k]
        text = " ".join(lines).strip()
        if found and NOTES_HEAD_RE.match(text):
            head = k
            first = k
            break
        starts = _para_starts(k, lines)
        if starts is None:
            if not found or pending >= MAX_CONTINUATIONS:
                break
            pending += 1
            k -= 1
            continue
        if found:
            # numbers fall towards the top (a number listed twice is kept); only the
            # bracketed style, which no body point uses, may list them out of order
            below = found[-1][0]
            if starts[-1].style != below.style or (
                below.style != "[" and int(starts[-1].number) > int(below.number)
            ):
                break
        found.append(starts)
        first = k
        pending = 0
        k -= 1
    if not found:
        return None
    if head is None:
        # unnumbered paragraphs above the last note paragraph found are the body's
        first = found[-1][0].para
    ordered = tuple(s for group in reversed(found) for s in group)
    return Region(first, head, ordered)


def _before_ok(line: str, pos: int) -> bool:
    m = _WORD_BEFORE_RE.search(line[:pos])
    if m is None:
        return False
    word = m.group(1).lower().strip('“"’(')
    return word not in _NUMBER_WORDS and not word.rstrip(".,;:").isdigit()


#: The markers that go with notes of a style of their own (slash, parentheses, signs).
_OWN_MARKERS = {"/": _SLASH_RE, "(": _PAREN_RE, "*": _SIGN_RE}


def _candidates(
    lines: Sequence[tuple[int, str]], spaced: bool, style: str = "."
) -> dict[str, list[int]]:
    """Raw offsets of every possible marker of notes in ``style``, per number, in text order.

    Notes numbered ``1/``, ``(1)`` or with signs have markers of the same form and no
    other; notes numbered with plain digits have bracketed, superscript, glued and
    (when ``spaced``) spaced ones.
    """
    out: dict[str, list[int]] = {}
    own = _OWN_MARKERS.get(style)
    for offset, text in lines:
        found: list[tuple[int, str]] = []
        if own is not None:
            for m in own.finditer(text):
                n = sign_number(m.group(1)) if style == "*" else m.group(1)
                found.append((m.start(1), n))
            for pos, n in sorted(found):
                out.setdefault(str(int(n)), []).append(offset + pos)
            continue
        for m in _BRACKETED_RE.finditer(text):
            found.append((m.start(1), m.group(1)))
        for m in _SUPERSCRIPT_RE.finditer(text):
            found.append((m.start(), plain_number(m.group())))
        for m in _GLUED_RE.finditer(text):
            g = 1 if m.group(1) else 2
            found.append((m.start(g), m.group(g)))
        if spaced:
            for m in _SPACED_RE.finditer(text):
                if _before_ok(text, m.start()):
                    found.append((m.start(1), m.group(1)))
        for pos, n in sorted(found):
            out.setdefault(str(int(n)), []).append(offset + pos)
    return out


def locate_markers(
    lines: Sequence[tuple[int, str]],
    numbers: Sequence[str],
    *,
    spaced: bool = True,
    keys: Sequence[str] | None = None,
    guess: bool = True,
    style: str = ".",
) -> dict[int, str]:
    """Where each note's marker stands: raw offset of its first digit → note number.

    ``lines`` are the body's lines as (raw offset, text) in reading order;
    ``numbers`` the notes' numbers in order (``keys``, if given, what to map each
    marker to instead: a number listed twice has two notes, each with its own
    marker). Each marker is looked for after the
    one before; a number not found there is looked for anywhere not yet taken,
    and a number set off by a space (``UN 4``) is tried only when no
    bracketed or glued one exists; last, digits glued to a date (``September 252``:
    the 25th, and marker 2), and the one number between two found markers that ends
    in the missing one's number (:func:`_between_neighbours`). ``guess=False`` leaves
    these two last ways out (for deciding whether there are notes at all).
    """
    guess = guess and style not in _OWN_MARKERS
    strong = _candidates(lines, spaced=False, style=style)
    weak = _candidates(lines, spaced=True, style=style) if spaced else strong
    dated = _date_glued(lines) if guess else {}
    taken: dict[int, str] = {}
    placed: dict[int, int] = {}  # note index → marker offset
    last = -1
    for i, n in enumerate(numbers):
        key = str(int(n))
        free_strong = [o for o in strong.get(key, []) if o not in taken]
        free_weak = [o for o in weak.get(key, []) if o not in taken]
        chosen = next(
            (o for o in free_strong if o > last),
            next((o for o in free_weak if o > last), free_strong[0] if free_strong else None),
        )
        if chosen is None:
            free_dated = [o for o in dated.get(key, []) if o not in taken]
            chosen = next(
                (o for o in free_dated if o > last), free_dated[0] if free_dated else None
            )
        if chosen is not None:
            taken[chosen] = keys[i] if keys is not None else n
            placed[i] = chosen
            last = max(last, chosen)
    if guess:
        _between_neighbours(lines, numbers, keys, placed, taken)
    return taken


_YEAR_RE = re.compile(r"^(?:1[6-9]\d\d|20\d\d)$")
_NUMBER_RE = re.compile(r"(?<![\d.,])\d{2,7}(?=[\s,.;:)”\"’—]|$)")


def _between_neighbours(
    lines: Sequence[tuple[int, str]],
    numbers: Sequence[str],
    keys: Sequence[str] | None,
    placed: dict[int, int],
    taken: dict[int, str],
) -> None:
    """Markers glued to a number (``telegram 4532``), each where only one can be.

    A note whose marker was found nowhere lies between the markers of the notes before
    and after it; when exactly one number there ends in the note's number, the marker
    is those last digits (the first note's lower bound is the text's start, the last
    note's upper bound its end; a year is never cut).
    """
    for i, n in enumerate(numbers):
        if i in placed:
            continue
        lo = max((o for j, o in placed.items() if j < i), default=None)
        hi = min((o for j, o in placed.items() if j > i), default=None)
        if lo is None and i == 0:
            lo = -1
        if hi is None and i == len(numbers) - 1:
            hi = lines[-1][0] + len(lines[-1][1]) + 1 if lines else 0
        if lo is None or hi is None:
            continue
        key = str(int(n))
        found = []
        for offset, text in lines:
            if offset + len(text) <= lo or offset >= hi:
                continue
            for m in _NUMBER_RE.finditer(text):
                at = offset + m.end() - len(key)
                if _YEAR_RE.match(m.group()):
                    continue  # a year is a year (``1962``), not ``196`` and marker 2
                if m.group().endswith(key) and len(m.group()) > len(key) and lo < at < hi:
                    found.append(at)
        found = [o for o in found if o not in taken]
        if len(found) == 1:
            taken[found[0]] = keys[i] if keys is not None else n
            placed[i] = found[0]


def is_note_region(region: Region, anchored: int, ruled: bool = False) -> bool:
    """Whether a region is endnotes: announced by a heading, or most numbers found in the text.

    Notes set off by a rule (``----``) just above them, ending the text, are notes even
    when no marker is found (a marker glued to a number, ``24`` and ``2`` read ``242``):
    a missing marker leaves a note unanchored, it does not make it body text.
    """
    if ruled:
        return True
    if anchored == 0:
        return False
    return region.head is not None or anchored * 2 >= len(region.starts)


def note_keys(numbers: Sequence[str]) -> list[str]:
    """Each note's key: its number, and ``N-2``, ``N-3`` … for a number listed again.

    The converter's note ids are ``fn`` and the key (see :mod:`teikit.convert.api`).
    """
    seen: dict[str, int] = {}
    out: list[str] = []
    for n in numbers:
        seen[n] = seen.get(n, 0) + 1
        out.append(n if seen[n] == 1 else f"{n}-{seen[n]}")
    return out


def _body_lines(
    before: Sequence[Any], paras: Sequence[Para], region: Region
) -> list[tuple[int, str]]:
    """The lines markers are looked for in: the body's, and a ``NOTES`` heading's."""
    out: list[tuple[int, str]] = []
    for it in before:
        if isinstance(it, Para):
            out.extend((ln.offset, ln.text) for ln in it.lines)
    if region.head is not None:
        out.extend((ln.offset, ln.text) for ln in paras[region.head].lines)
    return out


def _ruled(rules: Sequence[int], body_lines: Sequence[tuple[int, str]], first: Para) -> bool:
    """Whether a rule stands between the body's last line and the first note."""
    after = body_lines[-1][0] if body_lines else -1
    return any(after < r <= first.offset for r in rules)


def below_rule(region: Region, offsets: Sequence[int], rules: Sequence[int]) -> Region:
    """The region less what stands above a rule inside it.

    A rule (``----``) parts the text from its notes: numbered paragraphs above it
    are the body's points (``2.`` of the text above note ``2.``), however their
    numbers run on into the notes'. ``offsets`` are the raw offsets of the
    paragraphs the region indexes, ``rules`` those of the rules.
    """
    top, bottom = offsets[region.starts[0].para], offsets[region.starts[-1].para]
    inside = [r for r in rules if top < r < bottom]
    if not inside:
        return region
    rule = max(inside)
    rest = tuple(s for s in region.starts if offsets[s.para] > rule)
    head = region.head if region.head is not None and offsets[region.head] > rule else None
    return Region(head if head is not None else rest[0].para, head, rest)


def _without_first(region: Region) -> Region | None:
    """The region less its first note paragraph (given back to the body), if notes remain."""
    top = region.starts[0].para
    rest = tuple(s for s in region.starts if s.para != top)
    if not rest:
        return None
    return Region(rest[0].para, None, rest)


@dataclass
class Endnotes:
    """Endnotes split off a document's items: what stays in the body, and the notes."""

    body: list[Any]  # the items before the notes, and page breaks found among them
    notes: list[tuple[str, list[Line]]]  # number and lines, the number cut off
    markers: dict[int, str]  # raw offset of each marker found → note key (see note_keys)
    doubts: list[tuple[int, str]]  # raw offset and message: notes whose marker was not found
    head: Para | None = None  # a ``NOTES`` heading above the notes


def split_endnotes(items: Sequence[Any], rules: Sequence[int] = ()) -> Endnotes | None:
    """Find the endnotes among a document's items (paragraphs, page breaks, stamps).

    Only paragraphs after the last non-paragraph block that is not a page
    break are considered; page breaks among the notes stay in the body's
    items (after it), so nothing is lost. ``rules`` are the raw offsets of the
    rules (``----``) the caller dropped: one right above the notes announces them.
    """
    k = len(items)
    while k > 0 and isinstance(items[k - 1], (Para, Marker)):
        k -= 1
    tail_idx = [j for j in range(k, len(items)) if isinstance(items[j], Para)]
    if not tail_idx:
        return None
    paras: list[Para] = [items[j] for j in tail_idx]
    region = endnote_region([[ln.text for ln in p.lines] for p in paras])
    if region is None:
        return None
    region = below_rule(region, [p.offset for p in paras], rules)
    # the top of the region may be the body's numbered points (``1.`` above note ``1.``):
    # while the region is not notes, its first paragraph is given back to the body
    candidate: Region | None = region
    while candidate is not None:
        region = candidate
        start_item = tail_idx[region.first]
        body_lines = _body_lines(items[:start_item], paras, region)
        # the decision rests on bracketed and glued markers only: a spaced number is weak
        style = region.starts[0].style
        strong = locate_markers(body_lines, region.numbers, spaced=False, guess=False, style=style)
        ruled = _ruled(rules, body_lines, paras[region.first])
        announced = region.head is not None or ruled
        if region.starts[0].style in ANNOUNCED_STYLES and not announced:
            candidate = _without_first(region)
            continue
        if is_note_region(region, len(set(strong.values())), ruled):
            break
        candidate = _without_first(region)
    if candidate is None:
        return None
    head = paras[region.head] if region.head is not None else None
    keys = note_keys(region.numbers)
    markers = locate_markers(body_lines, region.numbers, keys=keys, style=style)
    anchored = set(markers.values())
    notes: list[tuple[str, list[Line]]] = []
    doubts: list[tuple[int, str]] = []
    starts = {(s.para, s.line): (s, key) for s, key in zip(region.starts, keys, strict=True)}
    first_note_para = region.starts[0].para
    for p_idx in range(first_note_para, len(paras)):
        for l_idx, line in enumerate(paras[p_idx].lines):
            found = starts.get((p_idx, l_idx))
            if found is None:
                if notes:
                    notes[-1][1].append(line)
                continue
            s, key = found
            text = line.text[s.start :]
            notes.append((s.number, [Line(text, line.offset + s.start)]))
            if key not in anchored:
                doubts.append(
                    (
                        line.offset,
                        f"note {s.number}: its marker was not found in the text; "
                        "the note is kept, unanchored",
                    )
                )
    body = list(items[:start_item])
    for it in items[start_item:]:
        if isinstance(it, Marker):
            body.append(it)
        elif isinstance(it, Para):
            body.extend(piece for piece in it.pieces if isinstance(piece, Marker))
    return Endnotes(body, notes, markers, doubts, head)
