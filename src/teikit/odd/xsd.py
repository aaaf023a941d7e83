"""Placeholder replaced below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

if TYPE_CHECKING:
    from teikit.odd.customize import Customization

XS_NS = "http://www.w3.org/2001/XMLSchema"


def build_xsd(custom: Customization) -> etree._ElementTree:
    root = etree.Element(f"{{{XS_NS}}}schema", nsmap={"xs": XS_NS})
    return etree.ElementTree(root)
