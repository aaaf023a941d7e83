"""The user documentation: generated pages cover everything, shown output is real, no leaks.

The docs build itself (``sphinx-build -W``) runs in ``.ci/run``; these tests
check what a build cannot: that the CLI reference lists every option, that the
walk-through's transcript is what teikit prints today, and that no internal
working note reaches a user page.
"""

from __future__ import annotations

import re
import sys
import textwrap
from pathlib import Path
from typing import TYPE_CHECKING

from teikit.cli import build_parser, main

if TYPE_CHECKING:
    import argparse

    import pytest

DOCS = Path(__file__).resolve().parent.parent / "docs"
sys.path.insert(0, str(DOCS / "_ext"))
import teikit_docs  # noqa: E402

_BLOCK = re.compile(r"^\.\. code-block:: (\w+)\n\n((?:(?:   .*)?\n)+)", re.M)


def _parsers(
    parser: argparse.ArgumentParser, prog: str
) -> list[tuple[str, argparse.ArgumentParser]]:
    out = [(prog, parser)]
    for name, sub in teikit_docs._subparsers(parser):
        out += _parsers(sub, f"{prog} {name}")
    return out


def test_cli_reference_lists_every_command_and_option() -> None:
    text = "\n".join(teikit_docs.cli_lines(build_parser(), "teikit"))
    for prog, parser in _parsers(build_parser(), "teikit"):
        assert f".. program:: {prog}" in text
        for action in parser._actions:
            for opt in action.option_strings:
                if opt not in ("-h", "--help"):
                    assert re.search(rf"\.\. option:: .*{re.escape(opt)}\b", text), (prog, opt)


def test_changelog_page_has_every_release() -> None:
    md = (DOCS.parent / "CHANGELOG.md").read_text(encoding="utf-8")
    rst = "\n".join(teikit_docs.changelog_lines(md))
    for version in re.findall(r"^## \[([^\]]+)\]", md, re.M):
        assert re.search(rf"^{re.escape(version)}\b.*\n=+$|^{re.escape(version)}.*\n-+$", rst, re.M)
    assert "``teikit.convert(text=...)``" in rst


_LEAKS = (
    "another engineer",
    "the issue",
    "issue's",
    "targets are not met",
    "are not met yet",
    "garbage collector",
    "TODO",
)


def test_no_internal_notes_on_user_pages() -> None:
    for page in DOCS.glob("*.rst"):
        text = page.read_text(encoding="utf-8").lower()
        for leak in _LEAKS:
            assert leak.lower() not in text, f"{page.name}: {leak!r}"


def test_code_blocks_wrap_instead_of_overflowing() -> None:
    css = (DOCS / "_static" / "teikit.css").read_text(encoding="utf-8")
    assert "white-space: pre-wrap" in css
    assert '"teikit.css"' in (DOCS / "conf.py").read_text(encoding="utf-8")


def _blocks(page: str) -> list[tuple[str, str]]:
    text = (DOCS / page).read_text(encoding="utf-8")
    return [(lang, textwrap.dedent(body).strip("\n") + "\n") for lang, body in _BLOCK.findall(text)]


def test_walkthrough_shows_what_teikit_prints(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    blocks = _blocks("walkthrough.rst")
    transcription = next(b for lang, b in blocks if lang == "text")
    reviewed = [b for lang, b in blocks if lang == "toml"][1]
    consoles = "".join(b for lang, b in blocks if lang == "console")
    monkeypatch.chdir(tmp_path)
    Path("whitfield.txt").write_text(transcription, encoding="utf-8")
    Path("whitfield.sidecar.toml").write_text(reviewed, encoding="utf-8")

    assert main(["convert", "whitfield.txt", "-o", "tei", "--report", "text"]) == 0
    report_line = capsys.readouterr().out.strip()
    assert report_line in consoles

    assert main(["validate", "-j", "1", "tei/"]) == 0
    assert capsys.readouterr().err.strip() in consoles
    assert main(["validate", "-j", "1", "-s", "tei_all", "tei/whitfield.xml"]) == 0
    assert capsys.readouterr().err.strip() in consoles

    assert main(["html", "tei/", "-o", "site/"]) == 0
    assert capsys.readouterr().err.strip() in consoles
    assert Path("site/whitfield.html").is_file()

    tei = Path("tei/whitfield.xml").read_text(encoding="utf-8")
    broken = tei.replace("<salute>Dear Margaret,</salute>", "<salut>Dear Margaret,</salut>")
    broken = broken.replace('cert="high"', 'cert="hihg"', 1)
    Path("broken.xml").write_text(broken, encoding="utf-8")
    assert main(["validate", "-j", "1", "broken.xml"]) == 1
    out, err = capsys.readouterr()
    assert out.count("broken.xml:") == 2, (out, err)
    for line in [*out.splitlines(), err.strip()]:
        assert line in consoles, line
