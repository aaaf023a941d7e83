"""Raw archival transcriptions to TEI: the converter.

The stages live in modules named for them: :mod:`.source` (decoding and
``line:col``), :mod:`.zones` (blocks and text runs), :mod:`.recognizers`
(one module per kind of structure), :mod:`.structure` (the body),
:mod:`.header`, :mod:`.sidecar`, :mod:`.report`, :mod:`.validation`,
:mod:`.api` and :mod:`.cli`.
"""

from __future__ import annotations

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
