"""The recognition plan of one document: each line's role and the document's kind.

This runs the pure stages in order, line features (:mod:`.features`) → role
scores (:mod:`.roles`) → document kind (:mod:`.kinds`), before any TEI is
built. The body's assembly reads the plan; ``teikit convert --explain`` prints
it (:mod:`.explain`); sidecar structure entries change it (:func:`override`)
before assembly, so an editor's decision wins over every scorer.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from teikit.convert import kinds, roles
from teikit.convert.features import DocFeatures, line_features
from teikit.convert.roles import Score


@dataclass
class Plan:
    """Roles by raw line offset, and the kind with its score."""

    doc: DocFeatures
    #: raw offset of each non-blank line's first character → (role, score)
    roles: dict[int, tuple[str, Score]] = field(default_factory=dict)
    kind: str = "memorandum"
    kind_score: Score = field(default_factory=lambda: Score(0.0, ""))
    div_type: str = "memorandum"


def plan_of(text: str) -> Plan:
    """Run the recognition stages on a raw text."""
    doc = line_features(text)
    chosen = roles.roles_of(doc)
    kind, score = kinds.detect(doc, chosen)
    return Plan(
        doc,
        {f.offset: rs for f, rs in zip(doc.lines, chosen, strict=True)},
        kind.name,
        score,
        kind.div_type,
    )


def override(plan: Plan, offset: int, role: str, reason: str) -> None:
    """Set a line's role by an editor's decision (score 1.0)."""
    plan.roles[offset] = (role, Score(1.0, reason))
