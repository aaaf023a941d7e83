"""What the converter found in one document, and every place it was unsure.

The counts let an editor (and the FRUS evaluation) check a conversion at a
glance; the uncertainties are the converter's to-do list for a human, each
with the raw file's ``line:col`` so it can be looked at where it stands.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

#: The counted features, in the order reports list them.
COUNTED = (
    "speakers",
    "turns",
    "stamps",
    "notes",
    "corrections",
    "pages",
    "gaps",
    "supplied",
    "foreign",
    "dates",
    "rejoined",
    "hyphenations",
)


@dataclass(frozen=True, order=True)
class Uncertainty:
    """One place the converter decided by a weak rule or could not decide."""

    line: int
    column: int
    message: str

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "message": self.message}


@dataclass
class ConversionReport:
    """Per-document counts and uncertainties (``ConversionResult.report``).

    Not to be confused with :class:`teikit.validate.report.Report`, the outcome
    of a validation run.
    """

    name: str
    kind: str = ""
    counts: Counter[str] = field(default_factory=Counter)
    uncertainties: list[Uncertainty] = field(default_factory=list)

    def count(self, feature: str, n: int = 1) -> None:
        self.counts[feature] += n

    def unsure(self, line: int, column: int, message: str) -> None:
        self.uncertainties.append(Uncertainty(line, column, message))

    def to_dict(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "kind": self.kind,
            "counts": {k: self.counts.get(k, 0) for k in COUNTED},
            "uncertain": [u.to_dict() for u in sorted(self.uncertainties)],
        }

    def to_text(self) -> str:
        counts = ", ".join(f"{k} {self.counts.get(k, 0)}" for k in COUNTED)
        lines = [f"{self.name} ({self.kind}): {counts}"]
        lines.extend(
            f"  {self.name}:{u.line}:{u.column}: unsure: {u.message}"
            for u in sorted(self.uncertainties)
        )
        return "\n".join(lines)


def reports_to_json(reports: list[ConversionReport]) -> str:
    return json.dumps([r.to_dict() for r in reports], ensure_ascii=False, indent=2) + "\n"


#: The name before 0.2.0, kept so that existing imports work; use ``ConversionReport``.
Report = ConversionReport
