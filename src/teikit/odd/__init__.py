"""A pure-Python ODD processor: TEI customizations to RELAX NG, Schematron and XSD.

The TEI Consortium compiles ODD with XSLT on Java; teikit does the same work
in Python so that a project can build its schema with nothing but this
package and the TEI P5 source (``p5subset.xml``).

The names below are imported on first use, so that the ``teikit`` command can
register ``teikit schema build`` without loading the compiler.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit._lazy import lazy_exports

if TYPE_CHECKING:
    from teikit.odd.compiler import CompiledSchema, compile_odd, customize_odd
    from teikit.odd.customize import Customization
    from teikit.odd.p5source import bundled_source_path, bundled_source_version
    from teikit.odd.report import OddWarning
    from teikit.odd.source import P5Source, default_source_path, load_p5_source

_LAZY: dict[str, str] = {
    "CompiledSchema": "teikit.odd.compiler",
    "compile_odd": "teikit.odd.compiler",
    "customize_odd": "teikit.odd.compiler",
    "Customization": "teikit.odd.customize",
    "OddWarning": "teikit.odd.report",
    "bundled_source_path": "teikit.odd.p5source",
    "bundled_source_version": "teikit.odd.p5source",
    "P5Source": "teikit.odd.source",
    "default_source_path": "teikit.odd.source",
    "load_p5_source": "teikit.odd.source",
}

__all__ = [
    "CompiledSchema",
    "Customization",
    "OddWarning",
    "P5Source",
    "bundled_source_path",
    "bundled_source_version",
    "compile_odd",
    "customize_odd",
    "default_source_path",
    "load_p5_source",
]


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals(), __all__)
