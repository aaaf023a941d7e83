"""Headings: a short line an editor sees set off as the title of what follows.

An editor reads a heading from three things, and this scorer weighs them
in that order:

1. **its own text** (:func:`text_veto`): short, not a sentence or the start
   of one, not a field (``Subject: …``), a speaker's label, a date, or the
   garble an OCR makes of a smudge;
2. **where it stands** (:func:`set_off_above`, :func:`block_follows`): after
   the end of a sentence or a blank line, before the text it names (prose,
   numbered points, or a sub-heading); a line inside a sentence never is one;
3. **how it is set** (:func:`emphasis`): capitals in a text typed in mixed
   case, title case, a section number (``II. BACKGROUND``, ``A. Soviet
   Position``), a centred or indented line.

Each is a small pure function, so ``teikit convert --explain`` can say which
cue made the line a heading. In an OCR copy capitals and short lines are
everywhere (stamps, slugs, garble), so there the line must be set off on
both sides or be clean text with strong emphasis.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from teikit.convert.lexicon import SHORT_WORDS
from teikit.convert.recognizers.inline_marks import (
    labelled_identifiers,
    opens_with_identifier_label,
)
from teikit.convert.roles import Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

#: Longest heading an editor accepts, in words and characters.
MAX_WORDS = 14
MAX_CHARS = 90

#: A transcript's speaker written ``Mr. Name.`` before the speech: a turn, not a heading.
_DOTTED_SPEAKER_RE = re.compile(
    r"^(?:Mr|Mrs|Ms|Dr|Senator|Chairman|General|Judge)\.?\s+\S+\.(?:\s|$)"
)
#: A speaker's label with its speech (``MR. NAME: Words``, ``THE CHAIRMAN: …``).
_SPEAKER_RE = re.compile(
    r"^(?:(?:MR|MRS|MS|DR|PROF|Mr|Mrs|Ms|Dr|Prof)\.?\s|THE\s+[A-Z]+\s*:)[^:]{0,40}:\s+\S"
)
#: A field: a short label, a colon, a value (``Subject: Talks``, ``Tab 1: Charter``).
_FIELD_RE = re.compile(r"^[A-Za-z][\w.&/' -]{0,30}:\s+\S")
#: A date in the line: a month by name next to a number, or a numeric date.
_MONTHS = (
    r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
    r"|(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|SEPT|OCT|NOV|DEC)[A-Z]*\.?"
)
_DATE_RE = re.compile(
    rf"\b\d{{1,2}}\s+(?:{_MONTHS})\s*,?\s*\d{{2,4}}\b"
    rf"|\b(?:{_MONTHS})\s+\d{{1,2}}\s*,\s*\d{{4}}\b"
    rf"|\b(?:{_MONTHS})\s*[\w]{{0,3}},?\s*\d{{4}}\b"
    r"|\b\d{1,2}/\d{1,2}/\d{2,4}\b"
)
#: A sentence ends inside the line and another begins: a run-in heading or prose.
_INNER_SENTENCE_RE = re.compile(r"[a-z]{2}[.?!]\s+[A-Z][a-z]")
#: A numbered section heading: ``1. Opening Remarks``, ``IV. CONCLUSIONS``, ``B. Tasks``.
NUMBERED_HEAD_RE = re.compile(
    r"^(?:\d{1,2}|[IVX]{1,5}|[A-H])[.)]\s+(?P<title>[A-Z“\"][^\s]*(?:\s+\S+)*)$"
)
#: A note marker at the end of a line (``[2]``, a digit glued after a word or a stop).
_MARKER_END_RE = re.compile(r"\s*\[\d{1,3}\]$|(?<=[.!?”\"a-z])\d{1,2}$")
#: What the OCR strews around a line: bars, quotes, dashes, stray marks.
_EDGE_JUNK = "|'’‘\"“”-–—_.,:;\\/()[]{}*~•"
_TRAILING_JUNK = "|'’‘\"“”-–—_,;\\/{}*~•"
#: Words a title keeps in lower case.
_SMALL_WORDS = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "via",
        "vs",
        "per",
        "over",
        "under",
        "between",
    ]
)
#: Words a line of a sentence may end on, but a title does not (``… they are against``).
_RUN_ON_ENDS = frozenset(
    [
        "about",
        "after",
        "against",
        "before",
        "than",
        "that",
        "which",
        "who",
        "whom",
        "whose",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "will",
        "would",
        "shall",
        "should",
        "could",
        "can",
        "may",
        "might",
        "must",
        "has",
        "have",
        "had",
        "not",
    ]
)
#: A point of a list numbered in brackets (``(2) Harbour dues``), not a section's number.
_BRACKET_POINT_RE = re.compile(r"^\(\d{1,2}\)\s")
#: A page number line: ``-8-``, ``- 4 -``, ``Page 3``.
_PAGE_NO_RE = re.compile(r"^[-–—\s]*\d{1,3}[-–—\s]*$|^Page\s+\d+(?:\s+of\s+\d+)?$", re.IGNORECASE)
#: A personal name alone: ``Frank B. Kellogg``, ``JOHN Q. DOE``, ``/s/ Name``.
_NAME_RE = re.compile(r"^(?:/s/\s*)?[A-Z][A-Za-z'’-]+\.?(?:\s+[A-Z]\.)+\s+[A-Z][A-Za-z'’-]+$")

#: The noun a document's name ends with (``CONTACT REPORT``, ``ROUTING AND RECORD SHEET``).
_DOC_NOUN_END_RE = re.compile(r"\b(?:REPORT|SHEET|RECORD|CONVERSATION|MINUTES|CHECKLIST|STUDY)$")
#: The first word of an editor's note set apart like a title (``Cited in …``, ``Source: …``).
_NOTE_OPENERS = frozenset(["cited", "source", "source:", "see", "printed", "reprinted", "quoted"])
#: A classification level as a word of the line (not ``Secretary``).
_CLASSIFIED_RE = re.compile(r"\b(?:SECRET|CONFIDENTIAL|Secret|Confidential)\b")
#: A person named with an initial, ending the line or before a comma (``Anna B. Berg,``).
_NAMED_RE = re.compile(
    r"^[A-Z][a-z]+\s+(?:[A-Z]\.\s*)+[A-Z][a-z]+,|[A-Z][a-z]+\s+[A-Z]\.\s+[A-Z][a-z]+$"
)
#: Why a first line of a title that wraps may fail alone: it runs on.
_RUNS_ON = (
    "a list or a sentence",
    "a clause of a sentence",
    "ends on a small word: the line runs on",
    "ends inside a sentence",
)
#: A name and what the person is (``Anna Berg, Ambassador``): an entry of a list of people.
_NAME_TITLE_RE = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){1,3},\s+[A-Z]")
#: Tokens a title has that are no word: section numbers, years.
_NUMBER_TOKEN_RE = re.compile(r"^(?:\d+[.)]?|[IVX]{1,5}[.)]?|[A-H][.)])$")


def core(text: str) -> str:
    """The line without OCR debris at its edges and without a note marker at its end.

    A closing stop, question mark or bracket is kept: it tells a sentence.
    """
    text = _MARKER_END_RE.sub("", text.strip())
    return text.lstrip(_EDGE_JUNK + " ").rstrip(_TRAILING_JUNK + " ")


def clean_share(text: str) -> float:
    """The share of tokens that read as words (not smudges): 1.0 for clean text.

    A word is letters (an inner hyphen, apostrophe or period allowed), in one
    case or capitalized; ``HuMY``, ``ob-el``, ``Tos`` of two letters are not.
    A compound's parts are words each (``East-West``, ``Berlin—Access``); a
    section's letter opens a title (``B. General``, ``C Guidance``) and a
    label's letter closes one (``Tab B``); an abbreviation may stand in
    brackets (``Radio Liberty (RL)``).
    """
    raw = [t for t in text.replace("_", " ").split() if t.strip(_EDGE_JUNK)]
    if not raw:
        return 0.0
    good = 0
    for i, t in enumerate(raw):
        bare = t.strip(_EDGE_JUNK)
        if (
            _NUMBER_TOKEN_RE.match(bare)
            or (i == 0 and _NUMBER_TOKEN_RE.match(t))
            or re.fullmatch(r"\d{1,4}(?:[-–:]\d{1,4})?|[ap]\.?m\.?", bare)
            or enumerator_letter(raw, i)
            or re.fullmatch(r"\([A-Z]{2,5}\)[.,:;]?", t)
        ):
            good += 1
            continue
        parts = re.split(r"(?<=[A-Za-z])[-–—](?=[A-Za-z])", bare)
        if all(_word_token(x) for x in parts):
            good += 1
    return good / len(raw)


def _word_token(token: str) -> bool:
    """Whether a token reads as a word: letters in one case or capitalized, not a smudge."""
    letters = re.sub(r"[-'’.&/]", "", token)
    if not letters.isalpha():
        return False
    if not (letters.isupper() or letters.islower() or letters[1:].islower()):
        return False
    return len(letters) > 2 or letters.lower() in _SHORT_WORDS


def enumerator_letter(tokens: list[str], i: int) -> bool:
    """A capital letter that numbers a part: a section's (``C Guidance``), a label's (``Tab B``).

    It opens a line before a capitalized word, or closes a line of two words
    after one; elsewhere a lone capital is an OCR's smudge.
    """
    t = tokens[i].strip(_EDGE_JUNK)
    if not re.fullmatch(r"[A-Z]", t) or len(tokens) < 2:
        return False
    if i == 0:
        return tokens[1][:1].isupper() and t in "ABCDEFGH"
    return i == len(tokens) - 1 == 1 and re.fullmatch(r"[A-Z][a-z]{2,}", tokens[0]) is not None


#: Short tokens a clean heading may hold: English words of one or two letters, and the
#: abbreviations and roman numerals of titles (``UN``, ``Mr``, ``IV``).
_SHORT_WORDS = SHORT_WORDS | frozenset(["un", "uk", "ii", "iv", "vi", "ix", "xi", "mr", "dr", "st"])


def text_veto(text: str) -> str | None:
    """Why a line's own text cannot be a heading, or ``None`` when it can."""
    from teikit.convert.recognizers.letters import salute_at
    from teikit.convert.roles.field import field_label
    from teikit.convert.roles.marking import marking_words

    body = core(text)
    words = body.split()
    if not words or not any(c.isalpha() for c in body):
        return "no words"
    if len(words) > MAX_WORDS or len(text) > MAX_CHARS:
        return "too long for a heading"
    if not re.search(r"[A-Za-z]{2,}", body):
        return "no word of two letters"
    first = body[0]
    if not (first.isupper() or first.isdigit() or first in '“"'):
        return "opens in lower case: it continues a sentence"
    if text.rstrip()[-1] in ",;" or re.search(r"\w-$", text.rstrip()):
        return "ends inside a sentence"
    if _BRACKET_POINT_RE.match(text.strip()):
        return "a point of a list, numbered in brackets"
    if body[0].isdigit() and not NUMBERED_HEAD_RE.match(body):
        return "a number and words: a transcript's line, a point or an entry"
    if (
        _SPEAKER_RE.match(body)
        or _DOTTED_SPEAKER_RE.match(body)
        or salute_at(body)
        or re.match(r"^(?:My\s+)?Dear\s|^Your\s+[A-Z][a-z]+:$", body)
    ):
        return "a speaker's label or a salutation"
    if _FIELD_RE.match(body) and not (body.isupper() and not re.search(r":\s*\d", body)):
        return "a field: a label and its value"
    if _DATE_RE.search(body):
        return "a date"
    if re.search(r"\d{7,}|\bPage\s+\d", body):
        return "a number of a file or page: furniture"
    raw = text.strip(" |'’‘\"“”_")
    unmarked = re.sub(r"(?<=[\])])\d{1,2}$", "", _MARKER_END_RE.sub("", raw))
    if raw[:1] in "([" and unmarked.rstrip(" .-")[-1:] in ")]":
        return "a remark in brackets"
    if raw[:1] in ":;,.—–" or re.match(r"^-(?:-|\s)", raw) or re.search(r"(?:--|[—–])$", raw):
        # (a line opening with a dash is an entry of a run of dashed fragments)
        return "a piece of a sentence"
    if body.count(",") >= 2 and not NUMBERED_HEAD_RE.match(body):
        return "a list or a sentence"
    if caps(body) and body.endswith(".") and not NUMBERED_HEAD_RE.match(body):
        return "a name or a sentence in capitals"
    if marking_words(body) is not None or _CLASSIFIED_RE.search(body):
        return "a marking (classification, precedence, handling)"
    if field_label(body) is not None or label_then_value(body):
        return "a field: a label and its value"
    if _INNER_SENTENCE_RE.search(body) or re.search(r"\w\.\s+[a-z]{2,}", body):
        return "a sentence ends inside it: prose"
    last = body.rstrip(" .").split()[-1] if body.rstrip(" .") else ""
    small_end = (last.lower() in _SMALL_WORDS or last.lower() in _RUN_ON_ENDS) and not caps(body)
    if (small_end and not enumerator_letter(words, len(words) - 1)) or (
        last.islower() and len(last) <= 2
    ):
        return "ends on a small word: the line runs on"
    if body.endswith(".") and len(words) <= 3 and not NUMBERED_HEAD_RE.match(body):
        return "a few words closing a sentence"
    if body.endswith((".", "!", "?")) and len(words) >= 6 and not _titled(body):
        return "a sentence"
    if (
        _NAME_RE.match(body)
        or re.match(r"^(?:Mr|Mrs|Ms|Dr|Prof)\.\s+[A-Z]", body)
        or _NAMED_RE.search(body)
        or (_NAME_TITLE_RE.match(body) and not caps(body))
    ):
        return "a person's name: a signature or a list of those present"
    if body.endswith(":") and (
        not (body.isupper() or _titled(body)) or words[0] in ("The", "A", "An")
    ):
        return "a sentence leading into what follows"
    opening = re.split(r"[,;]", body)[0].split()
    if re.search(r"[,;]", body) and not (body.isupper() or _titled(body)) and len(opening) <= 2:
        # (``Well then, in short``: an opening clause; ``Same process, same result`` a title)
        return "a clause of a sentence"
    return None


def label_then_value(text: str) -> bool:
    """A bare label in capitals, then its value in mixed case, without a colon.

    ``PRESENT Anna Berg and Carl Dahl``, ``SUBJECT Harbour Talks``: a
    memorandum's field whose colon the copy lost, not a title.
    """
    from teikit.convert.roles.field import FIELD_WORDS

    words = text.split()
    if len(words) < 2 or not words[0].isupper() or caps(" ".join(words[1:])):
        return False
    return words[0].lower() in FIELD_WORDS or words[0].lower() in _LABEL_WORDS


def _titled(text: str) -> bool:
    """Title case: most words that are not small words are capitalized."""
    words = re.findall(r"[A-Za-z][\w'’-]*", re.sub(r"\b[ap]\.?m\.?(?=\W|$)", " ", text))
    content = [w for w in words if w.lower() not in _SMALL_WORDS]
    return bool(content) and sum(1 for w in content if w[0].isupper()) >= 0.75 * len(content)


def closes_sentence(text: str) -> bool:
    """Whether a line ends a sentence (or a quotation, a bracket or a label)."""
    return text.rstrip(" '\"”’)]*—–-").endswith((".", "?", "!", ":")) or text.rstrip().endswith(
        ("]", ")")
    )


def set_off_above(line: LineFeatures, doc: DocFeatures) -> str | None:
    """How the line is set apart from what stands before it, or ``None``."""
    from teikit.convert.features import page_mark

    if line.index == 0:
        return "the first line"
    prev = line.prev_text
    if page_mark(prev) or _PAGE_NO_RE.match(prev):
        return "a new page above"
    if line.blank_before and not doc.lines_apart:
        return "a blank line above"
    if speck(prev):
        return "an OCR speck above"
    if closes_sentence(prev):
        return "a closed sentence above"
    from teikit.convert.roles.field import field_label

    if line.blank_before and field_label(prev) is not None:
        # a memorandum head's field (``SUBJECT: …``) is a whole unit, as a sentence is
        return "a field above"
    if line.blank_before:
        return "a blank line above"
    from teikit.convert.roles.marking import marking_words

    if marking_words(core(prev)) is not None:
        return "a marking above"
    if caps(prev) and len(prev.split()) <= 10 and ":" not in prev and clean_share(prev) >= 0.85:
        return "a heading in capitals above"
    return None


def heading_above(line: LineFeatures) -> bool:
    """Whether the line above is a title this one stands under.

    A short clean line in capitals, or a title in title case of three words
    or more (``The Harbour Talks So Far`` over ``What We Have Done``).
    """
    prev = line.prev_text
    if ":" in prev or closes_sentence(prev) or not 2 <= len(prev.split()) <= MAX_WORDS:
        return False
    if caps(prev):
        return clean_share(prev) >= 0.9
    return len(prev.split()) >= 3 and _titled(prev) and text_veto(prev) is None


def speck(text: str) -> bool:
    """An OCR speck on a line of its own: three characters or fewer (``|``, ``Tos``, ``ed``)."""
    return len(text.replace(" ", "")) <= 3


def after_text(line: LineFeatures, doc: DocFeatures, depth: int = 0) -> bool:
    """Whether running text stands before the line (OCR specks between skipped).

    In an OCR copy a heading is found in the body, after a sentence, a page
    turn or a paragraph, not among the printed boxes of a form.
    """
    from teikit.convert.features import page_mark
    from teikit.convert.roles.marking import marking_words

    k = line.index - 1
    while k >= 0 and speck(doc.lines[k].text):
        k -= 1
    if k < 0:
        return True
    prev = doc.lines[k].text
    if depth < 2 and caps(prev) and clean_share(prev) >= 0.85 and len(prev.split()) <= 10:
        # a heading in capitals over a sub-heading: the text stands before the first
        return after_text(doc.lines[k], doc, depth + 1)
    label = prev.rstrip().endswith(":") and len(prev.split()) <= 3 and prev[:1].isupper()
    return (
        (closes_sentence(prev) and not label)
        or page_mark(prev)
        or _PAGE_NO_RE.match(prev) is not None
        or marking_words(core(prev)) is not None
        or (len(prev.split()) >= 4 and clean_share(prev) >= 0.7 and not caps(prev))
        # a title above a sub-heading
        or (not caps(prev) and _titled(prev) and len(prev.split()) >= 3 and text_veto(prev) is None)
    )


def is_prose(line: LineFeatures, doc: DocFeatures, caps_heading: bool) -> bool:
    """A line of running text a heading can stand over.

    Several clean words opening with a capital (or a sentence); under a
    heading in capitals, text in mixed case (capitals under capitals are a
    form's printed boxes, or a teletype). In a clean copy, the paragraph it
    opens closes a sentence or runs on for lines: a list entry (a name, or a
    name and what the person is) closes none.
    """
    from teikit.convert.features import page_mark

    text = re.sub(r"^[a-z]{1,2}\s+(?=[A-Z])", "", line.text.strip(_EDGE_JUNK + " "))
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in '“"('):
        return False
    if len(text.split()) < 4 and not text.rstrip().endswith((".", "?", "!")):
        return False
    if _DATE_RE.search(text) and len(text.split()) <= 8:
        return False  # a dateline
    if clean_share(text) < 0.7 or page_mark(text):
        return False
    if caps_heading and line.upper_ratio > 0.7:
        return False
    if doc.ocr or doc.lines_apart:
        return True
    k = line.index
    while k < len(doc.lines) - 1 and not doc.lines[k].blank_after and k < line.index + 2:
        k += 1
    after = doc.lines[k + 1].text if k + 1 < len(doc.lines) else ""
    if k >= line.index + 2 or closes_sentence(doc.lines[k].text) or _PAGE_NO_RE.match(after):
        return True
    # a short paragraph closing no sentence is prose if it reads as more than an
    # entry of a list: not a name and what the person is (a comma early on)
    before_comma = text.split(",")[0].split() if "," in text else []
    named = 0 < len(before_comma) <= 4 and all(w[:1].isupper() for w in before_comma)
    return not named and len(text.split()) > 6


_POINT_RE = re.compile(r"^(?:\d{1,2}|[a-hA-H])[.,)]\s+\S")


def block_follows(line: LineFeatures, doc: DocFeatures, caps_heading: bool) -> str | None:
    """What the heading stands over: prose, numbered points, or a sub-heading over prose."""
    lines = doc.lines
    k = line.index + 1
    while k < len(lines) and (speck(lines[k].text) or _PAGE_NO_RE.match(lines[k].text)):
        k += 1  # OCR specks between the heading and its text
    if k >= len(lines):
        return None
    nxt = lines[k]
    ntext = nxt.text.strip(_EDGE_JUNK + " ")
    if _POINT_RE.match(ntext) and clean_share(ntext) >= 0.6:
        return "numbered points below"
    if is_prose(nxt, doc, caps_heading):
        return "prose below"
    if _DATE_RE.search(nxt.text) and names_kind(line.text):
        return "its dateline below"
    if dated_title(core(line.text), nxt.text):
        return "its place and date below"
    if record_fields_below(line, doc):
        return "a record's fields below"
    from teikit.convert.recognizers.interview import examiner_label

    if examiner_label(nxt.text) is not None:
        return "the examiner below (BY MS. ROE:): an examination's heading"
    if caps_heading and wraps_caps_heading(nxt) and k + 1 < len(lines):
        # a heading in capitals wrapped onto a second line, its text below that
        after = lines[k + 1]
        if after.blank_before and is_prose(after, doc, caps_heading):
            return "prose below the heading's second line"
    if (
        k + 1 < len(lines)
        and not line.text.rstrip().endswith(":")
        and text_veto(nxt.text) is None
        and len(ntext.split()) <= 8
        and clean_share(ntext) >= 0.8
        and (_POINT_RE.match(lines[k + 1].text) or is_prose(lines[k + 1], doc, False))
    ):
        return "a sub-heading over prose below"
    return None


def emphasis(line: LineFeatures, doc: DocFeatures) -> tuple[float, str] | None:
    """How the line is set as a heading, with its weight, or ``None`` (plain)."""
    body = core(line.text)
    m = NUMBERED_HEAD_RE.match(body)
    if m is not None and not body.rstrip().endswith(("?", ";", ",")) and _titled(m.group("title")):
        return 0.3, "a section number and title"
    if caps(body) and doc.caps < 0.4:
        return 0.3, "capitals in a text typed in mixed case"
    if line.indent >= 8 and len(body) < 0.8 * doc.width:
        return 0.25, "centred or indented"
    if _titled(body) and not caps(body):
        return 0.2, "title case"
    if (
        not doc.ocr
        and not doc.lines_apart
        and len(body.split()) <= 12
        and body[-1:].isalnum()
        and (line.blank_before or closes_sentence(line.prev_text))
    ):
        if len(body) < 0.7 * doc.width and closes_sentence(line.prev_text):
            return 0.3, "a short line closing no sentence after a closed one"
        if len(body) < 0.8 * doc.width and closes_sentence(line.prev_text):
            return 0.2, "a short line closing no sentence after a closed one"
        if line.blank_before and line.blank_after and len(body.split()) <= 12:
            return 0.1, "a short line alone between paragraphs"
    return None


def known_words(text: str) -> bool:
    """Whether the words of a short line are English words (a lone garble is not)."""
    from teikit.convert.lexicon import english

    lex = english()
    words = re.findall(r"[A-Za-z]{2,}", text)
    return bool(words) and all(lex.known(w, 1.0) for w in words)


#: The most words of a heading's second line (``NATIONALS IN THE UNITED STATES``).
WRAP_WORDS = 8


def wraps_caps_heading(nxt: LineFeatures) -> bool:
    """Whether a line goes on a heading in capitals above it: directly below, short, capitals.

    A title too long for its line wraps onto the next (``ACTIVITIES OF THE
    VISITING`` / ``DELEGATIONS``); the text it heads comes after a blank line.
    """
    text = core(nxt.text)
    return (
        not nxt.blank_before
        and caps(text)
        and len(text.split()) <= WRAP_WORDS
        and not text.endswith((".", ",", ";", ":"))
    )


def caps(text: str) -> bool:
    """Set in capitals: nearly every letter, and four letters at least."""
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 4 and sum(1 for c in letters if c.isupper()) > 0.8 * len(letters)


def same_numbering(text: str, nxt: str) -> bool:
    """Whether two lines open with numbers of one series (``1.`` and ``2.``; ``a.`` and ``b.``).

    A numbered section title may stand over lettered points; numbers of one
    series in a row are the points of a list.
    """

    def series(t: str) -> str | None:
        m = re.match(r"^[“\"]?(\d{1,2}|[IVX]{1,5}|[A-Z]|[a-z])[.,)]\s", t.strip())
        if m is None:
            return None
        n = m.group(1)
        if n.isdigit():
            return "digit"
        if re.fullmatch(r"[IVX]+", n) and len(n) > 1:
            return "roman"
        return "upper" if n.isupper() else "lower"

    mine = series(text)
    return mine is not None and mine == series(nxt)


def not_heading(why: str) -> Score:
    """No heading, with the reason (``--explain`` shows it where no role wins)."""
    return Score(0.0, f"not a heading: {why}")


def names_document(text: str) -> bool:
    """A line that is wholly the name of a kind of document (``CONTACT REPORT``).

    Such a line is the copy's title wherever it stands: a printed form's
    name, or the title over the text (even with a colon after it). A field whose
    value is a kind's name (``DOCUMENT TYPE: REPORT`` on a catalogue form) names
    the document it describes, and is a field, not a title.
    """
    from teikit.convert.kinds.named import NAMES
    from teikit.convert.roles.field import field_label

    own = core(text)
    if field_label(own) is not None and re.search(r"[:=]\W*[A-Za-z]", own):
        return False  # a label with its value after the colon
    body = core(text).rstrip(":. ")
    words = body.split()
    if not 2 <= len(words) <= 6 or not caps(body) or not _DOC_NOUN_END_RE.search(body):
        return False
    if len(words) <= 5 and clean_share(body) == 1.0:
        return True
    letters = re.sub(r"[^A-Z]", "", body.upper())
    for _, _, _, pattern, _ in NAMES:
        m = re.search(pattern, body.upper())
        if m is not None and len(re.sub(r"[^A-Z]", "", m.group())) >= 0.6 * len(letters):
            return True
    return False


def names_kind(text: str) -> bool:
    """Whether a title names the kind of its document (``Memorandum of Conversation …``)."""
    from teikit.convert.kinds.named import NAMES

    upper = text.upper()
    return any(re.search(pattern, upper) for _, _, _, pattern, _ in NAMES)


#: A dateline's place before its date or ``undated`` (``Saigon, undated.``).
_PLACE_RE = re.compile(r"^[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,2},\s")


#: The fewest words of a title read as such over its dateline alone (a letterhead,
#: ``Department of State``, has fewer).
DATED_TITLE_WORDS = 5


def dated_title(text: str, below: str) -> bool:
    """A title in title case over a place and date (``Paper Prepared by the Board`` /
    ``Strelsau, undated.``): an enclosed or edited document's title, wherever it stands.
    """
    return (
        len(text.split()) >= DATED_TITLE_WORDS
        and not text.endswith((",", ";", ":", "."))
        and _PLACE_RE.match(below) is not None
        and (_DATE_RE.search(below) is not None or "undated" in below.lower())
        and len(below.split()) <= DATED_TITLE_WORDS + 3
        and not caps(text)
        and _titled(text)
    )


def dateline(text: str) -> bool:
    """A dateline: a date, or a place and a date, on a short line."""
    return len(text.split()) <= 10 and (
        _DATE_RE.search(text) is not None or _PLACE_RE.match(text) is not None
    )


#: The most words of a dateline that names a place and no date (``Camp David, Maryland``).
PLACE_ONLY_WORDS = 4


def first_line_title(line: LineFeatures, doc: DocFeatures) -> bool:
    """The document's title: its first line, in title case, over its dateline.

    An edition's document opens with its title (``Telegram From the Embassy
    in … to the Department of State``), however long, and its dateline.
    """
    text = line.text
    if line.index != 0 or not line.next_text or len(text.split()) > 30:
        return False
    if not text[:1].isupper() or text.rstrip().endswith((",", ";", ":")):
        return False
    if text.rstrip().endswith(".") and not names_kind(text):
        return False
    words = text.rstrip(" .").split()
    if words and (words[-1].lower() in _SMALL_WORDS or words[-1].lower() in _RUN_ON_ENDS):
        return False  # it runs on: the first line of a wrapped paragraph (a source note)
    below = line.next_text
    if (
        _DATE_RE.search(below) is None
        and "undated" not in below.lower()
        and len(below.split()) > PLACE_ONLY_WORDS
    ):
        return False  # a capitalised word and a comma open a sentence too, not only a place
    return _titled(text) and dateline(below) and below != text


def kind_title_over_dateline(line: LineFeatures, doc: DocFeatures) -> bool:
    """A title naming its document's kind, set apart over its dateline, wherever it stands.

    An edition's document (``Memorandum From the Director (Office) to the Assistant
    Secretary (Bureau)``) may stand below the archive's source note rather than on the
    first line; its title opens with the kind and runs as long as the names need.
    """
    text = line.text
    if not (line.blank_before and line.blank_after) or line.index == 0:
        return False
    # in title case, opening with the kind (not a form's ``TITLE:`` box in capitals)
    if caps(text) or not re.match(r"[A-Z][a-z]+\s", text):
        return False
    if not names_kind(" ".join(text.split()[:4])):
        return False
    # (the first line's test, but for its place)
    return first_line_title(replace(line, index=0), doc)


def repeated_furniture(line: LineFeatures, doc: DocFeatures) -> bool:
    """A line that recurs next to page turns: a running head, not a section's title."""
    from teikit.convert.features import page_mark

    if line.repeats < 3:
        return False
    near = [line.prev_text, line.next_text]
    return any(page_mark(t) or _PAGE_NO_RE.match(t) for t in near) or line.index < 3


def title_block(line: LineFeatures, doc: DocFeatures) -> int:
    """The number of lines of a long title set apart that wraps, if ``line`` is one of them.

    A title too long for a line (``Transcript of the Session of the … /
    Committee on …``) runs over two to four lines with no blank between,
    closes no sentence on any of them, is in title case as a whole, and
    stands apart from the text by blank lines; its first line is a full line
    (it wrapped because it was long). 0 when the line is no such title's.
    """
    if doc.ocr or doc.lines_apart:
        return 0
    lines = doc.lines
    # (the walk stops past four lines: a block longer than a title is none)
    first = line.index
    while first > 0 and not lines[first].blank_before and line.index - first < 4:
        first -= 1
    last = line.index
    while last < len(lines) - 1 and not lines[last].blank_after and last - line.index < 4:
        last += 1
    n = last - first + 1
    if not 2 <= n <= 4 or last + 1 >= len(lines):
        return 0
    if not (lines[first].blank_before and lines[last].blank_after):
        return 0  # the walk stopped inside a longer block
    block = [lines[k].text for k in range(first, last + 1)]
    joined = " ".join(block)
    closed = [t for t in block if t.rstrip()[-1] in ".;:!?"]
    # an edition's title may close on the date and hour of its document
    if closed and not (closed == block[-1:] and block[-1].endswith(".") and names_kind(joined)):
        return 0
    if len(joined.split()) > 40:
        return 0
    if len(block[0]) < 0.6 * doc.width:
        return 0
    if block[0].split()[0].lower() in _NOTE_OPENERS or block[0].lstrip().startswith("["):
        return 0  # an editor's note or remark, not a title
    if label_value(lines[first]):
        return 0  # the value of a bare label above (``SUBJECT``), wrapped
    if sum(1 for t in block if _FIELD_RE.match(core(t))) >= 2:
        return 0  # fields, each a label and its value (``Present: …`` / ``Absent: …``)
    # the document's title, at its top, may name its date
    allowed = (None, *_RUNS_ON, "a date") if first == 0 else (None, *_RUNS_ON)
    if text_veto(block[0]) not in allowed:
        return 0
    if caps(joined) or not _titled(joined) or clean_share(joined) < 0.8:
        return 0
    if _INNER_SENTENCE_RE.search(joined):
        return 0
    after = lines[last + 1].text
    return n if after[:1].isupper() or after[:1].isdigit() else 0


def _short(text: str, width: int) -> bool:
    """A short line that closes no sentence: a list entry, a label, a heading."""
    return (
        len(text.split()) <= 12
        and len(text) < 0.75 * width
        and not text.rstrip(' )”"').endswith((".", "!", "?"))
    )


#: Labels a memorandum sets on a line of their own, their value on the next.
_LABEL_WORDS = frozenset(["participants", "present", "attendees", "attendance"])


def label_value(line: LineFeatures) -> bool:
    """Whether the line above is a bare field label (``SUBJECT``): the line is its value."""
    from teikit.convert.roles.field import FIELD_WORDS

    prev = line.prev_text.strip(" :|").lower()
    return prev in FIELD_WORDS or prev in _LABEL_WORDS


def in_list(line: LineFeatures, doc: DocFeatures) -> bool:
    """Whether the line is one of a run of short lines: an entry of a list.

    Those present at a meeting, the addressees of a memorandum, a form's
    labels: short lines one after another, with no text between. A heading
    stands over text; stacked headings (a country, then its first topic)
    have text two lines below. The first line of a run may be a heading over
    the list; the others are its entries.
    """
    from teikit.convert.features import page_mark
    from teikit.convert.roles.marking import marking_words

    k = line.index
    lines = doc.lines
    in_caps = caps(line.text)

    def entry(j: int) -> bool:
        text = lines[j].text
        # the last line of a paragraph of full lines is no entry
        ends_para = j > 0 and not lines[j].blank_before and not _short(lines[j - 1].text, doc.width)
        return (
            not ends_para
            and not editorial_remark(text)
            and _short(text, doc.width)
            and not speck(text)
            and caps(text) == in_caps  # entries of one list are set alike
            and clean_share(text) >= 0.75
            and re.search(r"[A-Za-z]{3}", text) is not None
            and not (
                _PAGE_NO_RE.match(text)
                or page_mark(text)
                or _DATE_RE.search(text)
                or marking_words(core(text)) is not None
            )
        )

    before = 0
    while k - before - 1 >= 0 and before < 3 and entry(k - before - 1):
        before += 1
    after = 0
    while k + after + 1 < len(lines) and after < 3 and entry(k + after + 1):
        after += 1
    return before >= 1 and before + after + 1 >= 3


def wrapped_heading(line: LineFeatures, doc: DocFeatures) -> bool:
    """A heading run into the text that wraps onto a short second line.

    ``Facts to be placed before the … / forum`` between a closed sentence and
    the capitalized text: the first line closes no sentence, the second (a
    few words, on the next line or, opening in lower case, after a blank
    line a copy's extraction left) closes none either, and the text goes on.
    """
    if doc.ocr or doc.lines_apart:
        return False
    lines = doc.lines
    k = line.index - 1 if _wrap_tail(line) else line.index
    if k < 1 or k + 2 >= len(lines):
        return False
    first, second, after = lines[k], lines[k + 1], lines[k + 2]
    if not closes_sentence(first.prev_text) or not _wrap_tail(second):
        return False
    if text_veto(first.text) not in (None, *_RUNS_ON) or first.text.rstrip()[-1] in ".;:,!?":
        return False
    if not first.text[:1].isupper() or len((first.text + " " + second.text).split()) > 16:
        return False
    parts = (first.text, second.text)
    if any(labelled_identifiers(t) or opens_with_identifier_label(t) for t in parts):
        return False  # a form's field and its number (``REPORT NO. AB-1/234``), no title
    return after.text[:1].isupper() and len(after.text.split()) >= 5


def _wrap_tail(line: LineFeatures) -> bool:
    """A short tail (a few words closing no sentence) under a line closing none."""
    return (
        line.index > 0
        and len(line.text.split()) <= 6
        and line.text[-1:].isalnum()
        and (not line.blank_before or line.text[:1].islower())
        and line.prev_text.rstrip()[-1:] not in ".;:,!?"
    )


def editorial_remark(text: str) -> bool:
    """A line wholly in square brackets: an editor's remark (``[Omitted here is …]``).

    It stands between parts of the text, not among the entries of a list.
    """
    t = text.strip()
    return t.startswith("[") and t.endswith("]") and len(t.split()) >= 2


#: A section's number alone on its line (``II``, ``IV.``).
_ROMAN_ALONE_RE = re.compile(r"^(?=[IVXL])X{0,3}(?:IX|IV|V?I{0,3})\.?$")


def section_number_alone(line: LineFeatures, doc: DocFeatures) -> bool:
    """A roman numeral alone, set apart between paragraphs: a section's number as its heading.

    In a clean copy a report numbers its parts so (``II`` over the text of the
    second part); an OCR copy's lone ``I`` or ``V`` may be a smudge, so there
    it is none.
    """
    if doc.ocr or not _ROMAN_ALONE_RE.match(line.text.strip()) or line.index + 1 >= len(doc.lines):
        return False
    if not (line.blank_before or line.index == 0) or not line.blank_after:
        return False
    if line.index > 0 and not (closes_sentence(line.prev_text) or heading_above(line)):
        return False
    nxt = line.next_text
    return nxt[:1].isupper() and not _ROMAN_ALONE_RE.match(nxt.strip())


#: The name of a part a document encloses (``Attachment``, ``Tab A``, ``Annex II``).
_PART_NAME_RE = re.compile(
    r"^(?:Attachment|Enclosure|Annex|Appendix|Tab|Exhibit|Addendum)s?"
    r"(?:\s+(?:[A-Z]|\d{1,2}|[IVX]{1,4}))?$",
    re.IGNORECASE,
)


def names_part(text: str) -> bool:
    """Whether a line is wholly the name of an enclosed part (``Attachment``, ``Tab B``)."""
    return _PART_NAME_RE.match(core(text).rstrip(":. ")) is not None


def under_caps_title(line: LineFeatures, doc: DocFeatures) -> bool:
    """Whether a clean copy's line stands right under a title in capitals (a sub-heading's place).

    ``THE OUTLOOK`` over ``Conclusions``: a word alone there is the first
    part's heading, not a form's box (a clean copy has no printed boxes).
    """
    if doc.ocr or line.index == 0:
        return False
    prev = line.prev_text
    return (
        caps(prev)
        and 2 <= len(prev.split()) <= MAX_WORDS
        and ":" not in prev
        and not closes_sentence(prev)
        and clean_share(prev) >= 0.9
    )


def record_fields_below(line: LineFeatures, doc: DocFeatures) -> bool:
    """Whether a memorandum's field labels follow the line, a dateline between allowed.

    A record of a meeting is titled over its fields: ``MEETING OF MINISTERS`` /
    ``June 1960`` / ``PARTICIPANTS``; the title names the record below.
    """
    from teikit.convert.roles.field import FIELD_WORDS, field_label

    own = core(line.text)
    if (
        len(own.split()) < 2
        or own.endswith(":")
        or field_label(own) is not None
        or re.match(r"^memorandum\s+for\b", own, re.IGNORECASE)
    ):
        return False  # a label itself (``MEMORANDUM FOR:``), not a title
    k = line.index + 1
    if k < len(doc.lines) and dateline(doc.lines[k].text):
        k += 1
    if k >= len(doc.lines):
        return False
    label = doc.lines[k].text.strip(" :|").lower()
    return (
        label in FIELD_WORDS
        or label in _LABEL_WORDS
        or re.match(r"^those\s+(?:present|attending)\b", label) is not None
    )


def heading_score(line: LineFeatures, doc: DocFeatures) -> Score:
    """How sure the line is a heading, and the cues that say so (see the module)."""
    text = line.text
    if wrapped_heading(line, doc):
        return Score(0.6, "a heading run into the text, set apart over 2 lines")
    wrapped = title_block(line, doc)
    if wrapped:
        return Score(0.65, f"a heading: a title in title case set apart over {wrapped} lines")
    if (
        names_document(text)
        and not text.rstrip().endswith(".")
        and set_off_above(line, doc) is not None
        and (line.blank_before or line.blank_after or line.index == 0)
    ):
        return Score(0.85, "a heading: the name of a kind of document on a line of its own")
    if first_line_title(line, doc):
        return Score(0.7, "a heading: the document's title on its first line, over its dateline")
    if kind_title_over_dateline(line, doc):
        return Score(0.7, "a heading: a title naming its document's kind, over its dateline")
    if section_number_alone(line, doc):
        return Score(0.6, "a heading: a section's number alone, set apart between paragraphs")
    if (
        names_part(text)
        and not doc.ocr
        and set_off_above(line, doc) is not None
        and line.next_text[:1].isupper()
    ):
        return Score(0.7, "a heading: the name of an enclosed part on a line of its own")
    veto = text_veto(text)
    if veto is not None:
        return not_heading(veto)
    if in_list(line, doc):
        return not_heading("one of a run of short lines: an entry of a list")
    if repeated_furniture(line, doc):
        return not_heading("it recurs at page turns: a running head")
    body = core(text)
    if NUMBERED_HEAD_RE.match(body) and same_numbering(body, line.next_text):
        return not_heading("numbered lines in a row are the points of a list")
    above = set_off_above(line, doc)
    if above is None:
        return not_heading("it continues the line above")
    if label_value(line):
        return not_heading("the value of the label above (SUBJECT, PARTICIPANTS)")
    in_caps = caps(body)
    below = block_follows(line, doc, in_caps)
    if below is None:
        return not_heading("no text follows that it could name")
    style = emphasis(line, doc)
    if style is None:
        return not_heading("set like the text (no capitals, title case, number or indent)")
    if clean_share(body) < (0.8 if doc.ocr else 0.75):
        return not_heading("too garbled")
    single = len(re.findall(r"[A-Za-z]{2,}", body)) == 1
    numbered = style[1] == "a section number and title" and clean_share(body) == 1.0
    under_title = under_caps_title(line, doc)
    if (doc.ocr or single) and not numbered and not under_title and not after_text(line, doc):
        return not_heading("it stands among a form's boxes, not after text")
    if not in_caps and len(body.split()) <= 3 and names_part(line.next_text):
        return not_heading("a name over an enclosed part: the signature closing the text")
    set_apart = line.blank_before or above == "a new page above"
    if (
        single
        and not numbered
        and not (set_apart and known_words(body) and not body.endswith(".") and len(body) >= 4)
    ):
        return not_heading("a word alone, not set off or no English word: a label or a garble")
    value = 0.2 + style[0]
    cues = [style[1], above, below]
    if (line.blank_before and not doc.lines_apart) or above == "an OCR speck above":
        # (a speck on a line of its own stands where the copy had a blank line)
        value += 0.1
    elif doc.lines_apart and above in (
        "a closed sentence above",
        "a new page above",
        "a field above",
    ):
        # where every paragraph stands apart, the sentence closed above (or the page
        # turned above) sets it off
        value += 0.1
    elif doc.lines_apart and above == "a blank line above" and heading_above(line):
        # a sub-heading stacked under a title in capitals (``THE OUTLOOK`` / ``The Problem``)
        value += 0.1
        cues.append("a heading in capitals above")
    if line.blank_after and not doc.lines_apart:
        value += 0.1
        cues.append("a blank line below")
    if below == "its dateline below" or line.index == 0:
        # a document's title stands at its top, or over its dateline
        value += 0.1
    if body.rstrip('”"’)').endswith("."):
        # a title rarely closes with a stop; a set-off numbered title may
        value -= 0.1
    if doc.ocr and not (line.blank_before or line.blank_after or above == "an OCR speck above"):
        value -= 0.1
    if len(text) > 0.85 * doc.width and not line.blank_after and not in_caps:
        # a full line running on into the next is the first line of a paragraph
        value -= 0.2
    value = round(min(value, 0.8), 2)
    if value < 0.5:
        return not_heading(f"too little sets it off ({'; '.join(cues)})")
    return Score(value, "a heading: " + "; ".join(cues))


@role("heading")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    return heading_score(line, doc)
