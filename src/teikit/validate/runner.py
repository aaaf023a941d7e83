"""Checking many files, in local worker processes or on a Dask cluster.

The work is handed to a :mod:`teikit.batch` backend. The parent compiles
the schemas first, so a bad schema is reported once and forked workers
inherit the compiled engines (Dask workers compile once, on their first
file). Results come back in input order whatever order workers finish in;
large files are started first so that one started last does not leave the
other workers idle. With a :class:`~teikit.validate.cache.VerdictCache`,
files whose bytes were already checked against the same schema are not
checked again.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teikit.errors import TeikitError
from teikit.validate import schemas
from teikit.validate.check import Options, check_file

if TYPE_CHECKING:
    from teikit.validate.cache import VerdictCache
    from teikit.validate.report import FileResult


@dataclass(frozen=True, slots=True)
class Task:
    """One file to check, with what a worker on any host needs to check it."""

    name: str
    options: Options
    cache: VerdictCache | None = None


def check_task(task: Task) -> FileResult:
    """Check one file, through the verdict cache when there is one; never raises.

    A file that cannot be checked (a name that is not UTF-8, a defect in
    teikit) is reported as such, and the other files are still checked.
    """
    from teikit.batch import printable_name

    shown = printable_name(task.name)
    if shown != task.name:
        return _unreadable(shown, "the file name is not valid UTF-8 (rename the file)")
    try:
        return _check(task)
    except TeikitError as exc:
        return _unreadable(task.name, exc.message)
    except Exception as exc:
        return _unreadable(
            task.name, f"internal error ({type(exc).__name__}: {exc}); please report it"
        )


def _unreadable(name: str, message: str) -> FileResult:
    from teikit.validate.report import Engine, FileResult, Problem, Severity

    problem = Problem(Severity.ERROR, name, 0, 0, "", message, "io:unreadable", Engine.XML)
    return FileResult(name, (problem,), readable=False)


def _check(task: Task) -> FileResult:
    if task.cache is None:
        return check_file(task.name, task.options)
    from teikit.validate.loader import read_bytes

    try:
        data = read_bytes(task.name, task.options.max_bytes)
    except TeikitError:
        return check_file(task.name, task.options)  # reports the read error the usual way
    cached = task.cache.get(data, task.name)
    if cached is not None:
        return cached
    result = check_file(task.name, task.options, data=data)
    task.cache.put(data, result)
    return result


#: Files per task handed to a worker: one file per task made the pickling and
#: queueing of small documents cost more than checking them.
CHUNK_FILES = 32
#: ...unless the chunk's files already add up to this many bytes.
CHUNK_BYTES = 1 << 20


def check_chunk(tasks: tuple[Task, ...]) -> list[FileResult]:
    """:func:`check_task` over several files, in one round trip to a worker."""
    return [check_task(task) for task in tasks]


def chunks(tasks: list[Task], sizes: list[int], workers: int) -> list[tuple[Task, ...]]:
    """Tasks in groups of up to :data:`CHUNK_FILES` files or :data:`CHUNK_BYTES` bytes,
    small enough that every worker gets several groups."""
    most = max(1, min(CHUNK_FILES, len(tasks) // (workers * 4)))
    out: list[tuple[Task, ...]] = []
    group: list[Task] = []
    total = 0
    for task, size in zip(tasks, sizes, strict=True):
        if group and (len(group) >= most or total + size > CHUNK_BYTES):
            out.append(tuple(group))
            group, total = [], 0
        group.append(task)
        total += size
    if group:
        out.append(tuple(group))
    return out


def run_files(
    files: list[str],
    options: Options,
    *,
    jobs: int = 1,
    progress: bool = False,
    scheduler: str | None = None,
    client: Any = None,
    cache: VerdictCache | None = None,
) -> list[FileResult]:
    """Check ``files`` (``-`` is stdin, read here); results in the order given."""
    from teikit.batch import backend
    from teikit.batch.progress import Progress

    options = replace(options, batch=schemas.new_batch())
    # compile once, before any fork, and get ready for this many documents
    for engine in schemas.engines(options.schema, options.phase, batch=options.batch):
        warm = getattr(engine, "warm", None)
        if warm is not None:
            warm(len(files))
    bar = Progress(len(files)) if progress else None
    results: list[FileResult | None] = [None] * len(files)
    for i, f in enumerate(files):
        if f == "-":
            results[i] = check_file(f, options)
            if bar:
                bar.step()
    order = [i for i, f in enumerate(files) if f != "-"]
    if order:
        runner = backend(jobs=max(1, min(jobs, len(order))), scheduler=scheduler, client=client)
        try:
            if runner.workers <= 1:
                done = runner.imap(check_task, (Task(files[i], options, cache) for i in order))
            else:
                sizes = {i: _size(files[i]) for i in order}
                # largest first: a big file started last would leave the other workers idle
                order.sort(key=lambda i: -sizes[i])
                groups = chunks(
                    [Task(files[i], options, cache) for i in order],
                    [sizes[i] for i in order],
                    runner.workers,
                )
                done = (r for group in runner.imap(check_chunk, groups) for r in group)
            for i, result in zip(order, done, strict=True):
                results[i] = result
                if bar:
                    bar.step()
        finally:
            runner.close()
    if bar:
        bar.close()
    return [r for r in results if r is not None]


def _size(name: str) -> int:
    try:
        return Path(name).stat().st_size
    except OSError:
        return 0
