"""Checking many files, in worker processes when there are several.

Workers are forked after the parent has compiled the schemas, so each
inherits them instead of compiling its own (where ``fork`` is unavailable,
each worker compiles once in its initializer). Results come back in input
order whatever order workers finish in.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from teikit.validate import schemas
from teikit.validate.check import Options, check_file

if TYPE_CHECKING:
    from teikit.validate.report import FileResult

_OPTIONS: Options | None = None


def _init(options: Options) -> None:
    global _OPTIONS
    _OPTIONS = options
    schemas.engines(options.schema, options.phase)


def _work(name: str) -> FileResult:
    assert _OPTIONS is not None
    return check_file(name, _OPTIONS)


def run_files(
    files: list[str], options: Options, *, jobs: int = 1, progress: bool = False
) -> list[FileResult]:
    schemas.engines(options.schema, options.phase)  # compile once, before any fork
    bar = _Progress(len(files)) if progress else None
    results: list[FileResult | None] = [None] * len(files)
    parallel = [i for i, f in enumerate(files) if f != "-"]
    if jobs <= 1 or len(parallel) <= 1:
        for i, f in enumerate(files):
            results[i] = check_file(f, options)
            if bar:
                bar.step()
    else:
        for i, f in enumerate(files):
            if f == "-":
                results[i] = check_file(f, options)
        import multiprocessing
        from concurrent.futures import ProcessPoolExecutor, as_completed

        methods = multiprocessing.get_all_start_methods()
        ctx = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
        with ProcessPoolExecutor(
            max_workers=min(jobs, len(parallel)),
            mp_context=ctx,
            initializer=_init,
            initargs=(options,),
        ) as pool:
            # Largest first: a big file started last would leave the other workers idle.
            parallel.sort(key=lambda i: -_size(files[i]))
            futures = {pool.submit(_work, files[i]): i for i in parallel}
            for fut in as_completed(futures):
                results[futures[fut]] = fut.result()
                if bar:
                    bar.step()
    if bar:
        bar.close()
    return [r for r in results if r is not None]


def _size(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0


class _Progress:
    """A one-line bar on stderr, redrawn in place."""

    def __init__(self, total: int) -> None:
        self.total = max(total, 1)
        self.done = 0

    def step(self) -> None:
        self.done += 1
        width = 30
        filled = width * self.done // self.total
        sys.stderr.write(
            f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} files"
        )
        sys.stderr.flush()

    def close(self) -> None:
        sys.stderr.write("\r" + " " * 60 + "\r")
        sys.stderr.flush()
