"""Benchmark the reading view: ``python benchmarks/bench_html.py [--repeats N] [--floors]``.

Baseline, taken in the same run: a bare lxml parse of the same file
(``etree.parse``). Reported as ratios to it (target: rendering costs at most
3x the parse):

- ``teikit.html.render`` of the parsed tree, on the largest FRUS volume
  (4 MB) and summed over all ten;
- the same end to end (``render(path)``: safe parse + render), for reference.

The walk is the compiled one where it was built (``hatch_build.py``), else
the Python one; ``TEIKIT_PURE_PYTHON=1`` measures the Python walk.

The parse and the renderings are timed in alternation, each figure the best
of ``--repeats`` runs of CPU time (``time.process_time``): on a shared
machine the other jobs slow every figure, and alternating keeps them
slowing the baseline and the rendering alike, so the ratio holds better than
either figure. ``--floors`` adds, for the largest volume, the least two
designs of a renderer could cost (see :func:`floors`). Results also go to
``benchmarks/results/html.json``.
"""

from __future__ import annotations

import argparse
import copy
import json
import os
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.html import render
from teikit.html import walker as walker_module

if TYPE_CHECKING:
    from collections.abc import Callable

HERE = Path(__file__).resolve().parent
SHARED = Path(os.environ.get("TEIKIT_SHARED", HERE.parent.parent / "shared"))
TARGET = 3.0


def alternate(fns: dict[str, Callable[[], object]], repeats: int) -> dict[str, float]:
    """The smallest CPU time of each function over ``repeats`` rounds, one call each per round."""
    best = dict.fromkeys(fns, float("inf"))
    for _ in range(repeats):
        for name, fn in fns.items():
            start = time.process_time()
            fn()
            best[name] = min(best[name], time.process_time() - start)
    return best


def measure(path: Path, repeats: int) -> dict[str, float]:
    tree = etree.parse(str(path))
    render(tree)  # warm caches (assets, regexes) before timing
    best = alternate(
        {
            "parse": lambda: etree.parse(str(path)),
            "render": lambda: render(tree),
            "path": lambda: render(path),
        },
        repeats,
    )
    return {
        "bytes": path.stat().st_size,
        "parse_s": best["parse"],
        "render_s": best["render"],
        "render_ratio": best["render"] / best["parse"],
        "path_ratio": best["path"] / best["parse"],
    }


def floors(path: Path, repeats: int) -> dict[str, float]:
    """What any renderer of either design must spend, as ratios to the parse.

    - ``string_walk``: a Python walk that writes every element's tags from a
      dictionary, escapes text and tails and joins the strings (what
      :mod:`teikit.html.walker` does, without deciding anything);
    - ``copy_serialize``: copying the tree and serializing it with lxml's C
      HTML serializer (``etree.tostring(method="html")``), the two steps an
      in-place transform of the TEI into HTML cannot avoid (the caller's tree
      must not change);
    - ``inplace_rename``: the same plus, for every element, an HTML name and
      a ``class`` set from Python: the least such a transform does.
    """
    tree = etree.parse(str(path))
    root = tree.getroot()

    def string_walk() -> str:
        out: list[str] = []
        append = out.append
        opens: dict[str, tuple[str, str]] = {}

        def escape(value: str) -> str:
            if "&" in value or "<" in value or ">" in value:
                return value.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
            return value

        def children(el: etree._Element) -> None:
            value = el.text
            if value:
                append(escape(value))
            for child in el:
                tag = child.tag
                if isinstance(tag, str):
                    tags = opens.get(tag)
                    if tags is None:
                        tags = opens[tag] = (f'<span class="{tag.rpartition("}")[2]}">', "</span>")
                    append(tags[0])
                    children(child)
                    append(tags[1])
                value = child.tail
                if value:
                    append(escape(value))

        children(root)
        return "".join(out)

    def copy_serialize() -> str:
        return etree.tostring(copy.deepcopy(root), method="html", encoding="unicode")

    def inplace_rename() -> str:
        copied = copy.deepcopy(root)
        for el in copied.iter():
            tag = el.tag
            if isinstance(tag, str):
                el.tag = "span"
                el.set("class", tag.rpartition("}")[2])
        return etree.tostring(copied, method="html", encoding="unicode")

    best = alternate(
        {
            "parse": lambda: etree.parse(str(path)),
            "string_walk": string_walk,
            "copy_serialize": copy_serialize,
            "inplace_rename": inplace_rename,
        },
        repeats,
    )
    return {name: value / best["parse"] for name, value in best.items() if name != "parse"}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=7)
    parser.add_argument("--floors", action="store_true")
    args = parser.parse_args(argv)
    volumes = sorted((SHARED / "frus").glob("*.xml"))
    if not volumes:
        print(f"no FRUS volumes under {SHARED / 'frus'}; nothing measured")
        return 0
    walk = "compiled" if walker_module._compiled is not None else "Python"
    print(f"load average: {os.getloadavg()[0]:.2f}; walk: {walk} (TEIKIT_PURE_PYTHON=1: Python)")
    per_volume = {}
    for path in volumes:
        per_volume[path.name] = m = measure(path, args.repeats)
        print(
            f"{path.name:24} {m['bytes'] / 1e6:5.2f} MB  parse {m['parse_s'] * 1000:6.1f} ms  "
            f"render {m['render_s'] * 1000:6.1f} ms  = {m['render_ratio']:.2f}x parse "
            f"(from the path: {m['path_ratio']:.2f}x)"
        )
    largest = max(volumes, key=lambda p: p.stat().st_size)
    total_parse = sum(m["parse_s"] for m in per_volume.values())
    total_render = sum(m["render_s"] for m in per_volume.values())
    summary: dict[str, object] = {
        "largest": largest.name,
        "largest_render_ratio": per_volume[largest.name]["render_ratio"],
        "all_render_ratio": total_render / total_parse,
        "target": TARGET,
        "walk": walk,
        "load_average": os.getloadavg()[0],
    }
    ratio = per_volume[largest.name]["render_ratio"]
    print(
        f"largest ({largest.name}): render = {ratio:.2f}x its parse; "
        f"all ten: {total_render / total_parse:.2f}x "
        f"(target <= {TARGET:g}x: {'met' if ratio <= TARGET else 'not met'})"
    )
    if args.floors:
        summary["floors"] = found = floors(largest, args.repeats)
        print(
            "floors on the largest volume (ratios to its parse): "
            + ", ".join(f"{name} {value:.2f}x" for name, value in found.items())
        )
    out = HERE / "results"
    out.mkdir(exist_ok=True)
    (out / "html.json").write_text(
        json.dumps({"summary": summary, "volumes": per_volume}, indent=2) + "\n", encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
