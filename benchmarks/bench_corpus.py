"""Benchmark batch conversion of a corpus: 1 and 2 local workers and a 2-worker Dask cluster.

Run: ``python benchmarks/bench_corpus.py [--limit N] [--raw DIR]``.

The corpus is every raw transcription ``frus2raw.py`` makes from the FRUS
volumes in ``../shared/frus`` (about 2,900 documents, 23 MB of text). It is
converted three times with ``teikit.batch.convert.convert_many`` (the code
behind ``teikit convert``), each run writing every file from scratch:

* ``local -j1``: one process, the baseline of the ratios;
* ``local -j2``: two forked worker processes;
* ``dask 2w``: a ``dask.distributed.LocalCluster`` of two worker processes
  (one thread each, Dask's profiler off), started before the clock runs; its
  workers compile the schema on their first document, inside the timing, as
  on a real cluster.

Reported: documents per second, MB of raw text per second, the speed-up over
``-j1``, the CPU seconds spent (this process and the local pool; Dask's
workers are not counted),  the counts (converted, with warnings, refused) and whether the three
output folders are byte-identical. The machine's load average is printed:
with other jobs on the cores the parallel ratios are pessimistic.
Results also go to ``benchmarks/results/bench_corpus.json``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import platform
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = Path(os.environ.get("TEIKIT_SHARED") or REPO.parent / "shared")
RESULTS = HERE / "results"


def make_raw(raw: Path) -> list[Path]:
    """The frus2raw transcriptions in ``raw`` (made once; reused when present)."""
    if not any(raw.glob("*.txt")):
        volumes = sorted(str(p) for p in (SHARED / "frus").glob("*.xml"))
        subprocess.run(
            [sys.executable, str(SHARED / "tools" / "frus2raw.py"), *volumes, "-o", str(raw)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
    return sorted(raw.glob("*.txt"))


def run(paths: list[Path], out: Path, **backend: Any) -> dict[str, Any]:
    from teikit.batch.convert import Summary, convert_many

    shutil.rmtree(out, ignore_errors=True)
    summary = Summary()
    started = time.perf_counter()
    cpu = _cpu()
    for outcome in convert_many(paths, out, force=True, **backend):
        summary.add(outcome)
    seconds = time.perf_counter() - started
    return {
        "seconds": seconds,
        # this process and its reaped children (the local pool; not Dask's workers)
        "cpu_seconds": _cpu() - cpu,
        "converted": summary.converted,
        "with_warnings": summary.with_warnings,
        "refused": summary.refused,
    }


def _cpu() -> float:
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def digest(out: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(out.iterdir()):
        h.update(p.name.encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--limit", type=int, default=0, help="convert only the first N documents")
    ap.add_argument("--raw", type=Path, help="where frus2raw output is (made if empty)")
    args = ap.parse_args()
    if not (SHARED / "frus").is_dir():
        print(f"skipped: {SHARED / 'frus'} is absent")
        return 0
    work = Path(tempfile.mkdtemp(prefix="teikit-bench-corpus-"))
    raw = args.raw or RESULTS / "frus-raw"
    raw.mkdir(parents=True, exist_ok=True)
    paths = make_raw(raw)
    if args.limit:
        paths = paths[: args.limit]
    mb = sum(p.stat().st_size for p in paths) / 1e6
    print(f"{len(paths)} documents, {mb:.1f} MB of raw text; load average {os.getloadavg()}")

    runs: dict[str, dict[str, Any]] = {}
    runs["local -j1"] = run(paths, work / "j1", jobs=1)
    runs["local -j2"] = run(paths, work / "j2", jobs=2)
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        print("dask: skipped (pip install 'teikit[dask]')")
    else:
        import dask

        # Dask's statistical profiler samples every worker's stack each 10 ms,
        # which costs a fifth of the CPU on teikit's many small Python calls;
        # docs/scale.rst tells deployments to switch it off the same way.
        dask.config.set({"distributed.worker.profile.enabled": False})
        t = time.perf_counter()
        with (
            LocalCluster(
                n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster,
            Client(cluster) as client,
        ):
            startup = time.perf_counter() - t
            runs["dask 2w"] = run(paths, work / "dask", client=client)
            runs["dask 2w"]["cluster_startup_s"] = startup

    base = runs["local -j1"]["seconds"]
    digests = {name: digest(work / d) for name, d in zip(runs, ("j1", "j2", "dask"), strict=False)}
    identical = len(set(digests.values())) == 1
    print(
        f"{'run':<11} {'s':>7} {'docs/s':>8} {'MB/s':>6} {'×j1':>5} {'cpu s':>6}  "
        "converted/warn/refused"
    )
    for name, r in runs.items():
        r["docs_per_s"] = len(paths) / r["seconds"]
        r["mb_per_s"] = mb / r["seconds"]
        r["speedup"] = base / r["seconds"]
        print(
            f"{name:<11} {r['seconds']:7.2f} {r['docs_per_s']:8.1f} {r['mb_per_s']:6.2f} "
            f"{r['speedup']:5.2f} {r['cpu_seconds']:6.1f}  "
            f"{r['converted']}/{r['with_warnings']}/{r['refused']}"
        )
    if "dask 2w" in runs:
        print(
            f"dask cluster start-up (not timed above): {runs['dask 2w']['cluster_startup_s']:.1f} s"
        )
    print(f"outputs byte-identical across runs: {'yes' if identical else 'NO'}")
    print(f"load average after: {os.getloadavg()}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "bench_corpus.json").write_text(
        json.dumps(
            {
                "documents": len(paths),
                "mb": mb,
                "runs": runs,
                "identical": identical,
                "machine": platform.platform(),
                "cpus": os.cpu_count(),
            },
            indent=2,
        ),
        encoding="utf-8",
    )
    shutil.rmtree(work, ignore_errors=True)
    return 0 if identical else 1


if __name__ == "__main__":
    raise SystemExit(main())
