"""Editorial sidecars (``NAME.sidecar.toml``): what only an editor can decide.

The format is specified in ``docs/encoding.rst``. :mod:`tomllib` parses it but
keeps no positions, so a light scan of the file maps each ``[[table]]`` entry
and ``key =`` line to its line and column; every error names the sidecar's
``file:line:col`` so an editor can go straight to the entry at fault.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from teikit.errors import SourceLocation, TeikitError
from teikit.xmlio import display_name, read_regular

if TYPE_CHECKING:
    from teikit.convert.decisions import StructureEntry

KINDS = frozenset(("conversation", "cable", "telegram", "letter", "memorandum", "enclosure"))
CERTS = frozenset(("high", "medium", "low"))
_ID_RE = re.compile(r"^[A-Za-z_][\w.-]*$")
_DATE_RE = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")
_HEADER_RE = re.compile(r"^\s*(\[\[?)\s*([\w.-]+)\s*\]\]?")
_KEY_RE = re.compile(r"^\s*([\w-]+)\s*=")


@dataclass(frozen=True)
class Editor:
    id: str
    name: str
    resp: str


@dataclass(frozen=True)
class Person:
    id: str
    labels: tuple[str, ...]
    name: str | None
    role: str | None
    resp: str | None


@dataclass(frozen=True)
class CorrectionEntry:
    sic: str
    corr: str
    resp: str
    cert: str | None
    line: int | None
    location: SourceLocation


@dataclass(frozen=True)
class Sidecar:
    """A parsed sidecar; an absent sidecar is the empty one."""

    path: str | None = None
    editors: tuple[Editor, ...] = ()
    title: str | None = None
    date: str | None = None
    kind: str | None = None
    original_language: str | None = None
    persons: tuple[Person, ...] = ()
    corrections: tuple[CorrectionEntry, ...] = ()
    extra: dict[str, str] = field(default_factory=dict)
    #: structural corrections (:mod:`teikit.convert.decisions`)
    structure: tuple[StructureEntry, ...] = ()
    #: the editor who decided the document's title and date (``[document] resp``)
    document_resp: str | None = None


class _Positions:
    """Line:col of tables and keys, by (table name, entry index, key)."""

    def __init__(self, text: str, name: str) -> None:
        self.name = name
        self.where: dict[tuple[str, int, str], tuple[int, int]] = {}
        counts: dict[str, int] = {}
        table, index = "", 0
        for lineno, line in enumerate(text.splitlines(), 1):
            h = _HEADER_RE.match(line)
            if h is not None:
                table = h.group(2)
                index = counts.get(table, 0)
                counts[table] = index + 1
                self.where[(table, index, "")] = (lineno, line.index(h.group(1)) + 1)
                continue
            k = _KEY_RE.match(line)
            if k is not None:
                self.where.setdefault((table, index, k.group(1)), (lineno, k.start(1) + 1))

    def loc(self, table: str, index: int = 0, key: str = "") -> SourceLocation:
        line, col = self.where.get((table, index, key), self.where.get((table, index, ""), (0, 0)))
        return SourceLocation(self.name, line, col)


#: A sidecar holds a few dozen entries; anything this big is not one.
MAX_SIDECAR_BYTES = 4 * 1024 * 1024


def load_sidecar(path: str | os.PathLike[str]) -> Sidecar:
    name = display_name(os.fspath(path))
    data = read_regular(path, "sidecar", MAX_SIDECAR_BYTES)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise TeikitError(
            f"sidecar is not UTF-8 ({exc.reason})", SourceLocation(name, line)
        ) from None
    return parse_sidecar(text, name)


_TOML_POS_RE = re.compile(r"\(at line (\d+), column (\d+)\)")


def parse_sidecar(text: str, name: str = "<sidecar>") -> Sidecar:
    """Parse and check a sidecar; every problem is a :class:`TeikitError` with line:col."""
    try:
        data = tomllib.loads(text)
    except RecursionError:
        # tomllib recurses once per nested array or inline table
        raise TeikitError(
            "sidecar nests arrays or tables too deeply (a sidecar needs two levels)",
            SourceLocation(name),
        ) from None
    except tomllib.TOMLDecodeError as exc:
        msg = str(exc)
        m = _TOML_POS_RE.search(msg)
        loc = SourceLocation(name, int(m.group(1)), int(m.group(2))) if m else SourceLocation(name)
        raise TeikitError(
            f"sidecar is not valid TOML: {_TOML_POS_RE.sub('', msg).strip()}", loc
        ) from None
    pos = _Positions(text, name)
    known = {"editor", "document", "person", "correction", "structure"}
    for key in data:
        if key not in known:
            raise TeikitError(
                f"unknown sidecar section {key!r} (expected one of: {', '.join(sorted(known))})",
                pos.loc(key),
            )
    editors = tuple(_editor(e, i, pos) for i, e in enumerate(_entries(data, "editor", pos)))
    editor_ids = {e.id for e in editors}
    doc = data.get("document", {})
    if not isinstance(doc, dict):
        raise TeikitError("[document] must be a table", pos.loc("document"))
    for key in doc:
        if key not in ("title", "date", "kind", "original-language", "resp"):
            raise TeikitError(f"unknown [document] key {key!r}", pos.loc("document", 0, key))
    title = _str(doc, "title", pos, "document", 0, required=False)
    date = _str(doc, "date", pos, "document", 0, required=False)
    if date is not None and not _DATE_RE.match(date):
        raise TeikitError(
            f"date {date!r} is not ISO 8601 (YYYY, YYYY-MM or YYYY-MM-DD)",
            pos.loc("document", 0, "date"),
        )
    kind = _str(doc, "kind", pos, "document", 0, required=False)
    if kind is not None and kind not in KINDS:
        raise TeikitError(
            f"kind {kind!r} is not a document kind ({', '.join(sorted(KINDS))})",
            pos.loc("document", 0, "kind"),
        )
    lang = _str(doc, "original-language", pos, "document", 0, required=False)
    persons = tuple(
        _person(p, i, pos, editor_ids) for i, p in enumerate(_entries(data, "person", pos))
    )
    seen: dict[str, int] = {}
    for i, person in enumerate(persons):
        if person.id in seen:
            raise TeikitError(
                f"person id {person.id!r} is listed twice", pos.loc("person", i, "id")
            )
        seen[person.id] = i
    corrections = tuple(
        _correction(c, i, pos, editor_ids) for i, c in enumerate(_entries(data, "correction", pos))
    )
    from teikit.convert.decisions import parse_structure

    structure = parse_structure(_entries(data, "structure", pos), pos, editor_ids)
    doc_resp = _str(doc, "resp", pos, "document", 0, required=False)
    if doc_resp is not None:
        _check_resp(doc_resp, editor_ids, pos, "document", 0)
    elif len(editors) == 1:
        doc_resp = editors[0].id
    return Sidecar(
        name,
        editors,
        title,
        date,
        kind,
        lang,
        persons,
        corrections,
        structure=structure,
        document_resp=doc_resp,
    )


def _entries(data: dict[str, Any], key: str, pos: _Positions) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise TeikitError(f"[[{key}]] entries must be an array of tables", pos.loc(key))
    return value


def _str(
    table: dict[str, Any],
    key: str,
    pos: _Positions,
    name: str,
    index: int,
    *,
    required: bool = True,
) -> str | None:
    value = table.get(key)
    if value is None:
        if required:
            raise TeikitError(f"[[{name}]] entry lacks {key!r}", pos.loc(name, index))
        return None
    if not isinstance(value, str) or not value.strip():
        raise TeikitError(f"{key!r} must be a non-empty string", pos.loc(name, index, key))
    _check_chars(value, key, pos.loc(name, index, key))
    return value


#: Characters XML 1.0 cannot carry, and the Unicode noncharacters (the converter
#: uses some as in-text markers, so one in a sidecar string would cut the text).
_BAD_CHAR_RE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff"
    + "".join(f"{chr(p << 16 | 0xFFFE)}{chr(p << 16 | 0xFFFF)}" for p in range(1, 17))
    + "]"
)


def _check_chars(value: str, key: str, where: SourceLocation) -> None:
    bad = _BAD_CHAR_RE.search(value)
    if bad is not None:
        code = ord(bad.group())
        what = "a control character" if code < 0x20 else "a noncharacter or lone surrogate"
        raise TeikitError(
            f"{key!r} contains U+{code:04X}, {what} that TEI cannot carry "
            "(remove it or write the character it stands for)",
            where,
        )


def _check_resp(resp: str, editor_ids: set[str], pos: _Positions, name: str, i: int) -> None:
    if resp not in editor_ids:
        raise TeikitError(
            f"resp {resp!r} names no [[editor]] "
            f"(declared: {', '.join(sorted(editor_ids)) or 'none'})",
            pos.loc(name, i, "resp"),
        )


def _editor(e: dict[str, Any], i: int, pos: _Positions) -> Editor:
    eid = _str(e, "id", pos, "editor", i)
    assert eid is not None
    if not _ID_RE.match(eid):
        raise TeikitError(f"editor id {eid!r} is not a valid XML id", pos.loc("editor", i, "id"))
    name = _str(e, "name", pos, "editor", i)
    resp = _str(e, "resp", pos, "editor", i)
    assert name is not None and resp is not None
    return Editor(eid, name, resp)


def _person(p: dict[str, Any], i: int, pos: _Positions, editor_ids: set[str]) -> Person:
    pid = _str(p, "id", pos, "person", i)
    assert pid is not None
    if not _ID_RE.match(pid):
        raise TeikitError(f"person id {pid!r} is not a valid XML id", pos.loc("person", i, "id"))
    labels = p.get("labels", [])
    if not isinstance(labels, list) or not all(isinstance(x, str) and x for x in labels):
        raise TeikitError("'labels' must be a list of strings", pos.loc("person", i, "labels"))
    for label in labels:
        _check_chars(label, "labels", pos.loc("person", i, "labels"))
    resp = _str(p, "resp", pos, "person", i, required=False)
    if resp is not None:
        _check_resp(resp, editor_ids, pos, "person", i)
    return Person(
        pid,
        tuple(labels),
        _str(p, "name", pos, "person", i, required=False),
        _str(p, "role", pos, "person", i, required=False),
        resp,
    )


def _correction(
    c: dict[str, Any], i: int, pos: _Positions, editor_ids: set[str]
) -> CorrectionEntry:
    sic = _str(c, "sic", pos, "correction", i)
    corr = _str(c, "corr", pos, "correction", i)
    resp = _str(c, "resp", pos, "correction", i)
    assert sic is not None and corr is not None and resp is not None
    _check_resp(resp, editor_ids, pos, "correction", i)
    cert = _str(c, "cert", pos, "correction", i, required=False)
    if cert is not None and cert not in CERTS:
        raise TeikitError(
            f"cert {cert!r} is not one of high, medium, low", pos.loc("correction", i, "cert")
        )
    line = c.get("line")
    if line is not None and (not isinstance(line, int) or isinstance(line, bool) or line < 1):
        raise TeikitError("'line' must be a positive integer", pos.loc("correction", i, "line"))
    return CorrectionEntry(sic, corr, resp, cert, line, pos.loc("correction", i))
