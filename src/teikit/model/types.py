"""The typed objects a TEI document becomes: frozen, slotted, comparable.

The model is a tree that mirrors the encoding contract (``docs/encoding.rst``)
closely enough to be written back to the same TEI: blocks (paragraphs,
speeches, divisions, openers …) hold *content*, a tuple of strings and inline
objects (corrections, notes, stamps, page breaks …). Flat views that
downstream code asks for (every speech, every stamp, every footnote) are
computed from the tree, so they can never disagree with it.

Every object remembers where it came from: ``element`` is the lxml element
(``None`` for objects built in Python) and ``line`` its source line. Both are
left out of ``==``, ``hash`` and ``repr``, so a document read from a file and
the same document rebuilt from Python compare equal.

Values of the schema's closed lists are :mod:`teikit.model.vocab` enums
(members equal their strings); a value outside the list (foreign TEI such as
FRUS ``note type="source"``) stays a plain ``str``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable  # noqa: TC003  (resolved at run time, see etree)
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, ClassVar, TypeAlias

from lxml import etree  # noqa: TC002  (annotations are resolved at run time for the JSON schema)

from teikit.model import text as _text
from teikit.model.vocab import Cert, DivType, GapReason, IdnoType, NoteType, RespKey, StampType

if TYPE_CHECKING:
    from collections.abc import Iterable, Iterator


class DatePrecision(StrEnum):
    """How much of a date the source states: ``1964`` is a year, ``1964-10`` a month."""

    YEAR = "year"
    MONTH = "month"
    DAY = "day"


@dataclass(frozen=True, slots=True)
class Node:
    """Base of every model object: the source element and line, outside equality."""

    element: etree._Element | None = field(
        default=None, compare=False, hash=False, repr=False, kw_only=True
    )
    line: int = field(default=0, compare=False, hash=False, repr=False, kw_only=True)

    def children(self) -> Iterator[Node]:
        """The model objects directly inside this one, in document order."""
        return iter(())

    def walk(self) -> Iterator[Node]:
        """This object and every object inside it, depth first, in document order."""
        out: list[Node] = [self]
        _flatten_node(self, out)
        return iter(out)


def _nodes(content: Content) -> Iterator[Node]:
    return (c for c in content if not isinstance(c, str))


# ----------------------------------------------------------------------------- inline


@dataclass(frozen=True, slots=True)
class Correction(Node):
    """An editor's correction: ``sic`` as written, ``corr`` as it should read."""

    sic: str
    corr: str
    resp: str | None = None
    cert: Cert | str | None = None


@dataclass(frozen=True, slots=True)
class Supplied(Node):
    """Words the transcriber or editor added that the source lacks."""

    content: Content
    resp: str | None = None

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Foreign(Node):
    """Words in another language (a transliterated original, say), with its BCP 47 tag."""

    content: Content
    lang: str | None = None

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Quoted(Node):
    """Quoted words (``q``/``quote`` inside running text)."""

    content: Content

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Stage(Node):
    """A stage direction inside a conversation: ``(Laughter.)``."""

    content: Content

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Gap(Node):
    """Text that is not there: summarized, lost at a page boundary, illegible, omitted."""

    reason: GapReason | str | None = None
    resp: str | None = None


@dataclass(frozen=True, slots=True)
class LineBreak(Node):
    """A line break kept inside a stamp, address or signature."""


@dataclass(frozen=True, slots=True)
class PageBreak(Node):
    """The start of a page of the physical copy."""

    n: str | None = None
    id: str | None = None
    facs: str | None = None


@dataclass(frozen=True, slots=True)
class Ref(Node):
    """A pointer: a footnote marker (``kind="footnote"``) or a cross-reference."""

    content: Content
    target: str | None = None
    kind: str | None = None

    @property
    def text(self) -> str:
        return _text.plain(self.content)

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Date(Node):
    """A date as written, with its ISO ``when`` when the source or editor gave one."""

    text: str
    when: str | None = None
    cert: Cert | str | None = None

    @property
    def value(self) -> dt.date | None:
        """``when`` as a :class:`datetime.date`; a year or month gives its first day."""
        parsed = parse_when(self.when)
        return parsed[0] if parsed else None

    @property
    def precision(self) -> DatePrecision | None:
        parsed = parse_when(self.when)
        return parsed[1] if parsed else None


_WHEN = re.compile(r"(-?\d{4})(?:-(\d{2})(?:-(\d{2}))?)?(?:T.*)?")


def parse_when(when: str | None) -> tuple[dt.date, DatePrecision] | None:
    """An ISO ``@when`` (``1964``, ``1964-10``, ``1964-10-09``, with a time or not)."""
    if not when:
        return None
    m = _WHEN.fullmatch(when.strip())
    if m is None:
        return None
    year, month, day = m.groups()
    try:
        if day:
            return dt.date(int(year), int(month), int(day)), DatePrecision.DAY
        if month:
            return dt.date(int(year), int(month), 1), DatePrecision.MONTH
        return dt.date(int(year), 1, 1), DatePrecision.YEAR
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Time(Node):
    """A time of day as written (``1135``)."""

    text: str
    when: str | None = None


@dataclass(frozen=True, slots=True)
class Idno(Node):
    """An identifier: a call number, reel, cable or registry number …"""

    value: str
    kind: IdnoType | str | None = None


@dataclass(frozen=True, slots=True)
class PersName(Node):
    """A person's name in running text, pointing at a :class:`Person` when it says whom."""

    content: Content
    ref: str | None = None

    @property
    def text(self) -> str:
        return _text.plain(self.content)

    @property
    def person_id(self) -> str | None:
        return self.ref.removeprefix("#") if self.ref and self.ref.startswith("#") else None

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Note(Node):
    """A note: footnote, editorial bracket, summary of omitted talk, handling note …

    ``anchor`` is the few words the note follows (for a footnote in ``back``,
    the words before the marker that points at it); it is read from the source
    and not part of equality.
    """

    content: Content
    kind: NoteType | str | None = None
    resp: str | None = None
    id: str | None = None
    n: str | None = None
    target: str | None = None
    anchor: str = field(default="", compare=False, kw_only=True)

    @property
    def text(self) -> str:
        return _text.plain(self.content, notes=True)

    @property
    def is_footnote(self) -> bool:
        """A footnote by type, or (foreign TEI) an untyped note that carries a number."""
        return self.kind == NoteType.FOOTNOTE or (self.kind is None and bool(self.n))

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Stamp(Node):
    """A stamp or marking of the archival copy: classification, registry, signature …

    ``where`` names the structure the stamp sits in (``body/div[cable]/p``);
    it is read from the source and not part of equality.
    """

    content: Content
    kind: StampType | str | None = None
    where: str = field(default="", compare=False, kw_only=True)

    @property
    def text(self) -> str:
        return _text.plain(self.content)

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Item(Node):
    """One item of a list."""

    content: Content
    n: str | None = None

    @property
    def text(self) -> str:
        return _text.plain(self.content)

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class ListBlock(Node):
    """A list: numbered points, a distribution list, FRUS participants …"""

    items: tuple[Item, ...]
    kind: str | None = None
    head: Content | None = None

    def children(self) -> Iterator[Node]:
        if self.head:
            yield from _nodes(self.head)
        yield from self.items


@dataclass(frozen=True, slots=True)
class Fw(Node):
    """A running head or file line of a copy (``fw type="file"``)."""

    content: Content
    kind: str | None = None

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


Inline: TypeAlias = (
    str
    | Correction
    | Supplied
    | Foreign
    | Quoted
    | Stage
    | Gap
    | LineBreak
    | PageBreak
    | Ref
    | Date
    | Time
    | Idno
    | PersName
    | Note
    | Stamp
    | ListBlock
    | Fw
)
Content: TypeAlias = tuple[Inline, ...]


# ----------------------------------------------------------------------------- blocks


@dataclass(frozen=True, slots=True)
class _Text(Node):
    content: Content

    @property
    def text(self) -> str:
        """The words as corrected, notes left out, whitespace normalized."""
        return _text.plain(self.content)

    @property
    def text_as_written(self) -> str:
        return _text.plain(self.content, corrected=False)

    def children(self) -> Iterator[Node]:
        return _nodes(self.content)


@dataclass(frozen=True, slots=True)
class Paragraph(_Text):
    """A paragraph; ``kind`` is its ``@type`` where it has one."""

    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Head(_Text):
    """A heading of a division or list."""


@dataclass(frozen=True, slots=True)
class Salute(_Text):
    """A salutation: ``Dear comrades,`` or ``With fraternal greetings,``."""


@dataclass(frozen=True, slots=True)
class Signed(_Text):
    """A signature block: who signed, as written."""


@dataclass(frozen=True, slots=True)
class Dateline(_Text):
    """Where and when a document was written, as written."""

    @property
    def date(self) -> Date | None:
        return next((n for n in self.walk() if isinstance(n, Date)), None)


@dataclass(frozen=True, slots=True)
class Address(Node):
    """An address, line by line."""

    lines: tuple[Content, ...]

    def children(self) -> Iterator[Node]:
        for line in self.lines:
            yield from _nodes(line)


#: The parts of an opener or closer: inline content and salute/signed/dateline/address.
Parts: TypeAlias = tuple[Inline | Salute | Signed | Dateline | Address, ...]


@dataclass(frozen=True, slots=True)
class Opener(Node):
    """The opening of a letter or cable: address, salutation, dateline."""

    parts: Parts

    def children(self) -> Iterator[Node]:
        return (p for p in self.parts if not isinstance(p, str))


@dataclass(frozen=True, slots=True)
class Closer(Node):
    """The closing of a letter or cable: salutation, signature, dateline."""

    parts: Parts

    def children(self) -> Iterator[Node]:
        return (p for p in self.parts if not isinstance(p, str))


@dataclass(frozen=True, slots=True)
class Name(Node):
    """One name of a person; ``kind`` is ``persName/@type`` (``full`` for an editor's full name)."""

    text: str
    kind: str | None = None
    resp: str | None = None


@dataclass(frozen=True, slots=True)
class Person(Node):
    """A person of the document: its stable id, the names it goes by, its role.

    ``role`` is ``speaker`` or ``participant`` in teikit TEI; ``occupation``
    the editor's description; ``description`` the text around the name in a
    foreign persons list (FRUS front matter).
    """

    id: str
    names: tuple[Name, ...] = ()
    role: str | None = None
    occupation: str | None = None
    description: str | None = None

    @property
    def label(self) -> str:
        """The name as written in the source (the first untyped name)."""
        plain = [n.text for n in self.names if n.kind is None]
        return plain[0] if plain else (self.names[0].text if self.names else self.id)

    @property
    def full_name(self) -> str | None:
        return next((n.text for n in self.names if n.kind == "full"), None)

    @property
    def display_name(self) -> str:
        return self.full_name or self.label


@dataclass(frozen=True, slots=True)
class Speech(Node):
    """One turn of a conversation: who spoke, the label as written, what was said."""

    paragraphs: tuple[Paragraph, ...]
    label: str | None = None
    who: str | None = None
    person: Person | None = None

    @property
    def person_id(self) -> str | None:
        if self.person is not None:
            return self.person.id
        return self.who.removeprefix("#") if self.who else None

    @property
    def text(self) -> str:
        """What was said, as corrected, notes left out."""
        return "\n\n".join(p.text for p in self.paragraphs if p.text)

    @property
    def text_as_written(self) -> str:
        return "\n\n".join(p.text_as_written for p in self.paragraphs if p.text_as_written)

    def children(self) -> Iterator[Node]:
        return iter(self.paragraphs)


class _Views:
    """Flat views over a tree of blocks, shared by documents and divisions."""

    __slots__ = ()

    def _blocks(self) -> tuple[Block, ...]:
        raise NotImplementedError

    def nodes(self) -> Iterator[Node]:
        """Every model object inside, depth first, in document order."""
        return iter(self._flat())

    def _flat(self) -> list[Node]:
        """Every object inside, computed on first use and kept (the tree is immutable)."""
        cached: list[Node] | None = self._flat_nodes  # type: ignore[attr-defined]
        if cached is None:
            cached = []
            _flatten(self._blocks(), cached)
            object.__setattr__(self, "_flat_nodes", cached)
        return cached

    @property
    def speeches(self) -> tuple[Speech, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Speech))

    @property
    def stamps(self) -> tuple[Stamp, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Stamp))

    @property
    def notes(self) -> tuple[Note, ...]:
        """Every note, footnotes included, in document order."""
        return tuple(n for n in self._flat() if isinstance(n, Note))

    @property
    def footnotes(self) -> tuple[Note, ...]:
        return tuple(n for n in self.notes if n.is_footnote)

    @property
    def editorial_notes(self) -> tuple[Note, ...]:
        """Notes that are not footnotes: editorial brackets, summaries, handling notes …"""
        return tuple(n for n in self.notes if not n.is_footnote)

    @property
    def corrections(self) -> tuple[Correction, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Correction))

    @property
    def page_breaks(self) -> tuple[PageBreak, ...]:
        return tuple(n for n in self._flat() if isinstance(n, PageBreak))

    @property
    def divisions(self) -> tuple[Division, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Division))

    @property
    def signatures(self) -> tuple[Signed, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Signed))

    @property
    def openers(self) -> tuple[Opener, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Opener))

    @property
    def closers(self) -> tuple[Closer, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Closer))

    @property
    def dates(self) -> tuple[Date, ...]:
        return tuple(n for n in self._flat() if isinstance(n, Date))

    @property
    def mentions(self) -> tuple[PersName, ...]:
        """Names in running text (``persName``), with the person they point at."""
        return tuple(n for n in self._flat() if isinstance(n, PersName))

    @property
    def text(self) -> str:
        """The words as corrected; blocks separated by a blank line, notes left out."""
        return _text.blocks_text(self._blocks(), corrected=True)

    @property
    def text_as_written(self) -> str:
        """The words as the source has them (``sic``, original spelling)."""
        return _text.blocks_text(self._blocks(), corrected=False)


@dataclass(frozen=True, slots=True)
class Division(_Views, Node):
    """A division: a document kind (``conversation``, ``cable`` …), a section, notes.

    In foreign TEI it is any ``div``: a FRUS volume's ``div type="document"``
    comes out as a division of kind ``document``.
    """

    blocks: tuple[Block, ...]
    kind: DivType | str | None = None
    id: str | None = None
    n: str | None = None
    _flat_nodes: list[Node] | None = field(
        default=None, init=False, compare=False, hash=False, repr=False
    )

    def _blocks(self) -> tuple[Block, ...]:
        return self.blocks

    def children(self) -> Iterator[Node]:
        return iter(self.blocks)

    @property
    def heading(self) -> Head | None:
        return next((b for b in self.blocks if isinstance(b, Head)), None)

    @property
    def date(self) -> Date | None:
        """The date of the division's own dateline (not of one nested in it)."""
        for node in self._own_nodes():
            if isinstance(node, Dateline) and node.date is not None:
                return node.date
        return None

    @property
    def source_note(self) -> Note | None:
        """The note giving the archival source: ``type="source"``, or a note numbered 0."""
        own = [n for n in self._own_nodes() if isinstance(n, Note)]
        return next((n for n in own if n.kind == "source"), None) or next(
            (n for n in own if n.n == "0"), None
        )

    def _own_nodes(self) -> Iterator[Node]:
        """The objects inside, those of nested divisions left out (the divisions kept)."""
        flat = self._flat()
        own: list[Node] = []
        i, end = 0, len(flat)
        while i < end:
            node = flat[i]
            own.append(node)
            i += 1
            if isinstance(node, Division):
                if node.__class__ is not Division:  # a subclass may have its own children()
                    return self._own_nodes_plain()
                i += len(node._flat())  # its subtree follows it in the flat view
        return iter(own)

    def _own_nodes_plain(self) -> Iterator[Node]:
        stack: list[Node] = list(reversed(self.blocks))
        while stack:
            node = stack.pop()
            yield node
            if not isinstance(node, Division):
                stack.extend(reversed(list(node.children())))


# ----------------------------------------------------------------------------- traversal
#
# The flat views (every note, every page break …) are asked for often and over
# large trees, so the traversal is one recursive pass that appends to a list,
# with the child fields of the model's own classes looked up by exact type
# instead of going through nested ``children()`` generators. Any other class
# (a subclass defined downstream) is asked for its ``children()`` as before,
# so the order and the objects visited are those of ``walk()`` by definition.

_CONTENT_FIELD = frozenset(
    {
        Supplied,
        Foreign,
        Quoted,
        Stage,
        Ref,
        PersName,
        Note,
        Stamp,
        Item,
        Fw,
        Paragraph,
        Head,
        Salute,
        Signed,
        Dateline,
    }
)
#: Inline classes whose plain text is exactly that of their content (see ``text``).
TEXT_WRAPPERS: frozenset[type] = frozenset({PersName, Supplied, Foreign, Quoted, Stage, Stamp, Fw})
_LEAVES = frozenset({Correction, Gap, LineBreak, PageBreak, Date, Time, Idno})


def _flatten(items: Iterable[object], out: list[Node]) -> None:
    """Append every model object in ``items`` and inside them, depth first."""
    append = out.append
    for item in items:
        cls = item.__class__
        if cls is str:
            continue
        append(item)  # type: ignore[arg-type]
        if cls in _CONTENT_FIELD:
            content = item.content  # type: ignore[attr-defined]
            # Most content is one string (a name, a marker, a plain paragraph): no call.
            if len(content) > 1 or (content and content[0].__class__ is not str):
                _flatten(content, out)
        elif cls in _LEAVES:
            continue
        elif cls is Division:
            # A division's own flat view is a slice of this one: keep it on the way.
            start = len(out)
            _flatten(item.blocks, out)  # type: ignore[attr-defined]
            if item._flat_nodes is None:  # type: ignore[attr-defined]
                object.__setattr__(item, "_flat_nodes", out[start:])
        else:
            _flatten_node(item, out)  # type: ignore[arg-type]


def _flatten_node(node: Node, out: list[Node]) -> None:
    """Append the objects inside ``node`` (not ``node`` itself), depth first."""
    cls = node.__class__
    if cls in _CONTENT_FIELD:
        _flatten(node.content, out)  # type: ignore[attr-defined]
    elif cls is Division:
        _flatten(node.blocks, out)  # type: ignore[attr-defined]
    elif cls is Speech:
        _flatten(node.paragraphs, out)  # type: ignore[attr-defined]
    elif cls in _LEAVES:
        return
    else:
        _flatten(node.children(), out)


Block: TypeAlias = (
    Paragraph
    | Head
    | Speech
    | Division
    | Opener
    | Closer
    | Salute
    | Signed
    | Dateline
    | Address
    | ListBlock
    | Note
    | PageBreak
    | Gap
    | Fw
)

# ----------------------------------------------------------------------------- header


@dataclass(frozen=True, slots=True)
class Title(Node):
    """A title of the document; ``kind`` is its ``@type`` (``main`` …)."""

    text: str
    kind: str | None = None


@dataclass(frozen=True, slots=True)
class Responsibility(Node):
    """Who did what (``respStmt``): ``key`` a MARC relator code, ``id`` what ``@resp`` cites."""

    resp: str
    name: str
    id: str | None = None
    key: RespKey | str | None = None
    name_kind: str = "persName"
    name_type: str | None = None


@dataclass(frozen=True, slots=True)
class Language(Node):
    """A language used in the document: BCP 47 ``ident`` and its name."""

    ident: str
    name: str = ""


@dataclass(frozen=True, slots=True)
class Source(Node):
    """Where the original is kept and how to cite it."""

    settlement: str | None = None
    repository: str | None = None
    collection: str | None = None
    idnos: tuple[Idno, ...] = ()
    summary: str | None = None
    original_language: Language | None = None
    citation: str | None = None
    citation_url: str | None = None
    credits: str | None = None
    description: str | None = None

    @property
    def call_numbers(self) -> tuple[str, ...]:
        return tuple(i.value for i in self.idnos if i.kind == IdnoType.CALL_NUMBER)


@dataclass(frozen=True, slots=True)
class Header(Node):
    """What the ``teiHeader`` says about the document."""

    titles: tuple[Title, ...] = ()
    responsibilities: tuple[Responsibility, ...] = ()
    publisher: str | None = None
    idnos: tuple[Idno, ...] = ()
    availability: str | None = None
    source: Source = field(default_factory=Source)
    editorial: tuple[Paragraph, ...] = ()
    sampling: tuple[Paragraph, ...] = ()
    date: Date | None = None
    languages: tuple[Language, ...] = ()
    kind: DivType | str | None = None

    @property
    def title(self) -> str | None:
        """The main title, or the first one."""
        main = [t.text for t in self.titles if t.kind == "main"]
        return main[0] if main else (self.titles[0].text if self.titles else None)

    @property
    def corpus_id(self) -> str | None:
        return next((i.value for i in self.idnos if i.kind == IdnoType.TEIKIT), None)

    @property
    def translators(self) -> tuple[Responsibility, ...]:
        return tuple(r for r in self.responsibilities if r.key == RespKey.TRL)

    @property
    def translator(self) -> str | None:
        return self.translators[0].name if self.translators else None


#: The text's (body, front, back) blocks.
TextParts: TypeAlias = tuple[tuple[Block, ...], tuple[Block, ...], tuple[Block, ...]]


@dataclass(frozen=True, slots=True, init=False, eq=False, repr=False)
class TeiDocument(_Views, Node):
    """A whole TEI document: header, people, and the text's front, body and back.

    A loaded document builds the objects of its text (``body``, ``front``,
    ``back``) on first use: loading costs little more than parsing, and a caller
    that reads only the header or the people never pays for the text. Equality
    and hashing are by header, people and text, as for every other model object.
    """

    #: What JSON shows of a document (the text parts are properties, not fields).
    JSON_FIELDS: ClassVar[tuple[str, ...]] = ("line", "header", "persons", "body", "front", "back")

    header: Header
    persons: tuple[Person, ...]
    source_name: str
    _parts: TextParts | None
    _pending: Callable[[], TextParts] | None
    _flat_nodes: list[Node] | None

    def __init__(
        self,
        header: Header | None = None,
        persons: tuple[Person, ...] = (),
        body: tuple[Block, ...] = (),
        front: tuple[Block, ...] = (),
        back: tuple[Block, ...] = (),
        *,
        source_name: str = "",
        element: etree._Element | None = None,
        line: int = 0,
        pending: Callable[[], TextParts] | None = None,
    ) -> None:
        """``pending``, when given, builds ``(body, front, back)`` on first use instead."""
        setattr_ = object.__setattr__
        setattr_(self, "header", header if header is not None else Header())
        setattr_(self, "persons", persons)
        setattr_(self, "source_name", source_name)
        setattr_(self, "element", element)
        setattr_(self, "line", line)
        setattr_(self, "_parts", None if pending is not None else (body, front, back))
        setattr_(self, "_pending", pending)
        setattr_(self, "_flat_nodes", None)

    def _text_parts(self) -> TextParts:
        parts = self._parts
        if parts is None:
            assert self._pending is not None
            parts = self._pending()
            object.__setattr__(self, "_parts", parts)
            object.__setattr__(self, "_pending", None)
        return parts

    @property
    def body(self) -> tuple[Block, ...]:
        return self._text_parts()[0]

    @property
    def front(self) -> tuple[Block, ...]:
        return self._text_parts()[1]

    @property
    def back(self) -> tuple[Block, ...]:
        return self._text_parts()[2]

    def _key(self) -> tuple[object, ...]:
        return (self.header, self.persons, self.body, self.front, self.back)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        assert isinstance(other, TeiDocument)
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __repr__(self) -> str:
        return (
            f"TeiDocument(header={self.header!r}, persons={self.persons!r}, "
            f"body={self.body!r}, front={self.front!r}, back={self.back!r})"
        )

    def _blocks(self) -> tuple[Block, ...]:
        return self.front + self.body + self.back

    def children(self) -> Iterator[Node]:
        return iter(self._blocks())

    def person(self, person_id: str) -> Person | None:
        """The person with this id (with or without ``#``)."""
        wanted = person_id.removeprefix("#")
        return next((p for p in self.persons if p.id == wanted), None)

    @property
    def kind(self) -> DivType | str | None:
        return self.header.kind

    @property
    def date(self) -> Date | None:
        return self.header.date

    @property
    def title(self) -> str | None:
        return self.header.title

    @property
    def documents(self) -> tuple[Division, ...]:
        """Divisions that are whole documents: FRUS ``div type="document"``, else the body's."""
        nested = tuple(d for d in self.divisions if d.kind == "document")
        if nested:
            return nested
        return tuple(b for b in self.body if isinstance(b, Division))
