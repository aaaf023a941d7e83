"""Nothing lost: every word of the raw transcription is checked to be in the TEI.

The converter's recognizers move text around (a date line into the header,
footnotes to the back, a page number into ``<pb n>``), and a recognizer that
claims too much silently drops words: the worst failure a conversion can have,
because it exits 0. So every conversion ends with this check, in the converter
itself: the raw file's words, as a multiset, must all be found among the words
of the output document (its text, header included, and the page and note
numbers kept in ``@n``). A word that is missing is a :class:`TeikitError` at
the raw ``line:col`` of its first unmatched occurrence -- never a silent success.

What is compared, and why:

* words are maximal runs of letters and digits, Unicode-normalized (NFC) and
  case-folded: punctuation and case are typography, not words;
* a line-end hyphenation the converter resolved (``Comrad-`` / ``e``) counts
  as the joined word it became;
* the output may have words the input lacks (header boilerplate, editors'
  names, a sidecar's corrections), so only the input side must be covered;
* keywords of the transcription syntax that become markup are counted by
  the elements that stand for them (:data:`MARKUP_WORDS`): the ``sic`` of
  ``[sic]`` becomes ``<sic>``, the label of ``[Stamp: …]`` becomes ``@type``;
  field labels the converter drops are listed in the header, so they count.

The check is linear: one tokenization of each side and counting.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from typing import TYPE_CHECKING

from teikit.convert.recognizers.brackets import HAND_LABELS
from teikit.convert.recognizers.footnotes import SUPERSCRIPT_DIGITS, plain_number
from teikit.errors import TeikitError

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator

    from lxml import etree

    from teikit.convert.recognizers.pages import Hyphenation
    from teikit.convert.source import Transcription

#: Letters and digits are separate words: a note number glued to a word
#: (``Smith1``, ``Smith¹``) becomes ``Smith`` and ``<ref>1</ref>``; a superscript digit
#: reads as its digit (the note ``¹`` is ``@n="1"``).
_WORD = re.compile(rf"[^\W\d_{SUPERSCRIPT_DIGITS}]+|[\d{SUPERSCRIPT_DIGITS}]+")
#: Attributes whose values are words of the input (page and note numbers, links).
_WORD_ATTRIBUTES = ("n", "target")
#: Elements that stand for a keyword of the transcription syntax, which the
#: converter turns into markup instead of text: each such element accounts for
#: one occurrence of the word (``[sic]`` → ``<sic>``, ``[Stamp: …]`` →
#: ``<stamp type="registry">``). Keyed by (local name, ``@type`` or None).
MARKUP_WORDS: dict[tuple[str, str | None], str] = {
    ("sic", None): "sic",
    ("stamp", "registry"): "stamp",
    # ``[handwritten: …]`` → ``<note type="handwritten">`` (see ``brackets.hand_label``)
    **{("note", label): label for label in HAND_LABELS},
}
_TEI = "{http://www.tei-c.org/ns/1.0}"


def words(text: str) -> Iterator[tuple[str, int, int]]:
    """The normalized words of ``text`` with their start and end offsets.

    Text that is not in Unicode NFC is normalized line by line first (so a
    decomposed accent does not split a word); offsets then point at the line.
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        for m in _WORD.finditer(text):
            yield plain_number(m.group().casefold()), m.start(), m.end()
        return
    start = 0
    for line in text.split("\n"):
        for m in _WORD.finditer(unicodedata.normalize("NFC", line)):
            at = start + min(m.start(), max(len(line) - 1, 0))
            word = plain_number(m.group().casefold())
            yield word, at, min(at + len(m.group()), start + len(line))
        start += len(line) + 1


def _norm(word: str) -> str:
    return plain_number(unicodedata.normalize("NFC", word).casefold())


def output_words(root: etree._Element) -> Counter[str]:
    """The words of a TEI document: all its text, and the numbers kept in ``@n``."""
    found: Counter[str] = Counter()
    for el in root.iter():
        if not isinstance(el.tag, str):
            # comments and processing instructions carry no transcribed words,
            # but their tails do
            if el.tail:
                found.update(w for w, _, _ in words(el.tail))
            continue
        if el.text:
            found.update(w for w, _, _ in words(el.text))
        if el.tail:
            found.update(w for w, _, _ in words(el.tail))
        for attr in _WORD_ATTRIBUTES:
            value = el.get(attr)
            if value:
                found.update(w for w, _, _ in words(value))
        if el.tag.startswith(_TEI):
            local = el.tag[len(_TEI) :]
            if local == "ref" and el.text and el.text.isdigit():
                # a marker glued to a number (``September 25`` and ``2`` written ``252``)
                # reads as the one number of the raw text
                before = _text_before(el)
                m = _TRAILING_DIGITS.search(before)
                if m is not None:
                    found[m.group() + el.text] += 1
            keyword = MARKUP_WORDS.get((local, el.get("type"))) or MARKUP_WORDS.get((local, None))
            if keyword is not None:
                found[keyword] += 1
    return found


_TRAILING_DIGITS = re.compile(r"\d+$")


def _text_before(el: etree._Element) -> str:
    """The text right before ``el``: its previous sibling's tail or its parent's text."""
    prev = el.getprevious()
    if prev is not None:
        return prev.tail or ""
    parent = el.getparent()
    return (parent.text or "") if parent is not None else ""


def check_nothing_lost(
    src: Transcription,
    root: etree._Element,
    hyphenations: Iterable[Hyphenation] = (),
    markup_words: Iterable[str] = (),
) -> None:
    """Raise :class:`TeikitError` at the first raw word that the output lacks."""
    have = output_words(root)
    # a resolved hyphenation's halves became one word in the output
    for h in hyphenations:
        if h.resolved:
            joined = _norm(h.left + h.right)
            have.update(_norm(part) for part in (h.left, h.right) if have[joined] > 0)
    allowed_markup = {_norm(w) for w in markup_words}
    for word, offset, end in words(src.text):
        if have[word] > 0:
            have[word] -= 1
        elif word not in allowed_markup:
            raise TeikitError(
                f"the conversion lost the word {_shorten(src.text[offset:end])!r} (it is not in "
                "the TEI "
                "output); "
                "this is a converter bug or an unsupported layout, please report it with "
                "this transcription",
                src.location(offset),
            )


def _shorten(word: str, limit: int = 40) -> str:
    return word if len(word) <= limit else f"{word[: limit - 1]}…"
