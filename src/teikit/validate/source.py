"""Real columns for libxml2's line-only positions, recovered from the source text.

libxml2 records a line per element but reports column 0 in validation errors;
an editor or a CI annotation needs the column of the start tag (or of the
attribute) to put the cursor there. The start tag is found by counting: the
element is the k-th start tag on its line, so the column is that of the k-th
``<name`` on the line, skipping comments, CDATA and processing instructions.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lxml import etree

_MARKUP = re.compile(
    r"<!--.*?(?:-->|$)|<!\[CDATA\[.*?(?:\]\]>|$)|<\?.*?(?:\?>|$)|<(?=[^\s/!?<>])", re.S
)


class SourceText:
    """A document's text split into lines, decoded once, on first use."""

    def __init__(self, data: bytes, encoding: str | None) -> None:
        self._data = data
        self._encoding = encoding or "utf-8"
        self._starts: list[int] | None = None
        self._by_line: dict[int, list[etree._Element]] | None = None
        self._root: etree._Element | None = None

    def line(self, number: int) -> str:
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

    def element_column(self, el: etree._Element) -> int:
        """1-based column of ``el``'s start tag, 0 when it cannot be told."""
        line = el.sourceline or 0
        if not line:
            return 0
        same_line = self._elements_on(el, line)
        try:
            k = same_line.index(el)
        except ValueError:
            return 0
        n = 0
        for m in _MARKUP.finditer(self.line(line)):
            if m.group(0) == "<":
                if n == k:
                    return m.start() + 1
                n += 1
        return 0

    def attribute_column(self, el: etree._Element, attr: str) -> int:
        """1-based column of attribute ``attr`` (``{ns}local`` or local) in ``el``'s start tag."""
        col = self.element_column(el)
        line = el.sourceline or 0
        if not col:
            return col
        local = attr.rsplit("}", 1)[-1]
        text = self.line(line)
        m = re.compile(r"[\s]((?:[\w.-]+:)?" + re.escape(local) + r")\s*=").search(text, col)
        return m.start(1) + 1 if m else col

    def _elements_on(self, el: etree._Element, line: int) -> list[etree._Element]:
        root = el.getroottree().getroot()
        if self._by_line is None or self._root is not root:
            self._root = root
            self._by_line = {}
            for node in root.iter():
                if isinstance(node.tag, str):
                    self._by_line.setdefault(node.sourceline or 0, []).append(node)
        return self._by_line.get(line, [])


def _decoded_lines(data: bytes, encoding: str, number: int) -> str:
    lines = data.decode(encoding, errors="replace").splitlines()
    return lines[number - 1] if 0 < number <= len(lines) else ""
