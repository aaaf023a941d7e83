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


def qa_label(text: str) -> Label | None:
    """The ``Q.``/``A.`` label opening ``text`` (label ``Q`` or ``A``), whatever the document."""
    m = _QA_RE.match(text)
    if m is None:
        return None
    return Label(m.group("label"), m.group("punct"), m.end())


def is_qa_transcript(openings: Sequence[str]) -> bool:
    """Whether paragraphs opening ``Q.``/``A.`` are a transcript's questions and answers.

    Two or more questions, and no other capital letter alone opening a paragraph
    (an outline's ``B.``, ``C.``), so that ``A.`` is an answer, not a section.
    """
    questions = 0
    for text in openings:
        if _OUTLINE_RE.match(text):
            return False
        lab = qa_label(text)
        questions += lab is not None and lab.label == "Q"
    return questions >= MIN_QUESTIONS
