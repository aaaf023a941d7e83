"""Reports: the copy calls itself a report (an information report, a status report)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, head_text, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures

_REPORT_RE = re.compile(r"\b(?:INFORMATION|STATUS|CONTACT|INTELLIGENCE)?\s*REPORT\b")


@kind("report", "memorandum", "prose")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    del roles
    m = _REPORT_RE.search(head_text(doc, 40))
    if m is None:
        return Score(0.0, "")
    return Score(0.45, f"the copy calls itself a {m.group().strip().lower()}")
