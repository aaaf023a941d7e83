"""Minutes of a meeting: the copy calls itself minutes, or a record of a meeting."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, head_text, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures

_MINUTES_RE = re.compile(
    r"\bMINUTES\b|\bSUMMARY OF (?:THE )?MEETING\b|\bRECORD OF (?:THE )?MEETING\b"
)


@kind("minutes", "memorandum", "prose")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    del roles
    m = _MINUTES_RE.search(head_text(doc, 15))
    if m is None:
        return Score(0.0, "")
    return Score(0.55, f"the copy calls itself {m.group().lower()}")
