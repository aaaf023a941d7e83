"""The walk over a TEI tree: one renderer per element name, a generic one for the rest.

:data:`RENDERERS` maps a TEI element (Clark name) to a function that writes its
HTML; :func:`register` adds one. An element with no renderer (any name,
any namespace) goes to :func:`generic`, which keeps its content and names it
in ``data-tei``, so that any TEI renders and no text is dropped.

Each renderer is told whether it stands in *phrasing* context (inside an
HTML paragraph, heading or span). There block elements (``p``, ``list``,
``table`` nested in a TEI ``p`` or ``note``) become ``span`` with a class the
stylesheet shows as a block: HTML's ``<p>`` cannot hold a ``<div>``, and a
browser would otherwise break the paragraph apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teikit.errors import TeikitError
from teikit.html.context import XML_ID, XML_LANG, local_name
from teikit.html.safety import attr, text

if TYPE_CHECKING:
    from lxml import etree

    from teikit.html.context import Context

Renderer = Callable[["Walker", "etree._Element", bool], None]

#: Element renderers by Clark name (``{http://www.tei-c.org/ns/1.0}p``).
RENDERERS: dict[str, Renderer] = {}


@dataclass(frozen=True, slots=True)
class Static:
    """A renderer that is only a pair of tags, applied by the walk itself (no call).

    ``block_open``/``inline_open`` are opening tags without their closing
    ``>``, so that ``id`` and ``lang`` can be added.
    """

    block_open: str
    block_close: str
    inline_open: str
    inline_close: str
    #: Whether the content is phrasing when the element is rendered as a block.
    inner_inline: bool


#: Renderers that are only tags, by Clark name; :func:`register_static` fills it.
STATIC: dict[str, Static] = {}


def register(*tags: str) -> Callable[[Renderer], Renderer]:
    """Register the decorated function as the renderer of each Clark name in ``tags``."""

    def add(fn: Renderer) -> Renderer:
        for tag in tags:
            RENDERERS[tag] = fn
        return fn

    return add


def register_static(
    tag: str, block_tag: str, cls: str, *, inline_tag: str = "span", inner_inline: bool = True
) -> None:
    """Render ``tag`` as ``block_tag`` (``inline_tag`` in phrasing context) with class ``cls``."""
    spec = Static(
        f'<{block_tag} class="{cls}"',
        f"</{block_tag}>",
        f'<{inline_tag} class="{cls}"',
        f"</{inline_tag}>",
        inner_inline,
    )
    STATIC[tag] = spec

    def render_static(w: Walker, el: etree._Element, inline: bool) -> None:
        w.static(spec, el, inline)

    RENDERERS[tag] = render_static


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
        # The hottest loop of a rendering: escaping is inlined, names bound locally.
        out = self.out
        value = el.text
        if value:
            out.append(
                value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                if "&" in value or "<" in value or ">" in value
                else value
            )
        get = RENDERERS.get
        static = STATIC.get
        marked = self.marked
        for child in el:
            tag = child.tag
            if tag.__class__ is str:
                spec = static(tag)
                if spec is None:
                    get(tag, generic)(self, child, inline)
                else:
                    # inlined :meth:`static`, the commonest case
                    extra = self.common(child) if child in marked else ""
                    if inline:
                        out.append(f"{spec.inline_open}{extra}>")
                        self.children(child, True)
                        out.append(spec.inline_close)
                    else:
                        out.append(f"{spec.block_open}{extra}>")
                        self.children(child, spec.inner_inline)
                        out.append(spec.block_close)
            value = child.tail
            if value:
                out.append(
                    value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                    if "&" in value or "<" in value or ">" in value
                    else value
                )

    def render(self, el: etree._Element, inline: bool = False) -> None:
        """Render ``el`` itself (not only its content).

        Nesting deeper than Python's recursion allows is refused with one clear
        error (libxml2 already refuses more than 256 levels unless asked).
        """
        if not isinstance(el.tag, str):
            return
        try:
            RENDERERS.get(el.tag, generic)(self, el, inline)
        except RecursionError:
            raise TeikitError("elements are nested too deeply to render") from None

    def capture(self, el: etree._Element, inline: bool = True) -> str:
        """The HTML of ``el``'s content, rendered aside (ids suppressed: it may be shown twice)."""
        saved, saved_ids = self.out, self.suppress_ids
        self.out, self.suppress_ids = [], True
        try:
            self.children(el, inline)
            return "".join(self.out)
        finally:
            self.out, self.suppress_ids = saved, saved_ids

    def static(self, spec: Static, el: etree._Element, inline: bool) -> None:
        """``el`` rendered by a :class:`Static` spec."""
        extra = self.common(el)
        if inline:
            self.out.append(f"{spec.inline_open}{extra}>")
            self.children(el, True)
            self.out.append(spec.inline_close)
        else:
            self.out.append(f"{spec.block_open}{extra}>")
            self.children(el, spec.inner_inline)
            self.out.append(spec.block_close)

    def common(self, el: etree._Element) -> str:
        """``id`` (from ``xml:id``, once per page) and ``lang`` attributes for ``el``."""
        if el not in self.marked:
            return ""
        result = ""
        xid = el.get(XML_ID)
        if xid and not self.suppress_ids and xid not in self.ctx.emitted_ids:
            self.ctx.emitted_ids.add(xid)
            result = f' id="{attr(xid)}"'
        lang = el.get(XML_LANG)
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
        if len(el) or not inline or not inner_inline:
            self.children(el, inline or inner_inline)
        elif el.text:
            # a leaf (most names, pointers and highlights): its text without a walk
            out.append(text(el.text))
        out.append(f"</{name}>")


def _is_mixed(el: etree._Element) -> bool:
    """Whether ``el`` holds text of its own besides child elements (mixed content)."""
    if el.text and el.text.strip():
        return True
    return any(c.tail and c.tail.strip() for c in el)


def generic(w: Walker, el: etree._Element, inline: bool) -> None:
    """Any element without its own renderer: kept with its content and named in ``data-tei``.

    In block context it is a ``div`` whose content stays in block context
    unless it is mixed (text beside elements); in phrasing context a ``span``.
    Its ``@type`` and ``@rend`` join the class list for styling.
    """
    name = local_name(el.tag)
    classes = "tei tei-" + name
    kind = el.get("type")
    if kind:
        classes += " type-" + kind
    extra = f' data-tei="{attr(name)}"'
    if inline:
        w.wrap(el, True, "span", attr(classes), extra=extra)
    else:
        w.wrap(el, False, "div", attr(classes), inner_inline=_is_mixed(el), extra=extra)
