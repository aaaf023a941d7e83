"""Letters: address and salutation, closing formula and signature, points.

Letters open and close with formulas every letter-writer shares (``Dear
comrades,`` ``Dear Mr. Secretary:`` in the American business style, ``With
fraternal greetings,`` ``Comradely yours,``); an address
starts with ``To``; numbered points start ``1)`` or ``1.`` (headings are read
by the role stage, :mod:`teikit.convert.roles.heading`).
"""

from __future__ import annotations

import re

from teikit.convert.recognizers.dates import MONTHS

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


#: A word naming an institution, as a letterhead prints it (``Department of State``,
#: ``CENTRAL INTELLIGENCE AGENCY``, ``UNITED STATES SENATE``).
_INSTITUTION_RE = re.compile(
    r"\b(?:department|agency|embassy|legation|consulate|ministry|office|bureau|committee"
    r"|commission|council|senate|congress|house|university|institute|foundation|association"
    r"|corporation|company|library|archives|service|secretariat|headquarters)\b",
    re.IGNORECASE,
)
#: A line of a postal address: a post box, a street number, a postal code, ``D.C.``.
_POSTAL_RE = re.compile(
    r"\b(?:P\.?\s?O\.?\s+Box|Box\s+\d|D\.\s?C\.|\d{5}(?:-\d{4})?$)|^\d{1,5}\s+[A-Z][a-z]+\s",
    re.IGNORECASE,
)
#: How an addressee's name opens an inside address (``Mr. Ivo Lind``, ``The Honorable``).
_HONORIFIC_RE = re.compile(
    r"^(?:The\s+)?(?:Mr|Mrs|Ms|Miss|Dr|Prof|Professor|Hon|Honou?rable|Sir|Dame|Lord|Lady"
    r"|General|Gen|Admiral|Adm|Colonel|Col|Captain|Capt|Ambassador|Senator|Governor"
    r"|Judge|Reverend|Rev|His\s+Excellency|Her\s+Excellency)\b\.?\s",
    re.IGNORECASE,
)
#: A title line names a document (``Letter From … to …``), not an institution or a person.
_TITLE_RE = re.compile(
    r"^(?:letter|memorandum|telegram|message|note|instruction|despatch|dispatch|airgram"
    r"|minutes|record|report|paper|editorial)\b|\bfrom\b.*\bto\b",
    re.IGNORECASE,
)
_DATE_WORDS_RE = re.compile(r"\b(?:19|20|18)\d\d\b|\b(?:" + "|".join(MONTHS) + r")\b")


def _short_block(lines: list[str], *, most: int, words: int) -> bool:
    """A block of at most ``most`` short lines, none closing a sentence or naming a document."""
    if not 1 <= len(lines) <= most:
        return False
    for text in lines:
        t = text.strip()
        if not t or len(t) > 60 or len(t.split()) > words:
            return False
        if t.endswith((":", ";", "?", "!")) or re.search(r"[a-z]{3,}\.$", t):
            return False
    joined = " ".join(lines)
    return _TITLE_RE.search(joined) is None and _DATE_WORDS_RE.search(joined) is None


def is_letterhead(lines: list[str]) -> bool:
    """Whether a block above a letter's dateline is its letterhead.

    A letterhead names the writer's institution and may add its postal address
    (``CENTRAL INTELLIGENCE AGENCY`` / ``WASHINGTON, D.C. 20505``): one to four
    short lines, no date, no sentence, the first naming an institution or the
    last a postal address (a heading line set apart above it). Where it stands
    (above the dateline and the inside address) is the caller's to check.
    """
    return _short_block(lines, most=4, words=8) and (
        _INSTITUTION_RE.search(lines[0]) is not None or is_postal(lines[-1])
    )


def is_inside_address(lines: list[str]) -> bool:
    """Whether a block directly above a salutation is the addressee's (inside) address.

    The addressee's name opens it (``Mr. Ivo Lind``, ``The Honorable Ann Roe``), or
    it runs over three lines or more (name, office, institution, place), or two
    ending in a postal line, the first naming no institution (then it is a
    letterhead). Short lines, no date, no
    sentence; where it stands is the caller's to check.
    """
    if not _short_block(lines, most=8, words=10):
        return False
    if _HONORIFIC_RE.match(lines[0].strip()):
        return True
    if _INSTITUTION_RE.search(lines[0]) is not None:
        return False
    return len(lines) >= 3 or (len(lines) == 2 and is_postal(lines[-1]))


def is_postal(text: str) -> bool:
    """Whether a line reads as part of a postal address (a box, a street, a postal code)."""
    return _POSTAL_RE.search(text) is not None


#: The place before a dateline's date: up to three capitalized words and a comma.
DATELINE_PLACE_RE = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2}(?=,\s)")


def dateline_place(text: str) -> int:
    """Length of the place opening a dateline (``Washington`` in ``Washington, May 2, 1960``).

    0 when the line opens with a date or a month (``March 2, 1864``) rather than a place.
    """
    m = DATELINE_PLACE_RE.match(text)
    if m is None or _DATE_WORDS_RE.search(m.group()) or any(ch.isdigit() for ch in m.group()):
        return 0
    return m.end()
