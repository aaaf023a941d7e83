"""Which patterns may fire in a document, decided by one XSLT 1.0 transform (libxslt, in C).

In a corpus of small valid documents nearly every pattern fires nothing, and
finding that out pattern by pattern in Python cost more than the RELAX NG check
itself. The schema's XPath 1 rules are therefore compiled once into one
stylesheet that, for a document, prints the positions of the patterns where
some check may fire; the engine then runs only those (and writes their
messages, locations and SVRL as always).

The answer only ever over-states. A rule whose checks libxml2 cannot evaluate
(XPath 2, a variable it cannot carry, ``position()``) makes its pattern run as
soon as its context may match; a context that cannot be expressed makes the
pattern run always; an error while transforming makes every pattern run.

Context nodes come from one ``xsl:key`` on the local names of elements and
attributes: the rule for ``tei:*[@when]`` looks up the elements carrying a
``when`` attribute, then applies its exact match test to those, instead of
testing a predicate on every element of the document (a walk per rule cost
more than all the checks). Variables are evaluated as the engine evaluates them
with libxml2: the schema's and a pattern's with the root element as context.
"""

from __future__ import annotations

import contextlib
import hashlib
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from lxml import etree

from teikit.errors import TeikitError
from teikit.schematron.xpath import (
    CURRENT_VAR,
    analyse,
    attribute_alternatives,
    attribute_owner,
    context_to_select,
    required_attribute,
    split_pattern,
    split_union,
)

if TYPE_CHECKING:
    from collections.abc import Sequence

    from teikit.schematron.compiler import CompiledSchematron, Let, Pattern, Query, Rule

XSL_NS = "http://www.w3.org/1999/XSL/Transform"
_XSL = f"{{{XSL_NS}}}"
#: The key of elements by local name (measured: a third faster than a walk per element
#: name, ``//tei:p``), and the key of attributes by local name (much faster than
#: ``//tei:*[@when]``). Two keys, not one of ``*|@*``: libxslt computes a key as an
#: XPath, and the union of the two walks cost 60,000 instructions a document to merge.
_KEY = "teikit-names"
_ATTR_KEY = "teikit-attributes"
_POSITIONAL = frozenset({"position", "last"})


@dataclass(frozen=True, slots=True)
class XsltScreen:
    """The compiled stylesheet, and how many patterns it decides without running them."""

    transform: Any
    #: Positions of patterns the stylesheet can clear (the others are always printed).
    decided: frozenset[int]

    def may_fire(self, tree: etree._ElementTree) -> frozenset[int] | None:
        """Positions of the patterns that may fire in ``tree``; None: run them all."""
        try:
            result = self.transform(tree)
        except etree.XSLTError:
            return None
        if any(e.level >= etree.ErrorLevels.ERROR for e in self.transform.error_log):
            return None
        try:
            return frozenset(int(t) for t in str(result).split())
        except ValueError:
            return None


@dataclass(frozen=True, slots=True)
class Given:
    """What a document already known to be valid against some grammar implies for
    one pattern: it cannot fire (``screen`` None), or only where ``screen`` holds.

    The pattern is named by what it checks, not by its position or id: its one
    rule with checks has ``context`` as context and ``tests`` as checks, each
    ``"assert TEST"`` or ``"report TEST"`` (compared with whitespace normalized), so
    an edited rule is simply screened in full.
    ``screen`` is an XPath 1 expression, evaluated with the root element as
    context, that must be true in every document valid against the grammar where
    the pattern fires; :func:`lookup` finds nodes by local name in it. The
    engine still runs the pattern itself wherever the screen says it may fire,
    so the results are exact whatever the screen over-states.
    """

    context: str
    tests: tuple[str, ...]
    screen: str | None = None


@dataclass(frozen=True, slots=True)
class OnlyElements:
    """In a document valid against the grammar, every node whose local name is one of
    ``names`` is an element in ``namespace`` (never an attribute, nor an element of
    another namespace): where the screen looks such a node up by its name, the test
    that it is that element is left out (about 2,000 instructions a node)."""

    namespace: str
    names: frozenset[str]


@dataclass(frozen=True, slots=True)
class GivenPattern:
    """What a valid document implies for a whole pattern, variables and all: it may
    fire only where ``screen`` holds (None: it cannot fire).

    :class:`Given` names a pattern of one rule and no variables; the patterns that
    join one part of a document to another (a pointer to the element it names)
    declare variables and may have several rules. The pattern is named by its
    whole text, ``text``: one line per part, in order, ``"let NAME := EXPR"`` for
    each variable (the pattern's, then each rule's after its ``"rule CONTEXT"``)
    and ``"assert TEST"``/``"report TEST"`` for each check (a long test may be
    named by its digest, as in :class:`Given`); whitespace is normalized. An
    edited pattern no longer matches and is screened in full.

    ``screen`` is evaluated with the root element as context where ``guard`` is
    not empty (None: everywhere), after ``lets`` (name, XPath 1) are declared in
    that order, so that what every node is compared with is found once, not once
    per node.
    """

    text: tuple[str, ...]
    screen: str | None
    lets: tuple[tuple[str, str], ...] = ()
    guard: str | None = None


@dataclass(frozen=True, slots=True)
class Shortened:
    """How the stylesheet screens one pattern a grammar's facts shorten (see
    :func:`given_positions`): its test, the variables the test reads, and the
    guard under which both are evaluated."""

    screen: str | None
    lets: tuple[tuple[str, str], ...] = ()
    guard: str | None = None


#: What a grammar a document is known valid against implies, for :func:`given_positions`.
Fact = Given | GivenPattern | OnlyElements


def lookup(*names: str) -> str:
    """An XPath union of the elements with these local names, for :attr:`Given.screen`
    (one lookup each in the screen's key of element names)."""
    return " | ".join(f"key('{_KEY}', '{name}')" for name in names)


def lookup_attributes(*names: str) -> str:
    """An XPath union of the attributes with these local names, for :attr:`Given.screen`."""
    return " | ".join(f"key('{_ATTR_KEY}', '{name}')" for name in names)


def _squeeze(text: str) -> str:
    return " ".join(text.split())


def given_positions(schema: CompiledSchematron, given: Sequence[Fact]) -> dict[int, Shortened]:
    """The positions of the patterns ``given`` describes, with their screens.

    A check is named ``"KIND TEST"``, or ``"KIND sha256:DIGEST"`` with the first 16
    hex digits of the SHA-256 of ``TEST`` (whitespace normalized) for a long test.
    """
    out: dict[int, Shortened] = {}
    for pattern in schema.patterns:
        text = _pattern_text(pattern)
        for g in given:
            if isinstance(g, GivenPattern) and _same_text(text, g.text):
                out[pattern.position] = Shortened(g.screen, g.lets, g.guard)
                break
        firing = [r for r in pattern.rules if r.checks]
        if pattern.position in out or len(firing) != 1 or pattern.lets or firing[0].lets:
            continue
        rule = firing[0]
        context = _squeeze(rule.context)
        checks = [(c.kind, _squeeze(c.query.source)) for c in rule.checks]
        for g in given:
            if (
                isinstance(g, Given)
                and _squeeze(g.context) == context
                and len(g.tests) == len(checks)
                and all(map(_names, checks, map(_squeeze, g.tests)))
            ):
                out[pattern.position] = Shortened(g.screen)
                break
    return out


def _pattern_text(pattern: Pattern) -> list[tuple[str, str]]:
    """The parts of a pattern that :attr:`GivenPattern.text` names, as (kind, text)."""
    out = [("let", f"{let.name} := {_squeeze(let.query.source)}") for let in pattern.lets]
    for rule in pattern.rules:
        out.append(("rule", _squeeze(rule.context)))
        out.extend(("let", f"{let.name} := {_squeeze(let.query.source)}") for let in rule.lets)
        out.extend((c.kind, _squeeze(c.query.source)) for c in rule.checks)
    return out


def _same_text(text: list[tuple[str, str]], wanted: tuple[str, ...]) -> bool:
    if len(text) != len(wanted):
        return False
    for (kind, part), line in zip(text, map(_squeeze, wanted), strict=True):
        if kind in ("let", "rule"):
            if line != f"{kind} {part}":
                return False
        elif not _names((kind, part), line):
            return False
    return True


def _names(check: tuple[str, str], wanted: str) -> bool:
    """Whether ``wanted`` (see :func:`given_positions`) names ``check``, (kind, test)."""
    kind, test = check
    if wanted == f"{kind} {test}":
        return True
    digest = hashlib.sha256(test.encode()).hexdigest()[:16]
    return wanted == f"{kind} sha256:{digest}"


@dataclass(slots=True)
class _Context:
    """How one rule's context nodes are found in the stylesheet."""

    #: An expression selecting exactly the rule's context nodes (None: not known).
    exact: str | None
    #: An expression that is not empty whenever the context may match (None: always may);
    #: as cheap as known (an index lookup rather than the exact match test).
    presence: str | None
    #: A test true, on a node, exactly when the context matches it (to keep a later
    #: rule of the pattern from the nodes this one takes); None when not known.
    self_test: str | None
    #: Whether the context matches the document node.
    document: bool


def _xpath1(expr: str, namespaces: dict[str, str]) -> bool:
    """Whether libxml2 compiles ``expr`` and it means the same in XPath 1 and 2."""
    try:
        info = analyse(expr)
        etree.XPath(expr, namespaces=namespaces)
    except (ValueError, etree.XPathSyntaxError):
        return False
    return info.xpath1 and not info.variables


def _local(qname: str) -> str:
    return qname.rpartition(":")[2]


def _lookups(names: list[str], key: str = _KEY) -> str:
    return " | ".join(f"key('{key}', '{name}')" for name in dict.fromkeys(names))


def _alternative(alt: str, namespaces: dict[str, str]) -> _Context:
    """The context of one alternative of a rule's context (not ``/``)."""
    walk = context_to_select(alt)
    if attribute_owner(alt) != alt or alt.lstrip().startswith("@"):
        # Attribute contexts: the engine evaluates them with elementpath; only say when
        # one may occur.
        return _Context(None, walk if _xpath1(walk, namespaces) else None, None, False)
    split = split_pattern(alt)
    exact = walk if _xpath1(walk, namespaces) else None
    lookups: str | None = None
    test: str | None = None
    if split is not None:
        if split.self_test and _xpath1(split.self_test, namespaces):
            test = split.self_test
        prefixes_known = all(":" not in n or n.partition(":")[0] in namespaces for n in split.names)
        if prefixes_known and not any("*" in n for n in split.names):
            lookups = _lookups([_local(n) for n in split.names])
        elif prefixes_known and any("*" in n for n in split.names):
            attrs = attribute_alternatives(split.last_predicates)
            if attrs is None:
                one = required_attribute(split.last_predicates)
                attrs = (one,) if one is not None else None
            if attrs is not None:
                lookups = f"({_lookups([_local(a) for a in attrs], _ATTR_KEY)})/.."
    if lookups is not None and test is not None:
        # Exact: the index gives candidates, the match test keeps the right ones.
        exact = f"({lookups})[{test}]"
    presence = lookups or exact
    if presence is None and split is not None and _xpath1(split.candidates, namespaces):
        presence = split.candidates
    return _Context(exact, presence, test, False)


def _rule_context(rule: Rule, namespaces: dict[str, str]) -> _Context:
    """The context of a whole rule (a union of alternatives)."""
    try:
        alts = [a.strip() for a in split_union(rule.context)]
        if analyse(rule.context).variables:
            return _Context(None, None, None, rule.matches_document)
    except ValueError:
        return _Context(None, None, None, rule.matches_document)
    parts = [_alternative(a, namespaces) for a in alts if a != "/"]
    document = "/" in alts
    exact = [p.exact for p in parts]
    presence = [p.presence for p in parts]
    tests = [p.self_test for p in parts]
    # two rules of a pattern may share an alternative: look it up once
    return _Context(
        " | ".join(dict.fromkeys(["/"] * document + [e for e in exact if e]))
        if all(exact)
        else None,
        " | ".join(dict.fromkeys(["/"] * document + [p for p in presence if p]))
        if all(presence)
        else None,
        " or ".join(dict.fromkeys(f"({t})" for t in tests if t)) if all(tests) and tests else None,
        document,
    )


class _Builder:
    """Writes the stylesheet, tracking which variables it declares in each scope."""

    def __init__(self, schema: CompiledSchematron, given: dict[int, Shortened]) -> None:
        self.namespaces = schema.namespaces
        self.decided: set[int] = set()
        self.given = given

    def usable(self, query: Query, declared: set[str]) -> bool:
        """Whether libxml2 evaluates ``query`` here with the engine's meaning."""
        if query.lx is None or not set(query.variables) <= declared:
            return False
        try:
            return not (_POSITIONAL & analyse(query.text).functions)
        except ValueError:
            return False

    def lets(
        self, parent: etree._Element, lets: list[Let], declared: set[str], usable: set[str]
    ) -> tuple[set[str], set[str]]:
        """Declare the ``lets`` libxml2 can evaluate; the names declared and usable after them.

        A name already declared in an enclosing scope cannot be declared again in
        XSLT 1.0: it, and what reads it, is then left to the engine.
        """
        declared, usable = set(declared), set(usable)
        for let in lets:
            name = let.name
            if name not in declared and name != CURRENT_VAR and self.usable(let.query, usable):
                select = _indexed(let.query.text, self.namespaces)
                etree.SubElement(parent, f"{_XSL}variable", name=name, select=select)
                declared.add(name)
                usable.add(name)
            else:
                usable.discard(name)
        return declared, usable

    def shortened(
        self, parent: etree._Element, given: Shortened, declared: set[str], mark: str
    ) -> None:
        """The screen of a pattern a grammar's facts shorten (see :class:`Shortened`)."""
        if given.screen is None:
            return
        if any(name in declared for name, _select in given.lets):
            # XSLT 1.0 cannot declare a name again: the pattern runs on every document
            etree.SubElement(parent, f"{_XSL}text").text = f"{mark} "
            return
        if given.guard is not None:
            parent = etree.SubElement(parent, f"{_XSL}if", test=given.guard)
        for name, select in given.lets:
            etree.SubElement(parent, f"{_XSL}variable", name=name, select=select)
        etree.SubElement(parent, f"{_XSL}if", test=given.screen).text = f"{mark} "

    def pattern(
        self, parent: etree._Element, pattern: Pattern, declared: set[str], usable: set[str]
    ) -> None:
        mark = str(pattern.position)
        if pattern.position in self.given:
            self.decided.add(pattern.position)
            self.shortened(parent, self.given[pattern.position], declared, mark)
            return
        contexts = [_rule_context(r, self.namespaces) for r in pattern.rules]
        firing = [(r, c) for r, c in zip(pattern.rules, contexts, strict=True) if r.checks]
        if any(c.presence is None for _r, c in firing):
            etree.SubElement(parent, f"{_XSL}text").text = f"{mark} "
            return
        self.decided.add(pattern.position)
        if not firing:
            return
        guard = parent
        if pattern.lets:
            # the pattern's variables are evaluated only where one of its rules may match
            guard = etree.SubElement(
                parent,
                f"{_XSL}if",
                test=" | ".join(dict.fromkeys(f"({c.presence})" for _r, c in firing)),
            )
        declared, usable = self.lets(guard, pattern.lets, declared, usable)
        earlier: list[str] | None = []
        document_taken = False
        for rule, ctx in zip(pattern.rules, contexts, strict=True):
            if rule.checks:
                nodes = self.nodes(rule, ctx, earlier, document_taken)
                self.rule(guard, rule, ctx, nodes, declared, usable, mark)
            document_taken = document_taken or ctx.document
            if earlier is not None and ctx.self_test is not None:
                earlier.append(ctx.self_test)
            elif any(a.strip() != "/" for a in split_union(rule.context)):
                earlier = None  # the nodes an earlier rule takes are not known

    def nodes(
        self, rule: Rule, ctx: _Context, earlier: list[str] | None, document_taken: bool
    ) -> str | None:
        """The nodes a rule really gets: its context less what earlier rules took."""
        nodes = ctx.exact
        if nodes is not None and document_taken and ctx.document:
            rest = [a.strip() for a in split_union(rule.context) if a.strip() != "/"]
            nodes = _without_document(rest, self.namespaces)
        if nodes is None or earlier is None:
            return None
        if earlier:
            return f"({nodes})[not({' or '.join(earlier)})]"
        return nodes

    def rule(
        self,
        parent: etree._Element,
        rule: Rule,
        ctx: _Context,
        nodes: str | None,
        declared: set[str],
        usable: set[str],
        mark: str,
    ) -> None:
        needs = _needs_test(rule)
        if needs is not None:
            # no check can fire in a document without the names it needs: a lookup
            # each, instead of evaluating the checks on every context node
            parent = etree.SubElement(parent, f"{_XSL}if", test=needs)
        if nodes is None or CURRENT_VAR in declared:
            etree.SubElement(parent, f"{_XSL}if", test=str(ctx.presence)).text = f"{mark} "
            return
        if not rule.lets and all(self.usable(c.query, usable) for c in rule.checks):
            # the checks read the node and variables already declared (not current()):
            # one predicate over all the nodes, not a loop with a test per node (the
            # loop cost more than the test for a document's few footnotes or @resp)
            etree.SubElement(
                parent, f"{_XSL}if", test=f"({nodes})[{_fires(rule)}]"
            ).text = f"{mark} "
            return
        scratch = etree.Element(f"{_XSL}for-each")
        _declared, usable_inside = self.lets(
            scratch, rule.lets, declared | {CURRENT_VAR}, usable | {CURRENT_VAR}
        )
        if not all(self.usable(c.query, usable_inside) for c in rule.checks):
            # some check is left to the engine: it runs wherever the rule has a node
            etree.SubElement(parent, f"{_XSL}if", test=nodes).text = f"{mark} "
            return
        each = etree.SubElement(parent, f"{_XSL}for-each", select=nodes)
        if _reads_current(rule):
            # a variable per node costs; declared only where a check or let reads it
            etree.SubElement(each, f"{_XSL}variable", name=CURRENT_VAR, select=".")
        each.extend(list(scratch))
        etree.SubElement(each, f"{_XSL}if", test=_fires(rule)).text = f"{mark} "


def _reads_current(rule: Rule) -> bool:
    """Whether some check or variable of ``rule`` reads ``current()``."""
    queries = [c.query for c in rule.checks] + [let.query for let in rule.lets]
    return any(CURRENT_VAR in q.variables for q in queries)


def _merge_same_tests(body: etree._Element) -> None:
    """One test for the patterns whose tests are the same (prints all their marks).

    Patterns made from one template (a rule repeated per element, an attribute's
    constraint inherited by many classes) often compile to the very same test: it
    is evaluated once, not once per pattern.
    """
    seen: dict[bytes, etree._Element] = {}
    for child in list(body):
        marked = [e for e in child.iter(f"{_XSL}text", f"{_XSL}if") if e.text and e.text.strip()]
        if len(marked) != 1 or len(marked[0]):
            continue
        mark = marked[0].text or ""
        marked[0].text = None
        key = etree.tostring(child)
        marked[0].text = mark
        first = seen.get(key)
        if first is None:
            seen[key] = child
            continue
        target = next(
            e for e in first.iter(f"{_XSL}text", f"{_XSL}if") if e.text and e.text.strip()
        )
        target.text = f"{target.text}{mark}"
        body.remove(child)


def _merge_same_guards(body: etree._Element) -> None:
    """One guard for the patterns guarded by the same test (``key(…, 'calendar')`` …).

    A guard is an ``xsl:if`` around a pattern's tests; each costs a lookup in every
    document (libxml2 spends about 1,000 instructions per XPath operation), and the
    TEI's templates repeat one guard for many patterns. Guards declaring the same
    variable are left apart (XSLT 1.0 forbids declaring a name twice in a scope).
    """
    seen: dict[str, etree._Element] = {}
    for child in list(body):
        test = child.get("test")
        if child.tag != f"{_XSL}if" or test is None or not len(child):
            continue
        first = seen.get(test)
        if first is None:
            seen[test] = child
            continue
        if _declares(first) & _declares(child):
            continue
        first.extend(list(child))
        body.remove(child)


#: A predicate a name test may carry and still be read as a boolean on its own:
#: attribute tests and comparisons with literals, joined by ``or``/``and``.
_ATOM = r"@[\w.-]+(?:\s*!?=\s*'[^']*')?"
_SIMPLE = re.compile(rf"{_ATOM}(?:\s+(?:or|and)\s+{_ATOM})*")


def _drop_name_tests(root: etree._Element, only: OnlyElements, namespaces: dict[str, str]) -> None:
    """``(key(…, 'p'))[boolean(self::tei:p[@type = 'x'])]`` as ``(key(…, 'p'))[@type = 'x']``
    for the names of ``only`` (see :class:`OnlyElements`); a predicate other than simple
    attribute tests keeps its name test (a number there would test a position)."""
    prefixes = [p for p, uri in namespaces.items() if uri == only.namespace and p != "xml"]
    if not prefixes:
        return
    pfx = "|".join(re.escape(p) for p in prefixes)
    test = re.compile(
        rf"(key\('{_KEY}', '([\w.-]+)'\)\))\[boolean\(self::(?:{pfx}):([\w.-]+)"
        rf"(?:\[([^\[\]]*)\])?\)\]"
    )

    def simpler(m: re.Match[str]) -> str:
        name, named, pred = m.group(2), m.group(3), m.group(4)
        if name != named or name not in only.names:
            return m.group(0)
        if pred is None:
            return m.group(1)
        if _SIMPLE.fullmatch(pred.strip()):
            return f"{m.group(1)}[{pred}]"
        return m.group(0)

    for el in root.iter(f"{_XSL}if", f"{_XSL}for-each", f"{_XSL}variable"):
        for attr in ("test", "select"):
            value = el.get(attr)
            if value is not None and "self::" in value:
                el.set(attr, test.sub(simpler, value))


def _declares(guard: etree._Element) -> set[str]:
    return {v.get("name", "") for v in guard.iterchildren(f"{_XSL}variable")}


def _indexed(expr: str, namespaces: dict[str, str]) -> str:
    """``//tei:note[@type = 'x']`` as a lookup in the key of names, else ``expr`` itself.

    A variable holding every element of a name (the footnotes, the speeches) was
    a walk over the whole document in every document: the most costly part of
    the screen after the key itself. A single step with a name and predicates
    that only test selects, from anywhere, the nodes its pattern matches, which
    the key's candidates filtered by the pattern's own test are.
    """
    text = expr.strip()
    if not text.startswith("//") or text.startswith("///"):
        return expr
    try:
        split = split_pattern(text[2:])
    except ValueError:
        return expr
    if split is None or not split.single_step or not split.names:
        return expr
    if any("*" in n or (":" in n and n.partition(":")[0] not in namespaces) for n in split.names):
        return expr
    if not _xpath1(split.self_test, namespaces):
        return expr
    return f"({_lookups([_local(n) for n in split.names])})[{split.self_test}]"


def _without_document(alts: list[str], namespaces: dict[str, str]) -> str | None:
    parts = [_alternative(a, namespaces).exact for a in alts]
    if not parts or not all(parts):
        return None
    return " | ".join(p for p in parts if p)


def _needs_test(rule: Rule) -> str | None:
    """True in a document that has the names some check of the rule needs to fire
    (see :attr:`teikit.schematron.compiler.Check.needs`); None when a check may fire
    in any document."""
    tests = []
    for check in rule.checks:
        if not check.needs:
            return None
        groups = [" or ".join(_needed(name) for name in group) for group in check.needs]
        tests.append(" and ".join(f"({g})" for g in groups))
    return " or ".join(f"({t})" for t in tests) if tests else None


def _needed(name: str) -> str:
    """A lookup of ``name`` (Clark; ``@``-prefixed for an attribute) in its key."""
    local = name.rpartition("}")[2].lstrip("@")
    if name.startswith("@"):
        return f"key('{_ATTR_KEY}', '{local}')"
    return f"key('{_KEY}', '{local}')"


def _fires(rule: Rule) -> str:
    """True on a context node where some check of the rule fires."""
    return " or ".join(
        f"not({c.query.text})" if c.kind == "assert" else f"boolean({c.query.text})"
        for c in rule.checks
    )


def stylesheet(
    schema: CompiledSchematron,
    given: dict[int, Shortened] | None = None,
    only: OnlyElements | None = None,
) -> tuple[etree._Element, frozenset[int]] | None:
    """The screening stylesheet of ``schema``, and the patterns it can clear; with
    ``given`` (see :func:`given_positions`) and ``only`` (see :class:`OnlyElements`),
    for documents known valid against a grammar."""
    ns = {p: u for p, u in schema.namespaces.items() if p != "xml"}
    if "xsl" in ns or XSL_NS in ns.values() or _MARK in ns or _MARK_NS in ns.values():
        return None
    nsmap = {"xsl": XSL_NS, _MARK: _MARK_NS, **ns}
    root = etree.Element(f"{_XSL}stylesheet", nsmap=nsmap, version="1.0")
    etree.SubElement(root, f"{_XSL}output", method="text")
    etree.SubElement(root, f"{_XSL}key", name=_KEY, match="*", use="local-name()")
    etree.SubElement(root, f"{_XSL}key", name=_ATTR_KEY, match="@*", use="local-name()")
    template = etree.SubElement(root, f"{_XSL}template", match="/")
    # the engine evaluates variables on the parsed tree: libxml2 then starts at the root element
    body = etree.SubElement(template, f"{_XSL}for-each", select="/*")
    builder = _Builder(schema, given or {})
    declared, usable = builder.lets(body, schema.lets, set(), set())
    for pattern in schema.patterns:
        builder.pattern(body, pattern, declared, usable)
    _merge_same_tests(body)
    _merge_same_guards(body)
    if only is not None:
        _drop_name_tests(root, only, schema.namespaces)
    root.set(f"{{{_MARK_NS}}}decided", " ".join(str(p) for p in sorted(builder.decided)))
    return root, frozenset(builder.decided)


#: Bumped whenever the stylesheets written change shape, so that old ones are not read.
_FORMAT = 7
#: The attribute of the stylesheet that lists the patterns it decides.
_MARK, _MARK_NS = "teikit-screen", "urn:x-teikit:xslt-screen"


def _cached(
    schema: CompiledSchematron, given: dict[int, Shortened], only: OnlyElements | None = None
) -> tuple[etree._Element, frozenset[int]] | None:
    """The stylesheet of this schema, from the disk cache when it was written before.

    Generating it means analysing every expression again (tens of milliseconds, a
    noticeable part of a run over a few hundred small files); reading it, about one.
    """
    from teikit.schematron.compiler import cache_dir
    from teikit.xmlio import parse_bytes, write_atomic

    if not schema.digest:
        return stylesheet(schema, given, only)
    name = schema.digest
    if given or only:
        facts = repr((sorted(given.items()), only and (only.namespace, sorted(only.names))))
        name += "-" + hashlib.sha256(facts.encode()).hexdigest()[:16]
    path = cache_dir() / f"sch-screen-{name}-f{_FORMAT}.xsl"
    with contextlib.suppress(OSError, TeikitError, ValueError):
        root = parse_bytes(path.read_bytes(), str(path)).getroot()
        decided = root.get(f"{{{_MARK_NS}}}decided")
        if decided is not None:
            return root, frozenset(int(p) for p in decided.split())
    made = stylesheet(schema, given, only)
    if made is not None:
        # a read-only cache only costs the next run the generation
        with contextlib.suppress(OSError):
            write_atomic(path, etree.tostring(made[0]))
    return made


def build(
    schema: CompiledSchematron,
    given: dict[int, Shortened] | None = None,
    only: OnlyElements | None = None,
) -> XsltScreen | None:
    """The compiled screen, or None when the schema gives libxslt nothing to decide;
    ``given`` and ``only``: see :func:`stylesheet`."""
    made = _cached(schema, given or {}, only)
    if made is None or not made[1]:
        return None
    root, decided = made
    try:
        transform = etree.XSLT(root, access_control=etree.XSLTAccessControl.DENY_ALL)
    except etree.XSLTParseError:
        return None
    return XsltScreen(transform, decided)
