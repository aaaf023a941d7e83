"""Running a compiled schema over one document.

Per pattern, each rule's context is selected once over the whole document
(the same context selected by many patterns is selected once), and each node
goes to the first rule of the pattern that matches it, as the ISO skeleton's
template priorities decide. Tests run on lxml when their expression and the
variables it reads allow it, else on elementpath, whose node tree of the
document is built only if some expression needs it.
"""

from __future__ import annotations

import copy
import math
from pathlib import Path
from typing import Any

from lxml import etree

from teikit.errors import TeikitError
from teikit.schematron import screen
from teikit.schematron.compiler import (
    XPATH1_BINDINGS,
    Check,
    CompiledSchematron,
    Let,
    MessagePart,
    NamePart,
    Needs,
    Pattern,
    Query,
    Rule,
)
from teikit.schematron.location import AttrRef, Item, line_of, location_of
from teikit.schematron.results import (
    ActivePattern,
    FiredRule,
    SchematronReport,
    SchematronResult,
)
from teikit.schematron.xpath import CURRENT_VAR

#: Context nodes per set-at-a-time call (see :meth:`_Run.set_filter`).
_SLICE = 128


class _NoLxmlError(Exception):
    """A variable's value cannot be handed to libxml2; elementpath answers instead."""


class _Env:
    """Variables visible at one context item, evaluated lazily, per engine."""

    __slots__ = ("ep_values", "item", "lets", "lx_values", "parent", "run")

    def __init__(self, run: _Run, item: Item, lets: list[Let], parent: _Env | None) -> None:
        self.run = run
        self.item = item
        self.lets = {let.name: let for let in lets}
        self.parent = parent
        self.lx_values: dict[str, Any] = {}
        self.ep_values: dict[str, Any] = {}

    def _owner(self, name: str) -> _Env:
        env: _Env | None = self
        while env is not None:
            if name in env.lets:
                return env
            env = env.parent
        raise KeyError(name)  # the compiler has checked every variable

    def lx(self, name: str, current: Item) -> Any:
        if name == CURRENT_VAR:
            if isinstance(current, AttrRef):
                raise _NoLxmlError
            return current
        env = self._owner(name)
        if name not in env.lx_values:
            query = env.lets[name].query
            if not query.use_lx or isinstance(env.item, AttrRef):
                raise _NoLxmlError
            value = env.run.lx_eval(query, env.item, env)
            if isinstance(value, list) and not all(isinstance(v, etree._Element) for v in value):
                value = _NoLxmlError
            env.lx_values[name] = value
        value = env.lx_values[name]
        if value is _NoLxmlError:
            raise _NoLxmlError
        return value

    def ep(self, name: str, current: Item) -> Any:
        if name == CURRENT_VAR:
            return self.run.ep_node(current)
        env = self._owner(name)
        if name not in env.ep_values:
            env.ep_values[name] = env.run.ep_eval(env.lets[name].query, env.item, env)
        return env.ep_values[name]


def _lx_bool(value: Any) -> bool:
    if isinstance(value, float):
        return value != 0 and not math.isnan(value)
    return bool(value)


def _format_number(value: float) -> str:
    if math.isnan(value):
        return "NaN"
    if math.isinf(value):
        return "Infinity" if value > 0 else "-Infinity"
    return str(int(value)) if value == int(value) else repr(value)


class _Run:
    """One document under one schema."""

    def __init__(
        self,
        schema: CompiledSchematron,
        tree: etree._ElementTree,
        keep_fired: bool,
        set_at_a_time: bool = True,
    ) -> None:
        self.schema = schema
        self.tree = tree
        self.keep_fired = keep_fired
        url = tree.docinfo.URL
        self.document = url
        self._ep_root: Any = None
        self._ep_base: Any = None
        self._selected: dict[tuple[str, str], list[Item]] = {}
        self._indexes: (
            tuple[dict[str, list[etree._Element]], dict[str, list[etree._Element]]] | None
        ) = None
        self.counts = {"lxml": 0, "elementpath": 0, "lxml-set": 0}
        #: Location paths of the elements results named so far (see :func:`location_of`)
        self.locations: dict[etree._Element, str] = {}
        self.set_at_a_time = set_at_a_time
        self.xpath1 = schema.binding in XPATH1_BINDINGS

    @property
    def uri(self) -> str | None:
        """The document's URI for elementpath (resolving the path costs a system call,
        so only a run that needs elementpath pays it)."""
        url = self.document
        return Path(url).resolve().as_uri() if url and "://" not in url else url

    # -- elementpath side -------------------------------------------------

    def ep_context(self) -> Any:
        if self._ep_base is None:
            import elementpath  # only when some expression needs XPath 2 (see compiler)

            tree: Any = self.tree
            self._ep_root = elementpath.get_node_tree(tree, uri=self.uri)
            documents: Any = dict(self.schema.documents) or None
            self._ep_base = elementpath.XPathContext(
                self._ep_root,
                namespaces=self.schema.namespaces,
                uri=self.uri,
                documents=documents,
            )
        return self._ep_base

    def ep_node(self, item: Item) -> Any:
        self.ep_context()
        if isinstance(item, etree._ElementTree):
            return self._ep_root
        if isinstance(item, AttrRef):
            elem = self._ep_root.elements[item.parent]
            for attr in elem.attributes:
                if attr.name == item.name:
                    return attr
            raise KeyError(item.name)
        return self._ep_root.elements[item]

    def ep_eval(self, query: Query, item: Item, env: _Env) -> Any:
        import elementpath

        token = query.ep_form()
        ctx = copy.copy(self.ep_context())
        ctx.item = self.ep_node(item)
        ctx.variables = {name: env.ep(name, item) for name in query.variables}
        self.counts["elementpath"] += 1
        try:
            return token.evaluate(ctx)
        except elementpath.ElementPathError as exc:
            raise self._dynamic_error(query, item, exc) from None

    def _dynamic_error(self, query: Query, item: Item, exc: Exception) -> TeikitError:
        doc = f"{self.document or '<document>'}:{line_of(item)}"
        return TeikitError(
            f"cannot evaluate {query.source!r} on {doc} ({location_of(item)}): {exc}",
            query.where,
        )

    # -- lxml side --------------------------------------------------------

    def lx_eval(self, query: Query, item: Item, env: _Env) -> Any:
        kwargs = {name: env.lx(name, item) for name in query.variables}
        self.counts["lxml"] += 1
        try:
            return query.lx(item, **kwargs)
        except etree.XPathError as exc:
            raise self._dynamic_error(query, item, exc) from None

    # -- both -------------------------------------------------------------

    def boolean(self, query: Query, item: Item, env: _Env) -> bool:
        if query.use_lx and not isinstance(item, AttrRef):
            try:
                return _lx_bool(self.lx_eval(query, item, env))
            except _NoLxmlError:
                pass
        import elementpath

        value = self.ep_eval(query, item, env)
        try:
            return bool(query.ep_form().boolean_value(value))
        except elementpath.ElementPathError as exc:
            raise self._dynamic_error(query, item, exc) from None

    def string(self, query: Query, item: Item, env: _Env) -> str:
        if query.use_lx and not isinstance(item, AttrRef):
            try:
                return self._lx_string(self.lx_eval(query, item, env))
            except _NoLxmlError:
                pass
        value = self.ep_eval(query, item, env)
        values = value if isinstance(value, list) else [value]
        if self.xpath1:
            values = values[:1]
        return " ".join(_ep_string(v) for v in values if v is not None)

    def _lx_string(self, value: Any) -> str:
        if isinstance(value, bool):
            return "true" if value else "false"
        if isinstance(value, float):
            return _format_number(value)
        if isinstance(value, list):
            strings = [v if isinstance(v, str) else _lx_node_string(v) for v in value]
            return strings[0] if self.xpath1 and strings else " ".join(strings)
        return str(value)

    def name_of(self, query: Query | None, item: Item, env: _Env) -> str:
        if query is None:
            return _item_name(item)
        if query.use_lx and not isinstance(item, AttrRef):
            try:
                value = self.lx_eval(query, item, env)
                if isinstance(value, list):
                    return _item_name(value[0]) if value else ""
                return str(value)
            except _NoLxmlError:
                pass
        from elementpath.xpath_nodes import AttributeNode

        value = self.ep_eval(query, item, env)
        first = value[0] if isinstance(value, list) and value else value
        if isinstance(first, AttributeNode) and first.parent is not None:
            parent: Any = first.parent
            return _item_name(AttrRef(parent.value, str(first.name)))
        if isinstance(getattr(first, "value", None), etree._Element):
            return _item_name(first.value)
        return "" if first is None or first == [] else _ep_string(first)

    def has_any(self, names: tuple[str, ...]) -> bool:
        """Whether an element with one of these names exists (the index has every rule's names)."""
        by_tag = self.indexes()[1]
        for name in names:
            found = by_tag.get(name)
            if found is None:
                root = self.tree.getroot()
                found = [] if root is None else list(root.iter(name))
                by_tag[name] = found
            if found:
                return True
        return False

    def satisfies(self, needs: Needs) -> bool:
        """Whether the document has a name of each group (all are in the index)."""
        by_attr, by_tag = self.indexes()
        for group in needs:
            for name in group:
                if by_attr.get(name[1:]) if name.startswith("@") else by_tag.get(name):
                    break
            else:
                return False
        return True

    def rule_nodes(self, rule: Rule, env: _Env) -> list[Item]:
        if rule.names is not None and not self.has_any(rule.names):
            return []
        if (
            self.set_at_a_time
            and rule.needs is not None
            and not any(self.satisfies(alt) for alt in rule.needs)
        ):
            return []
        if rule.index is not None:
            key = (f"index:{rule.index}", rule.index_filter.text if rule.index_filter else "")
            cached = self._selected.get(key)
            if cached is None:
                elements = self.indexed(*rule.index)
                test = rule.index_filter
                items: list[Item]
                if test is None:
                    items = list(elements)
                elif rule.set_filter is not None and self.set_at_a_time:
                    items = list(self.set_filter(rule.set_filter, elements))
                else:
                    items = [item for item in elements if self.boolean(test, item, env)]
                cached = items
                if test is None or not test.variables:
                    self._selected[key] = cached
            return cached
        return self.select(rule.select, env, rule.node_filter)

    def indexed(self, kind: str, names: tuple[str, ...]) -> list[etree._Element]:
        """The elements with one of these names (or this attribute), in document order."""
        by_attr, by_tag = self.indexes()
        if kind == "attr":
            return by_attr.get(names[0], [])
        present = [name for name in names if by_tag.get(name)]
        if len(present) <= 1:
            return by_tag.get(present[0], []) if present else []
        # Interleaved in document order: one more walk, in libxml2, over the few names.
        root = self.tree.getroot()
        return [] if root is None else list(root.iter(*present))

    def set_filter(self, query: Any, elements: list[etree._Element]) -> list[etree._Element]:
        """The elements ``$nodes[test]`` keeps, in document order, in few libxml2 calls.

        lxml hands a list to libxml2 through a node-set that refuses duplicates by
        scanning it, so a long list costs quadratic time: it goes in slices.
        """
        if not elements:
            return []
        self.counts["lxml-set"] += 1
        if len(elements) <= _SLICE:
            return query(self.tree, teikit_nodes=elements)  # type: ignore[no-any-return]
        out: list[etree._Element] = []
        for start in range(0, len(elements), _SLICE):
            out.extend(query(self.tree, teikit_nodes=elements[start : start + _SLICE]))
        return out

    def indexes(self) -> tuple[dict[str, list[etree._Element]], dict[str, list[etree._Element]]]:
        """The elements carrying the schema's indexed attribute and element names (one walk)."""
        if self._indexes is None:
            by_attr: dict[str, list[etree._Element]] = {a: [] for a in self.schema.index_attrs}
            by_tag: dict[str, list[etree._Element]] = {t: [] for t in self.schema.index_tags}
            root = self.tree.getroot()
            if root is not None and by_attr:
                tag_get = by_tag.get
                attr_get = by_attr.get
                for el in root.iter(etree.Element):
                    found = tag_get(el.tag)  # type: ignore[arg-type]
                    if found is not None:
                        found.append(el)
                    for name in el.keys():  # noqa: SIM118 (iterating an element gives children)
                        found = attr_get(name)
                        if found is not None:
                            found.append(el)
            elif root is not None and by_tag:
                # Only names: libxml2 compares interned names, Python sees only matches.
                for el in root.iter(*by_tag):
                    by_tag[el.tag].append(el)  # type: ignore[index]
            self._indexes = (by_attr, by_tag)
        return self._indexes

    def select(self, query: Query, env: _Env, node_filter: Query | None = None) -> list[Item]:
        """Nodes a rule context selects, in document order; cached per document."""
        key = (query.text, node_filter.text if node_filter is not None else "")
        cacheable = not query.variables and (node_filter is None or not node_filter.variables)
        cached = self._selected.get(key) if cacheable else None
        if cached is not None:
            return cached
        items = self._select_all(query, env)
        if node_filter is not None:
            items = [item for item in items if self.boolean(node_filter, item, env)]
        if cacheable:
            self._selected[key] = items
        return items

    def _select_all(self, query: Query, env: _Env) -> list[Item]:
        items: list[Item] = []
        if query.use_lx:
            try:
                for node in self.lx_eval(query, self.tree, env):
                    if isinstance(node, etree._Element):
                        items.append(node)
                    elif getattr(node, "is_attribute", False):
                        items.append(AttrRef(node.getparent(), node.attrname))
                return items
            except _NoLxmlError:
                items = []
        from elementpath.xpath_nodes import AttributeNode, DocumentNode

        value = self.ep_eval(query, self.tree, env)
        for node in value if isinstance(value, list) else [value]:
            if isinstance(node, DocumentNode):
                items.append(self.tree)
            elif isinstance(node, AttributeNode):
                parent: Any = node.parent
                items.append(AttrRef(parent.value, str(node.name)))
            elif isinstance(getattr(node, "value", None), etree._Element):
                items.append(node.value)
        return items


def _lx_node_string(node: Any) -> str:
    if isinstance(node, etree._Element):
        return "".join(node.itertext()) if isinstance(node.tag, str) else (node.text or "")
    return str(node)


def _ep_string(value: Any) -> str:
    if hasattr(value, "string_value"):
        return str(value.string_value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return _format_number(value)
    return str(value)


def _item_name(item: Any) -> str:
    if isinstance(item, AttrRef):
        parent_map = item.parent.nsmap
        qn = etree.QName(item.name)
        for prefix, uri in parent_map.items():
            if uri == qn.namespace and prefix:
                return f"{prefix}:{qn.localname}"
        return (
            "xml:" + qn.localname if qn.namespace == etree.QName("{x}y").namespace else qn.localname
        )
    if isinstance(item, etree._Element) and isinstance(item.tag, str):
        qn = etree.QName(item)
        if item.prefix:
            return f"{item.prefix}:{qn.localname}"
        return qn.localname
    return ""


def _message(run: _Run, parts: list[MessagePart], item: Item, env: _Env) -> str:
    out = []
    for part in parts:
        if isinstance(part, str):
            out.append(part)
        elif isinstance(part, NamePart):
            out.append(run.name_of(part.query, item, env))
        else:
            out.append(run.string(part.query, item, env))
    return " ".join("".join(out).split())


def run_schema(
    schema: CompiledSchematron,
    tree: etree._ElementTree,
    *,
    keep_fired: bool = False,
    set_at_a_time: bool = True,
    only: frozenset[int] | None = None,
) -> tuple[SchematronReport, dict[str, int]]:
    """Validate one parsed document; returns the report and how many evaluations each engine did.

    ``only`` runs just the patterns at these positions (the others are known to
    fire nothing: see :mod:`teikit.schematron.xslt_screen`); the report then
    counts the rule firings of those patterns only.

    With ``set_at_a_time`` (the default) a rule whose checks depend on the context
    node alone is first evaluated over all its context elements in one libxml2
    call, and only the elements where a check fires are visited one by one (for
    the messages); without it every context node is visited. Both give the same
    results; the slow way is kept as the reference the fast way is tested against.
    """
    run = _Run(schema, tree, keep_fired, set_at_a_time)
    root_env = _Env(run, tree, schema.lets, None)
    results: list[SchematronResult] = []
    events: list[ActivePattern | FiredRule | SchematronResult] = []
    active: list[ActivePattern] = []
    fired_count = 0
    quiet: frozenset[int] = frozenset()
    if only is not None:
        quiet = frozenset(p.position for p in schema.patterns if p.position not in only)
    elif set_at_a_time and not keep_fired:
        quiet, fired_count = _quiet_positions(run)
    for pattern, triggers in schema.pattern_triggers():
        ap = ActivePattern(pattern.position, pattern.id, pattern.name)
        active.append(ap)
        if keep_fired:
            events.append(ap)
        elif pattern.position in quiet or (
            set_at_a_time and triggers is not None and not any(map(run.satisfies, triggers))
        ):
            continue
        penv = _Env(run, tree, pattern.lets, root_env)
        firings = _firings(run, pattern, penv)
        fired_count += len(firings)
        for rule, item, check_it in _visits(run, firings, keep_fired):
            if keep_fired:
                events.append(
                    FiredRule(pattern.position, rule.context, rule.id, rule.role, location_of(item))
                )
            if not check_it or not rule.checks:
                continue
            renv = _Env(run, item, rule.lets, penv)
            for check in rule.checks:
                hit = run.boolean(check.query, item, renv)
                if hit != (check.kind == "report"):
                    continue
                result = _result(run, pattern, rule, check, item, renv)
                results.append(result)
                if keep_fired:
                    events.append(result)
    report = SchematronReport(
        document=run.document,
        results=tuple(results),
        active_patterns=tuple(active),
        fired_rule_count=fired_count,
        events=tuple(events),
        phase=schema.phase,
        title=schema.title,
        namespaces=tuple(schema.namespaces.items()),
    )
    return report, run.counts


def _quiet_positions(run: _Run) -> tuple[frozenset[int], int]:
    """Positions of the patterns that the schema's screen shows fire no check here, and
    how many rule firings (context nodes) they account for."""
    schema = run.schema
    if schema._screen is None:
        schema._screen = screen.build(schema) or False
    scr = schema._screen
    if scr is False:
        return frozenset(), 0
    candidates = [run.indexed(*rule.index) for rule in scr.rules]
    if any(len(nodes) > _SLICE for nodes in candidates):
        return frozenset(), 0  # long node lists go to libxml2 in slices, pattern by pattern
    fired = screen.quiet(scr, run.tree, candidates)
    return (frozenset(), 0) if fired is None else (scr.positions, fired)


class _Firings:
    """The nodes a pattern's rules fire on, in document order: one rule, or a node per rule."""

    __slots__ = ("all_elements", "items", "pairs", "rule")

    def __init__(
        self,
        rule: Rule | None = None,
        items: list[Item] | None = None,
        pairs: list[tuple[Rule, Item]] | None = None,
        *,
        all_elements: bool = False,
    ) -> None:
        self.rule = rule
        self.items = items or []
        self.pairs = pairs or []
        #: Whether every item is an element (index candidates), so none needs a visit.
        self.all_elements = all_elements

    def __len__(self) -> int:
        return len(self.items) + len(self.pairs)


def _visits(run: _Run, firings: _Firings, keep_fired: bool) -> list[tuple[Rule, Item, bool]]:
    """The firings to visit one by one, and whether their checks must run there.

    A rule with a set test is asked once, for all its context elements, where a
    check fires; the others are left out (or, when SVRL needs every firing, kept
    with their checks marked as already done).
    """
    if firings.rule is not None:
        rule = firings.rule
        items = firings.items
        if not run.set_at_a_time or rule.set_test is None or not rule.checks:
            return [(rule, item, True) for item in items] if rule.checks or keep_fired else []
        if not _may_fire(run, rule):
            return [(rule, item, False) for item in items] if keep_fired else []
        if not keep_fired and firings.all_elements:
            # The hits come back in document order, as the index lists them.
            return [(rule, item, True) for item in _set_hit_list(run, rule, items)]
        hits = _set_hits(run, rule, items)
        if not keep_fired:
            return [(rule, item, True) for item in items if item in hits or _unset(item)]
        return [(rule, item, item in hits or _unset(item)) for item in items]
    return _visits_of_pairs(run, firings.pairs, keep_fired)


def _visits_of_pairs(
    run: _Run, pairs: list[tuple[Rule, Item]], keep_fired: bool
) -> list[tuple[Rule, Item, bool]]:
    """:func:`_visits` for a pattern of several rules, each node already given its rule."""
    if not run.set_at_a_time:
        return [(rule, item, True) for rule, item in pairs]
    by_rule: dict[int, list[Item]] = {}
    rules: dict[int, Rule] = {}
    for rule, item in pairs:
        if rule.set_test is not None and _may_fire(run, rule):
            by_rule.setdefault(id(rule), []).append(item)
            rules[id(rule)] = rule
    hits: set[Any] = set()
    for key, items in by_rule.items():
        hits.update(_set_hits(run, rules[key], items))
    out = []
    for rule, item in pairs:
        if rule.set_test is None or item in hits or _unset(item):
            out.append((rule, item, True))
        elif keep_fired:
            out.append((rule, item, False))
    return out


def _may_fire(run: _Run, rule: Rule) -> bool:
    """Whether some check can fire: not if each needs a name the document lacks."""
    return any(c.needs is None or run.satisfies(c.needs) for c in rule.checks)


def _unset(item: Item) -> bool:
    """Items libxml2 cannot take in a node list (attributes, the document): visited always."""
    return not isinstance(item, etree._Element)


def _set_hit_list(run: _Run, rule: Rule, elements: list[Any]) -> list[etree._Element]:
    try:
        return run.set_filter(rule.set_test, elements)
    except etree.XPathError:
        # Visit every node: the per-node evaluation reports the error at its node.
        return elements


def _set_hits(run: _Run, rule: Rule, items: list[Item]) -> set[Any]:
    return set(_set_hit_list(run, rule, [i for i in items if isinstance(i, etree._Element)]))


def _firings(run: _Run, pattern: Pattern, env: _Env) -> _Firings:
    """Each node matched by a rule of the pattern, with the first rule that matches it."""
    if len(pattern.rules) == 1:
        rule = pattern.rules[0]
        items = run.rule_nodes(rule, env) if rule.has_nodes else []
        if rule.matches_document:
            items = [run.tree, *items]
            return _Firings(rule, items)
        return _Firings(rule, items, all_elements=rule.index is not None)
    first: dict[Any, Rule] = {}
    doc_rule: Rule | None = None
    for rule in pattern.rules:
        if rule.matches_document and doc_rule is None:
            doc_rule = rule
        if not rule.has_nodes:
            continue
        for item in run.rule_nodes(rule, env):
            first.setdefault(_key(item), rule)
    ordered = run.select(pattern.union, env) if pattern.union is not None and first else []
    out: list[tuple[Rule, Item]] = [(doc_rule, run.tree)] if doc_rule is not None else []
    for item in ordered:
        match = first.get(_key(item))
        if match is not None:
            out.append((match, item))
    return _Firings(pairs=out)


def _key(item: Item) -> Any:
    return (item.parent, item.name) if isinstance(item, AttrRef) else item


def _result(
    run: _Run, pattern: Pattern, rule: Rule, check: Check, item: Item, env: _Env
) -> SchematronResult:
    return SchematronResult(
        kind=check.kind,
        id=check.id,
        role=check.role,
        severity=check.severity,
        message=_message(run, check.message, item, env),
        location=location_of(item, run.locations),
        line=line_of(item),
        test=check.query.source,
        pattern=pattern.id,
        pattern_position=pattern.position,
        rule_context=rule.context,
        flag=check.flag,
        document=run.document,
        diagnostics=tuple(_message(run, d, item, env) for d in check.diagnostics),
        properties=tuple(_message(run, p, item, env) for p in check.properties),
        element=item.parent if isinstance(item, AttrRef) else _element_or_none(item),
    )


def _element_or_none(item: Item) -> etree._Element | None:
    """The element a result names: a comment's or processing instruction's is its parent."""
    if not isinstance(item, etree._Element):
        return None
    return item if isinstance(item.tag, str) else item.getparent()
