"""Benchmark ``teikit validate`` against Jing and a bare lxml parse, in the same run.

Batch: ``tei/*.xml`` plus the FRUS volumes in ``../shared/frus``, against
tei_all (RELAX NG, and RELAX NG + ISO Schematron); the ``tei/`` files also
against the bundled teikit schema. Reported: documents/s and MB/s in one
process, the ``--jobs`` speed-up, the ratio to Jing (the Debian ``jing``
package) on the same files and RELAX NG, and the ratio to a bare parse. Then
one small file per process, start to exit, as a pre-commit hook runs it.

Every figure is a wall-clock time of a whole command (process start to exit)
unless marked in-process; ratios are what to read, not seconds.

Commands run as an installed teikit runs: with Python's bytecode cache. The
development environment sets ``PYTHONDONTWRITEBYTECODE``, which made every
measured process recompile teikit's modules from source (about 90 ms of a
one-file run that a ``pip install``, which writes ``.pyc`` files, never pays);
here the cache goes to a temporary ``PYTHONPYCACHEPREFIX`` so the tree is not
touched, and a warm-up run fills it and teikit's schema caches.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = Path(os.environ.get("TEIKIT_SHARED", REPO.parent / "shared"))
TEI_ALL_RNG = SHARED / "tei-p5" / "tei_all.rng"
TEI_ALL_SCH = SHARED / "tei-p5" / "tei_all.isosch"
TEIKIT = [sys.executable, "-m", "teikit"]

SMALL = """<TEI xmlns="http://www.tei-c.org/ns/1.0">
<teiHeader><fileDesc><titleStmt><title>A letter</title></titleStmt>
<publicationStmt><p>Unpublished</p></publicationStmt>
<sourceDesc><p>Transcribed from the original.</p></sourceDesc></fileDesc></teiHeader>
<text><body><div type="letter"><p>Dear <persName>A.</persName>, we met on
<date when="1959-10-02">2 October</date>.</p></div></body></text></TEI>
"""


def timed(cmd: list[str], repeat: int = 1) -> tuple[float, int]:
    """Best wall time of a command over ``repeat`` runs (the least disturbed by other
    load on the machine), and its exit status."""
    times = []
    status = 0
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - t)
        status = proc.returncode
    return min(times), status


def bare_parse(files: list[Path]) -> float:
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=True)
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        for f in files:
            etree.parse(str(f), parser)
        best = min(best, time.perf_counter() - t)
    return best


def in_process(files: list[Path], schema: list[str]) -> tuple[float, float]:
    """(first run including compile, second run with compiled schemas) in this process."""
    from teikit import validate

    t = time.perf_counter()
    validate([str(f) for f in files], schema)
    first = time.perf_counter() - t
    best = float("inf")
    for _ in range(3):
        t = time.perf_counter()
        validate([str(f) for f in files], schema)
        best = min(best, time.perf_counter() - t)
    return first, best


def main() -> int:
    if not TEI_ALL_RNG.is_file():
        print(f"skipped: {TEI_ALL_RNG} not found (set TEIKIT_SHARED)")
        return 0
    tei_files = sorted((REPO / "tei").glob("*.xml"))
    frus = sorted((SHARED / "frus").glob("*.xml"))
    files = tei_files + frus
    mb = sum(f.stat().st_size for f in files) / 1e6
    n = len(files)
    jobs = os.cpu_count() or 1
    print(f"load average at start: {os.getloadavg()[0]:.2f} (figures are noisy above ~1)")
    print(
        f"batch: {n} documents ({len(tei_files)} tei/, {len(frus)} FRUS), {mb:.1f} MB; {jobs} cores"
    )
    out: dict[str, object] = {
        "documents": n,
        "megabytes": mb,
        "cores": jobs,
        "loadavg": os.getloadavg()[0],
    }

    with tempfile.TemporaryDirectory() as tmp:
        cache = Path(tmp) / "cache"
        env_note = "warm grammar and bytecode caches"
        os.environ["TEIKIT_CACHE"] = str(cache)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(Path(tmp) / "pycache")
        names = [str(f) for f in files]
        rng = ["-s", str(TEI_ALL_RNG)]
        both = [*rng, "-s", str(TEI_ALL_SCH)]
        # fill the grammar and bytecode caches (and mark the schemas as checked)
        timed([*TEIKIT, "validate", "-q", *both, str(files[0])])
        timed([*TEIKIT, "validate", "-q", str(tei_files[0] if tei_files else files[0])])

        parse_s = bare_parse(files)
        print(f"bare lxml parse (in-process): {n / parse_s:.1f} docs/s, {mb / parse_s:.1f} MB/s")

        jing = shutil.which("jing")
        jing_s = None
        if jing:
            jing_s, _ = timed([jing, str(TEI_ALL_RNG), *names], repeat=3)
            print(f"jing tei_all.rng (1 process): {jing_s:.2f} s, {mb / jing_s:.1f} MB/s")
        else:
            print("jing not installed: apt-get install jing (ratios to Jing skipped)")

        rows: dict[str, dict[str, float]] = {}
        for label, schema in (("rng", rng), ("rng+sch", both)):
            one, _ = timed([*TEIKIT, "validate", "-q", "-j", "1", *schema, *names], repeat=3)
            many, _ = timed([*TEIKIT, "validate", "-q", "-j", str(jobs), *schema, *names], repeat=3)
            row = {
                "seconds_j1": one,
                "seconds_jN": many,
                "docs_per_s": n / one,
                "mb_per_s": mb / one,
                "jobs_speedup": one / many,
                "x_bare_parse_time": one / parse_s,
            }
            if jing_s:
                row["x_jing_throughput_j1"] = jing_s / one
                row["x_jing_throughput_jN"] = jing_s / many
            rows[label] = row
            print(
                f"teikit {label:8} -j1: {n / one:.1f} docs/s, {mb / one:.1f} MB/s; "
                f"-j{jobs} speed-up ×{one / many:.2f}; "
                f"time vs bare parse ×{one / parse_s:.1f}"
                + (
                    f"; throughput vs Jing ×{jing_s / one:.2f} (-j1), "
                    f"×{jing_s / many:.2f} (-j{jobs})"
                    if jing_s
                    else ""
                )
            )
        out["batch"] = rows

        warm_first, warm = in_process(files, [str(TEI_ALL_RNG)])
        print(
            f"teikit rng in-process: first call {warm_first:.2f} s, compiled {warm:.2f} s "
            f"(×{warm / parse_s:.1f} a bare parse)"
        )
        out["in_process_rng"] = {"first": warm_first, "warm": warm, "x_bare_parse": warm / parse_s}

        if tei_files:
            own, status = timed([*TEIKIT, "validate", "-q", "-j", "1", *map(str, tei_files)])
            print(f"teikit schema on tei/: {len(tei_files) / own:.1f} docs/s (exit {status})")
            out["teikit_schema_tei"] = {"seconds": own, "exit": status}

        small = Path(tmp) / "small.xml"
        small.write_text(SMALL, encoding="utf-8")
        t_rng, s1 = timed([*TEIKIT, "validate", "-q", *rng, str(small)], repeat=5)
        t_both, s2 = timed([*TEIKIT, "validate", "-q", *both, str(small)], repeat=5)
        t_own, s3 = timed([*TEIKIT, "validate", "-q", str(small)], repeat=5)
        t_py, _ = timed([sys.executable, "-c", "import lxml.etree"], repeat=5)
        t_imp, _ = timed([sys.executable, "-c", "import teikit"], repeat=5)
        print(
            f"  of which importing the teikit package: {t_imp * 1000:.0f} ms; "
            f"the validation itself: {(t_rng - t_imp) * 1000:.0f} ms (rng)"
        )
        small_row = {
            "teikit_rng": t_rng,
            "teikit_rng_sch": t_both,
            "python_lxml": t_py,
            "import_teikit": t_imp,
            "teikit_own_schema": t_own,
            "exit": [s1, s2, s3],
        }
        line = (
            f"one small file per process ({env_note}): teikit rng {t_rng * 1000:.0f} ms, "
            f"rng+sch {t_both * 1000:.0f} ms; python+lxml alone {t_py * 1000:.0f} ms, "
            f"'import teikit' {t_imp * 1000:.0f} ms"
        )
        if jing:
            t_jing, _ = timed([jing, str(TEI_ALL_RNG), str(small)], repeat=5)
            small_row["jing"] = t_jing
            small_row["x_jing_rng"] = t_jing / t_rng
            small_row["x_jing_rng_sch"] = t_jing / t_both
            own_rng = REPO / "schema" / "teikit.rng"
            t_jing_own, _ = timed([jing, str(own_rng), str(small)], repeat=5)
            small_row["jing_own_schema"] = t_jing_own
            small_row["x_jing_own_schema"] = t_jing_own / t_own
            line += (
                f"; bundled teikit schema (rng+sch): teikit {t_own * 1000:.0f} ms, "
                f"jing teikit.rng {t_jing_own * 1000:.0f} ms → ×{t_jing_own / t_own:.2f}"
            )
            line += (
                f"; jing {t_jing * 1000:.0f} ms → teikit ×{t_jing / t_rng:.2f} (rng), "
                f"×{t_jing / t_both:.2f} (rng+sch) faster"
            )
        print(line)
        out["small_file"] = small_row

    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "validate.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
