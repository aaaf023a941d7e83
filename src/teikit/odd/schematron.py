"""Extract ISO Schematron from a customization, as the Stylesheets' ``extract-isosch`` does.

The rules come from every ``constraintSpec`` (scheme ``schematron`` or
``isoschematron``) that the selected specs carry, whether TEI attaches it or
the customization adds it: on elements, on classes, on attribute definitions,
on macros and at ``schemaSpec`` level. ``sch:ns`` declarations found in them
move to the top of the schema. Two kinds of pattern are generated as the
Stylesheets do: deprecation warnings for specs with ``@validUntil``, and the
Processing Model's parameter lists (``valItem/paramList``).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from teikit.odd.checks import check_xpath
from teikit.odd.specs import AttDef, AttHolder, ClassSpec, Constraint, ElementSpec, T
from teikit.xmlio import SCH_NS, TEI_NS, XML_NS

if TYPE_CHECKING:
    from teikit.odd.customize import Customization

S = f"{{{SCH_NS}}}"
SCHEMES = ("schematron", "isoschematron")
_PREFIX_USE = re.compile(r"(?<![\w.$@-])([A-Za-z_][\w.-]*):(?=[A-Za-z_*])")
_BUILTIN_PREFIXES = {"xml", "xs", "fn", "math", "map", "array", "xsl"}


def sch(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    if parent is None:
        return etree.Element(f"{S}{tag}", attrs, nsmap={None: SCH_NS})
    return etree.SubElement(parent, f"{S}{tag}", attrs)


def clean_copy(node: etree._Element, parent: etree._Element) -> None:
    """Copy ``node`` under ``parent`` without the source's namespace declarations."""
    if not isinstance(node.tag, str):
        if isinstance(node, etree._Comment):
            return
        return
    el = etree.SubElement(parent, node.tag, dict(node.attrib))
    el.text = node.text
    el.tail = node.tail
    for child in node:
        if isinstance(child.tag, str):
            clean_copy(child, el)
        elif child.tail:
            # A comment is dropped; the text after it stays.
            last = el[-1] if len(el) else None
            if last is not None:
                last.tail = (last.tail or "") + child.tail
            else:
                el.text = (el.text or "") + child.tail


class SchematronWriter:
    def __init__(self, custom: Customization) -> None:
        self.c = custom
        self.ns: dict[str, str] = {}
        self.implicit: dict[str, str] = {}
        self.patterns: list[etree._Element] = []
        self.count = 0

    def element_qname(self, ident: str) -> str:
        """The element as documents name it (its ``altIdent`` if any), prefixed for XPath."""
        spec = self.c.elements.get(ident)
        ns = spec.ns if spec is not None and spec.ns is not None else self.c.ns
        if spec is not None:
            ident = spec.name
        if ns == TEI_NS:
            return f"tei:{ident}"
        for prefix, uri in self.ns.items():
            if uri == ns:
                return f"{prefix}:{ident}"
        return f"*[local-name()='{ident}'][namespace-uri()='{ns}']"

    def collect(self, owner: str, att: str | None, constraint: Constraint, context: str) -> None:
        node = constraint.node
        if node.get("scheme", "schematron") not in SCHEMES:
            return
        body = node.find(f"{T}constraint")
        if body is None:
            return
        for ns in body.iter(f"{S}ns"):
            self.ns.setdefault(ns.get("prefix", ""), ns.get("uri", ""))
        rules = [c for c in body if isinstance(c.tag, str) and c.tag in (f"{S}rule",)]
        bare = [
            c
            for c in body
            if isinstance(c.tag, str) and c.tag in (f"{S}assert", f"{S}report", f"{S}let")
        ]
        patterns = [c for c in body if isinstance(c.tag, str) and c.tag == f"{S}pattern"]
        for rule in [*rules, *bare]:
            self.note_prefixes(rule)
        self.count += 1
        lang = node.get(f"{{{XML_NS}}}lang")
        if lang is not None and not lang.startswith("en"):
            # A translation of a constraint: the English one is extracted.
            return
        if rules or bare:
            ident = "-".join(p for p in (self.c.ident, owner, att, constraint.ident) if p)
            pattern = sch("pattern", id=f"schematron-constraint-{ident}-{self.count}")
            for rule in rules:
                clean_copy(rule, pattern)
            if bare:
                rule_el = sch("rule", pattern, context=context)
                for item in bare:
                    clean_copy(item, rule_el)
            self.patterns.append(pattern)
        for p in patterns:
            self.note_prefixes(p)
            holder = sch("schema")
            clean_copy(p, holder)
            self.patterns.append(holder[0])

    def note_prefixes(self, node: etree._Element) -> None:
        """Prefixes used in XPaths but not declared with ``sch:ns`` (in scope in the ODD)."""
        for el in node.iter():
            if not isinstance(el.tag, str):
                continue
            for attr in ("context", "test", "value", "select", "path"):
                expr = el.get(attr)
                if not expr:
                    continue
                check_xpath(el, attr, expr)
                for prefix in _PREFIX_USE.findall(expr):
                    uri = el.nsmap.get(prefix)
                    if uri and prefix not in _BUILTIN_PREFIXES:
                        self.implicit.setdefault(prefix, uri)

    def holder(self, spec: AttHolder) -> None:
        context = self.element_qname(spec.ident) if isinstance(spec, ElementSpec) else "tei:*"
        for constraint in spec.constraints.values():
            self.collect(spec.ident, None, constraint, context)
        for att in spec.attributes.values():
            if att.ref is not None:
                continue
            ctx = f"{context}[@{att.ident}]"
            for constraint in att.constraints.values():
                self.collect(spec.ident, att.ident, constraint, ctx)

    def deprecations(self) -> list[etree._Element]:
        out: list[etree._Element] = []
        for spec in self.c.ordered("elementSpec"):
            assert isinstance(spec, ElementSpec)
            qname = self.element_qname(spec.ident)
            until = spec.node.get("validUntil")
            if until:
                pattern = sch("pattern")
                rule = sch("rule", pattern, context=qname)
                report = sch("report", rule, test="true()", role="nonfatal")
                report.text = "WARNING: use of deprecated element — The "
                sch("name", report).tail = f" element will be removed from the TEI on {until}."
                out.append(pattern)
            for att in spec.attributes.values():
                out.extend(self.att_deprecation(att, qname, f"the {spec.ident} element"))
        for cls in self.c.ordered("classSpec"):
            assert isinstance(cls, ClassSpec)
            if cls.type == "atts":
                for att in cls.attributes.values():
                    out.extend(
                        self.att_deprecation(att, f"tei:*[@{att.ident}]", f"the {cls.ident} class")
                    )
        return out

    def att_deprecation(self, att: AttDef, context: str, where: str) -> list[etree._Element]:
        until = att.node.get("validUntil") if att.node is not None and att.ref is None else None
        if not until:
            return []
        pattern = sch("pattern")
        rule = sch("rule", pattern, context=context)
        report = sch("report", rule, test=f"@{att.ident}", role="nonfatal")
        report.text = (
            f"WARNING: use of deprecated attribute — @{att.ident} of {where} "
            f"will be removed from the TEI on {until}."
        )
        return [pattern]

    def param_lists(self) -> list[etree._Element]:
        out: list[etree._Element] = []
        n = 0
        for spec in self.c.ordered("elementSpec"):
            assert isinstance(spec, ElementSpec)
            for att in spec.attributes.values():
                if att.node is None or att.ref is not None or att.vallist is None:
                    continue
                for item in att.node.iter(f"{T}valItem"):
                    value = item.get("ident", "")
                    plist = item.find(f"{T}paramList")
                    if plist is None or value not in att.vallist.values:
                        continue
                    names = [p.get("ident", "") for p in plist.iter(f"{T}paramSpec")]
                    n += 1
                    pattern = sch("pattern", id=f"teipm-{spec.ident}-paramList-{n}")
                    rule = sch(
                        "rule",
                        pattern,
                        context=f"tei:param[parent::{self.element_qname(spec.ident)}"
                        f"/@{att.ident}='{value}']",
                    )
                    test = "  or  ".join(f"@name='{name}'" for name in names) or "false()"
                    a = sch("assert", rule, role="error", test=test)
                    a.text = "Parameter name '"
                    sch("value-of", a, select="@name").tail = "' (on "
                    sch(
                        "value-of", a, select="ancestor::tei:elementSpec/@ident"
                    ).tail = f") not allowed. Must be drawn from the list: {', '.join(names)}"
                    out.append(pattern)
        return out

    def build(self) -> etree._Element:
        holders = [
            s
            for k in ("classSpec", "elementSpec")
            for s in self.c.ordered(k)
            if isinstance(s, AttHolder)
        ]
        holders.sort(key=lambda s: (s.order, s.kind, s.ident))
        used = used_att_classes(self.c)
        for spec in holders:
            if isinstance(spec, ClassSpec) and spec.type == "atts" and spec.ident not in used:
                # The Stylesheets drop attribute classes no element uses, rules included.
                continue
            self.holder(spec)
        for macro in self.c.ordered("macroSpec"):
            for constraint in macro.constraints.values():
                self.collect(macro.ident, None, constraint, "tei:*")
        for constraint in self.c.constraints:
            self.collect("", None, constraint, "tei:*")
        root = sch("schema", queryBinding="xslt2")
        title = sch("title", root)
        title.text = f"ISO Schematron rules for {self.c.ident}"
        if "tei" not in self.ns:
            self.ns["tei"] = TEI_NS
        for prefix, uri in self.ns.items():
            sch("ns", root, prefix=prefix, uri=uri)
        for prefix, uri in self.implicit.items():
            if prefix not in self.ns:
                sch("ns", root, prefix=prefix, uri=uri)
        root.extend(self.patterns)
        root.extend(self.deprecations())
        root.extend(self.param_lists())
        return root


def used_att_classes(custom: Customization) -> set[str]:
    """Attribute classes that some selected element inherits from, directly or not."""
    used: set[str] = set()
    todo = [k for e in custom.elements.values() for k in e.classes]
    while todo:
        key = todo.pop()
        cls = custom.classes.get(key)
        if key in used or cls is None or cls.type != "atts":
            continue
        used.add(key)
        todo.extend(cls.classes)
    return used


def build_schematron(custom: Customization) -> etree._ElementTree:
    """The ISO Schematron (queryBinding xslt2) of a customization."""
    root = SchematronWriter(custom).build()
    etree.indent(root, space="  ")
    return etree.ElementTree(root)
