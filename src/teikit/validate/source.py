"""Real columns for libxml2's line-only positions, recovered from the source text.

libxml2 records a line per element but reports column 0 in validation errors;
an editor or a CI annotation needs the column of the start tag (or of the
attribute) to put the cursor there. The start tag is found by counting: the
element is the k-th start tag on its line, so the column is that of the k-th
``<name`` on the line, skipping comments, CDATA and processing instructions.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

    from lxml import etree

    from teikit.validate.report import Problem


#: libxml2 stores line numbers in 16 bits; beyond, it reports them less exactly.
_BIG_LINE = 65535
_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<\?.*?(?:\?>|$)|<(?=[^\s/!?<>])", re.S
)


class SourceText:
    """A document's text split into lines, decoded once, on first use."""

    def __init__(self, data: bytes, encoding: str | None) -> None:
        self._data = data
        self._encoding = encoding or "utf-8"
        self._starts: list[int] | None = None
        # Per line and per start tag, found once: ten thousand problems on one
        # long line cost one scan of it, not ten thousand (that was quadratic).
        self._last: tuple[int, str] = (0, "")
        self._tags: dict[int, list[int]] = {}
        self._attrs: dict[tuple[int, int], dict[str, int]] = {}

    def line(self, number: int) -> str:
        """One line, decoded alone (the last one asked is kept)."""
        if self._last[0] == number and number:
            return self._last[1]
        text = self._line(number)
        self._last = (number, text)
        return text

    def _line(self, number: int) -> str:
        """One line, decoded alone: a 100 MB document is never decoded whole."""
        if self._encoding.lower().replace("-", "").startswith(("utf16", "utf32")):
            return _decoded_lines(self._data, self._encoding, number)
        if self._starts is None:
            self._starts = [0] + [m.end() for m in re.finditer(b"\n", self._data)]
        if not 0 < number <= len(self._starts):
            return ""
        start = self._starts[number - 1]
        end = self._starts[number] if number < len(self._starts) else len(self._data)
        raw = self._data[start:end].rstrip(b"\r\n")
        try:
            return raw.decode(self._encoding, errors="replace")
        except LookupError:
            return raw.decode("utf-8", errors="replace")

    def positions(
        self, requests: Sequence[tuple[etree._Element, str | None]]
    ) -> list[tuple[int, int]]:
        """1-based (line, column) of start tags (or of the named attribute in them).

        Beyond line 65535 libxml2 sometimes reports the line after the start
        tag (it keeps big line numbers on the following text node); there the
        tag is looked up in the text of the reported line and the two before.

        One walk over the tree counts, for each element asked about, the start
        tags before it on its line; nothing is kept per element, so a document
        of a million elements costs a pass, not a map of them all.
        """
        if not requests:
            return []
        lines = {el.sourceline for el, _ in requests if el.sourceline}
        wanted = {id(el): el for el, _ in requests}
        seen_on: dict[int, int] = dict.fromkeys(lines, 0)
        rank: dict[int, int] = {}
        root = requests[0][0].getroottree().getroot()
        for node in root.iter():
            if not isinstance(node.tag, str):
                continue
            line = node.sourceline or 0
            if line in seen_on:
                if id(node) in wanted and wanted[id(node)] is node:
                    rank[id(node)] = seen_on[line]
                seen_on[line] += 1
        out = []
        for el, attr in requests:
            line = el.sourceline or 0
            if line >= _BIG_LINE:
                line, col = self._find_tag(line, str(el.tag).rsplit("}", 1)[-1])
            else:
                k = rank.get(id(el))
                col = self._tag_column(line, k) if k is not None else 0
            out.append((line, self._attribute_column(line, col, attr) if attr else col))
        return out

    def columns(self, requests: Sequence[tuple[etree._Element, str | None]]) -> list[int]:
        """Just the columns of :meth:`positions`."""
        return [col for _, col in self.positions(requests)]

    def element_column(self, el: etree._Element) -> int:
        """1-based column of ``el``'s start tag, 0 when it cannot be told."""
        return self.columns([(el, None)])[0]

    def _find_tag(self, line: int, local: str) -> tuple[int, int]:
        tag = re.compile(r"<(?:[\w.-]+:)?" + re.escape(local) + r"(?=[\s/>])")
        for candidate in (line, line - 1, line - 2):
            m = tag.search(self.line(candidate))
            if m:
                return candidate, m.start() + 1
        return line, 0

    def _tag_column(self, line: int, k: int) -> int:
        cols = self._tags.get(line)
        if cols is None:
            cols = self._tags[line] = [
                m.start() + 1 for m in _MARKUP.finditer(self.line(line)) if m.group(0) == "<"
            ]
        return cols[k] if k < len(cols) else 0

    def _attribute_column(self, line: int, col: int, attr: str) -> int:
        if not col:
            return col
        found = self._attrs.get((line, col))
        if found is None:
            found = self._attrs[(line, col)] = _attributes(self.line(line), col)
        return found.get(attr.rsplit("}", 1)[-1], col)


_ATTRIBUTE = re.compile(r"""\s((?:[\w.-]+:)?([\w.-]+))\s*=\s*(?:"[^"]*"|'[^']*')?""")


def _attributes(text: str, col: int) -> dict[str, int]:
    """1-based columns of the attributes (by local name) of the start tag at ``col``."""
    out: dict[str, int] = {}
    pos = col
    for m in _ATTRIBUTE.finditer(text, col):
        if text.find(">", pos, m.start()) != -1:
            break  # past the end of this start tag
        out.setdefault(m.group(2), m.start(1) + 1)
        pos = m.end()
    return out


def _decoded_lines(data: bytes, encoding: str, number: int) -> str:
    lines = data.decode(encoding, errors="replace").splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""


def with_columns(
    source: SourceText, problems: list[Problem], elements: list[etree._Element | None]
) -> list[Problem]:
    """``problems`` with the columns of their elements (aligned lists), found in one pass."""
    asked = [(i, el) for i, el in enumerate(elements) if el is not None]
    found = source.positions([(el, None) for _, el in asked])
    out = list(problems)
    for (i, _), (line, col) in zip(asked, found, strict=True):
        out[i] = replace(out[i], line=line or out[i].line, column=col)
    return out
