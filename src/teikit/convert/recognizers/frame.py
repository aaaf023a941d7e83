"""Web-page frames around a document: what goes to the header, what is dropped.

Documents scraped from a digital archive arrive inside the page: a date and
title, labelled blocks (``Citation:``, ``Summary:``, ``Credits:``, ``Original
Language:``, ``Contents:``), a credits sentence, and at the bottom a "Document
Information" section with the archive reference and rights, plus navigation
text. The labels are the page template's, shared by every page of such a site,
so recognizing them names no document. Navigation text carries no information
about the document; it is dropped and declared verbatim in the header.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.convert.recognizers.dates import DATE_ONLY_RE
from teikit.convert.zones import Block, Line

if TYPE_CHECKING:
    from collections.abc import Callable

NAVIGATION = frozenset(
    s.lower()
    for s in (
        "Skip to content",
        "Skip to main content",
        "Document Information",
        "Original Uploaded Date",
        "Record ID",
        "Back to top",
        "Menu",
        "Search",
        "Share",
        "Print",
        "Download",
        "Related Documents",
        "Keywords",
        "Subjects Discussed in This Document",
    )
)
#: The label that starts a page's bottom section.
BOTTOM_START = "document information"
LABEL_RE = re.compile(
    r"^(?P<label>Citation|Summary|Credits|Original Language|Contents|Rights|Source|Type"
    r"|Language|Date|Author|Title):\s*$",
    re.IGNORECASE,
)
CREDIT_RE = re.compile(r"^This document was made possible with support from\b", re.IGNORECASE)
URL_RE = re.compile(r"^<?(?P<url>https?://[^\s<>]+)>?$")
BOLD_RE = re.compile(r"^\*\*(?P<t>.*)\*\*$", re.DOTALL)
RIGHTS_RE = re.compile(r"\b(?:copyright|rights|permission|reuse)\b", re.IGNORECASE)
TRANSLATOR_RE = re.compile(
    r"(?P<resp>(?:(?:Contributed|Edited|Transcribed)\s+and\s+)?[Tt]ranslated\s+by)\s+"
    r"(?P<name>[^.,;]+?)\s*\.?\s*$"
)


@dataclass
class Frame:
    """What a web-page frame says about the document."""

    present: bool = False
    date: str | None = None
    date_offset: int = 0
    title: Block | None = None
    title_bold: bool = False
    fields: dict[str, list[Block]] = field(default_factory=dict)
    urls: list[str] = field(default_factory=list)
    credits: list[Block] = field(default_factory=list)
    rights: list[Block] = field(default_factory=list)
    archive: list[Block] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    labels: list[str] = field(default_factory=list)
    first_body: int = 0
    end_body: int = 0


#: A menu's items on one line (``Home | Collections | About``).
_MENU_SEP_RE = re.compile(r"\s+[|·•]\s+")
#: A breadcrumb trail (``Home > Letters > 1862``).
_CRUMB_SEP_RE = re.compile(r"\s+[>»›]\s+")
#: A page's sharing buttons, read as words (``Share this page: Facebook Twitter Email``).
SHARING = frozenset(
    ("facebook", "twitter", "email", "e-mail", "linkedin", "pinterest", "reddit", "whatsapp")
)
_SHARE_RE = re.compile(r"^(?:share|share\s+this(?:\s+\w+)?|follow\s+us)\s*:?(?:\s|$)", re.I)
_WORDS_RE = re.compile(r"[^\W\d_][\w-]*")
#: Rights at the foot of a page (``© 2019 The Archive. All rights reserved.``).
FOOT_RIGHTS_RE = re.compile(r"^(?:©|\(c\)\s|copyright\b)|\ball rights reserved\b", re.I)
#: A citation given on the line of its label, at the foot of a page (``Citation: Papers, Box 3.``).
INLINE_CITATION_RE = re.compile(
    r"^(?P<label>Citation|Cite as|Suggested citation|Preferred citation)\s*:\s+(?=\S)", re.I
)
#: The most words one item of a menu or a breadcrumb holds.
MAX_MENU_ITEM_WORDS = 4


def is_navigation(text: str) -> bool:
    """Whether a line is a web page's navigation, which says nothing about the document.

    The template's own words (``Skip to content``, ``Back to top``), a menu of
    short items set apart by bars or bullets (three at least), a breadcrumb trail
    (two steps at least after ``Home``, three otherwise), or sharing buttons.
    """
    t = " ".join(text.split())
    if t.lower() in NAVIGATION:
        return True
    items = _MENU_SEP_RE.split(t)
    if len(items) >= 3 and all(1 <= len(i.split()) <= MAX_MENU_ITEM_WORDS for i in items):
        return True
    crumbs = _CRUMB_SEP_RE.split(t)
    if (
        (len(crumbs) >= 3 or (len(crumbs) == 2 and crumbs[0].lower() == "home"))
        and all(1 <= len(c.split()) <= MAX_MENU_ITEM_WORDS + 2 for c in crumbs)
        and not t.endswith(".")
    ):
        return True
    words = {w.lower() for w in _WORDS_RE.findall(t)}
    return _SHARE_RE.match(t) is not None and len(words & SHARING) >= 1


def _is_nav(block: Block) -> bool:
    return is_navigation(block.text)


def split_frame(
    blocks: list[Block], is_body_start: Callable[[Block], bool] = lambda b: False
) -> Frame:
    """Find the frame at the top and bottom of ``blocks``; the body is between."""
    frame = Frame(first_body=0, end_body=len(blocks))
    if not blocks:
        return frame
    first = blocks[0]
    if not (
        _is_nav(first)
        or DATE_ONLY_RE.match(first.text)
        or BOLD_RE.match(first.text)
        or LABEL_RE.match(first.text)
    ):
        return frame
    frame.present = True
    i = 0
    n = len(blocks)
    while i < n:
        block = blocks[i]
        text = block.text
        if _is_nav(block):
            frame.dropped.append(text)
        elif frame.date is None and DATE_ONLY_RE.match(text):
            frame.date = text.strip()
            frame.date_offset = block.offset
        elif (m := LABEL_RE.match(text)) is not None:
            label = m.group("label").lower()
            frame.labels.append(text.strip())
            values = frame.fields.setdefault(label, [])
            # a label's value is the next block, unless that block starts the body
            # (a speaker's turn after an empty "Original Language:" is not a language)
            if (
                i + 1 < n
                and not LABEL_RE.match(blocks[i + 1].text)
                and not is_body_start(blocks[i + 1])
            ):
                i += 1
                values.append(blocks[i])
                while i + 1 < n and (u := URL_RE.match(blocks[i + 1].text)) is not None:
                    i += 1
                    frame.urls.append(u.group("url"))
        elif CREDIT_RE.match(text):
            frame.credits.append(block)
        elif BOLD_RE.match(text) is not None and frame.title is None:
            frame.title = _unbold(block)
            frame.title_bold = True
        elif frame.title is None and not frame.fields and not is_body_start(block):
            frame.title = block
        else:
            break
        i += 1
    frame.first_body = i
    _bottom(blocks, frame, is_body_start)
    return frame


def _foot(blocks: list[Block], frame: Frame) -> None:
    """A page's foot without a "Document Information" section: navigation, rights, citation.

    Read from the end while the blocks are the template's: navigation is dropped,
    rights go to the header's availability, a citation given on its label's line
    to the source description (the label listed with the others dropped).
    """
    j = frame.end_body
    while j > frame.first_body:
        block = blocks[j - 1]
        text = block.text
        if _is_nav(block):
            frame.dropped.insert(0, text)
        elif FOOT_RIGHTS_RE.search(text):
            frame.rights.insert(0, block)
        elif (m := INLINE_CITATION_RE.match(block.first)) is not None:
            frame.labels.append(m.group("label") + ":")
            first = block.lines[0]
            value = Line(first.text[m.end() :], first.offset + m.end())
            frame.fields.setdefault("citation", []).insert(
                0, Block([value, *block.lines[1:]], block.blank_before)
            )
        else:
            break
        j -= 1
    frame.end_body = j


def _bottom(blocks: list[Block], frame: Frame, is_body_start: Callable[[Block], bool]) -> None:
    start = None
    for j in range(len(blocks) - 1, frame.first_body - 1, -1):
        if blocks[j].text.strip().lower() == BOTTOM_START:
            start = j
            break
    if start is None:
        _foot(blocks, frame)
        return
    frame.end_body = start
    before = blocks[start - 1] if start - 1 >= frame.first_body else None
    if (
        before is not None
        and not before.first.startswith("[")
        and not before.first[:1].isdigit()
        and not before.first.startswith("(")
        and not is_body_start(before)
    ):
        frame.fields.setdefault("summary", []).append(before)
        frame.end_body = start - 1
    archive_seen = False
    for block in blocks[start:]:
        text = block.text
        if _is_nav(block):
            frame.dropped.append(text)
        elif not archive_seen:
            frame.archive.append(block)
            archive_seen = True
        elif RIGHTS_RE.search(text):
            frame.rights.append(block)
        else:
            frame.dropped.append(text)


def _unbold(block: Block) -> Block:
    """The block without the Markdown ``**`` around it (offsets kept)."""
    lines = list(block.lines)
    first, last = lines[0], lines[-1]
    lines[0] = Line(first.text[2:], first.offset + 2)
    if len(lines) == 1:
        lines[0] = Line(lines[0].text[:-2], lines[0].offset)
    else:
        lines[-1] = Line(last.text[:-2], last.offset)
    return Block(lines, block.blank_before)


def translator(citation: str) -> tuple[str, str] | None:
    """``(resp phrase, name)`` of a "Translated by X." at the end of a citation."""
    m = TRANSLATOR_RE.search(citation)
    if m is None:
        return None
    return m.group("resp"), m.group("name").strip()
