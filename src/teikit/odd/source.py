"""The TEI P5 source (``p5subset.xml``): found, parsed once per process, indexed.

Parsing the 4 MB source is the largest fixed cost of a compilation, so the
parsed and indexed source is cached per process by path, size and mtime.
Specs are turned into records lazily: a small customization reads only the
few hundred specs it selects.
"""

from __future__ import annotations

import gzip
import os
import threading
from dataclasses import dataclass, field
from pathlib import Path

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.odd.p5source import bundled_source_path, read_source_bytes
from teikit.odd.specs import AnySpec, T, parse_spec
from teikit.xmlio import parse_bytes

SPEC_TAGS = ("elementSpec", "classSpec", "macroSpec", "dataSpec")
ENV_VAR = "TEIKIT_P5SUBSET"


@dataclass
class P5Source:
    """An indexed ODD source: every spec by kind and ident, and modules' members."""

    path: str
    tree: etree._ElementTree
    nodes: dict[str, dict[str, etree._Element]]
    order: dict[tuple[str, str], int]
    modules: dict[str, list[tuple[str, str]]]
    version: str = ""
    _parsed: dict[tuple[str, str], AnySpec] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def has(self, kind: str, ident: str) -> bool:
        return ident in self.nodes[kind]

    def spec(self, kind: str, ident: str) -> AnySpec:
        """The record for one spec; callers clone before changing it."""
        key = (kind, ident)
        found = self._parsed.get(key)
        if found is None:
            with self._lock:
                found = self._parsed.get(key)
                if found is None:
                    found = parse_spec(self.nodes[kind][ident], self.order[key])
                    self._parsed[key] = found
        return found

    def module_of(self, kind: str, ident: str) -> str:
        return self.nodes[kind][ident].get("module", "")


def index_source(tree: etree._ElementTree, path: str) -> P5Source:
    """Index the specs of a compiled ODD source (p5subset or a compiled customization)."""
    nodes: dict[str, dict[str, etree._Element]] = {k: {} for k in SPEC_TAGS}
    order: dict[tuple[str, str], int] = {}
    modules: dict[str, list[tuple[str, str]]] = {}
    tags = [f"{T}{k}" for k in SPEC_TAGS]
    root = tree.getroot()
    for m in root.iter(f"{T}moduleSpec"):
        modules.setdefault(m.get("ident", ""), [])
    n = 0
    for node in root.iter(*tags):
        kind = etree.QName(node).localname
        ident = node.get("ident")
        if not ident or ident in nodes[kind]:
            continue
        nodes[kind][ident] = node
        order[(kind, ident)] = n
        n += 1
        modules.setdefault(node.get("module", ""), []).append((kind, ident))
    version = root.get("version", "")
    edition = root.find(f".//{T}edition")
    if edition is not None:
        version = " ".join("".join(edition.itertext()).split())
    return P5Source(path, tree, nodes, order, modules, version)


_CACHE: dict[tuple[str, int, int], P5Source] = {}
_CACHE_LOCK = threading.Lock()


def load_p5_source(path: str | os.PathLike[str]) -> P5Source:
    """Parse and index a P5 source, once per process for a given file state."""
    p = Path(path).resolve()
    try:
        st = p.stat()
    except OSError as exc:
        raise TeikitError(
            f"cannot read the TEI P5 source: {exc.strerror}", SourceLocation(str(path))
        ) from None
    key = (str(p), st.st_size, st.st_mtime_ns)
    with _CACHE_LOCK:
        cached = _CACHE.get(key)
    if cached is not None:
        return cached
    try:
        data = read_source_bytes(p)
    except (OSError, EOFError, ValueError, gzip.BadGzipFile) as exc:
        reason = exc.strerror if isinstance(exc, OSError) and exc.strerror else str(exc)
        raise TeikitError(
            f"cannot read the TEI P5 source: {reason}", SourceLocation(str(path))
        ) from None
    tree = parse_bytes(data, str(path))
    tree.docinfo.URL = str(p)
    if not any(True for _ in tree.getroot().iter(f"{T}elementSpec")):
        raise TeikitError(
            "not a TEI ODD source: it has no elementSpec (expected p5subset.xml)",
            SourceLocation(str(path), 1, 1),
        )
    source = index_source(tree, str(path))
    with _CACHE_LOCK:
        _CACHE[key] = source
    return source


def default_source_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """Where the P5 source is: the option, else ``$TEIKIT_P5SUBSET``, else the bundled release.

    The source is never downloaded: a compiler that fetched it would give
    different schemas on different days. The bundled ``p5subset.xml.gz``
    (see :mod:`teikit.odd.p5source`) makes the default work after ``pip install``.
    """
    if explicit:
        return Path(explicit)
    env = os.environ.get(ENV_VAR)
    if env:
        return Path(env)
    return bundled_source_path()
