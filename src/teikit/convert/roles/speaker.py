"""Speaker labels: ``NAME:`` opening a turn (the label grammar is :mod:`..recognizers.speakers`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.recognizers.speakers import match_label
from teikit.convert.roles import NO, Score, role
from teikit.convert.roles.field import field_label

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures


@role("speaker")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    del doc
    if field_label(line.text) is not None:
        return NO
    label = match_label(line.text)
    if label is None:
        return NO
    return Score(0.7, f"opens with a speaker label ({label.label}:)")
