"""Helpers shared by the ODD compiler's tests (a module of its own: ``conftest`` is not importable
by name reliably when several test directories have one)."""

from __future__ import annotations

from collections.abc import Callable

from lxml import etree

from teikit.odd import CompiledSchema

RNG = "http://relaxng.org/ns/structure/1.0"

ODD_TEMPLATE = """<TEI xmlns="http://www.tei-c.org/ns/1.0"
     xmlns:rng="http://relaxng.org/ns/structure/1.0"
     xmlns:sch="http://purl.oclc.org/dsdl/schematron">
<teiHeader/><text><body>
<schemaSpec ident="t" start="{start}"{attrs}>
  <moduleRef key="tei"/>
  <moduleRef key="header" include="teiHeader fileDesc titleStmt publicationStmt sourceDesc"/>
  <moduleRef key="core" include="{core}"/>
  <moduleRef key="textstructure" include="TEI text body div"/>
{body}
</schemaSpec></body></text></TEI>
"""


def odd_text(body: str = "", core: str = "p title hi", attrs: str = "", start: str = "TEI") -> str:
    return ODD_TEMPLATE.format(body=body, core=core, attrs=attrs, start=start)


Compiler = Callable[..., CompiledSchema]


def define(compiled: CompiledSchema, name: str) -> str:
    """One ``define`` of the compiled RNG, serialized without namespace noise."""
    for d in compiled.rng.getroot().iterchildren(f"{{{RNG}}}define"):
        if d.get("name") == name:
            copy = etree.fromstring(etree.tostring(d))
            etree.cleanup_namespaces(copy)
            etree.indent(copy, space="  ")
            text = etree.tostring(copy, encoding="unicode")
            return text.replace(f' xmlns="{RNG}"', "")
    raise AssertionError(f"no define {name}")


def has_define(compiled: CompiledSchema, name: str) -> bool:
    return any(
        d.get("name") == name for d in compiled.rng.getroot().iterchildren(f"{{{RNG}}}define")
    )
