"""Question-and-answer labels of press conferences and interviews (``Q.`` / ``A.``).

A transcript of a press conference marks the journalists' questions ``Q.`` (or
``Q:``) and, often, the answers ``A.``: the questioner is not named, and the
one answering is named elsewhere or not at all. A TEI editor keeps each as a
turn — ``<sp who="#questioner"><speaker>Q.</speaker>`` and ``who="#respondent"``
for ``A.`` — a role, not a person's name, that the header lists like a person, named by the
role (``<persName>Questioner</persName>``, not the letter); an editor can join
the respondent to a named person in the sidecar.

The letters alone are ambiguous: ``A.`` opens an outline's first section
(``A. Our Intermediate Goals``) far more often than an answer. So the labels are
turns only in a transcript: questions recur (two or more), and no other single
letter opens a paragraph the way an outline's ``B.`` does.
"""

from __future__ import annotations

import itertools
import re
from typing import TYPE_CHECKING

from teikit.convert.recognizers.speakers import Label

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The person ids of the two roles, by label letter.
ROLES = {"Q": "questioner", "A": "respondent"}
#: How the header's person list names each role: the letter names nobody.
ROLE_NAMES = {"Q": "Questioner", "A": "Respondent"}

_QA_RE = re.compile(r"^(?P<label>[QA])(?P<punct>[.:])[ \t]+(?=\S)")
_OUTLINE_RE = re.compile(r"^[B-PR-Z][.:)][ \t]+\S")

#: Questions a transcript has at the least.
MIN_QUESTIONS = 2


#: The letters without a stop, as a newspaper prints them (``Q Could I ask``): a capital
#: follows, since ``A`` alone is also the article.
_QA_BARE_RE = re.compile(r"^(?P<label>[QA])[ \t]+(?=[A-Z\"“‘'])")


def qa_label(text: str, bare: bool = False) -> Label | None:
    """The ``Q.``/``A.`` label opening ``text`` (label ``Q`` or ``A``), whatever the document.

    With ``bare``, in a transcript that writes them so (:func:`bare_qa`), also the
    letters without a stop before speech (``Q Could I…?``, ``A Yes.``), not before a
    title (``A View of America``). A sentence opening with the article (``A Soviet
    note came.``) still reads as an answer there: an editor decides it in the sidecar.
    """
    m = _QA_RE.match(text)
    if m is not None:
        return Label(m.group("label"), m.group("punct"), m.end())
    if bare and (m := _QA_BARE_RE.match(text)) is not None and _spoken(text[m.end() :]):
        return Label(m.group("label"), "", m.end(), 0, 1)
    return None


#: A title has no more words than this (``A View of America``); a turn's text has more,
#: or ends a sentence (``A Yes.``).
_TITLE_WORDS = 6


def _spoken(rest: str) -> bool:
    """Whether the text after a bare letter reads as speech, not as a title."""
    rest = rest.rstrip()
    return len(rest.split()) > _TITLE_WORDS or rest.endswith((".", "?", "!", "…", "”", '"'))


def bare_qa(openings: Sequence[str]) -> bool:
    """Whether questions and answers are written ``Q`` and ``A`` without a stop.

    The bare ``A`` is the article as often as the answer (``A Soviet note``), so
    only questions answered at once count: at least two paragraphs opening ``Q``
    followed by one opening ``A``.
    """
    pairs = sum(
        1
        for q, a in itertools.pairwise(openings)
        if (lq := qa_label(q, True)) is not None
        and lq.label == "Q"
        and (la := qa_label(a, True)) is not None
        and la.label == "A"
    )
    return pairs >= MIN_QUESTIONS


def is_qa_transcript(openings: Sequence[str]) -> bool:
    """Whether paragraphs opening ``Q.``/``A.`` are a transcript's questions and answers.

    Two or more questions, and no other capital letter alone opening a paragraph
    (an outline's ``B.``, ``C.``), so that ``A.`` is an answer, not a section.
    Questions written ``Q`` without a stop count where :func:`bare_qa` finds them.
    """
    bare = bare_qa(openings)
    questions = 0
    for text in openings:
        if _OUTLINE_RE.match(text):
            return False
        lab = qa_label(text, bare)
        questions += lab is not None and lab.label == "Q"
    return questions >= MIN_QUESTIONS


#: A deposition's line naming who examines the witness next (``BY MS. ROE:``, ``By Mr.
#: Doe:``): the ``Q.`` turns after it are that lawyer's, until the next such line.
_EXAMINER_RE = re.compile(
    r"^\s*BY\s+(?P<label>(?:MR|MRS|MS|MISS|DR)\.?\s+[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s*:\s*$",
    re.IGNORECASE,
)


def examiner_label(text: str) -> str | None:
    """The lawyer a deposition's ``BY MS. ROE:`` line names, as written (``MS. ROE``)."""
    m = _EXAMINER_RE.match(text)
    return m.group("label") if m is not None else None
