"""``teikit suggest``: a draft sidecar of likely OCR errors, for an editor to review.

The draft goes to standard output unless ``-o`` names a file; an existing file
is never overwritten without ``--force``, because the usual target, the
sidecar beside the text, holds decisions an editor has already made.
Proposals whose ``sic`` that sidecar already corrects are left out, so the
command can be re-run on a reviewed text to see only what is new.
"""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teikit.convert.suggest import CERTAINTIES, Suggestion, render_draft, suggest_file
from teikit.errors import SourceLocation, TeikitError
from teikit.xmlio import write_atomic

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    """Add ``teikit suggest``."""
    parser = subparsers.add_parser(
        "suggest",
        help="propose likely OCR errors as a draft sidecar",
        description=(
            "List likely OCR errors of a raw transcription (misspellings, words run "
            "together or split apart, a mistyped abbreviation) as a draft sidecar of "
            "[[correction]] entries, for an editor to review."
        ),
    )
    parser.add_argument("input", type=Path, help="raw transcription (UTF-8 text)")
    parser.add_argument(
        "-o", "--output", type=Path, help="write the draft here instead of standard output"
    )
    parser.add_argument("--force", action="store_true", help="overwrite an existing --output")
    parser.add_argument(
        "--min-cert",
        choices=CERTAINTIES,
        default="low",
        help="leave out proposals less certain than this (default: low, i.e. all)",
    )
    parser.add_argument(
        "--sidecar",
        type=Path,
        help="reviewed sidecar whose corrections are left out (default: NAME.sidecar.toml "
        "beside the input, if present)",
    )
    parser.add_argument(
        "--all", action="store_true", help="also list what the sidecar already corrects"
    )
    parser.set_defaults(handler=run)


def _decided(sidecar: Path) -> set[str]:
    """The ``sic`` strings a reviewed sidecar already corrects."""
    try:
        data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
    except OSError as exc:
        raise TeikitError(f"cannot read: {exc.strerror}", SourceLocation(str(sidecar))) from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise TeikitError(f"not a valid sidecar: {exc}", SourceLocation(str(sidecar))) from None
    entries = data.get("correction", [])
    if not isinstance(entries, list):
        return set()
    return {e["sic"] for e in entries if isinstance(e, dict) and isinstance(e.get("sic"), str)}


def _wanted(suggestions: list[Suggestion], min_cert: str, decided: set[str]) -> list[Suggestion]:
    rank = CERTAINTIES.index(min_cert)
    # A decided sic may be longer than the proposal ("Chairma Liu" for "Chairma").
    return [
        s
        for s in suggestions
        if CERTAINTIES.index(s.cert) <= rank and not any(s.sic in d for d in decided)
    ]


def run(args: argparse.Namespace) -> int:
    """Write the draft; exit status 0 whether or not anything was found."""
    source: Path = args.input
    output: Path | None = args.output
    if output is not None and output.exists() and not args.force:
        raise TeikitError(
            "exists; not overwriting a sidecar an editor may have reviewed (use --force)",
            SourceLocation(str(output)),
        )
    suggestions = suggest_file(source)
    sidecar: Path | None = args.sidecar
    if sidecar is None:
        beside = source.with_name(source.stem + ".sidecar.toml")
        sidecar = beside if beside.is_file() else None
    decided = _decided(sidecar) if sidecar is not None and not args.all else set()
    draft = render_draft(_wanted(suggestions, args.min_cert, decided), source.name)
    if output is None:
        sys.stdout.write(draft)
    else:
        write_atomic(output, draft.encode("utf-8"))
    return 0
