"""The ``teikit`` command line: one entry point, one module per subcommand.

Each subcommand lives beside the code it drives (``teikit.convert.cli``,
``teikit.validate.cli`` …) and exposes ``register(subparsers)``; this module
only wires them together and turns every :class:`~teikit.errors.TeikitError`
into one ``file:line:col: message`` line and exit status 2, never a traceback.

Exit statuses: 0 success, 1 the input is invalid (validation failed),
2 usage or I/O error, 130 interrupted.
"""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence
from typing import Any, Protocol

from teikit._version import __version__
from teikit.errors import TeikitError

#: Modules that define subcommands, in the order ``--help`` lists them.
SUBCOMMAND_MODULES: tuple[str, ...] = (
    "teikit.convert.cli",
    "teikit.convert.suggest_cli",
    "teikit.odd.cli",
    "teikit.validate.cli",
    "teikit.html.cli",
    "teikit.corpus.cli",
)

#: The subcommand each module registers: ``teikit validate …`` imports only the module
#: of ``validate`` (importing every module, with what they import, took longer than
#: validating a hundred small documents). ``--help`` or an unknown word loads them all.
SUBCOMMANDS: dict[str, str] = {
    "convert": "teikit.convert.cli",
    "suggest": "teikit.convert.suggest_cli",
    "schema": "teikit.odd.cli",
    "validate": "teikit.validate.cli",
    "html": "teikit.html.cli",
    "persons": "teikit.corpus.cli",
}

Handler = Callable[[argparse.Namespace], int]


class SubcommandModule(Protocol):
    """What a subcommand module provides."""

    def register(self, subparsers: argparse._SubParsersAction[Any]) -> None:
        """Add the subcommand's parser; set ``handler`` as its default."""


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The full parser, with every subcommand registered (or only ``command``'s)."""
    parser = argparse.ArgumentParser(
        prog="teikit",
        description=(
            "Raw archival transcriptions to TEI P5, a Java-free ODD compiler and "
            "validator, and typed access to TEI."
        ),
    )
    parser.add_argument("--version", action="version", version=f"teikit {__version__}")
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND")
    only = SUBCOMMANDS.get(command or "")
    for name in SUBCOMMAND_MODULES:
        if only is None or name == only:
            module: SubcommandModule = importlib.import_module(name)
            module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status instead of exiting."""
    words = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser(words[0] if words else None)
    args = parser.parse_args(words)
    handler: Handler | None = getattr(args, "handler", None)
    if handler is None:
        parser.print_help()
        return 2
    try:
        return handler(args)
    except TeikitError as exc:
        print(f"teikit: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
