"""Write the typed model back to TEI, in exactly the encoding of the contract.

:func:`build` serializes any :class:`~teikit.model.types.TeiDocument` (one
loaded from a file, or one assembled with :class:`DocumentBuilder`); loading
the result gives an equal model. With ``strict=True`` (the default) values
outside the schema's closed lists and malformed ids are refused *before*
anything is written, so that what comes out is valid against the teikit
schema by construction; ``strict=False`` lets foreign values through (for
re-serializing foreign TEI such as a FRUS volume).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING

from lxml import etree

from teikit.errors import TeikitError
from teikit.model import types as t
from teikit.model.vocab import CLOSED_LISTS
from teikit.xmlio import TEI_NS, XML_NS, serialize

if TYPE_CHECKING:
    import datetime as dt
    from collections.abc import Iterable

    from teikit.model.vocab import (
        CertValue,
        DivTypeValue,
        IdnoTypeValue,
        NoteTypeValue,
        PersonRoleValue,
        RespKeyValue,
        StampTypeValue,
    )

T = "{" + TEI_NS + "}"
XML_ID = "{" + XML_NS + "}id"
XML_LANG = "{" + XML_NS + "}lang"
_NCNAME = re.compile(r"[A-Za-z_][\w.\-]*")
_STRUCTURAL_DIVS = frozenset({"section", "notes"})


def _closed_values(attribute: str, *specs: str) -> frozenset[str] | None:
    for spec in specs:
        values = CLOSED_LISTS.get((spec, attribute))
        if values is not None:
            return values
    for (_spec, attr), values in CLOSED_LISTS.items():
        if attr == attribute and _spec.startswith("att."):
            return values
    return None


class _Writer:
    def __init__(self, strict: bool) -> None:
        self.strict = strict

    # ------------------------------------------------------------------ checks

    def _check(self, value: str | None, element: str, attribute: str) -> str | None:
        if value is None or not self.strict:
            return value
        allowed = _closed_values(attribute, element)
        if allowed is not None and value not in allowed:
            raise TeikitError(
                f"{element}/@{attribute}={value!r} is not in the schema's closed list "
                f"({', '.join(sorted(allowed))})"
            )
        return value

    def _id(self, value: str | None) -> str | None:
        if value is not None and self.strict and not _NCNAME.fullmatch(value):
            raise TeikitError(f"{value!r} is not a valid xml:id (an XML name without colons)")
        return value

    # ------------------------------------------------------------------ plumbing

    @staticmethod
    def _el(parent: etree._Element, tag: str, **attrs: str | None) -> etree._Element:
        el = etree.SubElement(parent, T + tag)
        for key, value in attrs.items():
            if value is not None:
                el.set(_ATTR.get(key, key), value)
        return el

    def content(self, parent: etree._Element, content: t.Content | t.Parts) -> None:
        last: etree._Element | None = None
        for item in content:
            if isinstance(item, str):
                if last is None:
                    parent.text = (parent.text or "") + item
                else:
                    last.tail = (last.tail or "") + item
            else:
                last = self.inline(parent, item)

    def _text(self, parent: etree._Element, tag: str, text: str, **attrs: str | None) -> None:
        self._el(parent, tag, **attrs).text = text

    # ------------------------------------------------------------------ inline

    def inline(self, parent: etree._Element, item: t.Node) -> etree._Element:
        el: etree._Element
        if isinstance(item, t.Correction):
            el = self._el(parent, "choice")
            self._el(el, "sic").text = item.sic
            corr = self._el(el, "corr", resp=item.resp, cert=self._check(item.cert, "corr", "cert"))
            corr.text = item.corr
        elif isinstance(item, t.Supplied):
            el = self._el(parent, "supplied", resp=item.resp)
            self.content(el, item.content)
        elif isinstance(item, t.Foreign):
            el = self._el(parent, "foreign", lang=item.lang)
            self.content(el, item.content)
        elif isinstance(item, t.Quoted):
            el = self._el(parent, "q")
            self.content(el, item.content)
        elif isinstance(item, t.Stage):
            el = self._el(parent, "stage")
            self.content(el, item.content)
        elif isinstance(item, t.Gap):
            el = self._el(
                parent, "gap", reason=self._check(item.reason, "gap", "reason"), resp=item.resp
            )
        elif isinstance(item, t.LineBreak):
            el = self._el(parent, "lb")
        elif isinstance(item, t.PageBreak):
            el = self._el(parent, "pb", n=item.n, id=self._id(item.id), facs=item.facs)
        elif isinstance(item, t.Ref):
            el = self._el(parent, "ref", type=item.kind, target=item.target)
            self.content(el, item.content)
        elif isinstance(item, t.Date):
            el = self._el(
                parent, "date", when=item.when, cert=self._check(item.cert, "date", "cert")
            )
            el.text = item.text
        elif isinstance(item, t.Time):
            el = self._el(parent, "time", when=item.when)
            el.text = item.text
        elif isinstance(item, t.Idno):
            el = self._el(parent, "idno", type=self._check(item.kind, "idno", "type"))
            el.text = item.value
        elif isinstance(item, t.PersName):
            el = self._el(parent, "persName", ref=item.ref)
            self.content(el, item.content)
        elif isinstance(item, t.Note):
            el = self._el(
                parent,
                "note",
                type=self._check(item.kind, "note", "type"),
                resp=item.resp,
                id=self._id(item.id),
                n=item.n,
                target=item.target,
            )
            self.content(el, item.content)
        elif isinstance(item, t.Stamp):
            el = self._el(parent, "stamp", type=self._check(item.kind, "stamp", "type"))
            self.content(el, item.content)
        elif isinstance(item, t.ListBlock):
            el = self._el(parent, "list", type=item.kind)
            if item.head is not None:
                self.content(self._el(el, "head"), item.head)
            for it in item.items:
                self.content(self._el(el, "item", n=it.n), it.content)
        elif isinstance(item, t.Fw):
            el = self._el(parent, "fw", type=item.kind)
            self.content(el, item.content)
        else:
            el = self.block(parent, item)
        return el

    # ------------------------------------------------------------------ blocks

    def blocks(self, parent: etree._Element, blocks: Iterable[t.Block]) -> None:
        for block in blocks:
            self.block(parent, block)

    def block(self, parent: etree._Element, block: t.Node) -> etree._Element:
        el: etree._Element
        if isinstance(block, t.Paragraph):
            el = self._el(parent, "p", type=block.kind)
            self.content(el, block.content)
        elif isinstance(block, (t.Head, t.Salute, t.Signed, t.Dateline)):
            el = self._el(parent, _BLOCK_TAGS[type(block)])
            self.content(el, block.content)
        elif isinstance(block, t.Speech):
            if not block.paragraphs:
                raise TeikitError(f"a speech needs at least one paragraph (label {block.label!r})")
            who = block.who or (f"#{block.person.id}" if block.person else None)
            el = self._el(parent, "sp", who=who)
            if block.label is not None:
                self._el(el, "speaker").text = block.label
            self.blocks(el, block.paragraphs)
        elif isinstance(block, t.Division):
            if self.strict and block.kind is not None:
                self._check(block.kind, "div", "type")
            el = self._el(parent, "div", type=block.kind, id=self._id(block.id), n=block.n)
            self.blocks(el, block.blocks)
        elif isinstance(block, (t.Opener, t.Closer)):
            el = self._el(parent, "opener" if isinstance(block, t.Opener) else "closer")
            self.content(el, block.parts)
        elif isinstance(block, t.Address):
            el = self._el(parent, "address")
            for line in block.lines:
                self.content(self._el(el, "addrLine"), line)
        else:
            el = self.inline(parent, block)
        return el

    # ------------------------------------------------------------------ header

    def header(self, root: etree._Element, doc: t.TeiDocument) -> None:
        h = doc.header
        header = self._el(root, "teiHeader")
        file_desc = self._el(header, "fileDesc")
        title_stmt = self._el(file_desc, "titleStmt")
        for title in h.titles or (t.Title(""),):
            self._text(title_stmt, "title", title.text, type=title.kind)
        for r in h.responsibilities:
            rs = self._el(title_stmt, "respStmt", id=self._id(r.id))
            self._text(rs, "resp", r.resp, key=self._check(r.key, "resp", "key"))
            self._text(rs, r.name_kind, r.name, type=r.name_type)
        pub = self._el(file_desc, "publicationStmt")
        if h.publisher is not None:
            self._text(pub, "publisher", h.publisher)
        for idno in h.idnos:
            self.inline(pub, idno)
        if h.availability is not None:
            self._text(self._el(pub, "availability"), "p", h.availability)
        if len(pub) == 0:
            self._el(pub, "p")
        self._source(self._el(file_desc, "sourceDesc"), h.source)
        if h.editorial or h.sampling:
            encoding = self._el(header, "encodingDesc")
            if h.sampling:
                self.blocks(self._el(encoding, "samplingDecl"), h.sampling)
            if h.editorial:
                self.blocks(self._el(encoding, "editorialDecl"), h.editorial)
        if h.date is None and not h.languages and not doc.persons:
            return
        profile = self._el(header, "profileDesc")
        if h.date is not None:
            self.inline(self._el(profile, "creation"), h.date)
        if h.languages:
            usage = self._el(profile, "langUsage")
            for lang in h.languages:
                self._text(usage, "language", lang.name, ident=lang.ident)
        if doc.persons:
            persons = self._el(self._el(profile, "particDesc"), "listPerson")
            for person in doc.persons:
                self._person(persons, person)

    def _source(self, sd: etree._Element, s: t.Source) -> None:
        if any((s.settlement, s.repository, s.collection, s.idnos)) or any(
            (s.summary, s.original_language)
        ):
            ms = self._el(sd, "msDesc")
            ident = self._el(ms, "msIdentifier")
            for tag, value in (
                ("settlement", s.settlement),
                ("repository", s.repository),
                ("collection", s.collection),
            ):
                if value is not None:
                    self._text(ident, tag, value)
            for idno in s.idnos:
                self.inline(ident, idno)
            if s.summary is not None or s.original_language is not None:
                contents = self._el(ms, "msContents")
                if s.summary is not None:
                    self._text(contents, "summary", s.summary)
                if s.original_language is not None:
                    lang = s.original_language
                    self._text(contents, "textLang", lang.name, mainLang=lang.ident)
        if s.citation is not None or s.citation_url is not None:
            bibl = self._el(sd, "bibl", type="citation")
            bibl.text = s.citation
            if s.citation_url is not None:
                ptr = self._el(bibl, "ptr", target=s.citation_url)
                ptr.tail = None
        if s.credits is not None:
            self._text(sd, "bibl", s.credits, type="credits")
        if s.description is not None:
            self._text(sd, "p", s.description)
        if len(sd) == 0:
            self._el(sd, "p")

    def _person(self, parent: etree._Element, p: t.Person) -> None:
        if self.strict and p.role is not None:
            self._check(p.role, "person", "role")
        el = self._el(parent, "person", id=self._id(p.id), role=p.role)
        for name in p.names:
            self._text(el, "persName", name.text, type=name.kind, resp=name.resp)
        if p.occupation is not None:
            self._text(el, "occupation", p.occupation)
        if p.description is not None:
            self._text(el, "note", p.description)

    # ------------------------------------------------------------------ document

    def document(self, doc: t.TeiDocument) -> etree._ElementTree:
        root = etree.Element(T + "TEI", nsmap={None: TEI_NS})
        self.header(root, doc)
        text = self._el(root, "text")
        if doc.front:
            self.blocks(self._el(text, "front"), doc.front)
        if not doc.body:
            raise TeikitError("a TEI document needs a body: add a division, speech or paragraph")
        self.blocks(self._el(text, "body"), doc.body)
        if doc.back:
            self.blocks(self._el(text, "back"), doc.back)
        return etree.ElementTree(root)


_ATTR = {"id": XML_ID, "lang": XML_LANG}
_BLOCK_TAGS: dict[type, str] = {
    t.Head: "head",
    t.Salute: "salute",
    t.Signed: "signed",
    t.Dateline: "dateline",
}


def build(doc: t.TeiDocument, *, strict: bool = True) -> etree._ElementTree:
    """The TEI tree of a model document (see the module docstring for ``strict``)."""
    return _Writer(strict).document(doc)


def to_xml(doc: t.TeiDocument, *, strict: bool = True) -> bytes:
    """The TEI of a model document as the bytes teikit writes (UTF-8, declaration)."""
    return serialize(build(doc, strict=strict))


@dataclass(slots=True)
class DocumentBuilder:
    """Assemble a teikit TEI document from Python values, one call per thing.

    Each method returns what it made (a :class:`~teikit.model.types.Person`
    to pass to :meth:`speech`, say); :meth:`document` gives the model and
    :meth:`build`/:meth:`to_xml` the TEI. Arguments that take a closed list
    are typed with its ``Literal``, so a type checker catches a wrong value.
    """

    title: str
    kind: DivTypeValue = "conversation"
    corpus_id: str | None = None
    publisher: str | None = "teikit corpus"
    blocks: list[t.Block] = field(default_factory=list)
    persons: list[t.Person] = field(default_factory=list)
    notes: list[t.Note] = field(default_factory=list)
    responsibilities: list[t.Responsibility] = field(default_factory=list)
    languages: list[t.Language] = field(default_factory=list)
    source: t.Source = field(default_factory=t.Source)
    date: t.Date | None = None
    heading: str | None = None

    def responsibility(
        self, id: str, key: RespKeyValue, resp: str, name: str, *, software: bool = False
    ) -> str:
        """Declare who did what; returns the ``#id`` that ``resp`` attributes cite."""
        self.responsibilities.append(
            t.Responsibility(
                resp,
                name,
                id=id,
                key=key,
                name_kind="name" if software else "persName",
                name_type="software" if software else None,
            )
        )
        return f"#{id}"

    def language(self, ident: str, name: str) -> None:
        self.languages.append(t.Language(ident, name))

    def dated(self, when: str | dt.date, text: str, cert: CertValue | None = None) -> t.Date:
        """The document's date: ISO ``1959-10-02``, ``1964-10``, ``1962``, or a date."""
        iso = when.isoformat() if not isinstance(when, str) else when
        if t.parse_when(iso) is None:
            raise TeikitError(f"{iso!r} is not an ISO date (1962, 1962-03 or 1962-03-01)")
        self.date = t.Date(text, when=iso, cert=cert)
        return self.date

    def person(
        self,
        id: str,
        label: str,
        *,
        full_name: str | None = None,
        resp: str | None = None,
        role: PersonRoleValue = "speaker",
        occupation: str | None = None,
    ) -> t.Person:
        names = [t.Name(label)]
        if full_name is not None:
            names.append(t.Name(full_name, kind="full", resp=resp))
        person = t.Person(id, tuple(names), role=role, occupation=occupation)
        self.persons.append(person)
        return person

    def paragraph(self, *content: t.Inline) -> t.Paragraph:
        para = t.Paragraph(tuple(content))
        self.blocks.append(para)
        return para

    def speech(self, person: t.Person, label: str, *paragraphs: t.Content | str) -> t.Speech:
        """A turn: ``paragraphs`` are strings or content tuples (with corrections …)."""
        paras = tuple(t.Paragraph((p,) if isinstance(p, str) else p) for p in paragraphs)
        sp = t.Speech(paras, label=label, who=f"#{person.id}", person=person)
        self.blocks.append(sp)
        return sp

    def stamp(self, kind: StampTypeValue, *content: t.Inline) -> t.Stamp:
        """A stamp standing on its own; TEI wants it inside a paragraph, so it gets one."""
        stamp = t.Stamp(tuple(content), kind=kind)
        self.blocks.append(t.Paragraph((stamp,)))
        return stamp

    def note(self, kind: NoteTypeValue, *content: t.Inline, resp: str | None = None) -> t.Note:
        """A note standing between paragraphs (a handling note, say)."""
        note = t.Note(tuple(content), kind=kind, resp=resp)
        self.blocks.append(note)
        return note

    def footnote(self, n: str, *content: t.Inline) -> t.Ref:
        """A footnote in ``back``; returns the marker to put in the text."""
        note_id = f"fn{n}"
        self.notes.append(t.Note(tuple(content), kind="footnote", id=note_id, n=n))
        return t.Ref((n,), target=f"#{note_id}", kind="footnote")

    def page(self, n: str) -> t.PageBreak:
        pb = t.PageBreak(n=n)
        self.blocks.append(pb)
        return pb

    def source_idno(self, kind: IdnoTypeValue, value: str) -> t.Idno:
        idno = t.Idno(value, kind=kind)
        self.source = replace(self.source, idnos=(*self.source.idnos, idno))
        return idno

    def document(self) -> t.TeiDocument:
        """The model of what has been added so far."""
        heading = (t.Head((self.heading,)),) if self.heading else ()
        idnos = (t.Idno(self.corpus_id, kind="teikit"),) if self.corpus_id else ()
        back: tuple[t.Block, ...] = ()
        if self.notes:
            back = (t.Division(tuple(self.notes), kind="notes"),)
        header = t.Header(
            titles=(t.Title(self.title, kind="main"),),
            responsibilities=tuple(self.responsibilities),
            publisher=self.publisher,
            idnos=idnos,
            source=self.source,
            date=self.date,
            languages=tuple(self.languages),
            kind=self.kind,
        )
        body = (t.Division((*heading, *self.blocks), kind=self.kind),)
        return t.TeiDocument(header=header, persons=tuple(self.persons), body=body, back=back)

    def build(self) -> etree._ElementTree:
        return build(self.document())

    def to_xml(self) -> bytes:
        return to_xml(self.document())
