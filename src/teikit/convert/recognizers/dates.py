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
    rf"(?:(?P<t>(?:[01]\d|2[0-3])[0-5]\d)\s+)?(?P<d1>[0-3]?\d)\s+(?P<m1>{_M})(?:,?\s+(?P<y1>\d{{4}}))?"
    rf"|(?P<m2>{_M})\s+(?P<d2>[0-3]?\d)(?:,\s*(?P<y2>\d{{4}}))?"
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
