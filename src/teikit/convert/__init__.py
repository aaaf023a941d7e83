"""Raw archival transcriptions to TEI: the converter.

The stages live in modules named for them: :mod:`.source` (decoding and
``line:col``), :mod:`.zones` (blocks and text runs), :mod:`.recognizers`
(one module per kind of structure), :mod:`.structure` (the body),
:mod:`.header`, :mod:`.sidecar`, :mod:`.report`, :mod:`.validation`,
:mod:`.api` and :mod:`.cli`.
"""

from __future__ import annotations

import sys
import types
from typing import Any

from teikit.convert.api import ConversionResult, convert, convert_source, sidecar_for, write_result
from teikit.convert.report import Report, Uncertainty
from teikit.convert.sidecar import Sidecar, load_sidecar, parse_sidecar
from teikit.convert.source import Source

__all__ = [
    "ConversionResult",
    "Report",
    "Sidecar",
    "Source",
    "Uncertainty",
    "convert",
    "convert_source",
    "load_sidecar",
    "parse_sidecar",
    "sidecar_for",
    "write_result",
]


class _CallablePackage(types.ModuleType):
    """Lets ``teikit.convert(...)`` call :func:`convert` while ``teikit.convert``
    stays this package, so ``import teikit.convert.api`` and attribute access to
    submodules keep working (a re-exported function would shadow the package)."""

    def __call__(self, *args: Any, **kwargs: Any) -> ConversionResult:
        return convert(*args, **kwargs)


sys.modules[__name__].__class__ = _CallablePackage
