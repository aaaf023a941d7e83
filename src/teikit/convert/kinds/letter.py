"""Letters: a title naming one (``Letter From…``), a salutation (``Dear …,``, ``Sir:``) near
the start or a closing salutation near the end."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, kind
from teikit.convert.recognizers import letters
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures


@kind("letter", "letter", "letter")
def detect(doc: DocFeatures, roles: Roles) -> Score:
    del roles
    from teikit.convert.kinds.named import named_kind

    named = named_kind(doc)
    if named is not None and named[0] == "letter":
        return Score(0.65, f"the copy calls itself {' '.join(named[1].split())} (line {named[2]})")
    for f in doc.lines[:40]:
        if letters.salute_at(f.text):
            return Score(0.5, f"a salutation at line {f.number}")
    for f in doc.lines[-12:]:
        if letters.is_closing_salute(f.text):
            return Score(0.48, f"a closing salutation at line {f.number}")
    return Score(0.0, "")
