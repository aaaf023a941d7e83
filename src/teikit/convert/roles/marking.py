"""Markings: classification levels, caveats, precedence and routing words on a line alone.

``SECRET``, ``TOP SECRET EYES ONLY``, ``CONFIDENTIAL - NOFORN``, ``SECRET
PRIORITY``, ``URGENT``: a line made only of such words is the copy's
marking, encoded as a ``stamp``, never as a heading or a paragraph. OCR garbles
them (``SECRFT``, ``5ECRET``, ``S E C R E T``), so a word one letter off a
marking word still counts when the rest of the line is markings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

#: Words that on their own mark a copy: classification levels and national caveats.
LEVELS = frozenset(
    [
        "SECRET",
        "CONFIDENTIAL",
        "UNCLASSIFIED",
        "RESTRICTED",
        "TOP",
        "MOST",
        "STRICTLY",
        "NOFORN",
        "NODIS",
        "EXDIS",
        "LIMDIS",
        "ORCON",
        "NOCONTRACT",
        "WNINTEL",
        "RYBAT",
        "SENSITIVE",
        "EYES",
        "ONLY",
        "PERSONAL",
        "OFFICIAL",
        "USE",
        "LIMITED",
        "CLASSIFIED",
        "UNCLASSIFIED",
        "FOR",
        "NOT",
        "RELEASABLE",
        "FOREIGN",
        "NATIONALS",
        "DISSEM",
        "CONTROLLED",
        "AND",
        "DISTRIBUTION",
        "ADMINISTRATIVE",
        "INTERNAL",
    ]
)
#: Precedence and handling words of cables and teletypes.
PRECEDENCE = frozenset(
    [
        "URGENT",
        "PRIORITY",
        "ROUTINE",
        "IMMEDIATE",
        "FLASH",
        "NIACT",
        "OPERATIONAL",
        "DEFERRED",
        "PLAINTEXT",
        "CODE",
        "CIPHER",
        "ENCIPHERED",
    ]
)
#: The words that must appear for a line to be a marking at all.
CORE = frozenset(
    [
        "SECRET",
        "CONFIDENTIAL",
        "UNCLASSIFIED",
        "RESTRICTED",
        "NOFORN",
        "NODIS",
        "EXDIS",
        "LIMDIS",
        "URGENT",
        "PRIORITY",
        "ROUTINE",
        "IMMEDIATE",
        "FLASH",
        "NIACT",
    ]
)
#: Handling caveats and message-form titles written as phrases, in any case.
CAVEAT_RE = re.compile(
    r"^\W*(?:LIMITED\s+OFFICIAL\s+USE|(?:FOR\s+)?OFFICIAL\s+USE\s+ONLY|EYES\s+ONLY"
    r"|NO\s+FOREIGN\s+DISSEM\w*|NOT\s+RELEASABLE\b.*|NATIONAL\s+SECURITY\s+INFORMATION"
    r"|REPRODUCTION\s+BY\s+OTHER\s+THAN\b.*|RETURN\s+TO\s+[A-Z]{2,5}|BACKGROUND\s+USE\s+ONLY"
    r"|DO\s+NOT\s+REPRODUCE|CLASSIFIED\s+MESSAGE|DECODED\s+COPY|PLAIN\s*TEXT"
    r"|AIRTEL|TELETYPE|NITEL|RADIOGRAM)\W*$",
    re.IGNORECASE,
)
#: Words that make a marking a classification (a ``stamp``), not only handling.
CLASSIFICATION_WORDS = frozenset(
    ["SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "RESTRICTED", "NOFORN", "LIMITED", "OFFICIAL"]
)
_TOKEN_RE = re.compile(r"[A-Za-z0-9]+")
_SPACED_RE = re.compile(r"^(?:[A-Z0-9][\s.\-]){3,}[A-Z0-9]$")


def _near(word: str, vocabulary: frozenset[str]) -> str | None:
    """The vocabulary word ``word`` is, or is one OCR slip away from (same length, one letter)."""
    w = word.upper().replace("0", "O").replace("5", "S").replace("1", "I")
    if w in vocabulary:
        return w
    if len(w) < 6:
        return None
    for v in vocabulary:
        if len(v) == len(w) and sum(a != b for a, b in zip(v, w, strict=True)) == 1:
            return v
    return None


def marking_words(text: str) -> list[str] | None:
    """The marking words of a line made only of them (and separators), else ``None``."""
    if _SPACED_RE.match(text.strip()):
        # letter-spaced for emphasis: S E C R E T, C-O-N-F-I-D-E-N-T-I-A-L
        text = re.sub(r"[\s.\-]", "", text)
    tokens = _TOKEN_RE.findall(text)
    if not tokens or len(tokens) > 8:
        return None
    found: list[str] = []
    for tok in tokens:
        if tok.isdigit() and len(tok) <= 3:
            continue  # a copy number or page beside the marking
        hit = _near(tok, LEVELS | PRECEDENCE)
        if hit is None:
            return None
        found.append(hit)
    if not any(w in CORE for w in found):
        return None
    return found


def is_classification(text: str) -> bool:
    """Whether a marking states a classification (then it is a ``stamp``)."""
    words = marking_words(text) or [w.upper() for w in _TOKEN_RE.findall(text)]
    if any(w in CLASSIFICATION_WORDS for w in words):
        return True
    letters = re.sub(r"[^A-Z]", "", text.upper().replace("0", "O"))
    return any(level in letters for level in ("SECRET", "CONFIDENTIAL", "RESTRICTED"))


@role("marking")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    text = line.text
    if line.words <= 10 and CAVEAT_RE.match(text):
        return Score(0.85, "a handling caveat or message form's title on its own line")
    if not text[:1].isalpha() and text[:1] not in "([":
        return NO
    words = marking_words(text.strip("()[]-–—* "))
    if words is None:
        return NO
    exact = all(w in text.upper() for w in words)
    if line.upper_ratio < 0.8:
        # "Secret" as a sentence of a source note is a word of the text
        return Score(0.55, "a line of marking words, not in capitals") if len(words) > 1 else NO
    return Score(
        0.95 if exact else 0.8,
        f"a line of marking words only ({' '.join(words)})"
        + ("" if exact else ", read through an OCR slip"),
    )
