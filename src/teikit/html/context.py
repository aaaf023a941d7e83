"""What a renderer needs to know about the whole document while it walks one element.

Built once per document: who the persons are (label, full name, role, colour),
whose names stand behind ``@resp`` pointers, which notes are pointed at by a
``ref``, the languages the header names. Elements are looked up by
``xml:id`` through one dictionary filled by a single XPath, so resolving a
pointer costs a dictionary lookup however large the volume.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, cast

from teikit.xmlio import TEI_NS, XML_NS

if TYPE_CHECKING:
    from lxml import etree

T = f"{{{TEI_NS}}}"
XML_ID = f"{{{XML_NS}}}id"
XML_LANG = f"{{{XML_NS}}}lang"

#: Distinct person colours in the stylesheet (``.pc0`` … ``.pc11``).
PALETTE_SIZE = 12


def squeeze(value: str) -> str:
    """Whitespace runs collapsed to one space, ends trimmed (TEI text is often indented)."""
    return " ".join(value.split())


def text_of(el: etree._Element) -> str:
    """The squeezed text content of ``el``."""
    return squeeze("".join(el.itertext()))


def local_name(tag: object) -> str:
    """``{ns}name`` → ``name``; TEI elements and others alike."""
    return str(tag).rpartition("}")[2]


def tag_of(el: etree._Element) -> str:
    """``el``'s Clark name as a ``str`` (lxml's stubs allow other types for comments and PIs)."""
    return cast("str", el.tag)


class IdMap:
    """Elements by ``xml:id``, and the ``xml:id`` and ``xml:lang`` of the elements that have one.

    One XPath selects every ``xml:*`` attribute (selecting attributes, not
    elements, is the quickest selection in libxml2). The walk then asks
    :attr:`marked` (a dictionary lookup) instead of reading two attributes of
    every element, and takes the values from it: reading a namespaced
    attribute through lxml costs more than the lookup. The elements are held
    here, so lxml hands the walk these same objects.
    """

    def __init__(self, root: etree._Element) -> None:
        self.by_id: dict[str, etree._Element] = {}
        #: ``(xml:id, xml:lang)`` of each element that has either.
        self.marked: dict[etree._Element, tuple[str | None, str | None]] = {}
        self.read(root, self.by_id, self.marked)

    @staticmethod
    def read(
        root: etree._Element,
        by_id: dict[str, etree._Element],
        marked: dict[etree._Element, tuple[str | None, str | None]],
    ) -> None:
        """Fill ``by_id`` and ``marked`` from ``root``'s document.

        The compiled walk, where built, replaces this with the same reading on
        the C nodes (:mod:`teikit.html.walker`).
        """
        # ``//*/@`` rather than ``//@``: the same attributes, without libxml2 visiting
        # the attribute axis of every text node
        for value in root.xpath("//*/@xml:*"):
            parent = value.getparent()
            known = marked.get(parent)
            if value.attrname == XML_ID:
                xid = str(value)
                by_id.setdefault(xid, parent)
                marked[parent] = (xid, known[1] if known else None)
            elif value.attrname == XML_LANG:
                marked[parent] = (known[0] if known else None, str(value))

    def get(self, key: str) -> etree._Element | None:
        return self.by_id.get(key)


@dataclass(slots=True)
class Person:
    """A participant as the page shows them."""

    id: str
    label: str
    full_name: str
    role: str
    colour: int
    turns: list[str] = field(default_factory=list)

    @property
    def hover(self) -> str:
        """Full name and role, the speaker label's tooltip."""
        return f"{self.full_name} — {self.role}" if self.role else self.full_name


@dataclass(slots=True)
class Footnote:
    """A note shown as a pop-up at its marker and again in the list at the end."""

    number: int
    label: str
    html: str
    refs: list[str] = field(default_factory=list)
    #: ``id``/``lang`` attributes of the note itself, for its list item.
    attrs: str = ""


@dataclass
class Context:
    """Document-wide lookups and the state collected during one rendering."""

    root: etree._Element
    ids: IdMap
    persons: dict[str, Person]
    resp_names: dict[str, str]
    languages: dict[str, str]
    footnotes: list[Footnote] = field(default_factory=list)
    turn_count: int = 0
    has_choices: bool = False
    ref_count: int = 0
    #: ``xml:id`` values already given to an HTML element, so none is emitted twice.
    emitted_ids: set[str] = field(default_factory=set)
    #: Marker ids pointing at each referenced note, for its links back.
    backrefs: dict[str, list[str]] = field(default_factory=dict)
    #: Rendered content of referenced notes, shared by pop-up and list.
    note_html: dict[str, str] = field(default_factory=dict)
    #: Notes whose content is being rendered now (a note that points at itself stops here).
    capturing: set[str] = field(default_factory=set)
    _titles: dict[str, str] = field(default_factory=dict)
    #: Opening (without ``>``), closing and opening tag of a pointer, by its ``@target``.
    link_opens: dict[str, tuple[str, str, str]] = field(default_factory=dict)
    #: Tags already made for an element without ``id``/``lang``, by what they depend on
    #: (a tuple starting with the handler's name): names repeat the same few hundred
    #: pointers, highlights the same renditions.
    tags_cache: dict[tuple[object, ...], tuple[str, str]] = field(default_factory=dict)

    def resolve(self, pointer: str) -> etree._Element | None:
        """The element a ``#id`` pointer names in this document, if any."""
        if pointer.startswith("#"):
            return self.ids.get(pointer[1:])
        return None

    def title_for(self, pointer: str) -> str:
        """A short description of what ``pointer`` names, for a tooltip."""
        cached = self._titles.get(pointer)
        if cached is not None:
            return cached
        target = self.resolve(pointer)
        if target is None:
            title = pointer
        else:
            person = self.persons.get(pointer[1:])
            title = person.hover if person else text_of(target)
            if len(title) > 200:
                title = title[:199] + "…"
        self._titles[pointer] = title
        return title

    def resp(self, value: str) -> str:
        """The people or bodies a ``@resp`` names, as readable text."""
        names = [self.resp_names.get(p[1:], p) if p.startswith("#") else p for p in value.split()]
        return ", ".join(names)

    def language(self, code: str) -> str:
        """The header's name for a language code, else the code itself."""
        return self.languages.get(code) or self.languages.get(code.split("-")[0]) or code


def _person(el: etree._Element, pid: str, colour: int) -> Person:
    names = [n for n in el.iter(f"{T}persName") if n.getparent() is el]
    label = text_of(names[0]) if names else text_of(el)
    full = next((text_of(n) for n in names if n.get("type") == "full"), label)
    role = next((text_of(o) for o in el.iter(f"{T}occupation")), "") or (el.get("role") or "")
    return Person(pid, label, full, role, colour)


def _resp_names(root: etree._Element) -> dict[str, str]:
    names: dict[str, str] = {}
    header = root.find(f"{T}teiHeader")
    scope = header if header is not None else root
    for stmt in scope.iter(f"{T}respStmt"):
        rid = stmt.get(XML_ID)
        if not rid:
            continue
        who = [text_of(c) for c in stmt if c.tag in (f"{T}persName", f"{T}name", f"{T}orgName")]
        what = [text_of(c) for c in stmt if c.tag == f"{T}resp"]
        label = ", ".join(w for w in who if w) or rid
        names[rid] = f"{label} ({'; '.join(what)})" if any(what) else label
    for el in scope.iter(f"{T}person", f"{T}editor", f"{T}author"):
        pid = el.get(XML_ID)
        if pid and pid not in names:
            names[pid] = text_of(el)
    return names


#: Elements whose ``note`` children stand on their own (a notes section), not in running text.
NOTE_CONTAINERS = frozenset(
    f"{T}{name}"
    for name in ("div", "back", "front", "body", "listNote", "noteGrp", "div1", "div2", "div3")
)


def stands_apart(note: etree._Element) -> bool:
    """Whether ``note`` is an endnote kept apart from the text its markers point from."""
    parent = note.getparent()
    return parent is not None and parent.tag in NOTE_CONTAINERS


def build_context(root: etree._Element) -> Context:
    """Gather the lookups for ``root`` (a ``TEI`` or any element) in one pass of XPath."""
    persons: dict[str, Person] = {}
    for el in root.iter(f"{T}person"):
        pid = el.get(XML_ID)
        if pid and pid not in persons:
            persons[pid] = _person(el, pid, len(persons) % PALETTE_SIZE)
    header = root.find(f"{T}teiHeader")
    languages = (
        {
            lang.get("ident", ""): text_of(lang)
            for lang in header.iter(f"{T}language")
            if lang.get("ident")
        }
        if header is not None
        else {}
    )
    return Context(root, IdMap(root), persons, _resp_names(root), languages)
