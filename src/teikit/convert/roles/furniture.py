"""Page furniture: running heads and feet, archive page footers, Bates numbers, margins.

A line repeated through a copy with only its number changing (``HW 10000
DocId:40000001 Page 2``, ``14-00000``, ``AB Smith-1234``) or an archive's
release banner is not text of the document: it is ``fw``, and where it stands
a page turns. FOIA exemption codes the OCR found in the margin (``b6 b7C``)
are marginal ``fw``.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.features import ARCHIVE_FOOTER_RE, BATES_RE, SEPARATOR_RE
from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

#: A release banner, stamped on every page by the releasing archive.
RELEASE_RE = re.compile(r"\bRELEASE(?:D)?\s+(?:UNDER|IN\s+FULL|AS\s+SANITIZED)\b", re.IGNORECASE)
#: Exemption codes of a US freedom-of-information release.
EXEMPTION_RE = re.compile(r"^(?:b\s?\d[A-Fa-f]?(?:\s*[,;]?\s*)){1,6}$")


def is_page_footer(text: str) -> bool:
    """An archive's page footer or separator: a page turns where it stands."""
    return bool(ARCHIVE_FOOTER_RE.search(text) or SEPARATOR_RE.match(text) or BATES_RE.match(text))


@role("furniture")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    text = line.text
    if ARCHIVE_FOOTER_RE.search(text):
        return Score(0.97, "an archive's page footer (document id and page)")
    if SEPARATOR_RE.match(text):
        return Score(0.9, "a page separator of the collection")
    if BATES_RE.match(text) and (line.repeats >= 2 or (doc.ocr and line.words <= 3)):
        return Score(0.9, f"a Bates number (a name and a page number), {line.repeats} in the copy")
    if RELEASE_RE.search(text) and line.words <= 16:
        return Score(0.85, "an archive's release banner")
    if EXEMPTION_RE.match(text):
        return Score(0.8, "exemption codes in the margin")
    if doc.ocr and line.repeats >= 3 and 2 <= line.words <= 10 and not line.ends_sentence:
        # only in a copy of pages: a typed text repeats lines for its own reasons
        return Score(0.75, f"the same line repeated {line.repeats} times: a running head")
    return NO
