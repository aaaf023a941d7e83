"""Kinds a copy names itself: ``TELETYPE``, ``AIRTEL``, ``MEMORANDUM FOR THE RECORD``…

Archival copies say what they are near the top: the form's title, the
message type, the first words of the heading. The earliest such word in the
copy's first lines wins (a cover sheet before the document, such as an
archive's identification form, is skipped: :func:`..kinds.head_text`); at
the same place the more specific name wins (``MEMORANDUM FOR THE RECORD``
over ``MEMORANDUM``). Each name is registered as a kind of its own, with the
TEI division type it is encoded as.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.kinds import KINDS, Detector, Roles, body_lines, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures

#: (kind, TEI division type, assembly, pattern, score), most specific first.
NAMES: tuple[tuple[str, str, str, str, float], ...] = (
    ("memorandum-for-record", "memorandum", "prose", r"MEMORANDUM\s+FOR\s+(?:THE\s+)?RECORD", 0.75),
    ("memorandum-for-record", "memorandum", "prose", r"\bCONTACT\s+REPORT\b", 0.7),
    (
        "conversation",
        "conversation",
        "prose",
        r"(?:MEMORANDUM|RECORD)\s+OF\s+(?:THE\s+|A\s+)?(?:TELEPHONE\s+)?CONVERSATION|\bMEMCON\b"
        r"|^(?:TELEPHONE\s+)?CONVERSATION\s+(?:BETWEEN|WITH|OF)\b|\bTELEPHONE\s+CONVERSATION\b",
        0.75,
    ),
    (
        "minutes",
        "memorandum",
        "prose",
        r"\bMINUTES\b|\bSUMMARY\s+OF\s+(?:THE\s+)?MEETING\b"
        r"|^(?:RECORD|NOTES)\s+OF\s+(?:THE\s+|A\s+)?(?:\S+\s+){0,3}MEETING\b",
        0.7,
    ),
    (
        "transcript",
        "conversation",
        "prose",
        r"\bTRANSCRIPT\b|\bTESTIMONY\s+OF\b|\bHEARING\b"
        # a press conference's record names it at the title's end, an interview at its start
        r"|\b(?:PRESS|NEWS)\s+CONFERENCE\s*$|^INTERVIEW\s+(?:WITH|BETWEEN)\b",
        0.65,
    ),
    ("airtel", "cable", "prose", r"\bAIRTEL\b", 0.8),
    (
        "teletype",
        "cable",
        "prose",
        r"\bTELETYPE\b|\bNITEL\b|\bTELETYPED\b"
        # a teletype's own head: its sender line without a colon (``FM SAC DALLAS``,
        # ``FROM DIRECTOR FBI``), where an airtel or a memorandum writes ``FROM:``
        r"|^(?:FROM|FM)\s+(?:SAC|DIRECTOR|LEGAT)\b",
        0.75,
    ),
    ("telegram", "telegram", "prose", r"\bTELEGRAM\b|\bRADIOGRAM\b|\bAIRGRAM\b", 0.7),
    (
        "dispatch",
        "memorandum",
        "prose",
        r"\bDISPATCH\b"
        # the printed fields of a dispatch form, read before its name further down
        r"|\bMARKED\s+FOR\s+INDEXING\b|\bNO\s+INDEXING\s+REQUIRED\b",
        0.7,
    ),
    ("cable", "cable", "prose", r"\bCABLE(?:GRAM)?\b|\bCLASSIFIED\s+MESSAGE\b|\bCIPHER\b", 0.7),
    ("letter", "letter", "letter", r"^LETTER\s+(?:FROM|TO)\b", 0.65),
    (
        "form",
        "memorandum",
        "prose",
        r"^[A-Z/ ]*\b(?:INFORMATION|ROUTING|TRANSMITTAL|DATA)\s+SHEET$",
        0.6,
    ),
    (
        "report",
        "memorandum",
        "prose",
        r"\b(?:INFORMATION|STATUS|INVESTIGATIVE|INTELLIGENCE)\s+REPORT\b|\bREPORT\s+OF\b"
        r"|\bFD-302\b|\bCHECKLIST\b|\bTDCS\b|\bRESEARCH\s+(?:PROJECT|STUDY|PAPER)\b"
        # the printed fields of an investigative report's cover page
        r"|\bREPORTING\s+OFFICE\b|\bINVESTIGATIVE\s+PERIOD\b|\bCHARACTER\s+OF\s+CASE\b",
        0.6,
    ),
    ("memorandum", "memorandum", "prose", r"\bMEMORANDUM\b|\bMEMO\b", 0.55),
    ("report", "memorandum", "prose", r"\bREPORT\b|\bSTUDY\b", 0.45),
)
_COMPILED = [(k, re.compile(p)) for k, _, _, p, _ in NAMES]
_SCORE = {k: s for k, _, _, _, s in reversed(NAMES)}

#: Multi-word names as OCR may break them (``MEMORANDUM FORT`` / ``HE RECORD``):
#: compared as letters only over a line and the next, where a line names a kind.
COMPACT: tuple[tuple[str, str], ...] = (
    ("memorandum-for-record", "MEMORANDUMFORTHERECORD"),
    ("memorandum-for-record", "MEMORANDUMFORRECORD"),
    ("conversation", "MEMORANDUMOFCONVERSATION"),
    ("conversation", "RECORDOFCONVERSATION"),
)

#: A copy refers to itself in its own prose: ``This letter is for information…``.
SELF_REFERENCE = re.compile(
    r"\bTHIS\s+(LETTER|MEMORANDUM|AIRTEL|TELETYPE|TELEGRAM|CABLE|DISPATCH|REPORT)\b"
)
_SELF_KIND = {
    "LETTER": "letter",
    "MEMORANDUM": "memorandum",
    "AIRTEL": "airtel",
    "TELETYPE": "teletype",
    "TELEGRAM": "telegram",
    "CABLE": "cable",
    "DISPATCH": "dispatch",
    "REPORT": "report",
}

#: A line with at least this many words in lower case is running prose.
PROSE_WORDS = 5
#: A cable's text is typed in capitals: a line of so many words with a kind's name
#: after :data:`CAPS_NAME_AFTER` of them (``…TRAINED AS A NURSE FOR ONE YEAR STUDY AT THE
#: ACADEMY…``) uses the name as a word of its sentence; a title stands at its line's
#: start or on a short line.
CAPS_SENTENCE_WORDS = 8
CAPS_NAME_AFTER = 3


def naming(text: str, start: int) -> str | None:
    """How a line names a kind at ``start``: ``"title"``, ``"word"`` or ``None``.

    A kind's name counts where the copy uses it as a name: in capitals (a form's
    title, a routing line), at the start of a short line or of a title
    (``Letter From…``). In running prose (``Your dispatch of February 11th…``,
    ``…special circuit and cable…``) the word describes something else and does
    not count. A name in capitals is a ``"title"``, which outranks a name in
    mixed case (a ticked option ``• Teletype`` under ``AIRTEL``).
    """
    words = text.split()
    lower = sum(1 for w in words if any(c.islower() for c in w))
    head = text[:start].strip(" \t•·*-[](|.:;'\"‘’“”")
    at_start = not head or (len(head.split()) <= 1 and not any(c.isalpha() for c in head))
    word = text[start : start + 12]
    caps = word.upper() == word and any(c.isalpha() for c in word)
    if lower >= PROSE_WORDS and not at_start:
        return None
    if caps and len(words) >= CAPS_SENTENCE_WORDS and len(head.split()) >= CAPS_NAME_AFTER:
        return None  # a word of a sentence typed in capitals (a cable's text), not a title
    if caps:
        return "title"
    if at_start or len(words) <= 4:
        return "word"
    return None


def continues_sentence(prev: str, line: str) -> bool:
    """Whether ``line`` runs on a sentence of prose hard-wrapped at the end of ``prev``.

    A kind's name at the start of such a line (``report of the board was…``
    after ``…the Secretary read the``) is a word of that sentence, not the copy
    naming itself: the previous line is prose (words in lower case) left open
    (no closing stop, colon or semicolon) and the line itself is prose.

    >>> continues_sentence("and the Secretary read the final", "Report of the board was sent on")
    True
    >>> continues_sentence("FEDERAL BUREAU OF INVESTIGATION", "REPORT OF SPECIAL AGENT")
    False
    """
    prev = prev.rstrip()
    lower = sum(1 for w in prev.split() if any(c.islower() for c in w))
    return (
        lower >= PROSE_WORDS
        and prev[-1:] not in (".", ":", ";", "!", "?", ")", "]")
        and len(line.split()) >= PROSE_WORDS
    )


def named_kind(doc: DocFeatures, lines: int = 60) -> tuple[str, str, int] | None:
    """The kind the copy names in its first lines: (kind, the words, line number).

    Names in capitals outrank names in mixed case; then the earliest wins, and at
    the same place the more specific name (``MEMORANDUM FOR THE RECORD`` over
    ``MEMORANDUM``). Failing a name, a multi-word name broken across two lines by
    OCR, then the copy's reference to itself (``this letter``) anywhere in it.
    """
    body = body_lines(doc)
    best: tuple[int, int, int, str, str] | None = None  # (tier, line, rank, kind, words)
    for k, f in enumerate(body[:lines]):
        original = f.text
        text = original.upper()
        for rank, (name, pattern) in enumerate(_COMPILED):
            m = pattern.search(text)
            if m is None:
                continue
            how = naming(original, m.start())
            if (
                how is not None
                and k > 0
                and body[k - 1].number == f.number - 1  # no blank line between
                and continues_sentence(body[k - 1].text, original)
            ):
                how = None  # a word of a hard-wrapped sentence, not the copy's name
            if how is None and k == 0 and not original.rstrip().endswith("."):
                how = "title"  # a long title (``Circular Telegram From the…``)
            if how is None:
                continue
            # the copy's first line is its title, whatever its case
            cand = (0 if how == "title" or k == 0 else 1, k, rank, name, m.group())
            if best is None or cand[:3] < best[:3]:
                best = cand
        if best is not None and best[1] == k:
            # the name may run on, broken, into the next line: the longer name wins
            nxt = body[k + 1].text if k + 1 < len(body) else ""
            joined = re.sub(r"[^A-Z]", "", (original + nxt).upper())
            for name, compact in COMPACT:
                if compact in joined and joined.index(compact) <= len(re.sub(r"[^A-Z]", "", text)):
                    best = (best[0], k, -1, name, compact)
                    break
    if best is not None:
        return best[3], best[4], body[best[1]].number
    for f in body[:lines]:
        m = SELF_REFERENCE.search(f.text.upper())
        if m is not None:
            return _SELF_KIND[m.group(1)], m.group(), f.number
    return None


def _detector(name: str) -> Detector:
    def detect(doc: DocFeatures, roles: Roles) -> Score:
        del roles
        found = named_kind(doc)
        if found is None or found[0] != name:
            return Score(0.0, "")
        _, words, line = found
        return Score(_SCORE[name], f"the copy calls itself {' '.join(words.split())} (line {line})")

    return detect


_seen: set[str] = set()
for _name, _div, _assembly, _pattern, _score in NAMES:
    # a kind with a detector of its own (a letter: its salutation) reads the
    # name itself, through :func:`named_kind`
    if _name not in _seen and _name not in KINDS:
        _seen.add(_name)
        kind(_name, _div, _assembly)(_detector(_name))
