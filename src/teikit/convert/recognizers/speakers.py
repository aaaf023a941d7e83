"""Speaker labels of conversation records, and the people they name.

Labels come in the forms records use: a surname in capitals with initials
(``KHRUSHCHEV N.S.:``, ``SUSLOV, M.A.:``), a name in capitals (``MAO ZEDONG:``)
or an honorific and a name (``Comrade Mao Zedong:``). A label already seen
with a colon is also recognized with a period (``Comrade Mao Zedong.``), a
common slip that would otherwise swallow a turn. Identifiers follow the
contract: lower-case ASCII, honorifics dropped, initials last.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

HONORIFICS = (
    "Comrade",
    "Comrades",
    "Cde.",
    "Cdes.",
    "Mr.",
    "Mrs.",
    "Ms.",
    "Dr.",
    "Mister",
    "Madame",
    "Monsieur",
    "Sir",
    "Tovarishch",
)
_HON = "|".join(re.escape(h) for h in HONORIFICS)
_UP = "A-ZÀ-ÖØ-ÞĀ-Ž"
_LO = "a-zß-öø-ÿā-ž"
_CAPS_WORD = rf"[{_UP}][{_UP}'’\-]+"
_INITIALS = rf"(?:[{_UP}]\.\s?){{1,3}}"
_NAME_WORD = rf"[{_UP}][{_LO}{_UP}'’\-]+"

#: A label in capitals: surname (and more capitals), optionally ", N.S." or " N.S.".
_CAPS_LABEL = (
    rf"(?:(?:{_HON}|COMRADE)\s+)?{_CAPS_WORD}(?:\s+{_CAPS_WORD}){{0,3}}(?:,?\s+{_INITIALS})?"
)
#: A label in mixed case: an honorific and one to four name words, or two to four name words.
_MIXED_LABEL = (
    rf"(?:(?:{_HON})\s+{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_INITIALS})){{0,3}}"
    rf"|{_NAME_WORD}(?:\s+(?:{_NAME_WORD}|{_INITIALS})){{1,3}})"
)
LABEL_RE = re.compile(rf"^(?P<label>{_CAPS_LABEL}|{_MIXED_LABEL})\s?:\s+(?=\S)")

#: Words that start labelled lines which are not speakers (form fields, notes).
NOT_SPEAKERS = frozenset(
    (
        "note",
        "notes",
        "summary",
        "citation",
        "source",
        "subject",
        "date",
        "to",
        "from",
        "copy",
        "verified",
        "original",
        "contents",
        "credits",
        "translation",
        "comment",
        "comments",
        "attachment",
        "enclosure",
        "re",
        "cc",
        "bcc",
        "distribution",
        "participants",
        "present",
        "time",
        "place",
        "memorandum",
        "record",
    )
)


@dataclass(frozen=True)
class Label:
    """A speaker label at the start of a paragraph."""

    label: str  # as written, without its punctuation
    punct: str  # ":" or "."
    end: int  # where the spoken text starts


def match_label(text: str, known: frozenset[str] = frozenset()) -> Label | None:
    """The speaker label that opens ``text``, if any."""
    m = LABEL_RE.match(text[:120])
    if m is not None:
        label = m.group("label")
        first = label.split()[0].lower().rstrip(".,")
        if first not in NOT_SPEAKERS:
            colon = text.index(":", m.end("label"))
            return Label(label, ":", m.end() if m.end() > colon else colon + 1)
    for label in known:
        if text.startswith((label + ". ", label + ".")):
            rest = text[len(label) + 1 :]
            if not rest or rest[0] == " ":
                end = len(label) + 1
                while end < len(text) and text[end] == " ":
                    end += 1
                return Label(label, ".", end)
    return None


def slug(name: str) -> str:
    """The contract's person id: ``KHRUSHCHEV N.S.`` → ``khrushchev-ns``."""
    words = name.replace(",", " ").split()
    while words and (words[0] in HONORIFICS or words[0].lower() in ("comrade", "cde.")):
        words = words[1:]
    names: list[str] = []
    initials: list[str] = []
    for word in words:
        if re.fullmatch(r"(?:\w\.)+\w?\.?", word) or (len(word) == 1 and word.isalpha()):
            initials.extend(ch for ch in word if ch.isalpha())
        else:
            names.append(word)
    parts = [_ascii(w) for w in names]
    if initials:
        parts.append(_ascii("".join(initials)))
    out = "-".join(p for p in parts if p)
    if not out:
        out = "person"
    return out if out[0].isalpha() else f"p-{out}"


def _ascii(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(ch for ch in decomposed.lower() if ch.isascii() and ch.isalnum())


_SEGMENT_SPLIT_RE = re.compile(r",|\band\b|\bwith\b|\bbetween\b|\bon\b", re.IGNORECASE)
_CAPS_RUN_RE = re.compile(
    rf"((?:{_CAPS_WORD}|{_INITIALS})(?:\s+(?:{_CAPS_WORD}|{_INITIALS}))*)\s*$"
)
_HON_NAME_RE = re.compile(
    rf"(?:\b(?:{_HON}|comrade|cde\.)\s+)({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})", re.IGNORECASE
)


def heading_names(heading: str) -> list[str]:
    """People named in a record's heading (capitals, or an honorific and a name)."""
    found: list[str] = []
    for m in _HON_NAME_RE.finditer(heading):
        name = m.group(1)
        if not name.isupper():
            found.append(name)
    for segment in _SEGMENT_SPLIT_RE.split(heading):
        run = _CAPS_RUN_RE.search(segment.strip())
        if run is None:
            continue
        words = run.group(1).split()
        while words and (
            not any(ch in "AEIOUYÀ-ÖØ-Þ" for ch in words[0].upper())
            or words[0] in ("COMRADE", "COMRADES")
            or not any(c in "AEIOUY" for c in words[0])
        ):
            words = words[1:]
        real = [w for w in words if not w.endswith(".")]
        if len(words) >= 2 and real:
            found.append(" ".join(words))
    return found
