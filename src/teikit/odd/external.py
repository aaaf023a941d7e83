"""``moduleRef/@url``: a RELAX NG grammar from outside TEI (MathML, SVG, DocBook…) made part
of the schema.

The grammar is read from a local file and its definitions are copied into the
compiled schema, inside a ``div`` that keeps the grammar's own namespace, so
that the output is one self-contained RELAX NG file. Nothing is fetched: a
schema that depends on the network gives different results on different days
and lets a hostile ODD make the compiler reach any host. An ``http(s)`` URL is
looked up by its file name in the directories the user names
(``--module-dir``); without one it is an error that says so.

``moduleRef/@prefix`` is prepended to every pattern name of the grammar (and
the references to them), so that its names cannot clash with TEI's;
``include`` and ``externalRef`` in the grammar are resolved from local files.
``rng:define`` children of the ``moduleRef`` (or of its ``content``)
override the grammar's, as definitions inside a RELAX NG ``include`` do; they are
written as ODD content, so references in them to what the schema lacks are
pruned. The grammar's ``start`` is not
copied: the customization's ``schemaSpec/@start`` says what a document starts
with.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.odd.locate import odd_error
from teikit.xmlio import RNG_NS, parse_file

if TYPE_CHECKING:
    from collections.abc import Sequence

R = f"{{{RNG_NS}}}"
MAX_INCLUDE_DEPTH = 16
_INHERITED = ("ns", "datatypeLibrary")


@dataclass
class ExternalModule:
    """One ``moduleRef/@url``: the grammar's definitions, ready to copy into the schema."""

    node: etree._Element
    path: Path
    body: list[etree._Element] = field(default_factory=list)
    overrides: list[etree._Element] = field(default_factory=list)
    names: set[str] = field(default_factory=set)
    ns: str = ""


def is_remote(url: str) -> bool:
    """Whether ``url`` names something on the network (any scheme but ``file:``)."""
    scheme = urlsplit(url).scheme.lower()
    return len(scheme) > 1 and scheme != "file"


def resolve_url(node: etree._Element, url: str, module_dirs: Sequence[Path]) -> Path:
    """The local file a ``moduleRef/@url`` names; never the network."""
    if is_remote(url):
        name = Path(unquote(urlsplit(url).path)).name
        for folder in module_dirs:
            candidate = Path(folder) / name
            if name and candidate.is_file():
                return candidate
        raise odd_error(
            node,
            f'moduleRef url="{url}": teikit never downloads schemas; save a local copy and '
            f"pass --module-dir DIR (looked up there as {name or 'its file name'}), or point "
            "@url at the local file",
        )
    local = unquote(urlsplit(url).path) if url.lower().startswith("file:") else url
    target = Path(local)
    if not target.is_absolute():
        base = node.getroottree().docinfo.URL
        if base:
            target = Path(str(base)).parent / target
    if not target.is_file():
        raise odd_error(node, f'moduleRef url="{url}": no such file ({target})')
    return target


def load_external(node: etree._Element, module_dirs: Sequence[Path] = ()) -> ExternalModule:
    """Read the grammar of a ``moduleRef/@url`` (and its local includes) into definitions."""
    url = node.get("url", "")
    path = resolve_url(node, url, module_dirs)
    if path.suffix.lower() == ".rnc":
        raise odd_error(
            node,
            f'moduleRef url="{url}": RELAX NG compact syntax is not read; convert it to the '
            "XML syntax (.rng), e.g. with trang, and point @url at that",
        )
    root = parse_file(path).getroot()
    if root.tag != f"{R}grammar":
        raise TeikitError(
            "moduleRef/@url: not a RELAX NG grammar (XML syntax, <grammar> root expected)",
            SourceLocation(str(path), root.sourceline or 1, 1),
        )
    defines = _grammar_defines(root, path, 0, {path.resolve()})
    # Overrides: rng:define children of the moduleRef, or of its content (as inside a
    # RELAX NG include). rng:start overrides are not used: schemaSpec/@start decides.
    holders = [node, *node.iterchildren("{http://www.tei-c.org/ns/1.0}content")]
    extra = [c for h in holders for c in _flatten_divs(h) if c.tag == f"{R}define"]
    replaced = {c.get("name", "") for c in extra if c.get("combine") is None}
    defines = {k: d for k, d in defines.items() if d.get("name", "") not in replaced}
    prefix = node.get("prefix", "")
    body = list(defines.values())
    if prefix:
        for define in body:
            _prefix_names(define, prefix)
    module = ExternalModule(node, path, ns=root.get("ns", ""))
    module.names = {d.get("name", "") for d in body}
    div = etree.Element(f"{R}div")
    for attr in _INHERITED:
        if root.get(attr) is not None:
            div.set(attr, root.get(attr, ""))
    div.extend(body)
    module.body = [div]
    module.overrides = extra
    module.names |= {d.get("name", "") for d in extra}
    return module


def _flatten_divs(parent: etree._Element) -> list[etree._Element]:
    """The children of ``parent``, with ``rng:div`` containers replaced by their children."""
    out: list[etree._Element] = []
    for child in parent:
        if child.tag == f"{R}div":
            out.extend(_flatten_divs(child))
        elif isinstance(child.tag, str):
            out.append(child)
    return out


def _grammar_defines(
    grammar: etree._Element, path: Path, depth: int, seen: set[Path]
) -> dict[str, etree._Element]:
    """Every ``define`` of a grammar, includes resolved, ``div``s flattened, in order."""
    out: dict[str, etree._Element] = {}
    for child in grammar:
        if not isinstance(child.tag, str):
            continue
        if child.tag == f"{R}define":
            define = _with_inherited(child, grammar)
            _resolve_external_refs(define, path, depth, seen)
            out[_key(child, len(out))] = define
        elif child.tag == f"{R}div":
            out.update(_grammar_defines(child, path, depth, seen))
        elif child.tag == f"{R}include":
            out.update(_include(child, path, depth, seen))
    return out


def _include(
    node: etree._Element, path: Path, depth: int, seen: set[Path]
) -> dict[str, etree._Element]:
    where = SourceLocation(str(path), node.sourceline or 0)
    href = node.get("href", "")
    if is_remote(href):
        raise TeikitError(f'include href="{href}": teikit never downloads schemas', where)
    target = (path.parent / unquote(href)).resolve()
    if depth >= MAX_INCLUDE_DEPTH or target in seen:
        raise TeikitError(f'include href="{href}": includes loop or nest too deep', where)
    if not target.is_file():
        raise TeikitError(f'include href="{href}": no such file ({target})', where)
    included = parse_file(target).getroot()
    if included.tag != f"{R}grammar":
        raise TeikitError(f'include href="{href}": not a RELAX NG grammar', where)
    if included.get("ns") is None:
        # RELAX NG 4.7: an included grammar without @ns takes the include's.
        inherited = next((n.get("ns") for n in (node, *node.iterancestors()) if n.get("ns")), None)
        if inherited is not None:
            included.set("ns", inherited)
    defines = _grammar_defines(included, target, depth + 1, seen | {target})
    overridden = {c.get("name", "") for c in node if c.tag == f"{R}define"}
    defines = {k: d for k, d in defines.items() if d.get("name", "") not in overridden}
    for child in node:
        if child.tag == f"{R}define":
            defines[_key(child, len(defines))] = _with_inherited(child, node)
    return defines


def _key(define: etree._Element, n: int) -> str:
    """Definitions that combine share a name: each gets a key of its own."""
    name = define.get("name", "")
    return name if define.get("combine") is None else f"{name}\0{n}"


def _with_inherited(define: etree._Element, context: etree._Element) -> etree._Element:
    """A copy of ``define`` that carries the ``ns``/``datatypeLibrary`` it inherited."""
    out = copy.deepcopy(define)
    for attr in _INHERITED:
        if out.get(attr) is None:
            found = next(
                (
                    n.get(attr)
                    for n in (context, *context.iterancestors())
                    if n.get(attr) is not None
                ),
                None,
            )
            # Not inherited in its own file: RELAX NG's defaults (no namespace, the
            # built-in datatypes), which the schema it is copied into must not change.
            out.set(attr, found or "")
    return out


def _resolve_external_refs(
    pattern: etree._Element, path: Path, depth: int, seen: set[Path]
) -> None:
    """Replace each ``externalRef`` in ``pattern`` by the pattern its file holds (a grammar
    stays a nested grammar, its includes and external references resolved too)."""
    for ref in list(pattern.iter(f"{R}externalRef")):
        where = SourceLocation(str(path), ref.sourceline or 0)
        href = ref.get("href", "")
        if is_remote(href):
            raise TeikitError(f'externalRef href="{href}": teikit never downloads schemas', where)
        target = (path.parent / unquote(href)).resolve()
        if depth >= MAX_INCLUDE_DEPTH or target in seen:
            raise TeikitError(f'externalRef href="{href}": references loop or nest too deep', where)
        if not target.is_file():
            raise TeikitError(f'externalRef href="{href}": no such file ({target})', where)
        root = parse_file(target).getroot()
        inner = seen | {target}
        if root.tag == f"{R}grammar":
            replacement = etree.Element(f"{R}grammar")
            for child in root:
                if child.tag == f"{R}start":
                    start = copy.deepcopy(child)
                    _resolve_external_refs(start, target, depth + 1, inner)
                    replacement.append(start)
            replacement.extend(_grammar_defines(root, target, depth + 1, inner).values())
        else:
            replacement = copy.deepcopy(root)
            _resolve_external_refs(replacement, target, depth + 1, inner)
        for attr in _INHERITED:
            if root.get(attr) is not None:
                replacement.set(attr, root.get(attr, ""))
            elif attr == "ns":
                # RELAX NG 4.6: the referenced pattern takes the externalRef's namespace.
                inherited = next(
                    (n.get("ns") for n in (ref, *ref.iterancestors()) if n.get("ns") is not None),
                    "",
                )
                replacement.set("ns", inherited or "")
            else:
                replacement.set(attr, "")
        parent = ref.getparent()
        if parent is None:
            raise TeikitError("externalRef cannot be a definition's whole body", where)
        replacement.tail = ref.tail
        parent.replace(ref, replacement)


def _prefix_names(define: etree._Element, prefix: str) -> None:
    """Prefix a definition's name and its references, not those of a nested grammar
    (an externalRef'd grammar has names of its own; its parentRefs point out of it)."""
    define.set("name", prefix + define.get("name", ""))

    def walk(node: etree._Element, nested: bool) -> None:
        for child in node:
            if not isinstance(child.tag, str):
                continue
            if child.tag == f"{R}grammar":
                walk(child, True)
                continue
            if (child.tag == f"{R}ref" and not nested) or (child.tag == f"{R}parentRef" and nested):
                child.set("name", prefix + child.get("name", ""))
            walk(child, nested)

    walk(define, False)
