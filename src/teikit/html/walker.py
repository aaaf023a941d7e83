"""The walk over a TEI tree: one handler per element name, a generic one for the rest.

:data:`HANDLERS` maps a TEI element (Clark name) to how it is written. Most
elements are only an opening and a closing tag around their content, so there
are three kinds of handler, from cheapest to most general:

- :class:`Static`: a fixed pair of tags (``p``, ``cell``…), applied by the
  walk itself without a call;
- :class:`Tags`: a function that reads the element's attributes and returns
  its tags; the walk writes the content between them. It may cache the tags
  by attribute value, since large editions repeat the same few hundred
  pointers and renditions thousands of times;
- :class:`Full`: a function that writes the element and its content itself
  (notes, turns, choices, pointers: anything with side effects or several
  parts).

An element with no handler (any name, any namespace) goes to :func:`generic`,
which keeps its content and names it in ``data-tei``, so that any TEI renders
and no text is dropped.

Each handler is told whether it stands in *phrasing* context (inside an
HTML paragraph, heading or span). There block elements (``p``, ``list``,
``table`` nested in a TEI ``p`` or ``note``) become ``span`` with a class the
stylesheet shows as a block: HTML's ``<p>`` cannot hold a ``<div>``, and a
browser would otherwise break the paragraph apart.

Why so: the walk is most of the cost of a rendering, and in Python that cost is
per element and per call, not per character. Elements without children
(most names, pointers and highlights) have their text written directly,
without a call to :meth:`Walker.children`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teikit.errors import TeikitError
from teikit.html.context import local_name
from teikit.html.safety import attr

if TYPE_CHECKING:
    from lxml import etree

    from teikit.html.context import Context

Renderer = Callable[["Walker", "etree._Element", bool], None]
#: ``(walker, element, inline, common)`` → opening tag, closing tag, whether the
#: content is phrasing. ``common`` is the element's ``id``/``lang`` attributes
#: (see :meth:`Walker.common`), to go after its ``class``; tags made with a
#: non-empty ``common`` must not be cached.
TagsFunction = Callable[["Walker", "etree._Element", bool, str], tuple[str, str, bool]]


@dataclass(frozen=True, slots=True)
class Static:
    """An element that is only a pair of tags, applied by the walk itself (no call).

    ``block_open``/``inline_open`` are opening tags without their closing
    ``>``, so that ``id`` and ``lang`` can be added.
    """

    block_open: str
    block_close: str
    inline_open: str
    inline_close: str
    #: Whether the content is phrasing when the element is rendered as a block.
    inner_inline: bool
    #: The opening tags when no ``id``/``lang`` is added (the usual case).
    block_open_plain: str
    inline_open_plain: str


@dataclass(frozen=True, slots=True)
class Tags:
    """An element whose tags a function computes; the walk writes its content."""

    fn: TagsFunction


@dataclass(frozen=True, slots=True)
class Full:
    """An element a function writes entirely, content included."""

    fn: Renderer


Handler = Static | Tags | Full

#: Element handlers by Clark name (``{http://www.tei-c.org/ns/1.0}p``).
HANDLERS: dict[str, Handler] = {}


def register(*tags: str) -> Callable[[Renderer], Renderer]:
    """Register the decorated function as the full renderer of each Clark name in ``tags``."""

    def add(fn: Renderer) -> Renderer:
        for tag in tags:
            HANDLERS[tag] = Full(fn)
        return fn

    return add


def register_tags(*tags: str) -> Callable[[TagsFunction], TagsFunction]:
    """Register the decorated function as the tags of each Clark name in ``tags``."""

    def add(fn: TagsFunction) -> TagsFunction:
        for tag in tags:
            HANDLERS[tag] = Tags(fn)
        return fn

    return add


def register_static(
    tag: str, block_tag: str, cls: str, *, inline_tag: str = "span", inner_inline: bool = True
) -> None:
    """Render ``tag`` as ``block_tag`` (``inline_tag`` in phrasing context) with class ``cls``."""
    block_open = f'<{block_tag} class="{cls}"'
    inline_open = f'<{inline_tag} class="{cls}"'
    HANDLERS[tag] = Static(
        block_open,
        f"</{block_tag}>",
        inline_open,
        f"</{inline_tag}>",
        inner_inline,
        block_open + ">",
        inline_open + ">",
    )


class Walker:
    """Writes HTML for a TEI subtree into :attr:`out`, a list of strings joined at the end."""

    __slots__ = ("ctx", "div_depth", "in_link", "marked", "out", "suppress_ids")

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.marked = ctx.ids.marked
        self.out: list[str] = []
        self.div_depth = 0
        self.in_link = False
        self.suppress_ids = False

    def children(self, el: etree._Element, inline: bool) -> None:
        """The content of ``el``: its text, each child rendered, each child's tail."""
        # The hottest loop of a rendering: escaping and the two commonest kinds of
        # handler are inlined, names bound locally, leaves written without a call.
        out = self.out
        append = out.append
        value = el.text
        if value:
            append(
                value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                if "&" in value or "<" in value or ">" in value
                else value
            )
        handler = HANDLERS.get
        marked = self.marked
        for child in el:
            tag = child.tag
            if tag.__class__ is str:
                h = handler(tag, GENERIC)
                if type(h) is Static:
                    if child in marked:
                        extra = self.common(child)
                        opening = (h.inline_open if inline else h.block_open) + extra + ">"
                    else:
                        opening = h.inline_open_plain if inline else h.block_open_plain
                    append(opening)
                    if len(child):
                        self.children(child, inline or h.inner_inline)
                    else:
                        value = child.text
                        if value:
                            append(
                                value.replace("&", "&amp;")
                                .replace("<", "&lt;")
                                .replace(">", "&gt;")
                                if "&" in value or "<" in value or ">" in value
                                else value
                            )
                    append(h.inline_close if inline else h.block_close)
                elif type(h) is Tags:
                    opening, closing, inner = h.fn(
                        self, child, inline, self.common(child) if child in marked else ""
                    )
                    append(opening)
                    if len(child):
                        self.children(child, inner)
                    else:
                        value = child.text
                        if value:
                            append(
                                value.replace("&", "&amp;")
                                .replace("<", "&lt;")
                                .replace(">", "&gt;")
                                if "&" in value or "<" in value or ">" in value
                                else value
                            )
                    append(closing)
                elif type(h) is Full:
                    h.fn(self, child, inline)
            value = child.tail
            if value:
                append(
                    value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    if "&" in value or "<" in value or ">" in value
                    else value
                )

    def render(self, el: etree._Element, inline: bool = False) -> None:
        """Render ``el`` itself (not only its content).

        Nesting deeper than Python's recursion allows is refused with one clear
        error (libxml2 already refuses more than 256 levels unless asked).
        """
        tag = el.tag
        if not isinstance(tag, str):
            return
        try:
            self.element(el, HANDLERS.get(tag, GENERIC), inline)
        except RecursionError:
            raise TeikitError("elements are nested too deeply to render") from None

    def element(self, el: etree._Element, h: Handler, inline: bool) -> None:
        """``el`` written by its handler ``h`` (what :meth:`children` does for each child)."""
        if isinstance(h, Full):
            h.fn(self, el, inline)
            return
        common = self.common(el)
        if isinstance(h, Static):
            self.out.append(f"{h.inline_open if inline else h.block_open}{common}>")
            self.children(el, inline or h.inner_inline)
            self.out.append(h.inline_close if inline else h.block_close)
            return
        opening, closing, inner = h.fn(self, el, inline, common)
        self.out.append(opening)
        self.children(el, inner)
        self.out.append(closing)

    def capture(self, el: etree._Element, inline: bool = True) -> str:
        """The HTML of ``el``'s content, rendered aside (ids suppressed: it may be shown twice)."""
        saved, saved_ids = self.out, self.suppress_ids
        self.out, self.suppress_ids = [], True
        try:
            self.children(el, inline)
            return "".join(self.out)
        finally:
            self.out, self.suppress_ids = saved, saved_ids

    def common(self, el: etree._Element) -> str:
        """``id`` (from ``xml:id``, once per page) and ``lang`` attributes for ``el``."""
        found = self.marked.get(el)
        if found is None:
            return ""
        xid, lang = found
        result = ""
        if xid and not self.suppress_ids and xid not in self.ctx.emitted_ids:
            self.ctx.emitted_ids.add(xid)
            result = f' id="{attr(xid)}"'
        if lang:
            result += f' lang="{attr(lang)}"'
        return result

    def wrap(
        self,
        el: etree._Element,
        inline: bool,
        block_tag: str,
        cls: str,
        *,
        inner_inline: bool = True,
        extra: str = "",
        inline_tag: str = "span",
    ) -> None:
        """``el`` as ``block_tag`` (or ``inline_tag`` in phrasing context) around its content."""
        name = inline_tag if inline else block_tag
        out = self.out
        out.append(f'<{name} class="{cls}"{self.common(el)}{extra}>')
        self.children(el, inline or inner_inline)
        out.append(f"</{name}>")


def _is_mixed(el: etree._Element) -> bool:
    """Whether ``el`` holds text of its own besides child elements (mixed content)."""
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


def generic(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    """Any element without its own handler: kept with its content and named in ``data-tei``.

    In block context it is a ``div`` whose content stays in block context
    unless it is mixed (text beside elements); in phrasing context a ``span``.
    Its ``@type`` and ``@rend`` join the class list for styling.
    """
    tag = str(el.tag)
    kind = el.get("type")
    key = ("generic", tag, kind, inline)
    cache = w.ctx.tags_cache
    tags = None if common else cache.get(key)
    if tags is None:
        name = local_name(tag)
        classes = "tei tei-" + name
        if kind:
            classes += " type-" + kind
        html_tag = "span" if inline else "div"
        tags = (
            f'<{html_tag} class="{attr(classes)}"{common} data-tei="{attr(name)}">',
            f"</{html_tag}>",
        )
        if not common:
            cache[key] = tags
    return tags[0], tags[1], inline or _is_mixed(el)


GENERIC = Tags(generic)
