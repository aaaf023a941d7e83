"""References: a line that is only a number identifying the copy in a file or archive.

Record numbers (``124-10284-10172``), file numbers (``SE 164-81``,
``164-81-323``), cable numbers (``IN 12839``, ``CITE DIR 7666``) and form
numbers (``FD-36 (Rev. 5-22-64)``) stand alone on their lines in archival
copies. They are ``fw`` holding an ``idno``, never a heading or a paragraph.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

#: (kind of number, pattern of the whole line), the first that matches names it.
REFERENCES: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("record", re.compile(r"^\W{0,3}\d{3}-\d{5}-\d{5}\W{0,3}$")),
    (
        "form",
        re.compile(r"^\W{0,2}(?:FD|SF|OF|Form|FORM)\s?-?\s?(?:No\.?\s*)?\d{1,4}[A-Z]?\b.{0,30}$"),
    ),
    ("cable", re.compile(r"^(?:IN|OUT)\s+\d{4,6}\b.{0,20}$|^CITE\s+[A-Z]{2,6}\s*[\d/ ]{2,9}$")),
    ("file", re.compile(r"^(?:[A-Z]{2,4}\s+)?\d{2,3}-\d{2,6}(?:-\d{1,6})?(?:\s*-\s*\d{1,5})?$")),
)


def reference_kind(text: str) -> str | None:
    """What kind of number a line holding only a number is."""
    for kind, pattern in REFERENCES:
        if pattern.match(text):
            return kind
    return None


@role("reference")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    if line.words > 6:
        return NO
    kind = reference_kind(line.text)
    if kind is None:
        return NO
    return Score(0.75, f"a {kind} number alone on its line")
