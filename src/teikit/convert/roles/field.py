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


#: A field's value that is only an identifier: a number with its hyphens or slashes, maybe
#: after an office's letters (``100-2000``, ``AB 100-20``, ``104-10000-10001``).
_IDENTIFIER_VALUE_RE = re.compile(
    r"^[\s=#]*(?:[A-Z]{1,5}\s?)?\d+[-/]\d+(?:[-/]\d+)*(?:\s*-\s*\d+)?\W{0,3}$"
)


def field_label(text: str) -> str | None:
    """The label of a field line, if the line opens with one.

    A label of field words (``SUBJECT:``), or any label in capitals whose value is an
    identifier (``REFILE: 100-2000``): a label followed by a file number names a field,
    never a speaker.
    """
    m = _LABEL_RE.match(text)
    if m is None:
        return None
    label = m.group("label").strip()
    words = label.lower().split()
    if words and (words[0] in FIELD_WORDS or words[-1] in FIELD_WORDS):
        return label
    if label.isupper() and _IDENTIFIER_VALUE_RE.match(text[m.end() :]):
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
