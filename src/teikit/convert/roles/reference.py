"""References: a line that is only a number identifying the copy in a file or archive.

Record numbers (``104-10000-10001``), file numbers (``AB 100-20``,
``100-20-300``), cable numbers (``IN 10000``, ``CITE DIR 1000``) and form
numbers (``FD-36 (Rev. 5-22-64)``) stand alone on their lines in archival
copies. They are ``fw`` holding an ``idno``, never a heading or a paragraph.
A teletype's transmission line (:mod:`teikit.convert.recognizers.transmission`)
is read here too: it is forme work like them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.recognizers.transmission import SERIAL_LINE_RE, is_transmission_line
from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

#: (kind of number, pattern of the whole line), the first that matches names it.
REFERENCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("record", re.compile(r"^\d{3}-\d{5}-\d{5}\W{0,3}$")),
    (
        "form",
        re.compile(r"^(?:FD|SF|OF|Form|FORM)\s?-?\s?(?:No\.?\s*)?\d{1,4}[A-Z]?\b.{0,30}$"),
    ),
    (
        "cable",
        re.compile(
            r"^(?:IN|OUT)\s+\d{4,8}\b.{0,20}$|^CITE\s+[A-Z]{2,6}\s*[\d/ ]{2,9}$"
            r"|^.{0,24}\bPAGE\s+\d{3}\b.{0,24}\b(?:IN|OUT)\s+\d{5,8}\W{0,2}$"
        ),
    ),
    # a teletype's serial line: operator, serial, office, mode (``NR 004 SE PLAIN``)
    ("transmission", SERIAL_LINE_RE),
    (
        "file",
        re.compile(
            r"^(?:[A-Z]{2,4}\s+)?(?!(?:1[6-9]|20)\d\d-(?:1[6-9]|20)?\d\d$)"
            r"\d{2,4}-\d{2,8}(?:-\d{1,6})?(?:/\d{1,4})?(?:\s*-\s*\d{1,5})?$"
        ),
    ),
    # a dispatch's symbol, a message number as a cable's is: its station's four letters
    # and a serial (``ABCD-12345``)
    ("cable", re.compile(r"^[A-Z]{4}-\d{4,6}$")),
    # a despatch's or instruction's number alone at its head (``No. 123``)
    ("number", re.compile(r"^No\.\s?\d{1,5}$")),
)
#: Specks before a number on its line: punctuation, a stray letter or digit.
_LEAD_RE = re.compile(r"^(?:[^\w(]+|[a-z]\s+|\d\s+(?=\d))+")
_TRAIL_RE = re.compile(r"[^\w)]+$")


def core(text: str) -> str:
    """The line without the OCR specks around its number (``| : 100-300-12`` → ``100-300-12``)."""
    return _TRAIL_RE.sub("", _LEAD_RE.sub("", text))


def reference_kind(text: str) -> str | None:
    """What kind of number a line holding only a number is (or ``transmission``)."""
    if is_transmission_line(text):
        return "transmission"
    text = core(text)
    for kind, pattern in REFERENCES:
        if pattern.match(text):
            return kind
    return None


@role("reference")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    if is_transmission_line(line.text):
        # above a marking's score: ``URGENT`` in it is the sending's precedence
        return Score(0.9, "a teletype's transmission line (time, precedence, operator)")
    if line.words > 6:
        return NO
    kind = reference_kind(line.text)
    if kind is None or (kind == "number" and line.index >= 6):
        # a number sign further down is the text's (a registry line of a cable's foot)
        return NO
    return Score(0.75, f"a {kind} number alone on its line")
