"""The compiler's own model of ODD specifications.

A customization never edits the TEI source tree: every spec that an ODD
changes is cloned into these small records first, so the parsed P5 source can
be cached per process and shared by every compilation.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import Self

from lxml import etree

from teikit.xmlio import TEI_NS

T = f"{{{TEI_NS}}}"
SCH_NS = "http://purl.oclc.org/dsdl/schematron"


@dataclass
class ValList:
    """A ``valList``: its type and its values in order (``closed`` restricts)."""

    type: str
    values: list[str]

    def clone(self) -> ValList:
        return ValList(self.type, list(self.values))


@dataclass
class Constraint:
    """One ``constraintSpec``, kept as its element for extraction to Schematron."""

    ident: str
    node: etree._Element


@dataclass
class AttDef:
    """An attribute definition; ``ref`` set means an ``attRef`` to a class attribute."""

    ident: str
    usage: str = "opt"
    ns: str | None = None
    datatype: etree._Element | None = None
    vallist: ValList | None = None
    default: str | None = None
    constraints: dict[str, Constraint] = field(default_factory=dict)
    node: etree._Element | None = None
    ref: tuple[str, str] | None = None
    alt_ident: str | None = None

    @property
    def name(self) -> str:
        """The attribute's name in documents: its ``altIdent`` if it has one."""
        return self.alt_ident or self.ident

    def clone(self) -> AttDef:
        return AttDef(
            self.ident,
            self.usage,
            self.ns,
            self.datatype,
            self.vallist.clone() if self.vallist else None,
            self.default,
            dict(self.constraints),
            self.node,
            self.ref,
            self.alt_ident,
        )


@dataclass
class Spec:
    """What element, class, macro and data specs share."""

    kind: str
    ident: str
    module: str
    node: etree._Element
    order: int
    content: etree._Element | None = None
    constraints: dict[str, Constraint] = field(default_factory=dict)


@dataclass
class AttHolder(Spec):
    """A spec that carries attributes and class memberships (elements and classes).

    ``choices`` lists groups of attribute names declared with
    ``attList org="choice"``: only one of each group may appear.
    ``removed`` names inherited attributes this spec deletes; ``occurs`` holds
    ``memberOf/@min``/``@max`` (as written) for the classes that give them.
    """

    classes: list[str] = field(default_factory=list)
    occurs: dict[str, tuple[str, str]] = field(default_factory=dict)
    attributes: dict[str, AttDef] = field(default_factory=dict)
    choices: list[list[str]] = field(default_factory=list)
    removed: set[str] = field(default_factory=set)

    def clone(self) -> Self:
        """A copy whose containers can be changed without touching the original."""
        c = copy.copy(self)
        c.constraints = dict(self.constraints)
        c.classes = list(self.classes)
        c.occurs = dict(self.occurs)
        c.attributes = {k: v.clone() for k, v in self.attributes.items()}
        c.choices = [list(g) for g in self.choices]
        c.removed = set(self.removed)
        return c


@dataclass
class ElementSpec(AttHolder):
    """An element; ``alt_ident`` (``altIdent``) renames it in documents, its pattern keeps
    the ident, as the Stylesheets do (``div1`` defined as ``<element name="chapter">``)."""

    ns: str | None = None
    prefix: str | None = None
    alt_ident: str | None = None

    @property
    def name(self) -> str:
        """The element's name in documents."""
        return self.alt_ident or self.ident


@dataclass
class ClassSpec(AttHolder):
    type: str = "model"


@dataclass
class MacroSpec(Spec):
    """A ``macroSpec`` or a ``dataSpec`` (``kind`` tells which)."""

    def clone(self) -> MacroSpec:
        c = copy.copy(self)
        c.constraints = dict(self.constraints)
        return c


AnySpec = ElementSpec | ClassSpec | MacroSpec


def text_of(node: etree._Element | None) -> str:
    return "".join(node.itertext()).strip() if node is not None else ""


def alt_ident_of(node: etree._Element) -> str | None:
    """The ``altIdent`` child's text (``None`` when absent or empty)."""
    return text_of(node.find(f"{T}altIdent")) or None


def parse_vallist(node: etree._Element) -> ValList:
    values = [v.get("ident", "") for v in node.iterchildren(f"{T}valItem")]
    return ValList(node.get("type", "open"), values)


def constraints_of(node: etree._Element) -> dict[str, Constraint]:
    out: dict[str, Constraint] = {}
    for i, c in enumerate(node.iterchildren(f"{T}constraintSpec")):
        ident = c.get("ident") or f"constraint-{i + 1}"
        out[ident] = Constraint(ident, c)
    return out


def parse_attdef(node: etree._Element) -> AttDef:
    vl = node.find(f"{T}valList")
    default = node.find(f"{T}defaultVal")
    return AttDef(
        ident=node.get("ident", ""),
        usage=node.get("usage") or "opt",
        ns=node.get("ns"),
        datatype=node.find(f"{T}datatype"),
        vallist=parse_vallist(vl) if vl is not None else None,
        default=text_of(default) if default is not None else None,
        constraints=constraints_of(node),
        node=node,
        alt_ident=alt_ident_of(node),
    )


def parse_attlist(holder: AttHolder, attlist: etree._Element) -> None:
    """Read a source ``attList`` (no modes) into ``holder``."""
    group: list[str] = []
    for child in attlist:
        if child.tag == f"{T}attDef":
            att = parse_attdef(child)
            holder.attributes[att.ident] = att
            group.append(att.ident)
        elif child.tag == f"{T}attRef":
            cls, name = child.get("class", ""), child.get("name", "")
            key = f"{cls}/{name}"
            holder.attributes[key] = AttDef(ident=name, node=child, ref=(cls, name))
            group.append(key)
        elif child.tag == f"{T}attList":
            parse_attlist(holder, child)
    if attlist.get("org") == "choice" and len(group) > 1:
        holder.choices.append(group)


def member_occurs(classes: etree._Element) -> dict[str, tuple[str, str]]:
    """``memberOf/@min``/``@max`` by class: how often the member occurs where the class is used."""
    return {
        m.get("key", ""): (m.get("min", "1"), m.get("max", "1"))
        for m in classes.iterchildren(f"{T}memberOf")
        if m.get("min") is not None or m.get("max") is not None
    }


def parse_spec(node: etree._Element, order: int) -> AnySpec:
    """Turn a source spec element (as in p5subset) into its record."""
    tag = etree.QName(node).localname
    ident = node.get("ident", "")
    module = node.get("module", "")
    content = node.find(f"{T}content")
    constraints = constraints_of(node)
    if tag in ("macroSpec", "dataSpec"):
        return MacroSpec(tag, ident, module, node, order, content, constraints)
    holder: AttHolder
    if tag == "elementSpec":
        holder = ElementSpec(
            tag, ident, module, node, order, content, constraints, ns=node.get("ns")
        )
        holder.prefix = node.get("prefix")
        holder.alt_ident = alt_ident_of(node)
    else:
        holder = ClassSpec(
            tag, ident, module, node, order, content, constraints, type=node.get("type", "model")
        )
    classes = node.find(f"{T}classes")
    if classes is not None:
        holder.classes = [m.get("key", "") for m in classes.iterchildren(f"{T}memberOf")]
        holder.occurs = member_occurs(classes)
    for attlist in node.iterchildren(f"{T}attList"):
        parse_attlist(holder, attlist)
    return holder
