"""The header panel: what the ``teiHeader`` says about a document, at a glance.

Title, date, archive and call numbers, responsibilities (translator, editors,
encoder), languages, summary, participants (each with links to their turns),
and the full header in a collapsed section below, so nothing in it is lost.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.html.context import T, local_name, text_of
from teikit.html.safety import attr, text

if TYPE_CHECKING:
    from lxml import etree

    from teikit.html.context import Context
    from teikit.html.walker import Walker


@dataclass(slots=True)
class Facts:
    """What the index and the panel both show about one document."""

    title: str = ""
    date: str = ""
    when: str = ""
    kind: str = ""
    archive: str = ""
    call_numbers: list[tuple[str, str]] = field(default_factory=list)
    responsibilities: list[tuple[str, str]] = field(default_factory=list)
    languages: list[str] = field(default_factory=list)
    summary: str = ""


def _first(root: etree._Element, *paths: str) -> etree._Element | None:
    for path in paths:
        found = root.find(path)
        if found is not None:
            return found
    return None


def facts(root: etree._Element) -> Facts:
    """The header's facts for ``root`` (a ``TEI`` element; any other gives what it can)."""
    f = Facts()
    header = root.find(f"{T}teiHeader")
    main = main_title(root)
    if main is not None:
        f.title = _as_corrected(main)
    date = None
    if header is not None:
        date = _first(
            header,
            f"{T}profileDesc/{T}creation/{T}date",
            f"{T}fileDesc/{T}sourceDesc//{T}date",
        )
    if date is None:
        # the first dated dateline of the text; ``iter`` stops at the first hit
        date = next((d for line in root.iter(f"{T}dateline") for d in line.iter(f"{T}date")), None)
    if date is None and header is not None:
        date = header.find(f"{T}fileDesc/{T}publicationStmt/{T}date")
    if date is not None:
        f.date = text_of(date)
        f.when = date.get("when") or date.get("notBefore") or date.get("from") or f.date
    body_div = _first(root, f"{T}text/{T}body/{T}div", f".//{T}text")
    if body_div is not None:
        f.kind = body_div.get("type") or ""
    ident = (
        header.find(f"{T}fileDesc/{T}sourceDesc//{T}msIdentifier") if header is not None else None
    )
    if ident is not None:
        places = [
            text_of(c)
            for c in ident
            if c.tag in (f"{T}repository", f"{T}collection", f"{T}institution")
        ]
        settlement = ident.find(f"{T}settlement")
        if settlement is not None:
            places.append(text_of(settlement))
        f.archive = ", ".join(p for p in places if p)
        f.call_numbers = [(c.get("type") or "", text_of(c)) for c in ident.iter(f"{T}idno")]
    elif header is not None:
        pub = header.find(f"{T}fileDesc/{T}publicationStmt/{T}publisher")
        f.archive = text_of(pub) if pub is not None else ""
    if header is not None:
        for stmt in header.iter(f"{T}respStmt"):
            what = "; ".join(text_of(r) for r in stmt.iter(f"{T}resp"))
            who = ", ".join(text_of(c) for c in stmt if c.tag != f"{T}resp")
            f.responsibilities.append((what, who))
        title_stmt = header.find(f"{T}fileDesc/{T}titleStmt")
        if title_stmt is not None:
            for el in title_stmt.iter(f"{T}author", f"{T}editor"):
                label = local_name(el.tag).capitalize()
                role = el.get("role")
                f.responsibilities.append((f"{label} ({role})" if role else label, text_of(el)))
        f.languages = [
            text_of(lang) or (lang.get("ident") or "") for lang in header.iter(f"{T}language")
        ]
        summary = _first(
            header,
            f"{T}fileDesc/{T}sourceDesc//{T}msContents/{T}summary",
            f"{T}profileDesc/{T}abstract",
        )
        if summary is not None:
            f.summary = text_of(summary)
    return f


def main_title(root: etree._Element) -> etree._Element | None:
    """The ``titleStmt`` title typed ``main``, else the first one."""
    titles = root.findall(f"{T}teiHeader/{T}fileDesc/{T}titleStmt/{T}title")
    return next((t for t in titles if t.get("type") == "main"), titles[0] if titles else None)


def _as_corrected(el: etree._Element) -> str:
    """Text of ``el`` reading each ``choice`` as corrected (``sic``/``orig``/``abbr`` left out)."""
    skip = {f"{T}sic", f"{T}orig", f"{T}abbr"}
    parts: list[str] = []

    def walk(node: etree._Element, in_choice: bool) -> None:
        if node.text:
            parts.append(node.text)
        for child in node:
            if not (in_choice and child.tag in skip) and isinstance(child.tag, str):
                walk(child, child.tag == f"{T}choice")
            if child.tail:
                parts.append(child.tail)

    walk(el, False)
    return " ".join("".join(parts).split())


def _row(label: str, value_html: str) -> str:
    return f"<dt>{text(label)}</dt><dd>{value_html}</dd>" if value_html else ""


def render_panel(w: Walker, root: etree._Element, f: Facts) -> None:
    """The panel, written into ``w``; the title is rendered from the TEI (corrections kept)."""
    ctx = w.ctx
    out = w.out
    header = root.find(f"{T}teiHeader")
    main = main_title(root)
    out.append('<header class="tei-header"><h1 class="title">')
    if main is not None:
        out.append(w.capture(main))
    else:
        out.append(text(f.title or "Untitled document"))
    out.append('</h1><dl class="facts">')
    if f.date:
        out.append(_row("Date", f'<time datetime="{attr(f.when)}">{text(f.date)}</time>'))
    if f.kind:
        out.append(_row("Kind", text(f.kind)))
    out.append(_row("Archive", text(f.archive)))
    calls = ", ".join(
        text(v) + (f" <small>({text(k)})</small>" if k else "") for k, v in f.call_numbers
    )
    out.append(_row("Call numbers", calls))
    for what, who in f.responsibilities:
        out.append(_row(what or "Responsibility", text(who)))
    out.append(_row("Languages", text(", ".join(f.languages))))
    out.append(_row("Summary", text(f.summary)))
    out.append("</dl>")
    _participants(ctx, out)
    if header is not None:
        out.append('<details class="full-header"><summary>Full header</summary>')
        w.children(header, False)
        out.append("</details>")
    out.append("</header>")


def _participants(ctx: Context, out: list[str]) -> None:
    if not ctx.persons:
        return
    out.append('<section class="participants"><h2>Participants</h2><ul>')
    for person in ctx.persons.values():
        out.append(
            f'<li class="person pc{person.colour}" id="tk-person-{attr(person.id)}">'
            f'<span class="swatch" aria-hidden="true"></span>'
            f'<b title="{attr(person.label)}">{text(person.full_name)}</b>'
        )
        if person.role:
            out.append(f' <span class="role">{text(person.role)}</span>')
        if person.turns:
            links = " ".join(
                f'<a href="#{turn}">{i}</a>' for i, turn in enumerate(person.turns, start=1)
            )
            count = len(person.turns)
            out.append(
                f' <span class="turns">{count} turn{"s" if count != 1 else ""}: {links}</span>'
                f' <button type="button" class="only-person" data-person="{attr(person.id)}"'
                ' aria-pressed="false">show only these turns</button>'
            )
        out.append("</li>")
    out.append("</ul></section>")
