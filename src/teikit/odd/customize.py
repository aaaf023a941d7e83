"""Apply a ``schemaSpec`` to a source: select modules and specs, then apply the changes.

This is the work the Stylesheets' ``odd2odd`` does. The result is a
:class:`Customization`: the effective specs, ready for the RNG, Schematron and
XSD writers. The order of work is fixed so that results never depend on the
order an ODD author wrote things in: first every selection (``moduleRef``,
``elementRef`` …), then ``dataSpec``, ``macroSpec``, ``classSpec`` and last
``elementSpec`` changes, each in document order. Elements come last because an
element's ``attDef mode="change"`` may change an attribute it inherits from a
class changed in the same ODD.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.odd.checks import check_attribute_name, check_cycles, check_ncname, check_prefix
from teikit.odd.external import ExternalModule, load_external
from teikit.odd.locate import describe, odd_error
from teikit.odd.report import OddWarning, Reporter
from teikit.odd.specs import (
    AnySpec,
    AttDef,
    AttHolder,
    ClassSpec,
    Constraint,
    ElementSpec,
    MacroSpec,
    T,
    alt_ident_of,
    member_occurs,
    parse_attdef,
    parse_spec,
    parse_vallist,
)
from teikit.xmlio import RNG_NS, TEI_NS, XML_NS, parse_file

if TYPE_CHECKING:
    import os
    from collections.abc import Sequence

XINCLUDE = "{http://www.w3.org/2001/XInclude}include"
KINDS = ("elementSpec", "classSpec", "macroSpec", "dataSpec")
REF_KIND = {
    "elementRef": "elementSpec",
    "classRef": "classSpec",
    "macroRef": "macroSpec",
    "dataRef": "dataSpec",
}
NOUN = {
    "elementSpec": "element",
    "classSpec": "class",
    "macroSpec": "macro",
    "dataSpec": "datatype",
}
MODES = ("add", "change", "replace", "delete")
_APPLY_ORDER = {"dataSpec": 0, "macroSpec": 1, "classSpec": 2, "elementSpec": 3}


class SpecSource(Protocol):
    """What a customization reads from: p5subset, or another compiled customization."""

    path: str
    version: str
    modules: dict[str, list[tuple[str, str]]]

    def has(self, kind: str, ident: str) -> bool: ...

    def spec(self, kind: str, ident: str) -> AnySpec: ...


@dataclass
class Customization:
    """The effective specs of one ``schemaSpec`` (what the writers emit)."""

    ident: str
    odd_path: str
    source: SpecSource
    ns: str
    start: list[str]
    specs: dict[str, dict[str, AnySpec]]
    constraints: list[Constraint] = field(default_factory=list)
    prefix: str = ""
    warnings: list[OddWarning] = field(default_factory=list)
    external: list[ExternalModule] = field(default_factory=list)
    default_exceptions: list[str] = field(default_factory=list)
    report: Reporter = field(default_factory=Reporter)

    @property
    def external_names(self) -> set[str]:
        """Pattern names that ``moduleRef/@url`` grammars define."""
        return {name for module in self.external for name in module.names}

    @property
    def elements(self) -> dict[str, ElementSpec]:
        return self.specs["elementSpec"]  # type: ignore[return-value]

    @property
    def classes(self) -> dict[str, ClassSpec]:
        return self.specs["classSpec"]  # type: ignore[return-value]

    @property
    def macros(self) -> dict[str, MacroSpec]:
        return self.specs["macroSpec"]  # type: ignore[return-value]

    @property
    def datatypes(self) -> dict[str, MacroSpec]:
        return self.specs["dataSpec"]  # type: ignore[return-value]

    def ordered(self, kind: str) -> list[AnySpec]:
        """Specs of one kind in source order (added specs after), for stable output."""
        return sorted(self.specs[kind].values(), key=lambda s: (s.order, s.ident))


@dataclass
class CustomizationSource:
    """A compiled customization seen as a source, so that one ODD can chain on another."""

    custom: Customization
    path: str
    version: str
    modules: dict[str, list[tuple[str, str]]]

    @classmethod
    def of(cls, custom: Customization) -> CustomizationSource:
        modules: dict[str, list[tuple[str, str]]] = {}
        for kind in KINDS:
            for spec in custom.ordered(kind):
                modules.setdefault(spec.module, []).append((kind, spec.ident))
        return cls(custom, custom.odd_path, custom.source.version, modules)

    def has(self, kind: str, ident: str) -> bool:
        return ident in self.custom.specs[kind]

    def spec(self, kind: str, ident: str) -> AnySpec:
        return self.custom.specs[kind][ident]


def _split(value: str | None) -> list[str]:
    return value.split() if value else []


class _Builder:
    def __init__(self, schema: etree._Element, source: SpecSource, report: Reporter) -> None:
        self.schema = schema
        self.source = source
        self.report = report
        self.warn = report.warn
        self.specs: dict[str, dict[str, AnySpec]] = {k: {} for k in KINDS}
        self.pending: list[etree._Element] = []
        self.constraints: list[Constraint] = []
        self.next_order = 1_000_000
        self.ids = {
            n.get(f"{{{XML_NS}}}id"): n
            for n in schema.getroottree().iter(f"{T}specGrp")
            if n.get(f"{{{XML_NS}}}id")
        }
        self.seen_groups: set[str] = set()
        self.external_modules: list[etree._Element] = []

    # -- selection -------------------------------------------------------------------------

    def select(self, container: etree._Element) -> None:
        for child in container:
            if not isinstance(child.tag, str):
                continue
            local = etree.QName(child).localname
            if child.tag == f"{T}moduleRef":
                self.module_ref(child)
            elif child.tag.startswith(T) and local in REF_KIND:
                self.spec_ref(child, REF_KIND[local])
            elif child.tag.startswith(T) and local in KINDS:
                self.pending.append(child)
            elif child.tag == f"{T}constraintSpec":
                self.constraints.append(Constraint(child.get("ident", ""), child))
            elif child.tag == f"{T}specGrpRef":
                self.group_ref(child)
            elif child.tag == XINCLUDE:
                self.warn(
                    child,
                    "xinclude-ignored",
                    f'xi:include href="{child.get("href", "")}": XInclude is not processed '
                    "(teikit reads only the files it is given); what it would include is "
                    "left out",
                )

    def group_ref(self, node: etree._Element) -> None:
        target = node.get("target", "")
        gid = target.removeprefix("#")
        group = self.ids.get(gid)
        if not target.startswith("#") or group is None:
            self.warn(
                node,
                "unknown-specgrp",
                f'specGrpRef target="{target}": no specGrp with this xml:id; ignored',
            )
            return
        if gid in self.seen_groups:
            return
        self.seen_groups.add(gid)
        self.select(group)

    def module_ref(self, node: etree._Element) -> None:
        check_prefix(node, node.get("prefix"))
        if node.get("url"):
            self.external_modules.append(node)
            return
        key = node.get("key")
        if not key:
            raise odd_error(node, "moduleRef: needs @key or @url")
        members = self.source.modules.get(key)
        if members is None:
            self.warn(
                node,
                "unknown-module",
                f"{describe(node)}: no such module in the TEI source; ignored",
            )
            return
        include, exclude = _split(node.get("include")), _split(node.get("except"))
        if include and exclude:
            self.warn(
                node,
                "include-and-except",
                f"{describe(node)}: @include and @except are exclusive; @except is ignored",
            )
            exclude = []
        elements = {i for k, i in members if k == "elementSpec"}
        for attr, names in (("include", include), ("except", exclude)):
            unknown = [n for n in names if n not in elements]
            if unknown:
                self.warn(
                    node,
                    "unknown-module-member",
                    f"{describe(node)}: @{attr} names {', '.join(unknown)}, not "
                    f'{"an element" if len(unknown) == 1 else "elements"} of module "{key}"; '
                    f"{'it is' if len(unknown) == 1 else 'they are'} ignored",
                )
        for kind, ident in members:
            if kind == "elementSpec" and (
                (include and ident not in include) or (exclude and ident in exclude)
            ):
                continue
            self.specs[kind].setdefault(ident, self.source.spec(kind, ident))

    def spec_ref(self, node: etree._Element, kind: str) -> None:
        key = node.get("key", "")
        if not self.source.has(kind, key):
            self.warn(
                node,
                "unknown-reference",
                f"{describe(node)}: no such {NOUN[kind]} in the TEI source; ignored",
            )
            return
        self.specs[kind].setdefault(key, self.source.spec(kind, key))

    # -- changes ---------------------------------------------------------------------------

    def apply_all(self) -> None:
        pending = sorted(
            enumerate(self.pending),
            key=lambda p: (_APPLY_ORDER[etree.QName(p[1]).localname], p[0]),
        )
        for _, node in pending:
            self.apply(node)
        for _, node in pending:
            self.check_refs(node)
        self.pull_datatypes()

    def pull_datatypes(self) -> None:
        """A ``dataRef/@key`` to a datatype of the source that no selected module brought
        brings that datatype (and the datatypes it uses): a datatype is only a value
        space, so this adds no element, and an attribute keeps the values it was given
        (an ODD without ``moduleRef key="tei"`` still gets ``teidata.pointer``)."""
        have = self.specs["dataSpec"]
        in_source = {
            i for members in self.source.modules.values() for k, i in members if k == "dataSpec"
        }
        if in_source <= have.keys():
            return
        todo: list[str] = []
        for kind in KINDS:
            for spec in self.specs[kind].values():
                nodes = [spec.content]
                if isinstance(spec, AttHolder):
                    nodes.extend(a.datatype for a in spec.attributes.values())
                for node in nodes:
                    if node is not None:
                        todo.extend(r.get("key", "") for r in node.iter(f"{T}dataRef"))
        while todo:
            key = todo.pop()
            if not key or key in have or not self.source.has("dataSpec", key):
                continue
            spec = self.source.spec("dataSpec", key)
            have[key] = spec
            if spec.content is not None:
                todo.extend(r.get("key", "") for r in spec.content.iter(f"{T}dataRef"))

    def apply(self, node: etree._Element) -> None:
        kind = etree.QName(node).localname
        ident = node.get("ident")
        mode = node.get("mode", "add")
        noun = NOUN[kind]
        if not ident:
            raise odd_error(node, f"{kind}: needs @ident")
        check_ncname(node, ident, "@ident")
        check_prefix(node, node.get("prefix"))
        alt = node.find(f"{T}altIdent")
        if alt is not None:
            check_ncname(alt, alt_ident_of(node) or "", "name")
        if mode not in MODES:
            raise odd_error(node, f"{describe(node)}: @mode must be one of {', '.join(MODES)}")
        selected = self.specs[kind].get(ident)
        in_source = self.source.has(kind, ident)
        if mode == "delete":
            if selected is None and not in_source:
                self.warn(
                    node,
                    "delete-missing",
                    f"{describe(node)}: no such {noun} in the TEI source; nothing to delete",
                )
            self.specs[kind].pop(ident, None)
        elif mode == "change":
            if selected is None:
                hint = ""
                if in_source:
                    module = self.source.spec(kind, ident).module
                    hint = f' (it is in module "{module}", which is not selected)'
                    if not self.source.modules.get(module):
                        hint = ""
                self.warn(
                    node,
                    "change-missing",
                    f"{describe(node)}: no such {noun} in the selected modules{hint}; "
                    "the change is ignored",
                )
                return
            self.specs[kind][ident] = self.change(selected, node)
        elif mode == "replace" or mode == "add":
            if mode == "add" and selected is not None:
                self.warn(
                    node,
                    "add-existing",
                    f"{describe(node)}: the {noun} already exists; this definition replaces it "
                    '(write mode="change" or mode="replace")',
                )
            if mode == "replace" and selected is None and not in_source:
                self.warn(
                    node,
                    "replace-missing",
                    f"{describe(node)}: no such {noun} in the TEI source; added",
                )
            self.specs[kind][ident] = self.new_spec(node, selected)

    def new_spec(self, node: etree._Element, old: AnySpec | None) -> AnySpec:
        order = old.order if old is not None else self.next_order
        if old is None:
            self.next_order += 1
        spec = parse_spec(node, order)
        if not spec.module and old is not None:
            spec.module = old.module
        if isinstance(spec, AttHolder):
            # Reparse attributes with modes: a new spec may delete inherited ones.
            spec.attributes, spec.choices, spec.removed = {}, [], set()
            for attlist in node.iterchildren(f"{T}attList"):
                self.apply_attlist(spec, attlist, node)
        return spec

    def change(self, old: AnySpec, node: etree._Element) -> AnySpec:
        spec = old.clone()
        if isinstance(spec, ElementSpec) and node.get("ns") is not None:
            spec.ns = node.get("ns")
        if isinstance(spec, ElementSpec) and node.find(f"{T}altIdent") is not None:
            spec.alt_ident = alt_ident_of(node)
        content = node.find(f"{T}content")
        if content is not None:
            spec.content = content
        for cs in node.iterchildren(f"{T}constraintSpec"):
            cid = cs.get("ident", "")
            if cs.get("mode") == "delete":
                if spec.constraints.pop(cid, None) is None:
                    self.warn(
                        cs,
                        "delete-missing",
                        f"{describe(cs)}: {old.ident} has no such constraint; nothing to delete",
                    )
            else:
                spec.constraints[cid] = Constraint(cid, cs)
        if isinstance(spec, AttHolder):
            classes = node.find(f"{T}classes")
            if classes is not None:
                self.change_classes(spec, classes)
            for attlist in node.iterchildren(f"{T}attList"):
                self.apply_attlist(spec, attlist, node)
        return spec

    def change_classes(self, spec: AttHolder, classes: etree._Element) -> None:
        if classes.get("mode") == "replace":
            spec.classes = []
        for m in classes.iterchildren(f"{T}memberOf"):
            key = m.get("key", "")
            if m.get("mode") == "delete":
                if key in spec.classes:
                    spec.classes.remove(key)
                spec.occurs.pop(key, None)
            elif key not in spec.classes:
                spec.classes.append(key)
        spec.occurs.update(member_occurs(classes))

    def apply_attlist(
        self, spec: AttHolder, attlist: etree._Element, owner: etree._Element
    ) -> None:
        group: list[str] = []
        for child in attlist:
            if child.tag == f"{T}attDef":
                name = self.apply_attdef(spec, child, owner)
                if name:
                    group.append(name)
            elif child.tag == f"{T}attRef":
                cls, name = child.get("class", ""), child.get("name", "")
                key = f"{cls}/{name}"
                spec.attributes[key] = AttDef(ident=name, node=child, ref=(cls, name))
                group.append(key)
            elif child.tag == f"{T}attList":
                self.apply_attlist(spec, child, owner)
        if attlist.get("org") == "choice" and len(group) > 1:
            spec.choices.append(group)

    def apply_attdef(self, spec: AttHolder, node: etree._Element, owner: etree._Element) -> str:
        ident = node.get("ident", "")
        mode = node.get("mode", "add")
        if not ident:
            raise odd_error(node, "attDef: needs @ident")
        if not (ident == "xmlns" or ident.startswith("xmlns:")):
            check_attribute_name(node, ident)
        alt = node.find(f"{T}altIdent")
        if alt is not None:
            check_attribute_name(alt, alt_ident_of(node) or "")
        if mode not in MODES:
            raise odd_error(node, f"{describe(node)}: @mode must be one of {', '.join(MODES)}")
        if ident == "xmlns" or ident.startswith("xmlns:"):
            # A namespace declaration is not an attribute: no schema can declare it.
            self.warn(
                node,
                "xmlns-attribute",
                f"{describe(node)}: xmlns is a namespace declaration, not an attribute; ignored",
            )
            return ""
        local = spec.attributes.get(ident)
        inherited = self.inherited(spec, ident) if local is None else None
        where = f'{NOUN[spec.kind]} "{spec.ident}"'
        if mode == "delete":
            if local is None and inherited is None:
                self.warn(
                    node,
                    "attdef-missing",
                    f"{describe(node)}: {where} has no attribute {ident}; nothing to delete",
                )
            spec.attributes.pop(ident, None)
            for group in spec.choices:
                if ident in group:
                    group.remove(ident)
            spec.removed.add(ident)
            return ""
        if mode == "change":
            base = local or inherited
            if base is None:
                self.warn(
                    node,
                    "attdef-missing",
                    f"{describe(node)}: {where} has no attribute {ident}; the change is ignored",
                )
                return ""
            spec.attributes[ident] = self.merge_attdef(base.clone(), node)
        else:
            spec.attributes[ident] = parse_attdef(node)
        spec.removed.discard(ident)
        return ident

    def merge_attdef(self, att: AttDef, node: etree._Element) -> AttDef:
        if node.find(f"{T}altIdent") is not None:
            att.alt_ident = alt_ident_of(node)
        if node.get("usage"):
            att.usage = node.get("usage", "opt")
        if node.get("ns") is not None:
            att.ns = node.get("ns")
        datatype = node.find(f"{T}datatype")
        if datatype is not None:
            att.datatype = datatype
        default = node.find(f"{T}defaultVal")
        if default is not None:
            att.default = "".join(default.itertext()).strip()
        vl = node.find(f"{T}valList")
        if vl is not None:
            vmode = vl.get("mode", "add")
            if vmode == "delete":
                att.vallist = None
            elif vmode == "change" and att.vallist is not None:
                if vl.get("type"):
                    att.vallist.type = vl.get("type", "open")
                for item in vl.iterchildren(f"{T}valItem"):
                    value = item.get("ident", "")
                    if item.get("mode") == "delete":
                        if value in att.vallist.values:
                            att.vallist.values.remove(value)
                    elif value not in att.vallist.values:
                        att.vallist.values.append(value)
            else:
                att.vallist = parse_vallist(vl)
        for cs in node.iterchildren(f"{T}constraintSpec"):
            if cs.get("mode") == "delete":
                att.constraints.pop(cs.get("ident", ""), None)
            else:
                att.constraints[cs.get("ident", "")] = Constraint(cs.get("ident", ""), cs)
        return att

    def inherited(self, spec: AttHolder, ident: str, seen: set[str] | None = None) -> AttDef | None:
        """The attribute ``ident`` as ``spec`` inherits it from its attribute classes."""
        seen = seen if seen is not None else set()
        for key in spec.classes:
            cls = self.specs["classSpec"].get(key)
            if not isinstance(cls, ClassSpec) or cls.type != "atts" or key in seen:
                continue
            seen.add(key)
            if ident in cls.attributes:
                return cls.attributes[ident]
            if ident in cls.removed:
                continue
            found = self.inherited(cls, ident, seen)
            if found is not None:
                return found
        return None

    def check_refs(self, node: etree._Element) -> None:
        """References written in the ODD must name something that exists somewhere."""
        for part in node.iter(f"{T}content", f"{T}datatype", f"{T}classes"):
            for ref in part.iter(
                f"{T}elementRef", f"{T}classRef", f"{T}macroRef", f"{T}dataRef", f"{T}memberOf"
            ):
                key = ref.get("key")
                if key is None:
                    continue
                local = etree.QName(ref).localname
                kind = REF_KIND.get(local, "classSpec")
                if ref.get("mode") == "delete":
                    continue
                if key not in self.specs[kind] and not self.source.has(kind, key):
                    self.warn(
                        ref,
                        "unknown-reference",
                        f"{describe(ref)}: no such {NOUN[kind]}; the reference is dropped",
                    )


def find_schema_spec(tree: etree._ElementTree, path: str) -> etree._Element:
    spec = tree.getroot().find(f".//{T}schemaSpec")
    if spec is None:
        if tree.getroot().tag == f"{T}schemaSpec":
            return tree.getroot()
        raise TeikitError("not an ODD: it has no schemaSpec", SourceLocation(path, 1, 1))
    return spec


def customize(
    odd_tree: etree._ElementTree,
    source: SpecSource,
    resolve_source: SourceResolver | None = None,
    report: Reporter | None = None,
    module_dirs: Sequence[Path] = (),
) -> Customization:
    """Compile one ODD's ``schemaSpec`` against ``source`` into its effective specs.

    Tolerated constructs go to ``report`` (a strict reporter raises on the first).
    """
    report = report if report is not None else Reporter()
    path = str(odd_tree.docinfo.URL or "<odd>")
    schema = find_schema_spec(odd_tree, path)
    declared = schema.get("source")
    if declared and resolve_source is not None:
        source = resolve_source(schema, declared)
    check_prefix(schema, schema.get("prefix"))
    builder = _Builder(schema, source, report)
    builder.select(schema)
    builder.apply_all()
    external = [load_external(node, module_dirs) for node in builder.external_modules]
    external_names = {name for module in external for name in module.names}
    start = _split(schema.get("start"))
    if not start:
        start = ["TEI"] if "TEI" in builder.specs["elementSpec"] else []
    elements = builder.specs["elementSpec"]
    by_pattern = {
        str(getattr(e, "prefix", None) or schema.get("prefix") or "") + ident: ident
        for ident, e in elements.items()
    }
    kept = []
    for name in start:
        if name in elements or name in external_names:
            kept.append(name)
        elif name in by_pattern:
            kept.append(by_pattern[name])
        elif name:
            # As the Stylesheets, which drop a reference to a pattern nothing defines.
            report.warn(
                schema,
                "unknown-start",
                f'schemaSpec start="{schema.get("start")}": no element {name} in the schema; '
                "it is left out of the start",
            )
    if start and not kept:
        raise odd_error(
            schema, f'schemaSpec start="{schema.get("start")}": no element of it is in the schema'
        )
    start = kept
    if not start:
        raise odd_error(schema, f"{describe(schema)}: no @start and no TEI element to start with")
    custom = Customization(
        ident=schema.get("ident", "schema"),
        odd_path=path,
        source=source,
        ns=schema.get("ns", TEI_NS),
        start=start,
        specs=builder.specs,
        constraints=builder.constraints,
        prefix=schema.get("prefix", ""),
        warnings=report.warnings,
        external=external,
        default_exceptions=_default_exceptions(schema),
        report=report,
    )
    check_cycles(custom)
    return custom


def _default_exceptions(schema: etree._Element) -> list[str]:
    """``schemaSpec/@defaultExceptions``: namespaces and ``prefix:name``s as ``{ns}name``."""
    out = []
    for item in _split(schema.get("defaultExceptions")):
        prefix, sep, local = item.partition(":")
        if sep and "/" not in item and prefix in (schema.nsmap or {}) and local:
            item = f"{{{schema.nsmap[prefix]}}}{local}"
        out.append(item)
    return out


class SourceResolver(Protocol):
    def __call__(self, schema: etree._Element, declared: str) -> SpecSource: ...


def is_uncompiled_odd(tree: etree._ElementTree) -> bool:
    """An ODD still to compile selects modules; a compiled source defines them."""
    schema = tree.getroot().find(f".//{T}schemaSpec")
    return schema is not None and schema.find(f"{T}moduleRef") is not None


def rng_ns() -> str:
    return RNG_NS


def resolve_relative(schema: etree._Element, declared: str) -> Path:
    base = schema.getroottree().docinfo.URL
    target = Path(declared.removeprefix("file://"))
    if not target.is_absolute() and base:
        target = Path(str(base)).parent / target
    return target


def load_odd(path: str | os.PathLike[str]) -> etree._ElementTree:
    return parse_file(path)
