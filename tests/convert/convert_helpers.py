"""Shared helpers for the converter tests: convert a text, serialize a fragment."""

from __future__ import annotations

from lxml import etree

from teikit.convert import api, convert
from teikit.convert.sidecar import Sidecar, parse_sidecar

TEI = "{http://www.tei-c.org/ns/1.0}"
NS = {"t": "http://www.tei-c.org/ns/1.0"}


def run(text: str, sidecar: str | None = None, validate: bool = True) -> api.ConversionResult:
    side = parse_sidecar(sidecar, "test.sidecar.toml") if sidecar else Sidecar()
    return convert(text=text, sidecar=side, name="test", validate=validate)


def frag(el: etree._Element) -> str:
    """An element as XML without the TEI namespace declaration."""
    return etree.tostring(el, encoding="unicode", with_tail=False).replace(
        ' xmlns="http://www.tei-c.org/ns/1.0"', ""
    )


def body_div(text: str, sidecar: str | None = None) -> etree._Element:
    tree = run(text, sidecar).tree
    div = tree.find(".//t:body/t:div", NS)
    assert div is not None
    return div


def first(text: str, xpath: str, sidecar: str | None = None) -> str:
    tree = run(text, sidecar).tree
    found = tree.find(xpath, NS)
    assert found is not None, xpath
    return frag(found)
