"""A compact, picklable model of a RELAX NG grammar, for two jobs libxml2 cannot do.

1. **Pruning.** libxml2 needs seconds to compile ``tei_all.rng`` (hundreds of
   elements, thousands of attributes), longer than validating a whole FRUS
   volume. A document only ever meets the element and attribute names it uses,
   so every ``element``/``attribute`` pattern whose (simple) name does not occur
   in the document can be replaced by ``notAllowed`` without changing the
   verdict; after simplification the grammar left for a typical TEI file is a
   few percent of the original and compiles in milliseconds.
2. **Explaining.** The same model answers "what may appear in ``sp``?", "is
   ``@when`` declared on ``date``, and with which values?" and, through
   Brzozowski derivatives over element names, "which child is the first one
   out of place, and what was expected there?" -- the questions behind
   messages people can act on.

Grammars using ``include``, ``externalRef`` or nested grammars are modelled as
unprunable (:attr:`Grammar.prunable` false): they are compiled whole by lxml,
and explanations come from the parts that could be read.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, TypeVar

from lxml import etree

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

RNG_NS = "http://relaxng.org/ns/structure/1.0"
XML_NS = "http://www.w3.org/XML/1998/namespace"
_R = "{" + RNG_NS + "}"

T = TypeVar("T")
_VALUE_MEMO = 50_000

Name = tuple[str, str]
"""An expanded name: (namespace URI, local name)."""

# Patterns are nested tuples, hashable so derivatives can be memoised:
#   ("empty",) ("text",) ("notAllowed",) ("el", i) ("att", i) ("ref", name)
#   ("choice"|"group"|"interleave", (p, ...))
#   ("oneOrMore"|"zeroOrMore"|"optional"|"mixed"|"list", p)
#   ("data", xml, type) ("value", xml, text, type)
Pattern = tuple[object, ...]

EMPTY: Pattern = ("empty",)
TEXT: Pattern = ("text",)
NOT_ALLOWED: Pattern = ("notAllowed",)


@dataclass(frozen=True, slots=True)
class Decl:
    """An ``element`` or ``attribute`` pattern: its simple name (or ``None`` for a
    wildcard name class), the name class as RELAX NG XML, and its content."""

    name: Name | None
    nameclass: str
    content: Pattern


@dataclass(slots=True)
class Grammar:
    """A RELAX NG grammar as patterns; see the module docstring for why."""

    start: Pattern
    defines: dict[str, Pattern]
    elements: list[Decl]
    attributes: list[Decl]
    prunable: bool = True
    by_name: dict[Name, list[int]] = field(default_factory=dict)
    wildcards: list[int] = field(default_factory=list)

    def __post_init__(self) -> None:
        for i, decl in enumerate(self.elements):
            if decl.name is None:
                self.wildcards.append(i)
            else:
                self.by_name.setdefault(decl.name, []).append(i)


# --------------------------------------------------------------------------- reading


class _Reader:
    def __init__(self) -> None:
        self.elements: list[Decl] = []
        self.attributes: list[Decl] = []
        self.prunable = True

    def read(self, root: etree._Element) -> Grammar:
        defines: dict[str, list[tuple[str | None, Pattern]]] = {}
        start: list[Pattern] = []
        if root.tag != _R + "grammar":
            return self._grammar(self.pattern(root), {})
        for child in self._grammar_content(root):
            if child.tag == _R + "define":
                defines.setdefault(child.get("name", ""), []).append(
                    (child.get("combine"), self.group(child))
                )
            elif child.tag == _R + "start":
                start.append(self.group(child))
            elif child.tag == _R + "include":
                self.prunable = False
        combined = {name: self._combine(parts) for name, parts in defines.items()}
        return self._grammar(_choice(start) if start else NOT_ALLOWED, combined)

    def _grammar(self, start: Pattern, defines: dict[str, Pattern]) -> Grammar:
        return Grammar(start, defines, self.elements, self.attributes, self.prunable)

    @staticmethod
    def _combine(parts: list[tuple[str | None, Pattern]]) -> Pattern:
        if len(parts) == 1:
            return parts[0][1]
        how = next((c for c, _ in parts if c), "choice")
        pats = tuple(p for _, p in parts)
        return _interleave(pats) if how == "interleave" else _choice(pats)

    def _grammar_content(self, el: etree._Element) -> Iterator[etree._Element]:
        for child in _rng_children(el):
            if child.tag == _R + "div":
                yield from self._grammar_content(child)
            else:
                yield child

    def group(self, el: etree._Element) -> Pattern:
        return _group(tuple(self.pattern(c) for c in _rng_children(el)))

    def pattern(self, el: etree._Element) -> Pattern:
        tag = etree.QName(el).localname
        if tag in ("empty", "text", "notAllowed"):
            return (tag,)
        if tag == "ref":
            return ("ref", el.get("name", "").strip())
        if tag in ("choice", "group", "interleave"):
            pats = tuple(self.pattern(c) for c in _rng_children(el))
            return {"choice": _choice, "group": _group, "interleave": _interleave}[tag](pats)
        if tag in ("oneOrMore", "zeroOrMore", "optional", "mixed", "list"):
            return (tag, self.group(el))
        if tag == "element":
            return self._decl(el, attribute=False)
        if tag == "attribute":
            return self._decl(el, attribute=True)
        if tag == "data":
            return ("data", _leaf_xml(el), el.get("type", "").strip())
        if tag == "value":
            return ("value", _leaf_xml(el), el.text or "", el.get("type", "token").strip())
        # externalRef, grammar, parentRef: not modelled
        self.prunable = False
        return TEXT

    def _decl(self, el: etree._Element, *, attribute: bool) -> Pattern:
        children = _rng_children(el)
        if el.get("name") is not None:
            name: Name | None = _qname(el, el.get("name", ""), attribute=attribute)
            assert name is not None
            nameclass = f"name={quoteattr(name[1])} ns={quoteattr(name[0])}"
        else:
            nc, children = children[0], children[1:]
            name = _simple_name(nc, attribute=attribute)
            nameclass = _nameclass_xml(nc, attribute=attribute)
        content = _group(tuple(self.pattern(c) for c in children))
        if attribute and not children:
            content = TEXT
        decl = Decl(name, nameclass, content)
        if attribute:
            self.attributes.append(decl)
            return ("att", len(self.attributes) - 1)
        self.elements.append(decl)
        return ("el", len(self.elements) - 1)


def escape(text: str) -> str:
    """XML character data (``xml.sax.saxutils`` would pull in urllib at start-up)."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def quoteattr(text: str) -> str:
    """A double-quoted XML attribute value."""
    return '"' + escape(text).replace('"', "&quot;") + '"'


def _rng_children(el: etree._Element) -> list[etree._Element]:
    return [c for c in el if isinstance(c.tag, str) and c.tag.startswith(_R)]


def _inherited(el: etree._Element, attr: str) -> str:
    node: etree._Element | None = el
    while node is not None:
        value = node.get(attr)
        if value is not None:
            return value
        node = node.getparent()
    return ""


def _qname(el: etree._Element, raw: str, *, attribute: bool) -> Name:
    raw = raw.strip()
    if ":" in raw:
        prefix, local = raw.split(":", 1)
        uri = XML_NS if prefix == "xml" else (el.nsmap.get(prefix) or "")
        return (uri, local)
    if attribute:
        return (el.get("ns", ""), raw)
    return (_inherited(el, "ns"), raw)


def _simple_name(nc: etree._Element, *, attribute: bool) -> Name | None:
    if nc.tag == _R + "name":
        return _qname(nc, nc.text or "", attribute=attribute and nc.get("ns") is None)
    return None


def _nameclass_xml(nc: etree._Element, *, attribute: bool) -> str:
    """The name class with every namespace made explicit, as the content of a pattern."""
    tag = etree.QName(nc).localname
    if tag == "name":
        uri, local = _qname(nc, nc.text or "", attribute=attribute and nc.get("ns") is None)
        return f"<name ns={quoteattr(uri)}>{escape(local)}</name>"
    inner = "".join(_nameclass_xml(c, attribute=attribute) for c in _rng_children(nc))
    if tag == "nsName":
        ns = nc.get("ns") if attribute else _inherited(nc, "ns")
        return f"<nsName ns={quoteattr(ns or '')}>{inner}</nsName>"
    return f"<{tag}>{inner}</{tag}>"


def _leaf_xml(el: etree._Element) -> str:
    """A ``data``/``value`` pattern with its inherited datatype library made explicit."""
    copy = etree.fromstring(etree.tostring(el))
    if el.tag == _R + "value" and el.get("type") is None:
        copy.set("datatypeLibrary", "")
    else:
        copy.set("datatypeLibrary", _inherited(el, "datatypeLibrary"))
    for sub in copy.iter(_R + "value", _R + "data"):
        if sub is not copy and sub.get("datatypeLibrary") is None:
            sub.set("datatypeLibrary", copy.get("datatypeLibrary", ""))
    data: bytes = etree.tostring(copy, encoding="UTF-8", with_tail=False)
    text = data.decode("utf-8")
    return text.split("?>", 1)[1] if text.startswith("<?xml") else text


def read_grammar(root: etree._Element) -> Grammar:
    """Model a parsed RELAX NG schema (XML syntax)."""
    return _Reader().read(root)


def self_reference(grammar: Grammar) -> str | None:
    """Why the grammar is unusable if a define reaches itself through refs alone, else None.

    RELAX NG (section 4.19) forbids a ``ref`` cycle that passes no ``element``:
    such a pattern has no finite meaning, and following it would never end.
    One depth-first walk over the define graph, so the check is linear.
    """
    edges: dict[str, list[str]] = {}
    for name, body in grammar.defines.items():
        found: list[str] = []
        stack = [body]
        while stack:
            p = stack.pop()
            kind = p[0]
            if kind == "ref":
                found.append(str(p[1]))
            elif kind in ("choice", "group", "interleave"):
                stack.extend(p[1])  # type: ignore[arg-type]
            elif kind in ("oneOrMore", "zeroOrMore", "optional", "mixed", "list"):
                stack.append(p[1])  # type: ignore[arg-type]
        edges[name] = [n for n in found if n in grammar.defines]
    state: dict[str, int] = {}  # 1 on the path, 2 done
    for start in edges:
        if state.get(start):
            continue
        path = [start]
        iters = [iter(edges[start])]
        state[start] = 1
        while iters:
            nxt = next(iters[-1], None)
            if nxt is None:
                state[path.pop()] = 2
                iters.pop()
            elif state.get(nxt) == 1:
                cycle = [*path[path.index(nxt) :], nxt]
                return (
                    "define " + " -> ".join(repr(c) for c in cycle) + " refers to itself "
                    "without an element in between, which RELAX NG forbids (section 4.19)"
                )
            elif not state.get(nxt):
                state[nxt] = 1
                path.append(nxt)
                iters.append(iter(edges[nxt]))
    return None


# --------------------------------------------------------------------------- smart constructors


def _choice(pats: Iterable[Pattern]) -> Pattern:
    # a set beside the list: a choice of 20,000 values stays linear, order is kept
    out: list[Pattern] = []
    seen: set[Pattern] = set()
    for p in pats:
        if p == NOT_ALLOWED:
            continue
        for q in p[1] if p[0] == "choice" else (p,):  # type: ignore[attr-defined]
            if q not in seen:
                seen.add(q)
                out.append(q)
    if not out:
        return NOT_ALLOWED
    return out[0] if len(out) == 1 else ("choice", tuple(out))


def _seq(kind: str, pats: Iterable[Pattern]) -> Pattern:
    out: list[Pattern] = []
    for p in pats:
        if p == NOT_ALLOWED:
            return NOT_ALLOWED
        if p == EMPTY:
            continue
        out.extend(p[1] if p[0] == kind else (p,))  # type: ignore[arg-type]
    if not out:
        return EMPTY
    return out[0] if len(out) == 1 else (kind, tuple(out))


def _group(pats: Iterable[Pattern]) -> Pattern:
    return _seq("group", pats)


def _interleave(pats: Iterable[Pattern]) -> Pattern:
    return _seq("interleave", pats)


def _unary(kind: str, p: Pattern) -> Pattern:
    if p == NOT_ALLOWED:
        return EMPTY if kind in ("zeroOrMore", "optional") else NOT_ALLOWED
    if p == EMPTY:
        return TEXT if kind == "mixed" else EMPTY
    return (kind, p)


# --------------------------------------------------------------------------- pruning


#: Per element (local name): the local names of its children and of its attributes.
Contexts = dict[str, tuple[frozenset[str], frozenset[str]]]
#: Context keys for the root (its "children" are the root element) and for wildcard elements.
ROOT, ANY = "", "*"


class Pruner:
    """Writes the part of a grammar a document can meet, as RELAX NG.

    Pruning is per element: inside the content of ``sp``, only patterns for
    elements the document has as children of some ``sp`` and attributes it
    has on some ``sp`` are kept. A pattern for something that never occurs in
    that place cannot match, so replacing it by ``notAllowed`` never changes a
    verdict; what remains is small, and libxml2 both compiles and runs it
    faster. Names are local names (any namespace), a safe over-approximation.
    """

    def __init__(self, grammar: Grammar, contexts: Contexts) -> None:
        self.g = grammar
        self.contexts = contexts
        self.memo: dict[tuple[str, str], Pattern] = {}
        self.kept: list[int] = []
        self.kept_set: set[int] = set()
        self.where = ROOT
        empty: frozenset[str] = frozenset()
        self.ctx = contexts.get(ROOT, (empty, empty))

    def enter(self, where: str) -> None:
        """Reduce what follows as the content of elements named ``where``.

        Names without a context of their own share the ``ANY`` one.
        """
        empty: frozenset[str] = frozenset()
        if where not in self.contexts:
            where = ANY
        self.where = where
        self.ctx = self.contexts.get(where, (empty, empty))

    def reduce(self, p: Pattern) -> Pattern:
        kind = p[0]
        if kind == "ref":
            key = (str(p[1]), self.where)
            if key not in self.memo:
                self.memo[key] = NOT_ALLOWED  # refs recurse only through elements
                self.memo[key] = self.reduce(self.g.defines.get(key[0], NOT_ALLOWED))
            return self.memo[key]
        if kind == "el":
            i = int(p[1])  # type: ignore[call-overload]
            decl = self.g.elements[i]
            if decl.name is not None and decl.name[1] not in self.ctx[0]:
                return NOT_ALLOWED
            if i not in self.kept_set:
                self.kept_set.add(i)
                self.kept.append(i)
            return p
        if kind == "att":
            decl = self.g.attributes[int(p[1])]  # type: ignore[call-overload]
            if decl.name is not None and decl.name[1] not in self.ctx[1]:
                return NOT_ALLOWED
            return p
        if kind == "choice":
            return _choice(self.reduce(q) for q in p[1])  # type: ignore[attr-defined]
        if kind in ("group", "interleave"):
            return _seq(str(kind), (self.reduce(q) for q in p[1]))  # type: ignore[attr-defined]
        if kind in ("oneOrMore", "zeroOrMore", "optional", "mixed", "list"):
            return _unary(str(kind), self.reduce(p[1]))  # type: ignore[arg-type]
        return p

    def rng(self) -> bytes:
        """The pruned grammar as RELAX NG XML."""
        start = self.reduce(self.g.start)
        parts = [f'<grammar xmlns="{RNG_NS}"><start>', _xml(start, self.g, self), "</start>"]
        done = 0
        while done < len(self.kept):
            i = self.kept[done]
            done += 1
            decl = self.g.elements[i]
            self.enter(decl.name[1] if decl.name is not None else ANY)
            content = _gather_attributes(self.reduce(decl.content))
            if decl.name is not None:
                head = f"<element {decl.nameclass}>"
            else:
                head = f"<element>{decl.nameclass}"
            # the top-level group written as the element's own children: libxml2
            # then compiles the content far better (measured 3x on FRUS volumes)
            items = content[1] if content[0] == "group" else (content,)
            body = "".join(_xml(q, self.g, self) for q in items)  # type: ignore[attr-defined]
            parts.append(f'<define name="e{i}">{head}{body}</element></define>')
        parts.append("</grammar>")
        return "".join(parts).encode("utf-8")


def _gather_attributes(p: Pattern) -> Pattern:
    """``group(optional(@a), optional(@b), rest)`` as ``group(rest, zeroOrMore(choice(@a, @b)))``.

    The two are the same language (attributes are unordered and never
    repeated), but libxml2 handles the gathered form, written as the
    element's own children, much faster than a group of optionals: together
    with unwrapping the group it made FRUS volumes validate about four times
    faster. Only independent optional attributes are gathered.
    """
    if p[0] not in ("group", "interleave"):
        return p
    items: tuple[Pattern, ...] = p[1]  # type: ignore[assignment]
    loose = [q for q in items if q[0] == "optional" and q[1][0] == "att"]  # type: ignore[index]
    if len(loose) < 2:
        return p
    rest = [q for q in items if not (q[0] == "optional" and q[1][0] == "att")]  # type: ignore[index]
    gathered = ("zeroOrMore", _choice(q[1] for q in loose))  # type: ignore[misc]
    return _seq(str(p[0]), [*rest, gathered])  # attributes last: measurably faster still


def _xml(p: Pattern, g: Grammar, pruner: Pruner | None = None) -> str:
    kind = p[0]
    if kind in ("empty", "text", "notAllowed"):
        return f"<{kind}/>"
    if kind == "el":
        return f'<ref name="e{p[1]}"/>'
    if kind == "att":
        decl = g.attributes[int(p[1])]  # type: ignore[call-overload]
        value = pruner.reduce(decl.content) if pruner else decl.content
        if decl.name is not None:
            return f"<attribute {decl.nameclass}>{_xml(value, g, pruner)}</attribute>"
        return f"<attribute>{decl.nameclass}{_xml(value, g, pruner)}</attribute>"
    if kind in ("choice", "group", "interleave"):
        inner = "".join(_xml(q, g, pruner) for q in p[1])  # type: ignore[attr-defined]
        return f"<{kind}>{inner}</{kind}>"
    if kind in ("oneOrMore", "zeroOrMore", "optional", "mixed", "list"):
        return f"<{kind}>{_xml(p[1], g, pruner)}</{kind}>"  # type: ignore[arg-type]
    if kind in ("data", "value"):
        return str(p[1])
    raise AssertionError(kind)  # refs are reduced away before writing


# --------------------------------------------------------------------------- explaining


class Explainer:
    """Answers questions about content models of the full grammar."""

    def __init__(self, grammar: Grammar) -> None:
        self.g = grammar
        self._value_schemas: dict[int, etree.RelaxNG] = {}
        # Memos: a whole-document scan asks the same questions thousands of times.
        # Pattern-keyed memos use id() and keep the pattern alive in the value.
        self._deriv: dict[tuple[int, Name], tuple[Pattern, Pattern]] = {}
        self._null: dict[int, tuple[Pattern, bool]] = {}
        self._per_decl: dict[tuple[str, int], object] = {}
        self._values_ok: dict[tuple[int, str], bool] = {}

    def _memo(self, what: str, decl: int, compute: Callable[[int], T]) -> T:
        key = (what, decl)
        if key not in self._per_decl:
            self._per_decl[key] = compute(decl)
        return self._per_decl[key]  # type: ignore[return-value]

    def decls(self, name: Name) -> list[int]:
        return self.g.by_name.get(name, [])

    def declared(self, name: Name) -> bool:
        return name in self.g.by_name

    def _walk(self, p: Pattern, seen: set[str]) -> Iterator[Pattern]:
        """Element and attribute patterns in ``p`` not nested in another element."""
        kind = p[0]
        if kind in ("el", "att"):
            yield p
        elif kind == "ref":
            name = str(p[1])
            if name not in seen:
                seen.add(name)
                yield from self._walk(self.g.defines.get(name, NOT_ALLOWED), seen)
        elif kind in ("choice", "group", "interleave"):
            for q in p[1]:  # type: ignore[attr-defined]
                yield from self._walk(q, seen)
        elif kind in ("oneOrMore", "zeroOrMore", "optional", "mixed"):
            yield from self._walk(p[1], seen)  # type: ignore[arg-type]

    def children(self, decl: int) -> set[Name]:
        return self._memo("children", decl, self._children)

    def _children(self, decl: int) -> set[Name]:
        return {
            n
            for p in self._walk(self.g.elements[decl].content, set())
            if p[0] == "el" and (n := self.g.elements[int(p[1])].name) is not None  # type: ignore[call-overload]
        }

    def attributes(self, decl: int) -> dict[Name, list[int]]:
        """Attribute names an element allows, each with its declarations."""
        return self._memo("attributes", decl, self._attributes)

    def _attributes(self, decl: int) -> dict[Name, list[int]]:
        out: dict[Name, list[int]] = {}
        for p in self._walk(self.g.elements[decl].content, set()):
            if p[0] == "att":
                a = self.g.attributes[int(p[1])]  # type: ignore[call-overload]
                if a.name is not None:
                    out.setdefault(a.name, []).append(int(p[1]))  # type: ignore[call-overload]
        return out

    def has_any_attribute(self, decl: int) -> bool:
        return self._memo("any-attribute", decl, self._has_any_attribute)

    def _has_any_attribute(self, decl: int) -> bool:
        return any(
            p[0] == "att" and self.g.attributes[int(p[1])].name is None  # type: ignore[call-overload]
            for p in self._walk(self.g.elements[decl].content, set())
        )

    def required_attributes(self, decl: int) -> list[Name]:
        return self._memo("required", decl, self._required_attributes)

    def _required_attributes(self, decl: int) -> list[Name]:
        out: list[Name] = []
        self._required(self.g.elements[decl].content, out, set())
        return out

    def _required(self, p: Pattern, out: list[Name], seen: set[str]) -> None:
        kind = p[0]
        if kind == "att":
            name = self.g.attributes[int(p[1])].name  # type: ignore[call-overload]
            if name is not None and name not in out:
                out.append(name)
        elif kind == "ref" and str(p[1]) not in seen:
            seen.add(str(p[1]))
            self._required(self.g.defines.get(str(p[1]), NOT_ALLOWED), out, seen)
        elif kind in ("group", "interleave"):
            for q in p[1]:  # type: ignore[attr-defined]
                self._required(q, out, seen)
        elif kind in ("oneOrMore", "mixed"):
            self._required(p[1], out, seen)  # type: ignore[arg-type]

    def values(self, attr: int) -> tuple[list[str], bool]:
        """The literal values an attribute allows, and whether they are all it allows."""
        vals: list[str] = []

        def walk(p: Pattern, seen: frozenset[str]) -> bool:
            kind = p[0]
            if kind == "value":
                value = str(p[2]).strip()
                if value not in vals:
                    vals.append(value)
                return True
            if kind in ("choice", "group"):
                results = [walk(q, seen) for q in p[1]]  # type: ignore[attr-defined]
                return all(results)
            if kind in ("list", "oneOrMore", "zeroOrMore", "optional"):
                # a closed list of tokens (TEI's valList with maxOccurs > 1) is still closed
                return walk(p[1], seen)  # type: ignore[arg-type]
            if kind == "ref" and str(p[1]) not in seen:
                target = self.g.defines.get(str(p[1]), NOT_ALLOWED)
                return walk(target, seen | {str(p[1])})
            return False

        closed = walk(self.g.attributes[attr].content, frozenset())
        return vals, closed and bool(vals)

    def is_token_list(self, attr: int) -> bool:
        """Whether an attribute's value is a space-separated list (RELAX NG ``list``)."""

        def walk(p: Pattern, seen: frozenset[str]) -> bool:
            kind = p[0]
            if kind == "list":
                return True
            if kind in ("choice", "group"):
                return any(walk(q, seen) for q in p[1])  # type: ignore[attr-defined]
            if kind in ("oneOrMore", "zeroOrMore", "optional"):
                return walk(p[1], seen)  # type: ignore[arg-type]
            if kind == "ref" and str(p[1]) not in seen:
                return walk(self.g.defines.get(str(p[1]), NOT_ALLOWED), seen | {str(p[1])})
            return False

        return walk(self.g.attributes[attr].content, frozenset())

    def value_ok(self, attr: int, value: str) -> bool:
        key = (attr, value)
        if key not in self._values_ok:
            if len(self._values_ok) > _VALUE_MEMO:
                self._values_ok.clear()  # bounded: documents can hold millions of values
            self._values_ok[key] = self._value_ok(attr, value)
        return self._values_ok[key]

    def _value_ok(self, attr: int, value: str) -> bool:
        """Whether ``value`` matches the attribute's value pattern, datatypes included.

        libxml2 is the oracle: a one-attribute grammar is compiled (once per
        attribute) and a one-element document checked against it.
        """
        schema = self._value_schemas.get(attr)
        if schema is None:
            decl = self.g.attributes[attr]
            pruner = Pruner(self.g, {})
            content = _xml(pruner.reduce(decl.content), self.g, pruner)
            rng = (
                f'<element xmlns="{RNG_NS}"><anyName/><attribute name="v">{content}'
                "</attribute></element>"
            )
            schema = etree.RelaxNG(etree.fromstring(rng))
            self._value_schemas[attr] = schema
        probe = etree.Element("x", v=value)
        return bool(schema.validate(probe))

    def datatypes(self, attr: int) -> list[str]:
        """The datatypes an attribute value may have (``date``, ``anyURI`` …)."""
        out: list[str] = []

        def walk(p: Pattern, seen: set[str]) -> None:
            kind = p[0]
            if kind == "data" and str(p[2]) not in out:
                out.append(str(p[2]))
            elif kind == "ref" and str(p[1]) not in seen:
                seen.add(str(p[1]))
                walk(self.g.defines.get(str(p[1]), NOT_ALLOWED), seen)
            elif kind in ("choice", "group", "interleave"):
                for q in p[1]:  # type: ignore[attr-defined]
                    walk(q, seen)
            elif kind in ("oneOrMore", "zeroOrMore", "optional", "list"):
                walk(p[1], seen)  # type: ignore[arg-type]

        walk(self.g.attributes[attr].content, set())
        return out

    def allows_text(self, decl: int) -> bool:
        return self._memo("text", decl, self._allows_text)

    def _allows_text(self, decl: int) -> bool:
        return self._has_text(self.g.elements[decl].content, set())

    def _has_text(self, p: Pattern, seen: set[str]) -> bool:
        kind = p[0]
        if kind in ("text", "mixed", "data", "value", "list"):
            return True
        if kind == "ref" and str(p[1]) not in seen:
            seen.add(str(p[1]))
            return self._has_text(self.g.defines.get(str(p[1]), NOT_ALLOWED), seen)
        if kind in ("choice", "group", "interleave"):
            return any(self._has_text(q, seen) for q in p[1])  # type: ignore[attr-defined]
        if kind in ("oneOrMore", "zeroOrMore", "optional"):
            return self._has_text(p[1], seen)  # type: ignore[arg-type]
        return False

    # ---- derivatives over element names (attributes and text are ignored here)

    def _deref(self, p: Pattern) -> Pattern:
        # bounded: a ref cycle (refused when the schema is read) can never loop here
        for _ in range(len(self.g.defines) + 1):
            if p[0] != "ref":
                return p
            p = self.g.defines.get(str(p[1]), NOT_ALLOWED)
        return NOT_ALLOWED

    def nullable(self, p: Pattern) -> bool:
        hit = self._null.get(id(p))
        if hit is None:
            hit = self._null[id(p)] = (p, self._nullable(p))
        return hit[1]

    def _nullable(self, p: Pattern) -> bool:
        p = self._deref(p)
        kind = p[0]
        if kind in ("el", "notAllowed"):
            return False
        if kind == "choice":
            return any(self.nullable(q) for q in p[1])  # type: ignore[attr-defined]
        if kind in ("group", "interleave"):
            return all(self.nullable(q) for q in p[1])  # type: ignore[attr-defined]
        if kind in ("oneOrMore", "mixed"):
            return self.nullable(p[1])  # type: ignore[arg-type]
        return True

    def _matches(self, decl: int, name: Name) -> bool:
        d = self.g.elements[decl]
        return d.name == name if d.name is not None else True

    def deriv(self, p: Pattern, name: Name) -> Pattern:
        """What ``p`` still allows after a child element named ``name``."""
        key = (id(p), name)
        hit = self._deriv.get(key)
        if hit is None:
            hit = self._deriv[key] = (p, self._derive(p, name))
        return hit[1]

    def _derive(self, p: Pattern, name: Name) -> Pattern:
        p = self._deref(p)
        kind = p[0]
        if kind == "el":
            return EMPTY if self._matches(int(p[1]), name) else NOT_ALLOWED  # type: ignore[call-overload]
        if kind == "choice":
            return _choice(self.deriv(q, name) for q in p[1])  # type: ignore[attr-defined]
        if kind == "group":
            first, rest = p[1][0], _group(p[1][1:])  # type: ignore[index]
            d = _group((self.deriv(first, name), rest))
            return _choice((d, self.deriv(rest, name))) if self.nullable(first) else d
        if kind == "interleave":
            items: tuple[Pattern, ...] = p[1]  # type: ignore[assignment]
            return _choice(
                _interleave((*items[:i], self.deriv(q, name), *items[i + 1 :]))
                for i, q in enumerate(items)
            )
        if kind in ("oneOrMore", "zeroOrMore"):
            inner: Pattern = p[1]  # type: ignore[assignment]
            return _group((self.deriv(inner, name), ("zeroOrMore", inner)))
        if kind == "optional":
            return self.deriv(p[1], name)  # type: ignore[arg-type]
        if kind == "mixed":
            return _unary("mixed", self.deriv(p[1], name))  # type: ignore[arg-type]
        return NOT_ALLOWED

    def first(self, p: Pattern, seen: set[str] | None = None) -> list[Name]:
        """Element names ``p`` may start with, in schema order."""
        out: list[Name] = []
        self._first(p, out, seen or set())
        return out

    def _first(self, p: Pattern, out: list[Name], seen: set[str]) -> None:
        kind = p[0]
        if kind == "ref":
            if str(p[1]) not in seen:
                seen.add(str(p[1]))
                self._first(self.g.defines.get(str(p[1]), NOT_ALLOWED), out, seen)
        elif kind == "el":
            n = self.g.elements[int(p[1])].name  # type: ignore[call-overload]
            if n is not None and n not in out:
                out.append(n)
        elif kind in ("choice", "interleave"):
            for q in p[1]:  # type: ignore[attr-defined]
                self._first(q, out, seen)
        elif kind == "group":
            for q in p[1]:  # type: ignore[attr-defined]
                self._first(q, out, seen)
                if not self.nullable(q):
                    break
        elif kind in ("oneOrMore", "zeroOrMore", "optional", "mixed"):
            self._first(p[1], out, seen)  # type: ignore[arg-type]
