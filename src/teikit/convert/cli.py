"""``teikit convert INPUT... -o OUTDIR``: raw transcriptions to validated TEI files.

All inputs are converted and validated before any file is written, so a bad
input in a batch leaves the output directory as it was.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

    from teikit.convert.api import ConversionResult


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert raw transcriptions to TEI",
        description=(
            "Convert raw transcriptions (NAME.txt, with NAME.sidecar.toml beside it when "
            "present) to TEI P5, validate them, and write OUTDIR/NAME.xml."
        ),
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="raw transcription files")
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output directory")
    parser.add_argument(
        "--report",
        choices=("json", "text"),
        help="print each document's counts and uncertainties (json or text) on stdout",
    )
    parser.add_argument(
        "--explain",
        action="store_true",
        help="print, per raw line, the role chosen and why, and the document kind and why",
    )
    parser.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    # imported here: building the CLI's parsers must not load the whole pipeline
    from teikit.convert import convert
    from teikit.convert.api import write_result
    from teikit.convert.report import reports_to_json

    if getattr(args, "explain", False):
        from teikit.convert.explanation import explain, to_text
        from teikit.convert.source import Source

        for p in args.inputs:
            print(to_text(explain(Source.from_path(p))))
    results: list[ConversionResult] = [convert(Path(p)) for p in args.inputs]
    for result in results:
        write_result(result, args.output)
    if args.report == "json":
        sys.stdout.write(reports_to_json([r.report for r in results]))
    elif args.report == "text":
        for r in results:
            print(r.report.to_text())
    return 0
