"""Placeholder replaced below."""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from teikit.xmlio import SCH_NS

if TYPE_CHECKING:
    from teikit.odd.customize import Customization


def build_schematron(custom: Customization) -> etree._ElementTree:
    root = etree.Element(f"{{{SCH_NS}}}schema", {"queryBinding": "xslt2"}, nsmap={"sch": SCH_NS})
    return etree.ElementTree(root)
