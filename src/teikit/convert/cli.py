"""``teikit convert INPUT... -o OUTDIR``: raw transcriptions to validated TEI files.

Each document is converted, validated and written atomically on its own: a
document teikit cannot encode is reported (``file:line:col: message`` on
stderr) and the others are still written. One summary line ends every run.
Exit status: 0 all converted (or already current), 1 some refused, 2 usage
error (nothing matched, ``-o`` is a file, ...). The work runs in local
processes (``--jobs``) or on a Dask cluster (``--scheduler``); see
:mod:`teikit.batch`.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert raw transcriptions to TEI",
        description=(
            "Convert raw transcriptions (NAME.txt, with NAME.sidecar.toml beside it when "
            "present; directories are searched for *.txt, globs are expanded) to TEI P5, "
            "validate them, and write OUTDIR/NAME.xml. Each document stands alone: refused "
            "ones are reported and the rest are written. Exit status: 0 all converted, "
            "1 some refused, 2 usage error."
        ),
    )
    parser.add_argument(
        "inputs", nargs="+", metavar="INPUT", help="raw transcription files, directories or globs"
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output directory")
    parser.add_argument(
        "--report",
        choices=("json", "text"),
        help="print each document's counts and uncertainties (json or text) on stdout "
        "(converts current outputs again: the report comes from the conversion)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=int,
        default=0,
        metavar="N",
        help="local worker processes (default: all cores)",
    )
    parser.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster (e.g. tcp://host:8786; default: $TEIKIT_SCHEDULER); "
        "needs pip install 'teikit[dask]' and a file system the workers share",
    )
    parser.add_argument(
        "--force", action="store_true", help="rebuild outputs that are already current"
    )
    parser.add_argument(
        "--schema-href",
        metavar="BASE",
        default=None,
        help="where the <?xml-model?> links look for teikit.rng/teikit.sch: a folder path "
        "relative to OUTDIR or a URL prefix (default ../schema/); 'bundled' links to the "
        "schema installed with teikit; 'none' writes no links",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="no progress bar and no summary line"
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print, per raw line, the role chosen and why, and the document kind and why",
    )
    parser.add_argument(
        "--review",
        metavar="DIR",
        help="also write DIR/NAME.review.html: raw lines by role beside the reading view",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # imported here: building the CLI's parsers must not load the whole pipeline
    from teikit.batch import backend
    from teikit.batch.convert import Summary, plan, run_jobs, warm_up
    from teikit.batch.local import LocalBackend
    from teikit.batch.progress import Progress
    from teikit.errors import TeikitError
    from teikit.serialize import DEFAULT_SCHEMA_BASE

    if getattr(args, "explain", False):
        from teikit.convert.explanation import explain, to_text
        from teikit.convert.source import Source

        for p in args.inputs:
            if Path(p).is_file():
                print(to_text(explain(Source.from_path(p))))
    if args.jobs < 0:
        raise TeikitError("--jobs must be ≥ 0 (0: all cores)")
    href = args.schema_href
    schema_base = DEFAULT_SCHEMA_BASE if href is None else (None if href == "none" else href)
    todo, known = plan(
        args.inputs,
        args.output,
        force=args.force or args.report is not None,  # a report needs the conversion
        schema_base=schema_base,
        want_report=args.report is not None,
    )
    summary = Summary()
    done = list(known)
    for outcome in known:
        summary.add(outcome)
    bar = Progress(len(todo), unit="documents") if Progress.wanted(args.quiet) and todo else None
    reports = _ReportWriter(args.report)
    if todo:
        from teikit.batch import default_jobs

        runner = backend(jobs=min(args.jobs or default_jobs(), len(todo)), scheduler=args.scheduler)
        try:
            if isinstance(runner, LocalBackend) and runner.workers > 1:
                warm_up()
            for outcome in run_jobs(todo, runner):
                summary.add(outcome)
                done.append(outcome)
                if outcome.error:
                    if bar:
                        bar.clear()
                    print(f"teikit: {outcome.error}", file=sys.stderr)
                if outcome.report is not None:
                    reports.write(outcome.report)
                if bar:
                    bar.step()
        finally:
            runner.close()
            if bar:
                bar.close()
    reports.close()
    if args.review:
        from teikit.html.review import write_reviews

        write_reviews([o.source for o in done if not o.error], args.review)
    if not args.quiet:
        print(f"teikit convert: {summary.line()}", file=sys.stderr)
    return summary.exit_code()


class _ReportWriter:
    """Per-document reports on stdout as they arrive (a JSON array is streamed)."""

    def __init__(self, fmt: str | None) -> None:
        self.fmt = fmt
        self.n = 0

    def write(self, report: dict[str, Any]) -> None:
        if self.fmt == "json":
            text = json.dumps(report, ensure_ascii=False, indent=2).replace("\n", "\n  ")
            sys.stdout.write(("[\n  " if self.n == 0 else ",\n  ") + text)
        elif self.fmt == "text":
            print(_text(report))
        self.n += 1

    def close(self) -> None:
        if self.fmt == "json":
            sys.stdout.write("[]\n" if self.n == 0 else "\n]\n")
        sys.stdout.flush()


def _text(report: dict[str, Any]) -> str:
    """The text form of a report dict, as ``Report.to_text`` lays it out."""
    counts = ", ".join(f"{k} {v}" for k, v in report["counts"].items())
    lines = [f"{report['name']} ({report['kind']}): {counts}"]
    lines.extend(
        f"  {report['name']}:{u['line']}:{u['column']}: unsure: {u['message']}"
        for u in report["uncertain"]
    )
    return "\n".join(lines)
