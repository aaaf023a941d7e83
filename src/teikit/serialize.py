"""TEI as written to disk: indented where that is harmless, linked to its schema.

Files that live in version control must diff line by line, and validators
must be able to point at a useful line. So element-only content is indented
(two spaces a level) while mixed content is written exactly as it is: no
whitespace is ever added inside ``p``, ``head``, ``speaker``, ``note`` and
the like, where it would change the text.

Whether an element's content is mixed is decided twice, and either answer
"mixed" wins:

* from the content itself: an element with a text child or a child's tail
  (even whitespace) is mixed, and so is everything inside it (libxml2's
  formatter already works that way);
* from the schema: an element whose content model allows text (RELAX NG
  ``text`` or ``mixed``, read once from the bundled ``teikit.rng``) is
  treated as mixed even when this instance happens to hold only elements,
  so ``<p><hi>a</hi><hi>b</hi></p>`` never becomes ``a b``. Elements under
  ``xml:space="preserve"`` are never indented either.

Attributes keep the order in which the converter sets them, which is fixed
by the code, so the same input always gives the same bytes. The prolog
carries ``<?xml-model?>`` instructions for the RELAX NG and Schematron
schemas (editors such as oXygen, VS Code and Emacs nXML use them to check
as one types) and a ``<?teikit version?>`` stamp that incremental batch
runs read to decide whether an output is current.
"""

from __future__ import annotations

import posixpath
from functools import lru_cache
from typing import TYPE_CHECKING

from lxml import etree

from teikit._version import __version__
from teikit.resources import schema_path
from teikit.xmlio import RNG_NS, SCH_NS, XML_NS, parse_file

if TYPE_CHECKING:
    import os

#: Where, relative to a TEI file, its schema is looked for unless told otherwise:
#: a ``schema/`` folder beside the folder of TEI files, as in this repository.
DEFAULT_SCHEMA_BASE = "../schema/"
#: The schema files the ``<?xml-model?>`` instructions name, with their languages.
SCHEMA_FILES: tuple[tuple[str, str], ...] = (("teikit.rng", RNG_NS), ("teikit.sch", SCH_NS))

_XML_SPACE = f"{{{XML_NS}}}space"
_DECLARATION = b"<?xml version='1.0' encoding='UTF-8'?>\n"


def prolog(schema_base: str | None = DEFAULT_SCHEMA_BASE) -> bytes:
    """The bytes before the root element: declaration, ``xml-model`` PIs, version stamp.

    ``schema_base`` is a directory path or URL prefix the schema file names are
    appended to; ``None`` leaves the ``xml-model`` instructions out.
    """
    lines = [_DECLARATION]
    if schema_base is not None:
        for name, ns in SCHEMA_FILES:
            href = _quote_attr(_join(schema_base, name))
            lines.append(
                f'<?xml-model href="{href}" type="application/xml" schematypens="{ns}"?>\n'.encode()
            )
    lines.append(f'<?teikit version="{__version__}"?>\n'.encode())
    return b"".join(lines)


def tei_bytes(
    tree: etree._ElementTree | etree._Element, schema_base: str | None = DEFAULT_SCHEMA_BASE
) -> bytes:
    """Serialize a TEI tree for disk: :func:`prolog`, then the indented root.

    The tree is left as it was (the few empty text nodes that keep libxml2
    from indenting mixed content are removed again before returning).
    """
    root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
    pinned = _pin_mixed(root)
    try:
        body: bytes = etree.tostring(root, encoding="UTF-8", pretty_print=True)
    finally:
        for el in pinned:
            el.text = None
    # tostring with an encoding writes its own declaration; the prolog has ours
    if body.startswith(b"<?xml"):
        body = body[body.index(b"?>") + 2 :].lstrip(b"\n")
    return prolog(schema_base) + (body if body.endswith(b"\n") else body + b"\n")


def schema_base_for(outdir: str | os.PathLike[str]) -> str:
    """The bundled schema's folder as seen from ``outdir``, as a relative URL path.

    Computed once per batch, by the process that plans it, so every worker
    (on any host) writes the same bytes.
    """
    import os
    from pathlib import Path

    rel = os.path.relpath(schema_path(SCHEMA_FILES[0][0]).parent, Path(outdir).resolve())
    return rel.replace(os.sep, "/").rstrip("/") + "/"


def _join(base: str, name: str) -> str:
    if not base or base.endswith("/"):
        return base + name
    return posixpath.join(base, name)


def _quote_attr(value: str) -> str:
    return (
        value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
    )


def _pin_mixed(root: etree._Element) -> list[etree._Element]:
    """Give an empty text node to elements that must not be indented; return them."""
    mixed = mixed_content_elements()
    pinned: list[etree._Element] = []
    for el in root.iter(etree.Element):
        if el.text is None and len(el) and (el.tag in mixed or _preserves_space(el)):
            el.text = ""
            pinned.append(el)
    return pinned


def _preserves_space(el: etree._Element) -> bool:
    return el.get(_XML_SPACE) == "preserve"


@lru_cache(maxsize=1)
def mixed_content_elements() -> frozenset[str]:
    """Clark names of the bundled schema's elements whose content allows text."""
    path = schema_path(SCHEMA_FILES[0][0])
    if not path.is_file():
        return frozenset()
    return rng_mixed_elements(parse_file(path).getroot())


def rng_mixed_elements(grammar: etree._Element) -> frozenset[str]:
    """Elements of a RELAX NG grammar whose content allows text (``text``/``mixed``).

    References are followed through ``define``s (with a guard against cycles);
    nested ``element`` and ``attribute`` patterns are not part of the content.
    """
    rng = f"{{{RNG_NS}}}"
    defines: dict[str, list[etree._Element]] = {}
    for d in grammar.iter(f"{rng}define"):
        defines.setdefault(d.get("name", ""), []).append(d)
    memo: dict[str, bool] = {}

    def allows_text(pattern: etree._Element, seen: frozenset[str]) -> bool:
        for child in pattern.iterchildren(etree.Element):
            tag = child.tag
            if tag in (f"{rng}text", f"{rng}mixed"):
                return True
            if tag in (f"{rng}element", f"{rng}attribute", f"{rng}name", f"{rng}nsName"):
                continue
            if tag == f"{rng}ref":
                name = child.get("name", "")
                if name in seen:
                    continue
                if name not in memo:
                    memo[name] = any(allows_text(d, seen | {name}) for d in defines.get(name, ()))
                if memo[name]:
                    return True
            elif allows_text(child, seen):
                return True
        return False

    out: set[str] = set()
    for el in grammar.iter(f"{rng}element"):
        name = el.get("name")
        if not name or ":" in name:
            continue
        ns = next((a.get("ns") for a in el.iterancestors() if a.get("ns") is not None), "")
        ns = el.get("ns", ns)
        if allows_text(el, frozenset()):
            out.add(f"{{{ns}}}{name}" if ns else name)
    return frozenset(out)
