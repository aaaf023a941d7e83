"""Fixtures for the ODD compiler's tests: small ODDs compiled, official schemas loaded once."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

import pytest
from lxml import etree

from teikit.odd import CompiledSchema, compile_odd

if TYPE_CHECKING:
    from pathlib import Path

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


@pytest.fixture
def compile_text(tmp_path: Path, p5subset: Path) -> Compiler:
    """Compile a small ODD: the template's module selection plus ``body`` in the schemaSpec."""

    def run(
        body: str = "",
        core: str = "p title hi",
        attrs: str = "",
        start: str = "TEI",
        raw: str | None = None,
    ) -> CompiledSchema:
        text = raw if raw is not None else odd_text(body, core, attrs, start)
        odd = tmp_path / "test.odd"
        odd.write_text(text, encoding="utf-8")
        return compile_odd(odd, p5subset)

    return run


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


@pytest.fixture(scope="session")
def tei_lite_compiled(shared: Path) -> CompiledSchema:
    return compile_odd(shared / "tei-p5" / "tei_lite.odd", shared / "tei-p5" / "p5subset.xml")


@pytest.fixture(scope="session")
def tei_all_compiled(shared: Path) -> CompiledSchema:
    return compile_odd(shared / "tei-p5" / "tei_all.odd", shared / "tei-p5" / "p5subset.xml")
