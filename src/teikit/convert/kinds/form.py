"""Forms: most lines are field labels, many with no value."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures


@kind("form", "memorandum", "prose")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    fields = count(roles, "field")
    if doc.lines and fields >= 6 and fields >= 0.4 * len(doc.lines):
        return Score(0.6, f"{fields} of {len(doc.lines)} lines are form fields")
    return Score(0.0, "")
