"""``teikit validate PATH...``: exit 0 valid, 1 invalid, 2 usage or I/O error.

Imports stay inside the handler so that ``teikit --help`` and other
subcommands do not pay for lxml grammars or xmlschema.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse

FORMAT_CHOICES = ("text", "json", "junit", "github", "sarif")


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "validate",
        help="validate TEI against RELAX NG, Schematron, XSD or ODD",
        description=(
            "Validate XML files, directories (recursively) or globs; '-' reads stdin. "
            "Exit status: 0 valid, 1 invalid, 2 usage or I/O error."
        ),
    )
    p.add_argument("paths", nargs="*", metavar="PATH")
    p.add_argument(
        "-s",
        "--schema",
        action="append",
        metavar="SCHEMA",
        help="a bundled schema by name (teikit, tei_all, tei_lite) or a file: RELAX NG "
        "(.rng), Schematron (.sch/.isosch), XSD (.xsd) or ODD; repeatable "
        "(default: teikit; `teikit schema path NAME` shows where a bundled one lives)",
    )
    p.add_argument("--phase", help="Schematron phase (default: #DEFAULT)")
    p.add_argument(
        "--xml-model",
        action="store_true",
        help="use the schemas named by <?xml-model?> (local relative paths only)",
    )
    p.add_argument("-f", "--format", choices=FORMAT_CHOICES, default="text")
    p.add_argument("-o", "--output", metavar="FILE", help="write the report here, not stdout")
    p.add_argument(
        "--also",
        action="append",
        default=[],
        metavar="FORMAT=FILE",
        help="also write the same run's report in another format to FILE "
        "(repeatable), e.g. --format github --also junit=tei-report.xml",
    )
    p.add_argument(
        "-j", "--jobs", type=int, default=0, help="worker processes (default: all cores)"
    )
    p.add_argument(
        "--scheduler",
        metavar="ADDRESS",
        help="run on a Dask cluster (e.g. tcp://host:8786; default: $TEIKIT_SCHEDULER); "
        "needs pip install 'teikit[dask]'",
    )
    p.add_argument(
        "--cache",
        action="store_true",
        help="keep verdicts by content hash + schema hash and skip files already checked "
        "(in $TEIKIT_CACHE/verdicts or ~/.cache/teikit/verdicts)",
    )
    p.add_argument("--cache-dir", metavar="DIR", help="keep --cache verdicts in DIR instead")
    p.add_argument(
        "--only-tei",
        action="store_true",
        help="skip, with a note, files whose root element is not TEI (pom.xml, schemas…); "
        "the pre-commit hook's mode",
    )
    p.add_argument("--warn-only", action="store_true", help="report errors as warnings and exit 0")
    p.add_argument(
        "--changed",
        nargs="?",
        const="HEAD",
        metavar="REF",
        help="only files changed against a git ref (default HEAD)",
    )
    p.add_argument(
        "--max-size",
        type=int,
        default=512,
        metavar="MIB",
        help="refuse files larger than this (default 512 MiB)",
    )
    p.add_argument(
        "--allow-path",
        action="append",
        default=[],
        metavar="DIR",
        help="let schemas and xml-model also read files under DIR (repeatable)",
    )
    p.add_argument(
        "--timeout",
        type=float,
        default=600.0,
        metavar="SECONDS",
        help="stop checking a document after this long and report it (default 600; 0: no limit)",
    )
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar or summary")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from teikit.errors import TeikitError
    from teikit.validate.check import Options
    from teikit.validate.discover import discover, is_ref, only_changed
    from teikit.validate.formats import formatter
    from teikit.validate.report import Report
    from teikit.validate.runner import run_files
    from teikit.xmlio import allow_paths, write_atomic

    if args.jobs < 0 or args.max_size <= 0:
        raise TeikitError("--jobs must be ≥ 0 and --max-size > 0")
    if not args.paths and not args.changed:
        raise TeikitError("name at least one PATH (a file, directory, glob or - for stdin)")
    if args.output and Path(args.output).is_dir():
        raise TeikitError(f"-o {args.output}: is a directory; name the report file")
    if args.paths.count("-") > 1:
        raise TeikitError("'-' (stdin) can be given only once")
    extra = [_also(spec) for spec in args.also]
    paths = list(args.paths)
    ref = args.changed
    if ref and not is_ref(ref) and Path(ref).exists():
        # "--changed tei/": argparse took the path for the optional REF
        paths.insert(0, ref)
        ref = "HEAD"
    allow_paths(args.allow_path)
    # each argument expanded once: the union is what discover(paths) gives
    found = {p: discover([p]) for p in dict.fromkeys(paths or ["."])}
    files = list(dict.fromkeys(f for p in found.values() for f in p))
    if not ref:
        # a mistyped path or glob, or an empty directory, must not pass as "all valid"
        empty = [p for p in paths if not found[p]]
        if empty:
            raise TeikitError(
                "nothing to validate: " + "; ".join(f"no XML file found for {p}" for p in empty)
            )
    if ref:
        files = only_changed(files, ref)
    from teikit.validate.schemas import schema_paths

    explicit = tuple(schema_paths(args.schema)) if args.schema else None
    options = Options(
        explicit,
        args.phase,
        args.xml_model,
        args.max_size << 20,
        timeout=args.timeout or None,
        allow_paths=tuple(args.allow_path),
        only_tei=args.only_tei,
    )
    cache = None
    if args.cache or args.cache_dir:
        from teikit.validate.cache import VerdictCache

        cache = VerdictCache.for_options(options, args.cache_dir)
    from teikit.batch import default_jobs
    from teikit.batch.progress import Progress

    results = run_files(
        files,
        options,
        jobs=args.jobs or default_jobs(),
        progress=Progress.wanted(args.quiet),
        scheduler=args.scheduler,
        cache=cache,
    )
    report = Report(tuple(results), explicit or tuple(_default_names()))
    if args.warn_only:
        report = report.as_warnings()
    text = formatter(args.format)(report)
    try:
        for fmt, target in extra:
            write_atomic(target, formatter(fmt)(report).encode("utf-8"))
        if args.output:
            write_atomic(args.output, text.encode("utf-8"))
    except OSError as exc:
        raise TeikitError(f"cannot write the report: {exc}") from None
    if not args.output:
        sys.stdout.write(text)
        sys.stdout.flush()
    if not args.quiet:
        print(report.summary(), file=sys.stderr)
    return report.exit_code()


def _also(spec: str) -> tuple[str, str]:
    """``FORMAT=FILE`` of ``--also``, checked before any file is validated."""
    from teikit.errors import TeikitError

    fmt, sep, target = spec.partition("=")
    if not sep or not target or fmt not in FORMAT_CHOICES:
        raise TeikitError(
            f"--also takes FORMAT=FILE with FORMAT one of {', '.join(FORMAT_CHOICES)}, not {spec!r}"
        )
    return fmt, target


def _default_names() -> list[str]:
    from teikit.errors import TeikitError
    from teikit.validate.schemas import default_schemas

    try:
        return default_schemas()
    except TeikitError:
        return []
