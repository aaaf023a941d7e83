"""Handlers for the TEI elements a reader should see as something particular.

Each function is registered for its element names, as the tags around the
element's content (:func:`~teikit.html.walker.register_tags`) or as a full
renderer (:func:`~teikit.html.walker.register`); everything not named here
falls back to :func:`teikit.html.walker.generic`. Importing this module fills
the registry.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.html.context import (
    PALETTE_SIZE,
    XML_ID,
    XML_LANG,
    Footnote,
    Person,
    T,
    local_name,
    stands_apart,
    tag_of,
    text_of,
)
from teikit.html.safety import attr, local_href, text
from teikit.html.walker import (
    GENERIC,
    Walker,
    register,
    register_keyed,
    register_pointer,
    register_static,
    register_tags,
)

if TYPE_CHECKING:
    from lxml import etree

#: Note types shown as set-apart, attributed notes rather than footnotes.
FOOTNOTE_TYPES = frozenset({"footnote", "endnote", "source"})
FOOTNOTE_PLACES = frozenset({"foot", "end", "bottom"})
#: ``choice`` children showing the text as the source has it, and as edited.
WRITTEN = {f"{T}sic": "sic", f"{T}orig": "orig", f"{T}abbr": "abbr"}
EDITED = {f"{T}corr": "corrected", f"{T}reg": "regularized", f"{T}expan": "expanded"}
HI_TAGS = (
    ("italic", "em"),
    ("bold", "strong"),
    ("sup", "sup"),
    ("sub", "sub"),
    ("underline", "u"),
    ("strike", "s"),
    ("smallcaps", "span"),
)


def _heading_level(w: Walker) -> int:
    return min(w.div_depth + 1, 6)


for _name in ("text", "front", "body", "back", "group"):
    register_static(f"{T}{_name}", "div", _name, inner_inline=False)
register_static(f"{T}p", "p", "p")
register_static(f"{T}ab", "p", "p")
register_static(f"{T}lg", "div", "lg", inner_inline=False)
register_static(f"{T}l", "div", "l")
register_static(f"{T}table", "table", "table", inner_inline=False)
register_static(f"{T}row", "tr", "row", inner_inline=False)
register_static(f"{T}cell", "td", "cell")
register_static(f"{T}quote", "blockquote", "quote", inner_inline=False)
register_static(f"{T}cit", "blockquote", "quote", inner_inline=False)
register_static(f"{T}q", "q", "q", inline_tag="q")
register_static(f"{T}said", "q", "q", inline_tag="q")


@register(f"{T}div", *(f"{T}div{n}" for n in range(1, 8)), f"{T}floatingText")
def division(w: Walker, el: etree._Element, inline: bool) -> None:
    kind = el.get("type")
    cls = "div type-" + attr(kind) if kind else "div"
    extra = f' data-type="{attr(kind)}"' if kind else ""
    w.div_depth += 1
    w.wrap(el, inline, "section", cls, inner_inline=False, extra=extra)
    w.div_depth -= 1


@register_tags(f"{T}head")
def head(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    sub = el.get("type") == "sub"
    level = min(_heading_level(w) + (1 if sub else 0), 6)
    name = "span" if inline else f"h{level}"
    return f'<{name} class="{"head sub" if sub else "head"}"{common}>', f"</{name}>", True


@register_tags(f"{T}list", f"{T}listBibl")
def list_(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    ordered = el.get("type") in ("numbered", "ordered") or "numbered" in (el.get("rend") or "")
    name = "span" if inline else "ol" if ordered else "ul"
    return f'<{name} class="list"{common}>', f"</{name}>", inline


_LISTS = (f"{T}list", f"{T}listBibl")


@register_tags(f"{T}item", f"{T}bibl")
def item(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    if not inline:
        parent = el.getparent()
        if parent is not None and parent.tag in _LISTS:
            n = el.get("n")
            extra = f' data-n="{attr(n)}"' if n else ""
            return f'<li class="item"{common}{extra}>', "</li>", True
    return f'<span class="{local_name(el.tag)}"{common}>', "</span>", True


@register(f"{T}lb")
def line_break(w: Walker, el: etree._Element, inline: bool) -> None:
    w.out.append("<br>")


@register(f"{T}pb")
def page_break(w: Walker, el: etree._Element, inline: bool) -> None:
    """A page number in the margin; its facsimile linked when the pointer is local."""
    n = el.get("n") or ""
    label = f"p. {n}" if n else "page"
    pointer = el.get("facs")
    facs = local_href(pointer) if pointer else None
    inner = text(label)
    if facs and not w.in_link:
        inner = f'<a href="{attr(facs)}">{inner}</a>'
    w.out.append(
        f'<span class="pb"{w.common(el)} role="note" aria-label="page {attr(n)}">{inner}</span>'
    )


@register_tags(f"{T}fw")
def furniture(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    kind = el.get("type") or "page furniture"
    name = "span" if inline else "div"
    return (
        f'<{name} class="fw"{common} title="page furniture: {attr(kind)}">',
        f"</{name}>",
        True,
    )


@register_tags(f"{T}stamp")
def stamp(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    kind = el.get("type") or "stamp"
    return f'<span class="stamp"{common} title="{attr(kind)}">', "</span>", True


@register(f"{T}supplied")
def supplied(w: Walker, el: etree._Element, inline: bool) -> None:
    who = el.get("resp")
    title = "supplied" + (f" by {w.ctx.resp(who)}" if who else "")
    reason = el.get("reason")
    if reason:
        title += f" ({reason})"
    w.out.append(f'<span class="supplied" title="{attr(title)}"{w.common(el)}>[')
    w.children(el, True)
    w.out.append("]</span>")


@register(f"{T}gap")
def gap(w: Walker, el: etree._Element, inline: bool) -> None:
    reason = el.get("reason") or ""
    extent = " ".join(v for v in (el.get("quantity"), el.get("unit"), el.get("extent")) if v)
    detail = ", ".join(v for v in (reason, extent) if v)
    title = "gap" + (f": {detail}" if detail else "")
    who = el.get("resp")
    if who:
        title += f" (recorded by {w.ctx.resp(who)})"
    shown = f"[…{' ' + text(detail) if detail else ''}]"
    w.out.append(f'<span class="gap" title="{attr(title)}"{w.common(el)}>{shown}')
    w.children(el, True)
    w.out.append("</span>")


@register_tags(f"{T}foreign")
def foreign(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    code = el.get(XML_LANG) or ""
    title = w.ctx.language(code) if code else "foreign"
    return f'<i class="foreign"{common} title="{attr(title)}">', "</i>", True


@register_keyed(f"{T}hi", f"{T}emph", f"{T}term", f"{T}mentioned", f"{T}soCalled", attrs=("rend",))
def highlight(
    w: Walker, el: etree._Element, inline: bool, common: str
) -> tuple[str, str, bool, bool]:
    """A highlight by its ``@rend``: the same tags for every element of a name and rendition."""
    rend = el.get("rend") or ""
    el_tag = tag_of(el)
    tag = "em" if el_tag != f"{T}hi" else "span"
    for word, html_tag in HI_TAGS:
        if word in rend:
            tag = html_tag
            break
    words = rend.split()
    # a blank ``@rend`` ("" or spaces) names no rendition: no ``rend-`` class
    cls = local_name(el_tag) + (" rend-" + attr(words[0]) if words else "")
    return f'<{tag} class="{cls}"{common}>', f"</{tag}>", True, True


@register_tags(f"{T}date", f"{T}time")
def date(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    when = el.get("when") or el.get("when-iso") or ""
    extra = f' datetime="{attr(when)}" title="{attr(when)}"' if when else ""
    cert = el.get("cert")
    if cert:
        extra = extra.replace('" title="', f'" title="certainty {attr(cert)}: ', 1)
    return f'<time class="date"{common}{extra}>', "</time>", True


_NAME_TAGS = tuple(
    f"{T}{n}" for n in ("persName", "placeName", "orgName", "name", "rs", "geogName")
)


@register_keyed(*_NAME_TAGS, attrs=("ref", "corresp"))
def name(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool, bool]:
    """A name, with what its ``@ref``/``@corresp``/``@key`` points to on hover.

    Names are the commonest element of large editions, and point at a few
    hundred persons: the walk reuses the tags made for a name and pointer.
    """
    targets = (el.get("ref") or el.get("corresp") or "").split()
    if targets:
        extra = f' title="{attr(w.ctx.title_for(targets[0]))}"'
    elif el.get("key"):
        extra = f' title="{attr(el.get("key") or "")}"'
    else:
        extra = ""
    cls = NAME_CLASSES.get(tag_of(el), "name")
    # without a pointer the title comes from ``@key``: not the same for every element
    return f'<span class="{cls}"{common}{extra}>', "</span>", True, bool(targets)


NAME_CLASSES = {tag: "name " + local_name(tag) for tag in _NAME_TAGS}


def _choice_title(w: Walker, el: etree._Element, what: str) -> str:
    parts = [what]
    who = el.get("resp")
    if who:
        parts.append(f"by {w.ctx.resp(who)}")
    cert = el.get("cert")
    if cert:
        parts.append(f"certainty: {cert}")
    return " ".join(parts[:2]) + ("; " + parts[2] if len(parts) > 2 else "")


@register(f"{T}choice")
def choice(w: Walker, el: etree._Element, inline: bool) -> None:
    """Alternatives shown by the reading toggle: as written, or as corrected."""
    kids = [c for c in el if isinstance(c.tag, str)]
    if not any(c.tag in WRITTEN for c in kids) or not any(c.tag in EDITED for c in kids):
        w.element(el, GENERIC, True)
        return
    w.ctx.has_choices = True
    out = w.out
    out.append(f'<span class="choice"{w.common(el)}>')
    for c in kids:
        if c.tag in WRITTEN:
            out.append(f'<span class="as-written" title="as written ({WRITTEN[c.tag]})">')
            w.children(c, True)
            out.append("</span>")
        elif c.tag in EDITED:
            title = _choice_title(w, c, EDITED[c.tag])
            out.append(f'<ins class="as-edited" title="{attr(title)}">')
            w.children(c, True)
            out.append("</ins>")
        else:
            w.render(c, True)
    out.append("</span>")


@register_tags(f"{T}sic", f"{T}orig", f"{T}abbr")
def written_alone(
    w: Walker, el: etree._Element, inline: bool, common: str
) -> tuple[str, str, bool]:
    return f'<span class="sic"{common} title="sic: as written">', "</span>", True


@register_tags(f"{T}corr", f"{T}reg", f"{T}expan")
def edited_alone(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    title = _choice_title(w, el, EDITED[tag_of(el)])
    return f'<ins class="corr"{common} title="{attr(title)}">', "</ins>", True


@register_tags(f"{T}del")
def deletion(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    return f'<del class="del"{common} title="deleted">', "</del>", True


@register_tags(f"{T}add")
def addition(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    place = el.get("place")
    title = "added" + (f" ({place})" if place else "")
    return f'<ins class="add"{common} title="{attr(title)}">', "</ins>", True


@register_tags(f"{T}unclear")
def unclear(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    reason = el.get("reason")
    title = "unclear" + (f": {reason}" if reason else "")
    return f'<span class="unclear"{common} title="{attr(title)}">', "</span>", True


@register_tags(f"{T}stage")
def stage(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    name = "span" if inline else "p"
    return f'<{name} class="stage"{common}>', f"</{name}>", True


@register(f"{T}graphic")
def graphic(w: Walker, el: etree._Element, inline: bool) -> None:
    """Images are not loaded (no request leaves the page); a local one is linked."""
    url = el.get("url") or ""
    href = local_href(url)
    label = text(f"[image: {url}]" if url else "[image]")
    if href and not w.in_link:
        w.out.append(f'<a class="graphic" href="{attr(href)}">{label}</a>')
    else:
        w.out.append(f'<span class="graphic">{label}</span>')
    w.children(el, True)


# -- speeches ---------------------------------------------------------------------------


def _speaker_of(w: Walker, el: etree._Element) -> Person:
    """The person a ``sp`` belongs to; speakers absent from the header get an entry too."""
    persons = w.ctx.persons
    who = (el.get("who") or "").split()
    key = who[0][1:] if who and who[0].startswith("#") else (who[0] if who else "")
    speaker = el.find(f"{T}speaker")
    label = text_of(speaker) if speaker is not None else ""
    if not key:
        key = "speaker:" + label.rstrip(":").strip()
    person = persons.get(key)
    if person is None:
        bare = label.rstrip(":").strip() or key
        person = Person(key, bare, bare, "", len(persons) % PALETTE_SIZE)
        persons[key] = person
    return person


@register(f"{T}sp")
def speech(w: Walker, el: etree._Element, inline: bool) -> None:
    """A labelled turn in the person's colour; the label links to the person's turns."""
    person = _speaker_of(w, el)
    w.ctx.turn_count += 1
    turn = f"tk-turn-{w.ctx.turn_count}"
    person.turns.append(turn)
    tag = "span" if inline else "div"
    out = w.out
    out.append(
        f'<{tag} class="sp pc{person.colour}" id="{turn}" data-person="{attr(person.id)}"'
        f"{w.common(el)}>"
    )
    w.children(el, inline)
    out.append(f"</{tag}>")


@register(f"{T}speaker")
def speaker(w: Walker, el: etree._Element, inline: bool) -> None:
    parent = el.getparent()
    person = _speaker_of(w, parent) if parent is not None and parent.tag == f"{T}sp" else None
    tag = "span" if inline else "div"
    if person is None:
        w.wrap(el, inline, "div", "speaker")
        return
    anchor = f"tk-person-{person.id}"
    w.out.append(
        f'<{tag} class="speaker"{w.common(el)}><a href="#{attr(anchor)}" '
        f'title="{attr(person.hover)}">'
    )
    was, w.in_link = w.in_link, True
    w.children(el, True)
    w.in_link = was
    w.out.append(f"</a></{tag}>")


# -- notes and pointers -----------------------------------------------------------------


def _is_footnote(el: etree._Element) -> bool:
    kind = el.get("type")
    place = el.get("place")
    if kind in FOOTNOTE_TYPES or place in FOOTNOTE_PLACES:
        return True
    return kind is None and place is None and el.get("resp") is None


_MARKER_END = (
    '<button type="button" class="fn-close" aria-label="close note">×</button></span></span>'
)


def _marker(w: Walker, label: str, href: str, content: str) -> None:
    """A note's marker and pop-up, written as three parts (the content is not copied)."""
    pop = f"tk-pop-{w.ctx.ref_count}"
    out = w.out
    out.append(
        f'<span class="fn"><a class="fn-ref" href="{attr(href)}" id="tk-ref-{w.ctx.ref_count}"'
        f' aria-controls="{pop}" aria-expanded="false" aria-label="note {attr(label)}">'
        f"<sup>{text(label)}</sup></a>"
        f'<span class="fn-pop" id="{pop}" role="note" hidden>'
        f'<span class="fn-label">{text(label)}</span> '
    )
    out.append(content)
    out.append(_MARKER_END)


@register(f"{T}note")
def note(w: Walker, el: etree._Element, inline: bool) -> None:
    """Footnotes pop up at their marker and are listed at the end; other notes are set apart.

    A note that a ``ref`` points to is shown where it stands (usually ``back``)
    with links back to its markers. Editorial, summary and other typed notes
    stay in the text flow, set apart and attributed to their ``@resp``.
    """
    ctx = w.ctx
    nid = (w.marked.get(el) or (None, None))[0]
    footnote = _is_footnote(el)
    if footnote and nid and stands_apart(el):
        label = el.get("n") or ""
        content = _note_content(w, el)
        backs = "".join(
            f' <a class="backref" href="#{ref}" aria-label="back to the text">↩</a>'
            for ref in ctx.backrefs.get(nid, [])
        )
        tag = "span" if inline else "aside"
        w.out.append(
            f'<{tag} class="note endnote"{w.common(el)} role="note">'
            f'<span class="fn-label">{text(label)}</span> {content}{backs}</{tag}>'
        )
        return
    if footnote:
        ctx.ref_count += 1
        number = len(ctx.footnotes) + 1
        label = el.get("n") or str(number)
        if nid:
            ctx.capturing.add(nid)
        content = w.capture(el)
        ctx.capturing.discard(nid or "")
        ref_id = f"tk-ref-{ctx.ref_count}"
        ctx.footnotes.append(Footnote(number, label, content, [ref_id], w.common(el)))
        _marker(w, label, f"#tk-fn-{number}", content)
        return
    kind = el.get("type") or el.get("place") or "note"
    who = el.get("resp")
    by = f'<span class="note-resp">— {text(ctx.resp(who))}</span>' if who else ""
    tag = "span" if inline else "aside"
    w.out.append(
        f'<{tag} class="note set-apart type-{attr(kind)}"{w.common(el)} role="note">'
        f'<span class="note-kind">{text(kind)}</span> '
    )
    w.children(el, True)
    w.out.append(f"{by}</{tag}>")


def _note_content(w: Walker, el: etree._Element) -> str:
    cache = w.ctx.note_html
    nid = el.get(XML_ID) or ""
    content = cache.get(nid)
    if content is None:
        w.ctx.capturing.add(nid)
        content = w.capture(el)
        w.ctx.capturing.discard(nid)
        cache[nid] = content
    return content


@register_pointer(f"{T}ref", f"{T}ptr", f"{T}gloss")
def ref(w: Walker, el: etree._Element, inline: bool) -> None:
    """A pointer: a footnote marker, a local link, or (any other scheme) plain text.

    The tags made for a ``@target`` value are kept in :attr:`Context.link_opens`:
    large editions point at the same few hundred targets thousands of times, and
    the walk writes a plain pointer from them without calling this function.
    """
    ctx = w.ctx
    target = el.get("target") or ""
    link = ctx.link_opens.get(target)
    if link is None:
        link = _link_tags(w, target)
        ctx.link_opens[target] = link
    start, end, _ = link
    if not start:
        _note_marker(w, el, target.split()[0])
        return
    if w.in_link and end == "</a>":
        start, end = '<span class="ref"', "</span>"
    out = w.out
    out.append(start + w.common(el) + ">" if el in w.marked else start + ">")
    if len(el):
        was, w.in_link = w.in_link, end == "</a>" or w.in_link
        w.children(el, True)
        w.in_link = was
    else:
        value = el.text
        if not value or value.isspace():
            value = target
        out.append(
            value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            if "&" in value or "<" in value or ">" in value
            else value
        )
    out.append(end)


_NOTE = f"{T}note"


def _link_tags(w: Walker, target: str) -> tuple[str, str, str]:
    """Opening (without ``>``), closing and opening tag of a pointer; empty for a note marker."""
    first = target.split()[0] if target.strip() else ""
    if first.startswith("#"):
        target_el = w.ctx.ids.by_id.get(first[1:])
        if (
            target_el is not None
            and target_el.tag == _NOTE
            and stands_apart(target_el)
            and _is_footnote(target_el)
        ):
            return ("", "", "")
    href = local_href(first) if first else None
    if href is not None:
        start = f'<a class="ref" href="{attr(href)}"'
        return (start, "</a>", start + ">")
    title = f"not linked: {first}" if first else "pointer"
    start = f'<span class="ref unlinked" title="{attr(title)}"'
    return (start, "</span>", start + ">")


def _note_marker(w: Walker, el: etree._Element, first: str) -> None:
    """A ``ref`` to a note kept apart (an endnote): a marker whose pop-up shows the note."""
    ctx = w.ctx
    nid = first[1:]
    note_el = ctx.ids.get(nid)
    if note_el is None or nid in ctx.capturing:
        w.out.append(f'<a class="ref" href="{attr(first)}">')
        w.children(el, True)
        w.out.append("</a>")
        return
    ctx.ref_count += 1
    label = text_of(el) or note_el.get("n") or "*"
    ctx.backrefs.setdefault(nid, []).append(f"tk-ref-{ctx.ref_count}")
    _marker(w, label, first, _note_content(w, note_el))
