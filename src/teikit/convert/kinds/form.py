"""Forms: a title naming one (``… INFORMATION SHEET``), or most lines field labels."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures


@kind("form", "memorandum", "prose")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    from teikit.convert.kinds.named import named_kind

    named = named_kind(doc)
    if named is not None and named[0] == "form":
        return Score(0.6, f"the copy calls itself {' '.join(named[1].split())} (line {named[2]})")
    fields = count(roles, "field")
    if doc.lines and fields >= 6 and fields >= 0.4 * len(doc.lines):
        return Score(0.6, f"{fields} of {len(doc.lines)} lines are form fields")
    return Score(0.0, "")
