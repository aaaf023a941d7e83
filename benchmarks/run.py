"""Run every benchmark: ``python benchmarks/run.py [NAME ...]``.

Each ``bench_*.py`` beside this file is a standalone script that measures its
target against a baseline taken in the same run (a bare lxml parse, Jing, the
official figures) and prints ratios, never bare wall-clock verdicts. Results
are also written as JSON to ``benchmarks/results/`` (not committed).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent


def main(argv: list[str]) -> int:
    wanted = set(argv)
    scripts = sorted(HERE.glob("bench_*.py"))
    failed = 0
    for script in scripts:
        name = script.stem.removeprefix("bench_")
        if wanted and name not in wanted:
            continue
        print(f"\n=== {name} ===", flush=True)
        status = subprocess.call([sys.executable, str(script)])
        failed += status != 0
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
