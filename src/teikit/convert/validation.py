"""Validation of converter output, behind one function so the converter never writes
a file the teikit schema rejects.

It checks the bundled RELAX NG (``schema/teikit.rng``) with lxml and the
Schematron rules of ``schema/teikit.sch`` with :mod:`teikit.schematron`; both
are compiled once per process. The serialized bytes are parsed again before
checking so that every problem has the output's line number. When a single
``teikit.validate`` entry point for trees exists, :func:`problems` is the one
place to switch over to it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.resources import schema_path
from teikit.xmlio import parse_bytes, parse_file

if TYPE_CHECKING:
    from teikit.convert.source import Source


@dataclass(frozen=True)
class Problem:
    line: int
    severity: str  # "error" | "warning" | "info"
    message: str
    #: the output element at fault, when the schema names it
    element: etree._Element | None = field(default=None, compare=False, repr=False)

    def __str__(self) -> str:
        return f"{self.line}: {self.severity}: {self.message}"


@lru_cache(maxsize=2)
def _relaxng(path: str, mtime: float) -> etree.RelaxNG:
    del mtime
    return etree.RelaxNG(parse_file(path))


@lru_cache(maxsize=2)
def _schematron(path: str, mtime: float) -> Any:
    del mtime
    from teikit.schematron import Schematron

    return Schematron.from_file(path)


def problems(data: bytes, name: str = "<output>") -> list[Problem]:
    """Every schema problem of serialized TEI, errors and warnings."""
    tree = parse_bytes(data, name)
    out: list[Problem] = []
    rng_path = schema_path("teikit.rng")
    if rng_path.is_file():
        rng = _relaxng(str(rng_path), rng_path.stat().st_mtime)
        if not rng.validate(tree):
            out.extend(
                Problem(e.line, "error", e.message, _element_at(tree, e.path))
                for e in rng.error_log
            )
    sch_path = schema_path("teikit.sch")
    if sch_path.is_file():
        sch = _schematron(str(sch_path), sch_path.stat().st_mtime)
        for result in sch.validate(tree):
            out.append(Problem(result.line, result.severity, f"[{result.id}] {result.message}"))
    return out


def check(data: bytes, name: str, source: Source | None = None) -> list[Problem]:
    """Raise :class:`TeikitError` on any error; return warnings.

    The output is never written, so a location in it helps nobody: with the
    raw ``source``, the error points at the raw text the offending element was
    made from (found by its first words), and names the element.
    """
    found = problems(data, name)
    errors = [p for p in found if p.severity == "error"]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        where = _raw_location(source, first.element) if source is not None else None
        if where is not None and first.element is not None:
            tag = etree.QName(first.element).localname
            raise TeikitError(
                f"the converter made <{tag}> of this text, but its TEI would not be valid "
                f"({first.message}{more}); this layout is not supported yet, please report it",
                where,
            )
        raise TeikitError(
            f"converter output is not valid against the teikit schema: {first.message}{more}",
            SourceLocation(name, first.line),
        )
    return [p for p in found if p.severity != "error"]


def _element_at(tree: etree._ElementTree, path: str | None) -> etree._Element | None:
    if not path:
        return None
    try:
        found = tree.xpath(path)
    except etree.XPathError:
        return None
    if isinstance(found, list) and found and isinstance(found[0], etree._Element):
        return found[0]
    return None


def _raw_location(source: Source, el: etree._Element | None) -> SourceLocation | None:
    """Where the first words of ``el`` (or of its parent) stand in the raw text."""
    while el is not None:
        # words only: the brackets and labels of the raw text became markup
        words = re.findall(r"\w+", " ".join(el.itertext()))[:4]
        if words:
            pattern = r"\W+".join(re.escape(w) for w in words)
            m = re.search(pattern, source.text)
            if m is not None:
                return source.location(m.start())
        el = el.getparent()
    return None


def tree_problems(tree: etree._ElementTree) -> list[Problem]:
    """Schema problems of an in-memory tree; ``line`` is the element's ``sourceline``.

    The converter numbers its elements through ``sourceline`` before calling
    this (:func:`teikit.convert.fallback.number_elements`), so each problem
    names the element it is about, not a line of serialized output.
    """
    out: list[Problem] = []
    rng_path = schema_path("teikit.rng")
    if rng_path.is_file():
        rng = _relaxng(str(rng_path), rng_path.stat().st_mtime)
        if not rng.validate(tree):
            out.extend(Problem(e.line, "error", e.message) for e in rng.error_log)
    sch_path = schema_path("teikit.sch")
    if sch_path.is_file():
        sch = _schematron(str(sch_path), sch_path.stat().st_mtime)
        out.extend(Problem(r.line, r.severity, f"[{r.id}] {r.message}") for r in sch.validate(tree))
    return out
