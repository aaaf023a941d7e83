"""A signature block ending a text: the signer's name on a line, then the signer's office.

Memoranda, minutes, reports and letters end with the signer's typed name and,
under it, the office the signer held::

    R. M. Holt
    Deputy Director (Plans)

A name alone in capitals is recognized elsewhere (the signature role); this
recognizer reads the block a name in mixed case makes with its office, and the
name set after a signature mark (``/s/``). What makes it one is the form of
both parts together: a person's name (capitalized words and initials, nothing
in lower case, no sentence punctuation) over a short line naming an office
(``Secretary``, ``Chief, Western Division``). A name alone in mixed case is
not enough: a two-word title (``Next Steps``) has the same form.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.recognizers.speakers import TITLES

if TYPE_CHECKING:
    from collections.abc import Sequence

#: A signature mark before the typed name (``/s/``, ``(Signed)``, ``s/``).
_MARK = r"(?:/s/|s/|\(s\)|\((?:S|s)igned\)|(?:S|s)igned:?)\s*"
_NAME_WORD = r"(?:Mc|Mac|O['’])?[A-Z][a-zà-ÿ'’-]+|[A-Z]{2,}(?:['’-][A-Z]+)?|[A-Z]\.(?:\s?[A-Z]\.)*"
_MARK_ALONE_RE = re.compile(rf"^{_MARK}$")
_MARK_RE = re.compile(_MARK)
_HONORIFIC = r"(?:Mr|Mrs|Ms|Dr|Miss|Gen|Col|Adm|Maj|Capt|Lt|Amb|Sen)\.?\s+"
_SUFFIX = r"(?:,?\s+(?:Jr\.|Sr\.|II|III|IV))?"
#: A person's typed name: two to five capitalized words or initials, nothing else.
NAME_LINE_RE = re.compile(
    rf"^(?:{_MARK})?(?:{_HONORIFIC})?(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{1,4}}{_SUFFIX}$"
)
#: A name after a signature mark may be one word (``/s/ Holt``).
_MARKED_NAME_RE = re.compile(rf"^{_MARK}(?:{_NAME_WORD})(?:\s+(?:{_NAME_WORD})){{0,4}}{_SUFFIX}$")
#: Words of offices beyond the titles a speaker bears (``Director``, ``Ambassador``).
OFFICE_WORDS = TITLES | frozenset(
    (
        "secretary",
        "assistant",
        "deputy",
        "chief",
        "head",
        "officer",
        "agent",
        "counsel",
        "counselor",
        "counsellor",
        "consul",
        "attaché",
        "attache",
        "clerk",
        "administrator",
        "commissioner",
        "coordinator",
        "adviser",
        "advisor",
        "representative",
        "executive",
        "manager",
        "inspector",
        "superintendent",
        "treasurer",
        "registrar",
        "librarian",
        "archivist",
        "editor",
        "chair",
        "vice",
        "acting",
        "special",
        "staff",
        "undersecretary",
        "under",
        "envoy",
        "delegate",
        "member",
    )
)
_WORD_RE = re.compile(r"[^\W\d_]+")
#: The most lines a signature block holds (the name and three lines of office).
MAX_LINES = 4
#: The most words an office line holds.
MAX_OFFICE_WORDS = 8


def is_office_line(text: str) -> bool:
    """Whether a line names an office (``Deputy Director (Plans)``, ``Chief, Europe Division``).

    Short, opening with a capital, not a sentence (no closing period), and with
    a word of an office in it.
    """
    text = text.strip()
    if not text or not text[0].isupper() or len(text.split()) > MAX_OFFICE_WORDS:
        return False
    if text.endswith((".", ":", ";", "?", "!")) and not text.endswith(("Jr.", "Sr.")):
        return False
    return any(w.lower() in OFFICE_WORDS for w in _WORD_RE.findall(text))


def is_name_line(text: str) -> bool:
    """Whether a line is a person's typed name, alone (maybe after a signature mark)."""
    text = " ".join(text.split())
    return NAME_LINE_RE.match(text) is not None or _MARKED_NAME_RE.match(text) is not None


def signature_block(lines: Sequence[str]) -> bool:
    """Whether a paragraph's lines are a signature block: a name, then its office.

    The name's line comes first (after a line holding only a signature mark,
    when the mark stands alone); the lines after it name the office. A name
    with no office counts only after a signature mark (``/s/ Anna Holt``): in
    mixed case and alone, a name and a short title look alike.
    """
    texts = [" ".join(t.split()) for t in lines if t.strip()]
    marked = bool(texts) and _MARK_ALONE_RE.match(texts[0]) is not None
    if marked:
        texts = texts[1:]
    if not texts or len(texts) > MAX_LINES or not is_name_line(texts[0]):
        return False
    marked = marked or _MARK_RE.match(texts[0]) is not None
    if marked and len(texts) > 1 and NAME_LINE_RE.match(texts[1]) and not is_office_line(texts[1]):
        texts = texts[1:]  # the name typed again under the signed one
    name, offices = texts[0], texts[1:]
    if not offices:
        return marked
    if {w.lower() for w in _WORD_RE.findall(name)} & (OFFICE_WORDS - TITLES):
        return False  # ``Assistant Secretary`` over a line is an office, not a name
    # the office, then maybe the body it belongs to (``Commanding General`` / ``Third Army``)
    return is_office_line(offices[0]) and all(_short_line(t) for t in offices[1:])


def _short_line(text: str) -> bool:
    """A short line opening with a capital that ends no sentence (an office's body)."""
    return (
        text[:1].isupper()
        and len(text.split()) <= MAX_OFFICE_WORDS
        and not text.endswith((".", ":", ";", "?", "!"))
    )
