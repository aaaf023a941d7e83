"""Lists of those present: a ``Participants:`` or ``PRESENT`` label and a name a line.

A record of a meeting names its participants under a label of its own, one name
(often with an office: ``Jane Roe, Counselor of Embassy``) a line or a paragraph,
sometimes grouped by side under a group's name (``United States``, ``Soviet Side:``).
Read as prose, each name would be a paragraph or, worse, a heading. This module
finds such lists in a sequence of blocks (each a list of lines) and says which
entries are groups and which part of a person's entry is the name, so that the
assembly can write a ``list`` of ``item``\\ s and list the persons in the header.

Pure functions on strings: the caller maps blocks to paragraphs and offsets.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teikit.convert.recognizers.speakers import TITLES

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The label of a list of those present, alone on its line or before the first name.
LABEL_RE = re.compile(
    r"^(?P<label>(?:(?:also|others|persons)\s+)?(?:participants?|present|attendees|"
    r"in\s+attendance|attending)(?:\s+were)?)(?:\s*:\s*|\s*$)(?P<rest>.*)$",
    re.I,
)
#: An entry has at most this many words (a name with an office); more is prose.
MAX_ENTRY_WORDS = 18
#: A wrapped line this long or longer may go on in the next line of the same entry.
WRAP_WIDTH = 60
#: Words that make a short entry a group of people (a side, a delegation, an agency).
GROUP_WORDS = frozenset(
    (
        "side",
        "delegation",
        "delegations",
        "states",
        "kingdom",
        "union",
        "republic",
        "government",
        "staff",
        "department",
        "house",
        "committee",
        "members",
        "embassy",
        "ministry",
        "office",
        "agency",
        "council",
        "party",
        "representatives",
        "representing",
        "others",
        "group",
    )
)
#: Labels of the other fields of a record, which end the list (``SUBJECT``, ``Place:``).
FIELD_WORDS = frozenset(
    (
        "subject",
        "subjects",
        "date",
        "time",
        "place",
        "location",
        "date and time",
        "date and place",
        "time and place",
        "copies",
        "copy",
        "distribution",
        "ref",
        "reference",
        "references",
        "summary",
        "source",
        "classification",
        "to",
        "from",
        "via",
        "agenda",
        "purpose",
        "topics",
    )
)
_FIELD_RE = re.compile(r"^[A-Z][\w&/ ’'-]{0,30}:(?:\s|$)")
#: A sentence's end and the next one's start; a short word's period is an abbreviation's
#: (``Under Sec. Roe``, ``Dep. Asst. Sec.``).
_SENTENCE_RE = re.compile(r"[a-z]{4,}[.!?][”\"’)]?\s+[A-Z]")
_DASH_RE = re.compile(r"\s*(?:—|--|\s-\s)\s*")
_NAME_END_RE = re.compile(r",|\s\(|;")
_WORD_RE = re.compile(r"[\w.’'-]+")


@dataclass(frozen=True, slots=True)
class Entry:
    """One entry: where its lines are, its text, and the person's name in it.

    ``lines`` are ``(block, line)`` indexes; ``start`` is where the entry begins in its
    first line (after an inline label), ``end`` where it ends in its last (several
    names on the label's line). ``name`` is ``text[name_start:name_end]``,
    empty for a group.
    """

    lines: tuple[tuple[int, int], ...]
    start: int
    text: str
    group: bool
    name_start: int = 0
    name_end: int = 0
    #: where the entry ends in its last line (``0``: at the line's end)
    end: int = 0
    #: the name's place was decided with the line (names under a plural title), not
    #: to be found again in the entry's text
    span_given: bool = False

    @property
    def name(self) -> str:
        return self.text[self.name_start : self.name_end]


@dataclass(frozen=True, slots=True)
class ParticipantList:
    """A label (block ``label``, its first ``label_end`` characters) and its entries.

    The list runs from block ``label`` to block ``end`` (exclusive); blocks between
    that are ``None`` (page breaks, furniture) stand among the entries.
    """

    label: int
    label_end: int
    end: int
    entries: tuple[Entry, ...]


#: A longer label that says who was there and ends with a colon (``Those attending
#: the meeting were:``, ``The following were present:``).
PHRASE_LABEL_RE = re.compile(
    r"^(?P<label>(?=[^:]*\b(?:present|attending|attended|participants?|participating|"
    r"attendance)\b)[^:.;]{3,70}:)\s*(?P<rest>.*)$",
    re.I,
)
#: A line that announces the persons a meeting was held with (``NOTES OF THE MEETING OF
#: THE PRESIDENT WITH``, ``Conversation with:``), the names following it.
WITH_LABEL_RE = re.compile(
    r"^(?P<label>[^:.;]{0,70}\b(?:meeting|met|conversation|talks?|luncheon|lunch|dinner)\b"
    r"[^:.;]{0,40}\bwith\s*:?)\s*(?P<rest>)$",
    re.I,
)
#: A phrase label has at most this many words.
MAX_LABEL_WORDS = 8


def is_label(line: str) -> re.Match[str] | None:
    """The label of a participants list at the start of ``line``, if it is one."""
    m = LABEL_RE.match(line.strip())
    if m is None:
        text = line.strip()
        # in capitals the colon may be left out (``THOSE ATTENDING THE MEETING``)
        m = PHRASE_LABEL_RE.match(text if text.endswith(":") or not text.isupper() else text + ":")
        if m is None:
            m = WITH_LABEL_RE.match(text)
            return m if m is not None and len(m.group("label").split()) <= 12 else None
        if len(m.group("label").split()) > MAX_LABEL_WORDS:
            return None
        first, _, after = text.partition(" ")
        if ":" not in text and LABEL_RE.match(first) and after and _caps_title_rest(after):
            return None  # ``PRESENT TRENDS IN THE REGION``: a title in capitals, no label
        return m if not m.group("rest") else None
    rest = m.group("rest")
    if rest and not _could_be_entry(rest):
        return None
    if not rest and ":" not in line and not _label_alone(line):
        return None
    return m


def _caps_title_rest(rest: str) -> bool:
    """Whether what follows a label word without a colon reads as the rest of a title.

    In capitals, with a small word of a title (``TRENDS IN THE REGION``) and no
    title of a person first (``SECRETARY OF STATE`` is an entry).
    """
    words = rest.split()
    return (
        rest.isupper()
        and not _is_title(words[0])
        and any(w in ("IN", "OF", "THE", "AND", "FOR", "ON", "TO", "AT") for w in words[1:])
    )


def _label_alone(line: str) -> bool:
    """``PARTICIPANTS`` or ``Participants`` alone: a label, not a sentence's word."""
    text = line.strip()
    return text[:1].isupper() and len(text.split()) <= 3


def _could_be_entry(text: str) -> bool:
    text = text.strip()
    if not text or text[0].islower():
        return False
    return len(text.split()) <= MAX_ENTRY_WORDS and _SENTENCE_RE.search(text) is None


def _is_title(word: str) -> bool:
    return word.lower() in TITLES or word.lower().rstrip(".") in TITLES


def is_group(text: str) -> bool:
    """Whether an entry names a group (a side, a country, an agency), not a person.

    A group's entry ends with a colon (``Soviet Side:``), or is short, has no comma
    or title (``Ambassador``, ``Mr.``) and is one word (``France``, ``Treasury``,
    ``USSR``) or has a group word (``United States``, ``NSC Staff``).
    """
    text = text.strip()
    if text.endswith(":"):
        return True
    if "," in text or "(" in text or _DASH_RE.search(text):
        return False
    words = text.split()
    if not words or len(words) > 4 or any(_is_title(w) for w in words):
        return False
    if words[0].lower() == "the":
        return False
    if len(words) == 1:
        return not re.search(r"[a-z]\.$", text)
    return any(w.lower().strip(".:") in GROUP_WORDS for w in words) or all(
        w.isupper() or w.lower() in ("of", "and", "the") for w in words
    )


def name_span(text: str) -> tuple[int, int]:
    """Where the person's name is in an entry: before the office, beside a dash.

    ``Jane Roe, Counselor`` → ``Jane Roe``; ``EUR—Mr. Roe`` → ``Mr. Roe``;
    ``Mr. Roe—EUR`` → ``Mr. Roe``; ``John Doe (notetaker)`` → ``John Doe``.
    """
    start, end = 0, len(text)
    parts = [(m.start(), m.end()) for m in _DASH_RE.finditer(text)]
    if parts:
        cut_start, cut_end = parts[0]
        before, after = text[:cut_start], text[cut_end:]
        after_words = _WORD_RE.findall(after)
        before_words = _WORD_RE.findall(before)
        titled_after = any(_is_title(w) for w in after_words[:2])
        short_before = len(before_words) <= 2 and not any(_is_title(w) for w in before_words)
        if titled_after or (short_before and before.replace("/", "").isupper()):
            start = cut_end
        else:
            end = cut_start
    m = _NAME_END_RE.search(text, start, end)
    if m is not None:
        end = m.start()
    while end > start and text[end - 1] in " .:;":
        if text[end - 1] == "." and re.search(r"(?:\b\w|Mr|Mrs|Ms|Dr|Jr|Sr)\.$", text[start:end]):
            break
        end -= 1
    return start, end


def _entry_text(text: str) -> bool:
    """An entry's text: short, no running sentence, no field, no editor's note."""
    text = text.strip()
    if not text or text.startswith(("[", "(")) or is_label(text):
        return False
    if text.rstrip(":").strip().lower() in FIELD_WORDS:
        return False
    if len(text.split()) > MAX_ENTRY_WORDS or _SENTENCE_RE.search(text) or _prose(text):
        return False
    return not (_FIELD_RE.match(text) and not is_group(text))


#: Lower-case words a name or an office has (``Secretary of State``, ``Ludwig von Roe``).
_NAME_LOWER = frozenset(
    [
        "of",
        "the",
        "and",
        "for",
        "to",
        "in",
        "on",
        "at",
        "de",
        "del",
        "della",
        "di",
        "da",
        "du",
        "des",
        "la",
        "le",
        "van",
        "von",
        "der",
        "den",
        "y",
    ]
)


def _prose(text: str) -> bool:
    """A sentence, not a name: more than two lower-case words beside the particles."""
    lower = [w for w in _WORD_RE.findall(text) if w[0].islower() and w not in _NAME_LOWER]
    return len(lower) > 2 and len(lower) > 0.3 * len(text.split())


def _heading_after(text: str) -> bool:
    """Whether the last entry before the prose is rather the heading of that prose.

    A topic (``Possible Visit by Mayor Roe to Geneva``) is longer than a bare name, opens
    with no title and sets no office apart with a comma or brackets.
    """
    words = text.split()
    if len(words) < 4 or any(ch in text for ch in ",(;—"):
        return False
    first = words[0]
    return not (_is_title(first) or first.lower() == "the" or re.match(r"^[A-Z]\.$", first))


def _continues(prev: str) -> bool:
    """Whether the line after ``prev`` is the rest of a hard-wrapped entry."""
    return len(prev) >= WRAP_WIDTH and not prev.rstrip().endswith((".", ":"))


_Raw = tuple[tuple[int, int], int, str]


def _block_entries(raw: list[_Raw]) -> list[Entry] | None:
    """A block's lines as entries, or ``None`` when one of them is not an entry."""
    entries = _entries(raw)
    return entries if all(_entry_text(e.text) for e in entries) else None


def find_lists(blocks: Sequence[Sequence[str] | None]) -> list[ParticipantList]:
    """Every participants list in ``blocks`` (``None`` for a page break or furniture).

    A list is a label, then entries: the label's rest and every line of the blocks
    after it, up to a block with prose, a field or an editor's note. A hard-wrapped
    entry (a line of :data:`WRAP_WIDTH` characters or more) goes on in the next line
    of its block. The last entry is never a group; a list needs one person.
    """
    out: list[ParticipantList] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        m = is_label(block[0]) if block else None
        if block is None or m is None:
            i += 1
            continue
        label_end = m.start("rest") if m.group("rest") else len(block[0])
        inline = _inline_entries(i, block[0], label_end)
        first = _block_entries([((i, k), 0, line) for k, line in enumerate(block[1:], 1)])
        if first is None or not all(_entry_text(e.text) for e in inline):
            i += 1
            continue
        entries = [*inline, *first]
        j = i + 1
        while j < len(blocks):
            nxt = blocks[j]
            if nxt is None:
                j += 1
                continue
            more = _block_entries([((j, k), 0, line) for k, line in enumerate(nxt)])
            if more is None:
                break
            entries.extend(more)
            j += 1
        while entries and (entries[-1].group or _heading_after(entries[-1].text)):
            gone = entries.pop()
            # a block leaves the list whole: the list's end is a block's end, and an
            # entry kept from a block whose other lines left would lose them
            while entries and entries[-1].lines[-1][0] == gone.lines[0][0]:
                entries.pop()
        if not any(not e.group for e in entries):
            i += 1
            continue
        last_block = entries[-1].lines[-1][0]
        out.append(ParticipantList(i, label_end, last_block + 1, tuple(entries)))
        i = last_block + 1
    return out


#: Several names on the label's line, each opened by a title or ``the``.
_INLINE_SEP_RE = re.compile(r"[;,]\s+")
#: A title in the plural before the names it applies to (``Senators Roe, Doe and Poe``).
PLURAL_TITLES = frozenset(
    (
        "senators",
        "messrs.",
        "messrs",
        "representatives",
        "congressmen",
        "ambassadors",
        "generals",
        "admirals",
        "colonels",
        "ministers",
        "drs.",
        "doctors",
        "mmes.",
    )
)
#: Between the names under a plural title: a comma, ``and``, or both.
_NAMES_SEP_RE = re.compile(r",\s+(?:and\s+)?|\s+and\s+|;\s+")
_ONE_NAME_RE = re.compile(r"^[A-Z][\w’'-]+(?:\s+[A-Z][\w’'-]+){0,2}\.?$")


def plural_title_entries(block: int, line: str, start: int) -> list[Entry] | None:
    """One entry per name after a title in the plural, or ``None`` when the line is not so.

    ``Senators Roe, Doe and Poe`` names three persons, each a senator: the title
    is the first entry's text, outside its name. Every part must be a name (one to
    three capitalized words), so ``Messrs. Roe and Doe of the Treasury`` stays one entry.
    """
    words = line[start:].split()
    if len(words) < 2 or words[0].lower() not in PLURAL_TITLES:
        return None
    names_at = line.index(words[1], start + len(words[0]))
    end = len(line.rstrip())
    bounds: list[tuple[int, int]] = []
    a = names_at
    for m in _NAMES_SEP_RE.finditer(line, names_at, end):
        bounds.append((a, m.start()))
        a = m.end()
    bounds.append((a, end))
    if len(bounds) < 2 or not all(_ONE_NAME_RE.match(line[p:q]) for p, q in bounds):
        return None
    out = []
    for k, (p, q) in enumerate(bounds):
        begin = start if k == 0 else p
        stop = bounds[k + 1][0] if k + 1 < len(bounds) else 0
        text = line[begin : stop or end]
        na, nb = name_span(line[p:q])  # a closing stop is the sentence's, an initial's kept
        out.append(
            Entry(((block, 0),), begin, text, False, p - begin + na, p - begin + nb, stop, True)
        )
    return out


def _inline_entries(block: int, line: str, label_end: int) -> list[Entry]:
    """The names after the label on its own line: one entry, or one per name.

    ``Participants: Ambassador Roe, Mr. Doe`` names two persons, but ``Present: Jane
    Roe, Counselor`` one with her office: the line is cut at commas (always at
    semicolons) only when every part opens with a title or ``the``.
    """
    rest = line[label_end:]
    start = label_end + len(rest) - len(rest.lstrip())
    if not rest.strip():
        return []
    plural = plural_title_entries(block, line, start)
    if plural is not None:
        return plural
    cuts = list(_INLINE_SEP_RE.finditer(line, start))
    parts: list[tuple[int, int]] = []
    a = start
    for m in cuts:
        parts.append((a, m.end()))
        a = m.end()
    parts.append((a, len(line.rstrip())))
    titled = all(
        (w := line[p:q].split()) and (_is_title(w[0]) or w[0].lower() == "the") for p, q in parts
    )
    if len(parts) > 1 and not titled:
        semis = [m for m in cuts if m.group().startswith(";")]
        parts = []
        a = start
        for m in semis:
            parts.append((a, m.end()))
            a = m.end()
        parts.append((a, len(line.rstrip())))
    out = []
    for p, q in parts:
        text = line[p:q].strip()
        group = is_group(text)
        na, nb = (0, 0) if group else name_span(text)
        end = q if q < len(line.rstrip()) else 0
        out.append(Entry(((block, 0),), p, text, group, na, nb, end))
    return out


def _entries(raw: list[_Raw]) -> list[Entry]:
    """Lines grouped into entries (a wrapped entry's lines joined), each judged."""
    groups: list[list[_Raw]] = []
    for where, start, line in raw:
        if groups and where[0] == groups[-1][-1][0][0] and _continues(groups[-1][-1][2]):
            groups[-1].append((where, start, line))
        else:
            groups.append([(where, start, line)])
    out = []
    for g in groups:
        text = " ".join(line.strip() for _, _, line in g)
        group = is_group(text)
        a, b = (0, 0) if group else name_span(text)
        out.append(Entry(tuple(w for w, _, _ in g), g[0][1], text, group, a, b))
    return out
