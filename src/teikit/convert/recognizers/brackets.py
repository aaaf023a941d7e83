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
_BRACKET_RE = re.compile(r"[\[\]()]")


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
    """Match brackets in one pass; returns pairs in order of their openers.

    Only bracket characters are visited, and the stack keeps count of its
    square openers, so a closer costs nothing for the text or brackets before it.
    """
    stack: list[tuple[str, int]] = []
    squares = 0  # "[" on the stack
    parens = 0  # "(" on the stack
    pairs: list[Pair] = []
    strays: list[Stray] = []
    for m in _BRACKET_RE.finditer(text):
        ch = m.group()
        pos = m.start()
        if ch in _OPEN:
            stack.append((ch, pos))
            if ch == "[":
                squares += 1
            else:
                parens += 1
            continue
        want = _CLOSE[ch]
        if (squares if want == "[" else parens) == 0:
            strays.append(Stray(pos, ch, "unopened"))
            continue
        while stack[-1][0] != want:
            och, opos = stack.pop()
            if och == "[":
                squares -= 1
            else:
                parens -= 1
            strays.append(Stray(opos, och, "unclosed"))
        och, opos = stack.pop()
        if och == "[":
            squares -= 1
        else:
            parens -= 1
        pairs.append(Pair(opos, pos, och, squares))
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
