"""What a "document" argument may be, the same in every public entry point.

teikit follows lxml's and xmlschema's conventions so that a string never means
two things: a ``str`` or ``os.PathLike`` is a *path*; XML or transcription
*content* comes as ``bytes``, a binary file object, or (for XML) an lxml tree or
element; plain text is only ever accepted through an explicitly named argument
(``teikit.convert(text=...)``). A string that is evidently markup rather than a
path is refused with a sentence saying how to pass it, instead of being looked
up as a file name that cannot exist.
"""

from __future__ import annotations

import os
from typing import IO, TYPE_CHECKING, TypeAlias

from lxml import etree

from teikit.errors import SourceLocation, TeikitError

if TYPE_CHECKING:
    from typing_extensions import TypeIs  # typing.TypeIs from Python 3.13

#: Anything an entry point that reads one XML document accepts.
XmlInput: TypeAlias = (
    str | os.PathLike[str] | bytes | IO[bytes] | etree._ElementTree | etree._Element
)


def is_path(value: object) -> TypeIs[str | os.PathLike[str]]:
    """Whether ``value`` names a file (``str`` or ``os.PathLike``), as lxml reads it."""
    return isinstance(value, (str, os.PathLike))


def is_tree(value: object) -> TypeIs[etree._ElementTree | etree._Element]:
    """Whether ``value`` is an already parsed lxml tree or element."""
    return isinstance(value, (etree._ElementTree, etree._Element))


def is_stream(value: object) -> TypeIs[IO[bytes]]:
    """Whether ``value`` is a readable file object (not a path, not bytes)."""
    return hasattr(value, "read") and not isinstance(value, (str, bytes, os.PathLike))


def refuse_markup_path(value: str | os.PathLike[str], function: str) -> None:
    """Refuse a ``str`` that is evidently XML, not a path, with how to pass XML instead."""
    if isinstance(value, str) and value.lstrip().startswith("<"):
        raise TeikitError(
            f"{function}() takes a path as a str; this string is XML, not a file name: "
            "pass XML content as bytes (text.encode()) or a parsed lxml tree"
        )


def stream_name(fh: object, default: str) -> str:
    """The name a file object was opened under, for messages (``<stream>`` otherwise)."""
    name = getattr(fh, "name", None)
    return name if isinstance(name, str) and name else default


def read_stream(fh: IO[bytes] | IO[str], name: str, max_bytes: int | None = None) -> bytes:
    """All bytes of a file object (a text-mode one is encoded as UTF-8), with a size limit."""
    limit = -1 if max_bytes is None else max_bytes + 1
    try:
        data = fh.read(limit)
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc.strerror or exc}", SourceLocation(name)) from None
    if isinstance(data, str):
        data = data.encode("utf-8")
    if max_bytes is not None and len(data) > max_bytes:
        raise TeikitError(
            f"larger than the limit of {max_bytes // (1024 * 1024)} MiB", SourceLocation(name)
        )
    return data


def tree_name(value: etree._ElementTree | etree._Element, default: str) -> str:
    """The file a parsed tree came from (its ``docinfo.URL``), else ``default``."""
    tree = value if isinstance(value, etree._ElementTree) else value.getroottree()
    url = tree.docinfo.URL
    return url if url else default


def tree_bytes(value: etree._ElementTree | etree._Element) -> bytes:
    """A parsed tree or element as UTF-8 XML, so it can be checked like a file.

    The XML declaration is written on a line of its own, as in a file saved by
    an XML editor, so line numbers in problems usually match the file the tree
    was parsed from (exactly so for a tree parsed from a file that starts with
    an XML declaration and was not modified).
    """
    if isinstance(value, etree._ElementTree):
        return etree.tostring(value, xml_declaration=True, encoding="UTF-8")
    if value.getparent() is None:
        # a root element: keep the processing instructions and comments around it
        return etree.tostring(value.getroottree(), xml_declaration=True, encoding="UTF-8")
    return etree.tostring(value, xml_declaration=True, encoding="UTF-8", with_tail=False)
