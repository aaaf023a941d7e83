"""ODD-level errors that point at the offending start tag (file:line:col).

libxml2 records only the line on which a start tag *ends*; the column is found
by scanning the file text back to the matching ``<name``. This runs only on
the error path, so it may re-read the file.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from lxml import etree

from teikit.errors import SourceLocation, TeikitError


def _file_of(node: etree._Element) -> str:
    url = node.getroottree().docinfo.URL
    return str(url) if url else "<odd>"


@functools.lru_cache(maxsize=8)
def _text(name: str, mtime_ns: int) -> str:
    """The ODD's text, read once per state of the file (many warnings, one read)."""
    del mtime_ns  # part of the cache key only
    return Path(name).read_text(encoding="utf-8")


def locate(node: etree._Element | None) -> SourceLocation | None:
    """The file, line and column of ``node``'s start tag (column 0 if not found)."""
    if node is None:
        return None
    name = _file_of(node)
    line = node.sourceline or 0
    try:
        text = _text(name, Path(name).stat().st_mtime_ns)
    except (OSError, UnicodeDecodeError):
        return SourceLocation(name, line)
    lines = text.split("\n")
    if not 0 < line <= len(lines):
        return SourceLocation(name, line)
    end = sum(len(x) + 1 for x in lines[:line])
    local = etree.QName(node).localname
    pattern = re.compile(r"<(?:[\w.-]+:)?" + re.escape(local) + r"(?=[\s/>])")
    starts = [m.start() for m in pattern.finditer(text, 0, end)]
    # Several same-named start tags may end on this line: pick by position.
    same_line = [
        e for e in node.getroottree().getroot().iter(str(node.tag)) if e.sourceline == line
    ]
    from_end = len(same_line) - same_line.index(node) if node in same_line else 1
    if len(starts) < from_end:
        return SourceLocation(name, line)
    pos = starts[-from_end]
    real_line = text.count("\n", 0, pos) + 1
    col = pos - (text.rfind("\n", 0, pos) + 1) + 1
    return SourceLocation(name, real_line, col)


def odd_error(node: etree._Element | None, message: str) -> TeikitError:
    return TeikitError(message, locate(node))


def describe(node: etree._Element) -> str:
    """``elementSpec ident="x" mode="change"``: how the ODD author wrote the spec."""
    local = etree.QName(node).localname
    parts = [local]
    for attr in ("ident", "key", "mode"):
        value = node.get(attr)
        if value is not None:
            parts.append(f'{attr}="{value}"')
    return " ".join(parts)
