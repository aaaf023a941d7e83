"""Reading documents to validate, refusing hostile ones before libxml2 sees them.

Everything goes through :func:`teikit.xmlio.parse_bytes` (no network, no DTD,
no entities). Two checks come first, on the raw bytes, so that a hostile file
is refused without the parser ever trying to open what it names: a DOCTYPE
with an external identifier or entity declarations (anywhere in the prolog,
however long), and a size limit checked while reading (a pipe has no size to
``stat``). The parser's refusing resolver is the second line of defence. libxml2's terse syntax
messages get a sentence on what to do.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from teikit.errors import SourceLocation, TeikitError
from teikit.validate.source import SourceText
from teikit.xmlio import display_name, parse_bytes, read_regular, too_large

if TYPE_CHECKING:
    from lxml import etree

#: Files larger than this are refused unless a caller raises the limit.
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
#: libxml2 caps text nodes at 10 MB without ``huge_tree``; only larger files can hit that.
_HUGE = 10 * 1024 * 1024
_CHUNK = 1 << 20

_PROLOG_ITEM = re.compile(rb"\s*(?:<\?.*?\?>|<!--.*?-->)", re.S)
_DOCTYPE = re.compile(rb"\s*<!DOCTYPE\s+[^\s\[>]+\s*(SYSTEM|PUBLIC)?", re.S)
_SUBSET_END = re.compile(rb"\]\s*>")
_ENTITY = re.compile(rb"<!ENTITY")
_LIBXML_POSITION = re.compile(r",? line \d+, column \d+\s*$")


@dataclass(slots=True)
class Document:
    """A parsed document with the bytes it came from, for column recovery."""

    name: str
    data: bytes
    tree: etree._ElementTree
    source: SourceText


def read_bytes(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """The bytes of ``path`` (``-`` for stdin), refusing more than ``max_bytes``.

    A FIFO, socket or device is refused before it is opened (it would block or
    never end); see :func:`teikit.xmlio.read_regular`.
    """
    if path == "-":
        try:
            return _read_limited(sys.stdin.buffer, path, max_bytes)
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise TeikitError(f"cannot read: {reason}", SourceLocation(path)) from None
    return read_regular(path, "file", max_bytes)


def _too_large(name: str, max_bytes: int) -> TeikitError:
    return too_large(name, max_bytes)


def _read_limited(fh: BinaryIO, name: str, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` (+1 to detect more) into one buffer, without copies."""
    buf = bytearray()
    while chunk := fh.read(min(_CHUNK, max_bytes + 1 - len(buf))):
        buf += chunk
        if len(buf) > max_bytes:
            raise _too_large(name, max_bytes)
    return bytes(buf) if len(buf) < _CHUNK else _freeze(buf)


def _freeze(buf: bytearray) -> bytes:
    # bytes(bytearray) copies; for big inputs free the buffer as soon as the copy exists
    data = bytes(buf)
    buf.clear()
    return data


def check_prolog(data: bytes, name: str) -> None:
    """Refuse external DTDs and entity declarations before parsing, so nothing is fetched."""
    head = _decoded_head(data)
    pos = 0
    if head.startswith(b"\xef\xbb\xbf"):
        pos = 3
    while m := _PROLOG_ITEM.match(head, pos):
        if m.end() == pos:
            break
        pos = m.end()
    m = _DOCTYPE.match(head, pos)
    if not m:
        return
    line = head.count(b"\n", 0, head.index(b"<!DOCTYPE", m.start())) + 1
    where = SourceLocation(name, line, 1)
    if m.group(1):
        raise TeikitError(
            "the document refers to an external DTD; teikit never loads DTDs or follows "
            "external identifiers (remove the DOCTYPE)",
            where,
        )
    gt, bracket = head.find(b">", m.end()), head.find(b"[", m.end())
    if bracket != -1 and (gt == -1 or bracket < gt):  # an internal subset: up to "]>"
        close = _SUBSET_END.search(head, bracket)
        stop = close.end() if close is not None else len(head)
    else:
        stop = gt + 1 if gt != -1 else len(head)
    if _ENTITY.search(head, m.end(), stop):
        raise TeikitError(
            "the document declares entities in its DOCTYPE; teikit does not expand entities "
            "(remove the DOCTYPE or the entity declarations)",
            where,
        )


def _decoded_head(data: bytes) -> bytes:
    # the whole prolog is read, however long: a DOCTYPE after 64 KiB of comments
    # is still a DOCTYPE (the refusing resolver in xmlio stops it in any case)
    head = data
    for bom, codec in ((b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be")):
        if head.startswith(bom):
            return head[2:].decode(codec, errors="replace").encode("utf-8")
    return head


def parse(data: bytes, name: str) -> Document:
    """Parse validated input; every failure is a :class:`TeikitError` with a location."""
    name = display_name(name)
    check_prolog(data, name)
    try:
        tree = parse_bytes(data, name, huge_tree=len(data) > _HUGE)
    except TeikitError as exc:
        loc = exc.location
        if loc is not None and loc.column > 1 and "DOCTYPE" not in exc.message:
            # xmlio adds 1 to libxml2's column, which is already 1-based
            loc = SourceLocation(loc.file, loc.line, loc.column - 1)
        raise TeikitError(_explain_syntax(exc.message, data), loc) from None
    tree.docinfo.URL = name
    return Document(name, data, tree, SourceText(data, tree.docinfo.encoding))


def load(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Document:
    return parse(read_bytes(path, max_bytes), path)


def _explain_syntax(message: str, data: bytes) -> str:
    msg = _LIBXML_POSITION.sub("", message.strip()).strip()
    if "Excessive depth" in msg:
        return (
            "elements are nested more than 256 levels deep, beyond libxml2's safety limit; "
            "no TEI document needs such depth (is the file generated wrongly?)"
        )
    if "Char 0x0 " in msg or ("Char 0x0" in msg and "out of allowed range" in msg):
        return (
            "not well-formed XML: a NUL byte (0x00), which XML forbids; the file may be "
            "binary, truncated or UTF-16 without a byte-order mark"
        )
    if "Invalid bytes in character encoding" in msg or "not proper UTF-8" in msg:
        declared = re.match(rb"<\?xml[^>]*encoding=[\"']([^\"']+)", data)
        enc = declared.group(1).decode("ascii", "replace") if declared else "UTF-8 (the default)"
        return (
            f"not well-formed XML: bytes that are not valid {enc}, the encoding the document "
            "declares; re-save the file in that encoding or correct its XML declaration"
        )
    if "Document is empty" in msg or not data.strip():
        return "not well-formed XML: the file is empty"
    if "Start tag expected" in msg:
        return "not XML: the file does not start with an element (is it XML at all?)"
    return msg
