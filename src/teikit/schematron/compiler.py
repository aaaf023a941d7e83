"""Compiling an expanded schema: every expression parsed once, errors found before any document.

A schema with a bad expression, an unknown function or an undefined variable
is refused here with the schema file:line of the offending element, so a
validation run never stops half-way on an engine error.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from lxml import etree

from teikit._version import __version__
from teikit.errors import SourceLocation, TeikitError
from teikit.schematron.loader import S, confined, local_path, where
from teikit.schematron.results import Severity, severity_of
from teikit.schematron.xpath import (
    CURRENT_VAR,
    PatternSplit,
    analyse,
    attribute_owner,
    compile_lxml,
    compile_set_filter,
    context_to_select,
    firing_names,
    required_attribute,
    split_pattern,
    split_union,
)
from teikit.xmlio import XML_NS, parse_file, write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Functions whose value depends on the context position or size, which differ
#: between a per-node call and a predicate over many nodes.
_POSITIONAL = frozenset({"position", "last"})

#: Query bindings whose expressions are XPath 2 or later.
XPATH2_BINDINGS = frozenset({"xslt2", "xpath2", "xslt3", "xpath3", "xpath31"})
XPATH1_BINDINGS = frozenset({"xslt", "xpath", "exslt"})


class XPath2Parser:
    """elementpath's parser for one binding, built (and elementpath imported) on first use.

    Importing elementpath costs about half a second, more than a pre-commit run of
    a small file takes otherwise; most schemas' expressions run on libxml2, and
    an XPath 2 one matters only when a document reaches it.
    """

    __slots__ = ("_parser", "binding", "namespaces")

    def __init__(self, binding: str, namespaces: dict[str, str]) -> None:
        self.binding = binding
        self.namespaces = namespaces
        self._parser: Any = None

    def parse(self, text: str) -> Any:
        """elementpath's compiled form; raises what elementpath raises on a bad expression."""
        if self._parser is None:
            import elementpath

            if self.binding in XPATH1_BINDINGS:
                # XPath 2 in XPath 1.0 compatibility mode: XPath 1 comparisons and
                # conversions, and room for XSLT's functions.
                parser: Any = elementpath.XPath2Parser(
                    namespaces=self.namespaces, compatibility_mode=True
                )
            elif self.binding in ("xslt3", "xpath3", "xpath31"):
                from elementpath.xpath3 import XPath31Parser

                parser = _without_io(XPath31Parser)(namespaces=self.namespaces)
            else:
                parser = _without_io(elementpath.XPath2Parser)(namespaces=self.namespaces)
            _register_xslt_functions(parser)
            self._parser = parser
        return self._parser.parse(text)


#: XPath functions that read files, URLs or the environment: a schema is not allowed
#: to reach outside the document (``doc()`` is served by teikit's own loader).
UNSAFE_FUNCTIONS = frozenset(
    {
        "unparsed-text",
        "unparsed-text-lines",
        "unparsed-text-available",
        "json-doc",
        "collection",
        "uri-collection",
        "environment-variable",
        "available-environment-variables",
        "doc-available",
        "load-xquery-module",
        "transform",
    }
)
_SAFE_PARSERS: dict[type, type] = {}


def _without_io(base: Any) -> Any:
    """A subclass of an elementpath parser whose symbol table lacks :data:`UNSAFE_FUNCTIONS`."""
    if base not in _SAFE_PARSERS:
        table = {k: v for k, v in base.symbol_table.items() if k not in UNSAFE_FUNCTIONS}
        _SAFE_PARSERS[base] = type(f"Safe{base.__name__}", (base,), {"symbol_table": table})
    return _SAFE_PARSERS[base]


def parse_errors() -> tuple[type[Exception], ...]:
    """What elementpath's parser raises on an expression it refuses."""
    import elementpath

    return (elementpath.ElementPathError, ValueError, TypeError, KeyError, AttributeError)


@dataclass(slots=True)
class Query:
    """One expression: its text as written, and its lxml and elementpath forms.

    ``use_lx`` says the lxml form may answer when the context item is an element
    or the document (libxml2 cannot take an attribute as context item). The
    elementpath form is compiled on first use (see :meth:`ep_form`).
    """

    source: str
    where: SourceLocation
    variables: tuple[str, ...]
    lx: Any
    ep: Any
    use_lx: bool
    text: str = ""
    #: Whether libxml2 answers and the value depends on the context node alone (no
    #: variable, ``current()``, ``position()`` or ``last()``), so the expression can
    #: be evaluated for many context nodes at once, as a predicate.
    node_only: bool = False
    parser: XPath2Parser | None = None

    def ep_form(self) -> Any:
        """The elementpath form, compiled now if the schema compiler left it for later."""
        if self.ep is None:
            assert self.parser is not None
            try:
                self.ep = self.parser.parse(self.text)
            except parse_errors() as exc:
                raise TeikitError(f"bad XPath {self.source!r}: {exc}", self.where) from None
        return self.ep


@dataclass(slots=True)
class Let:
    name: str
    query: Query


@dataclass(slots=True)
class NamePart:
    query: Query | None


@dataclass(slots=True)
class ValueOf:
    query: Query


MessagePart = str | NamePart | ValueOf

#: Names (Clark; ``@``-prefixed for attributes) a document must have, one of each group.
Needs = tuple[tuple[str, ...], ...]


@dataclass(slots=True)
class Check:
    kind: Literal["assert", "report"]
    query: Query
    id: str | None
    role: str | None
    flag: str | None
    severity: Severity
    message: list[MessagePart]
    diagnostics: list[list[MessagePart]]
    properties: list[list[MessagePart]]
    #: Names the check needs in a document to fire (see :data:`Needs`); None if unknown.
    needs: Needs | None = None


@dataclass(slots=True)
class Rule:
    context: str
    select: Query
    id: str | None
    role: str | None
    flag: str | None
    lets: list[Let]
    checks: list[Check]
    matches_document: bool
    #: Whether the context selects nodes other than the document node.
    has_nodes: bool
    #: When set, ``select`` gives candidates and this test keeps those that match.
    node_filter: Query | None = None
    #: Element names (Clark) one of which a node must have to match; None if any may.
    names: tuple[str, ...] | None = None
    #: ("attr", (name,)) or ("tag", (name, …)): take candidates from the document's
    #: index by attribute or element names, then keep those ``index_filter`` accepts.
    index: tuple[str, tuple[str, ...]] | None = None
    index_filter: Query | None = None
    #: ``$nodes[not(assert) or boolean(report) …]``: the context elements on which
    #: some check fires, for a list of them in one libxml2 call (None if a check
    #: needs per-node evaluation).
    set_test: Any = None
    #: ``$nodes[index_filter]``, the same for the index candidates.
    set_filter: Any = None
    #: One :data:`Needs` per alternative of the context: the rule can match a node
    #: only in a document that satisfies one of them (None if unknown).
    needs: tuple[Needs, ...] | None = None


@dataclass(slots=True)
class Pattern:
    position: int
    id: str | None
    name: str | None
    lets: list[Let]
    rules: list[Rule]
    union: Query | None = None

    @property
    def triggers(self) -> tuple[Needs, ...] | None:
        """Every context alternative of every rule, when all are known: a document that
        satisfies none of them cannot fire the pattern, which is then skipped whole.

        Most patterns of a TEI schema never fire on a given document; their per-pattern
        bookkeeping, not XPath, was most of the cost of a small document.
        """
        out: list[Needs] = []
        for rule in self.rules:
            if rule.matches_document or rule.needs is None:
                return None
            if rule.has_nodes:
                out.extend(rule.needs)
        return tuple(out)


@dataclass(slots=True)
class CompiledSchematron:
    """A Schematron schema compiled for the engine (not :class:`teikit.odd.CompiledSchema`,
    which is an ODD compiled to RELAX NG, Schematron and XSD)."""

    name: str
    title: str | None
    binding: str
    namespaces: dict[str, str]
    lets: list[Let]
    patterns: list[Pattern]
    phase: str
    documents: dict[str, etree._ElementTree] = field(default_factory=dict)
    stats: dict[str, int] = field(default_factory=dict)
    #: Element names (Clark) and attribute names the rules look up in a document's
    #: name index, so one walk collects exactly those.
    index_tags: frozenset[str] = frozenset()
    index_attrs: frozenset[str] = frozenset()
    _triggers: list[tuple[Pattern, tuple[Needs, ...] | None]] | None = None
    #: The union query of :mod:`teikit.schematron.screen`, built on first use
    #: (False: the schema has nothing to screen).
    _screen: Any = None
    #: The stylesheet of :mod:`teikit.schematron.xslt_screen`, built on first use
    #: (False: it cannot be built for this schema).
    _xslt_screen: Any = None
    #: A digest of the expanded schema, the phase and teikit's version: names what is
    #: derived from this schema in the disk cache (empty: nothing is cached).
    digest: str = ""

    def pattern_triggers(self) -> list[tuple[Pattern, tuple[Needs, ...] | None]]:
        """Each pattern with its :attr:`Pattern.triggers`, worked out once per schema."""
        if self._triggers is None:
            self._triggers = [(p, p.triggers) for p in self.patterns]
        return self._triggers


def generate_id(node: Any = None) -> str:
    """XSLT's ``generate-id()``: a name unique to a node within one run."""
    if isinstance(node, list):
        node = node[0] if node else None
    if node is None:
        return ""
    value = getattr(node, "value", node)
    name = getattr(node, "name", None) if not hasattr(value, "tag") else None
    suffix = f"a{abs(hash(name)):x}" if isinstance(name, str) else ""
    return f"d{id(value):x}{suffix}"


def _register_xslt_functions(parser: Any) -> None:
    """XSLT functions that Schematron tests use outside XSLT (``current()`` is rewritten).

    XPath 3 made ``generate-id`` a standard function: its parsers already have it.
    """
    if "generate-id" in parser.symbol_table:
        return
    parser.external_function(
        generate_id, name="generate-id", sequence_types=("node()?", "xs:string")
    )


class _Compiler:
    """Compiles expressions in lexical scopes, tracking which variables lxml can carry."""

    def __init__(
        self, name: str, binding: str, namespaces: dict[str, str], *, trusted: bool = False
    ) -> None:
        self.name = name
        self.binding = binding
        self.namespaces = namespaces
        self.parser = XPath2Parser(binding, namespaces)
        #: The same schema compiled without error before (see :func:`_verified_key`):
        #: its XPath 2 expressions need no syntax check now, so elementpath waits.
        self.trusted = trusted
        self.documents: dict[str, etree._ElementTree] = {}
        self.stats = {"lxml": 0, "elementpath": 0}

    def query(
        self,
        expr: str,
        elem: etree._Element,
        attr: str,
        scope: dict[str, bool],
        *,
        select: bool = False,
    ) -> Query:
        """Compile ``expr``; ``scope`` maps visible variables to "lxml can carry its value"."""
        loc = where(elem, self.name)
        what = f"{etree.QName(elem).localname}/@{attr}"
        try:
            info = analyse(expr)
        except ValueError as exc:
            raise TeikitError(f"bad XPath in {what} {expr!r}: {exc}", loc) from None
        for var in info.variables:
            if var != CURRENT_VAR and var not in scope:
                raise TeikitError(f"undefined variable ${var} in {what} {expr!r}", loc)
        for uri in info.doc_uris:
            self._load_document(uri, elem, loc)
        if {"doc", "document"} & info.functions and len(info.doc_uris) == 0:
            raise TeikitError(
                f"unsupported: doc()/document() with a computed argument in {what} {expr!r} "
                "(only a literal local file name is allowed)",
                loc,
            )
        text = info.rewritten
        lx = None
        if info.xpath1:
            try:
                lx = compile_lxml(text, self.namespaces, smart=select)
            except etree.XPathSyntaxError:
                lx = None
        ep = None
        if lx is None and not self.trusted:
            # Only libxml2's refusal makes elementpath's opinion needed now; an
            # expression libxml2 compiled is parsed by elementpath when first used.
            try:
                ep = self.parser.parse(text)
            except parse_errors() as exc:
                raise TeikitError(f"bad XPath in {what} {expr!r}: {exc}", loc) from None
        use_lx = lx is not None and all(
            var == CURRENT_VAR or scope.get(var, False) for var in info.variables
        )
        if not select:
            self.stats["lxml" if use_lx else "elementpath"] += 1
        node_only = use_lx and not info.variables and not (_POSITIONAL & info.functions)
        return Query(
            expr, loc, tuple(sorted(info.variables)), lx, ep, use_lx, text, node_only, self.parser
        )

    def _load_document(self, uri: str, elem: etree._Element, loc: SourceLocation) -> None:
        if uri in self.documents:
            return
        try:
            path = local_path(uri, elem.base or self.name)
        except ValueError:
            raise TeikitError(
                f"unsupported: doc()/document() of {uri!r} (only local files are read)", loc
            ) from None
        self.documents[uri] = parse_file(confined(Path(path), self.name, loc))

    def lets(self, parent: etree._Element, scope: dict[str, bool]) -> list[Let]:
        """Compile ``let``s in order; each extends ``scope`` for the ones after it."""
        out = []
        for let in parent.iterchildren(f"{S}let"):
            name = let.get("name")
            if not name:
                raise TeikitError("let without @name", where(let, self.name))
            value = let.get("value")
            if value is None:
                # XSLT-style content: the text is the value.
                text = "".join(let.itertext()).replace("'", "''")
                value = f"'{text}'"
            q = self.query(value, let, "value", scope)
            scope[name] = q.use_lx
            out.append(Let(name, q))
        return out

    def message(
        self, elem: etree._Element, scope: dict[str, bool], *, with_tail: bool = False
    ) -> list[MessagePart]:
        parts: list[MessagePart] = []
        if elem.text:
            parts.append(elem.text)
        for child in elem:
            if not isinstance(child.tag, str):
                pass
            elif child.tag == f"{S}name":
                path = child.get("path")
                parts.append(NamePart(self.query(path, child, "path", scope) if path else None))
            elif child.tag == f"{S}value-of":
                sel = child.get("select")
                if sel is None:
                    raise TeikitError("value-of without @select", where(child, self.name))
                parts.append(ValueOf(self.query(sel, child, "select", scope)))
            else:
                # emph, dir, span and foreign markup are kept as their text.
                parts.extend(self.message(child, scope))
            if child.tail:
                parts.append(child.tail)
        return parts


def _ids(value: str | None) -> list[str]:
    return value.split() if value else []


def compile_schema(schema: etree._Element, name: str, phase: str | None) -> CompiledSchematron:
    """Compile an expanded schema (see :func:`teikit.schematron.loader.expand`) for one phase."""
    binding = (schema.get("queryBinding") or "xslt").strip().lower()
    if binding not in XPATH2_BINDINGS | XPATH1_BINDINGS:
        raise TeikitError(
            f"unsupported queryBinding {binding!r} (teikit runs xslt, xslt2, xpath2 and "
            "their XPath 3 variants)",
            where(schema, name),
        )
    namespaces: dict[str, str] = {}
    for ns in schema.iter(f"{S}ns"):
        prefix, uri = ns.get("prefix"), ns.get("uri")
        if prefix is None or uri is None:
            raise TeikitError("ns needs @prefix and @uri", where(ns, name))
        namespaces[prefix] = uri
    marker = _verified_marker(schema, phase)
    comp = _Compiler(name, binding, namespaces, trusted=marker is not None and marker.is_file())
    title_el = schema.find(f"{S}title")
    title = " ".join("".join(title_el.itertext()).split()) if title_el is not None else None

    scope: dict[str, bool] = {}
    lets = comp.lets(schema, scope)

    patterns_el = list(schema.iterchildren(f"{S}pattern"))
    active_ids, phase_name, phase_el = _select_phase(schema, name, phase)
    if phase_el is not None:
        lets.extend(comp.lets(phase_el, scope))

    diagnostics = _by_id(schema.iter(f"{S}diagnostic"))
    properties = _by_id(schema.iter(f"{S}property"))

    patterns = []
    for position, pat in enumerate(patterns_el, start=1):
        pid = pat.get("id")
        if active_ids is not None and pid not in active_ids:
            continue
        pscope = dict(scope)
        plets = comp.lets(pat, pscope)
        rules = []
        for rule_el in pat.iterchildren(f"{S}rule"):
            rules.append(_compile_rule(comp, rule_el, pat, pscope, diagnostics, properties))
        pattern = Pattern(position, pid, pat.get("name") or _title(pat), plets, rules)
        if len(rules) > 1:
            pattern.union = _union(comp, rules, pat, pscope)
        patterns.append(pattern)
    tags: set[str] = set()
    attrs: set[str] = set()
    for pattern in patterns:
        for rule in pattern.rules:
            tags.update(rule.names or ())
            if rule.index is not None:
                (attrs if rule.index[0] == "attr" else tags).update(rule.index[1])
            needs = [n for alt in rule.needs or () for n in alt]
            needs += [n for check in rule.checks for n in check.needs or ()]
            for name in (name for group in needs for name in group):
                if name.startswith("@"):
                    attrs.add(name[1:])
                else:
                    tags.add(name)
    if marker is not None and not comp.trusted:
        with contextlib.suppress(OSError):
            write_atomic(marker, b"")  # a read-only cache only costs the next run a check
    compiled = CompiledSchematron(
        name,
        title,
        binding,
        namespaces,
        lets,
        patterns,
        phase_name,
        comp.documents,
        comp.stats,
        frozenset(tags),
        frozenset(attrs),
    )
    if not comp.documents:  # a schema reading other files: their content is not in the key
        digest = hashlib.sha256(etree.tostring(schema))
        digest.update(f"\0{phase}\0{__version__}".encode())
        compiled.digest = digest.hexdigest()[:32]
    return compiled


def cache_dir() -> Path:
    env = os.environ.get("TEIKIT_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "teikit"


def _verified_marker(schema: etree._Element, phase: str | None) -> Path | None:
    """A file whose existence says this very schema compiled without error before.

    The key is the expanded schema's serialization, the phase, teikit's version
    and the installed elementpath (its file's size and time), so an edited
    schema, an include that changed, or another elementpath is checked again.
    Only a schema that compiled cleanly is marked: every error is still raised
    when the schema is loaded, the first time and every time.
    """
    spec = importlib.util.find_spec("elementpath")
    if spec is None or spec.origin is None:
        return None
    try:
        st = Path(spec.origin).stat()
    except OSError:
        return None
    h = hashlib.sha256(etree.tostring(schema))
    h.update(f"\0{phase}\0{__version__}\0{spec.origin}\0{st.st_size}\0{st.st_mtime_ns}".encode())
    return cache_dir() / f"sch-ok-{h.hexdigest()[:32]}"


def _title(elem: etree._Element) -> str | None:
    t = elem.find(f"{S}title")
    return " ".join("".join(t.itertext()).split()) if t is not None else None


def _by_id(elems: Iterable[etree._Element]) -> dict[str, etree._Element]:
    return {e.get("id", ""): e for e in elems if e.get("id")}


def _select_phase(
    schema: etree._Element, name: str, phase: str | None
) -> tuple[set[str] | None, str, etree._Element | None]:
    wanted = phase or "#DEFAULT"
    if wanted == "#DEFAULT":
        wanted = schema.get("defaultPhase") or "#ALL"
    if wanted == "#ALL":
        return None, "#ALL", None
    for ph in schema.iterchildren(f"{S}phase"):
        if ph.get("id") == wanted:
            active = {a.get("pattern", "") for a in ph.iterchildren(f"{S}active")}
            return active, wanted, ph
    known = [p.get("id", "") for p in schema.iterchildren(f"{S}phase")]
    raise TeikitError(
        f"no phase {wanted!r} in the schema (phases: {', '.join(['#ALL', *known])})",
        SourceLocation(name),
    )


def _compile_rule(
    comp: _Compiler,
    rule_el: etree._Element,
    pat: etree._Element,
    pscope: dict[str, bool],
    diagnostics: dict[str, etree._Element],
    properties: dict[str, etree._Element],
) -> Rule:
    context = rule_el.get("context")
    if not context:
        raise TeikitError("rule without @context", where(rule_el, comp.name))
    rscope = dict(pscope)
    try:
        alts = [a.strip() for a in split_union(context)]
    except ValueError as exc:
        raise TeikitError(
            f"bad rule context {context!r}: {exc}", where(rule_el, comp.name)
        ) from None
    matches_document = "/" in alts
    nodes = [a for a in alts if a != "/"]
    select = comp.query(
        " | ".join(context_to_select(a) for a in nodes) or "/",
        rule_el,
        "context",
        pscope,
        select=True,
    )
    splits = [split_pattern(a) for a in nodes]
    node_filter = None
    # An XPath 2 pattern: libxml2 finds the nodes with the right name and
    # elementpath tests only those, instead of walking the whole tree.
    if nodes and not select.use_lx and all(sp is not None for sp in splits):
        found = [sp for sp in splits if sp is not None]
        candidates = comp.query(
            " | ".join(sp.candidates for sp in found), rule_el, "context", pscope, select=True
        )
        if candidates.use_lx:
            select = candidates
            node_filter = comp.query(
                " or ".join(sp.self_test for sp in found),
                rule_el,
                "context",
                pscope,
                select=True,
            )
    lets = comp.lets(rule_el, rscope)
    checks = []
    rule_role = rule_el.get("role")
    for el in rule_el:
        if el.tag not in (f"{S}assert", f"{S}report"):
            continue
        kind: Literal["assert", "report"] = "assert" if el.tag == f"{S}assert" else "report"
        test = el.get("test")
        if test is None:
            raise TeikitError(f"{kind} without @test", where(el, comp.name))
        role = el.get("role")
        diags = []
        for did in _ids(el.get("diagnostics")):
            if did not in diagnostics:
                raise TeikitError(f"no diagnostic {did!r}", where(el, comp.name))
            diags.append(comp.message(diagnostics[did], rscope))
        props = []
        for prid in _ids(el.get("properties")):
            if prid not in properties:
                raise TeikitError(f"no property {prid!r}", where(el, comp.name))
            props.append(comp.message(properties[prid], rscope))
        query = comp.query(test, el, "test", rscope)
        checks.append(
            Check(
                kind,
                query,
                el.get("id") or rule_el.get("id") or pat.get("id"),
                role,
                el.get("flag") or rule_el.get("flag"),
                severity_of(role if role is not None else rule_role),
                comp.message(el, rscope),
                diags,
                props,
                _needs(firing_names(query.text, kind), comp.namespaces) if query.use_lx else None,
            )
        )
    index, index_filter = _index_plan(comp, splits, rule_el, pscope)
    set_test = None
    if checks and all(c.query.node_only for c in checks):
        set_test = compile_set_filter(
            " or ".join(
                f"not({c.query.text})" if c.kind == "assert" else f"boolean({c.query.text})"
                for c in checks
            ),
            comp.namespaces,
        )
    set_filter = None
    if index_filter is not None and index_filter.node_only:
        set_filter = compile_set_filter(index_filter.text, comp.namespaces)
    return Rule(
        context,
        select,
        rule_el.get("id"),
        rule_role,
        rule_el.get("flag"),
        lets,
        checks,
        matches_document,
        bool(nodes),
        node_filter,
        _required_names([split_pattern(attribute_owner(a)) for a in nodes], comp.namespaces),
        index,
        index_filter,
        set_test,
        set_filter,
        _context_needs(nodes, comp.namespaces) if nodes and not matches_document else None,
    )


def _clark(qname: str, namespaces: dict[str, str]) -> str | None:
    prefix, _, local = qname.rpartition(":")
    if not prefix:
        return local
    uri = XML_NS if prefix == "xml" else namespaces.get(prefix)
    return f"{{{uri}}}{local}" if uri else None


def _index_plan(
    comp: _Compiler,
    splits: list[PatternSplit | None],
    rule_el: etree._Element,
    scope: dict[str, bool],
) -> tuple[tuple[str, tuple[str, ...]] | None, Query | None]:
    """How to find a context's nodes from a name index instead of an XPath walk.

    ``tei:*[@when]`` would make libxml2 visit every element for each such rule;
    the elements carrying ``@when`` come straight from the index, and only they
    are tested against the whole pattern. A pattern naming its elements
    (``tei:list[@type='gloss']``, ``a/b | c``) takes the elements of those names.
    """
    if not splits or any(sp is None for sp in splits):
        return None, None
    found = [sp for sp in splits if sp is not None]
    if len(found) == 1:
        attr = required_attribute(found[0].last_predicates)
        if attr is not None:
            clark = _clark(attr, comp.namespaces)
            if clark is None:
                return None, None
            test = comp.query(found[0].self_test, rule_el, "context", scope, select=True)
            return ("attr", (clark,)), test
    names: list[str] = []
    for sp in found:
        for qname in sp.names:
            clark = _clark(qname, comp.namespaces)
            if clark is None or "*" in clark:
                return None, None
            if clark not in names:
                names.append(clark)
    if all(sp.single_step and not sp.last_predicates for sp in found):
        return ("tag", tuple(names)), None
    test = comp.query(
        " or ".join(sp.self_test for sp in found), rule_el, "context", scope, select=True
    )
    return ("tag", tuple(names)), test


def _needs(groups: tuple[tuple[str, ...], ...], namespaces: dict[str, str]) -> Needs:
    """QName groups in Clark notation; a group with a name that cannot be resolved is dropped."""
    out = []
    for group in groups:
        clarks = []
        for qname in group:
            attribute = qname.startswith("@")
            clark = _clark(qname.lstrip("@"), namespaces)
            if clark is None or "*" in clark or qname.startswith("Q{"):
                break
            clarks.append("@" + clark if attribute else clark)
        else:
            out.append(tuple(clarks))
    return tuple(out)


def _context_needs(alternatives: list[str], namespaces: dict[str, str]) -> tuple[Needs, ...] | None:
    """Per alternative of a context, the element names of its steps (and its attribute)."""
    out = []
    for alt in alternatives:
        owner = attribute_owner(alt)
        split = split_pattern(owner)
        if split is None:
            return None
        groups = list(split.step_names)
        if owner != alt:
            groups.append(("@" + alt[alt.rindex("@") + 1 :].strip(),))
        out.append(_needs(tuple(groups), namespaces))
    return tuple(out)


def _required_names(
    splits: list[PatternSplit | None], namespaces: dict[str, str]
) -> tuple[str, ...] | None:
    """The element names a context can match, to skip it on documents without them."""
    if not splits or any(sp is None for sp in splits):
        return None
    names = []
    for sp in splits:
        assert sp is not None
        for qname in sp.names:
            prefix, _, local = qname.rpartition(":")
            if "*" in qname or (prefix and prefix not in namespaces):
                return None
            names.append(f"{{{namespaces[prefix]}}}{local}" if prefix else local)
    return tuple(names)


def _union(
    comp: _Compiler, rules: list[Rule], pat: etree._Element, scope: dict[str, bool]
) -> Query | None:
    """One expression selecting every rule's nodes, to visit them in document order."""
    selects = [r.select.source for r in rules if r.has_nodes]
    if not selects:
        return None
    if all(r.select.use_lx for r in rules if r.has_nodes):
        return comp.query(" | ".join(selects), pat, "context", scope, select=True)
    return comp.query(" | ".join(f"({s})" for s in selects), pat, "context", scope, select=True)


#: The name before 0.2.0 (``teikit.CompiledSchema`` is the ODD compiler's output).
CompiledSchema = CompiledSchematron
