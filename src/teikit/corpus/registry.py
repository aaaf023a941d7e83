"""Build, write and read the corpus person registry (see :mod:`teikit.corpus`)."""

from __future__ import annotations

import os
import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree
from lxml.builder import ElementMaker

from teikit.errors import SourceLocation, TeikitError
from teikit.serialize import tei_bytes
from teikit.xmlio import parse_file

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator, Sequence

    from teikit.model.types import Speech, TeiDocument

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


@dataclass(frozen=True, slots=True, order=True)
class Occurrence:
    """A person of one document: the document's path (relative to the registry's folder,
    with ``/``) and the person's ``xml:id`` there."""

    document: str
    person: str

    @property
    def pointer(self) -> str:
        return f"{self.document}#{self.person}"

    @classmethod
    def parse(cls, pointer: str) -> Occurrence:
        document, sep, person = pointer.partition("#")
        if not sep or not document or not person:
            raise ValueError(f"{pointer!r} is not DOCUMENT#ID")
        return cls(document, person)


@dataclass(frozen=True, slots=True)
class CorpusPerson:
    """One person of the corpus: an id, the names used for them, and where they occur."""

    id: str
    names: tuple[str, ...]
    occurrences: tuple[Occurrence, ...]
    #: The editor (``#id`` in the registry's titleStmt) whose merge or split made this grouping.
    resp: str | None = None


@dataclass(frozen=True, slots=True)
class _Seen:
    occurrence: Occurrence
    names: tuple[str, ...]
    full_name: str | None


@dataclass(slots=True)
class Edits:
    """Editors' decisions: groups to merge, persons to keep apart, and who decided."""

    editors: dict[str, str] = field(default_factory=dict)
    merges: list[tuple[tuple[Occurrence, ...], str | None, str]] = field(default_factory=list)
    splits: list[tuple[Occurrence, str]] = field(default_factory=list)


def read_edits(path: str | os.PathLike[str]) -> Edits:
    """Read ``persons.toml``::

    [[editor]]
    id = "ed-registry"
    name = "…"

    [[merge]]            # these are one person
    persons = ["a.xml#smith-j", "b.xml#john-smith"]
    id = "smith-john"    # optional: the corpus id
    resp = "ed-registry"

    [[split]]            # this one is not whoever shares its id elsewhere
    person = "c.xml#smith-j"
    resp = "ed-registry"
    """
    where = SourceLocation(os.fspath(path))
    try:
        data = tomllib.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError) as exc:
        raise TeikitError(f"cannot read the registry edits: {exc}", where) from None
    except tomllib.TOMLDecodeError as exc:
        raise TeikitError(f"not valid TOML: {exc}", where) from None
    unknown = set(data) - {"editor", "merge", "split"}
    if unknown:
        raise TeikitError(
            f"unknown section(s) {sorted(unknown)}: expected editor, merge, split", where
        )
    edits = Edits()
    for ed in _tables(data, "editor", where):
        edits.editors[_text(ed, "id", where)] = _text(ed, "name", where)
    for m in _tables(data, "merge", where):
        persons = m.get("persons")
        if not isinstance(persons, list) or len(persons) < 2:
            raise TeikitError("a merge needs persons = [two or more DOCUMENT#ID]", where)
        occ = tuple(_occurrence(p, where) for p in persons)
        wanted = m.get("id")
        if wanted is not None and not isinstance(wanted, str):
            raise TeikitError("merge id must be a string", where)
        edits.merges.append((occ, wanted, _resp(m, edits, where)))
    for s in _tables(data, "split", where):
        edits.splits.append((_occurrence(_text(s, "person", where), where), _resp(s, edits, where)))
    return edits


def _tables(data: dict[str, Any], key: str, where: SourceLocation) -> list[dict[str, Any]]:
    value = data.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise TeikitError(f"[[{key}]] must be an array of tables", where)
    return value


def _text(table: dict[str, Any], key: str, where: SourceLocation) -> str:
    value = table.get(key)
    if not isinstance(value, str) or not value.strip():
        raise TeikitError(f"{key} must be a non-empty string", where)
    return value


def _occurrence(pointer: object, where: SourceLocation) -> Occurrence:
    if not isinstance(pointer, str):
        raise TeikitError(f"{pointer!r} is not a DOCUMENT#ID string", where)
    try:
        return Occurrence.parse(pointer)
    except ValueError as exc:
        raise TeikitError(str(exc), where) from None


def _resp(table: dict[str, Any], edits: Edits, where: SourceLocation) -> str:
    resp = _text(table, "resp", where)
    if resp not in edits.editors:
        raise TeikitError(f"resp {resp!r} is not an [[editor]] id of this file", where)
    return resp


def _read_people(paths: Iterable[str | os.PathLike[str]], base: Path) -> list[_Seen]:
    seen: list[_Seen] = []
    for path in paths:
        tree = parse_file(path)
        name = Path(os.path.relpath(Path(path).resolve(), base)).as_posix()
        for person in tree.getroot().iter(T + "person"):
            pid = person.get(XML_ID)
            if not pid:
                continue
            names = tuple(
                dict.fromkeys(
                    " ".join("".join(n.itertext()).split()) for n in person.iter(T + "persName")
                )
            )
            full = next(
                (
                    " ".join("".join(n.itertext()).split())
                    for n in person.iter(T + "persName")
                    if n.get("type") == "full"
                ),
                None,
            )
            seen.append(_Seen(Occurrence(name, pid), tuple(n for n in names if n), full))
    return seen


class _Groups:
    """Union-find over occurrences."""

    def __init__(self, items: Sequence[Occurrence]) -> None:
        self.parent = {o: o for o in items}

    def find(self, o: Occurrence) -> Occurrence:
        while self.parent[o] != o:
            self.parent[o] = self.parent[self.parent[o]]
            o = self.parent[o]
        return o

    def union(self, a: Occurrence, b: Occurrence) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[max(ra, rb)] = min(ra, rb)


def build_registry(
    paths: Iterable[str | os.PathLike[str]],
    edits: Edits | None = None,
    base: str | os.PathLike[str] = ".",
) -> list[CorpusPerson]:
    """Group the persons of these TEI documents into corpus persons.

    Two persons are one when they share the converter's id (a slug of the name
    without titles) or an editor's full name; a split keeps a person out of any
    such grouping, and a merge joins groups whatever their ids. The result is
    sorted by id and does not depend on the order of ``paths``. Documents are
    named by their path relative to ``base``, the folder the registry will be in.
    """
    edits = edits or Edits()
    seen = sorted(_read_people(paths, Path(base).resolve()), key=lambda s: s.occurrence)
    by_occ = {s.occurrence: s for s in seen}
    for occs, _id, _resp in edits.merges:
        for o in occs:
            if o not in by_occ:
                raise TeikitError(f"merge names {o.pointer}, which no document has")
    for o, _resp in edits.splits:
        if o not in by_occ:
            raise TeikitError(f"split names {o.pointer}, which no document has")
    split = {o for o, _ in edits.splits}
    groups = _Groups([s.occurrence for s in seen])
    first_by_key: dict[str, Occurrence] = {}
    for s in seen:
        if s.occurrence in split:
            continue
        keys = [f"id:{s.occurrence.person}"]
        if s.full_name:
            keys.append(f"name:{s.full_name.casefold()}")
        for key in keys:
            if key in first_by_key:
                groups.union(first_by_key[key], s.occurrence)
            else:
                first_by_key[key] = s.occurrence
    resp_of: dict[Occurrence, str] = {}
    wanted_id: dict[Occurrence, str] = {}
    for occs, wanted, resp in edits.merges:
        for o in occs[1:]:
            groups.union(occs[0], o)
        root = groups.find(occs[0])
        resp_of[root] = resp
        if wanted:
            wanted_id[root] = wanted
    for o, resp in edits.splits:
        resp_of.setdefault(groups.find(o), resp)
    members: dict[Occurrence, list[_Seen]] = {}
    for s in seen:
        members.setdefault(groups.find(s.occurrence), []).append(s)
    # Merges may have re-rooted groups: carry decisions to the final roots.
    final_resp = {groups.find(r): v for r, v in resp_of.items()}
    final_id = {groups.find(r): v for r, v in wanted_id.items()}
    people: list[CorpusPerson] = []
    used: set[str] = set()
    for root, group in sorted(members.items(), key=lambda kv: kv[0]):
        counts = Counter(s.occurrence.person for s in group)
        best = final_id.get(root) or min(counts, key=lambda i: (-counts[i], i))
        pid, n = best, 2
        while pid in used:
            pid, n = f"{best}-{n}", n + 1
        used.add(pid)
        names: dict[str, None] = {}
        for s in group:
            if s.full_name:
                names.setdefault(s.full_name, None)
        for s in group:
            for name in s.names:
                names.setdefault(name, None)
        people.append(
            CorpusPerson(
                pid,
                tuple(names),
                tuple(sorted(s.occurrence for s in group)),
                final_resp.get(root),
            )
        )
    return sorted(people, key=lambda p: p.id)


def write_registry(
    people: Sequence[CorpusPerson], path: str | os.PathLike[str], edits: Edits | None = None
) -> bytes:
    """Serialize the registry as a TEI document (``listPerson`` in ``particDesc``)."""
    from teikit.xmlio import write_atomic

    edits = edits or Edits()
    E = ElementMaker(namespace=TEI_NS, nsmap={None: TEI_NS})  # noqa: N806
    title_stmt = E.titleStmt(E.title("Persons of the corpus"))
    for ed_id, name in sorted(edits.editors.items()):
        resp = E.respStmt(E.resp("Merges and splits of the person registry"), E.name(name))
        resp.set(XML_ID, ed_id)
        title_stmt.append(resp)
    listing = E.listPerson()
    for p in people:
        person = E.person()
        person.set(XML_ID, p.id)
        if p.resp:
            person.set("resp", f"#{p.resp}")
        for name in p.names:
            person.append(E.persName(name))
        for o in p.occurrences:
            person.append(E.ptr(target=o.pointer))
        listing.append(person)
    tei = E.TEI(
        E.teiHeader(
            E.fileDesc(
                title_stmt,
                E.publicationStmt(E.p("The corpus person registry, made by teikit persons build.")),
                E.sourceDesc(E.p("The listPerson of every document of the corpus.")),
            ),
            E.profileDesc(E.particDesc(listing)),
        ),
        E.text(E.body(E.p("Each person points at the person it identifies in each document."))),
    )
    data = tei_bytes(etree.ElementTree(tei), schema_base=None)  # indented, diffable
    write_atomic(path, data)
    return data


@dataclass(frozen=True, slots=True)
class Registry:
    """A read registry: its persons, and the folder its documents are in."""

    persons: tuple[CorpusPerson, ...]
    folder: Path

    def person(self, person_id: str) -> CorpusPerson | None:
        """The corpus person with this id (with or without ``#``)."""
        wanted = person_id.removeprefix("#")
        return next((p for p in self.persons if p.id == wanted), None)

    def of(self, document: str | os.PathLike[str], local_id: str) -> CorpusPerson | None:
        """The corpus person a document's person is (by the document's path and ``xml:id``)."""
        rel = Path(os.path.relpath(Path(document).resolve(), self.folder)).as_posix()
        occ = Occurrence(rel, local_id.removeprefix("#"))
        return next((p for p in self.persons if occ in p.occurrences), None)

    def speeches(self, person_id: str) -> Iterator[tuple[TeiDocument, Speech]]:
        """Every speech of this corpus person, document by document, in document order."""
        from teikit.model import load

        person = self.person(person_id)
        if person is None:
            raise TeikitError(f"no person {person_id!r} in the registry")
        local: dict[str, set[str]] = {}
        for o in person.occurrences:
            local.setdefault(o.document, set()).add(o.person)
        for name in sorted(local):
            doc = load(Path(os.path.normpath(self.folder / name)))
            for sp in doc.speeches:
                if sp.person_id is not None and sp.person_id in local[name]:
                    yield doc, sp


def load_registry(path: str | os.PathLike[str]) -> Registry:
    """Read a registry written by :func:`write_registry` (documents beside it)."""
    tree = parse_file(path)
    people = []
    for person in tree.getroot().iter(T + "person"):
        resp = person.get("resp")
        people.append(
            CorpusPerson(
                person.get(XML_ID) or "",
                tuple(" ".join("".join(n.itertext()).split()) for n in person.iter(T + "persName")),
                tuple(Occurrence.parse(p.get("target", "")) for p in person.iter(T + "ptr")),
                resp.removeprefix("#") if resp else None,
            )
        )
    return Registry(tuple(people), Path(path).resolve().parent)
