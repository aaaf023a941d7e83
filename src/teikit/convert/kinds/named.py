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

from teikit.convert.kinds import Detector, Roles, body_lines, kind
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
        r"(?:MEMORANDUM|RECORD)\s+OF\s+(?:THE\s+)?CONVERSATION|\bMEMCON\b",
        0.75,
    ),
    ("minutes", "memorandum", "prose", r"\bMINUTES\b|\bSUMMARY\s+OF\s+(?:THE\s+)?MEETING\b", 0.7),
    ("transcript", "conversation", "prose", r"\bTRANSCRIPT\b|\bTESTIMONY\s+OF\b|\bHEARING\b", 0.65),
    ("airtel", "cable", "prose", r"\bAIRTEL\b", 0.8),
    ("teletype", "cable", "prose", r"\bTELETYPE\b|\bNITEL\b|\bTELETYPED\b", 0.75),
    ("telegram", "telegram", "prose", r"\bTELEGRAM\b|\bRADIOGRAM\b", 0.7),
    ("dispatch", "memorandum", "prose", r"\bDISPATCH\b", 0.7),
    ("cable", "cable", "prose", r"\bCABLE(?:GRAM)?\b|\bCLASSIFIED\s+MESSAGE\b|\bCIPHER\b", 0.7),
    (
        "report",
        "memorandum",
        "prose",
        r"\b(?:INFORMATION|STATUS|INVESTIGATIVE|INTELLIGENCE)\s+REPORT\b|\bREPORT\s+OF\b|\bFD-302\b|\bCHECKLIST\b",
        0.6,
    ),
    ("memorandum", "memorandum", "prose", r"\bMEMORANDUM\b|\bMEMO\b", 0.55),
    ("report", "memorandum", "prose", r"\bREPORT\b|\bSTUDY\b", 0.45),
)
_COMPILED = [(k, re.compile(p)) for k, _, _, p, _ in NAMES]
_SCORE = {k: s for k, _, _, _, s in reversed(NAMES)}


def named_kind(doc: DocFeatures, lines: int = 60) -> tuple[str, str, int] | None:
    """The kind the copy names first in its first lines: (kind, the words, line number)."""
    best: tuple[int, int, str, str] | None = None  # (line index, pattern rank, kind, words)
    for k, f in enumerate(body_lines(doc)[:lines]):
        text = f.text.upper()
        for rank, (name, pattern) in enumerate(_COMPILED):
            m = pattern.search(text)
            if m is not None and (best is None or (k, rank) < best[:2]):
                best = (k, rank, name, m.group())
        if best is not None:
            found = body_lines(doc)[best[0]]
            return best[2], best[3], found.number
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
    if _name not in _seen:
        _seen.add(_name)
        kind(_name, _div, _assembly)(_detector(_name))
