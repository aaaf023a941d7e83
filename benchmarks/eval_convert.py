"""Measure the converter's quality: the development set and FRUS-derived text.

Run: ``python benchmarks/eval_convert.py [--details] [--per-document] [--frus all|N|0]
[--workers 2] [--rough]``.

Two tables:

* **development set** (``../shared/devset``): the 62 real documents converted and
  compared with the expected facts in ``tests/convert/devset/expected`` (see its
  README): precision and recall of turns, speakers, notes, note links, markings,
  headings and page breaks; kind and date accuracy; refusals, invalid outputs,
  documents without dialogue given turns, false lost-text gaps, words lost.
* **FRUS**: ``frus2raw.py`` in all 8 combinations of its layout flags over the FRUS
  volumes; per combination, documents refused, turn precision/recall, documents
  without dialogue given turns, footnote precision/recall and the share of
  footnotes linked to their marker, then headings P/R, title and date accuracy,
  classification markings P/R, page breaks P/R, participants as persons P/R, false
  lost-text gaps and words lost, against frus2raw's JSON ground truth
  (``tests/convert/devset/frus_score.py`` says how each is judged; ``--details``
  lists every miss).
  ``--frus N`` scores a deterministic sample of N documents per combination
  (default 40), ``--frus all`` every document (about 2,855 per combination; use
  ``--workers 2``), ``--frus 0`` skips FRUS. ``--rough`` adds, per combination, the
  same documents roughened to the seeds' habits (hard-wrapped lines, footnote digits
  glued to the word, notes listed ``N. text``), which frus2raw alone does not produce.
* **FRUS history** (``--frushist TEI_DIR --frushist-out DIR``): Office of the Historian TEI
  files of the source the devset's ``frushist_*`` documents come from, rendered by
  ``../shared/devset/build.py`` under each of its styles into ``DIR`` with a ground truth
  read from the TEI (``tests/convert/devset/frushist_truth.py``), and scored as FRUS is;
  a row per style. ``--styles`` keeps some of them (the part of the name after the date).

Derived FRUS text is cached in ``benchmarks/results/frus2raw/`` (not committed).
``--json FILE`` also writes the figures as JSON. Quality, not speed: this script is
not one of the ``bench_*`` timings that ``run.py`` runs.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "convert" / "devset"))

import frus_score  # noqa: E402
import score  # noqa: E402


def shared_dir() -> Path | None:
    env = os.environ.get("TEIKIT_SHARED")
    candidate = Path(env) if env else REPO.parent / "shared"
    return candidate if candidate.is_dir() else None


def relaxng() -> object | None:
    from lxml import etree

    from teikit.resources import schema_path

    path = schema_path("teikit.rng")
    return etree.RelaxNG(etree.parse(str(path))) if path.is_file() else None


def derived(shared: Path, name: str, flags: tuple[str, ...], cache: Path) -> list[Path]:
    """The combination's raw files, derived once into ``cache``."""
    outdir = cache / name
    stamp = outdir / "_stats.json"
    if not stamp.is_file():
        frus_score.derive(shared, flags, frus_score.volumes(shared), outdir)
    return sorted(outdir.glob("*.txt"))


def frushist(shared: Path, args: argparse.Namespace) -> dict[str, object]:
    """Render the TEI files of ``--frushist`` under build.py's styles and score them."""
    import frushist_truth

    if args.frushist_out is None:
        raise SystemExit("--frushist needs --frushist-out DIR (where the renderings go)")
    build = frushist_truth.load_build(shared)
    names = sorted(build.STYLES)
    if args.styles:
        names = [n for n in names if n.split("_", 2)[-1] in args.styles]
    tei = sorted(args.frushist.glob("*.xml"))
    by_style = frushist_truth.render_all(build, tei, args.frushist_out, names)
    rows = {
        style[:27]: frus_score.score_files(paths, workers=args.workers)
        for style, paths in by_style.items()
    }
    total = frus_score.Counts()
    for c in rows.values():
        total = total + c
    rows["all"] = total
    print(frus_score.format_table(rows, f"FRUS history: {len(tei)} TEI documents, by style"))
    if args.details:
        for name, c in rows.items():
            if name != "all":
                print("\n".join(f"  {name}: {m}" for m in c.misses))
    return {name: c.summary() for name, c in rows.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--details", action="store_true", help="print every miss")
    ap.add_argument("--per-document", action="store_true", help="a line per devset document")
    ap.add_argument("--frus", default="40", help="documents per combination: N, all or 0")
    ap.add_argument("--combos", nargs="*", help="only these flag combinations (names)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument(
        "--rough",
        action="store_true",
        help="also score each combination roughened to the seeds' habits "
        "(hard wraps, glued note markers, notes listed 'N. text')",
    )
    ap.add_argument("--cache", type=Path, default=HERE / "results" / "frus2raw")
    ap.add_argument("--frushist", type=Path, help="a directory of frus-history TEI files")
    ap.add_argument("--frushist-out", type=Path, help="where their renderings are written")
    ap.add_argument("--styles", nargs="*", help="only these frushist styles")
    ap.add_argument("--json", type=Path)
    args = ap.parse_args(argv)

    shared = shared_dir()
    if shared is None:
        print("skipped: needs ../shared (or TEIKIT_SHARED)")
        return 0
    figures: dict[str, object] = {}

    t0 = time.perf_counter()
    ev = score.evaluate(shared / "devset" / "raw", schema=relaxng())
    print(score.format_table(ev) + f"\n({time.perf_counter() - t0:.1f} s)")
    if args.per_document:
        print(score.format_per_document(ev))
    if args.details:
        print(score.format_details(ev))
    figures["devset"] = ev.summary()

    if args.frus != "0":
        rows: dict[str, frus_score.Counts] = {}
        for name, flags in frus_score.combinations():
            if args.combos and name not in args.combos:
                continue
            paths = derived(shared, name, flags, args.cache)
            if args.frus != "all":
                paths = frus_score.sample(paths, int(args.frus))
            t0 = time.perf_counter()
            rows[name] = frus_score.score_files(paths, workers=args.workers)
            print(
                f"  {name}: {len(paths)} documents in {time.perf_counter() - t0:.1f} s", flush=True
            )
            if args.rough:
                rough = frus_score.roughen_files(paths, args.cache / f"{name}-rough")
                rows[f"{name}+rough"] = frus_score.score_files(rough, workers=args.workers)
        total, total_rough = frus_score.Counts(), frus_score.Counts()
        for name, c in list(rows.items()):
            if name.endswith("+rough"):
                total_rough = total_rough + c
            else:
                total = total + c
        rows["all"] = total
        if args.rough:
            rows["all+rough"] = total_rough
        per = "every document" if args.frus == "all" else f"a sample of {args.frus} documents"
        print(frus_score.format_table(rows, f"FRUS via frus2raw, {per} per combination"))
        for line in total.refusals[: 20 if not args.details else None]:
            print(f"  refused {line}")
        for line in (total + total_rough).false_dialogue[: None if args.details else 10]:
            print(f"  turns in a document without dialogue: {line}")
        if args.details:
            for name, c in rows.items():
                if name not in ("all", "all+rough"):
                    print("\n".join(f"  {name}: {m}" for m in c.misses))
        figures["frus"] = {name: c.summary() for name, c in rows.items()}

    if args.frushist is not None:
        figures["frushist"] = frushist(shared, args)

    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(figures, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
