"""Square brackets and parentheses: pairing them, and deciding what each one is.

Pairing is one linear pass with a stack, so a transcription full of stray
brackets costs no more than a clean one. A closer that matches nothing, an
opener never closed, and a square bracket inside another are reported (with
line:col) and encoded faithfully as text; they never stop the conversion and
never swallow the text that follows.

What a bracket *is* follows from its content (and, for a doubtful reading,
from the footnote marker after it), in this order:

* ``[sic]`` marks the word before it; ``[1]`` is a footnote reference;
* ``[signature]`` stands for a signature not transcribed → ``gap`` + ``desc``;
  ``[Stamp: …]`` for a stamp;
* text left out: ``[illegible]``, ``[inaudible]``, ``[unclear]`` → ``gap
  reason="illegible"``; ``[text not declassified]``, ``[name not
  declassified]``, ``[1 line of source text not declassified]`` → ``gap
  reason="withheld"``; ``[matter omitted]``, ``[Omitted here is …]`` → ``gap
  reason="omitted"`` (each with the bracket's words in ``desc``);
* an archive reference (``[Archive: series, item]``, ``[RG 59, Box 4]``) →
  ``bibl`` with the item's number in ``idno``;
* an event, not words (``[Laughter]``, ``[Applause]``, ``[At this point X
  joined the meeting.]``, ``[Whereupon the meeting adjourned.]``, ``[Off the
  record]``) → ``stage``;
* a doubtful reading (``[Kuomintang?]``, or a bracket with a footnote marker
  right after it) → ``unclear``, never ``supplied``;
* words that are not English (by the lexicon) and not a name are a
  transliterated original → ``foreign``;
* a sentence (capitalized, four words or more, ending in a full stop) is the
  transcriber's summary of omitted matter → ``gap`` + ``note type="summary"``;
* an explanation of what the text refers to (``[former prime minister X]``,
  ``[i.e. …]``) → ``note type="editorial"``:
  a gloss is the editor's, not words in the speaker's mouth;
* anything else made of words was supplied by the transcriber → ``supplied``.

Parentheses are the author's own punctuation and stay as text, except, in a
conversation, an event (``(Laughter.)``, as ``[Laughter]``) or a short
capitalized sentence → ``stage``, and a transliterated word
(``(podchinit')``) → ``foreign``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from teikit.convert.recognizers.words import WORD_RE, looks_transliterated

_OPEN = {"[": "]", "(": ")"}
_CLOSE = {"]": "[", ")": "("}

SUMMARY_MIN_WORDS = 4
STAGE_MAX_WORDS = 8
#: A record of proceedings in parentheses may run longer: ``(Whereupon, at 11:40 a.m.,
#: the committee recessed, to reconvene at the call of the Chair.)``
EVENT_MAX_WORDS = 24

_SENTENCE_END_RE = re.compile(r"[.!?](?:\s*\.\.\.)?[\"”’']?\s*$|\.\.\.[\"”’']?\s*$")
_NOTE_NUMBER_RE = re.compile(r"^\s*(\d{1,3})\s*$")
_SIGNATURE_RE = re.compile(r"^\s*(?:signature|signed|illegible signature)\s*$", re.IGNORECASE)
_STAMP_RE = re.compile(r"^\s*stamp\s*:", re.IGNORECASE)
#: A transcriber's labels for words written on the document by hand: ``[handwritten: …]``.
#: (each label is the note's ``@type``, which the schema lists: ``handwritten``)
HAND_LABELS = ("handwritten",)
_HAND_RE = re.compile(rf"^\s*(?P<label>{'|'.join(HAND_LABELS)})\s*:", re.IGNORECASE)
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


#: Words of text that could not be read or heard.
_ILLEGIBLE_RE = re.compile(
    r"^\s*(?:(?:\d+\s+)?(?:words?|lines?|passages?)\s+)?"
    r"(?:illegible|inaudible|unclear|unintelligible|garbled|indecipherable|undecipherable)"
    r"(?:\s+\w+){0,3}\.?\s*$",
    re.IGNORECASE,
)
#: Text withheld from release.
_WITHHELD_RE = re.compile(
    r"\bnot\s+declassified\b|\bsanitized\b|\bredacted\b|\bwithheld\b|\bexcised\b|"
    r"^\s*(?:deleted|exempt(?:ed)?)\b",
    re.IGNORECASE,
)
#: Text the transcription or edition leaves out.
_OMITTED_RE = re.compile(
    r"^\s*(?:(?:matter|text|material|portion|remainder|rest)\s+(?:\w+\s+)?omitted\b"
    r"|omitted\b|omission\b|here\s+follows?\b)",
    re.IGNORECASE,
)
#: What happened rather than what was said.
_EVENT_RE = re.compile(
    r"^\s*(?:laughter|laughs|laughing|applause|silence|pause|crosstalk|cross-talk|interruption"
    r"|off\s+the\s+record|on\s+the\s+record|recess|brief\s+recess|whereupon\b|at\s+this\s+point\b"
    r"|general\s+laughter|noise|(?:shaking|shakes|nodding|nods)\b)"
    r"|\b(?:joined|left|entered|rejoined)\s+the\s+(?:meeting|room|conference|discussion)\b"
    r"|\b(?:recessed|adjourned|reconvened)\b"
    # a recording's own events, as oral histories and taped meetings note them
    r"|\b(?:end|beginning|start)\s+of\s+(?:the\s+)?(?:tape|side|reel|recording|interview|session)\b"
    r"|^\s*(?:begin|end|start)\s+(?:of\s+)?(?:tape|side|reel)\b"
    r"|\b(?:tape|recording)\s+(?:stopped|resumed|paused|interrupted|turned\s+(?:off|on))\b",
    re.IGNORECASE,
)
#: A hearing's record, in parentheses, of what was put in it and of its witnesses' oath:
#: ``(The prepared statement of Mr. Roe follows:)``, ``(The witness was duly sworn.)``.
_PROCEEDING_RE = re.compile(
    r"\b(?:follows|as\s+follows)\s*:\s*$|\b(?:was|were)\s+(?:duly\s+)?sworn\b", re.IGNORECASE
)
#: An archive reference: a repository or record group, and numbers.
_ARCHIVE_RE = re.compile(
    r"^\s*(?:archive|archives|national\s+archives|nara|record\s+group|rg\s*\d+|file|files"
    r"|box|folder|fond|collection|library|papers|source)\b[^\]]*?[:,]\s*\S",
    re.IGNORECASE,
)
_ITEM_NUMBER_RE = re.compile(r"[,;]\s*(?P<id>[^,;]*\d[^,;]*?)\s*\.?\s*$")
#: Openings of an explanation: the editor saying what the text means.
_GLOSS_OPEN_RE = re.compile(
    r"^\s*(?:i\.\s?e\.|ie\.|that\s+is|presumably|probably|apparently|possibly|evidently"
    r"|reference\s+to|refers\s+to|see\b|cf\.)",
    re.IGNORECASE,
)
_CAPITALIZED_RE = re.compile(r"\b[A-Z][a-z’'-]+")
#: A footnote marker right after a bracket (glued digits, or ``[N]``).
_MARKER_AFTER_RE = re.compile(r"^(?:\d{1,3}(?!\d)|\[\d{1,3}\])")


def classify_square(content: str, note_numbers: frozenset[str], after: str = "") -> str:
    """What ``[content]`` is (see the module's docstring for the order of the tests).

    Returns one of ``sic``, ``ref``, ``signature``, ``stamp``, ``hand``, ``illegible``,
    ``withheld``, ``omitted``, ``archive``, ``stage``, ``unclear``, ``foreign``,
    ``summary``, ``gloss``, ``supplied``, ``editorial``. ``after`` is the text
    right after the closing bracket (a footnote marker there makes the bracket
    a doubtful reading).
    """
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
    if hand_label(stripped) is not None:
        return "hand"
    if _ILLEGIBLE_RE.match(stripped):
        return "illegible"
    if _WITHHELD_RE.search(stripped):
        return "withheld"
    if _OMITTED_RE.match(stripped):
        return "omitted"
    if _ARCHIVE_RE.match(stripped) and any(ch.isdigit() for ch in stripped):
        return "archive"
    words = WORD_RE.findall(stripped)
    if not words:
        return "editorial"
    if _EVENT_RE.search(stripped) and len(stripped.split()) <= STAGE_MAX_WORDS * 2:
        return "stage"
    marker = _MARKER_AFTER_RE.match(after)
    if (stripped.endswith("?") and len(words) <= 3) or (
        marker is not None and marker.group().strip("[]") in note_numbers and len(words) <= 3
    ):
        return "unclear"
    if looks_transliterated(stripped):
        return "foreign"
    if (
        stripped[0].isupper()
        and len(stripped.split()) >= SUMMARY_MIN_WORDS
        and _SENTENCE_END_RE.search(stripped)
    ):
        return "summary"
    if _GLOSS_OPEN_RE.match(stripped):
        return "gloss"
    if stripped[0].islower() and _CAPITALIZED_RE.search(stripped) and len(words) <= 8:
        # a description with a name in it: ``former prime minister Nehru``
        return "gloss"
    return "supplied"


def item_number(content: str) -> tuple[int, int] | None:
    """Where the item's number stands in an archive reference (its last part with a digit)."""
    m = _ITEM_NUMBER_RE.search(content)
    if m is None:
        return None
    return m.start("id"), m.end("id")


def closes_turn(kind: str, content: str) -> bool:
    """Whether a paragraph that is wholly one ``[…]`` of this kind ends the speaker's turn.

    A summary, an omission, an archive reference or a narrated event
    (``[At this point X joined the meeting.]``) is the editor's, never the
    speaker's; a short ``[Laughter]`` stays inside the turn it interrupts.
    """
    if kind in ("summary", "omitted", "archive"):
        return True
    return kind == "stage" and len(content.split()) >= SUMMARY_MIN_WORDS


def hand_label(content: str) -> str | None:
    """The label (lower case) of ``[handwritten: …]``-like content, whose rest is the hand's.

    A transcriber marks what someone wrote on the page by hand (a file number, a
    comment in the margin) so; the words are the document's, not the editor's,
    and a TEI editor keeps them as a note of that hand, not as supplied text.
    """
    m = _HAND_RE.match(content)
    return m.group("label").lower() if m is not None else None


def is_event(content: str) -> bool:
    """Whether bracketed or parenthesized words tell what happened (``Laughter``)."""
    return _EVENT_RE.search(content.strip()) is not None


def classify_paren(content: str, stage_allowed: bool) -> str:
    """What ``(content)`` is: stage, foreign, or plain text."""
    stripped = content.strip()
    words = stripped.split()
    if not words:
        return "text"
    if (
        stage_allowed
        and (is_event(stripped) or _PROCEEDING_RE.search(stripped) is not None)
        and stripped[0].isupper()
        and (
            len(words) <= STAGE_MAX_WORDS
            or (len(words) <= EVENT_MAX_WORDS and stripped.endswith((".", ":")))
        )
    ):
        return "stage"
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
