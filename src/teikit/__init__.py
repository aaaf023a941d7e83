"""teikit: scholarly TEI P5 from raw archival transcriptions, validated and typed.

The public API is re-exported here so that downstream code imports from
``teikit`` alone and never depends on the module layout behind it. The
functions :func:`convert` and :func:`validate` share their names with the
packages that implement them; as attributes of ``teikit`` they are the
functions (``from teikit.convert.api import …`` still reaches the package).
"""

from teikit._version import __version__
from teikit.convert import ConversionResult, convert
from teikit.errors import TeikitError
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
from teikit.validate import Problem, Report, validate

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
