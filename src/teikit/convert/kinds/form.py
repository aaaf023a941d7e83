"""Forms: a title naming one (``… INFORMATION SHEET``), most lines field labels, or the
printed instructions beside a form's blanks (``(City and state)``, ``(Type and date)``)."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.kinds import Roles, count, kind
from teikit.convert.roles import Score

if TYPE_CHECKING:
    from collections.abc import Iterable

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
    found = instructions(f.text for f in doc.lines)
    if len(found) >= MIN_INSTRUCTIONS:
        # weaker than any name the copy gives itself: a report or a cable may print one
        # or two such instructions on its own form
        return Score(0.5, f"{len(found)} printed instructions for a form's blanks ({found[0]})")
    return Score(0.0, "")


#: A form's instruction for a blank, in parentheses: on a line of its own under the blank
#: (``(Cryptonym of Agent)``), or after a caption in capitals (``RESIDENCE (City and
#: state)``); a capital, then two to seven words, no sentence's stop at the end.
_INSTRUCTION_RE = re.compile(
    r"(?:^[^\w(]*|\b[A-Z]{3,}[^a-z(]*)\((?P<text>[A-Z][a-z]*(?:[ ,]+[A-Za-z'’]+){1,6})\)"
)
#: Distinct instructions that make a form.
MIN_INSTRUCTIONS = 3


def instructions(texts: Iterable[str]) -> list[str]:
    """The distinct printed instructions for a form's blanks, in the order met."""
    seen: list[str] = []
    for text in texts:
        m = _INSTRUCTION_RE.search(text)
        if m is not None and m.group("text") not in seen:
            seen.append(m.group("text"))
    return seen
