"""Cables and telegrams with a cable head: distribution, front matter, message, handling.

Used when the copy opens with a cable head (``CABLE No. …``); the message
may embed a quoted telegram with its own signature and date.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.convert.builder import element, fill, fill_nodes
from teikit.convert.recognizers import archival, letters, pages
from teikit.convert.recognizers.dates import DATE_ONLY_RE, DATE_RE
from teikit.convert.recognizers.pages import Marker, Para
from teikit.convert.structure import (
    Furniture,
    Item,
    Stamp,
    _para_at,
    split_trailing,
)

if TYPE_CHECKING:
    from lxml import etree

    from teikit.convert.structure import Assembler
    from teikit.convert.zones import TextRun
from teikit.convert.assemble import prose


def assemble(asm: Assembler, div: etree._Element, items: list[Item]) -> None:
    k = 0
    first = items[0] if items else None
    if isinstance(first, Para) and archival.CABLE_HEAD_RE.match(first.first):
        head = element(div, "head")
        head_run = asm.run(first)
        fill_nodes(head, asm.numbers(head_run, "cable"), iter(head_run.pages))
        asm.heads.append(first.text)
        k = 1
    # distribution list
    dist: list[Para] = []
    j = k
    while j < len(items):
        it = items[j]
        if isinstance(it, Para) and (
            archival.is_distribution_item(it.first)
            or (dist and it.words() <= 2 and pages.ends_open(it.last) and len(it.lines) == 1)
        ):
            dist.append(it)
            j += 1
            continue
        break
    if len(dist) >= 2:
        lst = element(div, "list", type="distribution")
        for para in dist:
            fill(element(lst, "item"), asm.run(para), asm.ctx)
        k = j
    # front matter up to the salutation
    salute_at = next(
        (
            j
            for j in range(k, len(items))
            if (pj := _para_at(items, j)) is not None and letters.salute_at(pj.first)
        ),
        None,
    )
    end_front = salute_at if salute_at is not None else k
    if salute_at is not None and salute_at - 1 >= k:
        prev = items[salute_at - 1]
        if isinstance(prev, Para) and letters.is_address(prev.first) and len(prev.lines) == 1:
            end_front = salute_at - 1
    for it in items[k:end_front]:
        if isinstance(it, Stamp):
            asm.stamp(div, it)
        elif isinstance(it, Marker):
            asm.pb(div, it)
        else:
            asm.archival_p(div, it, "registry")
    rest = items[end_front:]
    # handling notes at the end
    h = len(rest)
    while h > 0 and isinstance(rest[h - 1], Para) and archival.is_handling(rest[h - 1].first):  # type: ignore[union-attr]
        h -= 1
    message, handling = rest[:h], rest[h:]
    if message:
        letter = element(div, "div", type="message") if salute_at is not None else div
        after_opener = prose.opener(asm, letter, message) if salute_at is not None else message
        cable_message(asm, letter, after_opener)
    for it in handling:
        assert isinstance(it, Para)
        note = element(div, "note", type="handling")
        note_run = asm.run(it)
        fill_nodes(note, asm.numbers(note_run, "registry"), iter(note_run.pages))


def cable_message(asm: Assembler, parent: etree._Element, items: list[Item]) -> None:
    k = 0
    # the message text up to an embedded telegram
    tele_start = next(
        (j for j, it in enumerate(items) if isinstance(it, Para) and it.first[:1] in '"“'), None
    )
    tele_end = None
    if tele_start is not None:
        for j in range(tele_start, len(items)):
            it = items[j]
            if (
                isinstance(it, Para)
                and it.last.rstrip()[-1:] in '"”'
                and (j > tele_start or len(it.text) > 1)
            ):
                tele_end = j
                if j > tele_start:
                    break
    before = items[: tele_start if tele_end is not None else len(items)]
    closer_paras: list[Item] = []
    if tele_end is None:
        split = short_tail(asm, before)
        before, closer_paras = before[:split], before[split:]
    asm.prose(parent, before, sections=False)
    k = len(before)
    if tele_start is not None and tele_end is not None:
        tele = element(parent, "div", type="telegram")
        body = items[tele_start : tele_end + 1]
        last = body[-1]
        assert isinstance(last, Para)
        sig = signature_line(asm, last)
        if sig is not None and len(body) > 1:
            asm.prose(tele, body[:-1], sections=False)
            signed_dateline(asm, tele, sig)
        else:
            asm.prose(tele, body, sections=False)
        closer_paras = items[tele_end + 1 :]
    closer_paras, trailing = split_trailing(closer_paras)
    if closer_paras:
        closer = element(parent, "closer")
        for it in closer_paras:
            if isinstance(it, Marker):
                asm.pb(closer, it)
                continue
            if isinstance(it, Furniture):
                asm.furniture(closer, it)
                continue
            if isinstance(it, Stamp):
                _separate(closer)
                asm.stamp(closer, it, in_p=False)
                continue
            # the closer's parts stood on lines of their own: a space keeps them apart
            _separate(closer)
            run = asm.run(it)
            text = run.text
            if DATE_ONLY_RE.match(text):
                fill(element(closer, "dateline"), run, asm.ctx)
            elif archival.IDNO_RE.match(text):
                fill_nodes(closer, asm.numbers(run, "cable"), iter(run.pages))
            elif archival.SIGNATURE_NAME_RE.match(text) and text.isupper():
                fill(element(closer, "signed"), run, asm.ctx)
            else:
                fill_nodes(closer, asm.numbers(run, "registry"), iter(run.pages))
    asm.marks(parent, trailing)
    del k


def _separate(el: etree._Element) -> None:
    """End what ``el`` holds so far with a space, if it holds anything."""
    if len(el):
        last = el[-1]
        if not (last.tail or "").endswith((" ", "\n")):
            last.tail = (last.tail or "") + " "
    elif el.text and not el.text.endswith((" ", "\n")):
        el.text += " "


def short_tail(asm: Assembler, items: list[Item]) -> int:
    """Where the message's closing lines start: short paragraphs ending it (signature, date).

    Page furniture, stamps and page breaks after them (the classification repeated at
    the foot of the copy) do not hide them; the caller sets them after the closer.
    """
    k = len(items)
    start = k
    while k > 0:
        it = items[k - 1]
        if isinstance(it, Para):
            if it.words() > 4:
                break
            start = k - 1
        k -= 1
    return start


def signature_line(asm: Assembler, para: Para) -> tuple[TextRun, int] | None:
    run = asm.run(para)
    text = run.text
    m = archival.SIGNATURE_NAME_RE.match(text.rstrip('"”'))
    if m is None or len(para.lines) != 1:
        return None
    rest = (m.group("rest") or "").strip().rstrip('"”').strip()
    if rest and not DATE_RE.search(rest):
        return None
    return run, m.end("name")


def signed_dateline(asm: Assembler, parent: etree._Element, sig: tuple[TextRun, int]) -> None:
    run, name_end = sig
    closer = element(parent, "closer")
    element(closer, "signed", run.text[:name_end])
    rest = run.slice(name_end, len(run.text))
    text = rest.text
    quote_at = len(text.rstrip().rstrip('"”'))
    inner = rest.slice(0, quote_at).strip()
    if inner.text:
        closer[-1].tail = " "
        fill(element(closer, "dateline"), inner, asm.ctx)
    if quote_at < len(text.rstrip()):
        last = closer[-1]
        last.tail = (last.tail or "") + text[quote_at:].strip()
