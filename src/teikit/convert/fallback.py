"""A recognizer's miss never refuses a document: the structure degrades instead.

The converter validates what it built. When a recognizer produced a structure
the schema rejects (a closer after a section, a footnote whose marker was not
found, a turn inside a list), the document is still a good transcription: only
the guess was wrong. This module repairs such a tree in place, each repair
plainer than the guess it replaces, and reports the doubt at the raw
``line:col`` of the text concerned, never at a line of an output the editor
cannot see.

Repairs, tried in this order for each element the schema rejects:

1. a footnote whose marker was not found is kept, unanchored: its ``@type``
   is dropped (it stays in ``back/div[@type='notes']`` with its number);
2. a block that follows a section inside the same ``div`` moves into that
   section (what follows a heading belongs to it);
3. the smallest block around the rejected element becomes a ``p`` with the
   same words.

The schema is checked on the tree itself, with every element numbered through
``sourceline``, so an error names the element, not a line of serialized text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from lxml import etree

from teikit.convert.builder import element
from teikit.convert.inline import tei
from teikit.xmlio import TEI_NS

if TYPE_CHECKING:
    from collections.abc import Callable

    from teikit.convert.report import ConversionReport
    from teikit.convert.source import Transcription
    from teikit.validate.report import Problem

#: How many rounds of repair before giving up (each round fixes every reported element).
MAX_ROUNDS = 12

_DIV = tei("div")
_BODY = tei("body")
_BLOCKS = frozenset(
    tei(t)
    for t in (
        "p",
        "sp",
        "list",
        "head",
        "opener",
        "closer",
        "dateline",
        "fw",
        "note",
        "ab",
        "lg",
        "table",
        "pb",
        "stage",
        "trailer",
        "signed",
        "salute",
        "byline",
        "docAuthor",
        "epigraph",
        "floatingText",
    )
)


def unanchored_notes(root: etree._Element) -> list[etree._Element]:
    """Footnotes with an ``xml:id`` that no ``ref type="footnote"`` points at (TK-E011)."""
    targets = {
        t[1:]
        for t in root.xpath("//tei:ref[@type='footnote']/@target", namespaces={"tei": TEI_NS})
        if isinstance(t, str) and t.startswith("#")
    }
    out: list[etree._Element] = []
    for note in root.iter(tei("note")):
        if note.get("type") == "footnote":
            xid = note.get("{http://www.w3.org/XML/1998/namespace}id")
            # a footnote without an id is already kept unanchored (TK-W007 warns of it)
            if xid is not None and xid not in targets:
                out.append(note)
    return out


def keep_unanchored(
    root: etree._Element,
    where: Callable[[etree._Element], tuple[int, int]],
    report: ConversionReport,
) -> int:
    """Keep every footnote whose marker was not found, untyped, and flag it."""
    notes = unanchored_notes(root)
    for note in notes:
        del note.attrib["type"]
        line, col = where(note)
        report.unsure(
            line,
            col,
            f"note {note.get('n', '?')}: its marker was not found in the text; "
            "kept in the notes, unanchored",
        )
    if notes:
        report.count("unanchored", len(notes))
    return len(notes)


def number_elements(root: etree._Element) -> list[etree._Element]:
    """Give every element its document-order index (from 1) as ``sourceline``."""
    elements = list(root.iter())
    for k, el in enumerate(elements, start=1):
        el.sourceline = k  # type: ignore[misc]  # writable in lxml, stubs say not
    return elements


def locate(source: Transcription, el: etree._Element) -> tuple[int, int]:
    """The raw ``line:col`` where an element's words begin (1:1 when not found)."""
    words = " ".join(el.itertext()).split()[:4]
    if not words:
        return 1, 1
    pattern = r"\s+".join(re.escape(w) for w in words)
    m = re.search(pattern, source.text)
    if m is None and len(words) > 1:
        m = re.search(re.escape(words[0]), source.text)
    if m is None:
        return 1, 1
    return source.line_col(m.start())


def _block_of(el: etree._Element) -> etree._Element | None:
    """The smallest block-level element inside the body that holds ``el``."""
    node: etree._Element | None = el
    while node is not None:
        parent = node.getparent()
        if parent is None:
            return None
        if node.tag in _BLOCKS and parent.tag in (_DIV, _BODY, tei("sp")):
            return node
        if node.tag == _DIV and parent.tag in (_DIV, _BODY):
            return node
        node = parent
    return None


def _innermost(
    errors: list[tuple[int, str]], elements: list[etree._Element]
) -> list[tuple[int, str]]:
    """The errors on elements inside the body holding no other erring element.

    The schema also reports each ancestor of a bad element ("failed to
    validate content"); repairing the innermost one repairs those too.
    """
    bad = {i for i, _ in errors if 1 <= i <= len(elements)}
    ancestors: set[int] = set()
    for i in bad:
        node = elements[i - 1].getparent()
        while node is not None:
            line = node.sourceline
            if line is not None:
                ancestors.add(line)
            node = node.getparent()
    out: list[tuple[int, str]] = []
    seen: set[int] = set()
    for i, message in sorted(errors):
        if i not in bad or i in ancestors or i in seen:
            continue
        el = elements[i - 1]
        parent = el.getparent()
        if el.tag == _BODY or parent is None or parent.tag == _BODY:
            continue
        seen.add(i)
        out.append((i, message))
    return out


def _sections_own_what_follows(root: etree._Element) -> list[etree._Element]:
    """Move every block that follows a nested ``div`` into that ``div``.

    TEI allows only divisions (and a closing group) after a division; text
    standing after a section belongs to it, as it does on the page.
    """
    moved: list[etree._Element] = []
    body = root.find(f"{tei('text')}/{_BODY}")
    if body is None:
        return moved
    for div in list(body.iter(_DIV)):
        last_section: etree._Element | None = None
        for child in list(div):
            if child.tag == _DIV:
                last_section = child
            elif last_section is not None and isinstance(child.tag, str):
                tail = child.tail
                last_section.append(child)
                child.tail = tail
                moved.append(child)
    return moved


def _fill_plain(p: etree._Element, block: etree._Element) -> None:
    """Put ``block``'s words into ``p``, keeping its page breaks where they stand.

    A page break carries its number in ``@n``: flattening to text alone lost it.
    """
    pieces: list[str | etree._Element] = []

    def walk(el: etree._Element) -> None:
        if el.text:
            pieces.append(el.text)
        for child in el:
            if child.tag == tei("pb"):
                pieces.append(element(None, "pb", **dict(child.attrib)))
            elif isinstance(child.tag, str):
                walk(child)
            if child.tail:
                pieces.append(child.tail)

    walk(block)
    last: etree._Element | None = None
    for piece in pieces:
        if isinstance(piece, str):
            if last is None:
                p.text = (p.text or "") + " " + piece
            else:
                last.tail = (last.tail or "") + " " + piece
        else:
            p.append(piece)
            last = piece
    p.text = " ".join((p.text or "").split()) or None
    for child in p:
        child.tail = (
            (" " + " ".join(child.tail.split())) if child.tail and child.tail.split() else None
        )


def _plain(block: etree._Element) -> etree._Element:
    """Replace a block by a ``p`` (or ``div`` by its words in ``p``) with the same words."""
    parent = block.getparent()
    assert parent is not None
    p = element(None, "p")
    if block.tag == tei("pb"):
        p.append(element(None, "pb", **dict(block.attrib)))  # a page break keeps its number
    else:
        _fill_plain(p, block)
    p.tail = block.tail
    if parent.tag == tei("sp") and block.tag not in (tei("p"), tei("speaker")):
        parent.replace(block, p)
    else:
        parent.replace(block, p)
    return p


def repair(
    tree: etree._ElementTree,
    problems_of: Callable[[etree._ElementTree], list[Problem]],
    where: Callable[[etree._Element], tuple[int, int]],
    report: ConversionReport,
) -> tuple[bool, list[Problem]]:
    """Repair ``tree`` in place until the schema finds no error.

    ``problems_of`` checks the tree as numbered by :func:`number_elements`
    (``Problem.line`` is the element's index). Returns whether the tree is now
    valid, and the remaining problems (warnings, or the errors left).
    """
    root = tree.getroot()
    problems: list[Problem] = []
    first_round = True
    for _ in range(MAX_ROUNDS):
        elements = number_elements(root)
        problems = problems_of(tree)
        errors = [(p.line, p.message) for p in problems if p.severity == "error"]
        if not errors:
            return True, problems
        if first_round:
            first_round = False
            moved = _sections_own_what_follows(root)
            for block in moved:
                line, col = where(block)
                tag = etree.QName(block).localname
                report.unsure(line, col, f"{tag} after a section moved into that section")
            if moved:
                continue
        done: set[int] = set()
        changed = False
        for index, message in _innermost(errors, elements):
            found = _block_of(elements[index - 1])
            if found is None or id(found) in done:
                continue
            block = found
            done.add(id(block))
            line, col = where(block)
            tag = etree.QName(block).localname
            _plain(block)
            report.unsure(
                line, col, f"{tag} not encodable here; kept as a plain paragraph ({message})"
            )
            changed = True
        if not changed:
            return False, problems
    number_elements(root)
    problems = problems_of(tree)
    return not any(p.severity == "error" for p in problems), problems


def flatten_body(root: etree._Element) -> None:
    """The last resort: the body's kind ``div`` holds one ``p`` per block, same words."""
    body = root.find(f"{tei('text')}/{_BODY}")
    if body is None:
        return
    div = body.find(_DIV)
    if div is None:
        return
    children = list(div)
    for child in children:
        div.remove(child)
    div.text = None
    for child in children:
        if child.tag == tei("pb"):
            child.tail = None
            div.append(child)
            continue
        p = element(None, "p")
        _fill_plain(p, child)
        if p.text or len(p):
            div.append(p)
    if not len(div):
        element(div, "p")
