"""Benchmark the converter: the seeds in-process, growth with input size, peak memory.

Run: ``python benchmarks/bench_convert.py``. Three measurements, each against a
baseline from the same run:

* the five seed transcriptions converted in-process (target: under 0.5 s in
  all), next to a baseline that only decodes the same files and builds one
  ``<p>`` per blank-line block with lxml;
* linear growth: the seeds concatenated 1×, 10× and 100×, timed, with each time
  as a ratio of the 1× time and as seconds per MB (linear growth keeps the
  ratios near 10 and 100 and the seconds per MB flat);
* peak memory under ``tracemalloc`` as a multiple of the input size, for 1× and
  10× (target: under 10×).

Results are printed and written to ``benchmarks/results/bench_convert.json``.
"""

from __future__ import annotations

import gc
import json
import platform
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path
from typing import Any

from lxml import etree

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
RAW = REPO / "tei" / "raw"
RESULTS = HERE / "results"
SEED_TARGET_S = 0.5
MEMORY_TARGET = 10.0


def convert_path(path: Path, validate: bool = True) -> bytes:
    """Convert one raw file in-process to serialized TEI (what ``teikit convert`` writes)."""
    from teikit.convert import convert

    return convert(path, validate=validate).data


def baseline_path(path: Path) -> bytes:
    """The least any converter must do: decode, split into blocks, build and serialize XML."""
    text = path.read_bytes().decode("utf-8")
    root = etree.Element("body")
    for block in text.split("\n\n"):
        if block.strip():
            etree.SubElement(root, "p").text = " ".join(block.split())
    data: bytes = etree.tostring(root, encoding="UTF-8")
    return data


def best_of(n: int, fn: Any, *args: Any) -> float:
    best = float("inf")
    for _ in range(n):
        gc.collect()
        start = time.perf_counter()
        fn(*args)
        best = min(best, time.perf_counter() - start)
    return best


def seeds() -> list[Path]:
    return sorted(RAW.glob("*.txt"))


def concatenated(times: int, workdir: Path) -> Path:
    """The seeds joined by blank lines, repeated ``times`` times, as one raw file."""
    one = "\n\n".join(p.read_text(encoding="utf-8").strip("\n") for p in seeds()) + "\n"
    path = workdir / f"seeds-x{times}.txt"
    path.write_text(("\n\n".join([one] * times)), encoding="utf-8")
    return path


def run() -> dict[str, Any]:
    paths = seeds()
    for p in paths:  # warm up: imports, compiled patterns, lazily built tables
        convert_path(p)
    seed_bytes = sum(p.stat().st_size for p in paths)

    def all_seeds() -> None:
        for p in paths:
            convert_path(p)

    def all_baseline() -> None:
        for p in paths:
            baseline_path(p)

    t_seeds = best_of(5, all_seeds)
    t_base = best_of(5, all_baseline)
    print(f"seeds: {len(paths)} files, {seed_bytes / 1024:.0f} KiB")
    print(
        f"  convert {t_seeds * 1000:.1f} ms (target < {SEED_TARGET_S * 1000:.0f} ms: "
        f"{'met' if t_seeds < SEED_TARGET_S else 'MISSED'}); baseline {t_base * 1000:.1f} ms; "
        f"ratio {t_seeds / t_base:.1f}×"
    )
    result: dict[str, Any] = {
        "python": platform.python_version(),
        "seeds": {
            "files": len(paths),
            "bytes": seed_bytes,
            "convert_s": t_seeds,
            "baseline_s": t_base,
            "ratio": t_seeds / t_base,
            "target_s": SEED_TARGET_S,
            "met": t_seeds < SEED_TARGET_S,
        },
        "growth": [],
        "memory": [],
    }

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("growth (seeds concatenated):")
        first: float | None = None
        for times in (1, 10, 100):
            path = concatenated(times, work)
            size = path.stat().st_size
            t = best_of(3 if times < 100 else 1, convert_path, path)
            first = first if first is not None else t
            per_mb = t / (size / 1e6)
            print(
                f"  {times:>3}×  {size / 1e6:7.2f} MB  {t:8.3f} s  "
                f"ratio {t / first:6.1f}  {per_mb:6.3f} s/MB"
            )
            result["growth"].append(
                {"times": times, "bytes": size, "s": t, "ratio": t / first, "s_per_mb": per_mb}
            )
        print("peak memory (tracemalloc):")
        for times in (1, 10):
            path = concatenated(times, work)
            size = path.stat().st_size
            gc.collect()
            tracemalloc.start()
            convert_path(path)
            _, peak = tracemalloc.get_traced_memory()
            tracemalloc.stop()
            multiple = peak / size
            print(
                f"  {times:>3}×  input {size / 1e6:6.2f} MB  peak {peak / 1e6:7.1f} MB  "
                f"{multiple:5.1f}× input (target < {MEMORY_TARGET:.0f}×: "
                f"{'met' if multiple < MEMORY_TARGET else 'MISSED'})"
            )
            result["memory"].append(
                {"times": times, "bytes": size, "peak": peak, "multiple": multiple}
            )
    return result


def main() -> int:
    result = run()
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_convert.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
