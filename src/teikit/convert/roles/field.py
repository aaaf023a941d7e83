"""Fields of a form or memorandum head: ``TO:``, ``FROM:``, ``SUBJECT:``, ``DATE:``.

A label in capitals (or a known field word) followed by a colon, at the start
of the document or in a form, is a field, not a speaker.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

#: Field words of memoranda, cables, routing sheets and forms.
FIELD_WORDS = frozenset(
    [
        "to",
        "from",
        "subject",
        "date",
        "re",
        "ref",
        "reference",
        "via",
        "info",
        "action",
        "attention",
        "cc",
        "copies",
        "agency",
        "originator",
        "title",
        "pages",
        "classification",
        "restrictions",
        "comments",
        "subjects",
        "distribution",
        "file",
        "record",
        "number",
        "series",
        "status",
        "type",
    ]
)
_LABEL_RE = re.compile(r"^(?P<label>[A-Za-z][A-Za-z .&/-]{0,38}?)\s?:(?:\s|$)")


def field_label(text: str) -> str | None:
    """The label of a field line, if the line opens with one."""
    m = _LABEL_RE.match(text)
    if m is None:
        return None
    label = m.group("label").strip()
    words = label.lower().split()
    if words and (words[0] in FIELD_WORDS or words[-1] in FIELD_WORDS):
        return label
    return None


@role("field")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    label = field_label(line.text)
    if label is None:
        return NO
    if line.at_start or line.text.rstrip().endswith(":"):
        return Score(0.8, f"a form or memorandum field ({label}:)")
    return Score(0.55, f"a field label ({label}:) inside the text")
