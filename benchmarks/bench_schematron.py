"""Schematron throughput: tei_all.isosch over the FRUS volumes (and the corpus, if any).

Baseline, taken in the same run: a bare safe lxml parse of the same files. Each
figure is the best of a few repetitions in process CPU time (all of it is one
thread), which keeps a busy shared machine from blurring the ratio. Prints
seconds, MB/s and the ratio to the parse; the same for the per-node reference
path (``set_at_a_time=False``, how the engine evaluated before set-at-a-time
evaluation); and the evaluations of each kind: per-node calls to libxml2 and to
elementpath, and set-at-a-time libxml2 calls (one per rule and document, over
all its context elements).
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"

sys.path.insert(0, str(REPO / "src"))

from teikit.schematron import Schematron  # noqa: E402
from teikit.xmlio import parse_file  # noqa: E402

REPEAT = 5


def _best(fn: Any, repeat: int = REPEAT) -> float:
    best = float("inf")
    for _ in range(repeat):
        t = time.process_time()
        fn()
        best = min(best, time.process_time() - t)
    return best


def _measure(sch: Schematron, files: list[Path], label: str) -> dict[str, Any]:
    before = dict(sch.evaluations)
    parse_s = run_s = ref_s = 0.0
    results = fired = 0
    rows = []
    for f in files:
        tree = parse_file(f)
        report = sch.run(tree)  # warm, and the counts of one run
        results += len(report.results)
        fired += report.fired_rule_count
        counted = dict(sch.evaluations)
        p = _best(lambda f=f: parse_file(f))
        r = _best(lambda tree=tree: sch.run(tree))
        ref = _best(lambda tree=tree: sch.run(tree, set_at_a_time=False), 1)
        sch.evaluations = counted  # count one fast run per file, not the repetitions
        parse_s += p
        run_s += r
        ref_s += ref
        rows.append({"file": f.name, "parse_s": p, "schematron_s": r, "per_node_s": ref,
                     "results": len(report.results)})  # fmt: skip
        print(f"  {f.name:40} parse {p:6.3f}s  schematron {r:6.3f}s  x{r / p:4.2f}  "
              f"(per node {ref:6.3f}s x{ref / p:5.1f})  {len(report.results)} results")  # fmt: skip
    mb = sum(f.stat().st_size for f in files) / 1e6
    evals = {k: v - before.get(k, 0) for k, v in sch.evaluations.items()}
    print(f"{label}: {len(files)} files, {mb:.1f} MB: "
          f"parse {parse_s:.3f}s ({mb / parse_s:.0f} MB/s), "
          f"schematron {run_s:.3f}s ({mb / run_s:.0f} MB/s) = {run_s / parse_s:.2f}x parse; "
          f"per-node reference {ref_s:.3f}s = {ref_s / parse_s:.2f}x parse")  # fmt: skip
    print(f"{label}: evaluations per run: libxml2 set-at-a-time {evals.get('lxml-set', 0)}, "
          f"libxml2 per node {evals.get('lxml', 0)}, elementpath per node "
          f"{evals.get('elementpath', 0)}; {fired} rule firings, {results} results")  # fmt: skip
    return {
        "files": len(files),
        "megabytes": mb,
        "parse_s": parse_s,
        "schematron_s": run_s,
        "per_node_s": ref_s,
        "ratio_to_parse": run_s / parse_s,
        "per_node_ratio_to_parse": ref_s / parse_s,
        "schematron_mb_per_s": mb / run_s,
        "evaluations": evals,
        "fired_rules": fired,
        "results": results,
        "rows": rows,
    }


def main() -> int:
    schema_path = SHARED / "tei-p5" / "tei_all.isosch"
    if not schema_path.is_file():
        print("skipped: ../shared/tei-p5/tei_all.isosch is absent")
        return 0
    t0 = time.perf_counter()
    sch = Schematron.from_file(schema_path)
    compile_s = time.perf_counter() - t0
    static = sch.compiled_tests
    print(f"tei_all.isosch: {sch.pattern_count} patterns, compiled in {compile_s:.3f}s; "
          f"expressions on lxml/elementpath: {static['lxml']}/{static['elementpath']}")  # fmt: skip
    summary: dict[str, Any] = {"patterns": sch.pattern_count, "compile_s": compile_s,
                               "compiled_expressions": static}  # fmt: skip
    frus = sorted((SHARED / "frus").glob("*.xml"))
    if frus:
        summary["frus"] = _measure(sch, frus, "FRUS")
    corpus = sorted((REPO / "tei").glob("*.xml"))
    if corpus:
        summary["corpus"] = _measure(sch, corpus, "corpus")
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "schematron.json").write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
