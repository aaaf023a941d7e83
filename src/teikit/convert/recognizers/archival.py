"""Archival front and back matter: markings, numbers, stamps, distribution, handling.

These are the parts of a cable or file copy that belong to the document's life
in an archive rather than to its text: a classification, a copy number, a
registry stamp, who a cable went to, who deciphered and printed it. They are
recognized by the vocabulary archives use for them, which is general across
collections, never by any particular document's values.
"""

from __future__ import annotations

import re

NUMBER_SIGN = r"(?:№|N°|No\.|Nr\.|Nos?\b|#)"

CABLE_HEAD_RE = re.compile(
    rf"^(?:CIPHER(?:ED)?\s+)?(?:CABLE|TELEGRAM|RADIOGRAM|DISPATCH)\b(?:[^\n]*?{NUMBER_SIGN}\s*(?P<num>[\w/-]+))?",
)
_MARK = (
    r"TOP\s+SECRET|STRICTLY\s+SECRET|SECRET|CONFIDENTIAL|RESTRICTED|ESPECIALLY\s+IMPORTANT"
    r"|EYES\s+ONLY|FOR\s+OFFICIAL\s+USE\s+ONLY|URGENT|PERSONAL"
)
CLASSIFICATION_RE = re.compile(rf"^(?:{_MARK})(?:\s+(?:{_MARK}))*\b")
IDNO_RE = re.compile(rf"(?P<sign>{NUMBER_SIGN})\s*(?P<num>\d[\w/-]*)")
COPY_RE = re.compile(r"\bcopy\s*$", re.IGNORECASE)
FILE_NUMBER_RE = re.compile(r"(?<=file)\s+(\d{1,4}-\d{1,8})\b|(?<=File No\.)\s*(\d{1,4}-\d{1,8})\b")
#: A file number anywhere in a line (also after a prefix: ``Bufile``). Written without
#: ``\b\w*`` before ``file``, which matched the same places with backtracking over
#: every long word.
FILE_LINE_RE = re.compile(r"file\s+\d{1,4}-\d{1,8}\b", re.IGNORECASE)
DISTRIBUTION_RE = re.compile(
    r"^t?o\s+(?:Cde|Cdes|Comrade|Comrades|Mr|Ms|Mrs|Gen|General|Marshal|Ambassador)\b\.?"
)
FROM_RECEIVED_RE = re.compile(r"^from\b.*\breceived\b", re.IGNORECASE)
HANDLING_RE = re.compile(
    r"^(?:(?:Deciphered|Decoded|Decrypted|Enciphered|Encoded|Printed|Typed|Copied|Verified|Checked"
    r"|Dispatched|Transmitted|Registered|Sent)\b|\w+\s+copies\s+(?:printed|made|typed)\b)",
    re.IGNORECASE,
)
STAMP_OPEN_RE = re.compile(r"^\[\s*stamp\s*:", re.IGNORECASE)
SIGNATURE_NAME_RE = re.compile(
    r"^(?P<name>[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’\-]+){0,3})(?P<rest>\s+.*)?$"
)


#: A classification given as a sentence of a source note ("Secret; Nodis.", "Top Secret;
#: Sensitive; Eyes Only."): a marking, then caveats separated by semicolons, then a period.
#: "No classification marking." says there is none and is not matched.
_NOTE_MARK = (
    r"Top Secret|Secret|Confidential|Limited Official Use|Official Use Only|Unclassified"
    r"|Administratively Confidential|Restricted|Eyes Only"
)
SOURCE_NOTE_RE = re.compile(r"^Source:\s", re.IGNORECASE)
NOTE_CLASSIFICATION_RE = re.compile(
    rf"(?:(?<=^)|(?<=[.;]\s)|(?<=\]\s))(?:{_NOTE_MARK})"
    rf"(?:(?:[;,]|\s+and)\s*[\[A-Z][\w’'/&()\[\]\- ]{{0,40}}?)*\.",
    re.IGNORECASE,
)


def note_classification(text: str) -> tuple[int, int] | None:
    """Where a source note states the document's classification, if it does."""
    for m in NOTE_CLASSIFICATION_RE.finditer(text):
        if m.group()[:1].isupper():
            return m.start(), m.end()
    return None


def is_distribution_item(text: str) -> bool:
    return DISTRIBUTION_RE.match(text) is not None


def is_handling(text: str) -> bool:
    return HANDLING_RE.match(text) is not None


def is_file_line(text: str) -> bool:
    return FILE_LINE_RE.search(text) is not None


def idno_type_before(text_before: str, default: str) -> str:
    """The ``idno/@type`` of a number from the words just before it."""
    if COPY_RE.search(text_before):
        return "copy"
    return default
