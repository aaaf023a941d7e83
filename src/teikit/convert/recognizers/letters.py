"""Letters: address and salutation, closing formula and signature, points.

Letters open and close with formulas every letter-writer shares (``Dear
comrades,`` ``Dear Mr. Secretary:`` in the American business style, ``With
fraternal greetings,`` ``Comradely yours,``); an address
starts with ``To``; numbered points start ``1)`` or ``1.`` (headings are read
by the role stage, :mod:`teikit.convert.roles.heading`).
"""

from __future__ import annotations

import re

SALUTE_RE = re.compile(
    r"^(?P<salute>(?:(?:My\s+)?Dear\.?|Respected|Esteemed|Honou?red)\s+[^,!:\n]{1,60}"
    r"(?:[,!]|:(?=\s|$))"
    r"|(?:Cde\.|Comrade|Comrades|Cdes\.)\s*[^,!.\n]{0,40}!"
    r"|(?:Sir|Madam|Gentlemen|Mesdames)\s*[:,](?=\s*$))"
)
CLOSING_SALUTE_RE = re.compile(
    r"^(?:With\s+(?:\w+\s+){0,3}(?:greetings|regards|respect|wishes|love)"
    r"|(?:Yours|Comradely|Fraternally|Sincerely|Faithfully|Respectfully|Cordially"
    r"|Affectionately|Gratefully)\b[^,\n]{0,30}"
    # ``Your affectionate sister``, ``Your obedient servant``, ``Very truly yours``
    r"|Your\s+(?:most\s+|very\s+)?(?:affectionate|obedient|humble|devoted|loving|faithful"
    r"|sincere|grateful|true|dutiful)\b[^,\n]{0,30}"
    r"|(?:Very\s+)?(?:truly|sincerely|cordially|faithfully|respectfully)\s+yours\b[^,\n]{0,20}"
    r"|(?:Best|Kind|Warm|Warmest)\s+(?:regards|wishes)|Regards)"
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


def salute_at(text: str) -> int:
    """Length of a salutation opening ``text`` (0 when there is none)."""
    m = SALUTE_RE.match(text)
    return m.end("salute") if m else 0


def is_closing_salute(text: str) -> bool:
    return CLOSING_SALUTE_RE.match(text.strip()) is not None


def is_signature_placeholder(text: str) -> bool:
    """Whether a line only says that a signature stands here (``[signature]``, ``/s/``)."""
    return SIGNATURE_PLACEHOLDER_RE.match(text.strip()) is not None


#: ``To`` and a verb: a purpose stated (``To make an evaluation of …``), not an addressee.
_INFINITIVE_RE = re.compile(
    r"^[Tt]o\s+(?!(?:the|all|each|every|a|an|my|our|his|her|their|your|whom|whomsoever)\b)"
    r"[a-z]+\s+[a-z]"
)


def is_address(text: str) -> bool:
    """Whether a line addresses the letter (``To the Minister``, ``TO: Director``)."""
    return (
        ADDRESS_RE.match(text) is not None
        and len(text.split()) <= 16
        and _INFINITIVE_RE.match(text) is None
    )


def numbered(text: str) -> str | None:
    m = NUMBERED_RE.match(text)
    return m.group("n") if m else None
