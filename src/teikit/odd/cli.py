"""``teikit schema build``: compile an ODD to ``NAME.rng``, ``NAME.sch`` and ``NAME.xsd``."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teikit.resources import repo_root

if TYPE_CHECKING:
    import argparse


def _default(path: str) -> Path:
    root = repo_root()
    return (root / path) if root is not None else Path(path)


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    schema = subparsers.add_parser("schema", help="compile and inspect TEI schemas (ODD)")
    commands = schema.add_subparsers(title="schema commands", metavar="SUBCOMMAND")
    build = commands.add_parser(
        "build",
        help="compile an ODD customization to RELAX NG, Schematron and XSD",
        description=(
            "Compile an ODD against the TEI P5 source (p5subset.xml) into NAME.rng, "
            "NAME.sch and NAME.xsd. The TEI P5 source is bundled (see --source); it is "
            "never downloaded."
        ),
    )
    build.add_argument(
        "--odd", default=None, help="the ODD to compile (default: schema/teikit.odd)"
    )
    build.add_argument(
        "--source",
        default=None,
        help=(
            "the TEI P5 source, p5subset.xml or p5subset.xml.gz of another release "
            "(default: $TEIKIT_P5SUBSET, else the bundled release)"
        ),
    )
    build.add_argument(
        "-o", "--outdir", default=None, help="output directory (default: the ODD's directory)"
    )
    build.add_argument(
        "--name", default=None, help="output base name (default: the ODD's file name stem)"
    )
    build.add_argument(
        "--strict",
        action="store_true",
        help=(
            "refuse what the official chain tolerates (a change to nothing, a reference to "
            "nothing): every warning becomes an error"
        ),
    )
    build.add_argument(
        "--module-dir",
        action="append",
        default=[],
        metavar="DIR",
        help=(
            "where moduleRef/@url grammars named by an http(s) URL are found, by file name "
            "(repeatable; teikit never downloads them)"
        ),
    )
    build.set_defaults(handler=_build)
    from teikit.odd.bundled_cli import register_path

    register_path(commands)
    schema.set_defaults(handler=lambda _args: _usage(schema))


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _build(args: argparse.Namespace) -> int:
    from teikit.odd.compiler import compile_odd

    odd = Path(args.odd) if args.odd else _default("schema/teikit.odd")
    outdir = Path(args.outdir) if args.outdir else odd.parent
    name = args.name or odd.stem
    compiled = compile_odd(odd, args.source, strict=args.strict, module_dirs=args.module_dir)
    for warning in compiled.warnings:
        print(f"teikit: {warning}", file=sys.stderr)
    for path in compiled.write(outdir, name):
        print(path)
    return 0
