"""Releases: version, changelog, documented ``rev:`` and the pre-commit hook agree.

A user copies ``rev: vX.Y.Z`` from the docs into ``.pre-commit-config.yaml``;
if it names a version that was never tagged, pre-commit fails before checking
anything. So every ``rev:`` the project shows must be the current version,
and the changelog must have that version's section.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from teikit import __version__
from teikit.cli import main

if TYPE_CHECKING:
    import pytest

REPO = Path(__file__).resolve().parent.parent


def test_changelog_has_this_version_and_an_unreleased_section() -> None:
    text = (REPO / "CHANGELOG.md").read_text(encoding="utf-8")
    assert text.startswith("# Changelog\n")
    assert "## [Unreleased]" in text
    assert re.search(rf"^## \[{re.escape(__version__)}\] - \d{{4}}-\d\d-\d\d$", text, re.M)
    assert f"[{__version__}]: " in text


def test_every_documented_rev_is_the_current_version() -> None:
    sources = [REPO / ".pre-commit-hooks.yaml", REPO / "README.md", *(REPO / "docs").glob("*.rst")]
    revs = {
        (p.name, rev)
        for p in sources
        for rev in re.findall(r"^[\s#]*rev:\s*(\S+)", p.read_text(encoding="utf-8"), re.M)
    }
    assert revs, "no documented rev:"
    assert {rev for _, rev in revs} == {f"v{__version__}"}, revs


def test_hook_skips_non_tei_and_documents_files_and_exclude() -> None:
    hooks = (REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8")
    assert "entry: teikit validate --only-tei" in hooks
    docs = (REPO / "docs" / "validate.rst").read_text(encoding="utf-8")
    assert "files:" in docs and "exclude:" in docs


TEI_OK = Path(__file__).resolve().parent / "schema" / "valid" / "conversation.xml"


def test_only_tei_notes_and_skips_a_pom(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    pom = tmp_path / "pom.xml"
    pom.write_text('<project xmlns="http://maven.apache.org/POM/4.0.0"/>\n', encoding="utf-8")
    assert main(["validate", "-j", "1", "--only-tei", str(pom), str(TEI_OK)]) == 0
    out, err = capsys.readouterr()
    assert out == (
        f"{pom}:1:1: info[skip:not-tei]: skipped, not TEI: the root element <project> is in "
        "the namespace http://maven.apache.org/POM/4.0.0 (only TEI documents are checked "
        "with --only-tei)\n"
    )
    assert err == (
        "1 file checked against teikit: 1 valid, 0 invalid, 1 skipped (not TEI); "
        "0 errors, 0 warnings\n"
    )
    # without the flag the same file fails, as before
    assert main(["validate", "-j", "1", str(pom)]) == 1


def test_also_writes_a_second_format_from_the_same_run(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    junit = tmp_path / "report.xml"
    args = ["validate", "-j", "1", "-f", "github", "--also", f"junit={junit}", str(TEI_OK)]
    assert main(args) == 0
    assert capsys.readouterr().out == ""
    assert 'tests="1" failures="0"' in junit.read_text(encoding="utf-8")
    assert main(["validate", "--also", "junit", str(TEI_OK)]) == 2
    assert "--also takes FORMAT=FILE" in capsys.readouterr().err
