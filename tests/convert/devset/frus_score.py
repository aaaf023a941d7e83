"""Score the converter on FRUS-derived raw text: every feature issue 9 names.

``../shared/tools/frus2raw.py`` turns the FRUS TEI volumes into raw transcriptions and
writes beside each ``.txt`` a ``.json`` ground truth read from the published markup
(which paragraphs are speaker turns and headings, which footnotes, page breaks,
participants and classification there are, the title and the date). The converter sees
only the text. This module derives the text (any of the 8 combinations of frus2raw's three
layout flags), converts each document, and counts per document what matched, so that a
caller can sum counts over thousands of documents, in worker processes if it likes:
:func:`score_file` takes a path and returns plain counts.

The keys are those of ``tests/convert/test_frus_eval.py`` (label and the first letters
of the turn; note number and the first letters of the note), so both evaluations agree.
Headings, markings, page breaks, false lost-text gaps and lost words are judged as the
development set's ``score.py`` judges them (same matching rules), with the ground truth
read from frus2raw's JSON instead of an editor's TOML:

* **headings**: the title, every ``head`` block, and every section title the volume sets as
  a styled paragraph (``p[@rend="center"]``, ``p[@rend="sectiontitleital"]``, or a paragraph
  that is one italic or bold ``hi``: FRUS's
  markup for a report's ``I. Introduction``, ``Conclusions``), read from the volume itself
  because frus2raw's JSON calls them plain paragraphs; ``SUBJECT``/``PARTICIPANTS`` list
  heads and table heads are neutral (form labels a converter may make heads or not);
* **title** and **date**: the header's main title and ``creation/date/@when``;
* **kind**: the family the document's FRUS title names (``Telegram From…``, ``Memorandum
  of Conversation``, ``Letter From…``, ``Minutes of…``; see :data:`TITLE_KINDS`) must be the
  body division's ``@type`` or ``@subtype``; titles that name no kind of document
  (``Editorial Note``, ``Paper Prepared…``, an estimate, a diary entry) are not scored;
* **markings**: the classification level (``Secret`` of ``Secret; Exdis.``) must be in
  some ``stamp``, ``fw`` or ``idno``; every ``stamp`` must match a part of it;
* **page breaks**: inner ``pb`` of the body against the page lines frus2raw printed
  (``--pages``; none otherwise), plus the page turns of a cable FRUS reproduces as
  printed (its page heads ``PAGE 02 STATE 024976`` and on, :func:`copy_page_turns`);
* **participants → persons**: each item of a ``PARTICIPANTS`` list must be a ``person`` of
  the header (or, if the converter calls it a group, an item without a name of a
  participants list); each ``person`` must be a participant or a speaker;
* **false lost-text gaps**: ``gap[@reason="lost"]`` beyond the ``[...]`` gaps frus2raw
  printed; **words lost**: raw words missing from the TEI.
"""

from __future__ import annotations

import itertools
import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

import frus_adjudication
from lxml import etree
from score import _head_matches, _page_boundaries, key, tei_words, words_lost

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

#: frus2raw's layout flags; every subset of them is one "combination".
FLAGS = ("--pages", "--upper-speakers", "--source-as-footnote")
SHORT = {"--pages": "pages", "--upper-speakers": "upper", "--source-as-footnote": "footnote"}


def combinations() -> list[tuple[str, tuple[str, ...]]]:
    """The 8 flag combinations, named ``plain``, ``pages``, ..., ``pages+upper+footnote``."""
    out = []
    for r in range(len(FLAGS) + 1):
        for combo in itertools.combinations(FLAGS, r):
            out.append(("+".join(SHORT[f] for f in combo) or "plain", combo))
    return out


def derive(shared: Path, flags: Sequence[str], volumes: Iterable[str], outdir: Path) -> list[Path]:
    """Run frus2raw on ``volumes`` (names like ``frus1969-76v12``); the ``.txt`` files made."""
    outdir.mkdir(parents=True, exist_ok=True)
    cmd = [sys.executable, str(shared / "tools" / "frus2raw.py"), *flags, "-o", str(outdir)]
    cmd += [str(shared / "frus" / f"{v}.xml") for v in volumes]
    subprocess.run(cmd, check=True, capture_output=True)
    return sorted(outdir.glob("*.txt"))


_MARKER = re.compile(r"(?<=\S) ?\[(\d{1,3})\]")
_NOTE_LINE = re.compile(r"^\[(\d{1,3})\] ", re.M)


def roughen(text: str, width: int = 72) -> str:
    """The same text in the seeds' habits: hard-wrapped, markers glued, notes ``N. text``.

    frus2raw writes one paragraph per line, footnote markers as ``[n]`` and the notes
    after a ``----`` rule as ``[n] text``. Typed and OCR'd transcriptions look otherwise:
    lines wrapped at a fixed width, the marker a digit glued to the word or stop before
    it (``researchers.1``), the notes ``1. text``. Words, labels and the order of
    everything are kept, so frus2raw's ground truth still holds.
    """
    import textwrap

    body, rule, notes = text.rpartition("\n----\n")
    if not rule:
        body, notes = text, ""
    body = _MARKER.sub(r"\1", body)
    paragraphs = []
    for para in body.split("\n\n"):
        if "\n" in para.strip() or len(para) <= width:
            paragraphs.append(para)
        else:
            wrapped = textwrap.wrap(para, width, break_long_words=False, break_on_hyphens=False)
            paragraphs.append("\n".join(wrapped))
    out = "\n\n".join(paragraphs)
    if rule:
        out += rule + _NOTE_LINE.sub(r"\1. ", notes)
    return out


def roughen_files(paths: Iterable[Path], outdir: Path) -> list[Path]:
    """Copies of derived files (text roughened, ground truth as is) in ``outdir``."""
    outdir.mkdir(parents=True, exist_ok=True)
    out = []
    for p in paths:
        target = outdir / p.name
        target.write_text(roughen(p.read_text(encoding="utf-8")), encoding="utf-8")
        (outdir / p.with_suffix(".json").name).write_bytes(p.with_suffix(".json").read_bytes())
        out.append(target)
    return out


def volumes(shared: Path) -> list[str]:
    return sorted(p.stem for p in (shared / "frus").glob("frus*.xml"))


# -- keys --------------------------------------------------------------------------------

#: A bracketed insertion, or one the reference's 60-character cut left unclosed.
_BRACKETS = re.compile(r"\[[^\]]*(?:\]|$)")


def _alnum(text: str, n: int = 24) -> str:
    text = unicodedata.normalize("NFKC", _BRACKETS.sub(" ", text))
    return "".join(ch for ch in text.lower() if ch.isalnum())[:n]


def _label(label: str) -> str:
    return " ".join(label.rstrip(":. ").split()).lower()


def truth_turns(truth: dict[str, Any]) -> Counter[tuple[str, str]]:
    """Speaker turns of the ground truth, salutations ("Dear X:") left out."""
    turns: Counter[tuple[str, str]] = Counter()
    for block in truth["blocks"]:
        if block.get("speaker") and not block["label_raw"].lower().startswith("dear "):
            raw = block["label_raw"]
            rest = block["text_start"][len(raw) + 1 :]
            turns[(_label(raw), _alnum(rest, 12))] += 1
    return turns


def reconcile_truncated(
    want: Counter[tuple[str, str]], got: Counter[tuple[str, str]]
) -> Counter[tuple[str, str]]:
    """The reference's turns, a key its 60-character cut shortened read as the converter's.

    frus2raw keeps only a turn's first 60 characters; when a bracketed stage direction
    fills them (``X: [interrupts the translation at ...:] Why ...``), fewer than 12 letters
    of the turn survive. Such a short key, left unmatched, is taken to be the unmatched
    converter key of the same label that it begins.
    """
    out = Counter(want)
    spare = got - want
    for (label, start), n in (want - got).items():
        if len(start) >= 12:
            continue
        for cand in sorted(spare):
            if n and cand[0] == label and cand[1].startswith(start) and spare[cand]:
                k = min(n, spare[cand])
                out[(label, start)] -= k
                out[cand] += k
                spare[cand] -= k
                n -= k
    return +out


def truth_notes(truth: dict[str, Any]) -> Counter[tuple[str, str]]:
    return Counter((str(n["n"]), _alnum(n["text"])) for n in truth["footnotes"])


_FROM_BRACKETS = ("note", "ref", "supplied", "gap", "foreign", "stage")


def _text(el: etree._Element, skip: tuple[str, ...] = _FROM_BRACKETS) -> str:
    parts: list[str] = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and etree.QName(child).localname not in skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def tei_turns(root: etree._Element) -> Counter[tuple[str, str]]:
    turns: Counter[tuple[str, str]] = Counter()
    for sp in root.iter(f"{T}sp"):
        speaker = sp.find(f"{T}speaker")
        first = next((c for c in sp if c.tag in (f"{T}p", f"{T}ab")), None)
        label = _label("".join(speaker.itertext())) if speaker is not None else ""
        turns[(label, _alnum(_text(first), 12) if first is not None else "")] += 1
    return turns


def tei_notes(root: etree._Element) -> tuple[Counter[tuple[str, str]], set[str]]:
    """Footnotes as (n, text key), and the numbers of those a pointer links to."""
    notes: Counter[tuple[str, str]] = Counter()
    by_id: dict[str, str] = {}
    linked: set[str] = set()
    for note in root.iter(f"{T}note"):
        if note.get("type") == "footnote":
            n = note.get("n") or ""
            # a bracketed remark in a note (``[Footnote in the source text.]``) is a note
            # or gap of its own, as the ground truth's key leaves brackets out
            notes[(n, _alnum(_text(note, ("ref", "note", "gap"))))] += 1
            if note.get(XML_ID):
                by_id[note.get(XML_ID, "")] = n
            if note.get("target"):
                linked.add(n)
    for el in root.iter():
        if not isinstance(el.tag, str) or etree.QName(el).localname == "note":
            continue
        for ref in (el.get("target") or "").split():
            if ref.startswith("#") and ref[1:] in by_id:
                linked.add(by_id[ref[1:]])
    return notes, linked


#: Blocks a converter may make heads or not: list heads (SUBJECT, PARTICIPANTS), table heads.
_NEUTRAL_HEAD_KINDS = ("list-head", "table-head")
#: frus2raw keeps the first 60 characters of a block as ``text_start``.
_TEXT_START = 60


def _hkey(text: str) -> str:
    """A heading's key: letters and digits, footnote markers ``[n]`` left out."""
    return key(_BRACKETS.sub(" ", text))


#: Paragraph styles by which FRUS volumes set a section title inside a document.
SECTION_TITLE_RENDS = ("center", "sectiontitleital")
#: A styled paragraph longer than this is a centred passage, not a title.
SECTION_TITLE_MAX = 150
#: The FRUS volumes beside the checkout (``../shared/frus``), where section titles are read.
FRUS_DIR = Path(__file__).resolve().parents[3].parent / "shared" / "frus"
_VOLUME_TITLES: dict[str, dict[str, list[tuple[str, str]]]] = {}


def volume_section_titles(volume: Path) -> dict[str, list[str]]:
    """Per document ``xml:id`` of a FRUS volume, the keys of its styled section titles."""
    return {d: [k for k, v in ps if v == "title"] for d, ps in styled_paragraphs(volume).items()}


def styled_paragraphs(volume: Path) -> dict[str, list[tuple[str, str]]]:
    """Per document ``xml:id``, its paragraphs judged ``title`` or ``neutral``, as keys.

    A styled paragraph (:data:`SECTION_TITLE_RENDS`, or one italic or bold ``hi``) is a
    section title, unless :func:`_styled_verdict` says an editor would read it otherwise;
    a plain paragraph is judged by :func:`_plain_verdict`.
    """
    out: dict[str, list[tuple[str, str]]] = {}
    tree = etree.parse(str(volume), etree.XMLParser(resolve_entities=False, no_network=True))
    for div in tree.iter(f"{T}div"):
        if div.get("type") != "document" or not div.get(XML_ID):
            continue
        found = []
        for p in div.iter(f"{T}p"):
            text = " ".join(_text(p, ("note",)).split())
            if not text or len(text) > SECTION_TITLE_MAX:
                continue
            if p.get("rend") in SECTION_TITLE_RENDS or _all_emphasis(p):
                verdict = _styled_verdict(p, text)
            else:
                verdict = _plain_verdict(p, text)
            if verdict is not None and _hkey(text):
                found.append((_hkey(text), verdict))
        out[str(div.get(XML_ID))] = found
    return out


#: A classification alone (``SECRET``, ``Top Secret``): a marking, scored as markings.
_CLASSIFICATION_RE = re.compile(
    r"^(?:(?:top\s+)?secret|confidential|unclassified|limited\s+official\s+use)$", re.I
)
#: A date alone, or a place and a date (``June 1960``, ``Vienna, June 3-4, 1961``).
_DATELINE_RE = re.compile(
    r"^(?=.*\d)(?:[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*)*,\s*)*"
    r"(?:January|February|March|April|May|June|July|August|September|October|November"
    r"|December)\b[\s\d,–—-]*(?:\d{4})?[\s\w:.,]*$",
    re.I,
)
#: A telegram's mark of where a quoted passage starts or stops (``Begin text.``, ``End summary``).
_QUOTE_LIMIT_RE = re.compile(r"^(?:begin|end)(?:\s+\w+){1,2}[.:]?$", re.I)
#: Words a title keeps in lower case (a sentence has more of its words so). Written out
#: here, not taken from the converter's heading cues: the truth must not move when they do.
_TITLE_SMALL = frozenset(
    [
        "a",
        "an",
        "and",
        "as",
        "at",
        "by",
        "for",
        "from",
        "in",
        "into",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
        "via",
        "vs",
        "per",
        "over",
        "under",
    ]
)


def _sentence_like(text: str) -> bool:
    """Whether a line reads as a sentence, not a title: most of its words in lower case."""
    words = [w for w in re.findall(r"[A-Za-z][\w'’-]*", text) if w.lower() not in _TITLE_SMALL]
    return len(words) >= 3 and sum(1 for w in words if w[0].islower()) >= 0.4 * len(words)


def _styled_verdict(p: etree._Element, text: str) -> str | None:
    """How an editor reads a styled paragraph: a ``title``, ``neutral``, or none (``None``).

    FRUS styles more than section titles so. A paragraph set to the right is a signature
    or a dateline, and a bold person's name a signature (none: an editor encodes them as
    such); a classification alone is a marking (none: markings score it). A date alone
    (``June 1960`` under a meeting's title), or a sentence in italics leading into a list
    (``We have two choices:``) is ``neutral``: an editor may set it as a head, a dateline
    or a paragraph; so are a telegram's ``Begin text.`` and ``End text.``, which mark where
    a quoted passage starts and stops (the second heads nothing).
    """
    if p.get("rend") == "right":
        return None
    names = list(p.iter(f"{T}persName"))
    if names and " ".join("".join(n.itertext()) for n in names).split() == text.split():
        return None
    if _CLASSIFICATION_RE.match(text.strip(" .")):
        return None
    if _DATELINE_RE.match(text) or _sentence_like(text) or _QUOTE_LIMIT_RE.match(text):
        return "neutral"
    return "title"


#: A section number and a title (``II. Effects of Recognition``, ``B. The Problem``).
_NUMBERED_TITLE_RE = re.compile(r"^(?:[IVX]{1,5}|[A-H]|\d{1,2})\.\s+[A-Z]")


def _plain_verdict(p: etree._Element, text: str) -> str | None:
    """``neutral`` for a plain paragraph that an editor would read as a title, else ``None``.

    FRUS sets many a document's own section titles as plain paragraphs
    (``RECOMMENDATIONS``, ``II. Effects of Recognition``, ``Discussion:``), no different in
    the markup from the text. The reference is silent there, so a converter that makes
    them heads is neither right nor wrong: short, closing no sentence, and in capitals, or
    a section number and a title, or one to three title words closing on a colon, or a
    few words in title case (``FRG-Polish Relations``, ``Tab A``). A signature (persons'
    names alone) and a salutation are none.
    """
    if p.get("rend") == "right" or _names_only(p, text) or _SALUTE_RE.match(text):
        return None
    words = text.split()
    if len(words) > 10 or text.rstrip().endswith((".", "?", "!", ",", ";")):
        return None
    if _CLASSIFICATION_RE.match(text.strip(" .")) or _DATELINE_RE.match(text):
        return None
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 4 and all(c.isupper() for c in letters):
        return "neutral"
    if _NUMBERED_TITLE_RE.match(text) and not _sentence_like(text):
        return "neutral"
    if len(words) <= 3 and text.endswith(":") and all(w[0].isupper() for w in words):
        return "neutral"
    content = [w for w in words if w.lower() not in _TITLE_SMALL]
    if (
        (len(words) >= 2 or "-" in text)
        and len(words) <= 6
        and all(w[:1].isupper() for w in content)
        and not re.search(r"\d", text)
    ):
        return "neutral"
    return None


#: A salutation (``Dear Anna:``, ``Your Excellency:``): no title.
_SALUTE_RE = re.compile(r"^\W*(?:Dear|Your|My)\b")


def _names_only(p: etree._Element, text: str) -> bool:
    """Whether a paragraph is only persons' names (a signature: ``Anna Berg``, ``Anna:``)."""
    names = " ".join("".join(n.itertext()) for n in p.iter(f"{T}persName"))
    return bool(names) and re.sub(r"\W", "", names) == re.sub(r"\W", "", text)


def _all_emphasis(p: etree._Element) -> bool:
    """Whether a paragraph is one ``hi`` in italic or bold and nothing else (a run-in title)."""
    # (a footnote's marker after the title leaves it a title)
    kids = [c for c in p if isinstance(c.tag, str) and c.tag != f"{T}note"]
    return (
        len(kids) == 1
        and kids[0].tag == f"{T}hi"
        and kids[0].get("rend") in ("italic", "strong", "bold")
        and not (p.text or "").strip()
        and not (kids[0].tail or "").strip()
        and not any((c.tail or "").strip() for c in p if c.tag == f"{T}note")
    )


def section_titles(txt: Path, truth: dict[str, Any]) -> list[tuple[str, str]]:
    """The judged paragraphs (:func:`styled_paragraphs`) of ``txt``'s document (cached)."""
    volume = txt.stem.split("_", 1)[0]
    if volume not in _VOLUME_TITLES:
        path = FRUS_DIR / f"{volume}.xml"
        _VOLUME_TITLES[volume] = styled_paragraphs(path) if path.is_file() else {}
    return _VOLUME_TITLES[volume].get(str(truth.get("doc_id")), [])


def truth_heads(
    truth: dict[str, Any], titles: Sequence[str | tuple[str, str]] = ()
) -> tuple[list[tuple[str, bool]], list[str]]:
    """Headings ``(key, truncated)`` in order (title first), and the neutral ones' keys.

    ``titles`` are the keys of the document's styled section titles, or ``(key, verdict)``
    pairs (:func:`styled_paragraphs`): a ``p`` block whose text is a ``title`` is a heading,
    one whose text is ``neutral`` is neutral.
    """
    pairs = [(t, "title") if isinstance(t, str) else t for t in titles]
    heads: list[tuple[str, bool]] = []
    if truth.get("title"):
        heads.append((_hkey(truth["title"]), False))
    neutral = []
    open_titles = list(pairs)
    for block in truth["blocks"]:
        text = block["text_start"]
        k = _hkey(text)
        match = next((t for t in open_titles if k and t[0] == k), None) or next(
            (t for t in open_titles if k and t[0].startswith(k)), None
        )
        verdict = None
        if block["kind"] == "p" and match is not None:
            open_titles.remove(match)
            verdict = match[1]
        if block["kind"] == "head" or verdict == "title":
            heads.append((_hkey(text), len(text) >= _TEXT_START))
        elif block["kind"] in _NEUTRAL_HEAD_KINDS or verdict == "neutral":
            neutral.append(_hkey(text))
    return [(k, cut) for k, cut in heads if k], [k for k in neutral if k]


def heads_match(pred: str, want: str, truncated: bool = False) -> bool:
    """The devset's rule, and a head that begins with a truncated truth matches it."""
    if _head_matches(pred, want):
        return True
    return truncated and len(want) >= 6 and pred.startswith(want)


def tei_heads(root: etree._Element) -> list[str]:
    text_el = root.find(f"{T}text")
    if text_el is None:
        return []
    return [_hkey(_text(h, ("note", "ref"))) for h in text_el.iter(f"{T}head", f"{T}titlePart")]


def score_heads(
    truth: dict[str, Any], pred: Sequence[str], titles: Sequence[str | tuple[str, str]] = ()
) -> tuple[int, int, int, list[str], list[str]]:
    """(matched, predicted, true, heads not found, false heads), greedy in document order."""
    want, neutral = truth_heads(truth, titles)
    open_ = list(want)
    tp = n_pred = 0
    false: list[str] = []
    for k in pred:
        if not k:
            continue
        hit = next((i for i, (w, cut) in enumerate(open_) if w and heads_match(k, w, cut)), None)
        if hit is not None:
            open_[hit] = ("", False)
            tp += 1
            n_pred += 1
        elif any(heads_match(k, n) for n in neutral):
            continue
        else:
            n_pred += 1
            false.append(k)
    missed = [w for w, _ in open_ if w]
    return tp, n_pred, len(want), missed, false


def tei_title(root: etree._Element) -> str:
    stmt = root.find(f"{T}teiHeader/{T}fileDesc/{T}titleStmt")
    if stmt is None:
        return ""
    titles = stmt.findall(f"{T}title")
    main = next((t for t in titles if t.get("type") == "main"), titles[0] if titles else None)
    return _hkey(_text(main, ("note", "ref"))) if main is not None else ""


#: The kinds a FRUS title names, as families of the body division's type or subtype that
#: an editor would accept: the first pattern matching the start of the title decides.
#: A meeting's record (notes, minutes, a memorandum of discussion) may be encoded as the
#: conversation it records or as a memorandum; a cable family takes telegram or cable.
TITLE_KINDS: tuple[tuple[re.Pattern[str], frozenset[str]], ...] = tuple(
    (re.compile(pattern, re.IGNORECASE), frozenset(kinds))
    for pattern, kinds in (
        (
            r"^(?:circular\s+)?(?:telegram|airgram|cable|backchannel message)\b",
            ("telegram", "cable"),
        ),
        (
            r"^(?:memorandum|transcript|record) of (?:a |the )?(?:telephone )?conversation\b"
            r"|^telephone conversation\b|^transcript of (?:a )?telephone\b",
            ("conversation", "transcript"),
        ),
        (
            r"^(?:notes|minutes|summary(?: notes)?|record) of (?:a |the )?(?:\w+ )?meeting\b"
            r"|^minutes of\b|^memorandum of (?:discussion|conference|meeting)\b"
            r"|^delegation record\b",
            ("conversation", "minutes", "transcript", "memorandum"),
        ),
        (r"^letter (?:from|to)\b", ("letter",)),
        (r"^(?:\w+ )?memorandum (?:from|for|by|to|prepared)\b", ("memorandum",)),
    )
)


def truth_kinds(title: str) -> frozenset[str] | None:
    """The kinds an editor accepts for a document with this FRUS title (``None``: unscored)."""
    for pattern, kinds in TITLE_KINDS:
        if pattern.search(title.strip()):
            return kinds
    return None


def tei_kinds(root: etree._Element) -> set[str]:
    """The body division's ``@type`` and ``@subtype`` (the kind the converter chose)."""
    div = root.find(f"{T}text/{T}body/{T}div")
    if div is None:
        return set()
    return {v.lower() for v in (div.get("type"), div.get("subtype")) if v}


def tei_date(root: etree._Element) -> str | None:
    date = root.find(f"{T}teiHeader/{T}profileDesc/{T}creation/{T}date")
    if date is None:
        return None
    return date.get("when") or date.get("from") or date.get("notBefore")


def truth_marking(truth: dict[str, Any]) -> tuple[str, list[str]] | None:
    """The classification level's key and the keys of all its parts, if the document has one.

    ``"Secret; Exdis."`` gives ``("secret", ["secret", "exdis"])``; "No classification
    marking" (an editor's remark) gives nothing.
    """
    text = truth.get("classification") or ""
    if not text or text.lower().startswith("no classification"):
        return None
    parts = [key(p) for p in re.split(r"[;.,]", text) if key(p)]
    return (parts[0], parts) if parts else None


def score_markings(
    truth: dict[str, Any], root: etree._Element
) -> tuple[int, int, int, int, list[str]]:
    """(found, true, stamps, stamps that match, misses): the devset's rule on FRUS truth."""
    want = truth_marking(truth)
    texts: list[str] = []
    stamps: list[str] = []
    for el in root.iter(f"{T}stamp", f"{T}fw", f"{T}idno"):
        if etree.QName(el).localname == "idno" and el.get("type") == "teikit":
            continue
        texts.append(key(_text(el, ())))
        if etree.QName(el).localname == "stamp":
            stamps.append(key(_text(el, ())))
    misses = []
    found = 0
    if want is not None:
        if any(want[0] in t for t in texts):
            found = 1
        else:
            misses.append(f"marking not encoded {truth['classification']!r}")
    parts = want[1] if want else []
    good = 0
    for s in stamps:
        if any(p in s or (len(s) >= 3 and s in p) for p in parts):
            good += 1
        else:
            misses.append(f"stamp that is no marking {s!r}")
    return found, int(want is not None), len(stamps), good, misses


def truth_page_boundaries(truth: dict[str, Any]) -> int:
    """Page lines frus2raw printed with body text after them: the inner page boundaries."""
    blocks = truth["blocks"]
    count = 0
    for i, block in enumerate(blocks):
        if block["kind"] == "page" and any(b["kind"] != "page" for b in blocks[i + 1 :]):
            count += 1
    return count


#: A teletype printout's page head (``PAGE 02 STATE 024976``, ``PAGE 03 WARSAW 01634 071251 Z``):
#: FRUS reproduces some cables as printed, page heads included, and each head after the
#: first marks a page turn of that copy, which an editor encodes though frus2raw's
#: truth (the volume's own pages) does not count it.
COPY_PAGE_HEAD_RE = re.compile(r"^PAGE\s+(\d{1,3})\s+[A-Z][A-Z ]*\s+\d", re.MULTILINE)


def copy_page_turns(raw: str) -> int:
    """The page turns the copy itself prints: its page heads numbered 2 and on."""
    return sum(1 for m in COPY_PAGE_HEAD_RE.finditer(raw) if int(m.group(1)) >= 2)


def tei_page_boundaries(root: etree._Element) -> int:
    body = root.find(f"{T}text/{T}body")
    return _page_boundaries(body) if body is not None else 0


_WORD = re.compile(r"\w+")


def lost_words(raw: str, root: etree._Element) -> list[str]:
    """:func:`score.words_lost`, a footnote digit glued to its word (``Ankara2``) forgiven.

    Roughened text glues each marker to the word before it; a converter that reads the
    marker apart writes ``Ankara`` and a reference numbered 2, which loses nothing.
    """
    have = tei_words(root)
    lost = words_lost(raw, have)
    if not lost:
        return lost
    surplus = have - Counter(_WORD.findall(raw.lower()))
    out = []
    for word in lost:
        # the marker may also follow a number (``September 252``: the 25th, marker 2)
        cuts = [(word[:k], word[k:]) for k in range(max(1, len(word) - 3), len(word))]
        for head, tail in cuts:
            if tail.isdigit() and surplus[head] > 0 and surplus[tail] > 0:
                surplus[head] -= 1
                surplus[tail] -= 1
                break
        else:
            out.append(word)
    return out


def tei_persons(root: etree._Element) -> list[list[str]]:
    """The header's persons, each as the keys of its names."""
    out = []
    for person in root.iter(f"{T}person"):
        names = [key(_text(n, ())) for n in person.iter(f"{T}persName")]
        out.append([n for n in names if n])
    return out


def _same_person(a: str, b: str) -> bool:
    short, long_ = sorted((a, b), key=len)
    return a == b or (len(short) >= 3 and short in long_)


def tei_groups(root: etree._Element) -> list[str]:
    """Keys of the entries of participants lists that name no person (a side, a country)."""
    out = []
    for lst in root.iter(f"{T}list"):
        if lst.get("type") == "participants":
            for item in lst.findall(f"{T}item"):
                if item.find(f".//{T}persName") is None:
                    out.append(key(_text(item, ())))
    return out


def score_persons(
    truth: dict[str, Any], persons: Sequence[Sequence[str]], groups: Sequence[str] = ()
) -> tuple[int, int, int, int, list[str]]:
    """(participants found, participants, persons, persons that are someone, misses).

    A participant is found as a person of the header, or, if the converter judged it a
    group (``United States``), as an entry without a name of a participants list: the
    ground truth does not tell groups from persons, so either is right.
    """
    want = [key(p) for p in truth.get("participants") or [] if key(p)]
    speakers = [key(s) for s in truth.get("speakers") or [] if key(s)]
    # the names of lists the markup did not type as participants (``OTHERS PRESENT``)
    items = [key(b["text_start"]) for b in truth["blocks"] if b["kind"] == "item"]
    listed = [k for k in items if k]
    misses = []
    found = 0
    for raw, w in zip(truth.get("participants") or [], want, strict=False):
        if w in groups or any(_same_person(n, w) for names in persons for n in names):
            found += 1
        else:
            misses.append(f"participant not a person {raw[:60]!r}")
    good = 0
    for names in persons:
        if any(_same_person(n, w) for n in names for w in [*want, *speakers, *listed]):
            good += 1
        else:
            misses.append(f"person who is no participant {names[:1]}")
    return found, len(want), len(persons), good, misses


# -- one document -------------------------------------------------------------------------


@dataclass
class Counts:
    """Additive counts for one document (or, summed, for many)."""

    docs: int = 0
    refused: int = 0
    turns_tp: int = 0
    turns_pred: int = 0
    turns_true: int = 0
    turns_tp_adj: int = 0
    turns_true_adj: int = 0
    false_turn_docs: int = 0
    #: the same, once decided: documents whose dialogue the reference leaves untagged
    #: (:func:`frus_adjudication.invented_dialogue`) are left out
    false_turn_docs_adj: int = 0
    notes_tp: int = 0
    notes_pred: int = 0
    notes_true: int = 0
    #: the same, once decided (:func:`frus_adjudication.adjudicated_notes`)
    notes_tp_adj: int = 0
    notes_true_adj: int = 0
    linked_tp: int = 0
    linked_true: int = 0
    heads_tp: int = 0
    heads_pred: int = 0
    heads_true: int = 0
    title_ok: int = 0
    title_docs: int = 0
    date_ok: int = 0
    date_docs: int = 0
    kind_ok: int = 0
    kind_docs: int = 0
    marks_tp: int = 0
    marks_true: int = 0
    marks_pred: int = 0
    marks_pred_ok: int = 0
    pages_tp: int = 0
    pages_pred: int = 0
    pages_true: int = 0
    persons_tp: int = 0
    persons_true: int = 0
    persons_pred: int = 0
    persons_pred_ok: int = 0
    false_gaps: int = 0
    words_lost: int = 0
    docs_losing_words: int = 0
    refusals: list[str] = field(default_factory=list)
    false_dialogue: list[str] = field(default_factory=list)
    #: one line per miss, ``document: what`` (for ``--details``)
    misses: list[str] = field(default_factory=list)

    def __add__(self, other: Counts) -> Counts:
        out = Counts()
        for f in fields(Counts):
            a, b = getattr(self, f.name), getattr(other, f.name)
            setattr(out, f.name, a + b)
        return out

    def rate(self, tp: str, total: str) -> float:
        d = getattr(self, total)
        return getattr(self, tp) / d if d else 1.0

    def summary(self) -> dict[str, float]:
        return {
            "docs": self.docs,
            "refused": self.refused,
            "turns P": round(self.rate("turns_tp", "turns_pred"), 3),
            "turns R": round(self.rate("turns_tp", "turns_true"), 3),
            "turns P adjudicated": round(self.rate("turns_tp_adj", "turns_pred"), 3),
            "turns R adjudicated": round(self.rate("turns_tp_adj", "turns_true_adj"), 3),
            "docs without dialogue given turns": self.false_turn_docs,
            "docs without dialogue given turns adjudicated": self.false_turn_docs_adj,
            "notes P": round(self.rate("notes_tp", "notes_pred"), 3),
            "notes R": round(self.rate("notes_tp", "notes_true"), 3),
            "notes P adjudicated": round(self.rate("notes_tp_adj", "notes_pred"), 3),
            "notes R adjudicated": round(self.rate("notes_tp_adj", "notes_true_adj"), 3),
            "notes linked": round(self.rate("linked_tp", "linked_true"), 3),
            "headings P": round(self.rate("heads_tp", "heads_pred"), 3),
            "headings R": round(self.rate("heads_tp", "heads_true"), 3),
            "title": round(self.rate("title_ok", "title_docs"), 3),
            "date": round(self.rate("date_ok", "date_docs"), 3),
            "kind": round(self.rate("kind_ok", "kind_docs"), 3),
            "markings P": round(self.rate("marks_pred_ok", "marks_pred"), 3),
            "markings R": round(self.rate("marks_tp", "marks_true"), 3),
            "page breaks P": round(self.rate("pages_tp", "pages_pred"), 3),
            "page breaks R": round(self.rate("pages_tp", "pages_true"), 3),
            "persons P": round(self.rate("persons_pred_ok", "persons_pred"), 3),
            "persons R": round(self.rate("persons_tp", "persons_true"), 3),
            "false lost gaps": self.false_gaps,
            "words lost": self.words_lost,
            "docs losing words": self.docs_losing_words,
        }


Converter = Callable[[Path], etree._Element]


def _convert(path: Path) -> etree._Element:
    from teikit.convert import convert

    return convert(path, validate=False).tree.getroot()


def score_file(txt: Path, converter: Converter = _convert) -> Counts:
    """Convert one derived document and count against its JSON ground truth."""
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    c = Counts(docs=1)
    want_turns = truth_turns(truth)
    want_notes = truth_notes(truth)
    c.turns_true = sum(want_turns.values())
    c.notes_true = c.notes_true_adj = sum(want_notes.values())
    c.linked_true = len({n for n, _ in want_notes})
    try:
        root = converter(txt)
    except Exception as exc:
        c.refused = 1
        c.refusals.append(f"{txt.stem}: {type(exc).__name__}: {str(exc)[:200]}")
        return c
    got_turns = tei_turns(root)
    got_notes, linked = tei_notes(root)
    want_turns = reconcile_truncated(want_turns, got_turns)
    c.turns_pred = sum(got_turns.values())
    c.turns_tp = sum((got_turns & want_turns).values())
    adjudicated = frus_adjudication.adjudicated_truth(txt.stem, want_turns, got_turns)
    c.turns_tp_adj = sum((got_turns & adjudicated).values())
    c.turns_true_adj = sum(adjudicated.values())
    c.false_turn_docs = int(not want_turns and bool(got_turns))
    c.false_turn_docs_adj = int(
        frus_adjudication.invented_dialogue(txt.stem, want_turns, got_turns)
    )
    if c.false_turn_docs:
        decided = (
            ""
            if c.false_turn_docs_adj
            else " (adjudicated: dialogue the reference leaves untagged)"
        )
        labels = sorted(label for label, _ in got_turns)[:5]
        c.false_dialogue.append(f"{txt.stem}: {labels}{decided}")
    c.notes_pred = sum(got_notes.values())
    c.notes_tp = sum((got_notes & want_notes).values())
    notes_adj = frus_adjudication.adjudicated_notes(txt.stem, want_notes, got_notes)
    c.notes_tp_adj = sum((got_notes & notes_adj).values())
    c.notes_true_adj = sum(notes_adj.values())
    c.linked_tp = len(linked & {n for n, _ in want_notes})
    name = txt.stem
    decided = frus_adjudication.load_notes()
    for n, text in sorted(want_notes - got_notes):
        v = frus_adjudication.note_verdict(decided, name, "fn", n, text)
        c.misses.append(f"{name}: note not found [{n}] {text!r}" + (f" ({v})" if v else ""))
    for n, text in sorted(got_notes - want_notes):
        v = frus_adjudication.note_verdict(decided, name, "fp", n, text)
        c.misses.append(f"{name}: false note [{n}] {text!r}" + (f" ({v})" if v else ""))
    for n in sorted({n for n, _ in want_notes} - linked):
        c.misses.append(f"{name}: note [{n}] not linked")
    for label, start in sorted(want_turns - got_turns):
        c.misses.append(f"{name}: turn not found {label!r} {start!r}")
    for label, start in sorted(got_turns - want_turns):
        c.misses.append(f"{name}: false turn {label!r} {start!r}")

    tp, pred, true, missed, false = score_heads(truth, tei_heads(root), section_titles(txt, truth))
    c.heads_tp, c.heads_pred, c.heads_true = tp, pred, true
    c.misses += [f"{name}: heading not found {k[:50]!r}" for k in missed]
    c.misses += [f"{name}: false heading {k[:50]!r}" for k in false]
    if truth.get("title"):
        c.title_docs = 1
        want_title, got_title = _hkey(truth["title"]), tei_title(root)
        c.title_ok = int(heads_match(got_title, want_title))
        if not c.title_ok:
            c.misses.append(f"{name}: title {got_title[:50]!r}, expected {want_title[:50]!r}")
    if truth.get("date_when"):
        c.date_docs = 1
        want_date, got_date = truth["date_when"][:10], (tei_date(root) or "")[:10]
        c.date_ok = int(want_date == got_date)
        if not c.date_ok:
            c.misses.append(f"{name}: date {got_date!r}, expected {want_date!r}")
    want_kinds = truth_kinds(truth.get("title") or "")
    if want_kinds is not None:
        c.kind_docs = 1
        got_kinds = tei_kinds(root)
        c.kind_ok = int(bool(want_kinds & got_kinds))
        if not c.kind_ok:
            c.misses.append(
                f"{name}: kind {sorted(got_kinds)}, expected one of {sorted(want_kinds)}"
            )
    c.marks_tp, c.marks_true, c.marks_pred, c.marks_pred_ok, mm = score_markings(truth, root)
    c.misses += [f"{name}: {m}" for m in mm]
    c.pages_true = truth_page_boundaries(truth) + copy_page_turns(txt.read_text(encoding="utf-8"))
    c.pages_pred = tei_page_boundaries(root)
    c.pages_tp = min(c.pages_true, c.pages_pred)
    if c.pages_true != c.pages_pred:
        c.misses.append(f"{name}: {c.pages_pred} page boundaries, expected {c.pages_true}")
    c.persons_tp, c.persons_true, c.persons_pred, c.persons_pred_ok, pm = score_persons(
        truth, tei_persons(root), tei_groups(root)
    )
    c.misses += [f"{name}: {m}" for m in pm]
    text_el = root.find(f"{T}text")
    lost_gaps = (
        0
        if text_el is None
        else sum(1 for g in text_el.iter(f"{T}gap") if g.get("reason") == "lost")
    )
    c.false_gaps = max(0, lost_gaps - int(truth.get("gaps") or 0))
    if c.false_gaps:
        c.misses.append(f"{name}: {c.false_gaps} false lost-text gaps")
    lost = lost_words(txt.read_text(encoding="utf-8"), root)
    c.words_lost, c.docs_losing_words = len(lost), int(bool(lost))
    if lost:
        c.misses.append(f"{name}: words lost {lost[:8]}")
    return c


def score_files(paths: Sequence[Path], workers: int = 1) -> Counts:
    """Sum :func:`score_file` over ``paths``, in ``workers`` processes when more than one."""
    total = Counts()
    if workers > 1:
        import multiprocessing

        with multiprocessing.get_context("spawn").Pool(workers) as pool:
            for c in pool.imap_unordered(score_file, paths, chunksize=16):
                total = total + c
    else:
        for p in paths:
            total = total + score_file(p)
    return total


def sample(paths: Sequence[Path], n: int) -> list[Path]:
    """A deterministic sample of ``n`` paths spread evenly over the sorted list."""
    paths = sorted(paths)
    if n >= len(paths):
        return list(paths)
    step = len(paths) / n
    return [paths[int(i * step)] for i in range(n)]


def format_table(rows: dict[str, Counts], title: str) -> str:
    """Two tables, a row per combination: turns and notes, then the document's structure."""
    lines = [
        title,
        f"{'combination':<28}{'docs':>6}{'refused':>8}{'turns P':>9}{'turns R':>9}"
        f"{'adj P':>7}{'adj R':>7}{'false-dlg':>10}{'adj':>5}"
        f"{'notes P':>9}{'notes R':>9}{'adj P':>7}{'adj R':>7}{'linked':>8}",
    ]
    for name, c in rows.items():
        s = c.summary()
        lines.append(
            f"{name:<28}{c.docs:>6}{c.refused:>8}{s['turns P']:>9.3f}{s['turns R']:>9.3f}"
            f"{s['turns P adjudicated']:>7.3f}{s['turns R adjudicated']:>7.3f}"
            f"{c.false_turn_docs:>10}{c.false_turn_docs_adj:>5}"
            f"{s['notes P']:>9.3f}{s['notes R']:>9.3f}"
            f"{s['notes P adjudicated']:>7.3f}{s['notes R adjudicated']:>7.3f}"
            f"{s['notes linked']:>8.3f}"
        )
    lines.append(
        f"{'combination':<28}{'heads P':>8}{'heads R':>8}{'title':>6}{'date':>6}{'kind':>6}"
        f"{'marks P':>8}{'marks R':>8}{'pb P':>6}{'pb R':>6}{'pers P':>7}{'pers R':>7}"
        f"{'gaps':>6}{'lost':>6}"
    )
    for name, c in rows.items():
        s = c.summary()
        lines.append(
            f"{name:<28}{s['headings P']:>8.3f}{s['headings R']:>8.3f}{s['title']:>6.2f}"
            f"{s['date']:>6.2f}{s['kind']:>6.2f}{s['markings P']:>8.3f}{s['markings R']:>8.3f}"
            f"{s['page breaks P']:>6.2f}{s['page breaks R']:>6.2f}{s['persons P']:>7.3f}"
            f"{s['persons R']:>7.3f}{c.false_gaps:>6}{c.words_lost:>6}"
        )
    return "\n".join(lines)
