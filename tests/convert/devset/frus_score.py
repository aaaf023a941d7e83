"""Score the converter on FRUS-derived raw text: refusals, turns, notes and their links.

``../shared/tools/frus2raw.py`` turns the FRUS TEI volumes into raw transcriptions and
writes beside each ``.txt`` a ``.json`` ground truth read from the published markup
(which paragraphs are speaker turns, which footnotes there are). The converter sees only
the text. This module derives the text (any of the 8 combinations of frus2raw's three
layout flags), converts each document, and counts per document what matched, so that a
caller can sum counts over thousands of documents, in worker processes if it likes:
:func:`score_file` takes a path and returns plain counts.

The keys are those of ``tests/convert/test_frus_eval.py`` (label and the first letters
of the turn; note number and the first letters of the note), so both evaluations agree.
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
        for key in sorted(spare):
            if n and key[0] == label and key[1].startswith(start) and spare[key]:
                k = min(n, spare[key])
                out[(label, start)] -= k
                out[key] += k
                spare[key] -= k
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
            notes[(n, _alnum(_text(note, ("ref",))))] += 1
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
    notes_tp: int = 0
    notes_pred: int = 0
    notes_true: int = 0
    linked_tp: int = 0
    linked_true: int = 0
    refusals: list[str] = field(default_factory=list)
    false_dialogue: list[str] = field(default_factory=list)

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
            "notes P": round(self.rate("notes_tp", "notes_pred"), 3),
            "notes R": round(self.rate("notes_tp", "notes_true"), 3),
            "notes linked": round(self.rate("linked_tp", "linked_true"), 3),
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
    c.notes_true = sum(want_notes.values())
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
    if c.false_turn_docs:
        c.false_dialogue.append(f"{txt.stem}: {sorted(label for label, _ in got_turns)[:5]}")
    c.notes_pred = sum(got_notes.values())
    c.notes_tp = sum((got_notes & want_notes).values())
    c.linked_tp = len(linked & {n for n, _ in want_notes})
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
    lines = [
        title,
        f"{'combination':<28}{'docs':>6}{'refused':>8}{'turns P':>9}{'turns R':>9}"
        f"{'adj P':>7}{'adj R':>7}{'false-dlg':>10}{'notes P':>9}{'notes R':>9}{'linked':>8}",
    ]
    for name, c in rows.items():
        s = c.summary()
        lines.append(
            f"{name:<28}{c.docs:>6}{c.refused:>8}{s['turns P']:>9.3f}{s['turns R']:>9.3f}"
            f"{s['turns P adjudicated']:>7.3f}{s['turns R adjudicated']:>7.3f}"
            f"{c.false_turn_docs:>10}{s['notes P']:>9.3f}{s['notes R']:>9.3f}"
            f"{s['notes linked']:>8.3f}"
        )
    return "\n".join(lines)
