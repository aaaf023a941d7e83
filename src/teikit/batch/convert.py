"""Converting a folder of transcriptions: each document on its own, the rest go on.

:func:`plan` looks at the inputs and the output folder once, in the calling
process: it expands directories and globs (one that matches nothing is a
usage error, not an empty success), refuses inputs that would write the same
output file (on a case-insensitive file system too), removes temporary files
an interrupted run left behind, and marks outputs that are already current.
:func:`convert_one` then converts, validates and writes one document
atomically, wherever the backend runs it, and returns a small
:class:`Outcome` (never raising for a bad document), so that results stream
back and memory stays bounded.

An output is current when it is newer than its transcription and its
sidecar, was written by the teikit build running now (:mod:`.stamp`), and
starts with the prolog this teikit would write (same version, same
``xml-model`` links): ``force`` rebuilds it anyway.
"""

from __future__ import annotations

import glob
import stat
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal

from teikit.errors import SourceLocation, TeikitError
from teikit.serialize import DEFAULT_SCHEMA_BASE, prolog, schema_base_for

if TYPE_CHECKING:
    import os
    from collections.abc import Iterable, Iterator, Sequence

    from teikit.batch import Backend

#: What a directory given as input contributes: its raw transcriptions.
RAW_SUFFIX = ".txt"
#: Suffixes of files that are TEI already, not raw transcriptions.
XML_SUFFIXES = (".xml", ".tei")
#: ``--schema-href`` value meaning "the schema bundled with this installation".
BUNDLED = "bundled"

Status = Literal["converted", "refused", "current"]


@dataclass(frozen=True, slots=True)
class Job:
    """One document to convert: everything a worker needs, and nothing large."""

    source: str
    target: str
    schema_base: str | None = DEFAULT_SCHEMA_BASE
    want_report: bool = False
    #: set when planning already refused the input (a duplicate output name)
    refusal: str | None = None


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one document."""

    source: str
    target: str
    status: Status
    warnings: int = 0
    #: the one-line error (``file:line:col: message``) of a refused document
    error: str = ""
    #: the converter's report (``Report.to_dict()``) when it was asked for
    report: dict[str, Any] | None = None


@dataclass
class Summary:
    """Counts for the one-line summary and the exit status."""

    converted: int = 0
    with_warnings: int = 0
    refused: int = 0
    current: int = 0
    errors: list[str] = field(default_factory=list)

    def add(self, outcome: Outcome) -> None:
        if outcome.status == "converted":
            self.converted += 1
            self.with_warnings += outcome.warnings > 0
        elif outcome.status == "current":
            self.current += 1
        else:
            self.refused += 1

    @property
    def total(self) -> int:
        return self.converted + self.refused + self.current

    def line(self) -> str:
        n = self.total
        parts = [
            f"{n} document{'s' if n != 1 else ''}: {self.converted} converted "
            f"({self.with_warnings} with warnings), {self.refused} refused"
        ]
        if self.current:
            parts.append(f"{self.current} already current (--force rebuilds them)")
        return "; ".join(parts)

    def exit_code(self) -> int:
        return 1 if self.refused else 0


def expand_inputs(args: Sequence[str | os.PathLike[str]]) -> list[Path]:
    """Files named, found in directories (``*.txt``, recursively) or matched by globs.

    Any argument that yields nothing (a missing file, an empty directory, a
    glob that matches nothing) is a usage error: a mistyped path must never
    pass as "nothing to do".
    """
    out: list[Path] = []
    seen: set[Path] = set()
    problems: list[str] = []
    for arg in args:
        text = str(arg)
        p = Path(text)
        if p.is_dir():
            found = [
                f
                for f in sorted(p.rglob(f"*{RAW_SUFFIX}"))
                if f.is_file() and not any(part.startswith(".") for part in f.relative_to(p).parts)
            ]
            what = f"no {RAW_SUFFIX} files in directory {text}"
        elif glob.has_magic(text) and not p.exists():
            found = [Path(m) for m in sorted(glob.glob(text, recursive=True))]  # noqa: PTH207
            found = [f for f in found if f.is_file()]
            what = f"no file matches {text}"
        elif p.exists():
            mode = p.stat().st_mode
            if not stat.S_ISREG(mode):
                problems.append(f"{text}: not a regular file (a pipe, socket or device)")
                continue
            found = [p]
            what = ""
        else:
            found = []
            what = f"{text}: no such file"
        if not found:
            problems.append(what)
        for f in found:
            key = f.resolve()
            if key not in seen:
                seen.add(key)
                out.append(f)
    if problems:
        raise TeikitError("nothing to convert: " + "; ".join(problems))
    return out


def prepare_outdir(outdir: str | os.PathLike[str]) -> Path:
    """The output directory, created if needed; a file there or an impossible path is an error."""
    out = Path(outdir)
    if out.exists() and not out.is_dir():
        raise TeikitError(f"-o {out}: is a file, not a directory")
    try:
        out.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise TeikitError(f"-o {out}: cannot create the directory: {exc.strerror}") from None
    return out


def plan(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    force: bool = False,
    schema_base: str | None = DEFAULT_SCHEMA_BASE,
    want_report: bool = False,
) -> tuple[list[Job], list[Outcome]]:
    """Jobs to run, and the outcomes already known (current outputs) without running them."""
    sources = expand_inputs(inputs)
    out = prepare_outdir(outdir)
    if schema_base == BUNDLED:
        schema_base = schema_base_for(out)
    expected_head = prolog(schema_base)
    by_name: dict[str, list[Path]] = {}
    for src in sources:
        by_name.setdefault(f"{src.stem}.xml".casefold(), []).append(src)
    _remove_stale_temporaries(out, {f"{s.stem}.xml" for s in sources})
    from teikit.batch.stamp import written_since

    since = written_since(out)
    jobs: list[Job] = []
    known: list[Outcome] = []
    for src in sources:
        target = out / f"{src.stem}.xml"
        clash = by_name[target.name.casefold()]
        refusal = None
        if len(clash) > 1:
            others = ", ".join(str(c) for c in clash if c != src)
            refusal = (
                f"{src}: refused: {target} would also be written from {others} "
                "(rename one, or convert them into different directories)"
            )
        elif not force and _is_current(src, target, expected_head, since):
            known.append(Outcome(str(src), str(target), "current"))
            continue
        jobs.append(Job(str(src), str(target), schema_base, want_report, refusal))
    return jobs, known


def _remove_stale_temporaries(out: Path, names: set[str]) -> None:
    """Delete ``.NAME.xml.XXXX.tmp`` files an interrupted write of these outputs left."""
    try:
        entries = list(out.iterdir())
    except OSError:
        return
    for entry in entries:
        n = entry.name
        if n.startswith(".") and n.endswith(".tmp"):
            base = n[1:].rsplit(".", 2)[0]
            if base in names:
                entry.unlink(missing_ok=True)


def _is_current(src: Path, target: Path, expected_head: bytes, since: int) -> bool:
    """Newer than its inputs, written by this build (see :mod:`.stamp`), same prolog."""
    from teikit.convert.api import sidecar_for

    try:
        out_time = target.stat().st_mtime_ns
        if out_time < since:
            return False
        inputs = [src, *filter(None, [sidecar_for(src)])]
        if any(p.stat().st_mtime_ns >= out_time for p in inputs):
            return False
        with target.open("rb") as fh:
            return fh.read(len(expected_head)) == expected_head
    except OSError:
        return False


def _looks_like_xml(path: Path) -> bool:
    if path.suffix.lower() in XML_SUFFIXES:
        return True
    try:
        with path.open("rb") as fh:
            head = fh.read(256).lstrip(b"\xef\xbb\xbf \t\r\n")
    except OSError:
        return False
    return head.startswith((b"<?xml", b"<TEI"))


def convert_one(job: Job) -> Outcome:
    """Convert, validate and atomically write one document; never raises for bad input."""
    if job.refusal is not None:
        return Outcome(job.source, job.target, "refused", error=job.refusal)
    src = Path(job.source)
    from teikit.batch import printable_name

    shown = printable_name(job.source)
    if shown != job.source:
        error = f"{shown}: the file name is not valid UTF-8 (rename the file)"
        return Outcome(shown, printable_name(job.target), "refused", error=error)
    try:
        if _looks_like_xml(src):
            raise TeikitError(
                "this is XML, not a raw transcription: teikit convert reads plain-text "
                "transcriptions (check TEI with teikit validate)",
                SourceLocation(job.source),
            )
        from teikit.convert import convert
        from teikit.serialize import tei_bytes
        from teikit.xmlio import write_atomic

        result = convert(src)
        data = (
            result.data
            if job.schema_base == DEFAULT_SCHEMA_BASE
            else tei_bytes(result.tree, job.schema_base)
        )
        target = Path(job.target)
        if target.is_dir():
            raise TeikitError(
                f"cannot write {target}: a directory is in the way", SourceLocation(job.source)
            )
        write_atomic(target, data)
    except TeikitError as exc:
        return Outcome(job.source, job.target, "refused", error=_about_input(exc, src))
    except OSError as exc:
        reason = exc.strerror or str(exc)
        return Outcome(
            job.source,
            job.target,
            "refused",
            error=f"{job.source}: cannot write {job.target}: {reason}",
        )
    except Exception as exc:
        # a converter defect must cost one document, not the batch
        return Outcome(
            job.source,
            job.target,
            "refused",
            error=f"{job.source}: internal error ({type(exc).__name__}: {exc}); please report it",
        )
    report = result.report.to_dict() if job.want_report else None
    return Outcome(
        job.source, job.target, "converted", len(result.report.uncertainties), report=report
    )


def _about_input(exc: TeikitError, src: Path) -> str:
    """The error as one line that starts with the input it is about.

    Errors found in the transcription or its sidecar already do; others (the
    would-be output failing validation, say) get the transcription's name first.
    """
    where = exc.location.file if exc.location else ""
    if where in (str(src), str(src.with_name(src.stem + ".sidecar.toml"))):
        return str(exc)
    return f"{src}: {exc}"


def warm_up() -> None:
    """Load the converter and compile the schema in this process, before workers fork."""
    from teikit.convert import convert

    convert(text="Warm-up.\n", name="warm-up")


def run_jobs(jobs: Iterable[Job], backend: Backend) -> Iterator[Outcome]:
    """Outcomes of ``jobs`` in order, streamed from the backend."""
    return backend.imap(convert_one, jobs)


def convert_many(
    inputs: Sequence[str | os.PathLike[str]],
    outdir: str | os.PathLike[str],
    *,
    jobs: int | None = None,
    scheduler: str | None = None,
    client: Any = None,
    force: bool = False,
    schema_base: str | None = DEFAULT_SCHEMA_BASE,
    want_report: bool = False,
) -> Iterator[Outcome]:
    """Convert many transcriptions into ``outdir``, yielding one :class:`Outcome` each.

    The Python face of ``teikit convert``: the same planning, the same
    backends (``scheduler``/``client`` for Dask, else ``jobs`` local
    processes), the same bytes written. Usage problems (nothing matched, an
    output path that is a file) raise :class:`TeikitError` before any work.
    """
    from teikit.batch import backend as make_backend
    from teikit.batch import default_jobs
    from teikit.batch.local import LocalBackend

    todo, known = plan(
        inputs, outdir, force=force, schema_base=schema_base, want_report=want_report
    )
    yield from known
    if not todo:
        return
    runner = make_backend(
        jobs=min(jobs or default_jobs(), len(todo)), scheduler=scheduler, client=client
    )
    try:
        if isinstance(runner, LocalBackend) and runner.workers > 1:
            warm_up()  # workers fork with the pipeline loaded and the schema compiled
        yield from run_jobs(todo, runner)
    finally:
        runner.close()
