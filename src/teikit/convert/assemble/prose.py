"""Letters, memoranda, reports, minutes, forms: prose with a front, an opener and a closer.

The front (title block, archival matter) is read until the opener (an
address, a salutation); the body is prose cut into sections at headings the
role stage found; a closing salutation near the end starts the closer.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.convert.assemble.back_matter import split_back_matter, write_back_matter
from teikit.convert.builder import element, fill, fill_nodes
from teikit.convert.inline import El, Node
from teikit.convert.recognizers import archival, letters, signatures
from teikit.convert.recognizers.dates import DATE_ONLY_RE
from teikit.convert.recognizers.pages import Marker, Para
from teikit.convert.structure import FIELD_RE, Furniture, Item, Stamp, _para_at, split_trailing
from teikit.convert.zones import PB, Line, TextRun

if TYPE_CHECKING:
    from lxml import etree

    from teikit.convert.structure import Assembler


def assemble(asm: Assembler, div: etree._Element, items: list[Item]) -> None:
    k = 0
    while (para := _para_at(items, k)) is not None and archival.is_file_line(para.first):
        file_line(asm, div, para)
        k += 1
    rest = items[k:]
    open_at = None
    # the opener is among the first 8 items; a salutation among the first 8 paragraphs
    # (page furniture between counts for none: a web page's or an archive's lines above
    # a letter do not push its ``Dear …,`` out)
    paras = [j for j, it in enumerate(rest) if isinstance(it, Para)][:8]
    window = rest[: max(8, paras[-1] + 1 if paras else 0)]
    for j, it in enumerate(window):
        if isinstance(it, Para) and (
            (j < 8 and letters.is_address(it.first) and not _memo_head_field(asm, rest, j))
            or letters.salute_at(it.first)
            or any(letters.salute_at(ln.text) for ln in it.lines[1:])
        ):
            open_at = j
            break
    body_items = rest
    if open_at is None:
        body_items = titled_front(asm, div, rest)
    target = div
    if open_at is not None:
        # a letter titled as an edition titles it (title, dateline, source note)
        before = titled_front(asm, div, rest[:open_at], datelines=False)
        target, carried, kinds = front(asm, div, before)
        body_items = opener(asm, target, [*carried, *rest[open_at:]], kinds)
    body_items, back = split_back_matter(body_items)
    closer_at = closer_start(asm, body_items)
    if closer_at is not None and not any(isinstance(it, Para) for it in body_items[:closer_at]):
        closer_at = None  # a closer needs a text to close: alone, it is a paragraph
    signature_at = signature_start(asm, body_items) if closer_at is None else None
    end = closer_at if closer_at is not None else signature_at
    main = body_items if end is None else body_items[:end]
    asm.prose(target, main, sections=True)
    if closer_at is not None:
        closer(asm, target, body_items[closer_at:])
    elif signature_at is not None:
        signed_closer(asm, target, body_items[signature_at:])
    write_back_matter(asm, target, back)


def _memo_head_field(asm: Assembler, items: list[Item], j: int) -> bool:
    """Whether ``TO:`` at ``items[j]`` is a field of a memorandum's or cable's head.

    A ``TO:`` line followed by other fields (``FROM:``, ``SUBJECT:``, ``INFO:``) is
    the head's addressee field, as its neighbours are fields: it opens no letter.
    """
    para = items[j]
    if not isinstance(para, Para) or not asm.is_field(para):
        return False
    if len(para.lines) > 1 and asm.role(para.lines[1]) == "field":
        return True
    nxt = next((it for it in items[j + 1 :] if isinstance(it, Para)), None)
    return nxt is not None and asm.is_field(nxt)


def front(
    asm: Assembler, div: etree._Element, items: list[Item]
) -> tuple[etree._Element, list[Item], dict[int, str]]:
    """What stands before a letter's opener; returns where the letter goes on.

    The letter's opening matter next to its salutation (letterhead, dateline,
    inside address: :func:`opening_matter`) goes into the ``opener``, and is
    returned with what each of its paragraphs is (by ``id``). Above it, leading
    paragraphs that read as headings are ``head``; other paragraphs (a routing
    block, a file line, a source note) are archival matter kept as ``p``, and
    then the letter itself, from its opener on, is a ``div type="message"``
    (TEI allows an opener only at the top of a division). Page breaks and
    furniture with no such matter after them stand before the opener.
    """
    start, kinds = opening_matter(asm, items)
    above = items[:start]
    k = 0
    heads: list[Para] = []
    while (
        (para := _para_at(above, k)) is not None
        and not asm.dateline_like(para)
        and front_head(asm, para, bool(heads))
    ):
        heads.append(para)
        k += 1
    asm.heads_from(div, heads, sub_after_first=True)
    # the title's dateline (``Washington, May 2, 1960.``) is a dateline, not a subtitle
    # (the title may have been read before: :func:`titled_front`)
    while (para := _para_at(above, k)) is not None and asm.dateline_like(para):
        dateline(asm, div, para)
        k += 1
    others = above[k:]
    # a paragraph or a registry stamp is archival matter (docs/encoding.rst)
    last_para = max(
        (j for j, it in enumerate(others) if isinstance(it, Para) or type(it) is Stamp),
        default=-1,
    )
    for it in others[: last_para + 1]:
        if isinstance(it, Marker):
            asm.pb(div, it)
        elif isinstance(it, Furniture):
            asm.furniture(div, it)
        elif isinstance(it, Stamp):
            asm.stamp(div, it)
        elif archival.SOURCE_NOTE_RE.match(it.first):
            asm.p(div, it)  # an edition's source note: its markings are read as in prose
        else:
            asm.archival_p(div, it, "registry")
    target = element(div, "div", type="message") if last_para >= 0 else div
    carried = [*others[last_para + 1 :], *items[start:]]
    # page breaks and furniture above the opening matter stand before the opener
    # (``fw`` and ``pb`` may stand anywhere); a stamp goes into it
    while carried:
        mark = carried[0]
        if isinstance(mark, Marker):
            asm.pb(target, mark)
        elif isinstance(mark, Furniture):
            asm.furniture(target, mark)
        else:
            break
        carried.pop(0)
    return target, carried, kinds


def opening_matter(asm: Assembler, items: list[Item]) -> tuple[int, dict[int, str]]:
    """Where a letter's opening matter starts in ``items`` (all above its salutation).

    Read upwards from the salutation: datelines (``Washington, 2nd March 1864``),
    one inside address (``Mr. Ivo Lind`` / ``Director`` / ``Example Bureau`` /
    ``Springfield``), and at the top the letterhead (``Department of State``).
    Anything else (a title, a source note, a field, a file number) ends it. Returns
    the index of its first paragraph (``len(items)`` when there is none) and, by
    ``id`` of each of its paragraphs, ``dateline``, ``address`` or ``letterhead``.
    """
    kinds: dict[int, str] = {}
    start = len(items)
    top = False
    for j in range(len(items) - 1, -1, -1):
        it = items[j]
        if not isinstance(it, Para):
            continue
        lines = [ln.text for ln in it.lines]
        kind = None
        plain = (
            has_a_word(it.text)
            and not FIELD_RE.match(it.first)
            and not archival.is_file_line(it.first)
            and not archival.SOURCE_NOTE_RE.match(it.first)
            and asm.role(it.lines[0]) not in ("marking", "furniture", "reference")
        )
        if not top and asm.dateline_like(it):
            kind = "dateline"
        elif (
            not top
            and plain
            and "address" not in kinds.values()
            and letters.is_inside_address(lines)
        ):
            kind = "address"
        elif plain and letters.is_letterhead(lines):
            kind = "letterhead"
            top = True
        if kind is None:
            break
        kinds[id(it)] = kind
        start = j
    return start, kinds


def dateline(asm: Assembler, parent: etree._Element, para: Para) -> etree._Element:
    """A dateline, its place (``Washington`` in ``Washington, May 2, 1960``) a ``placeName``."""
    run = asm.run(para)
    el = element(parent, "dateline")
    n = letters.dateline_place(run.text)
    if n:
        fill(element(el, "placeName"), run.slice(0, n), asm.ctx)
        fill(el, run.slice(n, len(run.text)), asm.ctx)
    else:
        fill(el, run, asm.ctx)
    return el


def front_head(asm: Assembler, para: Para, after_head: bool) -> bool:
    """A paragraph above a letter's opener is its title or subtitle.

    In a typed copy everything above the opener that is no field, no archival
    line and (below the title) no prose is the title block; in an OCR copy
    only what reads as a heading line by line.
    """
    if not has_a_word(para.text):
        return False  # a registry number or OCR debris (``21 Wa US/82/71``) titles nothing
    if asm.plan.doc.ocr:
        return asm.heading_like(para, after_head)
    if asm.section_heading(para):
        return True
    # below the title, a paragraph of prose (it runs on for lines and closes a
    # sentence) is the text, not a subtitle
    text = para.text.rstrip(' ”"’)')
    long = len(para.lines) > 3 or len(text.split()) > 40
    if after_head and long and text.endswith((".", ":", "?", "!")):
        return False
    return (
        not FIELD_RE.match(para.first)
        and not archival.is_file_line(para.first)
        and asm.heading_roles(para.lines)
    )


#: A word of a title: three letters or more, no digit (``Attached``, ``NOTES``, ``d'Arcy``).
WORD_RE = re.compile(r"^[^\W\d_][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")


def has_a_word(text: str) -> bool:
    """Whether a text holds a word of three letters or more (a title has one)."""
    return any(
        len(w) >= 3 and WORD_RE.match(w) for w in (t.strip(".,:;()[]\"'“”‘’") for t in text.split())
    )


def titled_front(
    asm: Assembler, div: etree._Element, items: list[Item], *, datelines: bool = True
) -> list[Item]:
    """A title followed by its dateline or source note: ``head`` and ``dateline``.

    A source note set above the title (as editions on the web place it) is
    kept, as a paragraph after the title and its dateline: TEI puts the
    heading first. Without a dateline or source note after it, a first short
    paragraph may be a section heading (:meth:`prose` decides), so nothing is
    taken. With ``datelines`` false (a letter), the datelines are left to the
    opener.
    """
    source: Para | None = None
    start = 0
    first = _para_at(items, 0)
    if first is not None and archival.SOURCE_NOTE_RE.match(first.first):
        source, start = first, 1
    title = _para_at(items, start)
    nxt = _para_at(items, start + 1)
    if (
        title is None
        or nxt is None
        or not asm.heading_like(title, False)
        or not (asm.dateline_like(nxt) or archival.SOURCE_NOTE_RE.match(nxt.first))
    ):
        return items
    asm.heads_from(div, [title], sub_after_first=False)
    k = start + 1
    if not datelines and source is None:
        return items[k:]  # a letter's dateline goes into its opener
    while (para := _para_at(items, k)) is not None and asm.dateline_like(para):
        dateline(asm, div, para)
        k += 1
    if source is not None:
        asm.p(div, source)
    return items[k:]


def file_line(asm: Assembler, div: etree._Element, para: Para) -> None:
    run = asm.run(para)
    text = run.text
    nodes: list[Node] = []
    pos = 0
    for m in re.finditer(r"(?<=file)\s+(\d{1,4}-\d{1,8})\b", text, re.IGNORECASE):
        nodes.append(text[pos : m.start(1)])
        nodes.append(El("idno", {"type": "fbi-file"}, [m.group(1)]))
        pos = m.end(1)
    nodes.append(text[pos:])
    fill_nodes(element(div, "fw", type="file"), nodes, iter(run.pages))


def opener(
    asm: Assembler, div: etree._Element, items: list[Item], kinds: dict[int, str] | None = None
) -> list[Item]:
    """The ``opener``: letterhead, dateline, address and salutation, in their order.

    ``kinds`` says which paragraphs :func:`opening_matter` read as letterhead,
    dateline or inside address.
    """
    kinds = kinds or {}
    opener = element(div, "opener")
    k = 0
    address: list[Line] = []
    breaks: list[Marker] = []
    while k < len(items):
        it = items[k]
        kind = kinds.get(id(it))
        if kind is not None and isinstance(it, Para) and not address:
            if kind == "dateline":
                dateline(asm, opener, it)
            elif kind == "letterhead":
                # one letterhead, however its lines were set apart (a heading line)
                pieces = list(it.pieces)
                while (
                    k + 1 < len(items)
                    and isinstance(nxt := items[k + 1], Para)
                    and kinds.get(id(nxt)) == "letterhead"
                ):
                    pieces += nxt.pieces
                    k += 1
                fill(element(opener, "fw", type="letterhead"), asm.lines_run(pieces), asm.ctx)
            else:
                address_block(asm, opener, it.lines)
                for mark in _page_breaks(it.pieces):
                    asm.pb(opener, mark)
            k += 1
            continue
        if isinstance(it, Furniture) and not address:
            asm.furniture(opener, it)
            k += 1
            continue
        if isinstance(it, Stamp) and not address:
            asm.stamp(opener, it, in_p=False)
            k += 1
            continue
        if isinstance(it, Marker) and not address:
            asm.pb(opener, it)
            k += 1
            continue
        if not isinstance(it, Para):
            break
        salute_line = next((j for j, ln in enumerate(it.lines) if letters.salute_at(ln.text)), None)
        if salute_line is None and letters.is_address(it.first) and not address:
            address.extend(it.lines)
            breaks.extend(_page_breaks(it.pieces))
            k += 1
            continue
        if salute_line is None:
            break
        address.extend(it.lines[:salute_line])
        line = it.lines[salute_line]
        breaks.extend(
            _page_breaks(it.pieces[: next(j for j, p in enumerate(it.pieces) if p is line)])
        )
        address_block(asm, opener, address)
        for mark in breaks:  # address lines are rendered from their lines: keep the page breaks
            asm.pb(opener, mark)
        address = []
        breaks = []
        n = letters.salute_at(line.text)
        element(opener, "salute", line.text[:n])
        rest = line.text[n:]
        remainder: list[Line | Marker] = (
            [Line(rest.lstrip(), line.offset + n + len(rest) - len(rest.lstrip()))]
            if rest.strip()
            else []
        )
        # the pieces after the salutation's line, page breaks and gaps included
        at = next(j for j, piece in enumerate(it.pieces) if piece is line)
        remainder += it.pieces[at + 1 :]
        k += 1
        if any(isinstance(piece, Line) for piece in remainder):
            return [Para(remainder), *items[k:]]
        return items[k:]
    address_block(asm, opener, address)
    for mark in breaks:
        asm.pb(opener, mark)
    return items[k:]


def _page_breaks(pieces: list[Line | Marker]) -> list[Marker]:
    return [p for p in pieces if isinstance(p, Marker) and p.kind == PB]


def address_block(asm: Assembler, opener: etree._Element, lines: list[Line]) -> None:
    if not lines:
        return
    address = element(opener, "address")
    for line in lines:
        fill(element(address, "addrLine"), TextRun.of(line.text, line.offset), asm.ctx)


def closer_start(asm: Assembler, items: list[Item]) -> int | None:
    for j in range(len(items) - 1, max(len(items) - 6, -1), -1):
        it = items[j]
        if isinstance(it, Para) and letters.is_closing_salute(it.first):
            after = [x for x in items[j + 1 :] if isinstance(x, Para)]
            if all(len(x.lines) <= 5 and all(len(ln.text) <= 70 for ln in x.lines) for x in after):
                return j
    return None


def signature_start(asm: Assembler, items: list[Item]) -> int | None:
    """Where a signature alone ends the text (a surname in capitals), if one does.

    A line that only says a signature stands there (``[signature]``, ``/s/``) is part
    of it, before or after the name, or the whole of it when no name is typed.
    """
    paras = [k for k, it in enumerate(items) if isinstance(it, Para)]
    if len(paras) < 2:
        return None

    def single(k: int, *, placeholder: bool) -> bool:
        para = items[k]
        assert isinstance(para, Para)
        if len(para.lines) != 1:
            return False
        text = para.lines[0].text
        if letters.is_signature_placeholder(text):
            return True
        return not placeholder and asm.role(para.lines[0]) == "signature"

    def lines(k: int) -> list[str]:
        para = items[k]
        assert isinstance(para, Para)
        return [ln.text for ln in para.lines]

    # a name over the signer's office (``Anna Holt`` / ``Deputy Director``), in one
    # paragraph or set apart in two
    if signatures.signature_block(lines(paras[-1])):
        return paras[-1]
    if len(paras) >= 3 and signatures.signature_block(lines(paras[-2]) + lines(paras[-1])):
        return paras[-2]
    if not single(paras[-1], placeholder=False):
        return None
    last_is_placeholder = single(paras[-1], placeholder=True)
    if len(paras) >= 3 and (
        single(paras[-2], placeholder=True)
        or (last_is_placeholder and single(paras[-2], placeholder=False))
    ):
        return paras[-2]
    return paras[-1]


def signed_closer(asm: Assembler, div: etree._Element, items: list[Item]) -> None:
    """``closer/signed`` for a signature standing alone at the end (name and mark together)."""
    closer_el = element(div, "closer")
    signed: list[Line | Marker] = []

    def flush() -> None:
        if signed:
            fill(element(closer_el, "signed"), asm.lines_run(signed), asm.ctx)
            signed.clear()

    items, trailing = split_trailing(items)
    for it in items:
        if isinstance(it, Para):
            signed.extend(it.pieces)
            continue
        flush()
        if isinstance(it, Furniture):
            asm.furniture(closer_el, it)
        elif isinstance(it, Stamp):
            asm.stamp(closer_el, it, in_p=False)
        elif isinstance(it, Marker):
            asm.pb(closer_el, it)
    flush()
    asm.marks(div, trailing)


def closer(asm: Assembler, div: etree._Element, items: list[Item]) -> None:
    closer_el = element(div, "closer")
    paras = [it for it in items if isinstance(it, Para)]
    first = paras[0]
    element(closer_el, "salute", first.first)
    # the signature's lines in order, with the page breaks among them (pieces and
    # items), so that none is lost and pages stay in order
    first_line = next(j for j, piece in enumerate(first.pieces) if isinstance(piece, Line))
    signed: list[Line | Marker] = list(first.pieces[first_line + 1 :])
    date_paras: list[Para] = []
    for it in items[items.index(first) + 1 :]:
        if isinstance(it, Para):
            if DATE_ONLY_RE.match(it.text):
                date_paras.append(it)
            else:
                signed.extend(it.pieces)
        elif isinstance(it, Marker) and it.kind == PB:
            signed.append(it)
    if any(isinstance(piece, Line) for piece in signed):
        fill(element(closer_el, "signed"), asm.lines_run(signed), asm.ctx)
    else:
        for mark in signed:
            if isinstance(mark, Marker):
                asm.pb(closer_el, mark)
    for date_para in date_paras:
        fill(element(closer_el, "dateline"), asm.run(date_para), asm.ctx)
    # what is not a paragraph or a page break stays too: a stamp
    for it in items:
        if isinstance(it, Stamp):
            asm.stamp(closer_el, it, in_p=False)
        elif isinstance(it, Marker) and it.kind == PB and items.index(it) < items.index(first):
            asm.pb(closer_el, it)
