"""Ground truth for transcripts rendered from Office of the Historian TEI, as frus2raw writes it.

The development set's ``frushist_*`` documents are TEI files of the Office of the Historian's
records on the FRUS series, rendered as transcripts by ``../shared/devset/build.py``
(``frushist_text`` under one of its ``STYLES``: wrap width, paragraph indents, where the
source note goes, footnote markers and lists, page numbers). The converter will meet other
documents of that source in other layouts, so this module renders *any* such TEI file
under *every* style and writes beside each ``.txt`` a ``.json`` ground truth of the shape
frus2raw writes, read from the TEI the text came from. :func:`frus_score.score_file` then
scores the conversion exactly as it scores FRUS-derived text.

The renderer is build.py's own (imported, not copied), so the text is what the devset's
documents look like. What the truth says:

* **turns**: a paragraph opening with an all-capitals label and a colon
  (``MR. ROE:``, ``THE CHAIRMAN:``) whose label either opens two or more paragraphs of the
  document or begins with a form of address (:data:`ADDRESS`); the TEI marks no speakers,
  and this is how those transcripts write them;
* **footnotes**: every note the rendering lists (the source note too, when the style makes
  it note 1), numbered as printed;
* **headings**: every ``head``; a short centred or all-capitals paragraph, or a short
  paragraph that is one underlined, italic or bold phrase, is a section title; a short
  paragraph whose phrase follows a list label (``(a) Phrase``), or a styled or capitals
  label ending in a colon (``Participants:``), is neutral (a head or not);
* **page breaks**: the page numbers the style inserts between pages, or the TEI's own
  ``pb`` in the ``real`` styles, that have text on both sides (the body's text after
  them: a page turning among the notes at the end is not counted, as in frus2raw);
* **title** (the first heading) and **date** (``date[@type="created"]/@when`` of the header,
  scored where the text has a dateline);
* **marking**: the classification the source note names, when the style prints the note.
"""

from __future__ import annotations

import importlib.util
import json
import re
import sys
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from pathlib import Path
    from types import ModuleType

T = "{http://www.tei-c.org/ns/1.0}"

#: Words a speaker label may begin with though it labels a single turn.
ADDRESS = (
    "MR",
    "MRS",
    "MS",
    "MISS",
    "DR",
    "THE",
    "PROFESSOR",
    "AMBASSADOR",
    "SECRETARY",
    "JUDGE",
    "SENATOR",
    "GENERAL",
    "ADMIRAL",
    "DEAN",
    "CHAIRMAN",
)
#: An all-capitals label and its colon at the start of a paragraph.
LABEL_RE = re.compile(r"^([A-Z][A-Z.'’ -]{0,40}[A-Z.]):\s")
#: A classification level in an archival source note (``… Box 2, Secret. …``), as frus2raw
#: reads it.
CLASSIFICATION_RE = re.compile(
    r"(?:^|[.;]\s+)(Top Secret|Secret|Confidential|Limited Official Use|Official Use Only)"
    r"[.;]"
)
#: Longest paragraph that may be a section title.
TITLE_MAX = 100
#: A list label before a titled phrase: ``(a)``, ``1.``, ``A.``.
LIST_LABEL_RE = re.compile(r"^(?:\(?[0-9]{1,2}[.)]|\(?[A-Za-z][.)]|\([a-z0-9]{1,3}\))\s*$")


def load_build(shared: Path) -> ModuleType:
    """``shared/devset/build.py`` as a module (its ``frushist_text`` and ``STYLES``)."""
    path = shared / "devset" / "build.py"
    spec = importlib.util.spec_from_file_location("devset_build", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(path)
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("devset_build", module)
    spec.loader.exec_module(module)
    return module


def _norm(text: str) -> str:
    return " ".join(text.split())


def _plain(el: etree._Element) -> str:
    """An element's text without its notes (as the rendering prints it, markers aside)."""
    parts: list[str] = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and child.tag not in (f"{T}note", f"{T}del"):
            parts.append(_plain(child))
        parts.append(child.tail or "")
    return "".join(parts)


def _sentence_like(text: str) -> bool:
    return text.endswith((".", ";", ",")) and not text.endswith("..")


def paragraph_verdict(p: etree._Element) -> str | None:
    """``"title"``, ``"neutral"`` or ``None`` for a body paragraph (see the module doc)."""
    text = _norm(_plain(p))
    if not text or len(text) > TITLE_MAX:
        return None
    if text.endswith(":") and (p.get("rend") or text.isupper()):
        return "neutral"
    if text.isupper() and not LABEL_RE.match(text):
        return "title"
    if _sentence_like(text):
        return None
    if p.get("rend") in ("center", "underline", "bold", "italic"):
        return "title"
    kids = [c for c in p if isinstance(c.tag, str) and c.tag != f"{T}note"]
    if len(kids) != 1 or kids[0].tag != f"{T}hi":
        return None
    inner = _norm(_plain(kids[0]))
    before = _norm(p.text or "")
    after = _norm(kids[0].tail or "")
    if after:
        return None
    if not before:
        return "title" if inner == text else None
    return "neutral" if LIST_LABEL_RE.match(before) else None


def styled_paragraphs(root: etree._Element) -> dict[str, str]:
    """Normalised text of each body paragraph judged a title or neutral, with the verdict.

    The entries under a ``CONTENTS`` title, up to the next title, are neutral (a list an
    editor may set as headings or not).
    """
    out: dict[str, str] = {}
    body = root.find(f"{T}text/{T}body")
    contents = False
    for p in body.iter(f"{T}p") if body is not None else ():
        text = _norm(_plain(p))
        verdict = paragraph_verdict(p)
        if verdict == "title":
            contents = text.upper().endswith("CONTENTS")
        elif contents and len(text) <= TITLE_MAX * 2:
            verdict = "neutral"
        if verdict:
            out.setdefault(text, verdict)
    return out


def speaker_labels(texts: list[str]) -> set[str]:
    """The labels of :data:`LABEL_RE` that are speakers (see the module doc)."""
    counts: dict[str, int] = {}
    for text in texts:
        m = LABEL_RE.match(text)
        if m:
            counts[m.group(1)] = counts.get(m.group(1), 0) + 1
    speakers = set()
    for label, n in counts.items():
        first = re.split(r"[ .]", label, maxsplit=1)[0]
        if n >= 2 or first in ADDRESS:
            speakers.add(label)
    return speakers


_MARK_RE = re.compile("\x01[^\x02]*\x02")


def _block_text(text: str) -> str:
    return _norm(_MARK_RE.sub("", text).replace("\x00", " "))


def page_boundaries(build: ModuleType, doc: Any, style: dict[str, Any]) -> int:
    """The page lines the style prints with text on both sides."""
    lines = build.render_lines(doc, style)
    pages = style.get("pages")
    if not pages:
        return 0
    if pages == "real":
        count = 0
        for i, line in enumerate(lines):
            if isinstance(line, tuple):
                before = any(isinstance(x, str) and x.strip() for x in lines[:i])
                after = any(isinstance(x, str) and x.strip() for x in lines[i + 1 :])
                count += int(before and after)
        return count
    text_lines = [line for line in lines if not isinstance(line, tuple)]
    # a page that turns among the notes at the end turns no page of the text (frus2raw
    # counts the page lines with body text after them)
    notes, doc.notes = doc.notes, []
    body = [line for line in build.render_lines(doc, style) if not isinstance(line, tuple)]
    doc.notes = notes
    per = pages[1]
    chunks = -(-len(text_lines) // per)
    return sum(1 for k in range(1, chunks) if k * per < len(body))


def truth(build: ModuleType, xml: str, style: dict[str, Any], doc_id: str) -> dict[str, Any]:
    """The frus2raw-shaped ground truth of ``xml`` rendered under ``style``."""
    root = etree.fromstring(xml.encode("utf-8"))
    doc = build.frushist_doc(xml, style)
    styled = styled_paragraphs(root)
    texts = [_block_text(t) for k, t in doc.blocks if k not in ("pb", "sep")]
    speakers = speaker_labels(texts)
    blocks: list[dict[str, Any]] = []
    title = ""
    for kind, raw in doc.blocks:
        if kind in ("pb", "sep"):
            continue
        text = _block_text(raw)
        block: dict[str, Any] = {"index": len(blocks), "text_start": text[:60]}
        verdict = styled.get(text)
        if not title and kind == "head":
            # the title is scored as the document's title and first heading, as in frus2raw
            block["kind"] = "title"
            title = text
        elif kind == "head" or (kind in ("p", "center") and verdict == "title"):
            block["kind"] = "head"
        elif verdict == "neutral":
            block["kind"] = "maybe-head"
        elif kind.startswith("item"):
            block["kind"] = "item"
            # an item's labelled phrase on a line of its own (``A. Phrase`` / its text)
            # (or the whole item: a labelled phrase over the items of a list under it)
            lead = _norm(_MARK_RE.sub("", raw).split("\x00", 1)[0])
            labelled = LIST_LABEL_RE.match(lead.split(" ", 1)[0]) is not None
            if ("\x00" in raw or labelled) and len(lead) <= TITLE_MAX and not _sentence_like(lead):
                blocks.append({"index": len(blocks), "kind": "maybe-head", "text_start": lead})
                block["index"] = len(blocks)
        else:
            block["kind"] = "p"
            m = LABEL_RE.match(text)
            if m and m.group(1) in speakers:
                block["speaker"] = block["label_raw"] = m.group(1)
        blocks.append(block)
    sep = (style.get("notes") or (None, ""))[0]
    if doc.notes and sep and sep[:1].isalpha():
        # a notes heading (``NOTES``) may be read as a heading or not
        blocks.append({"index": len(blocks), "kind": "maybe-head", "text_start": sep})
    # only their number is scored: page lines go first, each followed by the body
    pages = [
        {"index": -1, "kind": "page", "text_start": ""}
        for _ in range(page_boundaries(build, doc, style))
    ]
    created = root.find(f".//{T}date[@type='created']")
    source = next((t for k, t in doc.notes if _norm(t).startswith("Source:")), None)
    if source is None and style.get("source") in ("top", "top-nocite"):
        source = next((t for t in texts if t.startswith("Source:")), None)
    marking = CLASSIFICATION_RE.search(source or "")
    dated = any(k == "dateline" for k, _ in doc.blocks)
    return {
        "doc_id": doc_id,
        "title": title,
        # (scored only where the text carries a dateline to read it from)
        "date_when": created.get("when") if created is not None and dated else None,
        "classification": marking.group(1) if marking else None,
        "participants": [],
        "speakers": sorted(speakers),
        "gaps": 0,
        "footnotes": [{"n": str(n), "text": t} for n, t in doc.notes],
        "blocks": pages + blocks,
    }


def render_all(
    build: ModuleType, tei_files: list[Path], outdir: Path, styles: list[str] | None = None
) -> dict[str, list[Path]]:
    """Render every file under every style into ``outdir``; the ``.txt`` paths per style.

    A style that cannot carry a document (the source note as note 1 of a document that has
    notes of its own: build.py refuses it) is left out for that document.
    """
    outdir.mkdir(parents=True, exist_ok=True)
    out: dict[str, list[Path]] = {}
    for name in styles or sorted(build.STYLES):
        style = build.STYLES[name]
        short = name.split("_", 2)[-1]
        for tei in sorted(tei_files):
            xml = tei.read_text(encoding="utf-8")
            try:
                text = build.frushist_text(xml, style)
            except SystemExit:
                continue
            stem = f"{tei.stem}__{short}"
            txt = outdir / f"{stem}.txt"
            txt.write_text(text, encoding="utf-8")
            data = truth(build, xml, style, stem)
            txt.with_suffix(".json").write_text(json.dumps(data, indent=1), encoding="utf-8")
            out.setdefault(short, []).append(txt)
    return out
