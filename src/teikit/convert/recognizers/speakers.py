"""Speaker labels of conversation records, and the people they name.

Labels come in the forms records use: a surname in capitals with initials
(``IVANOV I.I.:``, ``PETROV, P.P.:``), a name in capitals (``LI WEI:``)
or an honorific and a name (``Comrade Li Wei:``). A label already seen
with a colon is also recognized with a period (``Comrade Li Wei.``), a
common slip that would otherwise swallow a turn. Identifiers follow the
contract: lower-case ASCII, honorifics dropped, initials last.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teikit.convert.recognizers.pages import Para
from teikit.convert.zones import Line

if TYPE_CHECKING:
    from collections.abc import Sequence

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
#: A word in capitals; the OCR's zero for an O between capitals (``LE0POLD``) is a letter.
_CAPS_WORD = rf"[{_UP}](?:[{_UP}'’\-]|0(?=[{_UP}]))+"
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
        # ``BY MR. ROE:`` in a deposition says who examines next: no one speaks it
        "by",
    )
)


@dataclass(frozen=True)
class Label:
    """A speaker label at the start of a paragraph.

    ``start`` and ``close`` are for a label written with a margin before it or
    slips in it (``12 Mr.. Smith..``): the speaker's words as written are
    ``text[start:close]``; what stands before ``start`` is the copy's margin.
    """

    label: str  # as written, without its punctuation (a hearing's label: regularized)
    punct: str  # ":" or "."
    end: int  # where the spoken text starts
    start: int = 0  # where the label starts (a margin before it)
    close: int = -1  # where the label's punctuation ends; -1: one character after the label

    @property
    def written_end(self) -> int:
        """Where the label as written (with its punctuation) ends."""
        return self.close if self.close >= 0 else self.start + len(self.label) + 1


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


#: Words of an office after a title (``of State``, ``of Foreign Affairs``) are this common.
OFFICE_ZIPF = 4.0


def slug(name: str) -> str:
    """The contract's person id: ``IVANOV I.I.`` → ``ivanov-ii``; ``DR. SMITH`` → ``smith``.

    Honorifics and titles before a name are dropped, whatever their case, so a
    person labelled ``Dr. Smith`` and ``DR. SMITH`` is one person; a label made
    of titles only (``The Vice President``) keeps them, without ``the``.
    """
    words = name.replace(",", " ").split()
    # a label ending in a verb of speech names its speaker before the verb
    # (``The President went on to say`` is the president)
    words = _split_verb(words)[0] or words
    if words and words[0].lower() == "the":
        words = words[1:]
    k = 0
    while k < len(words) and (words[k] in HONORIFICS or words[k].lower() in TITLES):
        k += 1
    if 0 < k < len(words) and words[k].lower() in ("of", "for"):
        # the office of a title (``Secretary of State Rusk``): its common words, not the name
        from teikit.convert.recognizers.words import zipf

        j = k + 1
        while j < len(words) and (words[j].lower() == "the" or zipf(words[j]) >= OFFICE_ZIPF):
            j += 1
        k = j
    if k < len(words):
        words = words[k:]
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


#: Words that part the names of a heading (``X and Y``, ``RECORD OF CONVERSATION WITH X``):
#: a name runs after the last of them.
_SEGMENT_SPLIT_RE = re.compile(
    r",|\b(?:and|with|between|on|of|by|for|from|to|the)\b", re.IGNORECASE
)
_CAPS_RUN_RE = re.compile(
    rf"((?:{_CAPS_WORD}|{_INITIALS})(?:\s+(?:{_CAPS_WORD}|{_INITIALS}))*)\s*$"
)
#: An honorific in any case, then one to four name words (capitalized: ``and comrade``
#: after a name is no part of it).
_HON_NAME_RE = re.compile(
    rf"(?i:\b(?:{_HON}|comrade|cde\.)\s+)({_NAME_WORD}(?:\s+{_NAME_WORD}){{0,3}})"
)


def heading_names(heading: str) -> list[str]:
    """People named in a record's heading (capitals, or an honorific and a name)."""
    found: list[str] = []
    for m in _HON_NAME_RE.finditer(heading):
        words = m.group(1).split()
        while words and words[-1].lower().rstrip(".") + "." in TITLES:
            words = words[:-1]  # the next person's honorific (``Novak and Dr. Poe``)
        name = " ".join(words)
        if name and not name.isupper():
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
        if len(words) >= 2 and real and not _institution(words):
            found.append(" ".join(words))
    return found


#: Words that make a run of capitals a body's name, not a person's (``SENATE SELECT
#: COMMITTEE``, ``UNITED STATES``, ``CENTRAL INTELLIGENCE AGENCY``).
INSTITUTION_WORDS = frozenset(
    (
        "senate",
        "congress",
        "committee",
        "subcommittee",
        "commission",
        "council",
        "department",
        "ministry",
        "office",
        "agency",
        "bureau",
        "embassy",
        "consulate",
        "government",
        "states",
        "united",
        "nations",
        "republic",
        "kingdom",
        "union",
        "party",
        "house",
        "court",
        "administration",
        "service",
        "services",
        "intelligence",
        "security",
        "affairs",
        "activities",
        "division",
        "branch",
        "staff",
        "board",
        "delegation",
        "headquarters",
        "station",
        "army",
        "navy",
        "force",
    )
)


def _institution(words: Sequence[str]) -> bool:
    return any(w.lower().strip(".,") in INSTITUTION_WORDS for w in words)


# -- the chair ---------------------------------------------------------------------
#
# A hearing or a committee's transcript labels its chair by the office (``The
# CHAIRMAN.``), and names the person once, in the list of those present
# (``Senator Jane Roe, Chairman``) or the opening note (``Dr. Jane Roe presiding``).

_CHAIR_NAME = (
    rf"(?:(?:Dr|Mr|Mrs|Ms|Senator|Representative|Congressman|Congresswoman|Hon|Judge)\.?\s+)?"
    rf"[{_UP}][{_LO}{_UP}.'’-]*(?:\s+[{_UP}][{_LO}{_UP}.'’-]*){{0,3}}"
)
_CHAIR_RE = re.compile(
    rf"(?P<a>{_CHAIR_NAME}),?\s+(?:\(?(?:Chairman|Chairwoman|Chairperson|Chair)\b|presiding\b)"
    rf"|\b(?:Chairman|Chairwoman)\s+(?P<b>{_CHAIR_NAME})"
)
#: Labels that name the chair by the office.
CHAIR_LABELS = frozenset(("chairman", "chairwoman", "chairperson", "chair"))


def chair_named(lines: Sequence[str]) -> str | None:
    """The person a document names as its chair, if one is named and only one.

    ``Senator Jane Roe, Chairman`` and ``Dr. Jane Roe presiding`` name her; the
    chair is then the person behind a ``The CHAIRMAN.`` label.
    """
    found: set[str] = set()
    names: list[str] = []
    for line in lines:
        for m in _CHAIR_RE.finditer(line[:200]):
            name = " ".join((m.group("a") or m.group("b")).split())
            if name.split()[0].lower() in ("the", "a", "mr.", "mr") and len(name.split()) == 1:
                continue
            key = slug(name)
            if key not in CHAIR_LABELS and key not in found:
                found.add(key)
                names.append(name)
    same = {n.split("-")[-1] for n in found}
    return names[0] if names and len(same) == 1 else None


# -- labels decided per document ---------------------------------------------------
#
# Records of conversation and transcripts label turns in many more ways than the
# strict forms above: ``Dr. Kissinger:``, ``The President:``, ``VM Ch'iao:``, a
# surname alone (``Bruce:``), one letter in telephone transcripts (``K:``). Each of
# these alone also looks like a memo's field (``Subject:``) or a topic heading
# (``About Moscow:``). What tells them apart is the document: a speaker's label
# recurs, or has a person's form (an honorific or a title before a name), or is
# the surname of a label already taken for a speaker. A document is a dialogue
# when at least three paragraphs start with such a label and one label recurs.

#: Titles that make a label a person's even when it occurs once.
TITLES = frozenset(
    w.lower()
    for w in (
        *HONORIFICS,
        "Amb.",
        "Ambassador",
        "Adm.",
        "Admiral",
        "Brig.",
        "Brigadier",
        "Cmdr.",
        "Commander",
        "Corporal",
        "Lieutenant",
        "Lt.",
        "Maj.",
        "Major",
        "Miss",
        "Sergeant",
        "Sgt.",
        "Capt.",
        "Captain",
        "Chairman",
        "Chancellor",
        "Col.",
        "Colonel",
        "Congressman",
        "Congresswoman",
        "Director",
        "Gen.",
        "General",
        "Governor",
        "Gov.",
        "Judge",
        "King",
        "Marshal",
        "Minister",
        "Premier",
        "President",
        "Prime",
        "Prince",
        "Prof.",
        "Professor",
        "Queen",
        "Rep.",
        "Representative",
        "Secretary",
        "Sen.",
        "Senator",
        "Vice",
        "VM",
        "FM",
        "PM",
        "DCM",
    )
)
#: Lower-case words allowed inside a name (``Secretary of State``, ``van``, ``de``).
_PARTICLES = frozenset(
    ("of", "de", "del", "der", "van", "von", "al", "bin", "da", "du", "la", "le")
)
#: Verbs of speech that may end a label (``Wang replied:``); such labels must recur.
SPEECH_VERBS = frozenset(
    (
        "said",
        "replied",
        "asked",
        "answered",
        "continued",
        "commented",
        "added",
        "responded",
        "stated",
        "observed",
        "remarked",
        "interjected",
        "says",
        "replies",
        "asks",
        "answers",
        "continues",
        "adds",
        "responds",
    )
)
#: Field labels of memoranda, telegrams and forms (compared on the whole label).
FIELD_LABELS = frozenset(
    (
        "action",
        "agenda",
        "approved by",
        "background",
        "classification",
        "cleared by",
        "conclusion",
        "conclusions",
        "date and place",
        "date and time",
        "date & time",
        "decision",
        "decisions",
        "discussion",
        "drafted by",
        "info",
        "issue",
        "issues",
        "location",
        "participant",
        "purpose",
        "recommendation",
        "recommendations",
        "ref",
        "reference",
        "references",
        "repeated",
        "sent",
        "received",
        "signed",
        "subj",
        "tab",
        "tabs",
        "tags",
        "also present",
        "others present",
    )
)
#: First words that open a sentence or a heading, not a name.
_NOT_NAME_FIRST = frozenset(
    (
        "i",
        "we",
        "he",
        "she",
        "they",
        "it",
        "there",
        "here",
        "this",
        "that",
        "these",
        "those",
        "in",
        "on",
        "at",
        "for",
        "as",
        "if",
        "about",
        "dear",
        "my",
        "begin",
        "end",
        "arguments",
        "pros",
        "cons",
    )
)
_CANDIDATE_RE = re.compile(
    r"^(?P<label>[^\W\d_](?:[^:\n\[\]\d]|(?<=[^\W\d_])0(?=[^\W\d_])){0,59}?)\s?:(?:\s+(?=\S)|$)"
)


#: Words that make a label a form's field or a document's part, wherever they stand in it
#: (``AGENCY FILE NUMBER:``, ``DOCUMENT TYPE:``, ``AGENDA ITEM III:``, ``OPENING CRITERIA:``).
FORM_WORDS = frozenset(
    (
        "agency",
        "agenda",
        "annex",
        "appendix",
        "article",
        "chapter",
        "classification",
        "comments",
        "criteria",
        "document",
        "filenumber",
        "item",
        "originator",
        "pages",
        "part",
        "precedence",
        "record",
        "records",
        "restrictions",
        "routing",
        "section",
        "series",
        "status",
        "subjects",
        "title",
        "type",
    )
)
#: Extra words of speech that may follow the verb (``replied as follows``, ``said to Duda``).
_VERB_TAIL_MAX = 4
#: Words between a name and its verb (``Rusk then said``, ``Dobrynin went on to say``).
_VERB_FILLERS = frozenset(("then", "also", "again", "further", "went", "on", "to", "finally"))
_SPEECH_VERB_FORMS = SPEECH_VERBS | frozenset(
    ("say", "explained", "noted", "interrupted", "concluded", "declared", "inquired", "told")
)
#: A label closed by a period, as hearings print them (``Mr. Schwarz.``, ``Senator Tower.``,
#: ``The Chairman.``): an honorific or title and one or two names, or a title alone.
_PERIOD_TITLES = (
    r"Mr\.|Mrs\.|Ms\.|Miss|Dr\.|Senator|Chairman|Representative|Congressman|Congresswoman"
    r"|General|Admiral|Ambassador|Secretary|Judge|Governor|Professor|Colonel|Major|Captain"
)
_PERIOD_LABEL_RE = re.compile(
    rf"^(?P<label>(?:{_PERIOD_TITLES})\s+[{_UP}][{_LO}{_UP}'’-]+(?:\s+[{_UP}][{_LO}{_UP}'’-]+)?"
    rf"|The\s+(?:Vice\s+)?(?:Chairman|President|Witness|Clerk|Reporter))\.(?:\s+(?=\S)|$)"
)

# -- a hearing's labels, as a typed transcript and its OCR give them ---------------
#
# A hearing's reporter types ``Mr. Smith.`` or ``Senator Jones.`` at the start of a
# line, after the line's number in the margin (``12 Mr. Smith.``). An OCR'd copy
# adds what it made of the margin (``g 2``, ``14 |``, ``18°``) and slips in the
# label itself (``Mr.. Smith.``, ``Mr.Smith.``, ``Mr. Smith.e.``). Once a document
# shows such labels recurring, these forms are its turns too.

_HEARING_TITLES = (
    r"Senator|SENATOR|Chairman|CHAIRMAN|Representative|Congressman|Congresswoman"
    r"|General|Admiral|Ambassador|Secretary|Judge|Governor|Professor|Colonel|Major|Captain"
)
_HEARING_NAME = rf"[{_UP}][{_LO}{_UP}'’-]+"
_HEARING_LABEL_RE = re.compile(
    rf"(?P<label>(?P<hon>Mr|Mrs|Ms|Dr|MR|MRS|MS|DR)\s?\.{{1,2}}\s?(?P<name>{_HEARING_NAME})"
    rf"|(?P<title>{_HEARING_TITLES})\s+(?P<tname>{_HEARING_NAME}(?:\s+{_HEARING_NAME})?)"
    r"|(?P<the>The|THE)\s+(?P<office>(?:Vice\s+|VICE\s+)?(?:Chairman|CHAIRMAN|President"
    r"|PRESIDENT|Witness|WITNESS|Clerk|CLERK|Reporter|REPORTER)))"
    r"(?P<close>\s?[.:]+(?:[a-z~]\.?|\s\.(?=\s))?)(?=\s|$)"
)
#: A margin token: a line number (``12``, ``1?``, ``18°``), a mark (``|``, ``]``), or
#: one or two letters the OCR made of the margin rule (``g``, ``WW``).
_MARGIN_TOKEN_RE = re.compile(r"^(?:\d{1,2}[?°.:]?|[^\w\s]{1,3}|[A-Za-z]{1,2}[^\w\s]{0,2})$")
#: Margin letters must not be a common word (``to Mr. Smith.`` is prose).
MARGIN_WORD_ZIPF = 6.0
_MARGIN_MAX_TOKENS = 5
_LETTERS_RE = re.compile(r"[^\W\d_]")


def _margin_ok(prefix: str) -> bool:
    """Whether ``prefix`` (the text before a label) is the margin of a numbered line."""
    from teikit.convert.recognizers.words import zipf

    tokens = prefix.split()
    if not tokens:
        return True
    if len(tokens) > _MARGIN_MAX_TOKENS or not all(_MARGIN_TOKEN_RE.match(t) for t in tokens):
        return False
    if tokens[-1].rstrip("?°.:|").isdigit() or any(not _LETTERS_RE.search(t) for t in tokens):
        return True  # the reporter's line number, or the rule's marks, stand before the label
    return all(zipf(t) < MARGIN_WORD_ZIPF for t in tokens if t.isalpha())


#: A line of prose has at least this many words (a margin's fragment has fewer).
_PROSE_LINE_WORDS = 3
_CLOSED_THEN_SPECK_RE = re.compile(r"[.?!][\"”’)]?\s+\S{1,2}$")


def _runs_on(line: str) -> bool:
    """Whether a line of prose stops in the middle of a sentence (a word or a comma at its end).

    A fragment of the margin (``oc``, ``3 / . a``) is no sentence.
    """
    tail = line.rstrip()
    if not tail or not (tail[-1].isalpha() or tail[-1] == ","):
        return False
    if _CLOSED_THEN_SPECK_RE.search(tail):
        return False  # a sentence's end, then a speck of the margin (``"A"? Pa``)
    return sum(1 for w in tail.split() if len(w) > 1 and w.isalpha()) >= _PROSE_LINE_WORDS


#: A hearing has at least this many labels closed by a period at line starts ...
HEARING_MIN_LABELS = 3


def is_hearing(openings: Sequence[str], inner: Sequence[str] = ()) -> bool:
    """Whether a document's turns are a hearing's ``Mr. Smith.`` labels.

    At least three lines open with a label closed by a period (perhaps after
    the margin's line number), and one name recurs.
    """
    names: dict[str, int] = {}
    for text in (*openings, *inner):
        lab = hearing_label(text)
        if lab is not None and lab.punct == ".":
            names[lab.label] = names.get(lab.label, 0) + 1
    return sum(names.values()) >= HEARING_MIN_LABELS and max(names.values()) >= 2


_QUOTES = "\"“‘'«"


def quoted_dialogue(openings: Sequence[str]) -> frozenset[str]:
    """Labels of a dialogue quoted in a report (``SMITH: "We went.`` / ``JONES: "Why?``).

    A memorandum or airtel may quote an exchange it overheard: paragraphs that
    open with a speaker's label and a quotation mark. Two different labels so
    written make a quoted dialogue; one alone is a quotation with a caption.
    """
    labels: set[str] = set()
    for text in openings:
        lab = match_label(text)
        if (
            lab is not None
            and text[lab.end : lab.end + 1] in _QUOTES
            and text[lab.end : lab.end + 1]
            and not not_a_speaker(lab.label, text[lab.end :])
        ):
            labels.add(lab.label)
    return frozenset(labels) if len(labels) >= 2 else frozenset()


def hearing_label(text: str) -> Label | None:
    """A hearing's label opening ``text``, perhaps after a margin (``12 Mr. Smith. Yes.``).

    The label is regularized (``Mr.. Smith`` and ``Mr.Smith`` are ``Mr. Smith``);
    ``start`` and ``close`` say where it stands as written.
    """
    head = text[:120]
    m = _HEARING_LABEL_RE.search(head)
    if m is None or not _margin_ok(head[: m.start()]):
        return None
    if m.group("hon"):
        hon = m.group("hon")
        label = f"{hon[0]}{hon[1:]}. {m.group('name')}"
    elif m.group("title"):
        label = f"{m.group('title')} {' '.join(m.group('tname').split())}"
    else:
        label = f"{m.group('the')} {' '.join(m.group('office').split())}"
    if not_a_speaker(label):
        return None
    close = m.end("close")
    end = close
    while end < len(text) and text[end] == " ":
        end += 1
    punct = ":" if ":" in m.group("close") else "."
    return Label(label, punct, end, m.start(), close)


#: After a label, what shows it is a list entry or a contents line, not a turn:
#: ``Name: 45: clerk`` (a number and another colon), dot leaders, a page number at the end.
_NOT_TURN_REST_RE = re.compile(
    r"^\s*\d{1,3}\s*[:;,]\s*[^\W\d_]|^\s*\d{5,}|^\s*\d+\s*$|\.{4,}|(?:\.\s){3,}"
    r"|\S(?:\s{2,}|\t)\d{1,4}\s*$"
)


@dataclass(frozen=True)
class Candidate:
    """A ``Label:`` opening a paragraph, with what its form says."""

    label: str
    end: int
    person: bool  # honorific or title before a name
    verb: bool  # ends with a verb of speech
    raw_end: int = -1  # where the label's punctuation stands in the raw text
    punct: str = ":"
    alone: bool = False  # nothing follows the label in its paragraph's first line


def _word_ok(word: str) -> bool:
    core = word.strip(".,’'-")
    if not core:
        return False
    return core[0].isupper() or word.lower() in TITLES or core in _PARTICLES


#: A digit in a label that is no letter misread (``ITEM 3``, not the ``0`` of ``LE0POLD``).
_NUMBER_IN_LABEL_RE = re.compile(r"\d(?![^\W\d_])|(?<![^\W\d_])\d")


def not_a_speaker(label: str, rest: str = "") -> bool:
    """Whether a ``Label:`` is a form field, a document's part, a list entry or a contents line.

    ``rest`` is the text after the label's punctuation.
    """
    words = [w.lower().strip(".,") for w in label.split()]
    if not words:
        return True
    if " ".join(words) in FIELD_LABELS or words[0] in NOT_SPEAKERS:
        return True
    if any(w in FORM_WORDS for w in words) or _NUMBER_IN_LABEL_RE.search(label):
        return True
    return bool(rest) and _NOT_TURN_REST_RE.search(rest.split("\n", 1)[0][:120]) is not None


def _split_verb(words: list[str]) -> tuple[list[str], bool]:
    """The name words of a label and whether a verb of speech follows them."""
    for k, word in enumerate(words):
        if k and word.lower() in _SPEECH_VERB_FORMS and len(words) - k - 1 <= _VERB_TAIL_MAX:
            name = words[:k]
            while name and name[-1].lower() in _VERB_FILLERS:
                name = name[:-1]
            return name, True
    return words, False


def candidate(text: str) -> Candidate | None:
    """A label of a general name-like form opening ``text``, before any document decision."""
    m = _CANDIDATE_RE.match(text[:80])
    if m is None:
        pm = _PERIOD_LABEL_RE.match(text[:80])
        if pm is None:
            return None
        label = " ".join(pm.group("label").split())
        if not_a_speaker(label):
            return None
        return Candidate(label, pm.end(), True, False, pm.end("label"), ".")
    label = " ".join(m.group("label").split())
    words = label.split()
    name_words, verb = _split_verb(words)
    if not name_words or len(name_words) > 5:
        return None
    first = name_words[0].lower().rstrip(".,")
    if not_a_speaker(label, text[m.end() :]) or first in _NOT_NAME_FIRST:
        return None
    if not name_words[0][:1].isupper() or not all(_word_ok(w) for w in name_words):
        return None
    lead = name_words[1:] if first == "the" else name_words
    person = bool(lead) and lead[0].lower() in TITLES and (len(lead) > 1 or first == "the")
    # a qualified title before a name (``Foreign Minister Roe``, ``Deputy Secretary Roe``)
    person = person or (
        len(lead) >= 3 and lead[1].lower() in TITLES and lead[-1].lower() not in TITLES
    )
    alone = not text[m.end() :].strip()
    return Candidate(label, m.end(), person, verb, text.index(":"), ":", alone)


def _form_like(openings: list[str]) -> bool:
    """Whether paragraphs open with two or more field labels (``TO:``, ``AGENCY :``)."""
    fields = 0
    for text in openings:
        m = _FIELD_OPENING_RE.match(text[:60])
        if m is not None and not_a_speaker(m.group(1)):
            fields += 1
            if fields >= 2:
                return True
    return False


#: Zipf frequency from which a word is too common to be taken for a surname seen once.
COMMON_WORD_ZIPF = 5.0
_ONE_NAME_RE = re.compile(rf"[{_UP}](?:[{_LO}'’-]+(?:[{_UP}][{_LO}]+)?|[{_UP}'’-]{{2,}})")


def _surname_like(label: str) -> bool:
    """One name-like word that is not a very common English word (``Butz``, not ``Question``)."""
    from teikit.convert.recognizers.words import zipf

    return _ONE_NAME_RE.fullmatch(label) is not None and zipf(label) < COMMON_WORD_ZIPF


#: Titles that name a person alone (``President:``), not honorifics (``Mr.:``).
_OFFICES = TITLES - {h.lower() for h in HONORIFICS} - {"vice", "prime", "fm", "vm", "pm"}


def _topic_like(words: list[str]) -> bool:
    """Whether a label's words are a topic's (``About Moscow``, ``The Middle East``).

    A sentence's or heading's first word, or ``The`` before words none of which
    is a title (``The President`` is a person, ``The Middle East`` a topic).
    """
    first = words[0].lower().rstrip(".,")
    if first in _NOT_NAME_FIRST:
        return True
    return first == "the" and not any(w.lower() in TITLES for w in words[1:])


def _named_elsewhere(label: str, openings: list[str], person: bool = False) -> bool:
    """Whether a one-word label (a surname) is written inside another paragraph's opening.

    A participant seen once as a speaker (``McFall:``) is usually listed among
    those present (``Congressman John J. McFall``). With ``person``, only as a
    person is named: after a title, a first name or a list's comma (``Senator
    Roe``, ``Ford, Roe``), not as a place is (``sent to London and Athens``).
    """
    if " " in label or not label[:1].isupper():
        return False
    before = r"(?:[A-Z][\w.'’-]*|,)\s+" if person else r"\S\s+"
    pattern = re.compile(rf"{before}{re.escape(label)}\b(?!\s?:)")
    return any(pattern.search(text[:200]) for text in openings)


_FIELD_OPENING_RE = re.compile(r"^([^\W\d_][^:\n]{0,40}?)\s?:(?:\s|$)")


class Speakers:
    """The speaker labels of one document, decided from all its paragraph openings.

    A label is a speaker's when it recurs, or has a person's form (an honorific
    or title before a name, initials), or, in a dialogue, shares its surname
    with one that is. Labels in capitals alone (``BACKGROUND:``) are a form's
    or a cable's captions when the document has fields (``TO:``, ``AGENCY:``)
    and the label does not recur.
    """

    def __init__(self, openings: list[str], inner: Sequence[str] = ()) -> None:
        strict: list[Label] = []
        cands: list[Candidate] = []
        # lines inside paragraphs count only for labels that also open a paragraph
        opening_labels = {c.label for t in openings if (c := candidate(t)) is not None}
        inner_cands = [c for t in inner if (c := candidate(t)) is not None]
        form = _form_like(openings)
        for text in openings:
            lab = match_label(text)
            if lab is not None and not not_a_speaker(lab.label, text[lab.end :]):
                strict.append(lab)
            c = candidate(text)
            if c is not None:
                cands.append(c)
        cands.extend(c for c in inner_cands if c.label in opening_labels)
        counts: dict[str, int] = {}
        for c in cands:
            counts[c.label] = counts.get(c.label, 0) + 1
        strict_counts: dict[str, int] = {}
        for lab in strict:
            strict_counts[lab.label] = strict_counts.get(lab.label, 0) + 1
        # an exchange: labels that recur, or two people named with their titles who
        # each say something (``Mr. Oakes: …`` / ``Secretary Roe: …``), or an office
        # and a surname the record names elsewhere (``Roe: …`` under "with Secretary Roe")
        people = {
            c.label
            for c in cands
            if c.punct == ":"
            and not c.alone
            and not c.verb
            and (
                c.person
                or c.label.lower() in _OFFICES
                or (_surname_like(c.label) and _named_elsewhere(c.label, openings, person=True))
            )
        }
        exchange = len(people) >= 2 and not form
        from teikit.convert.recognizers.interview import bare_qa, is_qa_transcript

        # a press conference's or interview's ``Q.`` / ``A.`` turns (``Q`` / ``A`` in a
        # transcript that writes them without a stop)
        self.qa = is_qa_transcript(openings)
        self.qa_bare = self.qa and bare_qa(openings)
        self.dialogue = (
            (len(cands) >= 3 and max(counts.values(), default=0) >= 2) or exchange or self.qa
        )
        accepted: set[str] = set()
        for lab in strict:
            words = lab.label.split()
            recurs = max(counts.get(lab.label, 0), strict_counts[lab.label]) >= 2
            # a person's form: an honorific or initials, not capitals alone
            personal = words[0] in HONORIFICS or bool(re.search(_INITIALS + "$", lab.label))
            bare = not lab.label.isupper() and words[0] not in HONORIFICS
            if form and not (recurs or personal):
                continue
            if bare and not recurs and _topic_like(words):
                continue
            if not bare or recurs or self.dialogue:
                accepted.add(lab.label)
        if self.dialogue:
            for c in cands:
                colon = c.punct == ":" and not c.verb
                if (
                    counts[c.label] >= 2
                    or (colon and c.person)
                    # an office alone (``President:``) beside named speakers
                    or (colon and not c.alone and c.label.lower() in _OFFICES)
                    or (
                        # a surname written once (not ``Europe:``, not ``Rules:`` over a list)
                        colon
                        and not c.alone
                        and _surname_like(c.label)
                        and _named_elsewhere(c.label, openings)
                    )
                ):
                    accepted.add(c.label)
            # a hearing's label seen once (``Senator Tower.``) beside recurring ones
            if any(c.punct == "." and counts[c.label] >= 2 for c in cands):
                accepted.update(c.label for c in cands if c.punct == ".")
            # a one-word label seen once, where the speakers are named by one word (``Butz:``
            # beside a recurring ``President:``): the same form, so the same use
            if any(" " not in a and counts.get(a, 0) >= 2 for a in accepted):
                accepted.update(
                    c.label
                    for c in cands
                    if c.punct == ":" and not c.verb and not c.alone and _surname_like(c.label)
                )
            surnames = {n[-1].lower() for a in accepted if (n := _split_verb(a.split())[0])}
            for c in cands:
                name, _ = _split_verb(c.label.split())
                if (
                    name
                    and name[-1].lower() in surnames
                    and (c.punct == ":" or counts[c.label] > 1)
                ) or (c.verb and c.person):
                    accepted.add(c.label)
        self.accepted = frozenset(accepted)
        self.hearing = is_hearing(openings, inner)
        # turns that prose may hold: a quoted dialogue, a short exchange of people
        self.quoted = quoted_dialogue(openings) | (frozenset(people) if exchange else frozenset())
        self._run_in: re.Pattern[str] | None = None
        self._run_in_built = False
        self.known: set[str] = set()
        self._known_frozen: frozenset[str] = frozenset()

    def _remember(self, label: str) -> None:
        # the frozen copy is remade only when a label is new, not for every paragraph
        if label not in self.known:
            self.known.add(label)
            self._known_frozen = frozenset(self.known)

    def match(self, text: str) -> Label | None:
        """The speaker label opening ``text`` (also a known label with a period)."""
        if self.qa and (qa := self._qa_label(text)) is not None:
            return qa
        lab = match_label(text, self._known_frozen)
        if lab is not None and (lab.punct == "." or lab.label in self.accepted):
            self._remember(lab.label)
            return lab
        c = candidate(text)
        if c is not None and c.label in self.accepted:
            self._remember(c.label)
            return Label(text[: c.raw_end].rstrip(), c.punct, c.end)
        return hearing_label(text) if self.hearing else None

    def quoted_turn(self, text: str) -> Label | None:
        """A turn of an exchange inside prose, if ``text`` opens one.

        A dialogue quoted in a report (``SMITH: "We went.``), or a short exchange
        in a memorandum (two people named with their titles, a turn each).
        """
        if not self.quoted:
            return None
        lab = match_label(text) or self.peek(text)
        return lab if lab is not None and lab.label in self.quoted else None

    def count_turns(self, openings: list[str]) -> tuple[int, int]:
        """Turns and distinct labels among ``openings`` (for the document kind)."""
        labels = [lab.label for t in openings if (lab := self.peek(t)) is not None]
        return len(labels), len(set(labels))

    def run_in_re(self) -> re.Pattern[str] | None:
        """Accepted labels as they may stand inside a line, after a sentence (built once)."""
        if not self._run_in_built:
            self._run_in_built = True
            labels = sorted(
                (
                    a
                    for a in self.accepted
                    if (a.isupper() or a.split()[0].lower() in TITLES)
                    # ``… Mr. Roe said: “No.”`` inside a paragraph is narration
                    and not _split_verb(a.split())[1]
                ),
                key=len,
                reverse=True,
            )
            self._run_in = (
                re.compile(
                    r"(?<=[.?!\"”’)\]] )(?P<label>"
                    + "|".join(re.escape(a) for a in labels)
                    + r"):\s+(?=[A-Z\"“(\[])"
                )
                if labels
                else None
            )
        return self._run_in

    def _qa_label(self, text: str) -> Label | None:
        from teikit.convert.recognizers.interview import qa_label

        return qa_label(text, self.qa_bare)

    def peek(self, text: str) -> Label | None:
        if self.qa and (qa := self._qa_label(text)) is not None:
            return qa
        lab = match_label(text)
        if lab is not None and lab.label in self.accepted:
            return lab
        c = candidate(text)
        if c is not None and c.label in self.accepted:
            return Label(c.label, c.punct, c.end)
        return hearing_label(text) if self.hearing else None


# -- turns that do not start a paragraph -------------------------------------------
#
# A turn may start on a line inside a block (no blank line before it: the first
# turn run onto the list of those present, or OCR that lost the blank lines), or
# even inside a line, after the end of the previous speaker's sentence
# (``…in the fall? MAJOR SMITH: In January…``). Only labels the document has
# already shown to be speakers' are looked for there.


def turn_starts(lines: Sequence[str], speakers: Speakers) -> list[tuple[int, int]]:
    """Where turns start inside a paragraph: (line index, column), the paragraph's start excluded.

    A line opening with an accepted label starts a turn; so does an accepted
    label written in capitals or with a title, inside a line, after a
    sentence's end (``? ``, ``. ``) and before a capital.
    """
    out: list[tuple[int, int]] = []
    run_in = speakers.run_in_re()
    for k, line in enumerate(lines):
        # a hearing's label on a line of its own follows a finished sentence
        # (``told\nMr. Smith. He said`` is prose)
        if (
            k
            and (lab := speakers.peek(line)) is not None
            and (lab.punct != "." or not _runs_on(lines[k - 1]))
        ):
            out.append((k, 0))
        if run_in is None:
            continue
        for m in run_in.finditer(line):
            out.append((k, m.start("label")))
    return out


#: Lines a block's labels must open before it is read as one turn per line.
MIN_LINE_TURNS = 3


def line_turn_starts(lines: Sequence[str]) -> list[tuple[int, int]]:
    """Where turns start in a block set one turn per line, with no blank line between.

    Transcripts, and OCR that lost the blank lines, set each speech on a line of
    its own (``SMITH: …`` / ``JONES: …`` / ``SMITH: …``). Such a block is known by
    its form alone, before any decision about the document: its first line opens
    with a label, labels open at least :data:`MIN_LINE_TURNS` of its lines, and they
    are two labels at least, one of them recurring. It is cut at every line a label
    opens (a turn may wrap onto lines that open with none). A block of fields
    (``TO:`` / ``FROM:``) has no candidate label, and a list of those present
    (``Name: office``) no recurring one, so both stay whole.
    """
    labels = [
        (k, c.label)
        for k, line in enumerate(lines)
        if (c := candidate(line)) is not None and c.punct == ":" and not c.verb and not c.alone
    ]
    if len(labels) < MIN_LINE_TURNS or labels[0][0] != 0:
        return []
    counts: dict[str, int] = {}
    for _, label in labels:
        counts[label] = counts.get(label, 0) + 1
    if len(counts) < 2 or max(counts.values()) < 2:
        return []
    return [(k, 0) for k, _ in labels if k]


def split_at(para: Para, starts: Sequence[tuple[int, int]]) -> list[Para]:
    """``para`` cut where turns start (from :func:`turn_starts`); page breaks stay in place."""
    if not starts:
        return [para]
    cuts = set(starts)
    by_line: dict[int, list[int]] = {}
    for k, col in starts:
        by_line.setdefault(k, []).append(col)
    out: list[Para] = [Para([], para.blank_before)]
    line_no = -1
    for piece in para.pieces:
        if not isinstance(piece, Line):
            out[-1].pieces.append(piece)
            continue
        line_no += 1
        cols = sorted(by_line.get(line_no, []))
        if (line_no, 0) in cuts and out[-1].pieces:
            out.append(Para([], 0))
        pos = 0
        for col in (c for c in cols if c > 0):
            head = piece.text[pos:col].rstrip()
            if head:
                out[-1].pieces.append(Line(head, piece.offset + pos))
            out.append(Para([], 0))
            pos = col
        rest = piece.text[pos:]
        out[-1].pieces.append(Line(rest, piece.offset + pos))
    return [p for p in out if p.lines]


def split_turns(items: Sequence[object], speakers: Speakers) -> list[object]:
    """Paragraphs among ``items`` cut where turns start inside them; other items kept."""
    out: list[object] = []
    for it in items:
        if isinstance(it, Para):
            out.extend(split_at(it, turn_starts([ln.text for ln in it.lines], speakers)))
        else:
            out.append(it)
    return out


_SOURCE_NOTE_RE = re.compile(r"^(?:source|sources|citation|archive|archives)\s*:", re.IGNORECASE)


def ends_turn(text: str) -> bool:
    """Whether a paragraph is the document's or the editor's, never the speaker's.

    A document part or form field (``AGENDA ITEM III: Budget``, ``SUBJECT:``) or
    a source or archive note ends the turn before it: headings, notes and
    archive references are never inside a turn. Page furniture (``DocId:
    32203816``, a label followed by a number) does not: the speech goes on
    after it.
    """
    first = text.split("\n", 1)[0].strip()
    if _SOURCE_NOTE_RE.match(first):
        return True
    m = _FIELD_OPENING_RE.match(first[:60])
    if m is None or any(ch.isdigit() for ch in m.group(1)):
        return False
    rest = first[m.end() :].lstrip()
    return not rest[:1].isdigit() and not_a_speaker(m.group(1), rest)
