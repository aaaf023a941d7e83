"""Checks that keep a hostile or mistaken ODD from producing a schema that breaks its users.

An ODD is input like any other: a name that is not an XML name would be
written into the RELAX NG as is (and libxml2 then refuses the schema); a macro
that refers to itself would make a grammar no validator can load (or one that
loops); an XPath nested hundreds of levels deep exhausts a recursive parser; a
regular expression with nested quantifiers makes a backtracking engine
(Python's ``re``, which XSD validators in Python use) take exponential time.
Each is found here, at the ODD construct that causes it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.odd.locate import describe, odd_error
from teikit.odd.specs import ClassSpec, T
from teikit.xmlio import RNG_NS

if TYPE_CHECKING:
    from lxml import etree

    from teikit.odd.customize import Customization

R = f"{{{RNG_NS}}}"
# XML 1.0 (5th ed.) NCName, as a regular expression over the permitted ranges.
_NAME_START = (
    "A-Z_a-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd\U00010000-\U000effff"
)
_NAME_CHAR = _NAME_START + r"\-.0-9\u00b7\u0300-\u036f\u203f-\u2040"
NCNAME = re.compile(f"[{_NAME_START}][{_NAME_CHAR}]*")
# Deeper nesting than this in one XPath is no real constraint; parsers recurse on it.
MAX_XPATH_NESTING = 64


def is_ncname(value: str) -> bool:
    return NCNAME.fullmatch(value) is not None


def check_prefix(node: etree._Element, value: str | None) -> None:
    """A pattern-name prefix (``@prefix``): with a name after it, still an XML name."""
    if value and not is_ncname(value + "x"):
        raise odd_error(node, f"{describe(node)}: prefix {value!r} cannot start an XML name")


def check_ncname(node: etree._Element, value: str, what: str) -> None:
    """``value`` (an ident, altIdent or prefix written at ``node``) must be an XML name."""
    if not is_ncname(value):
        raise odd_error(node, f"{describe(node)}: {what} {value!r} is not an XML name (NCName)")


def check_attribute_name(node: etree._Element, value: str) -> None:
    """An attribute's ident: an NCName, or a prefixed name such as ``xml:lang``."""
    prefix, sep, local = value.partition(":")
    if not (is_ncname(prefix) and (not sep or is_ncname(local))):
        raise odd_error(node, f"{describe(node)}: attribute name {value!r} is not an XML name")


def xpath_nesting(expr: str) -> int:
    """How deep brackets nest in an XPath (string literals skipped)."""
    depth = deepest = 0
    quote = ""
    for ch in expr:
        if quote:
            if ch == quote:
                quote = ""
        elif ch in "'\"":
            quote = ch
        elif ch in "([{":
            depth += 1
            deepest = max(deepest, depth)
        elif ch in ")]}":
            depth -= 1
    return deepest


def check_xpath(node: etree._Element, attr: str, expr: str) -> None:
    if xpath_nesting(expr) > MAX_XPATH_NESTING:
        raise odd_error(
            node,
            f"{describe(node)} @{attr}: the XPath nests brackets more than "
            f"{MAX_XPATH_NESTING} deep; "
            "no validator can parse it safely",
        )


_QUANTIFIER = re.compile(r"[*+?]|\{\d+(,\d*)?\}")


def _strip_classes(pattern: str) -> str:
    """The pattern with escapes and character classes reduced to one plain character each."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        ch = pattern[i]
        if ch == "\\":
            out.append("x")
            i += 2
            continue
        if ch == "[":
            depth = 1
            i += 1
            while i < len(pattern) and depth:
                if pattern[i] == "\\":
                    i += 1
                elif pattern[i] == "[":
                    depth += 1
                elif pattern[i] == "]":
                    depth -= 1
                i += 1
            out.append("x")
            continue
        out.append(ch)
        i += 1
    return "".join(out)


def _repeats(quantifier: str) -> bool:
    """Whether a quantifier lets its atom occur more than once."""
    if quantifier in ("*", "+"):
        return True
    if quantifier.startswith("{"):
        bounds = quantifier[1:-1].split(",")
        return len(bounds) == 2 and (bounds[1] == "" or int(bounds[1]) > 1)
    return False


def _unbounded(quantifier: str) -> bool:
    return quantifier in ("*", "+") or quantifier.endswith(",}")


def is_catastrophic(pattern: str) -> bool:
    r"""Whether a regular expression has a group repeated without bound that itself repeats
    something (``(a+)+``, ``(x*y)*``, ``(a{2,}b?){2,}``…): the shape that makes a
    backtracking engine take exponential time on a near-miss. A bounded repeat of such a
    group (``(\.\d+){0,2}``) costs polynomial time and passes. Over-cautious by design: a
    pattern flagged is only left out of the XSD, never out of the RELAX NG."""
    text = _strip_classes(pattern)
    stack: list[int] = []
    inner_repeat: list[bool] = []
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "(":
            stack.append(i)
            inner_repeat.append(False)
            i += 1
            continue
        if ch == ")" and stack:
            stack.pop()
            repeated_inside = inner_repeat.pop()
            m = _QUANTIFIER.match(text, i + 1)
            if m and _repeats(m.group(0)):
                if repeated_inside and _unbounded(m.group(0)):
                    return True
                if inner_repeat:
                    inner_repeat[-1] = True
            elif inner_repeat and repeated_inside:
                inner_repeat[-1] = True
            i += 1
            continue
        m = _QUANTIFIER.match(text, i)
        if m and i > 0 and _repeats(m.group(0)) and inner_repeat:
            inner_repeat[-1] = True
        i += 1
    return False


def _content_refs(content: etree._Element | None) -> list[str]:
    """Names of macros and datatypes a content model uses outside any element."""
    if content is None:
        return []
    out: list[str] = []

    def walk(node: etree._Element) -> None:
        for child in node:
            if not isinstance(child.tag, str) or child.tag == f"{R}element":
                continue
            if child.tag in (f"{T}macroRef", f"{T}dataRef") and child.get("key"):
                out.append(child.get("key", ""))
            elif child.tag == f"{R}ref" and child.get("name"):
                out.append(child.get("name", ""))
            walk(child)

    walk(content)
    return out


def check_cycles(custom: Customization) -> None:
    """Macros, datatypes and model classes must not refer to themselves without an element
    in between (RELAX NG 4.19 forbids it; validators loop or refuse the schema)."""
    specs = {**custom.macros, **custom.datatypes}
    graph: dict[str, list[str]] = {
        name: [r for r in _content_refs(spec.content) if r in specs] for name, spec in specs.items()
    }
    _find_cycle(graph, lambda name: specs[name].node, "refers to itself")
    models = {k: c for k, c in custom.classes.items() if isinstance(c, ClassSpec)}
    members: dict[str, list[str]] = {k: [] for k, c in models.items() if c.type == "model"}
    for key, cls in models.items():
        if cls.type == "model":
            for parent in cls.classes:
                if parent in members:
                    members[parent].append(key)
    _find_cycle(members, lambda name: models[name].node, "is a member of itself")


def _find_cycle(graph: dict[str, list[str]], node_of: object, verb: str) -> None:
    state: dict[str, int] = {}
    for start in sorted(graph):
        if state.get(start):
            continue
        path: list[str] = []
        stack: list[tuple[str, int]] = [(start, 0)]
        while stack:
            name, i = stack.pop()
            if i == 0:
                state[name] = 1
                path.append(name)
            edges = graph.get(name, [])
            if i < len(edges):
                stack.append((name, i + 1))
                nxt = edges[i]
                if state.get(nxt) == 1:
                    loop = [*path[path.index(nxt) :], nxt]
                    where = node_of(nxt)  # type: ignore[operator]
                    raise odd_error(
                        where,
                        f"{describe(where)}: {nxt} {verb} ({' → '.join(loop)}) without an "
                        "element in between; no schema can say that",
                    )
                if not state.get(nxt):
                    stack.append((nxt, 0))
            else:
                state[name] = 2
                path.pop()
