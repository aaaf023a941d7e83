"""``teikit schema path NAME``: where a bundled schema lives, for editors and scripts.

An XML editor (oXygen, VS Code with Red Hat's XML extension, Emacs nXML)
checks as you type against a schema *file*; this prints the installed path of
the one teikit validates with, so the editor and ``teikit validate -s NAME``
agree. Kept apart from ``teikit schema build`` so that printing a path never
loads the ODD compiler.
"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from teikit.errors import TeikitError
from teikit.resources import BUNDLED_SCHEMAS, bundled_schema

if TYPE_CHECKING:
    import argparse

#: What ``--kind`` may ask for, and what each file is.
KINDS = {
    "rng": "RELAX NG (XML syntax): what editors validate against",
    "sch": "ISO Schematron: the rules beyond the grammar",
    "odd": "the ODD source it was compiled from",
    "xsd": "W3C XML Schema (teikit only)",
}


def register_path(commands: argparse._SubParsersAction[Any]) -> None:
    """Add ``schema path`` to the ``schema`` subcommands."""
    listing = "; ".join(f"{name}: {what}" for name, what in BUNDLED_SCHEMAS.items())
    path = commands.add_parser(
        "path",
        help="print the path of a bundled schema (teikit, tei_all, tei_lite)",
        description=(
            "Print the installed path of a bundled schema file, e.g. to point an XML "
            f"editor at it. Bundled schemas: {listing}. Without NAME, list them all."
        ),
    )
    path.add_argument("name", nargs="?", metavar="NAME", help="teikit, tei_all or tei_lite")
    path.add_argument(
        "-k",
        "--kind",
        choices=tuple(KINDS),
        default="rng",
        help="which file: rng (default), sch, odd or xsd",
    )
    path.set_defaults(handler=run_path)


def run_path(args: argparse.Namespace) -> int:
    if args.name is None:
        for name, what in BUNDLED_SCHEMAS.items():
            print(f"{name}\t{bundled_schema(name, args.kind)}\t{what}")
        return 0
    if args.name not in BUNDLED_SCHEMAS:
        raise TeikitError(
            f"no bundled schema named {args.name!r}; choose from {', '.join(BUNDLED_SCHEMAS)}"
        )
    found = bundled_schema(args.name, args.kind)
    if not found.is_file():
        raise TeikitError(f"the bundled {args.name} schema has no .{args.kind} file ({found})")
    sys.stdout.write(f"{found}\n")
    return 0
