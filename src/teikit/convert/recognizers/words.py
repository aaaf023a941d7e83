"""English word frequencies, for the decisions that need to know what English is.

Two recognizers ask: is a bracketed word English (else it is a transliterated
original), and does a word split by a line-end hyphen exist joined (else the
hyphen belongs to a compound). :mod:`wordfreq`'s Zipf scale answers both; the
look-ups are cached because documents repeat their words.
"""

from __future__ import annotations

import re
from functools import lru_cache

#: At or above this Zipf frequency a word is taken as English (3 = once per million words).
ENGLISH_ZIPF = 2.5
#: A word joined across a line-end hyphen must be at least this frequent to drop the hyphen.
JOINED_ZIPF = 3.0

WORD_RE = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


@lru_cache(maxsize=8192)
def zipf(word: str) -> float:
    """Zipf frequency of ``word`` in English (0 when unseen)."""
    from wordfreq import zipf_frequency

    value: float = zipf_frequency(word.lower(), "en")
    return value


def is_english(word: str) -> bool:
    return zipf(word) >= ENGLISH_ZIPF


def looks_transliterated(text: str) -> bool:
    """Whether bracketed ``text`` is a transliterated original rather than English.

    All its longer words (three letters or more; all words if there are none)
    must be unknown to English, and at least one word must be in lower case:
    a run of capitalized unknown words is a name (``[Sarvepalli]``), which the
    transcriber supplied, not a transliteration.
    """
    words = WORD_RE.findall(text)
    if not words:
        return False
    if not any(w[0].islower() for w in words):
        return False
    long_words = [w for w in words if len(w) >= 3] or words
    return not any(is_english(w) for w in long_words)


def resolve_hyphen(left: str, right: str) -> bool:
    """Whether ``left-`` at a line end and ``right`` on the next line are one word.

    The hyphen is dropped only when the joined word is a frequent English word
    and one of the halves is not a word on its own (``Commu-nists``); a compound
    of two words (``Marxist-Leninist``, ``to-day``) keeps its hyphen.
    """
    if not left or not right or not right[0].islower():
        return False
    joined = left + right
    if zipf(joined) < JOINED_ZIPF:
        return False
    return not (is_english(left) and is_english(right))
