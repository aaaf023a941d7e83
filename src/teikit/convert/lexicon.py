"""An English word-frequency lexicon with the candidate generators an OCR checker needs.

Frequencies come from :mod:`wordfreq` (the ``en`` Zipf scale: 7 is "the",
3 a word seen once per million words, 0 unseen). The whole frequency table is
read once into a dict, so that every later look-up is a dict access instead of
a call into wordfreq's tokenizer; :func:`english` caches the lexicon for the
process.

Candidates are generated from the questionable token rather than indexed from
the lexicon: a document has few unknown tokens, so a few hundred set look-ups
per token cost less than any index over 300,000 words would cost to build.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Iterator, Mapping

#: English words of one or two letters; wordfreq also lists fragments such as "es", "li".
SHORT_WORDS = frozenset(
    [
        "a",
        "i",
        "am",
        "an",
        "as",
        "at",
        "be",
        "by",
        "do",
        "go",
        "he",
        "if",
        "in",
        "is",
        "it",
        "me",
        "my",
        "no",
        "of",
        "on",
        "or",
        "so",
        "to",
        "up",
        "us",
        "we",
    ]
)

_LETTERS = "abcdefghijklmnopqrstuvwxyz"

#: Character confusions typical of OCR on typewritten or printed copies, both ways.
#: A candidate reached through one of these is more likely than an arbitrary edit.
OCR_CONFUSIONS: tuple[tuple[str, str], ...] = (
    ("rn", "m"),
    ("cl", "d"),
    ("c", "e"),
    ("c", "o"),
    ("e", "o"),
    ("s", "a"),
    ("e", "a"),
    ("b", "t"),
    ("b", "h"),
    ("i", "l"),
    ("l", "1"),
    ("o", "0"),
    ("i", "e"),
    ("li", "h"),
    ("vv", "w"),
    ("ii", "u"),
    ("n", "u"),
    ("h", "b"),
    ("f", "t"),
    ("a", "o"),
    ("c", "s"),
    ("d", "o"),
    ("u", "i"),
)

#: Inflectional endings tried when a rare word may be a regular form of a known one
#: (``artificialities`` ← ``artificiality``); (ending, replacement) pairs.
_SUFFIXES: tuple[tuple[str, str], ...] = (
    ("ies", "y"),
    ("ies", "ie"),
    ("es", ""),
    ("s", ""),
    ("ed", ""),
    ("ed", "e"),
    ("ing", ""),
    ("ing", "e"),
    ("ers", ""),
    ("ers", "e"),
    ("er", ""),
    ("er", "e"),
    ("ly", ""),
    ("ness", ""),
    ("ism", ""),
    ("ist", ""),
    ("ists", ""),
)


class Lexicon:
    """Word frequencies of lower-case word forms, read as Zipf values; unseen words have 0.

    The table keeps wordfreq's raw frequencies and converts on look-up: converting
    300,000 entries up front would cost more than all the look-ups of a document.
    """

    __slots__ = ("_freq",)

    def __init__(self, frequencies: Mapping[str, float]) -> None:
        self._freq = frequencies

    def frequency(self, word: str) -> float:
        """Zipf frequency of ``word`` (looked up in lower case)."""
        return self.zipf(word.lower())

    def zipf(self, word: str) -> float:
        """Zipf frequency of ``word`` exactly as given (callers pass lower case)."""
        freq = self._freq.get(word, 0.0)
        return round(math.log10(freq) + 9.0, 2) if freq > 0 else 0.0

    def known(self, word: str, floor: float = 1.0) -> bool:
        """Whether ``word`` or a regular inflection of a known stem is attested."""
        w = word.lower()
        if self.zipf(w) >= floor:
            return True
        for ending, replacement in _SUFFIXES:
            if w.endswith(ending) and len(w) - len(ending) >= 3:
                stem = w[: -len(ending)] + replacement
                if self.zipf(stem) >= floor + 0.5:
                    return True
        return False


@lru_cache(maxsize=1)
def english() -> Lexicon:
    """The English lexicon, read once per process (about 0.1 s)."""
    from wordfreq import get_frequency_dict

    return Lexicon(get_frequency_dict("en"))


def edits1(word: str) -> Iterator[str]:
    """Every string one deletion, transposition, substitution or insertion away."""
    splits = [(word[:i], word[i:]) for i in range(len(word) + 1)]
    for left, right in splits:
        if right:
            yield left + right[1:]
            for c in _LETTERS:
                if c != right[0]:
                    yield left + c + right[1:]
        if len(right) > 1:
            yield left + right[1] + right[0] + right[2:]
        for c in _LETTERS:
            yield left + c + right


def ocr_variants(word: str) -> Iterator[str]:
    """Strings reached from ``word`` by one OCR confusion (in either direction)."""
    for a, b in OCR_CONFUSIONS:
        for src, dst in ((a, b), (b, a)):
            start = word.find(src)
            while start != -1:
                yield word[:start] + dst + word[start + len(src) :]
                start = word.find(src, start + 1)
