"""Transmission lines: what a teletype or cable machine wrote about the sending.

A teletype copy carries, under its address lines, the line its operator or
machine typed when the message went out: the time (``11:20 PM CST``), the
precedence or mode (``URGENT``, ``NITEL``, ``PLAIN``), the date in figures
(``3-5-64``), the operator's initials (``JRB``), or the serial and sending
office (``NR 012 WA CODE``). It is forme work of the copy (``fw
type="transmission"``), not a heading or text of the message. It is read by
its vocabulary, which every teletype office shares, never by any message's
values.
"""

from __future__ import annotations

import re

#: A clock time (``11:20``, ``0930Z``, ``5:26PM``).
_TIME_RE = re.compile(r"^(?:\d{1,2}:\d{2}(?:[AP]\.?M\.?)?|\d{3,4}(?:Z|[AP]M))$", re.IGNORECASE)
#: The half of the day and the time zone, which say no more than the time.
_CLOCK_RE = re.compile(r"^(?:[AP]\.?M\.?|[ECMPA][SD]T|GMT|UTC|Z)$")
#: The other tokens of a transmission line, each a whole token.
_TOKEN_RE = re.compile(
    r"^(?:"
    r"URGENT|IMMEDIATE|PRIORITY|ROUTINE|FLASH|DEFERRED|NITEL|TELETYPE|TELETYPED|AIRTEL"
    r"|RADIOGRAM|PLAIN|CODE|CODED|ENCODED|CLEAR|CIPHER"  # precedence and mode
    r"|\d{1,2}[-/]\d{1,2}[-/]\d{2,4}|\d{1,2}-\d{4,5}"  # a date in figures (``11-29271``: OCR)
    r"|NR|NO\.?|\d{1,4}"  # a serial
    r")$"
)
#: Initials or an office's letters (``JRB``, ``WA``): capitals, two to four.
_LETTERS_RE = re.compile(r"^[A-Z]{2,4}$")
#: The serial line: operator or ``NR``, serial, office, mode (``NR 004 SE PLAIN``).
SERIAL_LINE_RE = re.compile(r"^[A-Z]{2}\s?\d{2,4}\s+[A-Z]{2,3}\s+(?:PLAIN|CODE|CLEAR)\b.{0,20}$")


def is_transmission_line(text: str) -> bool:
    """Whether a line is a teletype's transmission line.

    Either the serial line (``NR 012 WA CODE``), or a clock time with at least
    one more of the line's tokens (``11:20 PM CST URGENT 3-5-64 JRB``, ``5:26
    URGENT 11-29271``): every token a time, a zone, a precedence or mode, a date
    in figures, a serial, or (at most two) initials or office letters.
    """
    text = text.strip()
    if SERIAL_LINE_RE.match(text):
        return True
    tokens = text.replace(",", " ").split()
    if not 2 <= len(tokens) <= 10 or not any(_TIME_RE.match(t) for t in tokens):
        return False
    letters = 0
    said = 0  # tokens that say more than the time (its half of the day, its zone)
    for token in tokens:
        if _TIME_RE.match(token) or _CLOCK_RE.match(token):
            continue
        if _TOKEN_RE.match(token):
            said += 1
        elif _LETTERS_RE.match(token):
            letters += 1
        else:
            return False
    return letters <= 2 and said + letters >= 1
