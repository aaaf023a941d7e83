"""Letters: address and salutation, closing formula and signature, headings, points.

Letters open and close with formulas every letter-writer shares (``Dear
comrades,`` ``With fraternal greetings,`` ``Comradely yours,``); an address
starts with ``To``; headings are short lines that close no sentence and are
followed by a capitalized paragraph; numbered points start ``1)`` or ``1.``.
"""

from __future__ import annotations

import re

SALUTE_RE = re.compile(
    r"^(?P<salute>(?:(?:My\s+)?Dear|Respected|Esteemed|Honou?red)\s+[^,!\n]{1,60}[,!]"
    r"|(?:Cde\.|Comrade|Comrades|Cdes\.)\s*[^,!.\n]{0,40}!"
    r"|(?:Sir|Madam|Gentlemen|Mesdames)\s*[:,](?=\s*$))"
)
CLOSING_SALUTE_RE = re.compile(
    r"^(?:With\s+(?:\w+\s+){0,3}(?:greetings|regards|respect|wishes)"
    r"|(?:Yours|Comradely|Fraternally|Sincerely|Faithfully|Respectfully|Cordially)\b[^,\n]{0,30})"
    r"\s*[,.!]?$",
    re.IGNORECASE,
)
ADDRESS_RE = re.compile(r"^to\b", re.IGNORECASE)
#: Where a copy shows that it was signed without the signature's words: ``[signature]``,
#: ``[illegible signature]``, ``/s/``.
SIGNATURE_PLACEHOLDER_RE = re.compile(
    r"^(?:\[\s*(?:(?:illegible|unreadable|handwritten)\s+)?signature(?:\s+illegible)?\s*\]|/s/)$",
    re.IGNORECASE,
)
NUMBERED_RE = re.compile(r"^(?P<n>\d{1,2})[.)]\s+(?=\S)")
_TERMINAL = frozenset(".,;:!?")

HEADING_MAX_WORDS = 14
HEADING_MAX_LINE = 60


def salute_at(text: str) -> int:
    """Length of a salutation opening ``text`` (0 when there is none)."""
    m = SALUTE_RE.match(text)
    return m.end("salute") if m else 0


def is_closing_salute(text: str) -> bool:
    return CLOSING_SALUTE_RE.match(text.strip()) is not None


def is_signature_placeholder(text: str) -> bool:
    """Whether a line only says that a signature stands here (``[signature]``, ``/s/``)."""
    return SIGNATURE_PLACEHOLDER_RE.match(text.strip()) is not None


def is_address(text: str) -> bool:
    return ADDRESS_RE.match(text) is not None and len(text.split()) <= 16


def looks_like_heading(lines: list[str]) -> bool:
    """A short text that closes no sentence: one or two short lines."""
    if not lines or len(lines) > 3:
        return False
    text = " ".join(lines).strip()
    words = text.split()
    return (
        0 < len(words) <= HEADING_MAX_WORDS
        and text[-1] not in _TERMINAL
        and not text[0].isdigit()
        and text[0].isupper()
    )


def heading_prefix(lines: list[str]) -> int:
    """How many leading lines of a block form a heading run into a paragraph.

    The heading ends at a short line (at most ``HEADING_MAX_LINE`` characters,
    within the first three lines) that closes no sentence and is followed by a
    capitalized line; 0 when the block does not start with such a heading.
    """
    for i, line in enumerate(lines[:3]):
        if i + 1 >= len(lines):
            return 0
        nxt = lines[i + 1]
        if (
            len(line) <= HEADING_MAX_LINE
            and line[-1] not in _TERMINAL
            and nxt[:1].isupper()
            and lines[0][:1].isupper()
        ):
            return i + 1 if looks_like_heading(lines[: i + 1]) else 0
    return 0


def numbered(text: str) -> str | None:
    m = NUMBERED_RE.match(text)
    return m.group("n") if m else None
