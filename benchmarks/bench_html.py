"""Benchmark the reading view: ``python benchmarks/bench_html.py``.

Baseline, taken in the same run: a bare lxml parse of the same file
(``etree.parse``). Reported as ratios to it (target: rendering costs at most
3x the parse):

- ``teikit.html.render`` of the parsed tree, on the largest FRUS volume
  (4 MB) and summed over all ten;
- the same end to end (``render(path)``: safe parse + render), for reference.

Each figure is the best of several runs of CPU time (``time.process_time``),
which the other engineers' jobs on a shared machine disturb less than wall
time. Results also go to ``benchmarks/results/html.json``.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.html import render

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("TEIKIT_SHARED", HERE.parent.parent / "shared"))
REPEATS = 5


def best(fn: Callable[[], object], repeats: int = REPEATS) -> float:
    """The smallest CPU time of ``repeats`` calls of ``fn``."""
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def measure(path: Path) -> dict[str, float]:
    tree = etree.parse(str(path))
    render(tree)  # warm caches (assets, regexes) before timing
    parse = best(lambda: etree.parse(str(path)))
    rendered = best(lambda: render(tree))
    end_to_end = best(lambda: render(path))
    return {
        "bytes": path.stat().st_size,
        "parse_s": parse,
        "render_s": rendered,
        "render_ratio": rendered / parse,
        "path_ratio": end_to_end / parse,
    }


def main() -> int:
    volumes = sorted((SHARED / "frus").glob("*.xml"))
    if not volumes:
        print(f"no FRUS volumes under {SHARED / 'frus'}; nothing measured")
        return 0
    print(f"load average: {os.getloadavg()[0]:.2f}")
    per_volume = {}
    for path in volumes:
        per_volume[path.name] = m = measure(path)
        print(
            f"{path.name:24} {m['bytes'] / 1e6:5.2f} MB  parse {m['parse_s'] * 1000:6.1f} ms  "
            f"render {m['render_s'] * 1000:6.1f} ms  = {m['render_ratio']:.2f}x parse "
            f"(from the path: {m['path_ratio']:.2f}x)"
        )
    largest = max(volumes, key=lambda p: p.stat().st_size).name
    total_parse = sum(m["parse_s"] for m in per_volume.values())
    total_render = sum(m["render_s"] for m in per_volume.values())
    summary = {
        "largest": largest,
        "largest_render_ratio": per_volume[largest]["render_ratio"],
        "all_render_ratio": total_render / total_parse,
        "target": 3.0,
    }
    print(
        f"largest ({largest}): render = {summary['largest_render_ratio']:.2f}x its parse; "
        f"all ten: {summary['all_render_ratio']:.2f}x (target <= 3x)"
    )
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "html.json").write_text(
        json.dumps({"summary": summary, "volumes": per_volume}, indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
