"""Safe XML input and atomic output, shared by every part of teikit.

XML from outside (a user's TEI, a FRUS volume, an ODD) is parsed with no
network access, no DTD loading and no entity expansion, so that XXE and
"billion laughs" documents cannot read files, reach hosts or exhaust memory.
Every parser carries a resolver that refuses all external resources: libxml2
otherwise opens an external DTD subset even with DTD loading switched off,
which reads a file nobody named (or blocks forever on a FIFO). A document
that declares entities or names an external DTD is then refused outright:
TEI does not need them, and refusing is the only answer that is safe and clear.

Files are read only when they are regular files (a FIFO or a device would
block or never end), and only up to a size limit. Schemas and documents may
name further files (``xml-model``, includes); those must lie inside the
*allowed roots* -- the folder of the file that names them, plus any folder the
user allowed with ``--allow-path`` (see :func:`allow_paths`).
"""

from __future__ import annotations

import os
import re
import stat
import tempfile
from pathlib import Path
from typing import IO, Any

from lxml import etree

from teikit.errors import SourceLocation, TeikitError

TEI_NS = "http://www.tei-c.org/ns/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
RNG_NS = "http://relaxng.org/ns/structure/1.0"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"
NSMAP = {"tei": TEI_NS, "xml": XML_NS, "rng": RNG_NS, "sch": SCH_NS}


#: Default largest XML or text file teikit reads (``TEIKIT_MAX_BYTES`` overrides).
DEFAULT_MAX_BYTES = 512 * 1024 * 1024
_EXTRA_ROOTS: list[Path] = []


class RefusingResolver(etree.Resolver):
    """Answers every request for an external resource (DTD, entity, XInclude) with a refusal."""

    def resolve(self, system_url: str | None, public_id: str | None, context: object) -> None:
        raise TeikitError(
            f"refused to load the external resource {system_url or public_id!r}: teikit "
            "never reads DTDs or external entities"
        )


def refuse_external(parser: etree.XMLParser | etree.iterparse[Any]) -> None:
    """Give ``parser`` (an ``XMLParser`` or an ``iterparse``) the refusing resolver."""
    parser.resolvers.add(RefusingResolver())


def safe_parser(*, remove_blank_text: bool = False, huge_tree: bool = False) -> etree.XMLParser:
    """A parser that never touches the network or the file system beyond its input."""
    parser = etree.XMLParser(
        resolve_entities=False,
        no_network=True,
        load_dtd=False,
        dtd_validation=False,
        remove_blank_text=remove_blank_text,
        huge_tree=huge_tree,
        collect_ids=False,
    )
    refuse_external(parser)
    return parser


def max_bytes() -> int:
    """The size limit for files read, from ``TEIKIT_MAX_BYTES`` or the default."""
    env = os.environ.get("TEIKIT_MAX_BYTES", "")
    return int(env) if env.isdigit() and int(env) > 0 else DEFAULT_MAX_BYTES


def check_regular(path: str | os.PathLike[str], what: str = "file") -> os.stat_result:
    """``stat`` a path that is about to be read; refuse what is not a regular file.

    A FIFO would block the reader forever and a device may never end, so they
    are refused before anything opens them.
    """
    name = display_name(os.fspath(path))
    try:
        st = os.stat(path)  # noqa: PTH116 - a Path per file cost more than reading it
    except OSError as exc:
        raise TeikitError(
            f"{_cannot_read(what)}: {exc.strerror or exc}", SourceLocation(name)
        ) from None
    except ValueError:  # a NUL byte or a lone surrogate: no file can have that name
        raise TeikitError(
            f"{_cannot_read(what)}: not a possible file name", SourceLocation(name)
        ) from None
    subject = "" if what == "file" else f"{what}: "
    if stat.S_ISDIR(st.st_mode):
        raise TeikitError(f"{subject}is a directory, not a file", SourceLocation(name))
    if not stat.S_ISREG(st.st_mode):
        raise TeikitError(
            f"{subject}not a regular file (a pipe, socket or device)", SourceLocation(name)
        )
    return st


def read_regular(
    path: str | os.PathLike[str], what: str = "file", limit: int | None = None
) -> bytes:
    """The bytes of a regular file, refusing pipes, devices and files over ``limit``."""
    limit = max_bytes() if limit is None else limit
    name = display_name(os.fspath(path))
    st = check_regular(path, what)
    if st.st_size > limit:
        raise too_large(name, limit)
    try:
        with open(path, "rb") as fh:  # noqa: PTH123 - a Path per file is measurable
            # read(n) allocates n bytes up front: ask for the file's size, not the limit
            data = fh.read(min(limit, st.st_size) + 1)
            if len(data) > st.st_size:  # it grew since stat: read on, up to the limit
                data += fh.read(limit + 1 - len(data))
    except OSError as exc:
        raise TeikitError(
            f"{_cannot_read(what)}: {exc.strerror or exc}", SourceLocation(name)
        ) from None
    if len(data) > limit:  # it grew since stat
        raise too_large(name, limit)
    return data


def _cannot_read(what: str) -> str:
    return "cannot read" if what == "file" else f"cannot read {what}"


def too_large(name: str, limit: int) -> TeikitError:
    return TeikitError(
        f"larger than the limit of {limit // (1024 * 1024)} MiB (raise it with --max-size)",
        SourceLocation(name),
    )


def display_name(name: str) -> str:
    """A file name that can be printed and written into XML whatever bytes it holds.

    Undecodable bytes (kept by Python as lone surrogates) become ``\\xNN``
    and control characters become escapes, so one odd file name never
    breaks a report about a thousand good ones.
    """
    if name.isprintable():
        return name
    try:
        fixed = name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
    except UnicodeEncodeError:  # a lone surrogate that no file system byte stands for
        fixed = name.encode("utf-8", "backslashreplace").decode("utf-8")
    return "".join(c if c.isprintable() or c == " " else _escape_char(c) for c in fixed)


def xml_safe(text: str) -> str:
    """``text`` with characters XML 1.0 cannot carry replaced by visible escapes."""
    if not _XML_BAD.search(text):
        return text
    return _XML_BAD.sub(lambda m: _escape_char(m.group()), text)


def _escape_char(c: str) -> str:
    n = ord(c)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}"


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def allow_paths(paths: list[str | os.PathLike[str]]) -> None:
    """Let schemas and ``xml-model`` name files under these folders too (``--allow-path``)."""
    _EXTRA_ROOTS[:] = [Path(p).resolve() for p in paths]


def allowed_roots() -> list[Path]:
    return list(_EXTRA_ROOTS)


def inside_allowed(target: str | os.PathLike[str], base_dir: str | os.PathLike[str]) -> bool:
    """Whether ``target`` (symlinks resolved) lies in ``base_dir`` or an allowed root.

    teikit's own bundled schemas are always allowed (``--schema-href bundled``
    links documents to them).
    """
    from teikit.resources import schema_dir

    real = Path(target).resolve()
    for root in (Path(base_dir).resolve(), schema_dir().resolve(), *_EXTRA_ROOTS):
        if real == root or root in real.parents:
            return True
    return False


def check_doctype(tree: etree._ElementTree, name: str) -> None:
    """Refuse a parsed document that declares entities or names an external DTD."""
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
    except TeikitError as exc:
        raise TeikitError(exc.message, SourceLocation(name, 1, 1)) from None
    except etree.XMLSyntaxError as exc:
        line, col = exc.position if exc.position else (0, 0)
        raise TeikitError(
            f"not well-formed XML: {libxml_message(exc)}", SourceLocation(name, line, col + 1)
        ) from None
    tree = root.getroottree()
    check_doctype(tree, name)
    return tree


_LIBXML_POSITION = re.compile(r",? line \d+, column \d+\s*$")


def libxml_message(exc: etree.XMLSyntaxError) -> str:
    """libxml2's message on one line, without the position it repeats (the location has it)."""
    msg = exc.msg or str(exc)
    return " ".join(_LIBXML_POSITION.sub("", msg.strip()).split())


def parse_file(path: str | os.PathLike[str]) -> etree._ElementTree:
    """Parse an XML file safely, keeping its path as the tree's URL for line reports."""
    name = display_name(os.fspath(path))
    tree = parse_bytes(read_regular(path), name)
    tree.docinfo.URL = name
    return tree


def write_atomic(path: str | os.PathLike[str], data: bytes) -> None:
    """Write a file so that readers see the old content or the new, never a part.

    The bytes go to a temporary file in the same directory, which then replaces
    the target; a failure leaves no partial output behind.
    """
    target = Path(path)
    try:
        if target.is_dir():
            raise IsADirectoryError(21, "a directory is in the way of the output file")
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    except OSError as exc:
        raise _write_error(target, exc) from None
    try:
        with os.fdopen(fd, "wb") as fh:
            _write_all(fh, data)
        Path(tmp).chmod(_mode_for(target))
        Path(tmp).replace(target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _write_error(target, exc) from None
        raise


def _write_error(target: Path, exc: OSError) -> TeikitError:
    reason = exc.strerror or str(exc)
    if isinstance(exc, (FileExistsError, NotADirectoryError)):
        reason = f"{reason} (a file is in the way of a folder on the path)"
    return TeikitError(f"cannot write: {reason}", SourceLocation(display_name(str(target))))


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
