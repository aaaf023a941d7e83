"""What can be seen of each raw line before anything is decided: the first stage.

Recognition runs in stages, each a pure function of the one before:
line features (here) → role scores (:mod:`.roles`) → document kind
(:mod:`.kinds`) → the kind's assembly. A feature is a plain fact about the
line and its neighbours (capitals, words, blank lines around it, how often
its shape repeats in the document), never a decision, so every role scorer
reads the same facts and ``teikit convert --explain`` can show them.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterable

_WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_DIGITS_RE = re.compile(r"\d+")
_WORDLIKE_RE = re.compile(r"[^\W\d_]{3,}")
#: A token an OCR engine made of a smudge: letters mixed with symbols or digits.
_NOISE_RE = re.compile(r"^(?=.*[^\W\d_])(?=.*[^\w\s.,;:!?'’‘\"“”()\[\]\-–—/&%$]).+$")


#: An archive's page footer: a record number, a document id and a page (OCR-garbled too).
#: The second branch reads the id alone, an eight-digit number after a word the OCR
#: made of ``DocId`` (``Docla``, ``DooTa``, ``Docha:``), when the page word that follows
#: is lost or garbled past reading (``Paae``, ``Padé -22-``): a record number of five
#: digits before it, or the id on a short line of its own, makes it the footer.
ARCHIVE_FOOTER_RE = re.compile(
    r"\b[DB][a-z]{0,2}[co][a-z]?[Il1|]{0,2}[Il1|d]\s*[:;.]?\s*\d{5,}.*\b[PBR]age\s+[\dIil!|oO]+"
    r"|\b\d{5}\W{0,4}D[o0][a-z]{1,3}\W{0,3}\d{8}\b"
    r"|^\W*D[o0][a-z]{1,3}\W{0,3}\d{8}\b.{0,30}$",
    re.IGNORECASE,
)
#: What is left of an archive's footer when the OCR garbled its id past reading: a
#: few tokens, then the page (``ab 12345 xocta:9z1f Page 8 TOP SECRET``). Read as a
#: footer only in a copy whose other footers show the style (:data:`MIN_FOOTERS`).
GARBLED_FOOTER_RE = re.compile(
    r"^\W{0,3}(?:\S+\s+){0,2}\S+\s+[PB]a[gdnae]e\s+[\dIil!|oO]{1,3}\b"
    r"(?:\W{0,4}(?:TOP\s+)?SECRET|\W{0,3}TO\W?P\b.*)?\W{0,5}\w{0,3}\W{0,3}$"
)
#: Archive footers read in full that make a copy's footer style known.
MIN_FOOTERS = 2
#: A page's own number on a line of its own, as a typist or a printer set it
#: (``Page 2``, ``PAGE 3 OF 4``); ``(\d+)`` the page, ``(\d+)`` after ``of`` the count.
PAGE_LINE_RE = re.compile(r"^(?:Page|PAGE)\s+(\d{1,3})(?:\s+(?:of|OF)\s+(\d{1,3}))?$")
#: A printed telegram's page head: page, origin and telegram number, date-time group
#: (``PAGE 02 STATE 024976``, ``PAGE 01 LONDON 01234 211530Z``); it heads its page.
CABLE_PAGE_RE = re.compile(
    r"^PAGE\s+(\d{2,3})\s+[A-Z][A-Z.]*(?:\s+[A-Z][A-Z.]*){0,2}\s+\d{3,6}(?:\s+\d{6}\s?Z?)?\s*$"
)
#: A continuation page's head typed over its text: the writer's or addressee's name and
#: the page (``Roe, page 2.``), or the page in words (``Page Two.``), a caveat in
#: capitals perhaps after it (``Roe, page 3. STAFF ONLY``). A page turns before it.
CONTINUATION_HEAD_RE = re.compile(
    r"^(?:(?:[A-Z][A-Za-z.'’-]+\s+){0,2}[A-Z][A-Za-z.'’-]+,\s+[Pp]age\s+(?P<n>\d{1,3})"
    r"|[Pp]age\s+(?P<w>Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve))"
    r"\s?[.,:]?(?:\s+[A-Z]{3,}(?:\s+[A-Z]{3,}){0,2}\W?)?$"
)
#: ``CONTINUED`` alone at the foot of a message form's page: the message goes on overleaf.
CONTINUED_RE = re.compile(r"^CONTINUED$")
#: A collection's page separator (``14-00000``) or a Bates number (``Name-1684``).
SEPARATOR_RE = re.compile(r"^\d{2,3}-0{4,6}$")
#: The name's last word has two letters at least: a letter alone before the number
#: (``Belgrade A-385``) is a message's series (an airgram), not a page's stamp.
BATES_RE = re.compile(r"^[A-Z][A-Za-z.]*(?:\s[A-Z][A-Za-z.]*){0,3}(?<=[A-Za-z.]{2})\s?-\s?\d{3,7}$")


def page_mark(text: str) -> bool:
    """A line only a copy of pages has: an archive footer, a separator, a Bates number."""
    return bool(ARCHIVE_FOOTER_RE.search(text) or SEPARATOR_RE.match(text) or BATES_RE.match(text))


def page_head(text: str) -> bool:
    """Whether a page-marking line heads its page (a page turns before it), not foots it.

    ``Page 2`` alone is the number typed at the head of page 2 (page 1 goes
    unnumbered); ``Page 1 of 3`` and ``CONTINUED`` stand at the foot, as
    a collection's separator (``14-00000``) and a printed telegram's page head
    (``PAGE 02 STATE 024976``) stand at the head.
    """
    m = PAGE_LINE_RE.match(text) or CABLE_PAGE_RE.match(text)
    if m is not None:
        return (m.re is CABLE_PAGE_RE or m.group(2) is None) and int(m.group(1)) >= 2
    if CONTINUATION_HEAD_RE.match(text):
        return True
    return SEPARATOR_RE.match(text) is not None


#: How many non-blank lines after an archive's footer its page number may stand when the
#: OCR read it apart (``XY 10000 DocId: 30000000`` / ``Page 4``), a speck line between.
SPLIT_FOOTER_SPAN = 3
#: A word ``Page`` as a footer writes it (OCR slips included): a footer without it states
#: no page.
_PAGE_WORD_RE = re.compile(r"\b[PBR]a[gdnae]e\b", re.IGNORECASE)


def footer_awaits_page(text: str) -> bool:
    """Whether a line is an archive's page footer whose page number is not on it.

    >>> footer_awaits_page("XY 10000 DocId: 30000000")
    True
    >>> footer_awaits_page("XY 10000 DocId:30000000 Page 3")
    False
    """
    return bool(ARCHIVE_FOOTER_RE.search(text)) and _PAGE_WORD_RE.search(text) is None


def split_footer(texts: list[str], i: int) -> str | None:
    """How line ``i`` takes part in an archive footer the OCR split over two lines.

    The footer (``XY 10000 DocId: 30000000``) and its page number (``Page 4``) are one
    page mark: the footer ``"opens"`` it (the page goes on past it) and the page line
    ``"closes"`` it (the page ends there, no new page starts before it), when the page
    line alone follows the footer within :data:`SPLIT_FOOTER_SPAN` non-blank lines.
    ``texts`` are the document's non-blank lines. ``None`` for any other line.

    >>> split_footer(["XY 10000 DocId: 30000000", "1", "Page 4"], 0)
    'opens'
    >>> split_footer(["XY 10000 DocId: 30000000", "1", "Page 4"], 2)
    'closes'
    """

    def lone_page(text: str) -> bool:
        return PAGE_LINE_RE.match(text) is not None

    if footer_awaits_page(texts[i]):
        after = texts[i + 1 : i + 1 + SPLIT_FOOTER_SPAN]
        return "opens" if any(lone_page(t) for t in after) else None
    if lone_page(texts[i]):
        before = texts[max(0, i - SPLIT_FOOTER_SPAN) : i]
        k = next((j for j in range(len(before) - 1, -1, -1) if footer_awaits_page(before[j])), None)
        if k is not None and not any(lone_page(t) for t in before[k + 1 :]):
            return "closes"
    return None


def cable_page(text: str) -> int | None:
    """The page a printed telegram's page head names (``PAGE 02 STATE 024976`` is 2)."""
    m = CABLE_PAGE_RE.match(text)
    return int(m.group(1)) if m is not None else None


@dataclass(frozen=True)
class LineFeatures:
    """Facts about one non-blank raw line, with its place in the document."""

    number: int  #: raw line number, from 1
    offset: int  #: character offset of the line's first character in the raw text
    text: str  #: the line, without surrounding spaces
    index: int  #: position among the document's non-blank lines, from 0
    total: int  #: number of non-blank lines in the document
    blank_before: bool
    blank_after: bool
    prev_text: str  #: the non-blank line before ("" at the start)
    next_text: str  #: the non-blank line after ("" at the end)
    words: int  #: alphabetic words
    upper_ratio: float  #: share of letters that are capitals
    repeats: int  #: lines in the document of the same shape (digits ignored), this one included
    #: leading spaces (a tab counts four): a centred or indented title stands in from the margin
    indent: int = 0

    @property
    def ends_sentence(self) -> bool:
        return self.text.rstrip('"”’)]').endswith((".", "?", "!"))

    @property
    def at_start(self) -> bool:
        return self.index < 12

    @property
    def at_end(self) -> bool:
        return self.index >= self.total - 6


@dataclass(frozen=True)
class DocFeatures:
    """Facts about the whole document that change how a line reads."""

    lines: tuple[LineFeatures, ...]
    #: the share of tokens that look like OCR noise; a few percent in a raw OCR
    noise: float
    #: whether most lines are blocks of their own (OCR that sets every line apart)
    lines_apart: bool
    #: the usual length of a full line (the wrap width of a hard-wrapped copy)
    width: int = 80
    #: lines only a copy of pages has (archive footers, separators, Bates numbers)
    page_marks: int = 0
    #: the share of lines with no word of three letters: specks and fragments of an OCR
    junk: float = 0.0
    #: the share of lines of three words or more that are in capitals (a teletype's text)
    caps: float = 0.0

    @property
    def ocr(self) -> bool:
        """A copy made by OCR of pages: capitals and short lines prove little there."""
        return self.noise >= 0.009 or self.page_marks >= 1 or self.junk >= 0.09


#: A roman numeral alone: a section's number (``II``, ``IV.``), no speck.
_ROMAN_RE = re.compile(r"^(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})\.?$")


def _junk(text: str) -> bool:
    """Letters, but no word of three: a speck or fragment (``fa 4``, ``Pn}``), not a number.

    A roman numeral alone numbers a section: a clean copy may set many.
    """
    return (
        any(c.isalpha() for c in text)
        and not _WORDLIKE_RE.search(text)
        and not _ROMAN_RE.match(text.strip())
    )


def shape(text: str) -> str:
    """A line with its numbers blanked: running heads differ only in their page number."""
    return _DIGITS_RE.sub("#", " ".join(text.split())).lower()


def line_features(raw: str) -> DocFeatures:
    """Every non-blank line's features, and the document's."""
    spans: list[tuple[int, int, str]] = []  # (line number, offset, stripped text)
    indents: dict[int, int] = {}
    blank_rows: set[int] = set()
    offset = 0
    for number, line in enumerate(raw.split("\n"), start=1):
        stripped = line.strip()
        if stripped:
            spans.append((number, offset + len(line) - len(line.lstrip()), stripped))
            lead = line[: len(line) - len(line.lstrip())]
            indents[number] = len(lead.expandtabs(4))
        else:
            blank_rows.add(number)
        offset += len(line) + 1
    shapes = Counter(shape(t) for _, _, t in spans)
    tokens = noisy = 0
    out: list[LineFeatures] = []
    total = len(spans)
    for k, (number, off, text) in enumerate(spans):
        letters = [c for c in text if c.isalpha()]
        upper = sum(1 for c in letters if c.isupper())
        toks = text.split()
        tokens += len(toks)
        bad = sum(1 for t in toks if _NOISE_RE.match(t))
        noisy += bad
        out.append(
            LineFeatures(
                number=number,
                offset=off,
                text=text,
                index=k,
                total=total,
                blank_before=number - 1 in blank_rows or number == 1,
                blank_after=number + 1 in blank_rows or k == total - 1,
                prev_text=spans[k - 1][2] if k else "",
                next_text=spans[k + 1][2] if k + 1 < total else "",
                words=len(_WORD_RE.findall(text)),
                upper_ratio=upper / len(letters) if letters else 0.0,
                repeats=shapes[shape(text)],
                indent=indents[number],
            )
        )
    apart = sum(1 for f in out if f.blank_before and f.blank_after)
    long = sorted(len(f.text) for f in out if len(f.text) >= 30)
    return DocFeatures(
        tuple(out),
        noise=noisy / tokens if tokens else 0.0,
        lines_apart=total > 10 and apart > 0.6 * total,
        width=long[len(long) // 2] if long else 80,
        page_marks=sum(1 for f in out if page_mark(f.text)),
        junk=sum(1 for f in out if _junk(f.text)) / total if total else 0.0,
        caps=_share(f.upper_ratio > 0.8 for f in out if f.words >= CAPS_SAMPLE_WORDS),
    )


#: Lines of at least this many words tell how the text is typed (in capitals or not):
#: shorter ones are headings, letterheads and captions, which capitals set apart.
CAPS_SAMPLE_WORDS = 6


def _share(flags: Iterable[bool]) -> float:
    values = list(flags)
    return sum(values) / len(values) if values else 0.0
