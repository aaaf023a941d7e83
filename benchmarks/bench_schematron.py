"""Schematron throughput: tei_all.isosch over the FRUS volumes and the corpus.

Baseline, taken in the same run: a bare safe lxml parse of the same files.
Prints seconds, MB/s, the ratio to the parse, and how many evaluations went to
libxml2 (the XPath-1 fast path) and how many to elementpath.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = REPO.parent / "shared"

sys.path.insert(0, str(REPO / "src"))

from teikit.schematron import Schematron  # noqa: E402
from teikit.xmlio import parse_file  # noqa: E402


def main() -> int:
    schema_path = SHARED / "tei-p5" / "tei_all.isosch"
    if not schema_path.is_file():
        print("skipped: ../shared/tei-p5/tei_all.isosch is absent")
        return 0
    files = sorted((SHARED / "frus").glob("*.xml")) + sorted((REPO / "tei").glob("*.xml"))
    t0 = time.perf_counter()
    sch = Schematron.from_file(schema_path)
    compile_s = time.perf_counter() - t0
    size = sum(f.stat().st_size for f in files)

    parse_s = 0.0
    run_s = 0.0
    hits = 0
    fired = 0
    rows = []
    for f in files:
        t = time.perf_counter()
        tree = parse_file(f)
        p = time.perf_counter() - t
        t = time.perf_counter()
        report = sch.run(tree)
        r = time.perf_counter() - t
        parse_s += p
        run_s += r
        hits += len(report.results)
        fired += report.fired_rule_count
        rows.append(
            {"file": f.name, "parse_s": p, "schematron_s": r, "results": len(report.results)}
        )
        print(f"  {f.name:28} parse {p:6.3f}s  schematron {r:6.3f}s  x{r / p:5.1f}  "
              f"{len(report.results)} results")  # fmt: skip
    mb = size / 1e6
    evals = sch.evaluations
    total = sum(evals.values()) or 1
    static = sch.compiled_tests
    summary = {
        "files": len(files),
        "megabytes": mb,
        "patterns": sch.pattern_count,
        "compile_s": compile_s,
        "parse_s": parse_s,
        "schematron_s": run_s,
        "schematron_mb_per_s": mb / run_s if run_s else None,
        "ratio_to_parse": run_s / parse_s if parse_s else None,
        "fired_rules": fired,
        "results": hits,
        "evaluations": evals,
        "lxml_share": evals["lxml"] / total,
        "compiled_expressions": static,
        "rows": rows,
    }
    print(f"tei_all.isosch: {sch.pattern_count} patterns, compiled in {compile_s:.3f}s; "
          f"expressions on lxml/elementpath: {static['lxml']}/{static['elementpath']}")  # fmt: skip
    ratio = run_s / parse_s
    print(f"{len(files)} files, {mb:.1f} MB: parse {parse_s:.2f}s ({mb / parse_s:.1f} MB/s), "
          f"schematron {run_s:.2f}s ({mb / run_s:.1f} MB/s), ratio {ratio:.1f}x parse")  # fmt: skip
    print(f"evaluations: lxml {evals['lxml']} ({100 * evals['lxml'] / total:.1f}%), "
          f"elementpath {evals['elementpath']}; {fired} rule firings, {hits} results")  # fmt: skip
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "schematron.json").write_text(json.dumps(summary, indent=2))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
