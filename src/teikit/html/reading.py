"""The reading view: one self-contained HTML page per TEI document.

:func:`render` takes a path, an lxml tree or an element and returns the page.
The body is rendered first (it discovers the speakers and their turns), then
the header panel, then the list of footnotes with links back to the text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from lxml import etree

import teikit.html.elements  # noqa: F401  (fills the renderer registry)
from teikit.html.context import XML_LANG, T, build_context
from teikit.html.header import Facts, facts, render_panel
from teikit.html.page import page
from teikit.html.safety import attr, text
from teikit.html.walker import Walker
from teikit.inputs import XmlInput, is_stream, read_stream, refuse_markup_path, stream_name
from teikit.xmlio import parse_bytes, parse_file

if TYPE_CHECKING:
    from teikit.html.context import Context

#: What the renderers read: see :data:`teikit.inputs.XmlInput` (a ``str`` is a path).
Doc = XmlInput


@dataclass(frozen=True, slots=True)
class Reading:
    """A rendered document: the inner HTML of its ``<main>`` and its header facts."""

    html: str
    facts: Facts
    lang: str
    persons: tuple[str, ...]


def as_root(doc: Doc) -> etree._Element:
    """The root element of ``doc``, read as everywhere in teikit (:mod:`teikit.inputs`).

    A ``str`` or ``os.PathLike`` is a path; ``bytes`` and binary files are XML
    content; anything read is parsed safely (no DTD, no entities, no network).
    """
    if isinstance(doc, etree._ElementTree):
        return doc.getroot()
    if isinstance(doc, etree._Element):
        return doc
    if isinstance(doc, bytes):
        return parse_bytes(doc).getroot()
    if is_stream(doc):
        name = stream_name(doc, "<stream>")
        return parse_bytes(read_stream(doc, name), name).getroot()
    refuse_markup_path(doc, "render")
    return parse_file(doc).getroot()


def _footnote_list(ctx: Context, parts: list[str]) -> None:
    """The notes listed at the end, written into ``parts`` (their content is not copied)."""
    if not ctx.footnotes:
        return
    parts.append('<section class="footnotes"><h2>Notes</h2><ol>')
    for fn in ctx.footnotes:
        parts.append(
            f'<li id="tk-fn-{fn.number}" value="{fn.number}">'
            f'<span class="fn-label"{fn.attrs}>{text(fn.label)}</span> '
        )
        parts.append(fn.html)
        parts.append(
            "".join(
                f' <a class="backref" href="#{ref}" aria-label="back to the text">↩</a>'
                for ref in fn.refs
            )
            + "</li>"
        )
    parts.append("</ol></section>")


def toolbar(has_choices: bool, index_href: str | None) -> str:
    """Reading controls; the sic/corr toggle only when the document has corrections."""
    parts = ['<nav class="toolbar" aria-label="reading controls">']
    if index_href:
        parts.append(f'<a href="{attr(index_href)}">All documents</a>')
    if has_choices:
        parts.append(
            '<button type="button" id="tk-reading" aria-pressed="false" '
            'title="switch between the text as written and as corrected">'
            "Showing: as corrected</button>"
        )
    parts.append("</nav>")
    return "".join(parts)


def _compose(doc: Doc, index_href: str | None) -> tuple[list[str], Facts, str, Context]:
    """The reading view's content as a list of strings, its facts, language and context.

    The parts are joined once, by the caller: a large volume's page is
    megabytes of text, and each intermediate string would copy all of it.
    """
    root = as_root(doc)
    ctx = build_context(root)
    walker = Walker(ctx)
    if root.tag in (f"{T}TEI", f"{T}teiCorpus"):
        texts = [c for c in root if isinstance(c.tag, str) and c.tag != f"{T}teiHeader"]
    else:
        texts = [root]
    for el in texts:
        walker.render(el)
    body = walker.out
    walker.out = []
    f = facts(root)
    render_panel(walker, root, f)
    # the toolbar last: the panel's title may hold the document's only correction
    parts = [toolbar(ctx.has_choices, index_href)]
    parts += walker.out
    parts.append('<main class="reading">')
    parts += body
    _footnote_list(ctx, parts)
    parts.append("</main>")
    return parts, f, root.get(XML_LANG) or "en", ctx


def read(doc: Doc, *, index_href: str | None = None) -> Reading:
    """Render ``doc``'s reading view content (header panel, text, notes) without the page."""
    parts, f, lang, ctx = _compose(doc, index_href)
    return Reading("".join(parts), f, lang, tuple(p.full_name for p in ctx.persons.values()))


def render(doc: Doc, *, index_href: str | None = None) -> str:
    """The reading view of ``doc`` as one self-contained HTML page.

    ``index_href``, when given, adds a link back to the corpus index.
    """
    parts, f, lang, _ = _compose(doc, index_href)
    return page(
        f.title or "TEI document",
        parts,
        styles=("reading.css",),
        scripts=("reading.js",),
        lang=lang,
    )
