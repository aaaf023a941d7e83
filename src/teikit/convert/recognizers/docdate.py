"""The document's own date: when it was written, signed or sent.

A transcription holds many dates: the one the document bears, dates it mentions
(``your letter of 10 May``), dates of people's births, the printing date of the form
it is typed on (``Rev. 5-22-64``), and the dates later hands added: a catalogue form's
own date and its date of last review, release banners, filing stamps. An editor takes
the first of these that the document itself states, in this order of trust:

1. ``field``: a date field of the document (``DATE: 10/6/65``, ``Date of transcription``),
   value on the label's line or on the next non-blank line;
2. ``dateline``: a line that is only a date, maybe after a place (``Washington, May 3,
   1950.``), near the head of the document or in its closing lines;
3. ``dtg``: a cable's date-time group (``081247Z FEB 96``) near the head;
4. ``margin``: a date ending one of the document's first lines after other words: typed
   at the right margin of a letter's or memorandum's head (``SAC, XYZ (100-20)  11/2/66``);
5. ``catalogue``: the earliest date in a catalogue form that precedes the document (an
   archive's identification form lists the document's date beside later dates of its
   own, so the earliest is the document's); only where the document states none;
6. ``month``: a month and year on a line of their own (``June 1981``) near the head;
7. ``drafted``: the date in a drafter's line (``DDO/CI/RA/Name (21 May 1982)``) names
   the month of writing, not the day of signature, so only the month is taken;
8. ``head``: the first full date near the head that no reference word introduces.

Nothing here names a document: the cues are the written forms of dates, the words that
label them, and where on the page they stand.
"""

from __future__ import annotations

import difflib
import itertools
import re
from dataclasses import dataclass

from teikit.convert.recognizers.dates import MONTHS, FoundDate, iso_date, month_number, scan_dates


@dataclass(frozen=True)
class DocDate:
    """The chosen date: ISO ``when``, ``cert``, 1-based raw ``line``/``col``, and why.

    ``text`` is the date as the document writes it (spaces collapsed), for the
    content of ``creation/date``.
    """

    when: str
    cert: str
    line: int
    col: int
    reason: str
    text: str = ""


#: A label that introduces the document's date (``DATE:``, ``Date _``, ``Dated``,
#: ``Date of transcription``, ``DATE DISTR.``), OCR noise before it allowed.
DATE_LABEL_RE = re.compile(
    r"(?:^|[\s\"'“‘(|:;,.—-])(?P<label>D(?:ATE|ate)(?:\s+(?:of\s+transcription|DISTR\.?|typed)|\b)|D(?:ATED|ated)(?=\s*:))"
    r"\s*[:_.—-]*\s*",
)
#: Labels of dates that are not the document's: reviews, releases, births, receipt.
OTHER_LABEL_RE = re.compile(
    r"review|releas|declass|birth|dictated|received|acq|dispatched|expir|effective|printed",
    re.IGNORECASE,
)
#: Words that make the date after them one the document mentions, not its own.
REFERENCE_RE = re.compile(
    r"(?:(?-i:\bRe[A-Z]\w*)|\b(?:re|rev|dated|of|on|since|until|from|to|by|before|after|in|b|born|edition|"
    r"through|ending|and|between|at)\b|[-–])\W{0,3}$",
    re.IGNORECASE,
)
#: A catalogue form's field label in capitals (``RECORD NUMBER :``, ``AGENCY:``).
FORM_LABEL_RE = re.compile(r"^\W{0,3}(?P<label>[A-Z][A-Z ]{1,30})\s?(?::|$)")
#: A page footer or separator ending a form's page (``… Page 1``, ``14-00000``).
PAGE_END_RE = re.compile(r"\bpage\s+\S{1,3}\s*$|^\s*\d{2}-?0{4,5}\s*$", re.IGNORECASE)
#: The hour after a dateline's date (``, 10 a.m.``, ``—midnight.``, ``1830Z``).
TIME_AFTER_RE = re.compile(
    r"^\s*[,;—–-]+\s*(?:[\d:.–-]{1,12}\s*(?:[ap]\.\s?m\.|hours|hrs\.?|z|local\s+time)?"
    r"|noon|midnight|morning|afternoon|evening|night)\.?\s*$",
    re.IGNORECASE,
)
#: A place before a dateline's date: up to four capitalized words (``Washington, D.C.``).
PLACE_RE = re.compile(r"^[A-Z][\w.’'-]*(?:,?\s+[A-Z][\w.’'-]*){0,3},\s*")
#: A drafter's line: an office path with slashes, a name, the date in parentheses.
DRAFTED_RE = re.compile(
    r"\(\s*(?P<d>[0-3]?\d)\s+(?P<m>[A-Za-z]{3,10})\.?\s+(?P<y>1[6-9]\d\d|20\d\d)\s*\)"
)
#: The office path a drafter's line begins with (``DDP/FE/PMI``).
OFFICE_PATH_RE = re.compile(r"\w/\w")
_MONTH_NAMES = [m.lower() for m in MONTHS]
#: Trust in each kind of evidence: the lowest rank found wins (see the module).
RANKS = {
    "field": 1,
    "dateline": 2,
    "dtg": 3,
    "margin": 4,
    "catalogue": 5,
    "month": 6,
    "closing dateline": 7,
    "late field": 7,
    "drafted": 8,
    "head": 9,
    "head month": 10,
    "text": 11,
}

#: How many non-blank lines count as the head of the document, and as its end.
HEAD_LINES = 25
TAIL_LINES = 15
#: How far into the text a catalogue form may begin, and its least number of labels.
FORM_SCAN = 80
FORM_MIN_LABELS = 6
#: Date labels looked at per line (a form line holds two or three fields at most).
MAX_LABELS = 4
#: From this rank on the choice is a guess (``cert="low"``).
GUESS_RANK = 9
#: How many of the document's first lines may hold a date at the right margin.
MARGIN_LINES = 12
#: What may follow a date at a line's end: the OCR's specks, no word.
_MARGIN_TAIL_RE = re.compile(r"^\W*(?:\w{1,2}\W*)?$")


@dataclass(frozen=True)
class _Candidate:
    rank: int
    order: int
    when: str
    cert: str
    line: int
    col: int
    reason: str
    end: int = 0  # the 0-based end of the written date on its line


def catalogue_span(lines: list[str]) -> tuple[int, int] | None:
    """A catalogue form of capitals labels at the top: its first label line and its end.

    The lines before the first label are the form's title block (its own date among
    them); the document starts at ``end``.
    """
    labels = [i for i, text in enumerate(lines[:FORM_SCAN]) if FORM_LABEL_RE.match(text)]
    if len(labels) < FORM_MIN_LABELS:
        return None
    # the labels must stand together: cut the run where a long stretch has none
    run = [labels[0]]
    for i in labels[1:]:
        # the form ends at its page's footer: labels after it are the document's own
        footer = any(PAGE_END_RE.search(lines[k]) for k in range(run[-1], i))
        if footer and len(run) >= FORM_MIN_LABELS:
            break
        if i - run[-1] > 12:
            if len(run) >= FORM_MIN_LABELS:
                break
            run = [i]
        else:
            run.append(i)
    if len(run) < FORM_MIN_LABELS:
        return None
    # a catalogue record carries its own later dates (of review, of release)
    if not any(_admin_label(lines[i]) for i in run):
        return None
    end = run[-1] + 4
    for i in range(run[0], min(len(lines), run[-1] + 40)):
        if PAGE_END_RE.search(lines[i]) and i > run[-1]:
            end = max(end, i + 1)
            break
    # the form's own date may follow its page footer (``Date:`` then the value)
    k, seen = end, 0
    while k < len(lines) and seen < 3:
        text = lines[k].strip()
        if text:
            seen += 1
            bare = scan_dates(text)
            if not (DATE_LABEL_RE.fullmatch(text) or (bare and _only_date(text, bare[0]))):
                break
            end = k + 1
        k += 1
    return run[0], min(end, len(lines))


def _only_date(text: str, found: FoundDate) -> bool:
    """Whether ``text`` is the date alone, perhaps after a place and with a period."""
    if found.start > 80 or len(text) - found.end > 40:
        return False  # a dateline is short
    before = text[: found.start].strip(" \t|:;,'\"‘’“”")
    after = text[found.end :].strip(" \t.|,;'\"‘’“”")
    if after and not TIME_AFTER_RE.match(text[found.end :]):
        return False
    return not before or PLACE_RE.fullmatch(before + ", ") is not None


def document_date(text: str) -> DocDate | None:
    """The document's own date in a raw transcription, or ``None`` (see the module)."""
    found = date_candidates(text)
    if not found:
        return None
    best = min(found, key=lambda c: (c.rank, c.order))
    # a date only found in the running text is a guess
    cert = "low" if best.rank >= GUESS_RANK else best.cert
    line = text.splitlines()[best.line - 1]
    written = " ".join(line[best.col - 1 : best.end].split()) or best.when
    return DocDate(best.when, cert, best.line, best.col, best.reason, written)


def date_candidates(text: str) -> list[_Candidate]:
    """Every date that could be the document's, with its rank (lower is trusted more)."""
    lines = text.splitlines()
    span = catalogue_span(lines)
    body_start = span[1] if span else 0
    nonblank = [i for i in range(body_start, len(lines)) if lines[i].strip()]
    head = set(nonblank[:HEAD_LINES])
    margin = set(nonblank[:MARGIN_LINES])
    tail = set(nonblank[-TAIL_LINES:])
    found: list[_Candidate] = []
    catalogue: list[_Candidate] = []
    order = 0

    def add(rank: int, i: int, d: FoundDate, reason: str, *, month_only: bool = False) -> None:
        nonlocal order
        if d.when is None:
            return
        when = d.when[:7] if month_only else d.when
        order += 1
        found.append(_Candidate(rank, order, when, d.cert, i + 1, d.start + 1, reason, d.end))

    for i, raw in enumerate(lines):
        if not raw.strip():
            continue
        dates = scan_dates(_with_next(lines, i))
        dates = [d for d in dates if d.start < len(raw)]
        if span is not None and i < span[1]:
            if i >= span[0]:
                catalogue.extend(_catalogue_dates(raw, i, dates))
            continue
        # a date field: the value on the label's line, or alone on the next line
        for m in itertools.islice(DATE_LABEL_RE.finditer(raw), MAX_LABELS):
            if OTHER_LABEL_RE.search(raw[max(0, m.start() - 20) : m.end() + 20]):
                continue
            value = [d for d in dates[: MAX_LABELS * 4] if 0 <= d.start - m.end() + 1 < 5]
            # a field in the closing lines dates an approval or a filing, not the writing
            rank = RANKS["field" if i in head else "late field"]
            if value:
                add(rank, i, value[0], "field")
            elif not raw[m.end() :].strip():
                near = range(i + 1, min(len(lines), i + 4))
                nxt = next((k for k in near if lines[k].strip()), None)
                if nxt is not None:
                    later = scan_dates(lines[nxt])
                    if later and _only_date(lines[nxt], later[0]):
                        add(rank, nxt, later[0], "field")
        for d in dates:
            if d.when is None:
                continue
            referred = REFERENCE_RE.search(raw[max(0, d.start - 40) : d.start]) is not None
            alone = _only_date(raw, d) and not referred
            full = len(d.when) == 10
            if i in head and d.form == "dtg":
                add(RANKS["dtg"], i, d, "dtg")
            elif alone and i in head:
                reason = "month" if d.form == "month" else "dateline"
                add(RANKS[reason], i, d, reason)
            elif alone and i in tail and full:
                add(RANKS["closing dateline"], i, d, "closing dateline")
            elif full and not referred and i in margin and _at_margin(raw, d):
                add(RANKS["margin"], i, d, "margin")
            elif i in head and not referred:
                add(RANKS["head" if full else "head month"], i, d, "head")
            elif full and not referred:
                add(RANKS["text"], i, d, "text")
        drafted = DRAFTED_RE.search(raw)
        if drafted is not None and OFFICE_PATH_RE.search(raw, 0, drafted.start()):
            seen = _drafted(drafted)
            if seen is not None:
                add(RANKS["drafted"], i, seen, "drafted", month_only=True)
    if catalogue:
        earliest = min(catalogue, key=lambda c: (c.when, c.line))
        found.append(earliest)
    return found


def _at_margin(raw: str, found: FoundDate) -> bool:
    """Whether a date ends its line after other words: typed at the right margin of a head.

    A letter's or memorandum's head sets its date at the right of the address
    (``Chief, XYZ (100-200)      11/2/66``); only specks may follow it.
    """
    before = raw[: found.start]
    if len(_PROSE_WORD_RE.findall(before)) >= PROSE_BEFORE_MARGIN:
        return False  # ``…recently advised that on about May 3, 1950``: a sentence's date
    return (
        len(_WORD_RE.findall(before)) >= 2
        and _MARGIN_TAIL_RE.match(raw[found.end :]) is not None
        and not DATE_LABEL_RE.search(before)
        and not _other_label(raw, found.start)  # ``received at …``: another hand's date
    )


_WORD_RE = re.compile(r"[^\W\d_]{2,}")
#: A word of running prose: in lower case, of two letters or more.
_PROSE_WORD_RE = re.compile(r"(?<![\w'])[a-z]{2,}(?![\w'])")
#: So many words of prose before a date at the line's end make it a sentence's date,
#: hard-wrapped where the line ends, not one typed at the margin of a head (whose
#: words are names, offices and file numbers).
PROSE_BEFORE_MARGIN = 3


def _with_next(lines: list[str], i: int) -> str:
    """Line ``i``, and the next non-blank line when it ends on a hyphen (``SEVENTY-``, ``ONE``)."""
    raw = lines[i]
    if raw.rstrip().endswith("-"):
        nxt = next((ln.strip() for ln in lines[i + 1 : i + 3] if ln.strip()), "")
        return raw.rstrip() + " " + nxt
    return raw


def _catalogue_dates(raw: str, i: int, dates: list[FoundDate]) -> list[_Candidate]:
    """A catalogue form's full dates that stand alone or after a date label."""
    out = []
    ends = [m.end() for m in itertools.islice(DATE_LABEL_RE.finditer(raw), MAX_LABELS)]
    for d in dates[: MAX_LABELS * 4]:
        if d.when is None or len(d.when) != 10 or _other_label(raw, d.start):
            continue
        labelled = any(end - 1 <= d.start <= end + 3 for end in ends)
        if labelled or _only_date(raw, d):
            rank = RANKS["catalogue"]
            out.append(_Candidate(rank, i, d.when, d.cert, i + 1, d.start + 1, "catalogue", d.end))
    return out


def _drafted(m: re.Match[str]) -> FoundDate | None:
    """The date of a drafter's line, its month name read through OCR errors."""
    month = month_number(m.group("m"))
    if month is None:
        close = difflib.get_close_matches(m.group("m").lower(), _MONTH_NAMES, n=1, cutoff=0.6)
        if not close:
            return None
        month = _MONTH_NAMES.index(close[0]) + 1
    when = iso_date(int(m.group("y")), month, int(m.group("d")))
    return FoundDate(m.start("d"), m.end("y"), when, "high", "text") if when else None


def _admin_label(line: str) -> bool:
    """Whether the line is a form field for a later, administrative date (of review)."""
    m = FORM_LABEL_RE.match(line)
    return m is not None and OTHER_LABEL_RE.search(m.group("label")) is not None


def _other_label(line: str, start: int) -> bool:
    """Whether the date at ``start`` is labelled as a review, release or the like."""
    return OTHER_LABEL_RE.search(line[max(0, start - 60) : start]) is not None
