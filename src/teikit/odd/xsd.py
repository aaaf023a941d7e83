"""Effective specs to a W3C XML Schema (1.0): a sound over-approximation of the RELAX NG.

XSD 1.0 cannot say everything RELAX NG says (no interleave of attributes and
choices of attributes, no co-occurrence constraints, one content model per
element name, and the Unique Particle Attribution rule forbids many ODD
sequences). Rather than approximate some models by hand and risk rejecting
valid documents, every element gets the same shape:

* its attributes, each with its datatype (TEI datatypes become named simple
  types) and closed value lists as enumerations; required where the ODD says
  ``usage="req"`` (except inside ``attList org="choice"``, where all are optional);
* its content as a repeatable choice of the child elements the RNG allows
  anywhere in its content (through classes and macros), mixed when text is
  allowed.

A document valid against the RNG is therefore valid against the XSD; the XSD
does not check order, counts, required children, the start element, data
content of elements, or anything Schematron checks.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from teikit.errors import SourceLocation
from teikit.odd.checks import is_catastrophic
from teikit.odd.locate import locate
from teikit.odd.report import OddWarning
from teikit.odd.specs import AttDef, AttHolder, ClassSpec, ElementSpec, T
from teikit.xmlio import RNG_NS, XML_NS

if TYPE_CHECKING:
    from teikit.odd.customize import Customization

XS_NS = "http://www.w3.org/2001/XMLSchema"
XS = f"{{{XS_NS}}}"
R = f"{{{RNG_NS}}}"
XML_XSD = "http://www.w3.org/2001/xml.xsd"
BUILTINS = {
    "string", "normalizedString", "token", "language", "Name", "NCName", "NMTOKEN",
    "NMTOKENS", "ID", "IDREF", "IDREFS", "ENTITY", "ENTITIES", "anyURI", "QName",
    "boolean", "decimal", "integer", "nonNegativeInteger", "positiveInteger",
    "nonPositiveInteger", "negativeInteger", "long", "int", "short", "byte",
    "unsignedLong", "unsignedInt", "unsignedShort", "unsignedByte", "float", "double",
    "duration", "dateTime", "time", "date", "gYearMonth", "gYear", "gMonthDay", "gDay",
    "gMonth", "hexBinary", "base64Binary",
}  # fmt: skip
FACETS = {
    "pattern", "minInclusive", "maxInclusive", "minExclusive", "maxExclusive", "length",
    "minLength", "maxLength", "totalDigits", "fractionDigits",
}  # fmt: skip


def xs(tag: str, parent: etree._Element | None = None, **attrs: str) -> etree._Element:
    if parent is None:
        return etree.Element(f"{XS}{tag}", attrs)
    return etree.SubElement(parent, f"{XS}{tag}", attrs)


class Content:
    """What an element's content allows, ignoring order and counts."""

    def __init__(self) -> None:
        self.elements: set[str] = set()
        self.text = False
        self.any = False
        self.foreign: set[str] = set()


class XsdWriter:
    def __init__(self, custom: Customization) -> None:
        self.c = custom
        self._class_members: dict[str, set[str]] = {}
        self._macro_content: dict[str, Content] = {}
        self._simple_ok: dict[str, bool] = {}
        members: dict[str, list[tuple[str, str]]] = {}
        for kind in ("elementSpec", "classSpec"):
            for spec in custom.ordered(kind):
                if isinstance(spec, ClassSpec) and spec.type != "model":
                    continue
                assert isinstance(spec, AttHolder)
                for key in spec.classes:
                    members.setdefault(key, []).append((kind, spec.ident))
        self.members = members
        self.external = custom.external_names
        self._dropped: set[str] = set()
        # TEI classes a moduleRef/@url override extends (combine="choice"): their new
        # members are outside TEI, so where the class is used the XSD admits any element.
        prefix = custom.prefix
        self.extended = {
            name[len(prefix) :] if prefix and name.startswith(prefix) else name
            for module in custom.external
            for name in (d.get("name", "") for d in module.overrides)
        }

    # -- content ---------------------------------------------------------------------------

    def class_elements(self, key: str, seen: frozenset[str] = frozenset()) -> set[str]:
        if key in self._class_members:
            return self._class_members[key]
        out: set[str] = set()
        for kind, ident in self.members.get(key, []):
            if kind == "elementSpec":
                out.add(ident)
            elif ident not in seen:
                out |= self.class_elements(ident, seen | {key})
        if not seen:
            self._class_members[key] = out
        return out

    def class_extended(self, key: str, seen: frozenset[str] = frozenset()) -> bool:
        """Whether an override extends this class or one of its subclasses."""
        if not self.extended:
            return False
        if key in self.extended:
            return True
        return any(
            kind == "classSpec" and ident not in seen and self.class_extended(ident, seen | {key})
            for kind, ident in self.members.get(key, [])
        )

    def walk(self, node: etree._Element | None, acc: Content, seen: frozenset[str]) -> None:
        if node is None:
            return
        for child in node.iter():
            tag = child.tag
            if isinstance(child, etree._ProcessingInstruction) and child.target == "NameList":
                acc.any = True  # any element of the schema
            if not isinstance(tag, str):
                continue
            if tag.startswith(T):
                local = tag[len(T) :]
                key = child.get("key", "")
                if local == "elementRef" and key in self.c.elements:
                    acc.elements.add(key)
                elif local == "classRef" and key in self.c.classes:
                    acc.elements |= self.class_elements(key)
                    acc.any |= self.class_extended(key)
                elif local == "macroRef" and key in self.c.macros and key not in seen:
                    self.walk(self.c.macros[key].content, acc, seen | {key})
                elif local in ("textNode", "dataRef", "valList"):
                    acc.text = True
                elif local == "anyElement":
                    acc.any = True
            elif tag.startswith(R):
                local = tag[len(R) :]
                name = child.get("name", "")
                if local == "ref":
                    if name in self.external:
                        acc.any = True
                    elif name in self.c.elements:
                        acc.elements.add(name)
                    elif name in self.c.classes:
                        acc.elements |= self.class_elements(name)
                        acc.any |= self.class_extended(name)
                    elif name.rpartition("_")[0] in self.c.classes:
                        acc.elements |= self.class_elements(name.rpartition("_")[0])
                    elif name in self.c.macros and name not in seen:
                        self.walk(self.c.macros[name].content, acc, seen | {name})
                elif local in ("text", "data", "value", "list"):
                    acc.text = True
                elif local == "element":
                    acc.any = True
                    return

    def content_of(self, spec: ElementSpec) -> Content:
        acc = Content()
        self.walk(spec.content, acc, frozenset())
        for ident in list(acc.elements):
            ns = self.c.elements[ident].ns
            if ns is not None and ns != self.c.ns:
                acc.elements.discard(ident)
                acc.foreign.add(ns)
        return acc

    # -- datatypes -------------------------------------------------------------------------

    def simple(
        self, node: etree._Element | None, parent: etree._Element, seen: frozenset[str]
    ) -> None:
        """Append a ``simpleType`` for a datatype or data content to ``parent``."""
        members = self.data_members(node, seen)
        if len(members) == 1:
            parent.append(members[0])
        else:
            st = xs("simpleType", parent)
            union = xs("union", st)
            union.extend(members)

    def data_members(
        self, node: etree._Element | None, seen: frozenset[str]
    ) -> list[etree._Element]:
        if node is None:
            return [self.restrict("string")]
        out: list[etree._Element] = []
        for child in node:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            local = etree.QName(child).localname
            if tag == f"{T}dataRef":
                key = child.get("key")
                if key is not None:
                    if key in self.c.datatypes and key not in seen and self.simple_ok(key):
                        out.append(self.restrict(f"tei:{key}", prefixed=True))
                    else:
                        out.append(self.restrict("string"))
                    continue
                st = self.restrict(child.get("name", "string"))
                restriction = st[0]
                if child.get("restriction") is not None:
                    self.facet(restriction, "pattern", child.get("restriction", ""), child)
                for facet in child.iterchildren(f"{T}dataFacet"):
                    if facet.get("name") in FACETS:
                        self.facet(
                            restriction, facet.get("name", ""), facet.get("value", ""), facet
                        )
                out.append(st)
            elif tag == f"{T}valList":
                out.append(
                    self.enumeration(
                        [v.get("ident", "") for v in child.iterchildren(f"{T}valItem")]
                    )
                )
            elif tag == f"{R}data":
                st = self.restrict(child.get("type", "string"))
                for param in child.iterchildren(f"{R}param"):
                    if param.get("name") in FACETS:
                        self.facet(st[0], param.get("name", ""), param.text or "", param)
                out.append(st)
            elif tag == f"{R}value":
                out.append(self.enumeration([child.text or ""]))
            elif tag == f"{R}ref" and child.get("name") in self.c.datatypes:
                out.extend(self.data_members(self.c.datatypes[child.get("name", "")].content, seen))
            elif local in ("alternate", "choice", "sequence", "group", "content", "datatype"):
                out.extend(self.data_members(child, seen))
            else:
                out.append(self.restrict("string"))
        return out or [self.restrict("string")]

    def facet(
        self, restriction: etree._Element, name: str, value: str, node: etree._Element
    ) -> None:
        """Add a facet; a pattern that would take a backtracking regex engine exponential
        time is left out (the XSD stays an over-approximation; the RELAX NG keeps it)."""
        if name == "pattern" and is_catastrophic(value):
            if value not in self._dropped:
                self._dropped.add(value)
                where = locate(node) or SourceLocation("<odd>")
                self.c.warnings.append(
                    OddWarning(
                        where.file,
                        where.line,
                        where.column,
                        f"pattern {value!r} nests unbounded repeats (exponential time in "
                        "backtracking regex engines): left out of the XSD, kept in the RELAX NG",
                        "xsd-pattern-dropped",
                    )
                )
            return
        xs(name, restriction, value=value)

    def simple_ok(self, key: str) -> bool:
        """Whether a dataSpec is pure data (no lists, elements or references back to itself)."""
        if key in self._simple_ok:
            return self._simple_ok[key]
        self._simple_ok[key] = False
        content = self.c.datatypes[key].content
        ok = content is not None and not any(
            isinstance(n.tag, str)
            and etree.QName(n).localname
            in ("list", "element", "attribute", "elementRef", "classRef", "textNode")
            for n in content.iter()
        )
        if ok and content is not None:
            for ref in content.iter(f"{T}dataRef"):
                key2 = ref.get("key")
                if key2 is not None and key2 in self.c.datatypes and not self.simple_ok(key2):
                    ok = False
        self._simple_ok[key] = ok
        return ok

    def restrict(self, base: str, *, prefixed: bool = False) -> etree._Element:
        st = xs("simpleType")
        if not prefixed:
            base = f"xs:{base}" if base in BUILTINS else "xs:string"
        xs("restriction", st, base=base)
        return st

    def enumeration(self, values: list[str]) -> etree._Element:
        st = xs("simpleType")
        r = xs("restriction", st, base="xs:token")
        for v in values:
            xs("enumeration", r, value=v)
        return st

    def attribute_type(self, att: AttDef, parent: etree._Element) -> None:
        high: str = "1"
        low: str = "1"
        if att.datatype is not None:
            high = att.datatype.get("maxOccurs", "1")
            low = att.datatype.get("minOccurs", "1")
        target = parent
        if high == "1" and low == "0":
            # An optional value: the empty string is allowed too.
            st = xs("simpleType", parent)
            target = xs("union", st)
            target.append(self.enumeration([""]))
        elif high != "1":
            st = xs("simpleType", parent)
            lst = xs("list", st)
            target = lst
        if att.vallist is not None and att.vallist.type == "closed" and att.vallist.values:
            target.append(self.enumeration(att.vallist.values))
        else:
            self.simple(att.datatype, target, frozenset())

    # -- attributes ------------------------------------------------------------------------

    def attributes(self, spec: AttHolder) -> list[tuple[AttDef, bool]]:
        """All attributes of an element, inherited ones included, with their ``required``."""
        out: dict[str, tuple[AttDef, bool]] = {}
        in_choice = {n for g in spec.choices for n in g}
        removed = set(spec.removed)
        for key, att in spec.attributes.items():
            if att.ref is not None:
                cls = self.c.classes.get(att.ref[0])
                if cls is not None and att.ref[1] in cls.attributes:
                    out.setdefault(att.ident, (cls.attributes[att.ref[1]], False))
                continue
            out.setdefault(att.ident, (att, att.usage == "req" and key not in in_choice))
        self.inherit(spec, out, removed | set(out), set())
        return list(out.values())

    def inherit(
        self, spec: AttHolder, out: dict[str, tuple[AttDef, bool]], skip: set[str], seen: set[str]
    ) -> None:
        for key in spec.classes:
            cls = self.c.classes.get(key)
            if cls is None or cls.type != "atts" or key in seen:
                continue
            seen.add(key)
            in_choice = {n for g in cls.choices for n in g}
            for k, att in cls.attributes.items():
                if att.ident in skip or att.ident in out:
                    continue
                if att.ref is not None:
                    owner = self.c.classes.get(att.ref[0])
                    if owner is not None and att.ref[1] in owner.attributes:
                        out[att.ident] = (owner.attributes[att.ref[1]], False)
                    continue
                out[att.ident] = (att, att.usage == "req" and k not in in_choice)
            self.inherit(cls, out, skip | cls.removed, seen)

    def attribute(self, att: AttDef, required: bool, parent: etree._Element) -> None:
        name = att.name
        if name.startswith("xml:"):
            a = xs("attribute", parent, ref=name)
        elif ":" in name or (att.ns and att.ns != ""):
            return
        else:
            a = xs("attribute", parent, name=name)
            self.attribute_type(att, a)
        if required:
            a.set("use", "required")

    # -- the schema ------------------------------------------------------------------------

    def element(self, spec: ElementSpec) -> etree._Element:
        el = xs("element", name=spec.name)
        ct = xs("complexType", el)
        content = self.content_of(spec)
        if content.text:
            ct.set("mixed", "true")
        if content.any:
            choice = xs("choice", ct, minOccurs="0", maxOccurs="unbounded")
            xs("any", choice, namespace="##any", processContents="lax")
        elif content.elements or content.foreign:
            choice = xs("choice", ct, minOccurs="0", maxOccurs="unbounded")
            for ident in sorted(content.elements):
                xs("element", choice, ref=f"tei:{self.c.elements[ident].name}")
            for ns in sorted(content.foreign):
                xs("any", choice, namespace=ns, processContents="skip")
        for att, required in sorted(self.attributes(spec), key=lambda p: p[0].ident):
            self.attribute(att, required, ct)
        return el

    def schema(self) -> etree._Element:
        root = etree.Element(
            f"{XS}schema",
            {
                "targetNamespace": self.c.ns,
                "elementFormDefault": "qualified",
                "attributeFormDefault": "unqualified",
            },
            nsmap={"xs": XS_NS, "tei": self.c.ns},
        )
        root.append(
            etree.Comment(
                f" Schema {self.c.ident} compiled by teikit from ODD: an over-approximation of "
                "the RELAX NG (see teikit's docs/odd.rst for what it checks) "
            )
        )
        xs("import", root, namespace=XML_NS, schemaLocation=XML_XSD)
        for data in sorted(self.c.datatypes):
            if self.simple_ok(data):
                st = xs("simpleType", root, name=data)
                members = self.data_members(self.c.datatypes[data].content, frozenset({data}))
                if len(members) == 1:
                    st.extend(list(members[0]))
                else:
                    union = xs("union", st)
                    union.extend(members)
        for ident in sorted(self.c.elements):
            spec = self.c.elements[ident]
            if spec.ns is not None and spec.ns != self.c.ns:
                continue
            root.append(self.element(spec))
        return root


def build_xsd(custom: Customization) -> etree._ElementTree:
    """The XSD over-approximation of a customization's RELAX NG."""
    root = XsdWriter(custom).schema()
    etree.indent(root, space="  ")
    return etree.ElementTree(root)
