"""``teikit.convert``: raw transcription (+ sidecar) → validated TEI and a report."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.convert import decisions, fallback, validation
from teikit.convert.builder import element, fill, fill_nodes
from teikit.convert.header import (
    TRANSCRIPTION_LANGUAGE,
    HeaderInfo,
    build_header,
    foreign_tag,
    language_code,
)
from teikit.convert.inline import Correction, InlineContext, Node, render_corrections
from teikit.convert.integrity import check_nothing_lost
from teikit.convert.persons import Registry
from teikit.convert.plan import plan_of
from teikit.convert.recognizers.dates import parse_date
from teikit.convert.recognizers.docdate import document_date
from teikit.convert.report import ConversionReport
from teikit.convert.structure import Assembler, read_blocks, render_marked
from teikit.convert.zones import Block, join_lines
from teikit.errors import SourceLocation, TeikitError
from teikit.serialize import tei_bytes
from teikit.xmlio import TEI_NS, write_atomic

if TYPE_CHECKING:
    import os

    from teikit.convert.sidecar import Sidecar
    from teikit.convert.source import Transcription

SIDECAR_SUFFIX = ".sidecar.toml"


@dataclass(frozen=True)
class ConversionResult:
    """One converted document: the TEI tree, its serialized bytes, and the report."""

    name: str
    tree: etree._ElementTree
    data: bytes
    report: ConversionReport


def sidecar_for(path: str | os.PathLike[str]) -> Path | None:
    """``NAME.sidecar.toml`` beside ``NAME.txt``, if it exists."""
    p = Path(path)
    candidate = p.with_name(p.stem + SIDECAR_SUFFIX)
    return candidate if candidate.is_file() else None


def convert_source(
    src: Transcription, side: Sidecar, doc_name: str, *, validate: bool = True
) -> ConversionResult:
    """Convert an already decoded :class:`Transcription` with a parsed sidecar."""
    report = ConversionReport(doc_name)
    # the tree is built in a function of its own: the blocks, lines and runs it is
    # made from are freed when it returns, before the output is serialized and checked
    tree = _build_tree(src, side, doc_name, report)

    def where(el: etree._Element) -> tuple[int, int]:
        return fallback.locate(src, el)

    # a recognizer's miss degrades the structure, it never refuses the document
    fallback.keep_unanchored(tree.getroot(), where, report)
    if validate:
        ok, problems = fallback.repair(tree, validation.tree_problems, where, report)
        if not ok:
            fallback.flatten_body(tree.getroot())
            report.unsure(1, 1, "the structure found was not encodable; every block kept as p")
            ok, problems = fallback.repair(tree, validation.tree_problems, where, report)
        if not ok:
            # not a recognizer's miss (the header, say): refused at the raw text
            validation.check(tei_bytes(tree), f"{doc_name}.xml", src)
        elements = fallback.number_elements(tree.getroot())
        for problem in problems:
            el = elements[problem.line - 1] if 1 <= problem.line <= len(elements) else None
            line, col = where(el) if el is not None else (1, 1)
            if problem.severity == "error":
                raise TeikitError(
                    f"the converter could not build valid TEI here: {problem.message}",
                    SourceLocation(src.name, line, col),
                )
            report.unsure(line, col, f"schema {problem.severity}: {problem.message}")
    check_nothing_lost(src, tree.getroot())  # every raw word is in the TEI, or an error
    data = tei_bytes(tree)
    return ConversionResult(doc_name, tree, data, report)


def _build_tree(
    src: Transcription, side: Sidecar, doc_name: str, report: ConversionReport
) -> etree._ElementTree:
    if not src.text.strip():
        raise TeikitError("the transcription is empty", SourceLocation(src.name, 1, 1))
    frame, blocks = read_blocks(src)
    lang_blocks = frame.fields.get("original language") or []
    original = language_code(side.original_language) or language_code(
        lang_blocks[0].text if lang_blocks else None
    )
    plan = plan_of(src.text)
    date_text: str | None = None
    date_when: str | None = None
    date_cert: str | None = None
    if side.date:
        date_when = side.date
        date_text = side.date
    elif frame.date:
        date_text, date_when = frame.date, parse_date(frame.date)
    else:  # the document's own date (conv-dates: recognizers/docdate.py)
        own = document_date(src.text)
        if own is not None:
            date_when, date_text = own.when, own.text
            date_cert = own.cert
            if own.cert == "medium":  # day and month could be read either way
                report.unsure(own.line, own.col, f"document date {own.when} ({own.reason})")
    year = int(date_when[:4]) if date_when else None
    corrections = [
        Correction(
            c.sic,
            c.corr,
            c.resp,
            c.cert,
            c.line,
            i,
            re.compile(rf"(?<!\w){re.escape(c.sic)}(?!\w)"),
        )
        for i, c in enumerate(side.corrections)
    ]
    ctx = InlineContext(
        source=src,
        report=report,
        foreign_lang=foreign_tag(original),
        default_year=year,
        corrections=corrections,
    )
    persons = Registry(side.persons)
    line_of = {f.offset: f.number for f in plan.doc.lines}
    decided = decisions.apply(plan, side.structure, line_of)
    ctx.glosses = decided.glosses
    body = Assembler(ctx, persons, side.kind, plan, decided).assemble(blocks)
    for gloss in decided.gloss_entries:
        content = gloss.text[1:-1] if gloss.text[:1] in "[(" else gloss.text
        if content.strip() not in ctx.glosses_used:
            raise TeikitError(
                f"structure entry {gloss.text!r} matches no bracket of the text", gloss.location
            )
    report.count("speakers", sum(1 for e in persons.entries.values() if e.role == "speaker"))
    report.count("hyphenations", sum(1 for h in body.hyphenations if h.resolved))

    def render_frame(block: Block) -> list[Node]:
        return render_corrections(join_lines(block.lines), ctx)

    if side.title:
        title: list[Node] = [side.title]
    elif frame.title is not None:
        title = render_frame(frame.title)
    else:
        title = [" ".join((body.heads[0] if body.heads else doc_name).split())]
    info = HeaderInfo(
        name=doc_name,
        raw_name=Path(src.name).name,
        title=title,
        render=render_frame,
        frame=frame,
        sidecar=side,
        persons=persons,
        date_text=date_text,
        date_when=date_when,
        date_cert=date_cert,
        original_language=original,
        hyphenations=body.hyphenations,
        dropped=body.dropped,
        archival_ids=_archival_ids(body.div),
    )
    root = element(None, "TEI", xml_lang=TRANSCRIPTION_LANGUAGE)
    root.append(build_header(info))
    for corr, entry in zip(corrections, side.corrections, strict=True):
        if corr.uses == 0:
            where = f" on line {corr.line}" if corr.line else ""
            raise TeikitError(
                f"correction sic {corr.sic!r} not found in the text{where}", entry.location
            )
        report.count("corrections", corr.uses)

    text_el = element(root, "text")
    body_el = element(text_el, "body")
    body_el.append(body.div)
    if body.notes:
        back = element(text_el, "back")
        notes_div = element(back, "div", type="notes")
        if body.notes_head is not None:
            fill(element(notes_div, "head"), join_lines(body.notes_head.lines), ctx)
        used: set[str] = set()
        targets = {r.get("target") for r in body.div.iter(f"{{{TEI_NS}}}ref")}
        for n, run in body.notes:
            # a number listed twice keeps both notes, each linked to its own marker (fnN-2)
            note_id = f"fn{n}"
            k = 1
            while note_id in used:
                k += 1
                note_id = f"fn{n}-{k}"
            if k > 1:
                line, col = src.line_col(run.offset_at(0))
                report.unsure(line, col, f"note {n} listed more than once")
            used.add(note_id)
            if f"#{note_id}" in targets:
                note = element(notes_div, "note", type="footnote", xml_id=note_id, n=n)
            else:
                # no marker points here: the note is kept unanchored, without an id
                # (reported by the body's assembly at its raw line and column)
                note = element(notes_div, "note", type="footnote", n=n)
            fill_nodes(note, render_marked(run, ctx), iter(run.pages))

    return etree.ElementTree(root)


#: ``idno`` types that identify a copy in an archive (a copy number does not).
ARCHIVAL_IDNO_TYPES = ("cable", "registry", "fbi-file", "record", "file")


def _archival_ids(div: etree._Element) -> list[tuple[str, str]]:
    """The archival numbers the body found, in order, each once (at most five)."""
    seen: list[tuple[str, str]] = []
    for el in div.iter("{http://www.tei-c.org/ns/1.0}idno"):
        kind = el.get("type") or ""
        value = " ".join("".join(el.itertext()).split())
        if kind in ARCHIVAL_IDNO_TYPES and value and (kind, value) not in seen:
            seen.append((kind, value))
    return seen[:5]


def write_result(result: ConversionResult, outdir: str | os.PathLike[str]) -> Path:
    """Write ``NAME.xml`` atomically into ``outdir``."""
    target = Path(outdir) / f"{result.name}.xml"
    write_atomic(target, result.data)
    return target
