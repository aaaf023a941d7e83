"""Schematron expressions, compiled once for two XPath engines.

libxml2's XPath (through lxml) is an order of magnitude faster than a pure
Python XPath 2 engine, and most Schematron tests written for XPath 2 are in
fact plain XPath 1 (``@type``, ``ancestor::tei:p``, ``count(x) > 1``). So each
expression is lexed and, when it is *conservatively* XPath-1 compatible, also
compiled with :class:`lxml.etree.XPath`; every expression is compiled with
elementpath as well, which answers whenever lxml cannot (XPath 2 syntax or
functions, attribute context items, values lxml cannot carry).

"Conservative" means the expression only uses XPath 1 syntax and functions
whose XPath 1 and XPath 2 results agree in a boolean or string context; any
doubt (an ``eq``, a prefixed function, a comparison of two node-sets with
``<``) sends it to elementpath, which is always right but slower.

XSLT's ``current()`` is rewritten to a variable bound to the rule context, so
that both engines understand it. ``doc()``/``document()`` are accepted only
with a literal local file name, which is loaded once, safely, with the schema.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lxml import etree

#: The variable that stands for XSLT's ``current()`` in rewritten expressions.
CURRENT_VAR = "teikit-current"

_TOKEN = re.compile(
    r"""
    (?P<ws>\s+)
   |(?P<comment>\(:)
   |(?P<str>"(?:[^"]|"")*"|'(?:[^']|'')*')
   |(?P<num>\.\d+(?:[eE][+-]?\d+)?|\d+(?:\.\d*)?(?:[eE][+-]?\d+)?)
   |(?P<var>\$\s*(?:[^\W\d][\w.\-]*:)?[^\W\d][\w.\-]*)
   |(?P<name>Q\{[^}]*\}[^\W\d][\w.\-]*
        |(?:\*|[^\W\d][\w.\-]*)(?::(?:\*|[^\W\d][\w.\-]*))?)
   |(?P<op>::|//|\.\.|!=|<=|>=|<<|>>|\|\||:=|=>|[()\[\],@/|=<>+\-*!?.{}\#:;])
    """,
    re.VERBOSE,
)

#: XPath 1 core functions whose results XPath 2 agrees with in Schematron use.
#: ``id`` is left out: teikit parses without collecting IDs, so libxml2's ``id()``
#: would find nothing.
XPATH1_FUNCTIONS = frozenset(
    {
        "last", "position", "count", "local-name", "namespace-uri", "name",
        "string", "concat", "starts-with", "contains", "substring-before",
        "substring-after", "substring", "string-length", "normalize-space",
        "translate", "boolean", "not", "true", "false", "lang", "number", "sum",
        "floor", "ceiling", "round",
    }
)  # fmt: skip
_NUMERIC_FUNCTIONS = frozenset(
    {"count", "string-length", "number", "sum", "floor", "ceiling", "round", "position", "last"}
)
_NODE_TESTS = frozenset({"node", "text", "comment", "processing-instruction"})
_XPATH2_KIND_TESTS = frozenset(
    {"element", "attribute", "document-node", "schema-element", "schema-attribute", "item",
     "empty-sequence", "namespace-node", "function", "map", "array"}
)  # fmt: skip
_XPATH2_KEYWORDS = frozenset(
    {"for", "some", "every", "if", "then", "else", "return", "satisfies", "in", "instance",
     "of", "cast", "castable", "treat", "as", "except", "intersect", "union", "to", "eq",
     "ne", "lt", "le", "gt", "ge", "is", "idiv", "let"}
)  # fmt: skip
_XPATH2_OPS = frozenset({"<<", ">>", "||", ":=", "=>", "!", "?", "{", "}", "#", ";"})
_RELATIONAL = frozenset({"<", ">", "<=", ">="})


@dataclass(frozen=True, slots=True)
class Token:
    kind: str
    text: str
    start: int
    end: int


def tokenize(expr: str) -> list[Token]:
    """Lex an expression; raises ValueError on a character no XPath allows.

    Lexed once per expression and process: compiling a schema (and its XSLT
    screen) asks for the same expressions several times.
    """
    return list(_lexed(expr))


@lru_cache(maxsize=4096)
def _lexed(expr: str) -> tuple[Token, ...]:
    tokens: list[Token] = []
    pos = 0
    while pos < len(expr):
        m = _TOKEN.match(expr, pos)
        if m is None:
            raise ValueError(f"unexpected character {expr[pos]!r} at offset {pos}")
        kind = m.lastgroup or "op"
        if kind == "comment":
            end = expr.find(":)", m.end())
            if end < 0:
                raise ValueError("unterminated comment")
            tokens.append(Token("comment", expr[pos : end + 2], pos, end + 2))
            pos = end + 2
            continue
        if kind != "ws":
            tokens.append(Token(kind, m.group(), pos, m.end()))
        pos = m.end()
    return tuple(tokens)


_OPERATOR_NAMES = frozenset({"and", "or", "div", "mod"})
_OPERAND_ENDS = frozenset({")", "]", "*", ".", ".."})


def _is_call(tokens: list[Token], i: int) -> bool:
    """Whether the name at ``i`` is a function call or kind test (followed by ``(``).

    ``and (``, ``or (``, ``div (``, ``mod (`` after an operand are operators before a
    parenthesized operand, not calls: taking them for calls of unknown functions
    sent plain XPath 1 tests to the slow XPath 2 evaluator.
    """
    prev_tok = tokens[i - 1] if i else None
    prev = prev_tok.text if prev_tok is not None else ""
    if (
        tokens[i].text in _OPERATOR_NAMES
        and prev_tok is not None
        and (prev_tok.kind in ("num", "str", "var", "name") or prev in _OPERAND_ENDS)
        and prev not in ("@", "::")
    ):
        return False
    return (
        i + 1 < len(tokens)
        and tokens[i + 1].text == "("
        and prev != "@"
        and not (i + 1 < len(tokens) and tokens[i + 1].text == "::")
    )


@dataclass(frozen=True, slots=True)
class Analysis:
    """What the lexer learns about an expression before compiling it."""

    variables: frozenset[str]
    functions: frozenset[str]
    xpath1: bool
    rewritten: str
    doc_uris: tuple[str, ...] = field(default=())


def _var_name(tok: Token) -> str:
    return tok.text[1:].strip()


@lru_cache(maxsize=4096)
def analyse(expr: str) -> Analysis:
    """Lex ``expr``; find variables, functions, XPath-1 compatibility; rewrite current()."""
    tokens = tokenize(expr)
    variables: set[str] = set()
    functions: set[str] = set()
    xpath1 = True
    stack: list[str | None] = []
    last_closed: str | None = None
    pieces: list[str] = []
    copied = 0
    doc_uris: list[str] = []
    bound: set[str] = set()
    for i, tok in enumerate(tokens):
        prev = tokens[i - 1] if i else None
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if tok.kind == "comment":
            xpath1 = False
        elif tok.kind == "var":
            if nxt is not None and nxt.text in ("in", ":="):
                bound.add(_var_name(tok))  # a for/some/every/let range variable
            else:
                variables.add(_var_name(tok))
        elif tok.kind == "num":
            if "e" in tok.text.lower():
                xpath1 = False
        elif tok.kind == "name":
            if _is_call(tokens, i):
                if tok.text in _NODE_TESTS:
                    continue
                if tok.text in _XPATH2_KIND_TESTS:
                    xpath1 = False
                    continue
                functions.add(tok.text)
                if tok.text == "current" and i + 2 < len(tokens) and tokens[i + 2].text == ")":
                    pieces.append(expr[copied : tok.start])
                    pieces.append(f"${CURRENT_VAR}")
                    copied = tokens[i + 2].end
                    variables.add(CURRENT_VAR)
                elif (
                    tok.text == "generate-id" and i + 2 < len(tokens) and tokens[i + 2].text == ")"
                ):
                    # XSLT's generate-id() reads the context item, which an
                    # external function cannot see: pass it explicitly.
                    pieces.append(expr[copied : tokens[i + 2].start])
                    pieces.append(".")
                    copied = tokens[i + 2].start
                elif tok.text in ("doc", "document"):
                    xpath1 = False
                    arg = tokens[i + 2] if i + 2 < len(tokens) else None
                    close = tokens[i + 3] if i + 3 < len(tokens) else None
                    if arg is not None and arg.kind == "str" and close and close.text == ")":
                        doc_uris.append(arg.text[1:-1])
                    if tok.text == "document":
                        pieces.append(expr[copied : tok.start])
                        pieces.append("doc")
                        copied = tok.end
                elif tok.text not in XPATH1_FUNCTIONS:
                    xpath1 = False
            elif (
                tok.text in _XPATH2_KEYWORDS
                and ":" not in tok.text
                and (prev is None or prev.text not in ("@", "::", "/", "//"))
                and (nxt is None or nxt.text != "::")
            ) or tok.text.startswith("Q{"):
                xpath1 = False
        elif tok.kind == "op":
            t = tok.text
            if t in _XPATH2_OPS:
                xpath1 = False
            elif t == "(":
                is_fn = prev is not None and prev.kind == "name" and _is_call(tokens, i - 1)
                stack.append(prev.text if is_fn and prev is not None else None)
                if not is_fn and nxt is not None and nxt.text == ")":
                    xpath1 = False  # empty sequence
            elif t == "[":
                stack.append("[")
            elif t in (")", "]"):
                last_closed = stack.pop() if stack else None
            elif t == ",":
                if not stack or stack[-1] is None or stack[-1] == "[":
                    xpath1 = False  # sequence constructor
            elif t in _RELATIONAL and not _numeric_comparison(tokens, i, last_closed):
                xpath1 = False
    pieces.append(expr[copied:])
    return Analysis(
        variables=frozenset(variables - bound),
        functions=frozenset(functions),
        xpath1=xpath1,
        rewritten="".join(pieces),
        doc_uris=tuple(doc_uris),
    )


def _numeric_comparison(tokens: list[Token], i: int, last_closed: str | None) -> bool:
    """Whether a ``<``-like comparison has a numeric operand, so both XPaths agree.

    XPath 2 compares two untyped node values as strings, XPath 1 as numbers; with
    a number on one side both convert to numbers.
    """
    prev = tokens[i - 1] if i else None
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    if prev is not None and (
        prev.kind == "num" or (prev.text == ")" and last_closed in _NUMERIC_FUNCTIONS)
    ):
        return True
    if nxt is not None:
        if nxt.kind == "num" or (nxt.text == "-" and i + 2 < len(tokens)
                                 and tokens[i + 2].kind == "num"):  # fmt: skip
            return True
        if nxt.text in _NUMERIC_FUNCTIONS and i + 2 < len(tokens) and tokens[i + 2].text == "(":
            return True
    return False


def compile_lxml(expr: str, namespaces: dict[str, str], *, smart: bool = False) -> Any:
    """Compile for libxml2; raises etree.XPathSyntaxError when libxml2 refuses it."""
    return etree.XPath(expr, namespaces=namespaces, smart_strings=smart)


#: The variable holding the context nodes of a set-at-a-time evaluation.
SET_VAR = "teikit_nodes"


def compile_set_filter(test: str, namespaces: dict[str, str]) -> Any:
    """``$nodes[test]`` for libxml2: which of many context nodes pass ``test``, in one call.

    ``test`` must be a boolean-valued expression (a number would be read as a
    position) whose value depends only on the context node. Returns None when
    libxml2 refuses the combined expression, so the caller evaluates per node.
    """
    try:
        return compile_lxml(f"${SET_VAR}[{test}]", namespaces)
    except etree.XPathSyntaxError:
        return None


def context_to_select(context: str) -> str:
    """Turn an XSLT match pattern into an expression selecting every node it matches.

    Each alternative of a union that does not start at the root is prefixed with
    ``//``, which is the pattern's meaning (a node matches ``a/b`` when it is a
    ``b`` child of an ``a`` anywhere).
    """
    alternatives = split_union(context)
    out = []
    for alt in alternatives:
        a = alt.strip()
        if a.startswith("/") or re.match(r"^(id|key|doc|document)\s*\(", a):
            out.append(a)
        else:
            out.append("//" + a)
    return " | ".join(out)


def split_union(expr: str) -> list[str]:
    """Split on the top-level ``|`` (and ``union``) of an expression."""
    tokens = tokenize(expr)
    parts: list[str] = []
    depth = 0
    start = 0
    for tok in tokens:
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth -= 1
        elif depth == 0 and (tok.text == "|" or (tok.kind == "name" and tok.text == "union")):
            parts.append(expr[start : tok.start])
            start = tok.end
    parts.append(expr[start:])
    return [p for p in parts if p.strip()]


def substitute_params(expr: str, params: dict[str, str]) -> str:
    """Replace ``$name`` by a parameter's value, as abstract-pattern instantiation does."""
    if not params or "$" not in expr:
        return expr
    names = sorted(params, key=len, reverse=True)
    pattern = re.compile(r"\$(" + "|".join(re.escape(n) for n in names) + r")(?![\w.\-])")
    return pattern.sub(lambda m: params[m.group(1)], expr)


@dataclass(frozen=True, slots=True)
class PatternSplit:
    """A match pattern as "lxml finds candidates, a per-node test decides".

    ``candidates`` is an XPath 1 selection of every node whose name fits the
    pattern's last step; ``self_test`` is an expression that is true, with a
    candidate as context item, exactly when the pattern matches it.
    """

    candidates: str
    self_test: str
    names: tuple[str, ...] = ()
    #: The predicates of the last step, and whether the pattern has only that step.
    last_predicates: str = ""
    single_step: bool = True
    #: The names of every step, outermost first: a node can match only in a
    #: document that has an element of one name of each step.
    step_names: tuple[tuple[str, ...], ...] = ()


def _step_parts(tokens: list[Token], expr: str) -> tuple[list[str], str] | None:
    """Node-test names and the predicate text of one element step, or None if not simple."""
    if not tokens:
        return None
    names: list[str] = []
    i = 0
    if tokens[0].text == "(":
        j = 1
        while j < len(tokens) and tokens[j].text != ")":
            if tokens[j].kind == "name" and not tokens[j].text.startswith(("*:", "Q{")):
                names.append(tokens[j].text)
            elif tokens[j].text != "|":
                return None
            j += 1
        if j >= len(tokens) or not names:
            return None
        i = j + 1
    elif tokens[0].kind == "name" and not tokens[0].text.startswith(("*:", "Q{")):
        if len(tokens) > 1 and tokens[1].text in ("(", "::"):
            return None
        names.append(tokens[0].text)
        i = 1
    else:
        return None
    preds_start = tokens[i].start if i < len(tokens) else None
    depth = 0
    for tok in tokens[i:]:
        if depth == 0 and tok.text != "[":
            return None
        if tok.text in ("[", "("):
            depth += 1
        elif tok.text in ("]", ")"):
            depth -= 1
        if tok.kind == "name" and tok.text in ("position", "last"):
            return None
    preds = expr[preds_start : tokens[-1].end] if preds_start is not None else ""
    if preds and not _boolean_predicates(expr, tokens[i:]):
        return None
    return names, preds


def _boolean_predicates(expr: str, tokens: list[Token]) -> bool:
    """Whether every predicate is a test, never a position (``[1]``, ``[$n]``)."""
    depth = 0
    first_of_pred: list[Token] = []
    for k, tok in enumerate(tokens):
        if tok.text == "[":
            if depth == 0 and k + 1 < len(tokens):
                first_of_pred.append(tokens[k + 1])
            depth += 1
        elif tok.text == "]":
            depth -= 1
    return all(t.kind not in ("num", "var") and t.text not in ("-", "+") for t in first_of_pred)


def _self_test(names: list[str], preds: str) -> str:
    if len(names) == 1:
        return f"self::{names[0]}{preds}"
    alts = " or ".join(f"self::{n}" for n in names)
    return f"self::*[{alts}]{preds}"


def split_pattern(alternative: str) -> PatternSplit | None:
    """Split a relative element pattern (``a[p]/b//c[q]``) into candidates and a self test."""
    tokens = tokenize(alternative)
    if not tokens or tokens[0].text in ("/", "//"):
        return None
    steps: list[list[Token]] = [[]]
    seps: list[str] = []
    depth = 0
    for tok in tokens:
        if tok.text in ("[", "("):
            depth += 1
        elif tok.text in ("]", ")"):
            depth -= 1
        if depth == 0 and tok.text in ("/", "//"):
            seps.append(tok.text)
            steps.append([])
        else:
            steps[-1].append(tok)
    parts = [_step_parts(step, alternative) for step in steps]
    if any(p is None for p in parts):
        return None
    clean = [p for p in parts if p is not None]
    names, preds = clean[-1]
    test = _self_test(names, preds)
    condition = ""
    for (step_names, step_preds), sep in zip(clean[:-1], seps, strict=True):
        axis = "parent" if sep == "/" else "ancestor"
        inner = _self_test(step_names, step_preds) + (f"[{condition}]" if condition else "")
        condition = f"{axis}::*[{inner}]"
    if condition:
        test = f"{test}[{condition}]"
    candidates = " | ".join(f"//{n}" for n in names)
    return PatternSplit(
        candidates,
        f"boolean({test})",
        tuple(names),
        preds,
        single_step=len(clean) == 1,
        step_names=tuple(tuple(step_names) for step_names, _ in clean),
    )


_ATTRIBUTE_STEP = re.compile(r"^(.*[^/\s])\s*/\s*@[^\W\d][\w.\-]*(?::[^\W\d][\w.\-]*)?\s*$", re.S)


def attribute_owner(alternative: str) -> str:
    """The element part of an attribute pattern (``tei:rt`` for ``tei:rt/@to``), else itself.

    An attribute matches only if its element matches this, which is enough to
    skip the rule on a document without such elements.
    """
    m = _ATTRIBUTE_STEP.match(alternative)
    return m.group(1) if m else alternative


_REQUIRED_ATTRIBUTE = re.compile(r"^\s*@([^\W\d][\w.\-]*(?::[^\W\d][\w.\-]*)?)\s*(?:$|and\b)")


def required_attribute(predicates: str) -> str | None:
    """An attribute (QName) a step's predicates require, such as ``when`` in ``[@when]``.

    Only a predicate that is ``@a`` or ``@a and …`` without any ``or`` counts,
    so the attribute is surely necessary.
    """
    for pred in _top_level_predicates(predicates):
        tokens = tokenize(pred)
        if any(t.kind == "name" and t.text == "or" for t in tokens):
            continue
        m = _REQUIRED_ATTRIBUTE.match(pred)
        if m:
            return m.group(1)
    return None


def attribute_alternatives(predicates: str) -> tuple[str, ...] | None:
    """Attributes (QNames) one of which a step's predicates require: ``when`` and ``from``
    in ``[@when or @from]``, ``id`` in ``[@id and @n = 2]``; None if no such set is known.

    Only a conjunct that is a plain ``@a or @b …`` counts, so one of the attributes is
    surely present on a node the step matches. The smallest such set is given.
    """
    best: tuple[str, ...] | None = None
    for pred in _top_level_predicates(predicates):
        try:
            tokens = _strip_parens(tokenize(pred))
        except ValueError:
            continue
        for conjunct in _split_top(tokens, ("and",)):
            names: list[str] = []
            for disjunct in _split_top(_strip_parens(conjunct), ("or",)):
                part = _strip_parens(disjunct)
                if len(part) != 2 or part[0].text != "@" or part[1].kind != "name":
                    break
                if "*" in part[1].text or part[1].text.startswith("Q{"):
                    break
                names.append(part[1].text)
            else:
                if names and (best is None or len(names) < len(best)):
                    best = tuple(names)
    return best


def _top_level_predicates(predicates: str) -> list[str]:
    out: list[str] = []
    depth = 0
    start = 0
    for tok in tokenize(predicates):
        if tok.text == "[":
            if depth == 0:
                start = tok.end
            depth += 1
        elif tok.text == "]":
            depth -= 1
            if depth == 0:
                out.append(predicates[start : tok.start])
    return out


#: Tokens after which ``and``/``or`` is a name test, not an operator.
_BEFORE_OPERAND = frozenset({"@", "::", "/", "//", "(", "[", ",", "|", "and", "or"})


def _operator_at(tokens: list[Token], i: int, word: str) -> bool:
    tok = tokens[i]
    if tok.kind != "name" or tok.text != word or i == 0:
        return False
    prev = tokens[i - 1]
    nxt = tokens[i + 1] if i + 1 < len(tokens) else None
    return prev.text not in _BEFORE_OPERAND and (nxt is None or nxt.text != "::")


def _split_top(tokens: list[Token], words: tuple[str, ...]) -> list[list[Token]]:
    """Split at depth-0 operators (``and``, ``or``, ``|``)."""
    parts: list[list[Token]] = [[]]
    depth = 0
    for i, tok in enumerate(tokens):
        if tok.text in ("(", "["):
            depth += 1
        elif tok.text in (")", "]"):
            depth -= 1
        if depth == 0 and (
            (tok.text == "|" and "|" in words)
            or any(_operator_at(tokens, i, w) for w in words if w != "|")
        ):
            parts.append([])
        else:
            parts[-1].append(tok)
    return parts


def _strip_parens(tokens: list[Token]) -> list[Token]:
    while len(tokens) >= 2 and tokens[0].text == "(" and tokens[-1].text == ")":
        depth = 0
        for i, tok in enumerate(tokens):
            depth += tok.text in ("(", "[")
            depth -= tok.text in (")", "]")
            if depth == 0 and i < len(tokens) - 1:
                return tokens  # ( a ) or ( b ): the first group closes early
        tokens = tokens[1:-1]
    return tokens


_SIMPLE_AXES = frozenset(
    {"child", "descendant", "descendant-or-self", "parent", "ancestor", "ancestor-or-self",
     "following", "following-sibling", "preceding", "preceding-sibling", "self", "attribute"}
)  # fmt: skip


def _last_step_name(tokens: list[Token]) -> str | None:
    """The name a path's last step tests (``@x`` for an attribute), if it is a plain path."""
    steps: list[list[Token]] = [[]]
    depth = 0
    for tok in tokens:
        if tok.text in ("[", "("):
            depth += 1
        elif tok.text in ("]", ")"):
            depth -= 1
        if depth == 0 and tok.text in ("/", "//"):
            steps.append([])
        else:
            steps[-1].append(tok)
    if steps[0] == []:
        steps = steps[1:]  # an absolute path
    named: str | None = None
    for step in steps:
        named = None
        i = 0
        attribute = False
        if len(step) >= 2 and step[0].text == "@":
            attribute, i = True, 1
        elif len(step) >= 3 and step[1].text == "::" and step[0].text in _SIMPLE_AXES:
            attribute, i = step[0].text == "attribute", 2
        if i >= len(step):
            return None
        head = step[i]
        rest = step[i + 1 :]
        if head.kind == "name" and not (rest and rest[0].text == "("):
            if "*" not in head.text and not head.text.startswith("Q{"):
                named = ("@" if attribute else "") + head.text
        elif head.text in (".", "..") or (
            head.kind == "name" and head.text in _NODE_TESTS and rest[:2] and rest[1].text == ")"
        ):
            rest = rest[2:] if head.kind == "name" else rest
        else:
            return None
        depth = 0
        for tok in rest:  # only predicates may follow
            if depth == 0 and tok.text != "[":
                return None
            depth += tok.text in ("[", "(")
            depth -= tok.text in ("]", ")")
    return named


def firing_names(expr: str, kind: str) -> tuple[tuple[str, ...], ...]:
    """Names a report's test (or the negation an assert's ``not(…)`` test) needs to fire."""
    if kind == "report":
        return required_names(expr)
    try:
        tokens = tokenize(expr)
    except ValueError:
        return ()
    if len(tokens) < 4 or tokens[0].text != "not" or tokens[1].text != "(":
        return ()
    depth = 0
    for i, tok in enumerate(tokens[1:], start=1):
        depth += tok.text in ("(", "[")
        depth -= tok.text in (")", "]")
        if depth == 0:
            # not( … ) must be the whole test.
            return required_names(expr[tokens[2].start : tok.start]) if i == len(tokens) - 1 else ()
    return ()


def required_names(expr: str) -> tuple[tuple[str, ...], ...]:
    """Names an expression needs in the document to be true: one of each group.

    ``(ancestor::tei:l or ancestor::tei:lg) and not(x)`` needs an ``l`` or an
    ``lg``; ``@target and @cRef`` needs both attributes (written ``@name``). A
    conjunct that is not a plain path, or a union of them, adds no group, so the
    answer only ever under-states what is needed.
    """
    try:
        tokens = _strip_parens(tokenize(expr))
    except ValueError:
        return ()
    groups: list[tuple[str, ...]] = []
    for conjunct in _split_top(tokens, ("and",)):
        names: list[str] = []
        for disjunct in _split_top(_strip_parens(conjunct), ("or", "|")):
            name = _last_step_name(_strip_parens(disjunct)) if disjunct else None
            if name is None:
                break
            names.append(name)
        else:
            if names:
                groups.append(tuple(names))
    return tuple(groups)
