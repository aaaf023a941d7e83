"""The converter on FRUS-derived text in every frus2raw flag combination: none refused.

``frus2raw.py`` has three layout flags (``--pages``, ``--upper-speakers``,
``--source-as-footnote``), so eight combinations. Each combination is derived here from
its own FRUS volume(s) (the ten volumes rotate over the eight combinations, so every
volume is used) and a deterministic sample of its documents is converted and scored
against frus2raw's JSON ground truth with ``devset/frus_score.py``. Bounded for CI (about
1,200 conversions); ``python benchmarks/eval_convert.py --frus all --workers 2`` scores
every document of every volume in every combination (about 23,500 conversions).

Measured on every document (2,937 per combination, 2 December 2026, commit 522c352):
nothing refused; turns P 0.992, R 0.984 (0.990 with capital labels); one document
without dialogue given turns per combination; notes P and R 0.996-0.997; every note's
marker linked. With ``--frus 200 --rough`` (3 December 2026), the same features and the
rest of issue 9's: headings, title, date, markings, page breaks, participants as persons,
false lost-text gaps and words lost (``frus_score.py`` says how each is judged); roughened
notes R 0.994, linked 0.977. The floors below are what this sample measured, less a small
margin.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent / "devset"))

import frus_score

pytestmark = [pytest.mark.shared, pytest.mark.slow]

#: Documents converted per combination (each also converted roughened).
PER_COMBINATION = 100

#: Floors over the whole sample as frus2raw writes it (measured: see test_report's table;
#: 3 December 2026: turns P 0.985 R 0.991, notes 1.000/1.000, every note linked, headings
#: P 0.514 R 0.978, title 0.98, date 1.00, markings P 1.000 R 0.992, page breaks 1.00/1.00,
#: participants as persons P 0.979 R 0.981, no false lost-text gap, no word lost).
#: Headings: from 3 December 2026 the truth also holds the section titles the volumes set
#: as styled paragraphs (``I. Introduction``, ``The Problem``), which frus2raw's JSON calls
#: plain paragraphs: measured P 0.901 R 0.825, roughened P 0.859 R 0.869 (issue 9 asks 0.9).
#: Later that day (s5-headings: the scorer's signatures, datelines and silent titles; the
#: converter's new heading cues), every plain document: P 0.965 R 0.915, roughened P 0.935
#: R 0.924; samples of 200 with upper speakers, pages and notes: P 0.97 R 0.92-0.93.
FLOORS = {
    # 3 December 2026: turns P 0.987, R 0.992 (the precision lost is the markup's: turns
    # FRUS prints as "The President." or runs into a paragraph, labels seen once without
    # a persName, which frus2raw does not count as turns)
    "turns P": 0.98,
    "turns R": 0.98,
    "notes P": 0.99,
    "notes R": 0.99,
    # the same once the reference's gaps are decided (frus_adjudicated.toml [[note]]):
    # 1.000 and 1.000 on the 300-document sample, 3 December 2026
    "notes P adjudicated": 0.995,
    "notes R adjudicated": 0.995,
    "notes linked": 0.99,
    "headings P": 0.94,
    "headings R": 0.88,
    "title": 0.96,
    "date": 0.98,
    "kind": 0.95,  # 1.00 on 3 December 2026 (plain: 300 documents; 4 others: 100 each)
    "markings P": 0.98,
    "markings R": 0.97,
    "page breaks P": 0.98,
    "page breaks R": 0.98,
    "persons P": 0.96,
    "persons R": 0.96,
}
#: Floors for the same documents in the seeds' habits (hard wraps, glued markers, notes
#: "N. text"), measured: notes P 1.000 R 0.999, linked 0.980 (a marker glued to a number
#: that may also be a file number, ``telegram 4532``, stays unlinked), headings P 0.470 R
#: 0.980, markings P 0.998 R 0.980, persons P 0.978 R 0.981.
ROUGH_FLOORS = {
    "turns P": 0.98,
    "turns R": 0.98,
    "notes P": 0.99,
    "notes R": 0.99,
    "notes P adjudicated": 0.995,
    "notes R adjudicated": 0.99,
    "notes linked": 0.96,
    "headings P": 0.91,
    "headings R": 0.89,
    "title": 0.96,
    "date": 0.98,
    "kind": 0.95,  # 1.00 on 3 December 2026 (plain: 300 documents; 4 others: 100 each)
    "markings P": 0.98,
    "markings R": 0.96,
    "page breaks P": 0.98,
    "page breaks R": 0.98,
    "persons P": 0.96,
    "persons R": 0.96,
}
#: Ceiling: documents without dialogue that were given turns (measured 1 in the sample).
MAX_FALSE_DIALOGUE_DOCS = 1  # measured 0 on 3 December 2026
#: Ceilings over the whole sample, roughened or not: false lost-text gaps and lost words
#: (issue 9: none of either).
MAX_COUNTS = {"false lost gaps": 0, "words lost": 0}


@pytest.fixture(scope="module")
def rows(shared: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, frus_score.Counts]:
    vols = frus_score.volumes(shared)
    combos = frus_score.combinations()
    out: dict[str, frus_score.Counts] = {}
    for i, (name, flags) in enumerate(combos):
        mine = vols[i :: len(combos)]
        outdir = tmp_path_factory.mktemp(f"frus-{name}")
        paths = frus_score.sample(frus_score.derive(shared, flags, mine, outdir), PER_COMBINATION)
        out[name] = frus_score.score_files(paths)
        rough = frus_score.roughen_files(paths, outdir / "rough")
        out[f"{name}+rough"] = frus_score.score_files(rough)
    total, total_rough = frus_score.Counts(), frus_score.Counts()
    for name, c in list(out.items()):
        if name.endswith("+rough"):
            total_rough = total_rough + c
        else:
            total = total + c
    out["all"] = total
    out["all+rough"] = total_rough
    return out


def test_every_volume_and_combination_is_used(shared: Path) -> None:
    vols = frus_score.volumes(shared)
    combos = frus_score.combinations()
    assert len(combos) == 8
    assert len({flags for _, flags in combos}) == 8
    used = {v for i in range(len(combos)) for v in vols[i :: len(combos)]}
    assert used == set(vols)


def test_report(rows: dict[str, frus_score.Counts], capsys: pytest.CaptureFixture[str]) -> None:
    with capsys.disabled():
        title = f"FRUS via frus2raw: {PER_COMBINATION} documents per combination"
        print("\n" + frus_score.format_table(rows, title))


@pytest.mark.parametrize("which", ["all", "all+rough"])
def test_none_refused(which: str, rows: dict[str, frus_score.Counts]) -> None:
    assert rows[which].refused == 0, "\n".join(rows[which].refusals[:20])


@pytest.mark.parametrize("figure", list(FLOORS))
def test_floor(figure: str, rows: dict[str, frus_score.Counts]) -> None:
    value = rows["all"].summary()[figure]
    assert value >= FLOORS[figure], f"{figure} {value} < {FLOORS[figure]}"


@pytest.mark.parametrize("figure", list(ROUGH_FLOORS))
def test_rough_floor(figure: str, rows: dict[str, frus_score.Counts]) -> None:
    value = rows["all+rough"].summary()[figure]
    assert value >= ROUGH_FLOORS[figure], f"{figure} {value} < {ROUGH_FLOORS[figure]}"


@pytest.mark.parametrize("which", ["all", "all+rough"])
@pytest.mark.parametrize("figure", list(MAX_COUNTS))
def test_ceiling(which: str, figure: str, rows: dict[str, frus_score.Counts]) -> None:
    value = rows[which].summary()[figure]
    detail = "\n".join(m for m in rows[which].misses if "gap" in m or "lost" in m)
    assert value <= MAX_COUNTS[figure], f"{figure} {value}\n{detail[:2000]}"


@pytest.mark.parametrize("which", ["all", "all+rough"])
def test_no_dialogue_invented(which: str, rows: dict[str, frus_score.Counts]) -> None:
    assert rows[which].false_turn_docs <= MAX_FALSE_DIALOGUE_DOCS
    # once decided, a document whose dialogue the reference leaves untagged has dialogue
    assert rows[which].false_turn_docs_adj == 0, "\n".join(rows[which].false_dialogue)
