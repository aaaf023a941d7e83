"""Validation of converter output, behind one function so the converter never writes
a file the teikit schema rejects.

Today this checks the bundled RELAX NG (``schema/teikit.rng``) with lxml and,
once :mod:`teikit.schematron` exists, the Schematron rules of
``schema/teikit.sch``. When ``teikit.validate`` lands, :func:`problems` is the
single place to switch over to it.
"""

from __future__ import annotations

import importlib
from functools import lru_cache
from pathlib import Path
from typing import Any

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.resources import schema_path
from teikit.xmlio import parse_file


@lru_cache(maxsize=2)
def _relaxng(path: str, mtime: float) -> etree.RelaxNG | None:
    del mtime
    try:
        return etree.RelaxNG(parse_file(path))
    except (etree.RelaxNGParseError, TeikitError):
        return None


def _rng() -> etree.RelaxNG | None:
    path = schema_path("teikit.rng")
    if not path.is_file():
        return None
    return _relaxng(str(path), path.stat().st_mtime)


def _schematron_problems(tree: etree._ElementTree) -> list[str]:
    sch = schema_path("teikit.sch")
    if not sch.is_file():
        return []
    try:
        module: Any = importlib.import_module("teikit.schematron")
    except ImportError:
        return []
    check = getattr(module, "validate", None) or getattr(module, "check", None)
    if check is None:
        return []
    try:
        result = check(tree, Path(sch))
    except TypeError:
        return []
    failures = getattr(result, "failures", None)
    if failures is None and isinstance(result, list):
        failures = result
    return [str(f) for f in failures or []]


def problems(tree: etree._ElementTree) -> list[str]:
    """Every schema problem of ``tree`` as ``line:col: message`` (empty when valid)."""
    out: list[str] = []
    rng = _rng()
    if rng is not None and not rng.validate(tree):
        out.extend(f"{e.line}:{e.column}: {e.message}" for e in rng.error_log)
    out.extend(_schematron_problems(tree))
    return out


def check(tree: etree._ElementTree, name: str) -> None:
    """Raise :class:`TeikitError` (naming the would-be output) if ``tree`` is invalid."""
    found = problems(tree)
    if found:
        first = found[0]
        more = f" (and {len(found) - 1} more)" if len(found) > 1 else ""
        raise TeikitError(
            f"converter output is not valid against the teikit schema: {first}{more}",
            SourceLocation(name),
        )
