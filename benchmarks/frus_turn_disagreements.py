"""List every speaker-turn disagreement between the converter and frus2raw's reference.

Run: ``python benchmarks/frus_turn_disagreements.py [--combo plain] [--workers 2]
[--refresh] [--undecided]``.

Where system and reference disagree an expert reads the raw text and decides; the
decisions live in ``tests/convert/devset/frus_adjudicated.toml`` (see
``frus_adjudication.py``). This script is the list to decide from: for one flag
combination (``plain`` by default) over every FRUS document it converts each text and
prints each false positive (a turn the converter made that the reference lacks) and
false negative (a reference turn the converter missed) with the raw paragraph it
comes from, and whether an adjudication already covers it. The per-document
disagreements are cached in ``benchmarks/results/frus_turns_<combo>.json`` (not
committed); ``--refresh`` converts again.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO / "tests" / "convert" / "devset"))
sys.path.insert(0, str(HERE))

import eval_convert  # noqa: E402
import frus_adjudication  # noqa: E402
import frus_score  # noqa: E402


def disagreements(txt: Path) -> dict[str, Any]:
    """One document's false positive and false negative turn keys (label, text start)."""
    truth = json.loads(txt.with_suffix(".json").read_text(encoding="utf-8"))
    want = frus_score.truth_turns(truth)
    try:
        got = frus_score.tei_turns(frus_score._convert(txt))
    except Exception as exc:  # a refusal is reported, not fatal
        return {"doc": txt.stem, "refused": f"{type(exc).__name__}: {exc}"[:200]}
    want = frus_score.reconcile_truncated(want, got)
    fp, fn = got - want, want - got
    return {
        "doc": txt.stem,
        "pred": sum(got.values()),
        "true": sum(want.values()),
        "fp": sorted([a, b, n] for (a, b), n in fp.items()),
        "fn": sorted([a, b, n] for (a, b), n in fn.items()),
    }


def context(txt: Path, label: str, start: str) -> str:
    """The raw paragraph where a turn with this label and text start appears."""
    lines = txt.read_text(encoding="utf-8").splitlines()
    for line in lines:
        low = line.lower()
        at = low.find(label) if label else -1
        while at >= 0:
            rest = frus_score._alnum(line[at + len(label) :], 12)
            if rest == start or (not start and not rest):
                return line[max(0, at - 60) : at + 160]
            at = low.find(label, at + 1)
    hits = [line for line in lines if label and label in line.lower()]
    return "(no exact match) " + (hits[0][:200] if hits else "?")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--combo", default="plain")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--refresh", action="store_true")
    ap.add_argument("--undecided", action="store_true", help="only cases not adjudicated")
    args = ap.parse_args(argv)
    shared = eval_convert.shared_dir()
    if shared is None:
        print("skipped: needs ../shared (or TEIKIT_SHARED)")
        return 0
    flags = dict(frus_score.combinations())[args.combo]
    cache_dir = HERE / "results" / "frus2raw"
    paths = eval_convert.derived(shared, args.combo, flags, cache_dir)
    cache = HERE / "results" / f"frus_turns_{args.combo}.json"
    if cache.is_file() and not args.refresh:
        rows = json.loads(cache.read_text(encoding="utf-8"))
    else:
        if args.workers > 1:
            import multiprocessing

            with multiprocessing.get_context("spawn").Pool(args.workers) as pool:
                rows = list(pool.imap(disagreements, paths, chunksize=16))
        else:
            rows = [disagreements(p) for p in paths]
        cache.write_text(json.dumps(rows, indent=0) + "\n", encoding="utf-8")
    decisions = frus_adjudication.load()
    tally: Counter[str] = Counter()
    pred = sum(row.get("pred", 0) for row in rows)
    true = sum(row.get("true", 0) for row in rows)
    for row in rows:
        doc = row["doc"]
        if "refused" in row:
            print(f"{doc}  REFUSED {row['refused']}")
            continue
        fp = Counter({(a, b): n for a, b, n in row["fp"]})
        fn = frus_score.reconcile_truncated(Counter({(a, b): n for a, b, n in row["fn"]}), fp)
        fp, fn = fp - fn, fn - fp
        for kind, counts in (("fp", fp), ("fn", fn)):
            for (label, start), n in sorted(counts.items()):
                verdict = frus_adjudication.verdict(decisions, doc, kind, label, start)
                tally[f"{kind} {verdict or 'undecided'}"] += n
                if args.undecided and verdict:
                    continue
                where = context(cache_dir / args.combo / f"{doc}.txt", label, start)
                print(f"{doc}  {kind.upper()} x{n} [{verdict or '?'}] {label!r} {start!r}")
                print(f"    | {where}")
    print(", ".join(f"{k}: {v}" for k, v in sorted(tally.items())))
    fp_all = sum(v for k, v in tally.items() if k.startswith("fp"))
    tp = pred - fp_all
    gaps_fp, gaps_fn = tally["fp reference-gap"], tally["fn reference-gap"]
    if pred and true:
        print(f"raw: turns P {tp / pred:.3f} R {tp / true:.3f} ({pred} found, {true} true)")
        tp_adj, true_adj = tp + gaps_fp, true + gaps_fp - gaps_fn
        print(f"adjudicated: turns P {tp_adj / pred:.3f} R {tp_adj / true_adj:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
