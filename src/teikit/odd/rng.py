"""Effective specs to RELAX NG (XML syntax), pattern names as the TEI Stylesheets give them.

Names follow ``odd2relax``: an element's pattern is its ident; a model class
``model.x`` is a choice of its members, with ``model.x_sequence`` … variants
for ``classRef/@expand``; an attribute class ``att.x`` gives
``att.x.attributes`` and one ``att.x.attribute.NAME`` per attribute, so that
an element that overrides one inherited attribute can refer to the others one
by one. Downstream tools that know the official names keep working.

References to specs that the customization left out are pruned, and a
container left empty goes with them (as ``odd2odd`` does); a model class that
has no member left is ``notAllowed``.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

from lxml import etree

from teikit.errors import TeikitError
from teikit.odd.locate import describe, odd_error
from teikit.odd.specs import AttDef, AttHolder, ClassSpec, ElementSpec, T
from teikit.xmlio import RNG_NS, TEI_NS

if TYPE_CHECKING:
    from collections.abc import Iterable

    from teikit.odd.customize import Customization

R = f"{{{RNG_NS}}}"
XSD_DATATYPES = "http://www.w3.org/2001/XMLSchema-datatypes"
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"
VARIANTS = (
    "alternation",
    "sequence",
    "sequenceOptional",
    "sequenceOptionalRepeatable",
    "sequenceRepeatable",
)
_RNG_CONTAINERS = {
    "group",
    "choice",
    "optional",
    "zeroOrMore",
    "oneOrMore",
    "interleave",
    "mixed",
    "list",
}


def rng(tag: str, *children: etree._Element, **attrs: str) -> etree._Element:
    el = etree.Element(f"{R}{tag}", attrs)
    el.extend(children)
    return el


def att_define_name(cls: str, ident: str) -> str:
    return f"{cls}.attribute.{ident.replace(':', '')}"


def occurrences(node: etree._Element) -> tuple[int, int | None]:
    """``@minOccurs``/``@maxOccurs`` with ODD's defaults (1, 1); ``None`` is unbounded."""
    try:
        low = int(node.get("minOccurs", "1"))
        raw = node.get("maxOccurs", "1")
        high = None if raw == "unbounded" else int(raw)
    except ValueError:
        raise odd_error(
            node, f"{describe(node)}: @minOccurs/@maxOccurs must be integers or unbounded"
        ) from None
    if low < 0 or (high is not None and high < low):
        raise odd_error(node, f"{describe(node)}: @maxOccurs is less than @minOccurs")
    return low, high


def repeat(patterns: list[etree._Element], low: int, high: int | None) -> list[etree._Element]:
    """``patterns`` (an implicit group) repeated between ``low`` and ``high`` times."""
    if not patterns or high == 0:
        return []
    if (low, high) == (1, 1):
        return patterns

    def fresh() -> list[etree._Element]:
        return [copy.deepcopy(p) for p in patterns]

    out: list[etree._Element] = []
    if high is None:
        if low == 0:
            return [rng("zeroOrMore", *patterns)]
        for _ in range(low - 1):
            out.extend(fresh())
        out.append(rng("oneOrMore", *patterns))
        return out
    for _ in range(low):
        out.extend(fresh())
    for _ in range(high - low):
        out.append(rng("optional", *fresh()))
    return out


def value_pattern(text: str) -> etree._Element:
    value = rng("value")
    value.text = text
    return value


def _name_or_ns(node: etree._Element, item: str) -> str:
    """An ``anyElement/@except`` item: a namespace, or ``prefix:name`` as ``{ns}name``."""
    prefix, sep, local = item.partition(":")
    if sep and "/" not in item and prefix in (node.nsmap or {}) and local:
        return f"{{{node.nsmap[prefix]}}}{local}"
    return item


def _name_class(item: str) -> etree._Element:
    if item.startswith("{"):
        ns, local = item[1:].split("}", 1)
        n = rng("name", ns=ns)
        n.text = local
        return n
    return rng("nsName", ns=item)


def single(patterns: list[etree._Element]) -> etree._Element:
    return patterns[0] if len(patterns) == 1 else rng("group", *patterns)


class RngWriter:
    """Writes one grammar; keeps track of the class variants and any-element patterns used."""

    def __init__(self, custom: Customization) -> None:
        self.c = custom
        self.members: dict[str, list[tuple[str, str]]] = {}
        self._nonempty: dict[str, bool] = {}
        self.variants_needed: set[tuple[str, str]] = set()
        self.any_defines: dict[tuple[str, str], str] = {}
        self.any_nodes: list[tuple[str, etree._Element]] = []
        self.owner = ""
        self.external_names = custom.external_names
        self._model_members()

    # -- names -----------------------------------------------------------------------------

    def element_name(self, ident: str) -> str:
        spec = self.c.elements[ident]
        prefix = spec.prefix if spec.prefix is not None else self.c.prefix
        return f"{prefix}{ident}"

    def model_classes(self) -> list[ClassSpec]:
        return [
            c for c in self.c.ordered("classSpec") if isinstance(c, ClassSpec) and c.type == "model"
        ]

    def att_classes(self) -> list[ClassSpec]:
        return [
            c for c in self.c.ordered("classSpec") if isinstance(c, ClassSpec) and c.type == "atts"
        ]

    def is_model(self, key: str) -> bool:
        cls = self.c.classes.get(key)
        return cls is not None and cls.type == "model"

    def is_atts(self, key: str) -> bool:
        cls = self.c.classes.get(key)
        return cls is not None and cls.type == "atts"

    # -- model classes ---------------------------------------------------------------------

    def _model_members(self) -> None:
        holders: list[AttHolder] = [
            s
            for k in ("elementSpec", "classSpec")
            for s in self.c.ordered(k)
            if isinstance(s, AttHolder)
        ]
        holders.sort(key=lambda s: (s.order, s.ident))
        for spec in holders:
            if isinstance(spec, ClassSpec) and spec.type != "model":
                continue
            for key in spec.classes:
                if self.is_model(key):
                    self.members.setdefault(key, []).append((spec.kind, spec.ident))

    def nonempty(self, key: str, seen: frozenset[str] = frozenset()) -> bool:
        """Whether a model class has, directly or through subclasses, a selected element."""
        if key in self._nonempty:
            return self._nonempty[key]
        result = False
        for kind, ident in self.members.get(key, []):
            if kind == "elementSpec" or (ident not in seen and self.nonempty(ident, seen | {key})):
                result = True
                break
        if not seen:
            self._nonempty[key] = result
        return result

    def member_refs(self, key: str, variant: str | None) -> list[etree._Element]:
        refs: list[etree._Element] = []
        for kind, ident in self.members.get(key, []):
            if kind == "elementSpec":
                ref = rng("ref", name=self.element_name(ident))
                occurs = self.c.elements[ident].occurs.get(key)
                if occurs is None:
                    refs.append(ref)
                else:
                    # memberOf/@min/@max: the member comes that many times where the class does.
                    repeated = repeat([ref], *self.member_occurs(ident, occurs))
                    if repeated:
                        refs.append(single(repeated))
            elif self.nonempty(ident):
                if variant:
                    self.variants_needed.add((ident, variant))
                refs.append(rng("ref", name=f"{ident}_{variant}" if variant else ident))
        return refs

    def member_occurs(self, ident: str, occurs: tuple[str, str]) -> tuple[int, int | None]:
        spec = self.c.elements[ident]
        probe = etree.Element(f"{T}memberOf", minOccurs=occurs[0], maxOccurs=occurs[1])
        node = spec.node.find(f".//{T}memberOf") if spec.node is not None else None
        try:
            return occurrences(probe)
        except TeikitError:
            raise odd_error(
                node, f"memberOf: @min/@max of {ident} must be integers (max: or unbounded)"
            ) from None

    def class_elements(self, key: str, seen: frozenset[str] = frozenset()) -> list[str]:
        """The elements of a model class, through its subclasses, in member order."""
        out: list[str] = []
        for kind, ident in self.members.get(key, []):
            if kind == "elementSpec":
                out.append(ident)
            elif ident not in seen:
                out.extend(self.class_elements(ident, seen | {key}))
        return list(dict.fromkeys(out))

    def class_subset(
        self, node: etree._Element, key: str, expand: str | None
    ) -> list[etree._Element]:
        """``classRef`` with ``@include``/``@except``: only those members of the class."""
        include, exclude = node.get("include", "").split(), node.get("except", "").split()
        members = [
            e
            for e in self.class_elements(key)
            if (not include or e in include) and e not in exclude
        ]
        refs = [rng("ref", name=self.element_name(e)) for e in members]
        if not refs:
            return []
        if expand in (None, "alternation"):
            return [single([rng("choice", *refs)] if len(refs) > 1 else refs)]
        wrap = {
            "sequence": None,
            "sequenceOptional": "optional",
            "sequenceOptionalRepeatable": "zeroOrMore",
            "sequenceRepeatable": "oneOrMore",
        }[expand or "sequence"]
        return [single(refs if wrap is None else [rng(wrap, r) for r in refs])]

    def model_define(self, key: str, variant: str | None) -> etree._Element:
        name = f"{key}_{variant}" if variant else key
        if not self.nonempty(key):
            body = (
                rng("empty")
                if variant in ("sequenceOptional", "sequenceOptionalRepeatable")
                else rng("notAllowed")
            )
            return rng("define", body, name=name)
        refs = self.member_refs(key, variant if variant != "alternation" else None)
        if variant in (None, "alternation"):
            return rng("define", rng("choice", *refs), name=name)
        wrap = {
            "sequence": None,
            "sequenceOptional": "optional",
            "sequenceOptionalRepeatable": "zeroOrMore",
            "sequenceRepeatable": "oneOrMore",
        }[variant]
        if wrap is None:
            return rng("define", *refs, name=name)
        return rng("define", *[rng(wrap, r) for r in refs], name=name)

    # -- content models --------------------------------------------------------------------

    def content(self, node: etree._Element | None) -> list[etree._Element]:
        if node is None:
            return []
        out: list[etree._Element] = []
        for child in node:
            if isinstance(child.tag, str):
                out.extend(self.pattern(child))
            elif isinstance(child, etree._ProcessingInstruction) and child.target == "NameList":
                out.extend(self.name_list())
        return out

    def name_list(self) -> list[etree._Element]:
        """``<?NameList?>`` in content: any element of the schema (a Stylesheets convention
        that TEI's own exemplars use, e.g. for XInclude's ``fallback``)."""
        refs = [rng("ref", name=self.element_name(e)) for e in sorted(self.c.elements)]
        return [rng("choice", *refs)] if len(refs) > 1 else refs

    def pattern(self, node: etree._Element) -> list[etree._Element]:
        tag = node.tag
        assert isinstance(tag, str)
        if tag.startswith(R):
            copied = self.copy_rng(node)
            return [copied] if copied is not None else []
        if not tag.startswith(T):
            return []
        local = tag[len(T) :]
        if local == "elementRef":
            key = node.get("key", "")
            if key not in self.c.elements:
                return []
            return repeat([rng("ref", name=self.element_name(key))], *occurrences(node))
        if local == "classRef":
            key = node.get("key", "")
            if not self.is_model(key):
                return []
            expand = node.get("expand")
            if expand and expand not in VARIANTS:
                raise odd_error(node, f'{describe(node)}: unknown @expand "{expand}"')
            if node.get("include") is not None or node.get("except") is not None:
                return repeat(self.class_subset(node, key, expand), *occurrences(node))
            name = key
            if expand:
                name = f"{key}_{expand}"
                self.variants_needed.add((key, expand))
            return repeat([rng("ref", name=name)], *occurrences(node))
        if local == "macroRef":
            key = node.get("key", "")
            return [rng("ref", name=key)] if key in self.c.macros else []
        if local == "dataRef":
            return self.data_ref(node)
        if local == "textNode":
            return [rng("text")]
        if local == "empty":
            return [rng("empty")]
        if local == "anyElement":
            return repeat([rng("ref", name=self.any_element(node))], *occurrences(node))
        if local == "sequence":
            inner = self.content(node)
            if node.get("preserveOrder") == "false" and len(inner) > 1:
                # Members in any order (Guidelines 22.5.1): RELAX NG's interleave.
                inner = [rng("interleave", *inner)]
            return repeat(inner, *occurrences(node))
        if local == "alternate":
            alts = [
                single(p) for p in (self.pattern(c) for c in node if isinstance(c.tag, str)) if p
            ]
            if not alts:
                return []
            body = alts[0] if len(alts) == 1 else rng("choice", *alts)
            return repeat([body], *occurrences(node))
        if local == "valList":
            values = [value_pattern(v.get("ident", "")) for v in node.iterchildren(f"{T}valItem")]
            if not values:
                return []
            return [values[0] if len(values) == 1 else rng("choice", *values)]
        return []

    def data_ref(self, node: etree._Element) -> list[etree._Element]:
        key = node.get("key")
        if key is not None:
            return [rng("ref", name=key)] if key in self.c.datatypes else []
        name = node.get("name")
        if name is None and node.get("ref") is not None:
            self.c.report.warn(
                node,
                "unsupported-datatype",
                f'dataRef ref="{node.get("ref")}": only XML Schema datatypes (@name) and '
                "dataSpecs (@key) are known; any text is accepted",
            )
            return [rng("text")]
        if name is None:
            raise odd_error(node, f"{describe(node)}: needs @key or @name")
        data = rng("data", type=name)
        restriction = node.get("restriction")
        if restriction is not None:
            param = rng("param", name="pattern")
            param.text = restriction
            data.append(param)
        for facet in node.iterchildren(f"{T}dataFacet"):
            param = rng("param", name=facet.get("name", ""))
            param.text = facet.get("value", "")
            data.append(param)
        return [data]

    def any_element(self, node: etree._Element) -> str:
        require = " ".join(node.get("require", "").split())
        exclude = " ".join(node.get("except", "").split())
        key = (require, exclude)
        name = self.any_defines.get(key)
        if name is None:
            name = f"anyElement_{self.owner}_{len(self.any_defines) + 1}"
            self.any_defines[key] = name
            self.any_nodes.append((name, node))
        return name

    def any_define(self, name: str, node: etree._Element) -> etree._Element:
        require = node.get("require", "").split()
        exclude = [_name_or_ns(node, item) for item in node.get("except", "").split()]
        if not exclude and not require:
            exclude = self.c.default_exceptions or [self.c.ns, f"{{{EXAMPLES_NS}}}egXML"]
        if require:
            names = []
            for ns in require:
                within = [_name_class(e) for e in exclude if e.startswith(f"{{{ns}}}")]
                n = rng("nsName", ns=ns)
                if within:
                    n.append(rng("except", *within))
                names.append(n)
            name_class = names[0] if len(names) == 1 else rng("choice", *names)
        else:
            name_class = rng("anyName", rng("except", *[_name_class(e) for e in exclude]))
        return rng(
            "define",
            rng(
                "element",
                name_class,
                rng("zeroOrMore", rng("attribute", rng("anyName"))),
                rng("zeroOrMore", rng("choice", rng("text"), rng("ref", name=name))),
            ),
            name=name,
        )

    def unprefixed(self, name: str) -> str:
        """A reference written with ``schemaSpec/@prefix`` to a TEI pattern other than an
        element's (``tei_model.pLike``) names the pattern the writer calls ``model.pLike``."""
        prefix = self.c.prefix
        if prefix and name.startswith(prefix) and name not in self.external_names:
            bare = name[len(prefix) :]
            if bare in self.c.macros or bare in self.c.datatypes or bare in self.c.classes:
                return bare
            base, _, variant = bare.rpartition("_")
            if variant in VARIANTS and self.is_model(base):
                return bare
        return name

    def known_name(self, name: str) -> bool:
        if name in self.c.macros or name in self.c.datatypes or name in self.external_names:
            return True
        if name in self.c.classes:
            return True
        base, _, variant = name.rpartition("_")
        if variant in VARIANTS and self.is_model(base):
            self.variants_needed.add((base, variant))
            return True
        return any(self.element_name(e) == name for e in self.c.elements) or name in self.c.elements

    def copy_rng(self, node: etree._Element) -> etree._Element | None:
        """Copy embedded RELAX NG, pruning references to what the schema left out."""
        local = etree.QName(node).localname
        if local in ("ref", "parentRef"):
            name = self.unprefixed(node.get("name", ""))
            if not self.known_name(name):
                return None
            if name in self.c.elements and name not in self.external_names:
                name = self.element_name(name)
            return rng(local, name=name)
        out = etree.Element(node.tag, dict(node.attrib))
        out.text = node.text if node.text and node.text.strip() else None
        if local in ("value", "param"):
            out.text = node.text
        for child in node:
            if isinstance(child, etree._ProcessingInstruction) and child.target == "NameList":
                out.extend(self.name_list())
                continue
            if not isinstance(child.tag, str):
                continue
            if child.tag.startswith(R):
                c = self.copy_rng(child)
                if c is not None:
                    out.append(c)
            elif child.tag.startswith(T):
                out.extend(self.pattern(child))
        if local in _RNG_CONTAINERS and len(out) == 0:
            return None
        if (
            local in ("element", "attribute")
            and not [
                c
                for c in out
                if etree.QName(c).localname not in ("name", "anyName", "nsName", "choice")
            ]
            and local == "element"
        ):
            out.append(rng("empty"))
        return out

    # -- attributes ------------------------------------------------------------------------

    def attribute(self, att: AttDef) -> etree._Element:
        attr = rng("attribute", name=att.name)
        if att.ns:
            attr.set("ns", att.ns)
        attr.extend(self.att_value(att))
        if att.usage == "req":
            return attr
        return rng("optional", attr)

    def att_value(self, att: AttDef) -> list[etree._Element]:
        low: int = 1
        high: int | None = 1
        if att.datatype is not None:
            low, high = occurrences(att.datatype)
        base: list[etree._Element]
        if att.vallist is not None and att.vallist.type == "closed":
            values = [value_pattern(v) for v in att.vallist.values]
            base = [values[0] if len(values) == 1 else rng("choice", *values)] if values else []
        else:
            base = self.content(att.datatype)
        if not base:
            base = [rng("text")]
        if high == 1:
            # minOccurs="0": the value may also be empty (RELAX NG matches an empty
            # or blank attribute value against ``empty``). Written as a choice, not
            # ``optional``: the same pattern, but libxml2 accepts any value at all for an
            # ``optional`` inside an attribute.
            return [rng("choice", single(base), rng("empty"))] if low == 0 else base
        return [rng("list", *repeat([self.listable(single(base))], low, high))]

    def listable(self, pattern: etree._Element) -> etree._Element:
        """``pattern`` made fit for a ``list``: RELAX NG forbids ``text`` there (7.2), so it
        becomes one token, and a datatype reference that reaches ``text`` is inlined."""
        return self._listable(copy.deepcopy(pattern), frozenset())

    def _listable(self, pattern: etree._Element, seen: frozenset[str]) -> etree._Element:
        local = etree.QName(pattern).localname
        if local == "text":
            return rng("data", type="token")
        if local == "ref":
            name = pattern.get("name", "")
            spec = self.c.datatypes.get(name) or self.c.macros.get(name)
            if spec is None or name in seen or not self._reaches_text(name, frozenset()):
                return pattern
            body = self.content(spec.content) or [rng("empty")]
            return self._listable(single(body), seen | {name})
        for i, child in enumerate(list(pattern)):
            if isinstance(child.tag, str):
                pattern[i] = self._listable(child, seen)
        return pattern

    def _reaches_text(self, name: str, seen: frozenset[str]) -> bool:
        spec = self.c.datatypes.get(name) or self.c.macros.get(name)
        if spec is None or spec.content is None or name in seen:
            return False
        for node in spec.content.iter():
            if node.tag in (f"{R}text", f"{T}textNode"):
                return True
            key = node.get("key") if node.tag in (f"{T}dataRef", f"{T}macroRef") else None
            if node.tag == f"{R}ref":
                key = node.get("name")
            if key and self._reaches_text(key, seen | {name}):
                return True
        return False

    def holder_attributes(self, spec: AttHolder) -> list[etree._Element]:
        """References and inline patterns for the attributes of an element or class."""
        overridden = {a.ident for a in spec.attributes.values() if a.ref is None} | spec.removed
        out: list[etree._Element] = []
        for key in spec.classes:
            if self.is_atts(key):
                out.extend(self.class_refs(key, overridden, set()))
        grouped = {name for g in spec.choices for name in g}
        emitted: set[str] = set()
        for key, att in spec.attributes.items():
            if key in emitted:
                continue
            if key in grouped:
                group = next(g for g in spec.choices if key in g)
                alts = [
                    self.one_attribute(spec, spec.attributes[k])
                    for k in group
                    if k in spec.attributes
                ]
                emitted.update(group)
                parts = [a for a in alts if a is not None]
                if parts:
                    out.append(rng("choice", *parts) if len(parts) > 1 else parts[0])
                continue
            emitted.add(key)
            one = self.one_attribute(spec, att)
            if one is not None:
                out.append(one)
        return out

    def one_attribute(self, spec: AttHolder, att: AttDef) -> etree._Element | None:
        if att.ref is not None:
            cls, name = att.ref
            owner = self.c.classes.get(cls)
            if owner is None or name not in owner.attributes:
                return None
            return rng("ref", name=att_define_name(cls, name))
        if isinstance(spec, ClassSpec):
            return rng("ref", name=att_define_name(spec.ident, att.ident))
        return self.attribute(att)

    def all_attribute_names(self, key: str, seen: set[str]) -> set[str]:
        cls = self.c.classes.get(key)
        if cls is None or key in seen:
            return set()
        seen.add(key)
        names = {a.ident for a in cls.attributes.values()}
        for parent in cls.classes:
            if self.is_atts(parent):
                names |= self.all_attribute_names(parent, seen) - cls.removed
        return names

    def class_refs(self, key: str, overridden: set[str], seen: set[str]) -> list[etree._Element]:
        if key in seen:
            return []
        seen.add(key)
        if not overridden & self.all_attribute_names(key, set()):
            return [rng("ref", name=f"{key}.attributes")]
        cls = self.c.classes[key]
        out: list[etree._Element] = []
        for parent in cls.classes:
            if self.is_atts(parent):
                out.extend(self.class_refs(parent, overridden | cls.removed, seen))
        for att in cls.attributes.values():
            if att.ident not in overridden:
                one = self.one_attribute(cls, att)
                if one is not None:
                    out.append(one)
        return out

    def att_class_defines(self, cls: ClassSpec) -> list[etree._Element]:
        self.owner = cls.ident
        body = self.holder_attributes(cls)
        defines = [rng("define", *(body or [rng("empty")]), name=f"{cls.ident}.attributes")]
        for att in cls.attributes.values():
            if att.ref is None:
                defines.append(
                    rng("define", self.attribute(att), name=att_define_name(cls.ident, att.ident))
                )
        return defines

    # -- elements --------------------------------------------------------------------------

    def element_define(self, spec: ElementSpec) -> etree._Element:
        self.owner = spec.ident
        el = rng("element", name=spec.name)
        ns = spec.ns if spec.ns is not None else None
        if ns is not None and ns != self.c.ns:
            el.set("ns", ns)
        body = self.content(spec.content)
        el.extend(body or [rng("empty")])
        el.extend(self.holder_attributes(spec))
        return rng("define", el, name=self.element_name(spec.ident))

    # -- the grammar -----------------------------------------------------------------------

    def prefix_patterns(self, defines: list[etree._Element], others: list[etree._Element]) -> None:
        """``schemaSpec/@prefix`` on every TEI pattern, not only elements': classes,
        macros and datatypes too, as the Stylesheets name them (``tei_model.graphicLike``),
        so that an external module's names cannot clash and its overrides can extend
        TEI classes. Element patterns already carry their prefix (``elementSpec/@prefix``
        wins)."""
        prefix = self.c.prefix
        elements = {self.element_name(e) for e in self.c.elements}
        renamed = {d.get("name", "") for d in defines} - elements - self.external_names
        for root in [*defines, *others]:
            for node in root.iter(f"{R}define", f"{R}ref", f"{R}parentRef"):
                name = node.get("name", "")
                if name in renamed:
                    node.set("name", prefix + name)

    def grammar(self) -> etree._Element:
        nsmap: dict[str | None, str] = {None: RNG_NS, "tei": TEI_NS}
        grammar = etree.Element(
            f"{R}grammar",
            {"ns": self.c.ns, "datatypeLibrary": XSD_DATATYPES},
            nsmap=nsmap,
        )
        comment = etree.Comment(
            f" Schema {self.c.ident} compiled by teikit from ODD; source: "
            f"{self.c.source.version or 'TEI P5'} "
        )
        grammar.append(comment)
        defines: list[etree._Element] = []
        for spec in self.c.ordered("macroSpec") + self.c.ordered("dataSpec"):
            self.owner = spec.ident
            body = self.content(spec.content)
            defines.append(rng("define", *(body or [rng("empty")]), name=spec.ident))
        for cls in self.att_classes():
            defines.extend(self.att_class_defines(cls))
        for el in self.c.ordered("elementSpec"):
            assert isinstance(el, ElementSpec)
            defines.append(self.element_define(el))
        model: list[etree._Element] = []
        for cls in self.model_classes():
            model.append(self.model_define(cls.ident, None))
        done: set[tuple[str, str]] = set()
        while self.variants_needed - done:
            for key, variant in sorted(self.variants_needed - done):
                done.add((key, variant))
                model.append(self.model_define(key, variant))
        any_defs = [self.any_define(name, node) for name, node in self.any_nodes]
        start = [
            rng("ref", name=s if s in self.external_names else self.element_name(s))
            for s in self.c.start
        ]
        grammar.append(rng("start", start[0] if len(start) == 1 else rng("choice", *start)))
        tei_part = sorted(_iter_all(defines, model, any_defs), key=_define_key)
        overrides: list[etree._Element] = []
        for module in self.c.external:
            for override in module.overrides:
                self.owner = override.get("name", "")
                written = self.copy_rng(override)
                if written is not None and len(written):
                    overrides.append(written)
        if self.c.prefix:
            self.prefix_patterns(tei_part, [grammar[-1], *overrides])
        grammar.extend(tei_part)
        for module in self.c.external:
            grammar.append(etree.Comment(f" moduleRef url={module.node.get('url')} "))
            grammar.extend(copy.deepcopy(module.body))
        grammar.extend(overrides)
        return grammar


def _iter_all(*groups: Iterable[etree._Element]) -> Iterable[etree._Element]:
    for g in groups:
        yield from g


def _define_key(d: etree._Element) -> str:
    return d.get("name", "")


def build_rng(custom: Customization) -> etree._ElementTree:
    """The RELAX NG grammar of a customization."""
    root = RngWriter(custom).grammar()
    _indent(root)
    return etree.ElementTree(root)


def _indent(root: etree._Element) -> None:
    etree.indent(root, space="  ")
