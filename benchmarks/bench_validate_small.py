"""Validate thousands of small documents with the bundled schema, against Jing.

A corpus is many small files, and there the per-document cost of Schematron, not
its cost per byte, decides. The documents are teikit's own conversions of every
FRUS document that ``frus2raw.py`` makes from ``../shared/frus`` (about 2,800,
a few KB each), written to a temporary folder.

Reported, each a whole command (process start to exit), best of three:
- teikit with the bundled RELAX NG alone, and with RELAX NG + Schematron (the
  default), one process and all cores: the ratio RNG + Schematron / RNG alone
  (target ≤ 2);
- Jing with the same RELAX NG (``teikit.rng``) on the same files: teikit's
  throughput with RNG + Schematron as a multiple of Jing's (target ≥ 2).

The CPU time of each best run is printed beside its wall time: on a shared
machine it is the steadier figure. The commands take turns, one run of each per
round, so that a busy spell of the machine falls on all of them alike.
Converting the documents takes minutes; ``TEIKIT_SMALL_CORPUS=DIR`` keeps them
in ``DIR/tei`` for the next run, with a stamp of the converter that wrote them:
documents written by another converter are converted again (an old converter's
defects once made 157 of them warn, and the warnings, not the screen, cost a
third of Schematron's time).
"""

from __future__ import annotations

import hashlib
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SHARED = Path(os.environ.get("TEIKIT_SHARED", REPO.parent / "shared"))
FRUS2RAW = SHARED / "tools" / "frus2raw.py"
TEIKIT = [sys.executable, "-m", "teikit"]
OWN_RNG = REPO / "schema" / "teikit.rng"


def timed(cmds: dict[str, list[str]], repeat: int = 5) -> dict[str, tuple[float, int, float]]:
    """Best wall time of each command over ``repeat`` rounds (each round runs every
    command once, in turn), its exit status, and the CPU time (user + system) of that
    best run: on a shared machine the CPU time is the steadier figure."""
    best = {label: (float("inf"), 0, 0.0) for label in cmds}
    for _ in range(repeat):
        for label, cmd in cmds.items():
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            t = time.perf_counter()
            proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            wall = time.perf_counter() - t
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
            if wall < best[label][0]:
                best[label] = (wall, proc.returncode, cpu)
    return best


def converter_stamp() -> str:
    """What names the converter that writes the corpus: teikit's version and the
    converter's source, so a kept corpus is rebuilt when either changed."""
    import teikit

    digest = hashlib.sha256(teikit.__version__.encode())
    package = Path(teikit.__file__).resolve().parent
    for src in sorted((package / "convert").rglob("*.py")):
        digest.update(src.relative_to(package).as_posix().encode() + b"\0" + src.read_bytes())
    return digest.hexdigest()[:32]


def make_corpus(tmp: Path) -> list[Path]:
    """Convert every frus2raw document; the ones the converter writes are the corpus."""
    from teikit import convert

    raw = tmp / "raw"
    out = tmp / "tei"
    raw.mkdir(parents=True, exist_ok=True)
    out.mkdir(parents=True, exist_ok=True)
    volumes = sorted(str(v) for v in (SHARED / "frus").glob("*.xml"))
    subprocess.run(
        [sys.executable, str(FRUS2RAW), *volumes, "-o", str(raw)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    for txt in sorted(raw.glob("*.txt")):
        try:
            result = convert(txt)
        except Exception:  # a refused document is simply not in the corpus
            continue
        (out / f"{txt.stem}.xml").write_bytes(result.data)
    return sorted(out.glob("*.xml"))


def main() -> int:
    if not FRUS2RAW.is_file():
        print(f"skipped: {FRUS2RAW} not found (set TEIKIT_SHARED)")
        return 0
    jobs = os.cpu_count() or 1
    print(f"load average at start: {os.getloadavg()[0]:.2f} (figures are noisy above ~1)")
    # TEIKIT_SMALL_CORPUS=DIR: reuse the documents converted by an earlier run (kept there)
    kept = os.environ.get("TEIKIT_SMALL_CORPUS")
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        os.environ["TEIKIT_CACHE"] = str(tmp / "cache")
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        stamp = converter_stamp()
        stamp_file = Path(kept) / "tei" / ".converter" if kept else None
        if stamp_file and stamp_file.is_file() and stamp_file.read_text() == stamp:
            files = sorted(stamp_file.parent.glob("*.xml"))
        else:
            if stamp_file:
                shutil.rmtree(stamp_file.parent, ignore_errors=True)
            files = make_corpus(Path(kept) if kept else tmp)
            if stamp_file:
                stamp_file.write_text(stamp)
        n = len(files)
        mb = sum(f.stat().st_size for f in files) / 1e6
        print(f"{n} small documents, {mb:.1f} MB ({mb * 1000 / max(n, 1):.1f} KB each)")
        folder = str(files[0].parent)
        timed({"warm": [*TEIKIT, "validate", "-q", folder]}, repeat=1)  # warm caches
        out: dict[str, object] = {"documents": n, "megabytes": mb, "cores": jobs}
        cmds = {
            f"{label} -j{j}": [*TEIKIT, "validate", "-q", "-j", str(j), *schema, folder]
            for label, schema in (("rng", ["-s", str(OWN_RNG)]), ("rng+sch", []))
            for j in sorted({1, jobs})
        }
        jing = shutil.which("jing")
        if jing:
            cmds["jing"] = [jing, str(OWN_RNG), *(str(f) for f in files)]
        measured = timed(cmds)
        rows = {}
        for label, (secs, status, cpu) in measured.items():
            if label == "jing":
                continue
            rows[label] = {
                "seconds": secs,
                "cpu_seconds": cpu,
                "docs_per_s": n / secs,
                "exit": status,
            }
            print(
                f"teikit {label:12}: {secs:.2f} s ({cpu:.2f} s CPU), "
                f"{n / secs:.0f} docs/s (exit {status})"
            )
        out["teikit"] = rows
        ratio = rows["rng+sch -j1"]["seconds"] / rows["rng -j1"]["seconds"]
        cpu_ratio = rows["rng+sch -j1"]["cpu_seconds"] / rows["rng -j1"]["cpu_seconds"]
        print(
            f"RNG + Schematron / RNG alone (-j1): ×{ratio:.2f} wall, ×{cpu_ratio:.2f} CPU "
            "(target ≤ 2)"
        )
        out["rng_sch_over_rng"] = ratio
        out["rng_sch_over_rng_cpu"] = cpu_ratio
        if jing:
            jing_s, status, jing_cpu = measured["jing"]
            out["jing_seconds"] = jing_s
            out["jing_cpu_seconds"] = jing_cpu
            for j in sorted({1, jobs}):
                x = jing_s / rows[f"rng+sch -j{j}"]["seconds"]
                out[f"x_jing_throughput_j{j}"] = x
                print(
                    f"jing teikit.rng: {jing_s:.2f} s ({jing_cpu:.2f} s CPU, exit {status}); "
                    f"teikit rng+sch -j{j} throughput ×{x:.2f} Jing's (target ≥ 2)"
                )
            # Jing's JVM runs on every core whatever the files (compiler, collector):
            # per second of CPU, the comparison does not depend on how many there are
            per_cpu = jing_cpu / rows["rng+sch -j1"]["cpu_seconds"]
            out["x_jing_per_cpu_second"] = per_cpu
            print(f"per CPU second, teikit rng+sch -j1 checks ×{per_cpu:.2f} as many files as Jing")
        else:
            print("jing not installed: apt-get install jing (ratio to Jing skipped)")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "validate_small.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
