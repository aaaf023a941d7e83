"""Markings and identifiers inside a line of text, encoded where they stand.

A marking on a line of its own is read by the role stage (:mod:`.roles.marking`).
Many copies print one inside a line instead, and an editor marks it there:

* a precedence given in a message form's field (``Precedence ROUTINE``), its label
  read through an OCR slip (``Precepence``);
* a handling caveat closing a title in capitals (``MEMORANDUM FOR THE RECORD
  Background Use Only``);
* a caveat code word, which is never an English word (``RYBAT``, ``NOFORN``), in
  capitals anywhere;
* in an OCR copy, a marking word in capitals standing among the OCR's specks and
  numbers rather than among words of a sentence (``> URGENT 6-13-61 5:17 PM``).

Identifiers inside a line are values of labelled fields (``RECORD NUMBER: 104-10000-10001``,
``File # AB 100-20 - 3``, ``REPORT NO. ABCD-1/234, 567``), and a telegram's number
opening its subject line (``01234. Subject: …``): the value is an ``idno``.

Every function here is pure: text in, :class:`Mark` spans out (positions in the text).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from teikit.convert.lexicon import SHORT_WORDS

#: Precedences a message form states in a field.
PRECEDENCES = ("OPERATIONAL IMMEDIATE", "IMMEDIATE", "PRIORITY", "ROUTINE", "URGENT", "FLASH")
#: Caveat code words: never words of a sentence, so a marking wherever they stand in capitals.
CODE_WORDS = ("RYBAT", "WNINTEL", "NOFORN", "ORCON", "NOCONTRACT", "NODIS", "EXDIS", "LIMDIS")
#: Handling caveats that may close a title line.
CAVEATS = (
    "Background Use Only",
    "Eyes Only",
    "Official Use Only",
    "For Official Use Only",
    "Limited Official Use",
    "No Foreign Dissem",
)
#: Markings that an OCR copy may print among specks: levels, precedences, message forms.
SET_APART = (
    "TOP SECRET",
    "SECRET",
    "CONFIDENTIAL",
    "OPERATIONAL IMMEDIATE",
    "IMMEDIATE",
    "PRIORITY",
    "ROUTINE",
    "URGENT",
    "AIRTEL",
    "NITEL",
    "DECODED COPY",
    "CLASSIFIED MESSAGE",
)
#: Small words (besides those of one or two letters) after which a caveat is named.
_SMALL_WORDS = frozenset(["the", "for", "and", "all", "any", "with", "without", "under"])
#: Words after which a code word is only mentioned (``the RYBAT channel``).
_MENTIONING = SHORT_WORDS | _SMALL_WORDS
#: Which set-apart markings are classifications (the rest are handling).
_LEVELS = frozenset(["TOP SECRET", "SECRET", "CONFIDENTIAL"])


@dataclass(frozen=True)
class Mark:
    """A span of the text to encode: ``tag`` (``stamp`` or ``idno``) and its ``type``."""

    start: int
    end: int
    tag: str
    type: str


_PRECEDENCE_RE = re.compile(
    rf"\b(?P<label>[Pp][Rr][A-Za-z]{{5,9}})\s*[:.;=-]?\s+(?P<word>{'|'.join(PRECEDENCES)})\b"
)
_CODE_WORD_RE = re.compile(rf"(?<![A-Za-z])(?:{'|'.join(CODE_WORDS)})(?![a-z])")
_SPACE = r"[ \t]+"
_CAVEAT_ALT = "|".join(c.replace(" ", _SPACE) for c in CAVEATS)
_CAVEAT_RE = re.compile(
    rf"(?<=[A-Z]{{2}})[ \t,;:.-]{{1,4}}(?P<c>(?i:{_CAVEAT_ALT}))[ \t.:;,]*(?=$|[\ufdd0\ufdd2])"
)
_SET_APART_ALT = "|".join(s.replace(" ", r"\s+") for s in SET_APART)
_SET_APART_RE = re.compile(rf"(?<![\w-])(?:{_SET_APART_ALT})(?![\w-])")
#: Any classification level in capitals, to tell a form's list of levels.
_ANY_LEVEL_RE = re.compile(
    r"(?<![\w-])(?:TOP\s+SECRET|SECRET|CONFIDENTIAL|UNCLASSIFIED|RESTRICTED)\b"
)
#: A token of the text: a word or a number with its inner punctuation.
_TOKEN_RE = re.compile(r"[^\W_]+(?:[-/:.,'][^\W_]+)*")

#: A field label naming an identifier, in capitals or capitalized: ``RECORD NUMBER:``,
#: ``File #``, ``AGENCY FILE NUMBER``, ``REPORT NO.``, ``CONTROL No,``, and a file
#: label with a prefix (``BUFILE:``, ``Bufile:``). Between label and value an OCR copy
#: may read the form's rule or blank as a dash or ``=`` (``RECORD NUMBER: — 104-…``).
_ID_LABEL_RE = re.compile(
    r"\b(?P<label>(?:AGENCY\s+|Agency\s+)?(?:FILE|File|RECORD|Record|REPORT|Report|CONTROL|Control"
    r"|CASE|Case|SERIAL|Serial|DOCUMENT|Document|CABLE|Cable|MESSAGE|Message)"
    r"\s*(?:NUMBER|Number|NO\b\.?|No\b\.?|Nr\b\.?|#)"
    r"|(?:[A-Z]{2}|[A-Z][a-z])?(?:FILE|file)(?=\s*:))"
    r"(?:\s*[:=.,#])*(?:(?<=[:=])\s*[—–~=])?"
    r"\s*(?P<value>(?:[A-Z]{1,5}\s)?(?=[\w/-]*\d)[A-Z0-9][\w/-]*(?:\s?[-,/]\s?\d[\w/-]*)*)"
)
#: A telegram's number opening its subject line (``01234. Subject: …``).
_TELEGRAM_NUMBER_RE = re.compile(r"^(?P<n>\d{3,6})\.\s+Subject:")


def labelled_precedence(text: str) -> list[Mark]:
    """The precedence word after a ``Precedence`` label (read through one or two OCR slips)."""
    out: list[Mark] = []
    for m in _PRECEDENCE_RE.finditer(text):
        if _edits(m.group("label").upper(), "PRECEDENCE") <= 2:
            out.append(Mark(m.start("word"), m.end("word"), "stamp", "handling"))
    return out


def code_words(text: str) -> list[Mark]:
    """Caveat code words written in capitals, wherever they stand.

    After a small word (``APPLICABLE TO RYBAT CABLES``) the word is named, not marked.
    """
    out: list[Mark] = []
    for m in _CODE_WORD_RE.finditer(text):
        before = _TOKEN_RE.findall(text[max(0, m.start() - 20) : m.start()])
        if before and before[-1].lower() in _MENTIONING:
            continue
        out.append(Mark(m.start(), m.end(), "stamp", "handling"))
    return out


def closing_caveat(text: str) -> list[Mark]:
    """A handling caveat, every word capitalized, closing a line after capitals."""
    out: list[Mark] = []
    for m in _CAVEAT_RE.finditer(text):
        caveat = m.group("c")
        if all(w[:1].isupper() for w in caveat.split()):
            out.append(Mark(m.start("c"), m.end("c"), "stamp", "handling"))
    return out


def set_apart(text: str) -> list[Mark]:
    """Markings in capitals with no word of a sentence on either side (for OCR copies).

    A sentence in capitals may use the same words (``THE MATTER IS URGENT AND``):
    there a word stands beside it. Among an OCR's specks, numbers and names of a
    routing list the marking stands apart, and is the copy's.
    """
    out: list[Mark] = []
    found = list(_SET_APART_RE.finditer(text))
    levels = {" ".join(m.group().split()) for m in _ANY_LEVEL_RE.finditer(text)}
    for m in found:
        level = " ".join(m.group().split()) in _LEVELS
        if level and len(levels) > 1:
            continue  # a form's check boxes list every level: none is the copy's
        before = _TOKEN_RE.findall(text[max(0, m.start() - 40) : m.start()])
        after = _TOKEN_RE.findall(text[m.end() : m.end() + 40])
        if before and _is_word(before[-1]):
            continue
        if after and _is_word(after[0]):
            continue
        out.append(Mark(m.start(), m.end(), "stamp", "classification" if level else "handling"))
    return out


def labelled_identifiers(text: str) -> list[Mark]:
    """Identifiers after a field label naming them, and a telegram's number before its subject."""
    out: list[Mark] = []
    m = _TELEGRAM_NUMBER_RE.match(text)
    if m is not None:
        out.append(Mark(m.start("n"), m.end("n"), "idno", "cable"))
    for m in _ID_LABEL_RE.finditer(text):
        value = m.group("value").rstrip(",.-/ ")
        label = m.group("label").upper()
        kind = "record" if "RECORD" in label else "file" if "FILE" in label else "registry"
        out.append(Mark(m.start("value"), m.start("value") + len(value), "idno", kind))
    return out


#: A line opening with a label naming an identifier (``REPORT NO.``, ``FILE #``), in capitals.
_OPENING_ID_LABEL_RE = re.compile(
    r"^\W{0,3}(?:AGENCY\s+)?(?:FILE|RECORD|REPORT|CONTROL|CASE|SERIAL|CABLE|MESSAGE)"
    r"\s*(?:NUMBER|NO\b\.?|NR\b\.?|#)"
)


def opens_with_identifier_label(text: str) -> bool:
    """Whether a line opens with a form's label naming an identifier, its value however read.

    >>> opens_with_identifier_label("REPORT NO. AB DC- -1/234, 567")
    True
    >>> opens_with_identifier_label("REPORT OF THE BOARD")
    False
    """
    return _OPENING_ID_LABEL_RE.match(text) is not None


def marks_in(text: str, *, ocr: bool = False) -> list[Mark]:
    """Every marking and identifier in ``text``, in order, none overlapping another.

    Where two overlap, the one found by the surer rule (a label, a code word) wins.
    ``ocr`` adds :func:`set_apart`, which only an OCR copy's specks call for.
    """
    found = [
        *labelled_identifiers(text),
        *labelled_precedence(text),
        *code_words(text),
        *closing_caveat(text),
        *(set_apart(text) if ocr else []),
    ]
    kept: list[Mark] = []
    for mark in found:
        if all(mark.end <= k.start or mark.start >= k.end for k in kept):
            kept.append(mark)
    return sorted(kept, key=lambda k: k.start)


def _is_word(token: str) -> bool:
    """Whether a token is a word of a sentence: an English word in lower case or capitals.

    A capitalized name (of a routing list) and the OCR's specks are not.
    """
    if not token.isalpha():
        return False
    if not (token.islower() or token.isupper()):
        return False
    from teikit.convert.lexicon import SHORT_WORDS

    low = token.lower()
    if len(low) <= 2:
        return low in SHORT_WORDS
    return _known(low)


@lru_cache(maxsize=4096)
def _known(word: str) -> bool:
    from teikit.convert.lexicon import english

    return english().known(word, 3.0)


def _edits(a: str, b: str) -> int:
    """Levenshtein distance of two short strings."""
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, start=1):
        cur = [i]
        for j, cb in enumerate(b, start=1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
