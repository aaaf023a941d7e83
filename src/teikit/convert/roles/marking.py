"""Markings: classification levels, caveats, precedence and routing words on a line alone.

``SECRET``, ``TOP SECRET EYES ONLY``, ``CONFIDENTIAL - NOFORN``, ``SECRET
PRIORITY``, ``URGENT``, ``RETURN TO CIA``, ``DO NOT REPRODUCE``: a line made
only of such words is the copy's marking, encoded as a ``stamp`` (a
classification) or a ``fw`` (handling), never as a heading or a paragraph.

An OCR copy garbles them in three ways, each read through here:

* the words themselves (``SECRFT``, ``5ECRET``, ``SECRE``, ``PROHISITEO``): a
  word one edit off a marking word (two for long ones) still counts when the
  rest of the line is markings;
* spacing (``S E C R E T``, ``C-O-N-F-I-D-E-N-T-I-A-L``);
* specks at the line's ends (``oS RETURN TO CIA``, ``. (— SECRET , ¢``): short
  fragments that are no word are left out before the line is read.

A marking may carry a number (``SECRET 201-100000``), a cable's date-time group
(``SECRET 121530Z MAR 95``) or a copy number; the line is still a marking.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import TYPE_CHECKING

from teikit.convert.recognizers.transmission import is_transmission_line
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
        "UK",
        "US",
        "USA",
        "CANADIAN",
        "AUSTRALIAN",
        "NATO",
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
        "STAFF",
    ]
)
#: The words that must appear for a line of marking words to be a marking at all.
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
#: Handling caveats, review stamps and message-form titles, as phrases of words (read
#: in capitals, one word per space). Each is a marking on a line of its own, with
#: marking words, a number or a copy number beside it.
PHRASES = (
    r"LIMITED OFFICIAL USE",
    r"(?:FOR )?OFFICIAL USE ONLY",
    r"FOR (?:THE )?[A-Z]+ (?:EYES )?ONLY",
    r"EYES ONLY",
    r"NO FOREIGN DISSEM[A-Z]*",
    r"NOT RELEASABLE(?: TO [A-Z ]+)?",
    # ``CONFIDENTIAL - SECURITY INFORMATION``: the caveat of 1951–53 American copies
    r"(?:NATIONAL )?SECURITY INFORMATION",
    r"REPRODUCTION BY OTHER THAN (?:T[A-Z]{0,2} )?ISSUING OFFICE [I1]S PROHIBITED",
    r"(?:[A-Z]+ ){0,5}PROHIBITED UNLESS UNCLASSIFIED",
    r"BUY U\.?S\.? SAVINGS BONDS(?: [A-Z.]+)*",
    r"RETURN TO(?: [A-Z]{1,5})?",
    r"BACKGROUND USE ONLY",
    # a congressional committee's caveat on its staff's papers, at each page's head or foot
    r"COMMITTEE (?:SENSITIVE|CONFIDENTIAL)",
    r"DO NOT (?:REPRODUCE|DESTROY|DETACH)",
    r"CROSS FILE COPY(?: FOR)?",
    r"MARKED FOR INDEXING",
    r"NO INDEXING REQUIRED",
    r"(?:[A-Z]+ ){0,2}(?:HAS )?NO (?:[A-Z]+ ){0,2}OBJECTION(?: TO)?(?: DECLASSIFICATION| RELEASE)?",
    r"CLASSIFIED MESSAGE",
    r"DECODED COPY",
    r"PLAIN ?TEXT",
    r"END OF (?:MESSAGE|DISPATCH|TELEGRAM|CABLE|TEXT|DOCUMENT)",
    r"COVER PAGE",
    # a press release's release instruction: when the text may be published, not a title
    r"FOR IMMEDIATE RELEASE",
    r"AIRTEL",
    r"TELETYPE",
    r"NITEL",
    r"RADIOGRAM",
)
_PHRASE_RE = re.compile(rf"\b(?:{'|'.join(PHRASES)})\b")
#: The words of the phrases, for reading OCR slips in them.
PHRASE_WORDS = frozenset(
    w for p in PHRASES for w in re.findall(r"[A-Z]{4,}", p) if not w.startswith("DISSEM")
)
#: A declassification or classification-authority line (``CL BY: 0716497``,
#: ``DECL ON: X1``, ``CLASSIFIED BY ...``, ``DECLASSIFY ON ...``).
AUTHORITY_RE = re.compile(
    r"^\W*(?:\d{1,2}\W+)?(?:CL\s+BY|CL\s+REASON|DECL\s+ON|DRV\s+FROM|CLASSIFIED\s+BY"
    r"|DECLASSIFY\s+ON|DERIVED\s+FROM|REASON\s+1\.\d)\s*[:.]",
)
#: The same without a colon, as released copies stamp it (``CLASSIFIED BY 5668 SLD/KSR``,
#: ``DECLASSIFIED BY 60324 ON 5/1/98``): an authority or a date follows, so a digit does.
_AUTHORITY_BARE_RE = re.compile(
    r"^\W*(?:CLASSIFIED|DECLASSIFIED|DOWNGRADED|RECLASSIFIED)\s+(?:BY|ON|PER)\s+\S*\d"
)
#: An executive order's section cited alone on a line, under a declassification stamp
#: (``E.O. 12958, Sec. 1.5(c)``, ``EO 13526 SEC 3.3(b)(1)``); in prose the order is a
#: sentence's word and more words follow.
_ORDER_LINE_RE = re.compile(
    r"^\W*E\.?\s?O\.?\s*1\d{4}\s*(?:,?\s*(?:Sec(?:tion)?\.?|SEC\.?|§)\s*[\d.]+"
    r"(?:\s*\(\w{1,3}\))*)*[\s.,;]*$"
)
#: An authority line has at most this many words (a sentence in capitals has more).
AUTHORITY_MAX_WORDS = 8


def authority_line(text: str) -> bool:
    """Whether a line is a classification authority or declassification stamp.

    ``CL BY: 0716497``, ``DECL ON: X1``, ``CLASSIFIED BY 5668 SLD/KSR``, ``DECLASSIFIED
    BY 60324 ON 5/1/98``, ``E.O. 12958, Sec. 1.5(c)``: the archive's and the
    reviewers' record of the document's classification, not its text.
    """
    if AUTHORITY_RE.match(text) or _ORDER_LINE_RE.match(text):
        return True
    return _AUTHORITY_BARE_RE.match(text) is not None and len(text.split()) <= AUTHORITY_MAX_WORDS


#: A labelled marking in a message head (``SLUGS: WNINTEL RYBAT``).
LABELLED_RE = re.compile(r"^\W*(?:SLUGS?|CAVEATS?|HANDLING)\s*:\s*", re.IGNORECASE)
#: Words that make a marking a classification (a ``stamp``), not only handling.
CLASSIFICATION_WORDS = frozenset(
    ["SECRET", "CONFIDENTIAL", "UNCLASSIFIED", "RESTRICTED", "NOFORN", "LIMITED", "OFFICIAL"]
)
#: A word, a number (``201-118406``, ``5:26``) or a code, as one token.
_TOKEN_RE = re.compile(r"[A-Za-z0-9]+(?:[-/:.,][A-Za-z0-9]+)*")
_NUMBER_RE = re.compile(r"^\d[\d\-/:.,]*$")
#: A cable's date-time group, with its month and year (``121530Z MAR 95``).
_DTG_RE = re.compile(r"\b\d{6}Z(?:\s+[A-Z]{3}\s+\d{2,4})?\b")
_SPACED_RE = re.compile(r"^(?:[A-Z0-9][\s.\-]){3,}[A-Z0-9]$")
_SPECK_CASE_RE = re.compile(r"^[a-z]+[A-Z]|^[a-z]{1,3}$")
#: Short words of the phrases, which are no specks (``Do Not Reproduce``).
_SHORT_WORDS = frozenset(["DO", "NO", "TO", "BY", "IS", "OF", "FOR", "NOT", "USE", "THE"])
_OCR_DIGITS = str.maketrans("0581", "OSBI")
_MARK_WORDS = LEVELS | PRECEDENCE
_ALL_WORDS = LEVELS | PRECEDENCE | PHRASE_WORDS


def _edits(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of ``a`` and ``b``, or ``limit + 1`` once it is past ``limit``."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


@lru_cache(maxsize=4096)
def _near_in(word: str, vocabulary: frozenset[str]) -> str | None:
    w = word.upper()
    if w in vocabulary:
        return w
    if not w.isalpha():
        w = w.translate(_OCR_DIGITS)
        if w in vocabulary:
            return w
        if not w.isalpha():
            return None
    if len(w) < 5:
        return None
    for v in sorted(vocabulary):
        if len(v) >= 6 and _edits(w, v, 2 if len(v) >= 9 else 1) <= (2 if len(v) >= 9 else 1):
            return v
    return None


def _near(word: str, vocabulary: frozenset[str]) -> str | None:
    """The vocabulary word ``word`` is, or is an OCR slip of (one edit; two in long words)."""
    return _near_in(word, vocabulary)


def _speck(token: str) -> bool:
    """A fragment an OCR made of a smudge at a line's end (``oS``, ``zy``, ``7``, ``ofS``)."""
    if (_NUMBER_RE.match(token) and len(token) > 2) or token.upper() in _SHORT_WORDS:
        return False
    return (len(token) <= 2 and not token.isupper()) or bool(_SPECK_CASE_RE.match(token))


def core_tokens(text: str) -> list[str]:
    """The line's tokens, without the OCR specks at its ends."""
    stripped = text.strip()
    if _SPACED_RE.match(stripped):
        # letter-spaced for emphasis: S E C R E T, C-O-N-F-I-D-E-N-T-I-A-L
        stripped = re.sub(r"[\s.\-]", "", stripped)
    tokens = _TOKEN_RE.findall(_DTG_RE.sub(" ", stripped))
    start, end = 0, len(tokens)
    while start < end and _speck(tokens[start]):
        start += 1
    while end > start and _speck(tokens[end - 1]):
        end -= 1
    return tokens[start:end]


def _level_words(tokens: list[str]) -> list[str] | None:
    found: list[str] = []
    for tok in tokens:
        if _NUMBER_RE.match(tok):
            continue  # a copy number, a file number, a time beside the marking
        hit = _near(tok, _MARK_WORDS)
        if hit is None:
            return None
        found.append(hit)
    return found


def marking_words(text: str) -> list[str] | None:
    """The marking words of a line made only of them (and numbers), else ``None``."""
    tokens = core_tokens(text)
    if not tokens or len(tokens) > 10:
        return None
    found = _level_words(tokens)
    if not found or not any(w in CORE for w in found):
        return None
    if sum(1 for t in tokens if _NUMBER_RE.match(t)) > 3:
        return None
    return found


@dataclass(frozen=True)
class Reading:
    """What a marking line says: its marking words and phrases, and whether read exactly."""

    words: tuple[str, ...]
    phrases: tuple[str, ...]
    exact: bool
    caps: bool  #: written in capitals (a word of a sentence is not)


def read_marking(text: str) -> Reading | None:
    """A line read as a marking: levels, caveats and handling phrases only, else ``None``."""
    label = LABELLED_RE.match(text)
    body = text[label.end() :] if label else text
    tokens = core_tokens(body)
    if not tokens or len(tokens) > 16:
        return None
    letters = [c for t in tokens for c in t if c.isalpha()]
    caps = bool(letters) and sum(c.isupper() for c in letters) >= 0.8 * len(letters)
    words = [t for t in tokens if not _NUMBER_RE.match(t)]
    if sum(1 for t in tokens if _NUMBER_RE.match(t)) > 3:
        return None
    normal = [_near(t, _ALL_WORDS) or t.upper() for t in words]
    exact = all(n == t.upper() for n, t in zip(normal, words, strict=True))
    joined = " ".join(normal)
    phrases = tuple(m.group() for m in _PHRASE_RE.finditer(joined))
    rest = _PHRASE_RE.sub(" ", joined).split()
    if phrases:
        # the copy number's label printed beside a caveat (``PROHIBITED. Copy No.``)
        rest = [w for w in rest if w not in ("COPY", "NO")]
    if not all(w in LEVELS or w in PRECEDENCE for w in rest):
        return None
    if not phrases and not any(w in CORE for w in rest) and not (label and rest):
        return None
    if not exact and not mostly_marking(body, tokens):
        return None
    return Reading(tuple(rest), phrases, exact, caps)


#: The least share of a line's letters a marking read through an OCR slip must hold.
GARBLED_SHARE = 0.6


def mostly_marking(text: str, tokens: list[str]) -> bool:
    """Whether the marking's tokens hold most of the line's letters.

    A marking read through an OCR slip (``SECRFT``) is one only where the line
    is mostly that marking: a slip among as many letters of specks
    (``z. SECREZ tit lw``) is the OCR's garbage, not the copy's classification.
    """
    kept = sum(c.isalpha() for t in tokens for c in t)
    total = sum(c.isalpha() for c in text)
    return total == 0 or kept >= GARBLED_SHARE * total


def is_classification(text: str) -> bool:
    """Whether a marking states a classification (then it is a ``stamp``)."""
    reading = read_marking(text)
    words = list(reading.words) if reading else [w.upper() for w in _TOKEN_RE.findall(text)]
    if any(w in CLASSIFICATION_WORDS for w in words):
        return True
    if reading is not None:
        return False
    letters = re.sub(r"[^A-Z]", "", text.upper().replace("0", "O"))
    return any(level in letters for level in ("SECRET", "CONFIDENTIAL", "RESTRICTED"))


def level_of(text: str) -> tuple[str, ...] | None:
    """The classification a line of marking words states, if it is only that."""
    return _level(text)


def _level(text: str) -> tuple[str, ...] | None:
    """The classification a line of marking words states, if it is only that."""
    reading = read_marking(text)
    if reading is None or reading.phrases:
        return None
    levels = tuple(w for w in reading.words if w in CLASSIFICATION_WORDS or w == "TOP")
    return levels or None


def is_form_option(line: LineFeatures) -> bool:
    """A level listed among others on a form (``[ SECRET`` under ``• TOP SECRET``).

    A form's check boxes offer every level; the one ticked cannot be told from
    the text, so none of them is the copy's classification.
    """
    mine = _level(line.text)
    if mine is None:
        return False
    return any(
        (other := _level(near)) is not None and other != mine
        for near in (line.prev_text, line.next_text)
    )


#: The reason a form's listed level gives; the body reads it to leave out the stamp.
OPTION_REASON = "a level listed among a form's options"


@role("marking")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    text = line.text
    if len(text) > 160:
        return NO
    if is_transmission_line(text):
        return NO  # its ``URGENT`` is the sending's precedence: the line is forme work (reference)
    if authority_line(text):
        return Score(0.85, "a classification authority or declassification line")
    reading = read_marking(text)
    if reading is None:
        return NO
    if reading.phrases:
        named = "; ".join(reading.phrases)
        if not reading.caps and text.rstrip().endswith(".") and len(reading.phrases) == 1:
            # "Do not destroy." closing a sentence of a letter is text
            return Score(0.45, f"a handling phrase ({named}) written as a sentence")
        return Score(0.85, f"a handling caveat or message form's title ({named})")
    if is_form_option(line):
        return Score(0.8, OPTION_REASON)
    if not reading.caps:
        # "Secret" as a sentence of a source note is a word of the text
        if len(reading.words) > 1:
            return Score(0.55, "a line of marking words, not in capitals")
        return NO
    return Score(
        0.95 if reading.exact else 0.8,
        f"a line of marking words only ({' '.join(reading.words)})"
        + ("" if reading.exact else ", read through an OCR slip"),
    )
