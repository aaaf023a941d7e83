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
FRUS2RAW = SHARED / "tools" / "frus2raw.py"
TEIKIT = [sys.executable, "-m", "teikit"]
OWN_RNG = REPO / "schema" / "teikit.rng"


def timed(cmd: list[str], repeat: int = 3) -> tuple[float, int]:
    """Best wall time of a command over ``repeat`` runs, and its exit status."""
    best, status = float("inf"), 0
    for _ in range(repeat):
        t = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        status = proc.returncode
        best = min(best, time.perf_counter() - t)
    return best, status


def make_corpus(tmp: Path) -> list[Path]:
    """Convert every frus2raw document; the ones the converter writes are the corpus."""
    from teikit import convert

    raw = tmp / "raw"
    out = tmp / "tei"
    raw.mkdir()
    out.mkdir()
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
    with tempfile.TemporaryDirectory() as tmpname:
        tmp = Path(tmpname)
        os.environ["TEIKIT_CACHE"] = str(tmp / "cache")
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
        os.environ["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
        files = make_corpus(tmp)
        n = len(files)
        mb = sum(f.stat().st_size for f in files) / 1e6
        print(f"{n} small documents, {mb:.1f} MB ({mb * 1000 / max(n, 1):.1f} KB each)")
        folder = str(files[0].parent)
        timed([*TEIKIT, "validate", "-q", folder], repeat=1)  # warm caches
        out: dict[str, object] = {"documents": n, "megabytes": mb, "cores": jobs}
        rows = {}
        for label, schema in (("rng", ["-s", str(OWN_RNG)]), ("rng+sch", [])):
            for j in sorted({1, jobs}):
                secs, status = timed([*TEIKIT, "validate", "-q", "-j", str(j), *schema, folder])
                rows[f"{label} -j{j}"] = {"seconds": secs, "docs_per_s": n / secs, "exit": status}
                rate = n / secs
                print(f"teikit {label:8} -j{j}: {secs:.2f} s, {rate:.0f} docs/s (exit {status})")
        out["teikit"] = rows
        ratio = rows["rng+sch -j1"]["seconds"] / rows["rng -j1"]["seconds"]
        print(f"RNG + Schematron / RNG alone (-j1): ×{ratio:.2f} (target ≤ 2)")
        out["rng_sch_over_rng"] = ratio
        jing = shutil.which("jing")
        if jing:
            names = [str(f) for f in files]
            jing_s, status = timed([jing, str(OWN_RNG), *names])
            out["jing_seconds"] = jing_s
            for j in sorted({1, jobs}):
                x = jing_s / rows[f"rng+sch -j{j}"]["seconds"]
                out[f"x_jing_throughput_j{j}"] = x
                print(
                    f"jing teikit.rng: {jing_s:.2f} s (exit {status}); teikit rng+sch -j{j} "
                    f"throughput ×{x:.2f} Jing's (target ≥ 2)"
                )
        else:
            print("jing not installed: apt-get install jing (ratio to Jing skipped)")
    results = HERE / "results"
    results.mkdir(exist_ok=True)
    (results / "validate_small.json").write_text(json.dumps(out, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
