"""``teikit convert --explain``: per raw line, the role chosen and why; the kind and why.

:func:`explain` returns data, not text, so that a review page can be built from
exactly what the converter decided (``convert --review``).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from teikit.convert.plan import plan_of

if TYPE_CHECKING:
    from teikit.convert.source import Source


@dataclass(frozen=True)
class LineRecord:
    """One non-blank raw line and the role the role stage chose for it.

    ``line``: the raw line number (from 1); ``column``: the column of its first
    non-space character (from 1); ``text``: the line, stripped; ``role``: the
    chosen role (``heading``, ``marking``, ``furniture``, ``speaker``, ``item``,
    ``note``, ``signature``, ``dateline``, ``field`` or ``text``); ``score``:
    how sure (0..1; 1.0 for an editor's sidecar decision); ``reason``: why, in
    words an editor can check.
    """

    line: int
    column: int
    text: str
    role: str
    score: float
    reason: str


@dataclass(frozen=True)
class Explanation:
    """What the recognition stages decided for one document."""

    name: str
    kind: str
    kind_score: float
    kind_reason: str
    lines: tuple[LineRecord, ...]


def explain(source: Source) -> Explanation:
    """The recognition plan of a decoded source, as records per raw line."""
    plan = plan_of(source.text)
    records = []
    for f in plan.doc.lines:
        role, score = plan.roles[f.offset]
        line, col = source.line_col(f.offset)
        records.append(LineRecord(line, col, f.text, role, score.value, score.reason))
    return Explanation(
        source.name, plan.kind, plan.kind_score.value, plan.kind_score.reason, tuple(records)
    )


def to_text(ex: Explanation) -> str:
    """The explanation as lines ``NAME:LINE:COL: role (score): reason | text``."""
    out = [f"{ex.name}: kind {ex.kind} ({ex.kind_score:.2f}): {ex.kind_reason}"]
    for r in ex.lines:
        out.append(
            f"{ex.name}:{r.line}:{r.column}: {r.role} ({r.score:.2f}): {r.reason} | {r.text[:60]}"
        )
    return "\n".join(out)
