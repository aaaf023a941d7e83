"""``teikit html TEI... -o DIR``: reading views and a corpus index, as static pages.

Imports stay inside the handler so that ``teikit --help`` and other
subcommands do not pay for the renderers.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    p = subparsers.add_parser(
        "html",
        help="render TEI as static reading pages with a corpus index",
        description=(
            "Write one self-contained HTML page per TEI file (inline CSS and JavaScript, "
            "no network, opens from disk) and DIR/index.html listing them. "
            "A directory argument means the *.xml files in it."
        ),
    )
    p.add_argument("inputs", nargs="+", metavar="TEI", help="TEI files or directories")
    p.add_argument("-o", "--output", required=True, metavar="DIR", help="output directory")
    p.add_argument("-q", "--quiet", action="store_true", help="no summary line")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace) -> int:
    from pathlib import Path

    from teikit.errors import SourceLocation, TeikitError
    from teikit.html.site import write_site

    paths: list[Path] = []
    for name in args.inputs:
        path = Path(name)
        if path.is_dir():
            paths.extend(sorted(path.glob("*.xml")))
        elif path.is_file():
            paths.append(path)
        else:
            raise TeikitError("no such file or directory", SourceLocation(name))
    if not paths:
        raise TeikitError("no TEI files (*.xml) found in the given directories")
    written = write_site(list(paths), args.output)
    if not args.quiet:
        print(
            f"teikit html: {len(written) - 1} pages and index.html in {args.output}",
            file=sys.stderr,
        )
    return 0
