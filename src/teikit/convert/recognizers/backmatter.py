"""Letters' and memoranda's back matter: distribution, enclosures, drafting lines.

Below the closer of a typed letter or memorandum the office adds lines that
are no part of the text: who gets copies (``cc: Jane Roe``, ``Distribution:``,
``Copies to``, or the agencies' ``1 - Mr. Roe`` copy lines), what goes with it
(``Enclosure``, ``Encl. 2``, ``Attachments:``, ``Report attached``) and who
drafted, cleared or typed it (``Drafted by: …``, ``Cleared: …``, the typist's
reference initials ``ABC:de``, an office path and drafter ``XY/ZZ/Ann Roe``).
An editor encodes each as a note of its kind after the closer, not as a
paragraph of the letter. These recognizers read one line; the assembly
(:mod:`teikit.convert.assemble.prose`) decides where the back matter starts.
"""

from __future__ import annotations

import re
from typing import Literal

BackMatterKind = Literal["distribution", "enclosure", "drafting"]

#: A distribution line: ``cc:``, ``bcc Ann Roe``, ``Copies to``, ``Distribution:``.
DISTRIBUTION_RE = re.compile(
    r"^(?:b?cc|c\.\s?c\.|xc)(?:\s*[:.\-–—/]|\s+(?=[A-Z]))"
    r"|^(?:copy|copies)\s+(?:to|for)\b"
    r"|^distribution\b(?:\s*(?:[:.\-–—]|$|list\b|for\b))",
    re.IGNORECASE,
)
#: An enclosure line: ``Enclosure``, ``Enclosures (2)``, ``Encl.``, ``Attachments:``.
ENCLOSURE_RE = re.compile(
    r"^(?:enclosures?|encls?\.?|enc\.|attachments?|atts?\.)(?=$|[\s:.;,(\-–—])",
    re.IGNORECASE,
)
#: ``Report attached``, ``PHOTOGRAPHS ENCLOSED``: a short line saying what goes with it.
ATTACHED_RE = re.compile(r"^(?:\S+\s+){0,3}(?:attached|enclosed)\.?$", re.IGNORECASE)
#: A drafting line: ``Drafted by:``, ``Cleared:``, ``Typed by``, ``Concurrence:``.
DRAFTING_RE = re.compile(
    r"^(?:drafted|typed|prepared|cleared|approved|concurrences?|coordinated)"
    r"(?:\s+(?:by|with|in))?\s*[:.\-–—]",
    re.IGNORECASE,
)
#: Reference initials of drafter and typist: ``ABC:de``, ``ABC/de``, ``ABC:de:fg``.
INITIALS_RE = re.compile(r"^[A-Z]{2,4}\s?[:/;]\s?[a-z]{2,4}(?:[:/][a-z]{2,4})?\b(?!\s+[a-z])")
#: An office path ending in the drafter's name: ``XY/ZZ/Ann Roe``, ``XY/ZZ/ARoe:de``.
OFFICE_DRAFTER_RE = re.compile(r"^[A-Z]{2,5}(?:/[A-Z0-9]{1,6})+/[A-Z][a-z]*\.?\s?[A-Z][a-z]+")
#: A copy line of an agency's distribution: ``1 - Mr. Roe``, ``Orig & 1 - Addressee``.
COPY_LINE_RE = re.compile(
    r"^(?:orig(?:inal)?\.?\s*(?:&|and)\s*)?\d{1,2}\s*[-–—]\s*(?=\S)", re.IGNORECASE
)
#: The longest line read as back matter: longer, it is prose that begins with such a word.
MAX_LINE = 90


def back_matter_kind(line: str) -> BackMatterKind | None:
    """The kind of back matter a line opens, or ``None``.

    >>> back_matter_kind("cc: Ann Roe, Office of Records")
    'distribution'
    >>> back_matter_kind("Enclosures (2)")
    'enclosure'
    >>> back_matter_kind("ABC:de")
    'drafting'
    >>> back_matter_kind("Attachments are a burden to every clerk in the office.") is None
    True
    """
    text = line.strip()
    if not text or len(text) > MAX_LINE:
        return None
    if DISTRIBUTION_RE.match(text):
        return "distribution"
    if ENCLOSURE_RE.match(text):
        # a sentence that begins with the word is prose (``Attachment A shows that …``)
        return "enclosure" if len(text.split()) <= 6 or ":" in text[:14] else None
    if ATTACHED_RE.match(text):
        return "enclosure"
    if DRAFTING_RE.match(text) or INITIALS_RE.match(text) or OFFICE_DRAFTER_RE.match(text):
        return "drafting"
    return None


def is_copy_line(line: str) -> bool:
    """A line of an agency's copy distribution (``1 - Mr. Roe``), short as such lines are."""
    text = line.strip()
    return len(text) <= 50 and COPY_LINE_RE.match(text) is not None


def opens_back_matter(lines: list[str]) -> BackMatterKind | None:
    """The kind of back matter a paragraph (its lines) opens, or ``None``.

    A paragraph opens back matter when its first line does, or when it is a
    block of two copy lines or more (``1 - Mr. Roe`` / ``1 - Files``) and
    nothing else.
    """
    if not lines:
        return None
    kind = back_matter_kind(lines[0])
    if kind is not None:
        return kind
    copies = sum(1 for ln in lines if is_copy_line(ln))
    if copies >= 2 and copies >= len(lines) - 1 and all(len(ln.strip()) <= 50 for ln in lines):
        return "distribution"
    return None
