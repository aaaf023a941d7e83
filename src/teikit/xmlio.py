"""Safe XML input and atomic output, shared by every part of teikit.

XML from outside (a user's TEI, a FRUS volume, an ODD) is parsed with no
network access, no DTD loading and no entity expansion, so that XXE and
"billion laughs" documents cannot read files, reach hosts or exhaust memory.
A document that declares entities in a DOCTYPE is refused outright: TEI does
not need them, and refusing is the only answer that is safe and clear.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import IO

from lxml import etree

from teikit.errors import SourceLocation, TeikitError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
NSMAP = {"tei": TEI_NS, "xml": XML_NS, "rng": RNG_NS, "sch": SCH_NS}


def safe_parser(*, remove_blank_text: bool = False, huge_tree: bool = False) -> etree.XMLParser:
    """A parser that never touches the network or the file system beyond its input."""
    return etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_blank_text=remove_blank_text,
        huge_tree=huge_tree,
        collect_ids=False,
    )


def _check_doctype(tree: etree._ElementTree, name: str) -> None:
    info = tree.docinfo
    dtd = info.internalDTD
    if dtd is not None and any(True for _ in dtd.iterentities()):
        raise TeikitError(
            "the document declares entities in its DOCTYPE; teikit does not expand entities "
            "(remove the DOCTYPE or the entity declarations)",
            SourceLocation(name, 1, 1),
        )
    if info.system_url:
        raise TeikitError(
            f"the document refers to an external DTD ({info.system_url}); teikit never loads "
            "DTDs (remove the DOCTYPE)",
            SourceLocation(name, 1, 1),
        )


def parse_bytes(
    data: bytes, name: str = "<bytes>", *, huge_tree: bool = False
) -> etree._ElementTree:
    """Parse XML bytes safely; syntax errors become a :class:`TeikitError` with line:col.

    ``huge_tree`` lifts libxml2's limits on text node size and nesting depth
    (not its entity protections), for large documents read on purpose.
    """
    try:
        root = etree.fromstring(data, safe_parser(huge_tree=huge_tree), base_url=None)
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        msg = exc.msg or str(exc)
        raise TeikitError(
            f"not well-formed XML: {msg}", SourceLocation(name, line, col + 1)
        ) from None
    tree = root.getroottree()
    _check_doctype(tree, name)
    return tree


def parse_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Parse an XML file safely, keeping its path as the tree's URL for line reports."""
    p = Path(path)
    try:
        data = p.read_bytes()
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc.strerror}", SourceLocation(str(p))) from None
    tree = parse_bytes(data, str(p))
    tree.docinfo.URL = str(p)
    return tree


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file so that readers see the old content or the new, never a part.

    The bytes go to a temporary file in the same directory, which then replaces
    the target; a failure leaves no partial output behind.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, data)
        Path(tmp).chmod(_mode_for(target))
        Path(tmp).replace(target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; give a new one the usual umask-based mode.

    ``mkstemp`` creates 0600 files, which would otherwise leak into the output.
    """
    try:
        return target.stat().st_mode & 0o7777
    except FileNotFoundError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def _write_all(fh: IO[bytes], data: bytes) -> None:
    fh.write(data)
    fh.flush()
    os.fsync(fh.fileno())


def serialize(tree: etree._ElementTree | etree._Element) -> bytes:
    """The one serialization teikit writes: UTF-8, XML declaration, trailing newline.

    A single function keeps every written file byte-for-byte reproducible.
    """
    data: bytes = etree.tostring(tree, xml_declaration=True, encoding="UTF-8")
    return data if data.endswith(b"\n") else data + b"\n"
