"""Dates and clock times in running text, normalized to ISO 8601 for ``@when``.

Archival prose writes ``2 October 1959``, ``October 2, 1959``, ``May 7`` and
``October 1964``; cables put a four-digit clock time before a date
(``1135 19 October 1951``). A date without a year takes the document's year
and is marked ``cert="medium"``, because the year is inferred, not read.
"""

from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_MONTH_NUM = {m: i + 1 for i, m in enumerate(MONTHS)}
_M = "|".join(MONTHS)

DATE_RE = re.compile(
    r"(?<![\w.])(?:"
    rf"(?:(?P<t>(?:[01]\d|2[0-3])[0-5]\d)\s+)?(?P<d1>[0-3]?\d)(?:st|nd|rd|th)?\s+(?P<m1>{_M})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_M})\s+(?P<d2>[0-3]?\d)(?:st|nd|rd|th)?(?:,\s*(?P<y2>\d{{4}}))?"
    rf"|(?P<m3>{_M}),?\s+(?P<y3>\d{{4}})"
    r")(?![\w])"
)

#: A block that is nothing but a date (a dateline).
DATE_ONLY_RE = re.compile(rf"^\s*(?:{DATE_RE.pattern})\s*[.]?\s*$")


@dataclass(frozen=True)
class DateMatch:
    """A recognized date (and optional time) at ``start:end`` of the searched text."""

    start: int
    end: int
    when: str | None
    certain: bool
    time_end: int  # end of the clock time, or ``start`` when there is none
    date_start: int


def _iso(year: int, month: int, day: int | None) -> str | None:
    try:
        if day is None:
            _dt.date(year, month, 1)
            return f"{year:04d}-{month:02d}"
        _dt.date(year, month, day)
    except ValueError:
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def iso_date(year: int, month: int, day: int | None) -> str | None:
    """``YYYY-MM-DD`` (or ``YYYY-MM`` without a day), ``None`` for an impossible date."""
    return _iso(year, month, day)


def match_to_date(m: re.Match[str], default_year: int | None) -> DateMatch:
    """Interpret one :data:`DATE_RE` match."""
    time_end = m.start()
    date_start = m.start()
    if m.group("m1"):
        month, day_s, year_s = m.group("m1"), m.group("d1"), m.group("y1")
        if m.group("t"):
            time_end = m.end("t")
            date_start = m.start("d1")
    elif m.group("m2"):
        month, day_s, year_s = m.group("m2"), m.group("d2"), m.group("y2")
    else:
        month, day_s, year_s = m.group("m3"), None, m.group("y3")
    day = int(day_s) if day_s else None
    certain = True
    if year_s:
        year: int | None = int(year_s)
    else:
        year, certain = default_year, False
    when = _iso(year, _MONTH_NUM[month], day) if year is not None else None
    return DateMatch(m.start(), m.end(), when, certain, time_end, date_start)


def find_dates(text: str, default_year: int | None) -> list[DateMatch]:
    return [match_to_date(m, default_year) for m in DATE_RE.finditer(text)]


def parse_date(text: str) -> str | None:
    """The ISO form of a text that is only a date with a year, else ``None``."""
    m = DATE_ONLY_RE.match(text)
    if m is None:
        return None
    found = DATE_RE.search(text)
    if found is None:
        return None
    d = match_to_date(found, None)
    return d.when


# --- every written form of a date, for the document date and for ``@when`` ---------------

#: Month names and their abbreviations (``Sept.``, ``OCT``), any case.
_MONTH_WORD = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)"
)
_MONTH_PREFIX = {m[:3].lower(): i + 1 for i, m in enumerate(MONTHS)}
_ORD = r"(?:st|nd|rd|th|d)?"
#: The second day of a range (``15 and 17``, ``23–24``): the date read is the first day.
_TO_DAY = rf"(?:\s*(?:[-–]|and|to)\s*[0-3]?\d{_ORD})?"
#: The same after a month name: only where the year follows (``May 7 and 3/6/64``).
_TO_DAY_Y = rf"(?:\s*(?:[-–]|and|to)\s*[0-3]?\d{_ORD}(?=,?\s*(?:1[6-9]\d\d|20\d\d)))?"

#: ``3 May 1950``, ``3rd May, 1950``, ``2nd of March 1864``, ``the 29th day of November,
#: 1971``, ``16 Oct 63``, ``16OCT63``.
_DMY = (
    rf"(?P<dd>[0-3]?\d){_ORD}{_TO_DAY}(?:\s+day)?(?:\s+of)?\s*(?P<dm>{_MONTH_WORD})(?![a-z])\.?,?"
    # a two-digit year only where no lower-case word follows (``3 May 50 soldiers``)
    r"(?:\s*(?P<dy>1[6-9]\d\d|20\d\d|(?<=[a-z.,\s])\d\d(?!\s+(?-i:[a-z])))(?!\d))?"
)
#: ``May 3, 1950``, ``May 3rd 1950``, ``November the 29th, 1971``, ``Oct. 16``.
_MDY = (
    rf"(?P<mm>{_MONTH_WORD})\b\.?\s+(?:the\s+)?(?P<md>[0-3]?\d){_ORD}{_TO_DAY_Y}\b"
    r"(?:,?\s*(?P<my>1[6-9]\d\d|20\d\d)(?!\d))?"
)
#: ``October 1963``, ``Oct. 1963``: the month only.
_MY = rf"(?P<om>{_MONTH_WORD})\b\.?,?\s+(?P<oy>1[6-9]\d\d|20\d\d)(?!\d)"
#: A military date-time group: day, hours and minutes, zone, month, year (``161200Z OCT 63``).
_DTG = (
    rf"(?P<gd>[0-3]\d)(?P<gt>[0-2]\d[0-5]\d)[Z2]?\s*(?P<gm>{_MONTH_WORD})(?![a-z])"
    r"\s*(?P<gy>\d\d(?:\d\d)?)(?!\d)"
)
#: ``10/16/63``, ``16.10.1963``, ``11-29-71``.
#: A dot needs a four-digit year: ``2.1.12`` is a section number more often than a date.
_NUM = (
    r"(?P<na>\d{1,2})(?P<ns>[/.-])(?P<nb>\d{1,2})(?P=ns)"
    r"(?P<ny>\d{4}|(?<![.]\d\d[.])(?<![.]\d[.])\d{2})(?![\d/])"
)

ANY_DATE_RE = re.compile(
    rf"(?<![\w/])(?:{_DTG}|{_NUM}|{_DMY}|{_MDY}|{_MY})(?![^\W\d_])", re.IGNORECASE
)


@dataclass(frozen=True)
class FoundDate:
    """A date written in any of the forms :data:`ANY_DATE_RE` knows, at ``start:end``.

    ``when`` is ISO (``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD``) or ``None`` when the text
    gives no year or no valid day; ``cert`` is ``"high"`` when the reading is unambiguous
    and ``"medium"`` when the day/month order of a numeric date was assumed; ``form``
    says which way it was written (``text``, ``numeric``, ``dtg``, ``month``).
    """

    start: int
    end: int
    when: str | None
    cert: str
    form: str
    cased: bool = True  # the month name begins with a capital (``may`` may be a verb)


def month_number(word: str) -> int | None:
    """The month a name or abbreviation stands for (``Sept.`` -> 9)."""
    return _MONTH_PREFIX.get(word.strip(".").lower()[:3])


def _year(text: str) -> int:
    """A two-digit year is of the twentieth century, as archival files write it."""
    return int(text) + 1900 if len(text) == 2 else int(text)


def numeric_order(a: int, b: int, sep: str) -> tuple[int, int, str] | None:
    """(month, day, cert) of a numeric date ``a sep b``.

    Only one order fits when a number is above 12; otherwise a dot means day.month
    (European habit) and a slash or hyphen month/day (American), with ``cert="medium"``
    because the order was assumed, except where both readings are the same day.
    """
    if a > 12 and b > 12:
        return None
    if a > 12:
        return b, a, "high"
    if b > 12:
        return a, b, "high"
    cert = "high" if a == b else "medium"
    return (b, a, cert) if sep == "." else (a, b, cert)


def _found(m: re.Match[str]) -> FoundDate:
    g = m.group
    when: str | None = None
    cert = "high"
    month_word = g("gm") or g("dm") or g("mm") or g("om")
    cased = not month_word or month_word[0].isupper()
    if g("gd"):
        month = month_number(g("gm"))
        form = "dtg"
        when = _iso(_year(g("gy")), month, int(g("gd"))) if month else None
    elif g("na"):
        form = "numeric"
        order = numeric_order(int(g("na")), int(g("nb")), g("ns"))
        if order is not None:
            month, day, cert = order
            when = _iso(_year(g("ny")), month, day)
    elif g("dd"):
        form = "text"
        month = month_number(g("dm"))
        if g("dy") and month:
            when = _iso(_year(g("dy")), month, int(g("dd")))
    elif g("mm"):
        form = "text"
        month = month_number(g("mm"))
        if g("my") and month:
            when = _iso(int(g("my")), month, int(g("md")))
    else:
        form = "month"
        month = month_number(g("om"))
        when = _iso(int(g("oy")), month, None) if month else None
    return FoundDate(m.start(), m.end(), when, cert, form, cased)


def scan_dates(text: str) -> list[FoundDate]:
    """Every date in ``text``, left to right, in any written form (also spelled out)."""
    found = [_found(m) for m in ANY_DATE_RE.finditer(text)]
    spelled = [
        d for d in spelled_dates(text) if all(d.end <= f.start or d.start >= f.end for f in found)
    ]
    return sorted(found + spelled, key=lambda d: d.start) if spelled else found


# --- dates spelled out, as teletypes send them ---------------------------------------------

_UNITS = ("ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE")
_TEENS = (
    "TEN",
    "ELEVEN",
    "TWELVE",
    "THIRTEEN",
    "FOURTEEN",
    "FIFTEEN",
    "SIXTEEN",
    "SEVENTEEN",
    "EIGHTEEN",
    "NINETEEN",
)
_TENS = ("TWENTY", "THIRTY", "FORTY", "FIFTY", "SIXTY", "SEVENTY", "EIGHTY", "NINETY")
_NUMBER_WORDS = {
    **{w: i + 1 for i, w in enumerate(_UNITS)},
    **{w: i + 10 for i, w in enumerate(_TEENS)},
    **{w: 10 * (i + 2) for i, w in enumerate(_TENS)},
}
#: Ordinals not made by adding ``TH`` to their cardinal.
_ORDINAL_ENDINGS: tuple[tuple[str, str], ...] = (
    ("FIRST", "ONE"),
    ("SECOND", "TWO"),
    ("THIRD", "THREE"),
    ("FIFTH", "FIVE"),
    ("EIGHTH", "EIGHT"),
    ("NINTH", "NINE"),
    ("TWELFTH", "TWELVE"),
)
#: A month, a spelled day and a spelled year (``NOVEMBER TWENTYNINE, SEVENTY-ONE``).
_TENS_ALT = "|".join(_TENS)
_SPELLED_RE = re.compile(
    rf"\b(?P<m>{_MONTH_WORD})\.?\s+(?P<d>(?:{_TENS_ALT})?[- ]?[A-Z]{{3,9}}|(?:{_TENS_ALT}))"
    r",?\s+(?P<y>(?:NINETEEN\s*-?\s*)?(?:[A-Z]{3,7}\s*-?\s*[A-Z]{0,6}))\b(?!\s*-)",
    re.IGNORECASE,
)


def spelled_number(words: str) -> int | None:
    """The number a spelled-out cardinal or ordinal of up to two words says (``TWENTYNINE``).

    ``None`` when the words are no such number. A teletype joins the words or
    hyphens them (``TWENTY-NINE``, ``TWENTYNINE``, ``TWENTY NINE``).
    """
    w = re.sub(r"[\s-]", "", words.upper())
    for ordinal, cardinal in _ORDINAL_ENDINGS:
        if w.endswith(ordinal):
            w = w[: -len(ordinal)] + cardinal
    if w.endswith("TH") and w[:-2] in _NUMBER_WORDS:
        w = w[:-2]
    if w.endswith("IETH") and w[:-4] + "Y" in _NUMBER_WORDS:
        w = w[:-4] + "Y"
    if w in _NUMBER_WORDS:
        return _NUMBER_WORDS[w]
    for tens in _TENS:
        if w.startswith(tens) and w[len(tens) :] in _UNITS:
            return _NUMBER_WORDS[tens] + _NUMBER_WORDS[w[len(tens) :]]
    return None


def spelled_dates(text: str) -> list[FoundDate]:
    """Dates whose day and year are spelled out in capitals (``NOVEMBER TWENTYNINE, SEVENTYONE``).

    Teletypes send numbers as words; the year is the century's (``SEVENTYONE`` is
    1971, ``NINETEEN SEVENTYONE`` too).
    """
    out: list[FoundDate] = []
    for m in _SPELLED_RE.finditer(text):
        if not m.group().isupper():
            continue
        month = month_number(m.group("m"))
        day = spelled_number(m.group("d"))
        year_words = re.sub(r"^NINETEEN\s*-?\s*", "", m.group("y").upper())
        year = spelled_number(year_words)
        if month is None or day is None or year is None or not 1 <= day <= 31:
            continue
        when = _iso(1900 + year, month, day)
        if when is not None:
            out.append(FoundDate(m.start(), m.end(), when, "high", "spelled"))
    return out


def text_dates(text: str, default_year: int | None) -> list[DateMatch]:
    """The dates of running text for ``date/@when``, left to right, not overlapping.

    :data:`DATE_RE` reads the prose forms (and a clock time before a date, and a date
    without a year, which takes ``default_year``); :func:`scan_dates` adds the forms
    of files and cables: ordinals, abbreviations, numeric dates, date-time groups. Where
    two readings overlap the longer wins (``2nd March 1864`` over ``March 1864``).
    """
    found: list[tuple[int, int, int, DateMatch]] = []
    for m in DATE_RE.finditer(text):
        d = match_to_date(m, default_year)
        found.append((d.start, -(d.end - d.start), 0, d))
    for f in scan_dates(text):
        if f.when is None or not f.cased:
            continue
        d = DateMatch(f.start, f.end, f.when, f.cert == "high", f.start, f.start)
        found.append((d.start, -(d.end - d.start), 1, d))
    found.sort(key=lambda item: item[:3])
    out: list[DateMatch] = []
    for _start, _length, _prio, d in found:
        if out and d.start < out[-1].end:
            continue
        out.append(d)
    return out


#: A date written with numbers, month first as in US files (``11/26/71``, ``10/27/1959``).
NUMERIC_DATE_RE = re.compile(r"(?<![\d/-])(\d{1,2})/(\d{1,2})/(\d{4}|\d{2})(?![\d/-])")
#: An ordinal day (``3rd May, 1950``, ``May 3rd, 1950``): the suffix is dropped to read it.
_ORDINAL_RE = re.compile(r"\b(\d{1,2})(?:st|nd|rd|th)\b", re.IGNORECASE)


def without_ordinals(text: str) -> str:
    """``3rd May, 1950`` → ``3 May, 1950``: the date grammar reads plain day numbers."""
    return _ORDINAL_RE.sub(r"\1", text)


def numeric_date(text: str) -> str | None:
    """The ISO form of the first month/day/year date in ``text``.

    A two-digit year is of the twentieth century: the files written so are.
    """
    m = NUMERIC_DATE_RE.search(text)
    if m is None:
        return None
    month, day, year = int(m.group(1)), int(m.group(2)), int(m.group(3))
    if year < 100:
        year += 1900
    return _iso(year, month, day) if 1 <= month <= 12 else None


def field_date(value: str) -> str | None:
    """The ISO date of a ``DATE:`` field's value, written in words, ordinals or numbers."""
    text = without_ordinals(value).strip().rstrip(".")
    found = DATE_RE.search(text)
    if found is not None:
        d = match_to_date(found, None)
        if d.when is not None and d.certain:
            return d.when
    return numeric_date(text)
