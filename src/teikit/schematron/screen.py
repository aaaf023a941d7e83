"""One libxml2 call that tells whether any of many simple rules fires in a document.

A valid document, the common case in a corpus, fires no check; yet each pattern
costs a libxml2 call and some bookkeeping to find that out, and on small files
that per-pattern cost, not XPath, made Schematron several times slower than
RELAX NG. Patterns whose single rule takes its context nodes from the name index
(kept by a test of the node alone) and whose checks libxml2 can answer, reading
at most the pattern's own variables, are screened together: the union of their
``$nodes_i[context_i][fires_i]`` is asked once, and only when it is not empty
are the patterns run one by one (to find which fired, with their messages).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from teikit.schematron.compiler import CompiledSchema, Let, Pattern, Rule

#: Variable name prefix for each screened pattern's context nodes.
_VAR = "teikit_screen"


@dataclass(frozen=True, slots=True)
class Screen:
    """The screened patterns (by position), their rules and variables, and the union query."""

    positions: frozenset[int]
    rules: tuple[Rule, ...]
    lets: tuple[Let, ...]
    query: Any
    #: How many context nodes the screened rules match (the report counts firings).
    count: Any


def screenable(pattern: Pattern) -> Rule | None:
    """The pattern's rule, if its firing can be decided in libxml2 from the document alone."""
    if len(pattern.rules) != 1:
        return None
    rule = pattern.rules[0]
    if (
        rule.matches_document
        or not rule.has_nodes
        or rule.index is None
        or rule.lets
        or (rule.index_filter is not None and not rule.index_filter.node_only)
        or not rule.checks
    ):
        return None
    own = {let.name for let in pattern.lets}
    if not all(let.query.use_lx and not let.query.variables for let in pattern.lets):
        return None
    if not all(c.query.use_lx and set(c.query.variables) <= own for c in rule.checks):
        return None
    return rule


def fires_test(rule: Rule) -> str:
    """The test a context node passes when some check of the rule fires on it."""
    return " or ".join(
        f"not({c.query.text})" if c.kind == "assert" else f"boolean({c.query.text})"
        for c in rule.checks
    )


def _filter(rule: Rule) -> str:
    """The predicate that keeps the index candidates the context really matches."""
    return f"[{rule.index_filter.text}]" if rule.index_filter is not None else ""


def build(schema: CompiledSchema) -> Screen | None:
    """The screen of a schema, or None when fewer than two patterns can be screened."""
    chosen: list[tuple[Pattern, Rule]] = []
    names: set[str] = set()
    for pattern in schema.patterns:
        rule = screenable(pattern)
        own = {let.name for let in pattern.lets}
        if rule is None or own & names:
            continue  # one query cannot hold two variables of one name
        names |= own
        chosen.append((pattern, rule))
    if len(chosen) < 2:
        return None
    expr = " | ".join(
        f"${_VAR}{i}{_filter(r)}[{fires_test(r)}]" for i, (_p, r) in enumerate(chosen)
    )
    counted = " + ".join(f"count(${_VAR}{i}{_filter(r)})" for i, (_p, r) in enumerate(chosen))
    try:
        query = etree.XPath(expr, namespaces=schema.namespaces)
        count = etree.XPath(counted, namespaces=schema.namespaces)
    except etree.XPathSyntaxError:
        return None
    return Screen(
        frozenset(p.position for p, _r in chosen),
        tuple(r for _p, r in chosen),
        tuple(let for p, _r in chosen for let in p.lets),
        query,
        count,
    )


def quiet(screen: Screen, tree: etree._ElementTree, candidates: list[list[Any]]) -> int | None:
    """How many times the screened rules fire (match a node) when none of their checks
    fires, else None: ``candidates[i]`` are rule ``i``'s index nodes."""
    variables: dict[str, Any] = {f"{_VAR}{i}": nodes for i, nodes in enumerate(candidates)}
    try:
        for let in screen.lets:
            value = let.query.lx(tree)
            if isinstance(value, list) and not all(isinstance(v, etree._Element) for v in value):
                return None  # attributes or text cannot be handed back to libxml2
            variables[let.name] = value
        if screen.query(tree, **variables):
            return None
        return int(screen.count(tree, **variables))
    except etree.XPathError:
        return None  # let the per-pattern run report the error at its node
