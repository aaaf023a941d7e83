"""Read any TEI P5 document into the typed model.

teikit's own encoding (``docs/encoding.rst``) maps one to one onto the model;
any other TEI P5 is read as far as it speaks the same elements. An element the
model has no object for is *transparent*: its markup is dropped and its words
are kept where they stand (``hi``, ``placeName``, ``seg``, a ``table``'s
cells, another namespace's wrapper), so foreign TEI loads without error and
without losing text.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, TypeAlias, TypeVar

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.inputs import XmlInput, is_path, is_stream, read_stream, refuse_markup_path, stream_name
from teikit.model import text as _text
from teikit.model import types as t
from teikit.model.make import maker
from teikit.model.vocab import Cert, DivType, GapReason, IdnoType, NoteType, RespKey, StampType
from teikit.xmlio import TEI_NS, XML_NS, parse_bytes, parse_file

if TYPE_CHECKING:
    from collections.abc import Callable, Iterator

#: What :func:`load` reads; see :mod:`teikit.inputs` (a ``str`` is always a path).
Source: TypeAlias = XmlInput

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
XML_LANG = "{" + XML_NS + "}lang"
_NOTE_ANCHOR_WORDS = 6
E = TypeVar("E", bound=StrEnum)
_NOTE = T + "note"
_PERSNAME = T + "persName"
_P = T + "p"
_REF = T + "ref"

# Constructors of the objects read most often; arguments are (element, line,
# then the class's own fields in order): see ``teikit.model.make``.
_paragraph = maker(t.Paragraph)
_persname = maker(t.PersName)
_ref = maker(t.Ref)
_note = maker(t.Note)
_pb = maker(t.PageBreak)
_item = maker(t.Item)
_list = maker(t.ListBlock)
_division = maker(t.Division)
_date = maker(t.Date)
_head = maker(t.Head)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Hold the cyclic garbage collector while a tree of objects is built.

    Reading a volume allocates hundreds of thousands of objects that all
    survive, which makes the collector run its full passes again and again
    over a growing heap: more than half of the load time, for nothing, since
    the model makes no reference cycles. The collector runs as before once the
    objects are built (and is left off if the caller had turned it off).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


_MEMBERS: dict[type[StrEnum], dict[str, StrEnum]] = {}


def _closed(enum: type[E], value: str | None) -> E | str | None:
    """The enum member for a closed-list value, the plain string for a foreign one."""
    if value is None:
        return None
    members = _MEMBERS.get(enum)
    if members is None:  # a lookup table, not ``enum(value)``: foreign values are common
        members = _MEMBERS[enum] = {m.value: m for m in enum}
    return members.get(value, value)


def _merge(out: list[t.Inline], item: t.Inline) -> None:
    if isinstance(item, str) and out and isinstance(out[-1], str):
        out[-1] += item
    else:
        out.append(item)


def _trim(items: list[t.Inline]) -> t.Content:
    """Content without leading or trailing whitespace-only strings."""
    start, end = 0, len(items)
    while start < end and isinstance(item := items[start], str) and item.isspace():
        start += 1
    while end > start and isinstance(item := items[end - 1], str) and item.isspace():
        end -= 1
    return tuple(items[start:end])


def _words(el: etree._Element) -> str:
    return _text.normalize("".join(el.itertext()))


class Reader:
    """Turns the elements of one document into model objects.

    ``persons`` resolves ``sp/@who`` to :class:`~teikit.model.types.Person`;
    ``keep_elements`` decides whether objects hold on to their element (a
    streaming reader may drop them so that cleared subtrees can be freed).
    """

    def __init__(
        self, persons: dict[str, t.Person] | None = None, *, keep_elements: bool = True
    ) -> None:
        self.persons: dict[str, t.Person] = persons if persons is not None else {}
        self.keep = keep_elements
        self._anchors: dict[str, str] = {}
        #: The ids of every note of the document when known in advance (a full
        #: load): a marker pointing elsewhere then needs no anchor words.
        self.note_ids: frozenset[str] | None = None
        inline: dict[object, Callable[[etree._Element], t.Inline]] = {
            T + "choice": self._choice,
            T + "supplied": self._supplied,
            T + "foreign": self._foreign,
            T + "q": self._quoted,
            T + "quote": self._quoted,
            T + "stage": self._stage,
            T + "gap": self._gap,
            T + "lb": self._lb,
            T + "pb": self._pb,
            T + "ref": self._ref,
            T + "date": self._date,
            T + "time": self._time,
            T + "idno": self._idno,
            T + "persName": self._persname,
            T + "note": self._note,
            T + "stamp": self._stamp,
            T + "list": self._list,
            T + "fw": self._fw,
        }
        block: dict[object, Callable[[etree._Element], t.Block]] = {
            T + "p": self._paragraph,
            T + "ab": self._paragraph,
            T + "cell": self._paragraph,
            T + "head": self._head,
            T + "sp": self._speech,
            T + "div": self._division,
            T + "opener": self._opener,
            T + "closer": self._closer,
            T + "salute": self._salute,
            T + "signed": self._signed,
            T + "dateline": self._dateline,
            T + "address": self._address,
            T + "list": self._list,
            T + "note": self._note,
            T + "pb": self._pb,
            T + "gap": self._gap,
            T + "fw": self._fw,
        }
        for level in range(1, 8):
            block[f"{T}div{level}"] = self._division
        self._inline = inline
        self._block = block
        self._parts: dict[object, Callable[[etree._Element], t.Inline | t.Block]] = {
            **inline,
            T + "salute": self._salute,
            T + "signed": self._signed,
            T + "dateline": self._dateline,
            T + "address": self._address,
        }

    # ------------------------------------------------------------------ plumbing

    def _src(self, el: etree._Element) -> etree._Element | None:
        return el if self.keep else None

    def content(self, el: etree._Element) -> t.Content:
        """The mixed content of an element: its text, inline objects and tails."""
        text = el.text
        out: list[t.Inline] = [text] if text else []
        if len(el):
            self._fill_inline(el, out, self._inline)
        return tuple(out)

    def _fill_inline(
        self,
        el: etree._Element,
        out: list[t.Inline],
        handlers: dict[object, Callable[[etree._Element], t.Inline]],
    ) -> None:
        # The hot loop of loading: string merging is inlined, a transparent
        # element without children (FRUS ``gloss``, ``hi``) needs no recursion,
        # and names and pointers (the commonest elements) are built here.
        keep = self.keep
        for child in el:
            tag = child.tag
            handler = handlers.get(tag)
            if handler is not None:
                if tag == _PERSNAME and not len(child):
                    text = child.text
                    out.append(
                        _persname(
                            child if keep else None,
                            child.sourceline or 0,
                            (text,) if text else (),
                            child.get("ref") or child.get("corresp"),
                        )
                    )
                elif tag == _NOTE:
                    out.append(self._note(child, out))
                elif tag == _REF:
                    text = child.text
                    target = child.get("target")
                    ref = _ref(
                        child if keep else None,
                        child.sourceline or 0,
                        self.content(child) if len(child) else ((text,) if text else ()),
                        target,
                        child.get("type"),
                    )
                    if target and target[0] == "#":
                        self._remember_anchor(target[1:], out)
                    out.append(ref)
                else:
                    out.append(handler(child))
            elif isinstance(tag, str):
                text = child.text
                if text:
                    if out and type(out[-1]) is str:
                        out[-1] += text
                    else:
                        out.append(text)
                if len(child):
                    self._fill_inline(child, out, handlers)
            tail = child.tail
            if tail:
                if out and type(out[-1]) is str:
                    out[-1] += tail
                else:
                    out.append(tail)

    def blocks(self, el: etree._Element) -> tuple[t.Block, ...]:
        """The children of a container read as blocks; stray text becomes a paragraph."""
        out: list[t.Block] = []
        pending: list[t.Inline] = []
        self._fill_blocks(el, out, pending)
        self._flush(pending, out)
        return tuple(out)

    def _fill_blocks(self, el: etree._Element, out: list[t.Block], pending: list[t.Inline]) -> None:
        text = el.text
        if text:
            _merge(pending, text)
        block = self._block
        for child in el:
            tag = child.tag
            handler = block.get(tag)
            if handler is not None:
                if pending:
                    self._flush(pending, out)
                if tag == _P:  # the commonest block, built here
                    text = child.text
                    content: list[t.Inline] = [text] if text else []
                    if len(child):
                        self._fill_inline(child, content, self._inline)
                    out.append(
                        _paragraph(
                            child if self.keep else None,
                            child.sourceline or 0,
                            tuple(content),
                            child.get("type"),
                        )
                    )
                else:
                    out.append(handler(child))
            else:
                inline = self._inline.get(tag)
                if inline is not None:
                    _merge(pending, inline(child))
                elif isinstance(tag, str):
                    self._fill_blocks(child, out, pending)
            tail = child.tail
            if tail:
                _merge(pending, tail)

    @staticmethod
    def _flush(pending: list[t.Inline], out: list[t.Block]) -> None:
        if pending:
            content = _trim(pending)
            pending.clear()
            if content:
                out.append(t.Paragraph(content))

    def _parts_of(self, el: etree._Element) -> t.Parts:
        out: list[t.Inline] = []
        if el.text:
            out.append(el.text)
        self._fill_inline(el, out, self._parts)  # type: ignore[arg-type]
        return _trim(out)

    # ------------------------------------------------------------------ inline

    def _choice(self, el: etree._Element) -> t.Inline:
        sic = el.find(T + "sic")
        if sic is None:
            sic = el.find(T + "orig")
        corr = el.find(T + "corr")
        if corr is None:
            corr = el.find(T + "reg")
        if sic is None or corr is None:
            return t.Supplied(self.content(el), element=self._src(el), line=el.sourceline or 0)
        return t.Correction(
            "".join(sic.itertext()),
            "".join(corr.itertext()),
            resp=corr.get("resp"),
            cert=_closed(Cert, corr.get("cert")),
            element=self._src(el),
            line=el.sourceline or 0,
        )

    def _supplied(self, el: etree._Element) -> t.Inline:
        return t.Supplied(
            self.content(el), resp=el.get("resp"), element=self._src(el), line=el.sourceline or 0
        )

    def _foreign(self, el: etree._Element) -> t.Inline:
        return t.Foreign(
            self.content(el), lang=el.get(XML_LANG), element=self._src(el), line=el.sourceline or 0
        )

    def _quoted(self, el: etree._Element) -> t.Inline:
        return t.Quoted(self.content(el), element=self._src(el), line=el.sourceline or 0)

    def _stage(self, el: etree._Element) -> t.Inline:
        return t.Stage(self.content(el), element=self._src(el), line=el.sourceline or 0)

    def _gap(self, el: etree._Element) -> t.Gap:
        return t.Gap(
            reason=_closed(GapReason, el.get("reason")),
            resp=el.get("resp"),
            element=self._src(el),
            line=el.sourceline or 0,
        )

    def _lb(self, el: etree._Element) -> t.Inline:
        return t.LineBreak(element=self._src(el), line=el.sourceline or 0)

    def _pb(self, el: etree._Element) -> t.PageBreak:
        return _pb(  # type: ignore[no-any-return]
            el if self.keep else None,
            el.sourceline or 0,
            el.get("n"),
            el.get(XML_ID),
            el.get("facs"),
        )

    def _ref(self, el: etree._Element) -> t.Ref:
        return _ref(  # type: ignore[no-any-return]
            el if self.keep else None,
            el.sourceline or 0,
            self.content(el),
            el.get("target"),
            el.get("type"),
        )

    def _date(self, el: etree._Element) -> t.Date:
        return _date(  # type: ignore[no-any-return]
            el if self.keep else None,
            el.sourceline or 0,
            "".join(el.itertext()),
            el.get("when"),
            _closed(Cert, el.get("cert")),
        )

    def _time(self, el: etree._Element) -> t.Inline:
        return t.Time(
            "".join(el.itertext()),
            when=el.get("when"),
            element=self._src(el),
            line=el.sourceline or 0,
        )

    def _idno(self, el: etree._Element) -> t.Idno:
        return t.Idno(
            "".join(el.itertext()),
            kind=_closed(IdnoType, el.get("type")),
            element=self._src(el),
            line=el.sourceline or 0,
        )

    def _persname(self, el: etree._Element) -> t.Inline:
        text = el.text
        return _persname(  # type: ignore[no-any-return]
            el if self.keep else None,
            el.sourceline or 0,
            self.content(el) if len(el) or not text else (text,),
            el.get("ref") or el.get("corresp"),
        )

    def _note(self, el: etree._Element, before: list[t.Inline] | None = None) -> t.Note:
        """A note; ``before`` is the running content an inline note sits in.

        Its anchor is the words before the marker that points at it, else
        (inline) the words before the note itself.
        """
        content = self.content(el)
        note_id = el.get(XML_ID)
        anchor = self._anchors.get(note_id, "") if note_id else ""
        if not anchor and before is not None:
            anchor = _last_words(before)
        return _note(  # type: ignore[no-any-return]
            el if self.keep else None,
            el.sourceline or 0,
            content,
            _closed(NoteType, el.get("type")),
            el.get("resp"),
            note_id,
            el.get("n"),
            el.get("target"),
            anchor,
        )

    def _remember_anchor(self, target: str, before: list[t.Inline]) -> None:
        """Remember the words a marker pointing at ``target`` follows, for its note."""
        if self.note_ids is None or target in self.note_ids:
            self._anchors[target] = _last_words(before)

    def _stamp(self, el: etree._Element) -> t.Stamp:
        return t.Stamp(
            self.content(el),
            kind=_closed(StampType, el.get("type")),
            where=_where(el),
            element=self._src(el),
            line=el.sourceline or 0,
        )

    def _list(self, el: etree._Element) -> t.ListBlock:
        head: t.Content | None = None
        items: list[t.Item] = []
        stray: list[t.Inline] = []
        for child in el:
            tag = child.tag
            if tag == T + "item":
                content = self.content(child)
                if stray:
                    content = (*_trim(stray), *content)
                    stray = []
                items.append(
                    _item(
                        child if self.keep else None,
                        child.sourceline or 0,
                        content,
                        child.get("n"),
                    )
                )
            elif tag == T + "head" and head is None and not items:
                head = self.content(child)
            elif isinstance(tag, str):
                inline = self._inline.get(tag)
                if inline is not None:
                    stray.append(inline(child))
        if stray and items:
            last = items[-1]
            items[-1] = t.Item(
                (*last.content, *stray), n=last.n, element=last.element, line=last.line
            )
        return _list(  # type: ignore[no-any-return]
            el if self.keep else None, el.sourceline or 0, tuple(items), el.get("type"), head
        )

    def _fw(self, el: etree._Element) -> t.Fw:
        return t.Fw(
            self.content(el), kind=el.get("type"), element=self._src(el), line=el.sourceline or 0
        )

    # ------------------------------------------------------------------ blocks

    def _paragraph(self, el: etree._Element) -> t.Block:
        return _paragraph(  # type: ignore[no-any-return]
            el if self.keep else None, el.sourceline or 0, self.content(el), el.get("type")
        )

    def _head(self, el: etree._Element) -> t.Block:
        return _head(  # type: ignore[no-any-return]
            el if self.keep else None, el.sourceline or 0, self.content(el)
        )

    def _salute(self, el: etree._Element) -> t.Block:
        return t.Salute(self.content(el), element=self._src(el), line=el.sourceline or 0)

    def _signed(self, el: etree._Element) -> t.Block:
        return t.Signed(self.content(el), element=self._src(el), line=el.sourceline or 0)

    def _dateline(self, el: etree._Element) -> t.Block:
        return t.Dateline(self.content(el), element=self._src(el), line=el.sourceline or 0)

    def _address(self, el: etree._Element) -> t.Block:
        lines = tuple(self.content(a) for a in el.iterchildren(T + "addrLine"))
        return t.Address(lines, element=self._src(el), line=el.sourceline or 0)

    def _opener(self, el: etree._Element) -> t.Block:
        return t.Opener(self._parts_of(el), element=self._src(el), line=el.sourceline or 0)

    def _closer(self, el: etree._Element) -> t.Block:
        return t.Closer(self._parts_of(el), element=self._src(el), line=el.sourceline or 0)

    def blocks_of_division(self, el: etree._Element) -> t.Division:
        """A ``div`` element as a division (public for the streaming reader)."""
        division = self._division(el)
        assert isinstance(division, t.Division)
        return division

    def _division(self, el: etree._Element) -> t.Block:
        return _division(  # type: ignore[no-any-return]
            el if self.keep else None,
            el.sourceline or 0,
            self.blocks(el),
            _closed(DivType, el.get("type")),
            el.get(XML_ID),
            el.get("n"),
        )

    def _speech(self, el: etree._Element) -> t.Block:
        label: str | None = None
        paragraphs: list[t.Paragraph] = []
        pending: list[t.Inline] = []

        def flush() -> None:
            content = _trim(pending)
            pending.clear()
            if content:
                paragraphs.append(t.Paragraph(content))

        if el.text:
            pending.append(el.text)
        for child in el:
            tag = child.tag
            if tag == T + "speaker":
                label = _words(child)
            elif tag in (T + "p", T + "ab"):
                flush()
                paragraphs.append(
                    t.Paragraph(
                        self.content(child),
                        kind=child.get("type"),
                        element=self._src(child),
                        line=child.sourceline or 0,
                    )
                )
            elif isinstance(tag, str):
                inline = self._inline.get(tag)
                if inline is not None:
                    _merge(pending, inline(child))
                else:
                    if child.text:
                        _merge(pending, child.text)
                    self._fill_inline(child, pending, self._inline)
            if child.tail:
                _merge(pending, child.tail)
        flush()
        who = el.get("who")
        first = who.split()[0].removeprefix("#") if who and who.split() else None
        return t.Speech(
            tuple(paragraphs),
            label=label,
            who=who,
            person=self.persons.get(first) if first else None,
            element=self._src(el),
            line=el.sourceline or 0,
        )

    # ------------------------------------------------------------------ people

    def person(self, el: etree._Element) -> t.Person | None:
        """A ``person`` element, or a ``persName`` that declares one with ``xml:id``."""
        pid = el.get(XML_ID)
        if not pid:
            return None
        if el.tag == T + "persName":
            name = _words(el)
            description = None
            item = next(el.iterancestors(T + "item"), None)
            if item is not None:
                rest = _words(item).replace(name, "", 1).strip(" ,;:")
                description = rest or None
            return t.Person(
                pid,
                (t.Name(name, element=self._src(el), line=el.sourceline or 0),),
                description=description,
                element=self._src(el),
                line=el.sourceline or 0,
            )
        names = tuple(
            t.Name(
                _words(n),
                kind=n.get("type"),
                resp=n.get("resp"),
                element=self._src(n),
                line=n.sourceline or 0,
            )
            for n in el.iterchildren(T + "persName")
        )
        occupation = el.find(T + "occupation")
        note = el.find(T + "note")
        return t.Person(
            pid,
            names,
            role=el.get("role"),
            occupation=_words(occupation) if occupation is not None else None,
            description=_words(note) if note is not None else None,
            element=self._src(el),
            line=el.sourceline or 0,
        )


def _last_words(content: list[t.Inline]) -> str:
    """The last few words of the content so far, read from its end.

    Reading back only until one word more than needed is seen keeps a
    paragraph with many footnote markers linear: a word that crosses the
    point where reading stopped can only be that extra one, so the words
    kept are the ones the whole content's plain text ends with.
    """
    suffix = ""
    for item in reversed(content):
        piece = item if isinstance(item, str) else _text.plain_raw(item)
        if piece:
            suffix = piece + suffix
            if len(suffix.split(None, _NOTE_ANCHOR_WORDS + 1)) > _NOTE_ANCHOR_WORDS:
                break
    return " ".join(suffix.split()[-_NOTE_ANCHOR_WORDS:])


def _where(el: etree._Element) -> str:
    """A readable path from ``text`` down to the element's parent: ``body/div[cable]/p``."""
    steps: list[str] = []
    for anc in el.iterancestors():
        tag = anc.tag
        if not isinstance(tag, str):
            continue
        local = etree.QName(anc).localname
        if local == "text":
            break
        kind = anc.get("type")
        steps.append(f"{local}[{kind}]" if kind else local)
    return "/".join(reversed(steps))


# ---------------------------------------------------------------------- header


def _first(el: etree._Element, path: str) -> etree._Element | None:
    return el.find(path.replace("tei:", T))


def _opt_words(el: etree._Element | None) -> str | None:
    if el is None:
        return None
    words = _words(el)
    return words or None


def read_header(header: etree._Element | None, reader: Reader) -> t.Header:
    """The header's metadata; anything the model has no field for is ignored."""
    if header is None:
        return t.Header()
    titles = tuple(
        t.Title(w, kind=el.get("type"), element=reader._src(el), line=el.sourceline or 0)
        for el in header.iterfind(f"{T}fileDesc/{T}titleStmt/{T}title")
        if (w := _words(el))
    )
    resps: list[t.Responsibility] = []
    for rs in header.iterfind(f"{T}fileDesc/{T}titleStmt/{T}respStmt"):
        resp = rs.find(T + "resp")
        name = next((c for c in rs if isinstance(c.tag, str) and c.tag != T + "resp"), None)
        resps.append(
            t.Responsibility(
                _words(resp) if resp is not None else "",
                _words(name) if name is not None else "",
                id=rs.get(XML_ID),
                key=_closed(RespKey, resp.get("key")) if resp is not None else None,
                name_kind=etree.QName(name).localname if name is not None else "persName",
                name_type=name.get("type") if name is not None else None,
                element=reader._src(rs),
                line=rs.sourceline or 0,
            )
        )
    pub = _first(header, "tei:fileDesc/tei:publicationStmt")
    publisher = idnos = availability = None
    if pub is not None:
        publisher = _opt_words(pub.find(T + "publisher"))
        idnos = tuple(reader._idno(i) for i in pub.iterchildren(T + "idno"))
        avail = pub.find(T + "availability")
        availability = _opt_words(avail)
    creation = _first(header, "tei:profileDesc/tei:creation/tei:date")
    languages = tuple(
        t.Language(
            el.get("ident", ""), _words(el), element=reader._src(el), line=el.sourceline or 0
        )
        for el in header.iterfind(f"{T}profileDesc/{T}langUsage/{T}language")
    )
    editorial = tuple(
        t.Paragraph(
            reader.content(p), kind=p.get("type"), element=reader._src(p), line=p.sourceline or 0
        )
        for p in header.iterfind(f"{T}encodingDesc/{T}editorialDecl/{T}p")
    )
    sampling = tuple(
        t.Paragraph(
            reader.content(p), kind=p.get("type"), element=reader._src(p), line=p.sourceline or 0
        )
        for p in header.iterfind(f"{T}encodingDesc/{T}samplingDecl/{T}p")
    )
    return t.Header(
        titles=titles,
        responsibilities=tuple(resps),
        publisher=publisher,
        idnos=idnos or (),
        availability=availability,
        source=_read_source(_first(header, "tei:fileDesc/tei:sourceDesc"), reader),
        editorial=editorial,
        sampling=sampling,
        date=reader._date(creation) if creation is not None else None,
        languages=languages,
        element=reader._src(header),
        line=header.sourceline or 0,
    )


def _read_source(sd: etree._Element | None, reader: Reader) -> t.Source:
    if sd is None:
        return t.Source()
    ms = sd.find(f"{T}msDesc/{T}msIdentifier")
    contents = sd.find(f"{T}msDesc/{T}msContents")
    citation = sd.find(f"{T}bibl[@type='citation']")
    credits_ = sd.find(f"{T}bibl[@type='credits']")
    text_lang = contents.find(T + "textLang") if contents is not None else None
    ptr = citation.find(T + "ptr") if citation is not None else None
    description = " ".join(w for p in sd.iterchildren(T + "p") if (w := _words(p))) or None
    return t.Source(
        settlement=_opt_words(ms.find(T + "settlement")) if ms is not None else None,
        repository=_opt_words(ms.find(T + "repository")) if ms is not None else None,
        collection=_opt_words(ms.find(T + "collection")) if ms is not None else None,
        idnos=tuple(reader._idno(i) for i in ms.iterchildren(T + "idno")) if ms is not None else (),
        summary=_opt_words(contents.find(T + "summary")) if contents is not None else None,
        original_language=(
            t.Language(text_lang.get("mainLang", ""), _words(text_lang))
            if text_lang is not None
            else None
        ),
        citation=_opt_words(citation),
        citation_url=ptr.get("target") if ptr is not None else None,
        credits=_opt_words(credits_),
        description=description,
        element=reader._src(sd),
        line=sd.sourceline or 0,
    )


# ---------------------------------------------------------------------- documents


def read_persons(root: etree._Element, reader: Reader) -> tuple[t.Person, ...]:
    """Every person the document declares: ``person`` elements, ``persName/@xml:id``."""
    found: dict[str, t.Person] = {}
    for el in root.iter(T + "person", T + "persName"):
        if el.get(XML_ID) is None:
            continue
        if el.tag == T + "persName" and any(True for _ in el.iterancestors(T + "person")):
            continue
        person = reader.person(el)
        if person is not None and person.id not in found:
            found[person.id] = person
    return tuple(found.values())


def _root_of(source: Source) -> tuple[etree._Element, str]:
    if isinstance(source, etree._ElementTree):
        return source.getroot(), source.docinfo.URL or "<tree>"
    if isinstance(source, etree._Element):
        return source, source.getroottree().docinfo.URL or "<element>"
    if isinstance(source, bytes):
        return parse_bytes(source).getroot(), "<bytes>"
    if is_stream(source):
        name = stream_name(source, "<stream>")
        return parse_bytes(read_stream(source, name), name).getroot(), name
    if not is_path(source):
        raise TypeError(
            f"load() takes a path, bytes, a file or an lxml tree, not {type(source).__name__}"
        )
    refuse_markup_path(source, "load")
    tree = parse_file(source)
    return tree.getroot(), str(Path(source))


def check_root(root: etree._Element, name: str) -> None:
    """Refuse what is not a TEI document, with where and why."""
    if root.tag != T + "TEI":
        qname = etree.QName(root)
        hint = (
            " (the TEI namespace http://www.tei-c.org/ns/1.0 is missing)"
            if qname.localname == "TEI"
            else ""
        )
        raise TeikitError(
            f"not a TEI document: the root element is <{qname.localname}>{hint}",
            SourceLocation(name, root.sourceline or 1, 1),
        )


def load(source: Source) -> t.TeiDocument:
    """Read a TEI document into the typed model.

    ``source`` is a path (``str`` or ``os.PathLike``), ``bytes``, a binary file
    object, or an lxml tree or element, as in lxml: a ``str`` is never XML text.

    Bad XML and non-TEI input raise :class:`~teikit.errors.TeikitError` with the
    file, line and column.
    """
    with gc_paused():
        return _load(source)


def _load(source: Source) -> t.TeiDocument:
    root, name = _root_of(source)
    check_root(root, name)
    reader = Reader()
    reader.note_ids = frozenset(
        i for i in (n.get(XML_ID) for n in root.iter(T + "note")) if i is not None
    )
    for person in read_persons(root, reader):
        reader.persons[person.id] = person
    text = root.find(T + "text")
    body = text.find(T + "body") if text is not None else None
    header = read_header(root.find(T + "teiHeader"), reader)
    first_div = next(body.iterchildren(T + "div"), None) if body is not None else None
    kind = _closed(DivType, first_div.get("type")) if first_div is not None else None
    if kind is not None:
        header = _with_kind(header, kind)
    return t.TeiDocument(
        header=header,
        persons=tuple(reader.persons.values()),
        source_name=name,
        element=root,
        line=root.sourceline or 0,
        pending=lambda: _read_text(root, text, reader),
    )


def _read_text(root: etree._Element, text: etree._Element | None, reader: Reader) -> t.TextParts:
    """The text's (body, front, back) blocks: what a loaded document builds on first use."""
    with gc_paused():
        front = text.find(T + "front") if text is not None else None
        body = text.find(T + "body") if text is not None else None
        back = text.find(T + "back") if text is not None else None
        body_blocks = reader.blocks(body) if body is not None else ()
        # Page breaks between front, body and back belong to the part they precede or follow.
        before: list[t.Block] = []
        after: list[t.Block] = []
        if text is not None:
            for child in text.iterchildren(T + "pb"):
                seen_body = body is not None and any(
                    s is body for s in child.itersiblings(preceding=True)
                )
                (after if seen_body else before).append(reader._pb(child))
        return (
            body_blocks,
            (reader.blocks(front) if front is not None else ()) + tuple(before),
            tuple(after) + (reader.blocks(back) if back is not None else ()),
        )


def _with_kind(header: t.Header, kind: DivType | str) -> t.Header:
    return replace(header, kind=kind)
