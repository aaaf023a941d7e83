"""Document kinds: a registry of detectors, one module per kind.

A detector is a pure function of the document's line features and chosen
roles returning a :class:`~teikit.convert.roles.Score`; the best score wins
(registration order breaks ties) and its reason is what ``--explain`` shows.
Each :class:`Kind` also says which TEI division type it is encoded as (the
schema's closed list: conversation, cable, telegram, letter, memorandum) and
which assembly (:mod:`teikit.convert.assemble`) builds its body; the finer
name goes to the division's ``@subtype``. A new kind is one module here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from teikit.convert.features import DocFeatures, LineFeatures
from teikit.convert.roles import Score

#: A line's chosen role and its score, as :func:`teikit.convert.roles.roles_of` gives them.
Roles = Sequence[tuple[str, Score]]
Detector = Callable[[DocFeatures, Roles], Score]


@dataclass(frozen=True)
class Kind:
    """A document kind: its name, its TEI division type, its assembly, its detector."""

    name: str
    div_type: str
    assembly: str
    detect: Detector


#: Registered kinds, in tie-break order.
KINDS: dict[str, Kind] = {}


def kind(name: str, div_type: str, assembly: str) -> Callable[[Detector], Detector]:
    """Register a detector for the kind ``name``."""

    def register(fn: Detector) -> Detector:
        KINDS[name] = Kind(name, div_type, assembly, fn)
        return fn

    return register


def detect(doc: DocFeatures, roles: Roles) -> tuple[Kind, Score]:
    """The best-scoring kind; a memorandum when nothing scores."""
    best = KINDS["memorandum"]  # registered by .named
    best_score = Score(0.1, "no kind's cues found; a memorandum by default")
    for k in KINDS.values():
        s = k.detect(doc, roles)
        if s.value > best_score.value:
            best, best_score = k, s
    return best, best_score


#: A cover sheet is a block of at least this many field lines (a memorandum's own
#: TO/FROM/SUBJECT/DATE head has four or five).
COVER_FIELDS = 8


def body_lines(doc: DocFeatures) -> tuple[LineFeatures, ...]:
    """The document's lines after a cover sheet, if it has one.

    An archive's cover sheet (an identification form: a dense block of field
    labels at the very start) precedes many released files; it says what the
    archive calls the file, not what the document is. The block ends where
    twelve lines pass without a field.
    """
    from teikit.convert.roles.field import field_label

    fields = [k for k, f in enumerate(doc.lines[:150]) if field_label(f.text) is not None]
    if not fields or fields[0] > 30:
        return doc.lines
    end, count = fields[0], 0
    for k in fields:
        if k - end > 12:
            break
        end, count = k, count + 1
    return doc.lines[end + 1 :] if count >= COVER_FIELDS else doc.lines


def head_text(doc: DocFeatures, n: int = 40) -> str:
    """The first ``n`` lines (after a cover sheet) in capitals, joined."""
    return " ".join(f.text for f in body_lines(doc)[:n]).upper()


def count(roles: Roles, name: str) -> int:
    return sum(1 for r, _ in roles if r == name)


from teikit.convert.kinds import (  # noqa: E402
    conversation,
    form,
    letter,
    named,
)

__all__ = [
    "KINDS",
    "Kind",
    "body_lines",
    "conversation",
    "count",
    "detect",
    "form",
    "head_text",
    "kind",
    "letter",
    "named",
]
