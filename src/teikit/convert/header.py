"""The ``teiHeader``: the web frame's metadata, the sidecar's decisions, what was dropped.

Everything a web page said about the document lands in the header in the
place the contract gives it (citation and credits as ``bibl``, the summary in
``msContents``, the archive reference parsed into ``msIdentifier``, rights in
``availability``); navigation and labels are declared verbatim in
``editorialDecl`` so that no word of the input goes unaccounted for.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit._version import __version__
from teikit.convert.builder import element, fill_nodes
from teikit.convert.recognizers.frame import Frame, translator

if TYPE_CHECKING:
    from collections.abc import Callable

    from lxml import etree

    from teikit.convert.inline import Node
    from teikit.convert.persons import Registry
    from teikit.convert.recognizers.pages import Hyphenation
    from teikit.convert.sidecar import Sidecar
    from teikit.convert.zones import Block

LANGUAGES = {
    "english": "en",
    "russian": "ru",
    "chinese": "zh",
    "albanian": "sq",
    "german": "de",
    "french": "fr",
    "spanish": "es",
    "italian": "it",
    "polish": "pl",
    "czech": "cs",
    "hungarian": "hu",
    "romanian": "ro",
    "bulgarian": "bg",
    "vietnamese": "vi",
    "korean": "ko",
    "japanese": "ja",
    "mongolian": "mn",
    "ukrainian": "uk",
    "serbian": "sr",
    "arabic": "ar",
    "persian": "fa",
    "portuguese": "pt",
}
LANGUAGE_NAMES = {v: k.capitalize() for k, v in LANGUAGES.items()}
#: Languages written in Latin script: a bracketed original in them is not transliterated.
LATIN_SCRIPT = frozenset(["en", "sq", "de", "fr", "es", "it", "pl", "cs", "hu", "ro", "vi", "pt"])

_REPOSITORY_RE = re.compile(r"\b(?:Library|Archives?|Arkiv\w*|Archiv\w*|Museum|Records)\b")
_REEL_RE = re.compile(r"^(?:copy on\s+)?(Reel\s+\d+\w*)$", re.IGNORECASE)
_FOND_RE = re.compile(r"^(?:Fond|Fondi|Fonds|F\.)\s+(\S+)$")
_FILE_RE = re.compile(r"^(?:Dos\.|Delo|D\.|File|Dossier)\s*(\S+)$")
_FOLIO_RE = re.compile(r"^(?:Fl\.|L\.|ff?\.|Folios?|Listy?)\s*(\S+?)\.?(?:\s|$)")


def language_code(name: str | None) -> str | None:
    if not name:
        return None
    name = name.strip().lower()
    return LANGUAGES.get(
        name, name if re.fullmatch(r"[a-z]{2,3}(?:-[A-Za-z0-9]+)*", name) else None
    )


def foreign_tag(original: str | None) -> str:
    """``xml:lang`` for a bracketed original: ``ru-Latn`` for transliterated Russian."""
    if not original or original == "en":
        return "und-Latn"
    return original if original.split("-")[0] in LATIN_SCRIPT else f"{original}-Latn"


@dataclass
class HeaderInfo:
    name: str
    raw_name: str
    title: list[Node]
    render: Callable[[Block], list[Node]]
    frame: Frame
    sidecar: Sidecar
    persons: Registry
    date_text: str | None
    date_when: str | None
    original_language: str | None
    hyphenations: list[Hyphenation] = field(default_factory=list)
    dropped: list[str] = field(default_factory=list)
    date_cert: str | None = None  # conv-dates: "medium"/"low" when the date was inferred
    #: the archival numbers the copy bears (``idno`` of the body: type, value)
    archival_ids: list[tuple[str, str]] = field(default_factory=list)


#: The language of every transcription teikit converts (its lexicon is English).
TRANSCRIPTION_LANGUAGE = "en"


def _text_lang(parent: etree._Element, original: str | None) -> None:
    """The language of the text as transcribed, and the original's if it differs."""
    name = LANGUAGE_NAMES.get(TRANSCRIPTION_LANGUAGE, TRANSCRIPTION_LANGUAGE)
    if original and original != TRANSCRIPTION_LANGUAGE:
        label = f"{name}, translated from {LANGUAGE_NAMES.get(original, original)}"
        element(parent, "textLang", label, mainLang=TRANSCRIPTION_LANGUAGE)
    elif original:
        element(parent, "textLang", name, mainLang=TRANSCRIPTION_LANGUAGE)


def _split_outside_parens(text: str) -> list[str]:
    out, depth, start = [], 0, 0
    for i, ch in enumerate(text):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth = max(depth - 1, 0)
        elif ch == "," and depth == 0:
            out.append(text[start:i].strip())
            start = i + 1
    out.append(text[start:].strip())
    return [s for s in out if s]


def archive_identifier(citation: str) -> dict[str, list[str]]:
    """Repository, collection, place and numbers named in an archival citation."""
    text = citation
    if text.startswith(('"', "“")):
        close = max(text.find('"', 1), text.find("”", 1))
        text = text[close + 1 :] if close > 0 else text
    parts = _split_outside_parens(text)
    found: dict[str, list[str]] = {}
    repo_at = None
    for i, part in enumerate(parts):
        if _REPOSITORY_RE.search(part) and "Digital Archive" not in part:
            repo_at = i
    for i, part in enumerate(parts):
        core = part.rstrip(".")
        if (m := _REEL_RE.match(core)) is not None:
            found.setdefault("reel", []).append(m.group(1))
        elif core.endswith("Collection"):
            found.setdefault("collection", []).append(core)
        elif (m := _FOND_RE.match(core)) is not None:
            found.setdefault("fond", []).append(m.group(1))
        elif (m := _FILE_RE.match(core)) is not None:
            found.setdefault("file", []).append(m.group(1))
        elif (m := _FOLIO_RE.match(part)) is not None:
            found.setdefault("folio", []).append(m.group(1))
        elif i == repo_at:
            found["repository"] = [core]
    if repo_at is not None and repo_at + 1 < len(parts):
        place: list[str] = []
        for part in parts[repo_at + 1 :]:
            head = part.split(". ", 1)[0]
            if _REEL_RE.match(head) or _FOND_RE.match(head) or not head[:1].isupper():
                break
            place.append(head.rstrip("."))
            if ". " in part or part.endswith("."):
                break
        if place and len(place) <= 3:
            found["settlement"] = [", ".join(place)]
    return found


def build_header(info: HeaderInfo) -> etree._Element:
    frame, sidecar = info.frame, info.sidecar
    header = element(None, "teiHeader")
    file_desc = element(header, "fileDesc")
    title_stmt = element(file_desc, "titleStmt")
    title_el = fill_nodes(element(title_stmt, "title", type="main"), info.title, iter(()))
    if info.sidecar.title and info.sidecar.document_resp:
        # the title is the editor's decision, not the copy's: say whose
        title_el.set("resp", f"#{info.sidecar.document_resp}")
    trl = None
    for block in [*frame.fields.get("citation", []), *frame.archive]:
        trl = translator(block.text) or trl
    transcriber = element(title_stmt, "respStmt", xml_id="transcriber")
    if trl is not None:
        element(transcriber, "resp", trl[0], key="trl")
        element(transcriber, "persName", trl[1])
    else:
        element(transcriber, "resp", "Transcription", key="trc")
        element(transcriber, "name", "not recorded")
    software = element(title_stmt, "respStmt", xml_id="teikit")
    element(software, "resp", "Automatic encoding", key="mrk")
    element(software, "name", f"teikit {__version__}", type="software")
    for editor in sidecar.editors:
        stmt = element(title_stmt, "respStmt", xml_id=editor.id)
        element(stmt, "resp", editor.resp, key="edt")
        element(stmt, "persName", editor.name)

    pub = element(file_desc, "publicationStmt")
    element(pub, "publisher", "teikit corpus")
    element(pub, "idno", info.name, type="teikit")
    if frame.rights:
        availability = element(pub, "availability")
        for block in frame.rights:
            fill_nodes(element(availability, "p"), info.render(block), iter(()))

    source_desc = element(file_desc, "sourceDesc")
    citations = frame.fields.get("citation", [])
    ident: dict[str, list[str]] = {}
    for block in [*citations, *frame.archive]:
        for key, values in archive_identifier(block.text).items():
            ident.setdefault(key, values)
    summary = frame.fields.get("summary", [])
    if ident.get("repository"):
        # an archive named by the source: the copy is described as a manuscript
        ms = element(source_desc, "msDesc")
        msid = element(ms, "msIdentifier")
        for key in ("settlement", "repository", "collection"):
            for value in ident.get(key, [])[:1] if key != "collection" else ident.get(key, []):
                element(msid, key, value)
        for key in ("fond", "file", "folio", "reel"):
            for value in ident.get(key, []):
                element(msid, "idno", value, type=key)
        contents = element(ms, "msContents")
        for block in summary:
            fill_nodes(element(contents, "summary"), info.render(block), iter(()))
        _text_lang(contents, info.original_language)
    elif summary or info.original_language or info.archival_ids:
        # no archive named: the numbers the copy itself bears identify it, never a
        # name made up for the corpus
        bibl = element(source_desc, "bibl")
        numbers = info.archival_ids
        bibl.text = f"The raw transcription {info.raw_name}" + (
            ", a copy bearing the numbers " if numbers else ". "
        )
        for k, (kind, value) in enumerate(numbers):
            last = k + 1 == len(numbers)
            element(bibl, "idno", value, type=kind).tail = ". " if last else ", "
        for block in summary:
            # the summary is part of the transcription as received (a scraped archive page)
            note = element(bibl, "note", type="summary", resp="#transcriber")
            fill_nodes(note, info.render(block), iter(()))
        _text_lang(bibl, info.original_language)
    for block in citations:
        bibl = fill_nodes(
            element(source_desc, "bibl", type="citation"), info.render(block), iter(())
        )
        for url in frame.urls:
            element(bibl, "ptr", target=url)
    if frame.urls and not citations:
        # the addresses a scraped page gives under a field, with no citation to carry them
        bibl = element(source_desc, "bibl", type="citation")
        for url in frame.urls:
            element(bibl, "ptr", target=url)
    for block in frame.archive:
        fill_nodes(element(source_desc, "bibl", type="citation"), info.render(block), iter(()))
    for block in [*frame.fields.get("credits", []), *frame.credits]:
        fill_nodes(element(source_desc, "bibl", type="credits"), info.render(block), iter(()))
    if len(source_desc) == 0:
        element(source_desc, "p", f"The raw transcription {info.raw_name}.")

    enc = element(header, "encodingDesc")
    dropped = [*frame.dropped, *info.dropped]
    labels = frame.labels
    contents_values = [b.text for b in frame.fields.get("contents", [])]
    dropped_all = [*dropped, *labels, *contents_values, *_unencoded_fields(frame)]
    if dropped_all:
        sampling = element(enc, "samplingDecl")
        p = element(sampling, "p", "Web-page navigation, field labels and separators dropped: ")
        for text in dropped_all:
            q = element(p, "q", text)
            q.tail = " "
        p[-1].tail = None
    decl = element(enc, "editorialDecl")
    element(
        decl,
        "p",
        f"Encoded by teikit from the raw transcription {info.raw_name}. Hard-wrapped lines are "
        "joined and runs of spaces collapsed. Brackets and parentheses whose content is encoded "
        "as an element (supplied, foreign, summary note, stage direction, sic, footnote reference, "
        "Stamp, signature) are rendered by that element and not kept as characters.",
    )
    resolved = [h for h in info.hyphenations if h.resolved]
    if resolved:
        p = element(decl, "p", "Line-end hyphenation resolved: ")
        for k, h in enumerate(resolved):
            q = element(p, "q", f"{h.left}-{h.right}")
            q.tail = f" → {h.left}{h.right}" + ("; " if k + 1 < len(resolved) else ".")
    if frame.title_bold:
        element(decl, "p", "Markdown emphasis (**) around the web page's title removed.")

    profile = element(header, "profileDesc")
    if info.date_when or info.date_text:
        creation = element(profile, "creation")
        date = element(creation, "date", info.date_text or info.date_when)
        if info.date_when:
            date.set("when", info.date_when)
        if info.date_cert and info.date_cert != "high":
            date.set("cert", info.date_cert)
        if info.sidecar.date and info.sidecar.document_resp:
            date.set("resp", f"#{info.sidecar.document_resp}")
    lang_usage = element(profile, "langUsage")
    element(lang_usage, "language", "English", ident="en")
    if info.original_language and info.original_language != "en":
        code = info.original_language
        element(lang_usage, "language", LANGUAGE_NAMES.get(code, code), ident=code)
    if info.persons.entries:
        partic = element(profile, "particDesc")
        lst = element(partic, "listPerson")
        for entry in info.persons.entries.values():
            person = element(lst, "person", xml_id=entry.id, role=entry.role)
            for label in entry.labels:
                element(person, "persName", label)
            listed = entry.registry
            if listed is not None and listed.name:
                full = element(person, "persName", listed.name, type="full")
                if listed.resp:
                    full.set("resp", f"#{listed.resp}")
            if listed is not None and listed.role:
                element(person, "occupation", listed.role)
    return header


#: Frame fields the header encodes (citation, summary, credits) or lists (contents).
_ENCODED_FIELDS = frozenset(("citation", "summary", "credits", "contents"))


def _unencoded_fields(frame: Frame) -> list[str]:
    """The values of frame fields the header does not encode, so they are at least listed.

    Nothing of the transcription may disappear: a ``Rights:`` or ``Author:``
    value, or an ``Original Language:`` that names no language teikit knows,
    is kept among what the encoding did not carry over.
    """
    out: list[str] = []
    for label, blocks in frame.fields.items():
        for block in blocks:
            if label in _ENCODED_FIELDS:
                continue
            if label == "original language" and language_code(block.text) is not None:
                continue
            out.append(block.text)
    return out
