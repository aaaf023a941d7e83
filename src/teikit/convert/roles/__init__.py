"""Role scorers: what each raw line is, with a score and the reason, one module per role.

A role scorer is a pure function of a line's features and the document's
(:mod:`teikit.convert.features`) returning a :class:`Score`: how sure, and a
reason an editor can read. Scorers are registered with :func:`role`; adding a
role is adding one module here that uses the decorator (and importing it
below). :func:`choose` takes the best score above :data:`THRESHOLD`; the order
of registration breaks ties, so more specific roles are registered first.

Scores are hand-set, not fitted: each is a small set of cues with weights an
editor can read in the scorer's code, and the reason names the cue that won.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from teikit.convert.features import DocFeatures, LineFeatures

#: Below this score a line is plain text.
THRESHOLD = 0.5


@dataclass(frozen=True)
class Score:
    """How sure a scorer is (0..1) and why, in words an editor can check."""

    value: float
    reason: str


NO = Score(0.0, "")

Scorer = Callable[[LineFeatures, DocFeatures], Score]

#: The registered scorers, by role name, in registration order.
ROLES: dict[str, Scorer] = {}


def role(name: str) -> Callable[[Scorer], Scorer]:
    """Register a scorer for ``name``."""

    def register(fn: Scorer) -> Scorer:
        ROLES[name] = fn
        return fn

    return register


def scores(line: LineFeatures, doc: DocFeatures) -> dict[str, Score]:
    """Every role's score for one line."""
    return {name: fn(line, doc) for name, fn in ROLES.items()}


def choose(line: LineFeatures, doc: DocFeatures) -> tuple[str, Score]:
    """The role of a line: the best score at or above :data:`THRESHOLD`, else ``text``.

    A plain line's reason names why a scorer that looked at it said no (``not
    a heading: it continues the line above``), so ``--explain`` can answer why
    a line an editor expected to be a heading is not one.
    """
    best_name, best = "text", Score(0.0, "no role scored high enough")
    refusals: list[str] = []
    for name, fn in ROLES.items():
        s = fn(line, doc)
        if s.value >= THRESHOLD and s.value > best.value:
            best_name, best = name, s
        elif s.reason and s.value < THRESHOLD:
            refusals.append(s.reason)
    if best_name == "text" and refusals:
        best = Score(0.0, f"no role scored high enough ({'; '.join(refusals)})")
    return best_name, best


def roles_of(doc: DocFeatures) -> list[tuple[str, Score]]:
    """The chosen role of every line of ``doc``, in order."""
    return [choose(line, doc) for line in doc.lines]


# the scorers register themselves on import; the order is the tie-break order
from teikit.convert.roles import (  # noqa: E402
    dateline,
    field,
    furniture,
    heading,
    item,
    marking,
    note,
    reference,
    signature,
    speaker,
)

__all__ = [
    "NO",
    "ROLES",
    "THRESHOLD",
    "Score",
    "choose",
    "dateline",
    "field",
    "furniture",
    "heading",
    "item",
    "marking",
    "note",
    "reference",
    "role",
    "roles_of",
    "scores",
    "signature",
    "speaker",
]
