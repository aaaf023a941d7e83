"""Runs of ``Label: value`` lines typed one under another, with no blank line between.

A catalogue record, an interview's cover sheet or a meeting's attendance opens with
lines such as ``Interviewer: Jane Roe`` / ``Date: May 2, 1990`` / ``Location: Oak
Hall``, or ``Present: …`` / ``Absent: …``. Their labels are not the field words of a
memorandum (``TO:``, ``SUBJECT:``), so the role stage reads them as text; joined
into one paragraph they run together (``… Jane Roe Date: May 2, 1990 Location: …``)
and the record's shape is lost. Two or more such lines in one block say the block
is a set of fields: each opens a paragraph of its own (a line that continues a
value stays with it).

Pure functions on strings.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: A label of one to three words opening with a capital, its colon, then a value on the
#: same line (``Also present: Joan Roe``, ``Transcribed by: A. Doe``).
_LABEL_LINE_RE = re.compile(r"^[A-Z][A-Za-z.'’/&-]*(?:\s+[A-Za-z][A-Za-z.'’/&-]*){0,2}:\s+\S")
#: Clock times and references (``At 10:30 the …``, ``Genesis 1:3``) are no labels.
_NOT_LABEL_RE = re.compile(r"^\S+\s+\d|^\d")


def label_line(text: str) -> bool:
    """Whether the line opens with a short label, a colon and its value."""
    body = text.strip()
    return _LABEL_LINE_RE.match(body) is not None and _NOT_LABEL_RE.match(body) is None


#: A field's value is short; a longer one is a speaker's words after the label.
MAX_VALUE_WORDS = 12


#: A line this share of the copy's full width or longer is full: the next one wraps it.
FULL_LINE = 0.8
#: The narrowest full width: a copy of short lines only (a form, a list) wraps none.
MIN_WIDTH = 60


def label_run_starts(texts: Sequence[str], width: int = 80) -> list[int]:
    """The indexes of a block's label lines, when two or more of its lines are such.

    A label line under a full line (``width`` is the copy's) is no field: the
    paragraph above wrapped there (``… Records Center, OSD`` / ``Files: FRC 330 …``),
    a field is typed on a line of its own. ``[]`` when fewer than two are left (one
    ``Note: …`` line in a paragraph is a sentence's opening, not a set of fields),
    when a label comes back (``Q:`` / ``A:`` / ``Q:`` is dialogue; a record names
    each field once), or when a value runs longer than a field's.
    """
    found = [
        k
        for k, t in enumerate(texts)
        if label_line(t)
        and not (k and len(texts[k - 1].strip()) >= FULL_LINE * max(width, MIN_WIDTH))
    ]
    if len(found) < 2:
        return []
    labels = [texts[k].strip().partition(":")[0].lower() for k in found]
    values = [texts[k].strip().partition(":")[2].split() for k in found]
    if len(set(labels)) < len(labels) or any(len(v) > MAX_VALUE_WORDS for v in values):
        return []
    return found
