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

from teikit.convert.features import (
    ARCHIVE_FOOTER_RE,
    BATES_RE,
    CABLE_PAGE_RE,
    CONTINUATION_HEAD_RE,
    CONTINUED_RE,
    GARBLED_FOOTER_RE,
    MIN_FOOTERS,
    PAGE_LINE_RE,
    SEPARATOR_RE,
)
from teikit.convert.recognizers.web import web_chrome
from teikit.convert.roles import NO, Score, role

if TYPE_CHECKING:
    from teikit.convert.features import DocFeatures, LineFeatures

#: A release banner, stamped on every page by the releasing archive.
RELEASE_RE = re.compile(r"\bRELEASE(?:D)?\s+(?:UNDER|IN\s+FULL|AS\s+SANITIZED)\b", re.IGNORECASE)


def release_banner(text: str) -> bool:
    """An archive's release banner (``RELEASED IN FULL``, ``Release under the … Act``).

    The stamp is set in capitals or title case; the same words in lower case run in a
    sentence (``documents for release under these procedures``) and are text.
    """
    m = RELEASE_RE.search(text)
    return m is not None and not m.group().islower()


#: Exemption codes of a US freedom-of-information release.
EXEMPTION_RE = re.compile(r"^(?:b\s?\d[A-Fa-f]?(?:\s*[,;]?\s*)){1,6}$")


def is_page_footer(text: str) -> bool:
    """An archive's page footer or separator, a page's number line: a page turns there."""
    return bool(
        ARCHIVE_FOOTER_RE.search(text)
        or SEPARATOR_RE.match(text)
        or BATES_RE.match(text)
        or PAGE_LINE_RE.match(text)
        or CABLE_PAGE_RE.match(text)
        or CONTINUATION_HEAD_RE.match(text)
        or GARBLED_FOOTER_RE.match(text)
        or CONTINUED_RE.match(text)
    )


def _named(text: str) -> bool:
    """Whether a lone Bates-like number carries a name (``Smith-1234``, ``AB Smith-12``).

    A single token of capitals (``ABCD-12345``) is a dispatch's or a message's
    symbol, not a page's stamp: only a number repeated through the copy proves that.
    """
    name = text.rsplit("-", 1)[0].strip()
    return len(name.split()) <= 3 and (" " in name or any(c.islower() for c in name))


@role("furniture")
def score(line: LineFeatures, doc: DocFeatures) -> Score:
    text = line.text
    if ARCHIVE_FOOTER_RE.search(text):
        return Score(0.97, "an archive's page footer (document id and page)")
    if doc.page_marks >= MIN_FOOTERS and GARBLED_FOOTER_RE.match(text):
        return Score(0.9, "an archive's page footer, its id garbled (the copy's footers show it)")
    if SEPARATOR_RE.match(text):
        return Score(0.9, "a page separator of the collection")
    if BATES_RE.match(text) and (line.repeats >= 2 or (doc.ocr and _named(text))):
        return Score(0.9, f"a Bates number (a name and a page number), {line.repeats} in the copy")
    if PAGE_LINE_RE.match(text):
        return Score(0.9, "a page's number on a line of its own")
    if CABLE_PAGE_RE.match(text):
        return Score(0.9, "a printed telegram's page head (page, origin, telegram number)")
    if CONTINUATION_HEAD_RE.match(text):
        return Score(0.85, "a continuation page's head (a name and the page, or the page in words)")
    if CONTINUED_RE.match(text) and (line.blank_after or doc.ocr):
        return Score(0.85, "CONTINUED alone: the foot of a message form's page")
    if release_banner(text) and line.words <= 16:
        return Score(0.85, "an archive's release banner")
    if EXEMPTION_RE.match(text):
        return Score(0.8, "exemption codes in the margin")
    if web_chrome(text):
        return Score(0.8, "a web page's button, banner, breadcrumb or copyright line")
    if doc.ocr and line.repeats >= 3 and 2 <= line.words <= 10 and not line.ends_sentence:
        # only in a copy of pages: a typed text repeats lines for its own reasons
        return Score(0.75, f"the same line repeated {line.repeats} times: a running head")
    return NO
