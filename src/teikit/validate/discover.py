"""Which files to check: paths, directories (recursively), globs, stdin, git changes."""

from __future__ import annotations

import glob
import os
import subprocess
from pathlib import Path
from typing import TYPE_CHECKING

from teikit.errors import TeikitError

if TYPE_CHECKING:
    from collections.abc import Iterable

#: Extensions a directory walk picks up.
XML_SUFFIXES = (".xml", ".tei")


def discover(paths: Iterable[str]) -> list[str]:
    """Expand arguments to files, keeping order and dropping duplicates.

    A named file is kept whatever its extension (the user asked for it, and a
    missing one is reported when read); directories yield their ``*.xml`` and
    ``*.tei`` files, sorted; glob patterns are expanded (``**`` recursive).
    """
    out: list[str] = []
    seen: set[str] = set()

    def add(p: str) -> None:
        if p not in seen:
            seen.add(p)
            out.append(p)

    for arg in paths:
        if arg == "-":
            add(arg)
        elif Path(arg).is_dir():
            base = Path(arg)
            skip = len(base.parts)
            # sorted as Paths sort, by their parts: comparing Path objects one pair at a
            # time cost more than the walk on a folder of thousands of files
            for p in sorted(base.rglob("*"), key=_sort_key):
                if p.suffix.lower() in XML_SUFFIXES and not _hidden(p.parts[skip:]):
                    add(str(p))
        elif glob.has_magic(arg):
            for m in sorted(glob.glob(arg, recursive=True)):  # noqa: PTH207 (absolute patterns)
                if not Path(m).is_dir():
                    add(m)
        else:
            add(arg)
    return out


def _sort_key(p: Path) -> tuple[str, ...]:
    """The order of ``sorted(paths)``: by parts, case-folded where the file system is."""
    if os.name == "nt":
        return tuple(part.lower() for part in p.parts)
    return p.parts


def _hidden(parts: tuple[str, ...]) -> bool:
    return any(part.startswith(".") for part in parts)


def changed_files(ref: str, cwd: str | None = None) -> set[str]:
    """Files changed against ``ref`` in git (committed, staged, unstaged, untracked), resolved."""
    try:
        top = _git(["rev-parse", "--show-toplevel"], cwd).strip()
        diff = _git(["diff", "--name-only", "--diff-filter=d", ref, "--"], top)
        untracked = _git(["ls-files", "--others", "--exclude-standard"], top)
    except FileNotFoundError:
        raise TeikitError("--changed needs git, which is not installed") from None
    return {str((Path(top) / line).resolve()) for line in (diff + untracked).splitlines() if line}


def _git(args: list[str], cwd: str | None) -> str:
    proc = subprocess.run(["git", *args], cwd=cwd, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise TeikitError(f"git {' '.join(args)} failed: {proc.stderr.strip()}")
    return proc.stdout


def is_ref(ref: str) -> bool:
    """Whether ``ref`` names a commit in the current git repository."""
    try:
        proc = subprocess.run(
            ["git", "rev-parse", "--verify", "--quiet", f"{ref}^{{commit}}"],
            capture_output=True,
            check=False,
        )
    except FileNotFoundError:
        return False
    return proc.returncode == 0


def only_changed(files: list[str], ref: str) -> list[str]:
    changed = changed_files(ref)
    return [f for f in files if f != "-" and str(Path(f).resolve()) in changed]
