"""A directory of reading views with ``index.html``: the corpus as a filterable table.

:func:`write_site` renders every document first and writes only when all of
them rendered, so a bad file leaves no half-made site behind. The index lists
date, kind, title, participants and archive; a reader filters by person and
kind and searches the texts, all in the page (the texts travel inside it as
JSON, so no request is made).
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path

from teikit.html.context import T, squeeze
from teikit.html.page import json_for_script, page
from teikit.html.reading import Doc, as_root, read
from teikit.html.safety import attr, text
from teikit.xmlio import write_atomic


@dataclass(frozen=True, slots=True)
class Entry:
    """One row of the index."""

    href: str
    title: str
    date: str
    when: str
    kind: str
    archive: str
    persons: tuple[str, ...]
    text: str


def _page_name(path: Path, taken: set[str]) -> str:
    stem = path.stem or "document"
    name = f"{stem}.html"
    n = 2
    while name in taken or name == "index.html":
        name = f"{stem}-{n}.html"
        n += 1
    taken.add(name)
    return name


def render_site(
    docs: list[tuple[str, Doc]],
) -> tuple[dict[str, str], str]:
    """Pages by file name and the index page, for ``(name, doc)`` pairs; nothing is written."""
    pages: dict[str, str] = {}
    entries: list[Entry] = []
    taken: set[str] = set()
    for name, doc in docs:
        root = as_root(doc)
        reading = read(root, index_href="index.html")
        href = _page_name(Path(name), taken)
        pages[href] = page(
            reading.facts.title or href,
            reading.html,
            styles=("reading.css",),
            scripts=("reading.js",),
            lang=reading.lang,
        )
        body = root.find(f"{T}text")
        f = reading.facts
        entries.append(
            Entry(
                href,
                f.title or Path(name).stem,
                f.date,
                f.when,
                f.kind,
                f.archive,
                reading.persons,
                squeeze("".join(body.itertext())) if body is not None else "",
            )
        )
    return pages, index_page(entries)


def index_page(entries: list[Entry]) -> str:
    """The corpus index: a sortable-by-date table with person/kind filters and text search."""
    entries = sorted(entries, key=lambda e: (e.when or "9999", e.title))
    persons = sorted({p for e in entries for p in e.persons})
    kinds = sorted({e.kind for e in entries if e.kind})
    rows = []
    for i, e in enumerate(entries):
        rows.append(
            f'<tr data-row="{i}"><td><time datetime="{attr(e.when)}">{text(e.date)}</time></td>'
            f"<td>{text(e.kind)}</td>"
            f'<td><a href="{attr(e.href)}">{text(e.title)}</a></td>'
            f"<td>{text(', '.join(e.persons))}</td><td>{text(e.archive)}</td></tr>"
        )
    options = "".join(f'<option value="{attr(p)}">{text(p)}</option>' for p in persons)
    kind_options = "".join(f'<option value="{attr(k)}">{text(k)}</option>' for k in kinds)
    data = json.dumps(
        [{"persons": list(e.persons), "kind": e.kind, "text": e.text} for e in entries],
        ensure_ascii=False,
    )
    body = (
        '<header class="index-header"><h1>Documents</h1>'
        '<form class="filters" role="search" aria-label="filter documents">'
        '<label>Search the texts <input type="search" id="tk-search" autocomplete="off"></label>'
        '<label>Person <select id="tk-person"><option value="">all</option>'
        f"{options}</select></label>"
        '<label>Kind <select id="tk-kind"><option value="">all</option>'
        f"{kind_options}</select></label>"
        f'<output id="tk-count" aria-live="polite">{len(entries)} documents</output>'
        "</form></header>"
        '<main><table class="documents"><thead><tr><th scope="col">Date</th>'
        '<th scope="col">Kind</th><th scope="col">Title</th><th scope="col">Participants</th>'
        '<th scope="col">Archive</th></tr></thead><tbody>'
        + "".join(rows)
        + "</tbody></table></main>"
    )
    return page(
        "Documents",
        body,
        styles=("index.css",),
        scripts=("index.js",),
        data=json_for_script(data),
    )


def write_site(paths: list[str | os.PathLike[str]], out_dir: str | os.PathLike[str]) -> list[Path]:
    """Render ``paths`` into ``out_dir`` (one page each, plus ``index.html``); the files written."""
    pages, index = render_site([(os.fspath(p), p) for p in paths])
    out = Path(out_dir)
    written = []
    for name, html in pages.items():
        write_atomic(out / name, html.encode("utf-8"))
        written.append(out / name)
    write_atomic(out / "index.html", index.encode("utf-8"))
    written.append(out / "index.html")
    return written
