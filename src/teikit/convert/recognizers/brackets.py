"""Square brackets and parentheses: pairing them, and deciding what each one is.

Pairing is one linear pass with a stack, so a transcription full of stray
brackets costs no more than a clean one. A closer that matches nothing, an
opener never closed, and a square bracket inside another are reported (with
line:col) and encoded faithfully as text; they never stop the conversion.

What a bracket *is* follows from its content alone:

* ``[sic]`` marks the word before it; ``[1]`` is a footnote reference;
* ``[signature]`` stands for a signature; ``[Stamp: …]`` for a stamp;
* words that are not English (by the lexicon) and not a name are a
  transliterated original → ``foreign``;
* a sentence (capitalized, four words or more, ending in a full stop) is the
  transcriber's summary of omitted matter → ``gap`` + ``note type="summary"``;
* anything else made of words was supplied by the transcriber → ``supplied``.

Parentheses are the author's own punctuation and stay as text, except a short
capitalized sentence in a conversation (``(Laughter.)``) → ``stage`` and a
transliterated word (``(podchinit')``) → ``foreign``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit.convert.recognizers.words import WORD_RE, looks_transliterated

_OPEN = {"[": "]", "(": ")"}
_CLOSE = {"]": "[", ")": "("}

SUMMARY_MIN_WORDS = 4
STAGE_MAX_WORDS = 8

_SENTENCE_END_RE = re.compile(r"[.!?](?:\s*\.\.\.)?[\"”’']?\s*$|\.\.\.[\"”’']?\s*$")
_NOTE_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*$")
_SIGNATURE_RE = re.compile(r"^\s*(?:signature|signed|illegible signature)\s*$", re.IGNORECASE)
_STAMP_RE = re.compile(r"^\s*stamp\s*:", re.IGNORECASE)


@dataclass(frozen=True)
class Pair:
    open: int
    close: int
    kind: str  # "[" or "("
    depth: int  # square brackets enclosing this one


@dataclass(frozen=True)
class Stray:
    pos: int
    char: str
    problem: str  # "unclosed" | "unopened"


def pair_brackets(text: str) -> tuple[list[Pair], list[Stray]]:
    """Match brackets in one pass; returns pairs in order of their openers."""
    stack: list[tuple[str, int]] = []
    pairs: list[Pair] = []
    strays: list[Stray] = []
    for pos, ch in enumerate(text):
        if ch in _OPEN:
            stack.append((ch, pos))
        elif ch in _CLOSE:
            want = _CLOSE[ch]
            depth = len(stack) - 1
            while depth >= 0 and stack[depth][0] != want:
                depth -= 1
            if depth < 0:
                strays.append(Stray(pos, ch, "unopened"))
                continue
            while len(stack) - 1 > depth:
                och, opos = stack.pop()
                strays.append(Stray(opos, och, "unclosed"))
            och, opos = stack.pop()
            square_depth = sum(1 for c, _ in stack if c == "[")
            pairs.append(Pair(opos, pos, och, square_depth))
    strays.extend(Stray(opos, och, "unclosed") for och, opos in stack)
    pairs.sort(key=lambda p: p.open)
    strays.sort(key=lambda s: s.pos)
    return pairs, strays


def classify_square(content: str, note_numbers: frozenset[str]) -> str:
    """What ``[content]`` is: sic, ref, signature, stamp, foreign, summary, supplied, editorial."""
    stripped = content.strip()
    if stripped.lower() == "sic":
        return "sic"
    m = _NOTE_NUMBER_RE.match(stripped)
    if m is not None:
        return "ref" if m.group(1) in note_numbers else "editorial"
    if _SIGNATURE_RE.match(stripped):
        return "signature"
    if _STAMP_RE.match(stripped):
        return "stamp"
    words = WORD_RE.findall(stripped)
    if not words:
        return "editorial"
    if looks_transliterated(stripped):
        return "foreign"
    if (
        stripped[0].isupper()
        and len(stripped.split()) >= SUMMARY_MIN_WORDS
        and _SENTENCE_END_RE.search(stripped)
    ):
        return "summary"
    return "supplied"


def classify_paren(content: str, stage_allowed: bool) -> str:
    """What ``(content)`` is: stage, foreign, or plain text."""
    stripped = content.strip()
    words = stripped.split()
    if not words:
        return "text"
    if (
        stage_allowed
        and stripped[0].isupper()
        and len(words) <= STAGE_MAX_WORDS
        and stripped.endswith((".", "!"))
    ):
        return "stage"
    if len(words) <= 3 and looks_transliterated(stripped):
        return "foreign"
    return "text"
