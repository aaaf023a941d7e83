"""The converter measured against FRUS ground truth: speaker turns, footnotes, classification.

Raw transcriptions are derived at test time from the shared FRUS volumes with
``../shared/tools/frus2raw.py`` (three runs with different layout flags), so the
markup of the published TEI is the answer key: ``frus2raw`` writes beside each
``.txt`` a ``.json`` saying which paragraphs are speaker turns, which footnotes
there are and what the classification is. The converter sees only the text.

Each quantity is scored as precision and recall over the chosen documents and
printed as a table; the floors asserted are what the converter reached when
these tests were written, less a small margin, so that a regression fails.
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pytest
from lxml import etree

from teikit.xmlio import TEI_NS

if TYPE_CHECKING:
    from pathlib import Path

T = f"{{{TEI_NS}}}"

#: frus2raw runs: (name, flags, volumes, documents to evaluate).
#: Documents are chosen for dialogue (speaker turns), footnotes and classification
#: markings, from volumes of different periods and markup habits, and kept small.
RUNS: tuple[tuple[str, tuple[str, ...], tuple[str, ...], tuple[str, ...]], ...] = (
    (
        "plain",
        (),
        ("frus1969-76v38p1", "frus1969-76ve15p1"),
        (
            "frus1969-76v38p1_d10",
            "frus1969-76v38p1_d22",
            "frus1969-76v38p1_d25",
            "frus1969-76v38p1_d36",
            "frus1969-76v38p1_d40",
            "frus1969-76ve15p1_d3",
            "frus1969-76ve15p1_d36",
        ),
    ),
    (
        "pages+upper",
        ("--pages", "--upper-speakers"),
        ("frus1964-68v07", "frus1969-76v12"),
        (
            "frus1964-68v07_d51",
            "frus1964-68v07_d129",
            "frus1964-68v07_d135",
            "frus1964-68v07_d187",
            "frus1969-76v12_d29",
            "frus1969-76v12_d188",
            "frus1969-76v12_d189",
        ),
    ),
    (
        "source-footnote",
        ("--source-as-footnote",),
        ("frus1958-60v19", "frus1961-63v05", "frus1955-57v24"),
        (
            "frus1958-60v19_d70",
            "frus1958-60v19_d102",
            "frus1958-60v19_d120",
            "frus1961-63v05_d4",
            "frus1961-63v05_d369",
            "frus1955-57v24_d75",
            "frus1955-57v24_d207",
        ),
    ),
)


@dataclass
class Derived:
    """One derived raw transcription and its ground truth."""

    run: str
    name: str
    txt: Path
    truth: dict[str, Any]


@dataclass
class Score:
    """Matched, predicted and true counts of one quantity."""

    tp: int = 0
    pred: int = 0
    true: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.true if self.true else 1.0

    def add(self, name: str, pred: Counter[Any], true: Counter[Any]) -> None:
        matched = sum((pred & true).values())
        self.tp += matched
        self.pred += sum(pred.values())
        self.true += sum(true.values())
        for key in (true - pred).elements():
            self.misses.append(f"{name}: missed {key!r}")
        for key in (pred - true).elements():
            self.misses.append(f"{name}: spurious {key!r}")


# -- deriving the raw texts --------------------------------------------------------


@pytest.fixture(scope="session")
def derived(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> list[Derived]:
    """The chosen documents, derived with frus2raw into the session's temporary directory."""
    tool = shared / "tools" / "frus2raw.py"
    out: list[Derived] = []
    for run, flags, volumes, docs in RUNS:
        outdir = tmp_path_factory.mktemp(f"frus-{run}")
        cmd = [sys.executable, str(tool), *flags, "-o", str(outdir)]
        cmd += [str(shared / "frus" / f"{v}.xml") for v in volumes]
        subprocess.run(cmd, check=True, capture_output=True)
        for name in docs:
            txt = outdir / f"{name}.txt"
            truth = json.loads((outdir / f"{name}.json").read_text(encoding="utf-8"))
            out.append(Derived(run, name, txt, truth))
    return out


def test_enough_documents_with_each_feature(derived: list[Derived]) -> None:
    assert len(derived) >= 20
    assert sum(1 for d in derived if d.truth["speaker_turns"]) >= 15
    assert sum(1 for d in derived if d.truth["footnote_count"]) >= 15
    assert sum(1 for d in derived if _marking(d.truth["classification"])) >= 10
    assert {d.run for d in derived} == {"plain", "pages+upper", "source-footnote"}


# -- keys that survive conversion ---------------------------------------------------

_BRACKETS = re.compile(r"\[[^\]]*\]")


def _alnum(text: str, n: int = 24) -> str:
    """The first ``n`` letters and digits, lower-cased: robust to quotes, dashes, markup."""
    text = unicodedata.normalize("NFKC", _BRACKETS.sub(" ", text))
    return "".join(ch for ch in text.lower() if ch.isalnum())[:n]


def _label(label: str) -> str:
    return " ".join(label.rstrip(":. ").split()).lower()


def _marking(classification: str | None) -> str | None:
    """The first marking of a classification line ("Secret; Nodis." → "secret")."""
    if not classification or classification.lower().startswith("no classification"):
        return None
    return re.split(r"[;.,]", classification)[0].strip().lower()


def truth_turns(truth: dict[str, Any]) -> Counter[tuple[str, str]]:
    turns: Counter[tuple[str, str]] = Counter()
    for block in truth["blocks"]:
        if block.get("speaker"):
            raw = block["label_raw"]
            rest = block["text_start"][len(raw) + 1 :]
            turns[(_label(raw), _alnum(rest, 12))] += 1
    return turns


def truth_notes(truth: dict[str, Any]) -> Counter[tuple[str, str]]:
    return Counter((str(n["n"]), _alnum(n["text"])) for n in truth["footnotes"])


def _text(el: etree._Element, skip: tuple[str, ...] = ("note", "ref")) -> str:
    """Text of ``el`` without footnote markers and notes (their tails kept)."""
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


def tei_notes(root: etree._Element) -> Counter[tuple[str, str]]:
    notes: Counter[tuple[str, str]] = Counter()
    for note in root.iter(f"{T}note"):
        if note.get("type") == "footnote":
            notes[(note.get("n") or "", _alnum(_text(note, ("ref",))))] += 1
    return notes


def tei_marking(root: etree._Element) -> str | None:
    for stamp in root.iter(f"{T}stamp"):
        if stamp.get("type") == "classification":
            return _marking("".join(stamp.itertext())) or "".join(stamp.itertext()).lower()
    return None


def test_truth_keys_match_the_ground_truth_counts(derived: list[Derived]) -> None:
    """The answer key read from the JSON agrees with the counts frus2raw reports."""
    for d in derived:
        assert sum(truth_turns(d.truth).values()) == d.truth["speaker_turns"], d.name
        assert sum(truth_notes(d.truth).values()) == d.truth["footnote_count"], d.name
        raw = d.txt.read_text(encoding="utf-8")
        for block in d.truth["blocks"]:
            if block.get("speaker"):
                label = block["label_raw"]
                if d.run == "pages+upper":
                    label = label.upper()
                assert f"{label}:" in raw, (d.name, label)


# -- converting ---------------------------------------------------------------------


def convert_file(path: Path) -> etree._Element:
    """The converter's TEI for a raw file (the in-process API, as the CLI uses it)."""
    convert = pytest.importorskip("teikit.convert")
    if not hasattr(convert, "convert"):
        pytest.skip("the converter core (teikit.convert.convert) is not available yet")
    result = convert.convert(path)
    root: etree._Element = result.getroot() if hasattr(result, "getroot") else result
    return root


@pytest.fixture(scope="session")
def converted(derived: list[Derived]) -> dict[str, etree._Element]:
    return {d.name: convert_file(d.txt) for d in derived}


@pytest.fixture(scope="session")
def scores(derived: list[Derived], converted: dict[str, etree._Element]) -> dict[str, Score]:
    out = {"speaker turns": Score(), "footnotes": Score(), "classification": Score()}
    for d in derived:
        root = converted[d.name]
        out["speaker turns"].add(d.name, tei_turns(root), truth_turns(d.truth))
        out["footnotes"].add(d.name, tei_notes(root), truth_notes(d.truth))
        want, got = _marking(d.truth["classification"]), tei_marking(root)
        out["classification"].add(
            d.name,
            Counter([got]) if got else Counter(),
            Counter([want]) if want else Counter(),
        )
    return out


def test_report_precision_recall(
    scores: dict[str, Score], derived: list[Derived], capsys: pytest.CaptureFixture[str]
) -> None:
    lines = [
        f"FRUS evaluation: {len(derived)} documents, frus2raw runs "
        + ", ".join(r[0] for r in RUNS),
        f"{'quantity':<16}{'truth':>7}{'found':>7}{'match':>7}{'precision':>11}{'recall':>8}",
    ]
    for name, s in scores.items():
        lines.append(
            f"{name:<16}{s.true:>7}{s.pred:>7}{s.tp:>7}{s.precision:>11.3f}{s.recall:>8.3f}"
        )
    with capsys.disabled():
        print("\n" + "\n".join(lines))


#: Floors measured when the converter was wired in (see the module docstring).
FLOORS = {
    "speaker turns": (0.9, 0.9),
    "footnotes": (0.9, 0.9),
    "classification": (0.9, 0.5),
}


@pytest.mark.parametrize("quantity", sorted(FLOORS))
def test_floor(quantity: str, scores: dict[str, Score]) -> None:
    s = scores[quantity]
    min_p, min_r = FLOORS[quantity]
    detail = "\n".join(s.misses[:20])
    assert s.precision >= min_p, f"{quantity} precision {s.precision:.3f}\n{detail}"
    assert s.recall >= min_r, f"{quantity} recall {s.recall:.3f}\n{detail}"


def test_converted_documents_are_valid(
    derived: list[Derived], converted: dict[str, etree._Element]
) -> None:
    from teikit.resources import schema_path

    rng_path = schema_path("teikit.rng")
    if not rng_path.is_file():
        pytest.skip("the teikit schema (schema/teikit.rng) is not built yet")
    rng = etree.RelaxNG(etree.parse(str(rng_path)))
    invalid = []
    for d in derived:
        if not rng.validate(converted[d.name].getroottree()):
            invalid.append(f"{d.name}: {rng.error_log.last_error}")
    assert invalid == []
