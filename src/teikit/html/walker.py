"""The walk over a TEI tree: one handler per element name, a generic one for the rest.

:data:`HANDLERS` maps a TEI element (Clark name) to how it is written. Most
elements are only an opening and a closing tag around their content, so there
are kinds of handler, from cheapest to most general:

- :class:`Static`: a fixed pair of tags (``p``, ``cell``…), applied by the
  walk itself without a call;
- :class:`Keyed`: tags that depend only on the element's name and one
  attribute (names by their ``@ref``, highlights by their ``@rend``): the
  walk calls the function once per value and reuses its tags, since large
  editions repeat the same few hundred pointers and renditions thousands
  of times;
- :class:`Tags`: a function that reads the element's attributes and returns
  its tags; the walk writes the content between them;
- :class:`Pointer`: a pointer (``ref``): a function writes it the first time
  its ``@target`` is seen and leaves its tags in :attr:`Context.link_opens`,
  from which the walk writes the next ones, when they are plain (a leaf, no
  ``id``, not inside a link);
- :class:`Full`: a function that writes the element and its content itself
  (notes, turns, choices: anything with side effects or several parts).

An element with no handler (any name, any namespace) goes to :func:`generic`,
which keeps its content and names it in ``data-tei``, so that any TEI renders
and no text is dropped.

Each handler is told whether it stands in *phrasing* context (inside an
HTML paragraph, heading or span). There block elements (``p``, ``list``,
``table`` nested in a TEI ``p`` or ``note``) become ``span`` with a class the
stylesheet shows as a block: HTML's ``<p>`` cannot hold a ``<div>``, and a
browser would otherwise break the paragraph apart.

Why so: the walk is most of the cost of a rendering, and in Python that cost is
per element and per call, not per character. The handlers are compiled into two
tables of :class:`Entry` (one for block, one for phrasing context), so the walk
makes one dictionary look-up per element and finds there the tags already
chosen for its context; elements without children (most names, pointers and
highlights) have their text written directly, without a call to
:meth:`Walker.children`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, TypeVar

from lxml import etree

from teikit.errors import TeikitError
from teikit.html.context import IdMap, local_name
from teikit.html.safety import attr

if TYPE_CHECKING:
    from types import ModuleType

    from teikit.html.context import Context

Renderer = Callable[["Walker", "etree._Element", bool], None]
#: ``(walker, element, inline, common)`` → opening tag, closing tag, whether the
#: content is phrasing. ``common`` is the element's ``id``/``lang`` attributes
#: (see :meth:`Walker.common`), to go after its ``class``.
TagsFunction = Callable[["Walker", "etree._Element", bool, str], tuple[str, str, bool]]
#: A :data:`TagsFunction` that also says whether its tags may be reused for every
#: element of the same name, key attribute and context (``common`` being empty).
KeyedFunction = Callable[["Walker", "etree._Element", bool, str], tuple[str, str, bool, bool]]


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


@dataclass(frozen=True, slots=True)
class Tags:
    """An element whose tags a function computes; the walk writes its content."""

    fn: TagsFunction


@dataclass(frozen=True, slots=True)
class Keyed:
    """An element whose tags depend on its name and one attribute, made once per value.

    The key is the first non-empty value among ``attrs``. The function says,
    with each result, whether it may be reused (for instance not when the key
    is blank and another attribute decides).
    """

    fn: KeyedFunction
    attrs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Pointer:
    """A pointer written by ``fn``, which keeps its tags by ``@target`` in the context.

    ``fn`` leaves ``(opening without ">", closing, opening)`` in
    :attr:`Context.link_opens` under the ``@target`` value, the opening
    empty when the pointer is not written as a pair of tags (a note marker).
    """

    fn: Renderer


@dataclass(frozen=True, slots=True)
class Full:
    """An element a function writes entirely, content included."""

    fn: Renderer


Handler = Static | Tags | Keyed | Pointer | Full
#: A function a ``register_*`` decorator wraps into a handler.
_F = TypeVar("_F")

#: Element handlers by Clark name (``{http://www.tei-c.org/ns/1.0}p``). Change it
#: through the ``register`` functions, which keep the walk's tables in step.
HANDLERS: dict[str, Handler] = {}

#: Kinds of :class:`Entry`, in the order the walk tests them.
STATIC, POINTER, KEYED, TAGS, FULL, SKIP = range(6)


def _no_tags(w: Walker, el: etree._Element, inline: bool, common: str) -> tuple[str, str, bool]:
    raise AssertionError("not a tags entry")  # pragma: no cover


def _no_keyed(
    w: Walker, el: etree._Element, inline: bool, common: str
) -> tuple[str, str, bool, bool]:
    raise AssertionError("not a keyed entry")  # pragma: no cover


def _no_full(w: Walker, el: etree._Element, inline: bool) -> None:
    raise AssertionError("not a full entry")  # pragma: no cover


@dataclass(frozen=True, slots=True)
class Entry:
    """A handler as the walk uses it in one context (block or phrasing)."""

    kind: int
    #: STATIC: the opening tag when no ``id``/``lang`` is added (the usual case).
    opening: str = ""
    #: STATIC: the opening tag without its ``>``, for adding ``id``/``lang``.
    bare: str = ""
    closing: str = ""
    #: STATIC: whether the content is phrasing.
    inner: bool = True
    tags: TagsFunction = _no_tags
    keyed: KeyedFunction = _no_keyed
    full: Renderer = _no_full
    #: KEYED: the attribute giving the key, and the one read when it is absent or empty
    #: (as ``bytes``: lxml reads an attribute named so a little faster).
    key: bytes = b""
    fallback: bytes = b""
    #: KEYED: the tags made for each key value, in one walker (see :meth:`Walker.__init__`).
    cache: dict[str | None, tuple[str, str, bool]] = field(default_factory=dict)


def _entry(h: Handler, inline: bool) -> Entry:
    if isinstance(h, Static):
        bare = h.inline_open if inline else h.block_open
        closing = h.inline_close if inline else h.block_close
        return Entry(STATIC, bare + ">", bare, closing, inline or h.inner_inline)
    if isinstance(h, Keyed):
        key, *rest = h.attrs
        if len(rest) > 1:
            raise ValueError("a keyed handler reads at most two attributes")
        return Entry(
            KEYED, keyed=h.fn, key=key.encode(), fallback=rest[0].encode() if rest else b""
        )
    if isinstance(h, Tags):
        return Entry(TAGS, tags=h.fn)
    if isinstance(h, Pointer):
        return Entry(POINTER, full=h.fn)
    return Entry(FULL, full=h.fn)


#: The walk's tables: :data:`HANDLERS` compiled for block and for phrasing context
#: (each walker takes a copy with its own caches of keyed tags).
#: Comments, processing instructions and entities (whose ``tag`` is not a string)
#: write nothing but their tail.
_SKIP = Entry(SKIP)
BLOCK: dict[object, Entry] = {etree.Comment: _SKIP, etree.PI: _SKIP, etree.Entity: _SKIP}
INLINE: dict[object, Entry] = dict(BLOCK)


def _own(table: dict[object, Entry]) -> dict[object, Entry]:
    """``table`` with a new, empty cache in each keyed entry."""
    return {k: replace(e, cache={}) if e.kind == KEYED else e for k, e in table.items()}


def install(tag: str, h: Handler) -> None:
    """Make ``h`` the handler of the Clark name ``tag``."""
    HANDLERS[tag] = h
    BLOCK[tag] = _entry(h, False)
    INLINE[tag] = _entry(h, True)


def _registrar(tags: tuple[str, ...], wrap: Callable[[_F], Handler]) -> Callable[[_F], _F]:
    """A decorator installing ``wrap(fn)`` as the handler of each Clark name in ``tags``."""

    def add(fn: _F) -> _F:
        for tag in tags:
            install(tag, wrap(fn))
        return fn

    return add


def register(*tags: str) -> Callable[[Renderer], Renderer]:
    """Register the decorated function as the full renderer of each Clark name in ``tags``."""
    return _registrar(tags, Full)


def register_pointer(*tags: str) -> Callable[[Renderer], Renderer]:
    """Register the decorated function as the :class:`Pointer` renderer of each name in ``tags``."""
    return _registrar(tags, Pointer)


def register_tags(*tags: str) -> Callable[[TagsFunction], TagsFunction]:
    """Register the decorated function as the tags of each Clark name in ``tags``."""
    return _registrar(tags, Tags)


def register_keyed(*tags: str, attrs: tuple[str, ...]) -> Callable[[KeyedFunction], KeyedFunction]:
    """Register the decorated function as the :class:`Keyed` tags of each name in ``tags``."""
    return _registrar(tags, lambda fn: Keyed(fn, attrs))


def register_static(
    tag: str, block_tag: str, cls: str, *, inline_tag: str = "span", inner_inline: bool = True
) -> None:
    """Render ``tag`` as ``block_tag`` (``inline_tag`` in phrasing context) with class ``cls``."""
    install(
        tag,
        Static(
            f'<{block_tag} class="{cls}"',
            f"</{block_tag}>",
            f'<{inline_tag} class="{cls}"',
            f"</{inline_tag}>",
            inner_inline,
        ),
    )


class Walker:
    """Writes HTML for a TEI subtree into :attr:`out`, a list of strings joined at the end."""

    __slots__ = (
        "block_entries",
        "ctx",
        "div_depth",
        "in_link",
        "inline_entries",
        "marked",
        "names",
        "out",
        "suppress_ids",
    )

    def __init__(self, ctx: Context) -> None:
        self.ctx = ctx
        self.marked = ctx.ids.marked
        self.out: list[str] = []
        self.div_depth = 0
        self.in_link = False
        self.suppress_ids = False
        # the tables, each keyed entry with an empty cache of its own: the tags of names
        # depend on the document (their titles), so they are kept per walker
        self.block_entries = _own(BLOCK)
        self.inline_entries = _own(INLINE)
        # the compiled walk's entries by name pointer (see the end of this module)
        self.names: object = (
            _compiled.Names(self.block_entries, self.inline_entries) if _compiled else None
        )

    def children(self, el: etree._Element, inline: bool) -> None:
        """The content of ``el``: its text, each child rendered, each child's tail."""
        # The hottest loop of a rendering: escaping and the commonest kinds of
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
        entry = self.inline_entries.get if inline else self.block_entries.get
        marked = self.marked
        for child in el:
            h = entry(child.tag, GENERIC_ENTRY)
            kind = h.kind
            if kind == STATIC:
                append(h.bare + self.common(child) + ">" if child in marked else h.opening)
                if len(child):
                    self.children(child, h.inner)
                else:
                    value = child.text
                    if value:
                        append(
                            value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                            if "&" in value or "<" in value or ">" in value
                            else value
                        )
                append(h.closing)
            elif kind == POINTER:
                target = child.get(b"target") or ""
                link = self.ctx.link_opens.get(target)
                if link is None or not link[0] or self.in_link or len(child) or child in marked:
                    h.full(self, child, inline)
                else:
                    append(link[2])
                    value = child.text
                    if not value or value.isspace():
                        value = target
                    append(
                        value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                        if "&" in value or "<" in value or ">" in value
                        else value
                    )
                    append(link[1])
            elif kind <= TAGS:  # KEYED or TAGS
                if kind == TAGS:
                    opening, closing, inner = h.tags(
                        self, child, inline, self.common(child) if child in marked else ""
                    )
                elif child in marked:
                    opening, closing, inner, _ = h.keyed(self, child, inline, self.common(child))
                else:
                    key = child.get(h.key) or (child.get(h.fallback) if h.fallback else None)
                    tags = h.cache.get(key)
                    if tags is None:
                        opening, closing, inner, reuse = h.keyed(self, child, inline, "")
                        if reuse:
                            h.cache[key] = (opening, closing, inner)
                    else:
                        opening, closing, inner = tags
                append(opening)
                if len(child):
                    self.children(child, inner)
                else:
                    value = child.text
                    if value:
                        append(
                            value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
                            if "&" in value or "<" in value or ">" in value
                            else value
                        )
                append(closing)
            elif kind == FULL:
                h.full(self, child, inline)
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
        if isinstance(h, Full | Pointer):
            h.fn(self, el, inline)
            return
        common = self.common(el)
        if isinstance(h, Static):
            self.out.append(f"{h.inline_open if inline else h.block_open}{common}>")
            self.children(el, inline or h.inner_inline)
            self.out.append(h.inline_close if inline else h.block_close)
            return
        if isinstance(h, Keyed):
            opening, closing, inner, _ = h.fn(self, el, inline, common)
        else:
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
GENERIC_ENTRY = Entry(TAGS, tags=generic)


#: The walk's loop compiled against lxml's C API (``_walk.pyx``), when it was built
#: (``pip install -e .`` builds it where a C compiler is found; see the README): the
#: same output at about half the cost of the Python loop, which stays the fallback.
#: ``TEIKIT_PURE_PYTHON=1`` in the environment keeps the Python loop.
_compiled: ModuleType | None = None
if not os.environ.get("TEIKIT_PURE_PYTHON"):
    try:
        from teikit.html import _walk as _compiled
    except ImportError:  # not built: no compiler, or a wheel without it
        _compiled = None
# it reads lxml's objects in C: built against another major version of lxml, it is not used
if _compiled is not None and _compiled.LXML_BUILT.split(".")[0] != etree.__version__.split(".")[0]:
    _compiled = None

#: The Python loop and reading of ids, kept for comparing (``tests/html/test_compiled_walk.py``).
PURE_CHILDREN = Walker.children
PURE_READ_IDS = IdMap.__dict__["read"]
if _compiled is not None:
    _compiled.setup(STATIC, POINTER, KEYED, TAGS, FULL, GENERIC_ENTRY)
    Walker.children = _compiled.children  # type: ignore[method-assign]
    IdMap.read = staticmethod(_compiled.read_ids)  # type: ignore[method-assign]
