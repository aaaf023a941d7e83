"""Locations of nodes as XPaths, in the ISO skeleton's "full path" notation.

``/*:TEI[namespace-uri()='http://www.tei-c.org/ns/1.0'][1]/*:text[…][1]`` is
long, but it needs no prefix bindings and is what the reference
implementation writes into SVRL, so results compare one to one.
"""

from __future__ import annotations

from dataclasses import dataclass

from lxml import etree


@dataclass(frozen=True, slots=True)
class AttrRef:
    """An attribute as a context item: libxml2 has no attribute object of its own."""

    parent: etree._Element
    name: str  # Clark notation


Item = etree._Element | etree._ElementTree | AttrRef


def _step(elem: etree._Element) -> str:
    tag = elem.tag
    if not isinstance(tag, str):
        is_comment = isinstance(elem, etree._Comment)
        kind = "comment()" if is_comment else "processing-instruction()"
        cls = etree._Comment if is_comment else etree._ProcessingInstruction
        n = 1 + sum(1 for s in elem.itersiblings(preceding=True) if isinstance(s, cls))
        return f"{kind}[{n}]"
    qn = etree.QName(elem)
    n = 1 + sum(1 for _ in elem.itersiblings(tag, preceding=True))
    return f"*:{qn.localname}[namespace-uri()='{qn.namespace or ''}'][{n}]"


def location_of(item: Item, known: dict[etree._Element, str] | None = None) -> str:
    """The XPath of an element, attribute or the document.

    ``known`` keeps the paths of the elements met, so that many results in one
    document (a warning on each of hundreds of page breaks) walk up to an
    ancestor whose path is known, not to the root, each time.
    """
    if isinstance(item, etree._ElementTree):
        return "/"
    if isinstance(item, AttrRef):
        qn = etree.QName(item.name)
        if qn.namespace:
            last = f"@*[local-name()='{qn.localname}' and namespace-uri()='{qn.namespace}']"
        else:
            last = f"@{qn.localname}"
        return f"{location_of(item.parent, known)}/{last}"
    if known is None:
        known = {}
    steps = []
    node: etree._Element | None = item
    path = ""
    chain = []
    while node is not None:
        found = known.get(node)
        if found is not None:
            path = found
            break
        steps.append(_step(node))
        chain.append(node)
        node = node.getparent()
    for node, step in zip(reversed(chain), reversed(steps), strict=True):
        path = known[node] = f"{path}/{step}"
    return path


def line_of(item: Item) -> int:
    """The source line of an item (an attribute's is its element's); 0 if unknown."""
    if isinstance(item, etree._ElementTree):
        return 0
    if isinstance(item, AttrRef):
        return item.parent.sourceline or 0
    return item.sourceline or 0
