"""From libxml2's RELAX NG errors to one actionable problem per root cause.

libxml2 reports a failure as a chain: the offending node, then "Element X
failed to validate content" for every ancestor, sometimes "Expecting element
TEI, got text" from its recovery, all at column 0, and rarely names what would
have been allowed. Here libxml2 only decides *that* a document is invalid and
*where to look*: each element it points at (and the parent of each) is
re-examined against the schema's own content model (see
:class:`~teikit.validate.grammar.Explainer`), which names the offending
element, attribute or value, lists what is allowed there and suggests the
nearest name. Ancestors whose own content is fine are the cascade and say
nothing. If the local check finds nothing to say for an error (a datatype
failure in text content, say), libxml2's message is kept, so no invalid
document ever comes back without a problem.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from lxml import etree

from teikit.validate.grammar import NOT_ALLOWED, Explainer, Name, Pattern
from teikit.validate.report import Engine, Problem, Severity
from teikit.xmlio import TEI_NS, XML_NS

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

    from teikit.validate.loader import Document

_MAX_LISTED = 12
#: How many problems one document reports before the check stops.
_MAX_PROBLEMS = 100

_DATATYPE_WORDS = {
    "date": "a date",
    "gYear": "a year",
    "gYearMonth": "a year and month",
    "gMonthDay": "a month and day",
    "gMonth": "a month",
    "gDay": "a day",
    "time": "a time",
    "dateTime": "a date and time",
    "anyURI": "a URI",
    "ID": "an XML name (unique in the document)",
    "IDREF": "the xml:id of an element in the document",
    "NCName": "an XML name without colon",
    "Name": "an XML name",
    "token": "a token",
    "language": "a BCP 47 language tag",
    "nonNegativeInteger": "a whole number ≥ 0",
    "positiveInteger": "a whole number ≥ 1",
    "integer": "a whole number",
    "decimal": "a decimal number",
    "double": "a number",
    "float": "a number",
    "boolean": "true or false",
    "duration": "an ISO duration such as P2D",
}


@dataclass(frozen=True, slots=True)
class Finding:
    """One fault found at an element (or one of its attributes), before it has a column.

    ``expected`` and ``hint`` become the :class:`Problem`'s fields of the same
    names, so what the message suggests is also there as data.
    """

    rule: str
    message: str
    node: etree._Element
    attr: str | None = None
    expected: tuple[str, ...] = ()
    hint: str = ""


@dataclass(frozen=True, slots=True)
class RawError:
    """One libxml2 error, stripped down so it can cross process boundaries."""

    line: int
    type_name: str
    message: str
    path: str


def display(name: Name) -> str:
    ns, local = name
    if ns in ("", TEI_NS):
        return local
    if ns == XML_NS:
        return f"xml:{local}"
    return f"{{{ns}}}{local}"


def _name_of(el: etree._Element) -> Name:
    q = etree.QName(el)
    return (q.namespace or "", q.localname)


def xpath_of(el: etree._Element, known: dict[etree._Element, str] | None = None) -> str:
    """A readable XPath (``/TEI[1]/text[1]/body[1]/sp[2]``) of an element.

    ``known`` keeps the paths of the elements met: hundreds of problems in one
    document then walk up to a known ancestor, not each to the root.
    """
    if known is None:
        known = {}
    chain: list[tuple[etree._Element, str]] = []
    node: etree._Element | None = el
    path = ""
    while node is not None:
        found = known.get(node)
        if found is not None:
            path = found
            break
        q = etree.QName(node)
        tag = node.tag
        pos = 1 + sum(1 for s in node.itersiblings(preceding=True) if s.tag == tag)
        chain.append((node, f"{q.localname}[{pos}]"))
        node = node.getparent()
    for node, step in reversed(chain):
        path = known[node] = f"{path}/{step}"
    return path


def _listing(names: Sequence[str]) -> str:
    shown = ", ".join(f"`{n}`" for n in names[:_MAX_LISTED])
    more = len(names) - _MAX_LISTED
    return f"{shown} and {more} more" if more > 0 else shown


def nearest(word: str, candidates: Iterable[str]) -> str | None:
    """The candidate a misspelt ``word`` most likely meant (same letters first), if any."""
    pool = sorted(set(candidates))
    exact = [c for c in pool if c.lower() == word.lower()]
    if exact:
        return exact[0]
    close = difflib.get_close_matches(word, pool, n=1, cutoff=0.6)
    return close[0] if close else None


class RngExplainer:
    """Turns libxml2's errors on one document into :class:`Problem` objects."""

    def __init__(self, explainer: Explainer, doc: Document) -> None:
        self.x = explainer
        self.doc = doc
        self.problems: list[tuple[etree._Element, Problem]] = []
        self._pending: list[tuple[int, etree._Element, str | None]] = []

    # -- public

    def explain(self, errors: Sequence[RawError]) -> list[Problem]:
        """One problem per root cause in the whole document, libxml2's words as a last resort.

        libxml2 stops at the first failure of a content model and may log
        failures of alternatives it tried while backtracking; its errors only
        say that (and roughly where) the document is invalid. So every element
        is checked against its content model here, in document order, which
        finds each independent fault once, as Jing would, and nothing twice.
        """
        root = self.doc.tree.getroot()
        self._check_root(root)
        for node in root.iter():
            if isinstance(node.tag, str):
                self._check(node)
                if len(self.problems) >= _MAX_PROBLEMS:
                    # say so: a silent cap reads as "these are all the problems"
                    notice = Problem(
                        Severity.INFO,
                        self.doc.name,
                        0,
                        0,
                        "",
                        f"the RELAX NG check stopped after {len(self.problems)} problems in "
                        "this document; fix these and validate again to see the rest",
                        "rng:more-problems",
                        Engine.RELAXNG,
                    )
                    self.problems.append((node, notice))
                    break
        if not self.problems:
            # a fault outside what the content models say (a datatype in text, say)
            located = [(e, self._resolve(e.path)) for e in errors]
            for err, el in located:
                if not self._covered(el):
                    self._raw(err, el)
        if not self.problems:
            self._raw(RawError(0, "", "the document does not match the schema", ""), None)
        return self._columns()

    def _columns(self) -> list[Problem]:
        found = self.doc.source.positions([(el, attr) for _, el, attr in self._pending])
        out = [p for _, p in self.problems]
        for (i, _, _), (line, col) in zip(self._pending, found, strict=True):
            out[i] = replace(out[i], line=line or out[i].line, column=col)
        return out

    # -- locating

    def _resolve(self, path: str) -> etree._Element | None:
        if not path:
            return None
        try:
            found = self.doc.tree.xpath(path)
        except etree.XPathError:
            return None
        if isinstance(found, list) and found and isinstance(found[0], etree._Element):
            return found[0]
        return None

    def _covered(self, el: etree._Element | None) -> bool:
        """Whether a problem already explains an error at ``el``.

        libxml2 reports a fault at the element, at a sibling of it ("extra
        content") or at an ancestor (the cascade), so a problem anywhere under
        ``el``'s parent explains it.
        """
        if el is None:
            return bool(self.problems)
        scope = el.getparent()
        if scope is None:
            scope = el
        for node, _ in self.problems:
            n: etree._Element | None = node
            while n is not None:
                if n is scope:
                    return True
                n = n.getparent()
        return False

    def _add(self, f: Finding) -> None:
        col = 0  # filled in by _columns, in one pass for all problems
        el, attr = f.node, f.attr
        self._pending.append((len(self.problems), el, attr))
        self.problems.append(
            (
                el,
                Problem(
                    Severity.ERROR,
                    self.doc.name,
                    el.sourceline or 0,
                    col,
                    xpath_of(el) + (f"/@{attr.rsplit('}', 1)[-1]}" if attr else ""),
                    f.message,
                    f.rule,
                    Engine.RELAXNG,
                    expected=f.expected,
                    hint=f.hint,
                ),
            )
        )

    def _raw(self, err: RawError, el: etree._Element | None) -> None:
        if el is not None:
            self._add(Finding("rng:invalid", f"`{display(_name_of(el))}`: {err.message}", el))
            return
        self.problems.append(
            (
                self.doc.tree.getroot(),
                Problem(
                    Severity.ERROR,
                    self.doc.name,
                    err.line,
                    0,
                    err.path,
                    err.message,
                    "rng:invalid",
                    Engine.RELAXNG,
                ),
            )
        )

    # -- checks

    def _check_root(self, root: etree._Element) -> None:
        name = _name_of(root)
        start = self.x.g.start
        if self.x.deriv(start, name) == NOT_ALLOWED:
            allowed = [display(n) for n in self.x.first(start)]
            hint = nearest(name[1], allowed)
            extra = f"; did you mean `{hint}`?" if hint else f"; expected {_listing(allowed)}"
            self._add(
                Finding(
                    "rng:root",
                    f"`{display(name)}` is not allowed as the root element{extra}",
                    root,
                    expected=tuple(allowed),
                    hint=hint or "",
                )
            )

    def _check(self, el: etree._Element) -> None:
        decls = self.x.decls(_name_of(el))
        if not decls:
            return  # undeclared ones are reported by their parent (or as the root)
        best: list[Finding] | None = None
        for decl in decls:
            found = self._local(el, decl)
            if best is None or len(found) < len(best):
                best = found
        for finding in best or []:
            self._add(finding)

    def _local(self, el: etree._Element, decl: int) -> list[Finding]:
        out: list[Finding] = []
        me = display(_name_of(el))
        allowed_attrs = self.x.attributes(decl)
        wildcard = self.x.has_any_attribute(decl)
        for key, value in el.attrib.items():
            q = etree.QName(key)
            an: Name = (q.namespace or "", q.localname)
            shown = display(an)
            if an not in allowed_attrs:
                if wildcard:
                    continue
                names = sorted(display(n) for n in allowed_attrs)
                hint = nearest(shown, names)
                tail = (
                    f"; did you mean `@{hint}`?"
                    if hint
                    else (f"; allowed: {_listing(names)}" if names else "; it allows none")
                )
                out.append(
                    Finding(
                        "rng:attribute-not-allowed",
                        f"attribute `@{shown}` is not allowed on `{me}`{tail}",
                        el,
                        key,
                        tuple(names),
                        hint or "",
                    )
                )
                continue
            idxs = allowed_attrs[an]
            if any(self.x.value_ok(i, value) for i in idxs):
                continue
            out.append(self._bad_value(el, key, value, idxs[0], f"`@{shown}` on `{me}`"))
        present = {(etree.QName(k).namespace or "", etree.QName(k).localname) for k in el.attrib}
        for req in self.x.required_attributes(decl):
            if req not in present:
                out.append(
                    Finding(
                        "rng:attribute-missing",
                        f"`{me}` lacks the required attribute `@{display(req)}`",
                        el,
                        expected=(display(req),),
                    )
                )
        out.extend(self._children(el, decl, me))
        return out

    def _bad_value(self, el: etree._Element, key: str, value: str, idx: int, where: str) -> Finding:
        """A value outside the attribute's pattern; a closed list is always listed in full."""
        values, closed = self.x.values(idx)
        if closed:
            is_list = self.x.is_token_list(idx)
            tokens = value.split() if is_list else [value.strip()]
            wrong = next((t for t in tokens if t not in values), value.strip())
            hint = nearest(wrong, values)
            tail = f"; did you mean `{hint}`?" if hint else ""
            what = "allowed (one or more, separated by spaces)" if is_list else "allowed"
            shown = ", ".join(f"`{v}`" for v in values)
            return Finding(
                "rng:attribute-value",
                f"`{wrong}` is not an allowed value of {where}; {what}: {shown}{tail}",
                el,
                key,
                tuple(values),
                hint or "",
            )
        hint = nearest(value.strip(), values) if values else None
        return Finding(
            "rng:attribute-value",
            f"`{value}` is not a valid value of {where}: "
            f"expected {self._expected_value(idx, values)}"
            + (f"; did you mean `{hint}`?" if hint else ""),
            el,
            key,
            tuple(values) + tuple(f"xsd:{t}" for t in self.x.datatypes(idx)),
            hint or "",
        )

    def _expected_value(self, attr: int, values: list[str]) -> str:
        types = self.x.datatypes(attr)
        words: list[str] = [f"`{v}`" for v in values[:_MAX_LISTED]]
        for t in types:
            w = _DATATYPE_WORDS.get(t, f"a value of type {t}")
            if w not in words:
                words.append(w)
        if not words:
            return "a different value"
        listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]
        return listed + (f" (xsd:{', xsd:'.join(types)})" if types else "")

    def _children(self, el: etree._Element, decl: int, me: str) -> list[Finding]:
        content = self.x.g.elements[decl].content
        pattern = content
        previous: str | None = None
        for child in el:
            if not isinstance(child.tag, str):
                continue
            cname = _name_of(child)
            nxt = self.x.deriv(pattern, cname)
            if nxt == NOT_ALLOWED:
                return [self._misplaced(child, cname, me, decl, pattern, previous)]
            pattern = nxt
            previous = display(cname)
        out: list[Finding] = []
        if not self.x.nullable(pattern):
            expected = self._expected(pattern)
            where = f" after `{previous}`" if previous else ""
            out.append(
                Finding(
                    "rng:content-incomplete",
                    f"`{me}` is incomplete: expected {_listing(expected)}{where}",
                    el,
                    expected=tuple(expected),
                )
            )
        if not self.x.allows_text(decl) and _has_text(el):
            wrapper = self._wrapper(decl)
            out.append(
                Finding(
                    "rng:text-not-allowed",
                    f"text is not allowed directly in `{me}`{self._wrap_hint(decl)}",
                    el,
                    expected=tuple(self._wrappers(decl)),
                    hint=wrapper or "",
                )
            )
        return out

    def _misplaced(
        self,
        child: etree._Element,
        cname: Name,
        me: str,
        decl: int,
        pattern: object,
        previous: str | None,
    ) -> Finding:
        shown = display(cname)
        allowed_here = self._expected(pattern)  # type: ignore[arg-type]
        anywhere = {display(n) for n in self.x.children(decl)}
        if shown not in anywhere:
            hint = nearest(shown, anywhere) or (
                nearest(shown, (display(n) for n in self.x.g.by_name))
                if not self.x.declared(cname)
                else None
            )
            if hint:
                return Finding(
                    "rng:element-not-allowed",
                    f"`{shown}` is not allowed in `{me}`; did you mean `{hint}`?",
                    child,
                    expected=tuple(allowed_here),
                    hint=hint,
                )
            tail = f"; allowed here: {_listing(allowed_here)}" if allowed_here else ""
            return Finding(
                "rng:element-not-allowed",
                f"`{shown}` is not allowed in `{me}`{tail}",
                child,
                expected=tuple(allowed_here),
            )
        where = f"after `{previous}`" if previous else "as the first child"
        tail = (
            f"; expected {_listing(allowed_here)}" if allowed_here else "; nothing more is allowed"
        )
        return Finding(
            "rng:element-misplaced",
            f"`{shown}` is not allowed here in `{me}` ({where}){tail}",
            child,
            expected=tuple(allowed_here),
        )

    def _expected(self, pattern: Pattern) -> list[str]:
        """What may come next; names that would complete the content come first, alone."""
        names = self.x.first(pattern)
        completing = [n for n in names if self.x.nullable(self.x.deriv(pattern, n))]
        if completing and not self.x.nullable(pattern):
            return [display(n) for n in completing]
        return [display(n) for n in names]

    def _wrappers(self, decl: int) -> list[str]:
        """Children of ``decl`` that may hold text, by name."""
        return [
            display(n)
            for n in sorted(self.x.children(decl), key=lambda n: n[1])
            if any(self.x.allows_text(d) for d in self.x.decls(n))
        ]

    def _wrapper(self, decl: int) -> str | None:
        """The usual element to wrap stray text in, if ``decl`` has one."""
        wrappers = self._wrappers(decl)
        return next((w for w in ("p", "ab", "l", "seg") if w in wrappers), None)

    def _wrap_hint(self, decl: int) -> str:
        wrapper = self._wrapper(decl)
        if wrapper:
            return f"; wrap it in `{wrapper}`"
        wrappers = self._wrappers(decl)
        return f"; wrap it in one of {_listing(wrappers)}" if wrappers else ""


def _has_text(el: etree._Element) -> bool:
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)
