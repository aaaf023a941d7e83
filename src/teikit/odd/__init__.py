"""A pure-Python ODD processor: TEI customizations to RELAX NG, Schematron and XSD.

The TEI Consortium compiles ODD with XSLT on Java; teikit does the same work
in Python so that a project can build its schema with nothing but this
package and the TEI P5 source (``p5subset.xml``).
"""

from teikit.odd.compiler import CompiledSchema, compile_odd, customize_odd
from teikit.odd.customize import Customization
from teikit.odd.source import P5Source, default_source_path, load_p5_source

__all__ = [
    "CompiledSchema",
    "Customization",
    "P5Source",
    "compile_odd",
    "customize_odd",
    "default_source_path",
    "load_p5_source",
]
