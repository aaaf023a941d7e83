"""Validation of converter output, behind one function so the converter never writes
a file the teikit schema rejects.

It checks the bundled RELAX NG (``schema/teikit.rng``) with lxml and the
Schematron rules of ``schema/teikit.sch`` with :mod:`teikit.schematron`; both
are compiled once per process. The serialized bytes are parsed again before
checking so that every problem has the output's line number. When a single
``teikit.validate`` entry point for trees exists, :func:`problems` is the one
place to switch over to it. Problems are :class:`teikit.validate.report.Problem`,
the one type for a schema problem wherever it is found.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.resources import schema_path
from teikit.validate.report import Engine, Problem, Severity
from teikit.validate.schemas import DEFAULT_SCHEMA
from teikit.xmlio import parse_bytes, parse_file

if TYPE_CHECKING:
    from teikit.convert.source import Transcription


def _problem(
    name: str, line: int, severity: str, message: str, rule: str, engine: Engine, xpath: str = ""
) -> Problem:
    """A problem of the converter's output, the same type ``teikit validate`` reports."""
    return Problem(
        Severity(severity), name, line, 0, xpath, message, rule, engine, schema=DEFAULT_SCHEMA
    )


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
    return _problems(parse_bytes(data, name), name)


def _problems(tree: etree._ElementTree, name: str) -> list[Problem]:
    out: list[Problem] = []
    rng_path = schema_path("teikit.rng")
    if rng_path.is_file():
        rng = _relaxng(str(rng_path), rng_path.stat().st_mtime)
        if not rng.validate(tree):
            out.extend(
                _problem(
                    name, e.line, "error", e.message, "rng:invalid", Engine.RELAXNG, e.path or ""
                )
                for e in rng.error_log
            )
    sch_path = schema_path("teikit.sch")
    if sch_path.is_file():
        sch = _schematron(str(sch_path), sch_path.stat().st_mtime)
        for result in sch.validate(tree):
            message = f"[{result.id}] {result.message}"
            out.append(
                _problem(name, result.line, result.severity, message, result.id, Engine.SCHEMATRON)
            )
    return out


def check(data: bytes, name: str, source: Transcription | None = None) -> list[Problem]:
    """Raise :class:`TeikitError` on any error; return warnings.

    The output is never written, so a location in it helps nobody: with the
    raw ``source``, the error points at the raw text the offending element was
    made from (found by its first words), and names the element.
    """
    tree = parse_bytes(data, name)
    found = _problems(tree, name)
    errors = [p for p in found if p.severity is Severity.ERROR]
    if errors:
        first = errors[0]
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        element = _element_at(tree, first.xpath)
        where = _raw_location(source, element) if source is not None else None
        if where is not None and element is not None:
            tag = etree.QName(element).localname
            raise TeikitError(
                f"the converter made <{tag}> of this text, but its TEI would not be valid "
                f"({first.message}{more}); this layout is not supported yet, please report it",
                where,
            )
        raise TeikitError(
            f"converter output is not valid against the teikit schema: {first.message}{more}",
            SourceLocation(name, first.line),
        )
    return [p for p in found if p.severity is not Severity.ERROR]


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


def _raw_location(source: Transcription, el: etree._Element | None) -> SourceLocation | None:
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
    name = tree.docinfo.URL or "<output>"
    out: list[Problem] = []
    rng_path = schema_path("teikit.rng")
    if rng_path.is_file():
        rng = _relaxng(str(rng_path), rng_path.stat().st_mtime)
        if not rng.validate(tree):
            out.extend(
                _problem(name, e.line, "error", e.message, "rng:invalid", Engine.RELAXNG)
                for e in rng.error_log
            )
    sch_path = schema_path("teikit.sch")
    if sch_path.is_file():
        sch = _schematron(str(sch_path), sch_path.stat().st_mtime)
        out.extend(
            _problem(name, r.line, r.severity, f"[{r.id}] {r.message}", r.id, Engine.SCHEMATRON)
            for r in sch.validate(tree)
        )
    return out
