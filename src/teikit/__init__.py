"""teikit: scholarly TEI P5 from raw archival transcriptions, validated and typed.

The public API is re-exported here so that downstream code imports from
``teikit`` alone and never depends on the module layout behind it.
"""

from teikit._version import __version__
from teikit.errors import TeikitError
from teikit.schematron import Schematron, SchematronResult

__all__ = [
    "Schematron",
    "SchematronResult",
    "TeikitError",
    "__version__",
]
