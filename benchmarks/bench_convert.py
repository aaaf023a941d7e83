"""Benchmark the converter: the seeds in-process, growth with input size, peak memory.

Run: ``python benchmarks/bench_convert.py [--quick]``. Three measurements, each
against a baseline from the same run:

* the five seed transcriptions converted in-process (target: under 0.5 s in
  all), next to a baseline that only decodes the same files and builds one
  ``<p>`` per blank-line block with lxml;
* linear growth: the seeds concatenated 1×, 10× and 100×, timed, reported as
  the *growth ratio* ``time(N×) / time(1×) / N`` (1.0 is linear; above 1 the
  converter slows down per byte as the input grows). Timed twice: the converter
  itself (``validate=False``) and the whole of ``teikit convert`` (with the
  RELAX NG and Schematron checks, which are :mod:`teikit.schematron`'s work);
* peak memory of one conversion under ``tracemalloc``, as a multiple of the
  input size, at 1×, 10× and 100× (target: under 10×).

What the memory figure counts: the Python allocations of one conversion, from
reading the file to the serialized (and, where stated, validated) result. The
process-wide tables are loaded before measuring (the wordfreq lexicon and its
look-up cache, the compiled schemas: the seeds are converted first), so they do
not count against a document; libxml2's own C allocations (the lxml tree) are
not seen by ``tracemalloc``.

``--quick`` leaves out the 100× sizes (a few seconds instead of minutes).
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


def growth(sizes: tuple[int, ...], work: Path, validate: bool) -> list[dict[str, Any]]:
    """Time each size; the growth ratio is time(N×) / time(1×) / N."""
    rows: list[dict[str, Any]] = []
    first: float | None = None
    for times in sizes:
        path = concatenated(times, work)
        size = path.stat().st_size
        t = best_of(5 if times == 1 else 3 if times <= 10 else 1, convert_path, path, validate)
        first = first if first is not None else t
        ratio = t / first / times
        verdict = "" if times == 1 else ("  linear" if ratio < 1.2 else "  SUPERLINEAR")
        print(
            f"  {times:>3}×  {size / 1e6:7.2f} MB  {t:8.3f} s  {t / (size / 1e6):6.3f} s/MB  "
            f"growth ratio {ratio:5.2f}{verdict}"
        )
        rows.append(
            {
                "times": times,
                "bytes": size,
                "s": t,
                "s_per_mb": t / (size / 1e6),
                "growth_ratio": ratio,
            }
        )
    return rows


def peak_memory(times: int, work: Path, validate: bool) -> dict[str, Any]:
    """Peak traced allocations of one conversion, as a multiple of the input size."""
    path = concatenated(times, work)
    size = path.stat().st_size
    gc.collect()
    tracemalloc.start()
    data = convert_path(path, validate)
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    del data
    multiple = peak / size
    print(
        f"  {times:>3}×  input {size / 1e6:6.2f} MB  peak {peak / 1e6:7.1f} MB  "
        f"{multiple:5.1f}× input (target < {MEMORY_TARGET:.0f}×: "
        f"{'met' if multiple < MEMORY_TARGET else 'MISSED'})"
    )
    return {
        "times": times,
        "validate": validate,
        "bytes": size,
        "peak": peak,
        "multiple": multiple,
        "met": multiple < MEMORY_TARGET,
    }


def run(quick: bool = False) -> dict[str, Any]:
    paths = seeds()
    for p in paths:  # warm up: imports, compiled patterns and schemas, the lexicon
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
    }
    sizes = (1, 10) if quick else (1, 10, 100)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        print("growth, the converter (validate=False); growth ratio 1.0 = linear:")
        result["growth"] = growth(sizes, work, validate=False)
        print("growth, teikit convert (with schema validation); growth ratio 1.0 = linear:")
        result["growth_validated"] = growth(sizes, work, validate=True)
        print("peak memory (tracemalloc), the converter:")
        result["memory"] = [peak_memory(times, work, validate=False) for times in sizes]
        print("peak memory (tracemalloc), with schema validation:")
        result["memory_validated"] = [peak_memory(times, work, validate=True) for times in sizes]
    return result


def main() -> int:
    result = run(quick="--quick" in sys.argv[1:])
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_convert.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
