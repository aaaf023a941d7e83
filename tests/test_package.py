"""The package installs, reports its version, and the CLI answers like a CLI."""

from __future__ import annotations

import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import teikit


def test_version_matches_metadata() -> None:
    assert teikit.__version__ == version("teikit")
    assert re.fullmatch(r"\d+\.\d+\.\d+(\.dev\d+)?", teikit.__version__)


def test_cli_version_via_subprocess() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "teikit", "--version"], capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == f"teikit {teikit.__version__}"


def test_cli_help_lists_no_placeholder() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "teikit", "--help"], capture_output=True, text=True, check=True
    )
    assert out.stdout.startswith("usage: teikit")


def test_typed_marker_shipped() -> None:
    assert (Path(teikit.__file__).parent / "py.typed").is_file()


def test_readme_test_command_matches_ci(repo: Path) -> None:
    """The README's test command and the one .ci/run runs must never drift apart."""
    readme = (repo / "README.md").read_text(encoding="utf-8")
    ci = (repo / ".ci" / "run").read_text(encoding="utf-8")
    blocks = re.findall(r"```(?:sh|bash|console)?\n(.*?)```", readme, re.S)
    commands = [line.strip() for b in blocks for line in b.splitlines() if "pytest" in line]
    assert commands, "README shows no pytest command"
    test_command = commands[0]
    assert test_command in ci.splitlines() or any(
        line.strip() == test_command for line in ci.splitlines()
    ), f"{test_command!r} not run verbatim by .ci/run"
