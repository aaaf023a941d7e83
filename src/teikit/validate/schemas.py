"""Which schemas check a document, and their compiled engines, once per process.

A schema is named by path: RELAX NG (``.rng``), Schematron (``.sch``,
``.isosch``), XSD (``.xsd``) or an ODD (compiled with :mod:`teikit.odd` into
RELAX NG + Schematron, cached on disk by the ODD's hash); or by the name of a
bundled schema (``teikit``, ``tei_all``, ``tei_lite``: its RELAX NG and
Schematron). Without one, the bundled teikit schema is used.
``<?xml-model?>`` instructions name schemas
per document; only local, relative files are followed.
"""

from __future__ import annotations

import difflib
import hashlib
import os
from collections.abc import Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.resources import BUNDLED_SCHEMAS, bundled_name, bundled_schema
from teikit.xmlio import (
    RNG_NS,
    SCH_NS,
    check_regular,
    inside_allowed,
    read_regular,
    refuse_external,
)

if TYPE_CHECKING:
    from teikit.validate.engines import Checker

XSD_NS = "http://www.w3.org/2001/XMLSchema"
TEI_NS = "http://www.tei-c.org/ns/1.0"
_KIND_BY_NS = {RNG_NS: "rng", SCH_NS: "sch", XSD_NS: "xsd"}
_KIND_BY_SUFFIX = {".rng": "rng", ".sch": "sch", ".isosch": "sch", ".xsd": "xsd", ".odd": "odd"}

SchemaSpec = str | os.PathLike[str] | Sequence[str | os.PathLike[str]] | None


#: The bundled schema used when none is named.
DEFAULT_SCHEMA = "teikit"


@lru_cache(maxsize=1)
def _default_schemas() -> tuple[str, ...]:
    """The default schema files, found once per process (``engines`` runs per document)."""
    return tuple(default_schemas())


def default_schemas() -> list[str]:
    """The bundled teikit schema's files (see :func:`bundled_files`)."""
    return bundled_files(DEFAULT_SCHEMA)


def bundled_files(name: str) -> list[str]:
    """A bundled schema's RELAX NG + Schematron (XSD only when no RELAX NG ships).

    RELAX NG and XSD from the same ODD say the same things; running both would
    report every structural error twice.
    """
    rng, sch, xsd = (bundled_schema(name, ext) for ext in ("rng", "sch", "xsd"))
    found = [str(p) for p in (rng, sch) if p.is_file()]
    if not rng.is_file() and xsd.is_file():
        found.append(str(xsd))
    if not found:
        raise TeikitError(
            f"the bundled {name} schema is missing (looked in {rng.parent}); "
            "name a schema file with --schema"
        )
    return found


def schema_paths(schema: SchemaSpec) -> list[str]:
    """The schema files a spec names: bundled names expanded, paths as given."""
    if schema is None:
        return list(_default_schemas())
    items = [schema] if isinstance(schema, (str, os.PathLike)) else list(schema)
    out: list[str] = []
    for item in items:
        path = os.fspath(item)
        if isinstance(item, str) and item in BUNDLED_SCHEMAS:
            out.extend(bundled_files(item))
        else:
            _refuse_unknown_name(path)
            out.append(path)
    return out


def _refuse_unknown_name(path: str) -> None:
    """A bare word that is neither a file nor a bundled name is a typo: say so, with names."""
    p = Path(path)
    if p.suffix or len(p.parts) != 1 or p.exists():
        return
    names = ", ".join(BUNDLED_SCHEMAS)
    close = difflib.get_close_matches(path.lower().replace("-", "_"), BUNDLED_SCHEMAS, n=1)
    hint = f"did you mean `{close[0]}`? " if close else ""
    raise TeikitError(
        f"no schema file or bundled schema named {path!r}; {hint}bundled schemas: {names}"
    )


@lru_cache(maxsize=64)
def schema_label(path: str) -> str:
    """How a problem names the schema that found it: the bundled name, else the file name.

    Cached: every document's checks ask, and the answer resolves paths on disk.
    """
    return bundled_name(path) or Path(path).name


def schemas_used(paths: Sequence[str]) -> list[str]:
    """The distinct labels of the schema files of a run, in order (``["tei_all"]``)."""
    return list(dict.fromkeys(schema_label(p) for p in paths))


def kind_of(path: str) -> str:
    """``rng``, ``sch``, ``xsd`` or ``odd``, from the extension or else the root element."""
    suffix = Path(path).suffix.lower()
    if suffix == ".rnc":
        raise TeikitError(
            "RELAX NG compact syntax is not supported; use the XML syntax (.rng), "
            "e.g. converted with trang",
            SourceLocation(path),
        )
    if suffix in _KIND_BY_SUFFIX:
        return _KIND_BY_SUFFIX[suffix]
    check_regular(path, "schema")
    try:
        with Path(path).open("rb") as fh:
            context = etree.iterparse(
                fh, events=("start",), no_network=True, resolve_entities=False, load_dtd=False
            )
            refuse_external(context)
            for _, el in context:
                q = etree.QName(el)
                if q.namespace in _KIND_BY_NS:
                    return _KIND_BY_NS[q.namespace]
                if q.namespace == TEI_NS:
                    return "odd"
                break
    except (OSError, etree.XMLSyntaxError) as exc:
        raise TeikitError(f"cannot read schema: {exc}", SourceLocation(path)) from None
    raise TeikitError(
        "not a schema teikit knows (RELAX NG, Schematron, XSD or ODD)", SourceLocation(path)
    )


@lru_cache(maxsize=32)
def _engine(path: str, kind: str, stamp: tuple[int, int], phase: str | None) -> Checker:
    del stamp  # part of the cache key only: an edited schema is recompiled
    if kind == "rng":
        from teikit.validate.engines.rng import RngEngine

        return RngEngine(path)
    if kind == "sch":
        from teikit.validate.engines.schematron import SchematronEngine

        return SchematronEngine(path, phase)
    from teikit.validate.engines.xsd import XsdEngine

    return XsdEngine(path)


@lru_cache(maxsize=64)
def _resolved(path: str) -> str:
    """The absolute path, resolved once per process: ``engines`` runs for every document."""
    return str(Path(path).resolve())


#: Engines looked up during the current batch (see :func:`engines`), with its token.
_batch: tuple[str, dict[tuple[object, str | None], list[Checker]]] = ("", {})


def engines(schema: SchemaSpec, phase: str | None = None, *, batch: str = "") -> list[Checker]:
    """Compiled engines for a schema spec, reused for the life of the process.

    Each call checks that the schema files did not change (a ``stat`` each),
    which on thousands of small documents cost more than some checks. Within one
    batch (the same non-empty ``batch`` token, see :func:`new_batch`) the files
    are looked at once: a schema edited while a batch runs is picked up by the
    next batch.
    """
    global _batch
    if not batch:
        return _engines(schema, phase)
    if _batch[0] != batch:
        _batch = (batch, {})
    key = (_spec_key(schema), phase)
    found = _batch[1].get(key)
    if found is None:
        found = _batch[1][key] = _engines(schema, phase)
    return found


def new_batch() -> str:
    """A token naming one batch of documents for :func:`engines`."""
    return os.urandom(8).hex()


def _spec_key(schema: SchemaSpec) -> object:
    if schema is None or isinstance(schema, (str, os.PathLike)):
        return schema if schema is None else os.fspath(schema)
    return tuple(os.fspath(s) for s in schema)


def _engines(schema: SchemaSpec, phase: str | None) -> list[Checker]:
    out: list[Checker] = []
    for path in schema_paths(schema):
        kind = kind_of(path)
        parts = _compile_odd(path) if kind == "odd" else [(path, kind)]
        for p, k in parts:
            st = check_regular(p, "schema")
            out.append(_engine(_resolved(p), k, (st.st_mtime_ns, st.st_size), phase))
    return out


def _compile_odd(path: str) -> list[tuple[str, str]]:
    """Compile an ODD to RELAX NG + Schematron in the cache, once per ODD content."""
    from teikit.validate.engines.rng import cache_dir

    digest = hashlib.sha256(read_regular(path, "ODD")).hexdigest()[:24]
    outdir = cache_dir() / f"odd-{digest}"
    stem = Path(path).stem  # problems then name the ODD (``myproject.rng``)
    rng, sch = outdir / f"{stem}.rng", outdir / f"{stem}.sch"
    if not (rng.is_file() and sch.is_file()):
        from teikit.odd import compile_odd

        compile_odd(path).write(outdir, stem)
    return [(str(rng), "rng"), (str(sch), "sch")]


def xml_model_schemas(tree: etree._ElementTree, doc_name: str) -> tuple[list[str], list[str]]:
    """Schemas named by ``<?xml-model?>`` (local relative hrefs), and warnings for the rest.

    A schema is followed only inside the document's folder (or a folder allowed
    with ``--allow-path``), so a document cannot make teikit read ``../../etc/passwd``.
    """
    root = tree.getroot()
    found: list[str] = []
    warnings: list[str] = []
    base = Path(doc_name).parent if doc_name != "-" else Path.cwd()
    for node in reversed(list(root.itersiblings(preceding=True))):
        if not isinstance(node, etree._ProcessingInstruction) or node.target != "xml-model":
            continue
        href = node.get("href") or ""
        parsed = urlparse(href)
        if not href or parsed.scheme or href.startswith("/") or parsed.netloc:
            warnings.append(
                f"<?xml-model href={href!r}?> ignored: only local relative paths are followed"
            )
            continue
        target = base / unquote(parsed.path)
        if not inside_allowed(target, base):
            warnings.append(
                f"<?xml-model href={href!r}?> ignored: it leaves the document's folder "
                "(allow a folder with --allow-path)"
            )
            continue
        ns = node.get("schematypens") or ""
        if ns in _KIND_BY_NS or target.suffix.lower() in _KIND_BY_SUFFIX:
            found.append(str(target))
        else:
            warnings.append(f"<?xml-model href={href!r}?> ignored: unknown schema type")
    return found, warnings
