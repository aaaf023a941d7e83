"""RELAX NG through lxml (libxml2), pruned per document and explained by teikit.

Compiling a whole TEI grammar in libxml2 takes seconds; the pruned grammar a
document needs (see :mod:`teikit.validate.grammar`) takes milliseconds, so a
one-file pre-commit run is fast. The parsed grammar model is cached on disk
(keyed by the schema's SHA-256); the compiled pruned grammar is kept per
process and grown to the names of every document checked so far.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import pickle
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlparse

from lxml import etree

from teikit._version import __version__
from teikit.errors import SourceLocation, TeikitError
from teikit.validate.grammar import (
    ANY,
    ROOT,
    Contexts,
    Explainer,
    Grammar,
    Pruner,
    read_grammar,
    self_reference,
)
from teikit.validate.messages import RawError, RngExplainer
from teikit.xmlio import (
    RNG_NS,
    check_regular,
    inside_allowed,
    parse_bytes,
    parse_file,
    read_regular,
    safe_parser,
    write_atomic,
)

if TYPE_CHECKING:
    from teikit.validate.loader import Document
    from teikit.validate.report import Problem


#: Bumped whenever the pickled grammar model changes shape.
_MODEL_FORMAT = 2


def cache_dir() -> Path:
    """Where parsed grammar models are kept between runs (``TEIKIT_CACHE`` overrides)."""
    env = os.environ.get("TEIKIT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teikit"


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:24]


def load_grammar(path: Path, data: bytes) -> Grammar:
    """The grammar model of ``data``, from the disk cache when this schema was seen before."""
    cached = cache_dir() / f"rng-{_digest(data)}-{__version__}-m{_MODEL_FORMAT}.pickle"
    try:
        grammar = pickle.loads(cached.read_bytes())
        if isinstance(grammar, Grammar):
            return grammar
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError):
        pass
    grammar = read_grammar(parse_bytes(data, str(path)).getroot())
    # a read-only home only costs the next run a re-read
    with contextlib.suppress(OSError):
        write_atomic(cached, pickle.dumps(grammar, protocol=pickle.HIGHEST_PROTOCOL))
    return grammar


class RngEngine:
    """One RELAX NG schema, ready to check documents."""

    #: A document it finds no problem in is valid against it (see
    #: :mod:`teikit.validate.implied`).
    is_grammar = True

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = str(path)
        p = Path(path)
        data = read_regular(p, "schema")
        self.grammar = load_grammar(p, data)
        problem = self_reference(self.grammar)
        if problem is not None:
            raise TeikitError(problem, SourceLocation(self.path))
        if not self.grammar.prunable:
            # libxml2 will read the includes itself: check each one first
            check_includes(parse_bytes(data, self.path).getroot(), p, p.parent, set())
        self.explainer = Explainer(self.grammar)
        self._seen: Contexts = {}
        #: the names of :attr:`_seen` as lxml gives them (Clark), compared first:
        #: turning every document's names into local names cost more than the check
        self._seen_raw: _RawNames = (frozenset(), frozenset(), frozenset())
        self._current: etree.RelaxNG | None = None
        self._whole: etree.RelaxNG | None = None
        self._data = data
        self._names_file = cache_dir() / f"rng-names-{_digest(data)}-{__version__}.pickle"

    def warm(self, documents: int) -> None:
        """Before a batch (and any fork): start from the names the last batches met.

        Growing the pruned grammar document by document compiles it a dozen
        times or more in every worker, as much as checking a few hundred small
        documents; a grammar compiled once here, for the names earlier runs
        with this schema met, is inherited by every forked worker. Any names
        give the same verdicts (see :meth:`check`); a single document (a
        pre-commit run) keeps the grammar pruned for its own names.
        """
        if documents < WARM_BATCH or not self.grammar.prunable or self._current is not None:
            return
        seen = _load_names(self._names_file)
        if seen:
            self._current = _compile(etree.fromstring(Pruner(self.grammar, seen).rng()), self.path)
            self._seen = seen

    def _schema_for(self, doc: Document) -> etree.RelaxNG:
        if not self.grammar.prunable:
            if self._whole is None:
                self._whole = _compile(
                    etree.fromstring(self._data, safe_parser(), base_url=self.path), self.path
                )
            return self._whole
        names = _names(doc)
        if self._current is not None and _raw_within(names, self._seen_raw):
            return self._current
        contexts = _contexts_of(names)
        if self._current is not None and _within(contexts, self._seen):
            self._seen_raw = _raw_union(self._seen_raw, names)
            return self._current
        # Grow the names seen so far and compile for all of them: a grammar
        # pruned for a superset of a document's names gives the same verdict,
        # so a batch of similar documents compiles once or twice, not per file.
        # both are set together, after the work: a check stopped by its time budget
        # never leaves a grammar that does not cover the names recorded as seen
        seen = _union(self._seen, contexts)
        current = _compile(etree.fromstring(Pruner(self.grammar, seen).rng()), self.path)
        self._seen, self._current = seen, current
        self._seen_raw = _raw_union(self._seen_raw, names)
        # a read-only cache only costs the next batch its growing
        with contextlib.suppress(OSError):
            write_atomic(self._names_file, pickle.dumps(seen, protocol=pickle.HIGHEST_PROTOCOL))
        return current

    def check(self, doc: Document) -> list[Problem]:
        current = self._current
        if current is not None and current.validate(doc.tree):
            # Pruning only ever replaces patterns by ``notAllowed``, so the grammar
            # pruned for any names accepts a subset of what the whole grammar does:
            # a document it accepts is valid, and the walk over the document's
            # names (as costly as validating it) is needed only when it fails.
            return []
        schema = self._schema_for(doc)
        if schema is current:
            # the names were within the grammar already: its verdict, and its errors, stand
            return self._explain(doc, schema)
        if schema.validate(doc.tree):
            return []
        return self._explain(doc, schema)

    def _explain(self, doc: Document, schema: etree.RelaxNG) -> list[Problem]:
        errors = [RawError(e.line, e.type_name, e.message, e.path or "") for e in schema.error_log]
        return RngExplainer(self.explainer, doc).explain(errors)


#: Batches of at least this many documents start from the names earlier batches met.
WARM_BATCH = 16


def _load_names(path: Path) -> Contexts:
    """The contexts written by an earlier run (empty when none, or not readable)."""
    try:
        seen = pickle.loads(path.read_bytes())
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return {}
    ok = isinstance(seen, dict) and all(
        isinstance(key, str)
        and isinstance(value, tuple)
        and len(value) == 2
        and all(isinstance(part, frozenset) for part in value)
        and all(isinstance(name, str) for part in value for name in part)
        for key, value in seen.items()
    )
    return seen if ok else {}


#: How deep ``include``/``externalRef`` may nest before a cycle is assumed.
_MAX_INCLUDE_DEPTH = 50
_INCLUDES = (f"{{{RNG_NS}}}include", f"{{{RNG_NS}}}externalRef")


def check_includes(root: etree._Element, path: Path, home: Path, seen: set[Path]) -> None:
    """Refuse includes libxml2 should not follow: remote, outside the allowed roots, not regular.

    ``home`` is the folder of the schema the user named; included schemas may
    lie under it or under a folder allowed with ``--allow-path``. Each included
    file is parsed safely and checked in turn (a cycle is reported, not followed).
    """
    if len(seen) > _MAX_INCLUDE_DEPTH:
        raise TeikitError("includes nested too deeply (a cycle?)", SourceLocation(str(path)))
    for inc in root.iter(*_INCLUDES):
        where = SourceLocation(str(path), inc.sourceline or 0)
        href = (inc.get("href") or "").strip()
        parsed = urlparse(href)
        if not href or parsed.netloc or (parsed.scheme and parsed.scheme != "file"):
            raise TeikitError(f"only local files can be included, not {href!r}", where)
        target = path.parent / unquote(parsed.path)
        if not inside_allowed(target, home):
            raise TeikitError(
                f"include {href!r} leaves the schema's folder (allow a folder with --allow-path)",
                where,
            )
        check_regular(target, "included schema")
        real = target.resolve()
        if real in seen:
            continue  # libxml2 reports a real include cycle itself
        check_includes(parse_file(target).getroot(), target, home, seen | {real})


def _compile(root: etree._Element, path: str) -> etree.RelaxNG:
    try:
        return etree.RelaxNG(root)
    except etree.RelaxNGParseError as exc:
        raise TeikitError(f"not a usable RELAX NG schema: {exc}", SourceLocation(path)) from None


#: A document's root tag, element tags and attribute names, as lxml gives them.
_RawNames = tuple[frozenset[str], frozenset[str], frozenset[str]]


def _names(doc: Document) -> _RawNames:
    """The root tag and the names of elements and attributes in this document (one walk).

    A walk over lxml's tree is faster than a regular expression over the bytes.
    """
    root = doc.tree.getroot()
    tags: set[str] = set()
    keys: set[str] = set()
    add_tag, add_keys = tags.add, keys.update
    for el in root.iter(etree.Element):  # one walk for both (a third faster than two)
        add_tag(el.tag)  # type: ignore[arg-type]
        add_keys(el.keys())
    return frozenset([str(root.tag)]), frozenset(tags), frozenset(keys)


def _contexts_of(names: _RawNames) -> Contexts:
    """The names of elements and attributes in a document, as one context for all.

    Per-element contexts (children of ``sp`` seen under ``sp`` …) prune more
    but were measured to speed libxml2 up by well under 10 %, less than the
    Python walk they cost; so every element shares the document-wide sets.
    """
    roots, tags, keys = names
    local = (frozenset(_local(t) for t in tags), frozenset(_local(k) for k in keys))
    return {ROOT: (frozenset(_local(r) for r in roots), frozenset()), ANY: local}


def _raw_within(names: _RawNames, seen: _RawNames) -> bool:
    return all(part <= known for part, known in zip(names, seen, strict=True))


def _raw_union(a: _RawNames, b: _RawNames) -> _RawNames:
    return (a[0] | b[0], a[1] | b[1], a[2] | b[2])


def _within(contexts: Contexts, seen: Contexts) -> bool:
    return all(
        key in seen and names <= seen[key][0] and attrs <= seen[key][1]
        for key, (names, attrs) in contexts.items()
    )


def _union(a: Contexts, b: Contexts) -> Contexts:
    empty: frozenset[str] = frozenset()
    out = dict(a)
    for key, (names, attrs) in b.items():
        old = out.get(key, (empty, empty))
        out[key] = (old[0] | names, old[1] | attrs)
    return out


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
