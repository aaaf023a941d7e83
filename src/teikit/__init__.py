"""teikit: scholarly TEI P5 from raw archival transcriptions, validated and typed.

The public API is re-exported here so that downstream code imports from
``teikit`` alone and never depends on the module layout behind it.

:func:`convert` and :func:`validate` share their names with the packages that
implement them: ``teikit.convert`` *is* the package :mod:`teikit.convert`, made
callable, so ``teikit.convert(...)`` converts and ``import teikit.convert.api``
still reaches its module (the same for ``validate``).
Everything else is imported on first use, because ``teikit validate`` is run
once per file by pre-commit and must not pay for XPath 2, XSD and the typed
model before it checks anything.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit._lazy import lazy_exports
from teikit._version import __version__
from teikit.errors import TeikitError
from teikit.validate import Problem, Report

if TYPE_CHECKING:
    # for type checkers, ``teikit.convert``/``teikit.validate`` are the functions;
    # at run time they are their packages, made callable (see teikit._lazy)
    from teikit.convert import convert
    from teikit.convert.api import ConversionResult
    from teikit.model import (
        Correction,
        Division,
        DocumentBuilder,
        Note,
        PageBreak,
        Person,
        Speech,
        Stamp,
        TeiDocument,
        build,
        iter_documents,
        load,
        to_json,
    )
    from teikit.odd import CompiledSchema, compile_odd, load_p5_source
    from teikit.schematron import Schematron, SchematronResult
    from teikit.validate import validate
else:
    from teikit import convert, validate  # the packages, callable

#: Names imported on first access, and the module that defines each.
_LAZY: dict[str, str] = {
    **dict.fromkeys(
        (
            "Correction",
            "Division",
            "DocumentBuilder",
            "Note",
            "PageBreak",
            "Person",
            "Speech",
            "Stamp",
            "TeiDocument",
            "build",
            "iter_documents",
            "load",
            "to_json",
        ),
        "teikit.model",
    ),
    **dict.fromkeys(("CompiledSchema", "compile_odd", "load_p5_source"), "teikit.odd"),
    **dict.fromkeys(("Schematron", "SchematronResult"), "teikit.schematron"),
    "ConversionResult": "teikit.convert.api",
}

__all__ = [
    "CompiledSchema",
    "ConversionResult",
    "Correction",
    "Division",
    "DocumentBuilder",
    "Note",
    "PageBreak",
    "Person",
    "Problem",
    "Report",
    "Schematron",
    "SchematronResult",
    "Speech",
    "Stamp",
    "TeiDocument",
    "TeikitError",
    "__version__",
    "build",
    "compile_odd",
    "convert",
    "iter_documents",
    "load",
    "load_p5_source",
    "to_json",
    "validate",
]


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals(), __all__)
