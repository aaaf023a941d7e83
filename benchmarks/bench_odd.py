"""Benchmark the ODD compiler against the Java toolchain and a bare parse of p5subset.

Run: ``python benchmarks/bench_odd.py``. For ``schema/teikit.odd``,
``tei_lite.odd`` and ``tei_all.odd`` it measures, in-process:

* the P5 source load (parse + index of ``p5subset.xml``, the cache cleared), and the
  same for the bundled, gzip-compressed copy that ``teikit schema build`` uses by default,
* the compilation proper (RNG + Schematron + XSD, source already loaded),
* the total a cold ``teikit schema build`` pays (load + compile),

and prints each total as a ratio of the official Java toolchain (TEI
Stylesheets on Saxon: about 6 s for tei_lite and 8 s for tei_all on this
machine) and of a bare ``lxml`` parse of p5subset timed in the same run.
Targets: teikit.odd under 1 s, tei_all under 4 s (totals, source included).
Results go to ``benchmarks/results/bench_odd.json``.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import etree

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RESULTS = HERE / "results"
JAVA_SECONDS = {"tei_lite": 6.0, "tei_all": 8.0}
TARGETS = {"teikit": 1.0, "tei_all": 4.0}
REPEAT = 5


def shared_dir() -> Path | None:
    env = os.environ.get("TEIKIT_SHARED")
    candidate = Path(env) if env else REPO.parent / "shared"
    return candidate if (candidate / "tei-p5" / "p5subset.xml").is_file() else None


def best_of(fn: Callable[[], object], repeat: int = REPEAT) -> tuple[float, float]:
    """Minimum and median wall time of ``repeat`` runs."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times), statistics.median(times)


def main() -> int:
    shared = shared_dir()
    if shared is None:
        print("skipped: needs ../shared/tei-p5/p5subset.xml (or TEIKIT_SHARED)")
        return 0
    from teikit.odd import compile_odd, load_p5_source
    from teikit.odd import source as source_module

    p5 = shared / "tei-p5" / "p5subset.xml"
    odds = {
        "teikit": REPO / "schema" / "teikit.odd",
        "tei_lite": shared / "tei-p5" / "tei_lite.odd",
        "tei_all": shared / "tei-p5" / "tei_all.odd",
    }

    bare_min, bare_med = best_of(lambda: etree.parse(str(p5)))

    def cold_load() -> None:
        source_module._CACHE.clear()
        load_p5_source(p5)

    load_min, load_med = best_of(cold_load)
    load_p5_source(p5)

    from teikit.odd.p5source import bundled_source_path

    def cold_bundled_load() -> None:
        source_module._CACHE.clear()
        load_p5_source(bundled_source_path())

    bundled_min, bundled_med = best_of(cold_bundled_load)
    load_p5_source(p5)

    results: dict[str, Any] = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "bare_lxml_parse_s": round(bare_min, 4),
        "p5_source_load_s": round(load_min, 4),
        "p5_source_load_vs_bare_parse": round(load_min / bare_min, 2),
        "bundled_gz_source_load_s": round(bundled_min, 4),
        "bundled_gz_load_vs_plain_load": round(bundled_min / load_min, 2),
        "odds": {},
    }
    print(f"bare lxml parse of p5subset     {bare_min:7.3f} s (median {bare_med:.3f})")
    print(
        f"P5 source load (parse + index)  {load_min:7.3f} s (median {load_med:.3f}), "
        f"{load_min / bare_min:.2f}x the bare parse"
    )
    print(
        f"bundled p5subset.xml.gz load    {bundled_min:7.3f} s (median {bundled_med:.3f}), "
        f"{bundled_min / load_min:.2f}x the plain-file load"
    )
    print()
    header = f"{'ODD':10} {'compile':>9} {'total':>9} {'x parse':>8} {'x Java':>8} {'target':>8}"
    print(header)
    failed = False
    for name, odd in odds.items():
        if not odd.is_file():
            print(f"{name:10} (missing: {odd})")
            continue
        comp_min, comp_med = best_of(lambda odd=odd: compile_odd(odd, p5))  # type: ignore[misc]
        total = load_min + comp_min
        java = JAVA_SECONDS.get(name)
        target = TARGETS.get(name)
        entry: dict[str, Any] = {
            "compile_s": round(comp_min, 4),
            "compile_median_s": round(comp_med, 4),
            "total_s": round(total, 4),
            "total_vs_bare_parse": round(total / bare_min, 2),
        }
        if java:
            entry["java_s"] = java
            entry["total_vs_java"] = round(total / java, 3)
        if target:
            entry["target_s"] = target
            entry["meets_target"] = total < target
            failed |= total >= target
        results["odds"][name] = entry
        print(
            f"{name:10} {comp_min:8.3f}s {total:8.3f}s {total / bare_min:7.1f}x "
            f"{(f'{total / java:7.3f}x' if java else '       -'):>8} "
            f"{(('< ' if total < target else '>= ') + f'{target:g}s') if target else '-':>8}"
        )
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_odd.json").write_text(json.dumps(results, indent=2) + "\n")
    print(f"\nwritten {RESULTS / 'bench_odd.json'}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
