"""TEI elements from runs of text: the one place that knows lxml's text/tail rules.

Structure decisions are made in :mod:`.structure`; this module only turns a
decided element and a run of text into TEI, rendering the run's phrase-level
content with :func:`.inline.render`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from teikit.convert.inline import El, InlineContext, Node, append_nodes, render, tei
from teikit.xmlio import TEI_NS, XML_NS

if TYPE_CHECKING:
    from collections.abc import Iterator

    from teikit.convert.zones import TextRun

NSMAP = {None: TEI_NS}


def element(
    parent: etree._Element | None, tag: str, text: str | None = None, **attrib: str
) -> etree._Element:
    """A TEI element (attribute ``xml_id``/``xml_lang`` become ``xml:id``/``xml:lang``)."""
    el = (
        etree.Element(tei(tag), nsmap=NSMAP)
        if parent is None
        else etree.SubElement(parent, tei(tag))
    )
    for key, value in attrib.items():
        if key.startswith("xml_"):
            el.set(f"{{{XML_NS}}}{key[4:]}", value)
        else:
            el.set(key, value)
    if text is not None:
        el.text = text
    return el


def fill(el: etree._Element, run: TextRun, ctx: InlineContext) -> etree._Element:
    """Render a run's phrase-level content into ``el``."""
    append_nodes(el, render(run, ctx), iter(run.pages))
    return el


def fill_nodes(el: etree._Element, nodes: list[Node], pages: Iterator[str]) -> etree._Element:
    append_nodes(el, nodes, pages)
    return el


def with_text(
    tag: str, run: TextRun, ctx: InlineContext, parent: etree._Element, **attrib: str
) -> etree._Element:
    return fill(element(parent, tag, **attrib), run, ctx)


def el(tag: str, children: list[Node] | None = None, **attrib: str) -> El:
    return El(tag, dict(attrib), children or [])
