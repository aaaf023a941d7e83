"""Reading a Schematron schema: includes, abstract rules and abstract patterns resolved.

ISO Schematron defines these three as macro expansions before any validation
(the reference implementation runs them as separate XSLT passes), so they are
done here on a private copy of the schema tree and the engine only ever sees
concrete patterns and rules. Every copied element keeps its source line, and an
included file's elements carry ``xml:base`` so errors still name the file they
came from.
"""

from __future__ import annotations

import copy
from pathlib import Path
from urllib.parse import unquote, urlparse

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.schematron.xpath import substitute_params
from teikit.xmlio import SCH_NS, XML_NS, check_regular, inside_allowed, parse_file

S = f"{{{SCH_NS}}}"
_MAX_INCLUDE_DEPTH = 20
#: Attributes in which abstract-pattern parameters are substituted.
_PARAM_ATTRIBUTES = ("context", "test", "select", "path", "value", "subject", "role", "flag")


def where(elem: etree._Element, fallback: str) -> SourceLocation:
    """The file and line an element of the schema came from."""
    base = elem.base or fallback
    if base.startswith("file:"):
        base = unquote(urlparse(base).path)
    return SourceLocation(base, elem.sourceline or 0)


def local_path(href: str, base: str) -> Path:
    """Resolve ``href`` against ``base`` to a local file; anything else is refused."""
    parsed = urlparse(href)
    if parsed.scheme and parsed.scheme != "file" and len(parsed.scheme) > 1:
        raise ValueError(f"only local files can be included, not {href!r}")
    path = Path(unquote(parsed.path)) if parsed.scheme == "file" else Path(href)
    if "#" in href and parsed.scheme != "file":
        path = Path(href.split("#", 1)[0])
    if not path.is_absolute():
        base_path = Path(unquote(urlparse(base).path)) if base.startswith("file:") else Path(base)
        path = base_path.parent / path
    return path


def confined(path: Path, home: str, loc: SourceLocation) -> Path:
    """``path`` if it may be read: a regular file under the schema's folder or an allowed root.

    ``home`` is the schema the user named; a Schematron cannot make teikit read
    ``/etc/passwd`` or a FIFO through ``include`` or ``doc()``.
    """
    base = Path(unquote(urlparse(home).path)) if home.startswith("file:") else Path(home)
    if not inside_allowed(path, base.parent):
        raise TeikitError(
            f"{path} is outside the schema's folder; teikit reads only files there "
            "(allow a folder with --allow-path)",
            loc,
        )
    if not path.is_file():
        raise TeikitError(f"file not found: {path}", loc)
    check_regular(path)
    return path


def expand(root: etree._Element, name: str) -> etree._Element:
    """A copy of the schema root with includes, abstract rules and abstract patterns expanded."""
    if root.tag != f"{S}schema":
        raise TeikitError(
            f"not an ISO Schematron schema (root element is {root.tag!r}, expected "
            f"{{{SCH_NS}}}schema)",
            SourceLocation(name, root.sourceline or 0),
        )
    schema = copy.deepcopy(root)
    if schema.get(f"{{{XML_NS}}}base") is None:
        schema.set(f"{{{XML_NS}}}base", name)
    _resolve_includes(schema, name, 0, name)
    _expand_abstract_rules(schema, name)
    _expand_abstract_patterns(schema, name)
    return schema


def _resolve_includes(elem: etree._Element, name: str, depth: int, home: str) -> None:
    for inc in list(elem.iter(f"{S}include")):
        loc = where(inc, name)
        if depth > _MAX_INCLUDE_DEPTH:
            raise TeikitError("includes nested too deeply (a cycle?)", loc)
        href = inc.get("href")
        if not href:
            raise TeikitError("include without @href", loc)
        try:
            path = local_path(href, inc.base or name)
        except ValueError as exc:
            raise TeikitError(str(exc), loc) from None
        included = parse_file(confined(path, home, loc)).getroot()
        if "#" in href:
            frag = href.split("#", 1)[1]
            found = included.xpath("//*[@id=$i or @xml:id=$i]", i=frag)
            if not isinstance(found, list) or not found:
                raise TeikitError(f"no element with id {frag!r} in {path}", loc)
            target = found[0]
            assert isinstance(target, etree._Element)
            included = target
        included = copy.deepcopy(included)
        included.set(f"{{{XML_NS}}}base", str(path.resolve()))
        included.tail = inc.tail
        _resolve_includes(included, str(path), depth + 1, home)
        parent = inc.getparent()
        if parent is None:
            raise TeikitError("include cannot be the schema's root", loc)
        if included.tag == f"{S}schema":
            # Including a whole schema contributes its top-level content.
            idx = parent.index(inc)
            parent.remove(inc)
            for offset, child in enumerate(list(included)):
                if child.get(f"{{{XML_NS}}}base") is None and isinstance(child.tag, str):
                    child.set(f"{{{XML_NS}}}base", str(path.resolve()))
                parent.insert(idx + offset, child)
        else:
            parent.replace(inc, included)


def _expand_abstract_rules(schema: etree._Element, name: str) -> None:
    abstract: dict[str, etree._Element] = {}
    for rule in schema.iter(f"{S}rule"):
        if rule.get("abstract") == "true":
            rid = rule.get("id")
            if not rid:
                raise TeikitError("abstract rule without @id", where(rule, name))
            abstract[rid] = rule

    def inline(rule: etree._Element, seen: tuple[str, ...]) -> None:
        for ext in list(rule.iterchildren(f"{S}extends")):
            target_id = ext.get("rule")
            loc = where(ext, name)
            if target_id is None:
                raise TeikitError("extends without @rule (extends/@href is not supported)", loc)
            target = abstract.get(target_id)
            if target is None:
                raise TeikitError(f"extends names no abstract rule {target_id!r}", loc)
            if target_id in seen:
                raise TeikitError(f"abstract rule {target_id!r} extends itself", loc)
            body = copy.deepcopy(target)
            inline(body, (*seen, target_id))
            idx = rule.index(ext)
            rule.remove(ext)
            for offset, child in enumerate(list(body)):
                rule.insert(idx + offset, child)

    for rule in list(schema.iter(f"{S}rule")):
        inline(rule, ())
    for rule in abstract.values():
        parent = rule.getparent()
        if parent is not None:
            parent.remove(rule)


def _expand_abstract_patterns(schema: etree._Element, name: str) -> None:
    abstract: dict[str, etree._Element] = {}
    for pat in schema.iterchildren(f"{S}pattern"):
        if pat.get("abstract") == "true":
            pid = pat.get("id")
            if not pid:
                raise TeikitError("abstract pattern without @id", where(pat, name))
            abstract[pid] = pat
    for pat in list(schema.iterchildren(f"{S}pattern")):
        base_id = pat.get("is-a")
        if base_id is None:
            continue
        loc = where(pat, name)
        template = abstract.get(base_id)
        if template is None:
            raise TeikitError(f"is-a names no abstract pattern {base_id!r}", loc)
        params: dict[str, str] = {}
        for param in pat.iterchildren(f"{S}param"):
            pname, pvalue = param.get("name"), param.get("value")
            if pname is None or pvalue is None:
                raise TeikitError("param needs @name and @value", where(param, name))
            params[pname] = pvalue
        instance = copy.deepcopy(template)
        for attr in ("abstract", "id"):
            instance.attrib.pop(attr, None)
        for attr, value in pat.attrib.items():
            if attr != "is-a":
                instance.set(attr, value)
        for node in instance.iter(etree.Element):
            for attr in _PARAM_ATTRIBUTES:
                found = node.get(attr)
                if found is not None:
                    node.set(attr, substitute_params(found, params))
        instance.tail = pat.tail
        schema.replace(pat, instance)
    for pat in abstract.values():
        schema.remove(pat)
