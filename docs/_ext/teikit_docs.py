"""Sphinx directives that build pages from the project's own sources, so they never go stale.

``.. teikit-cli::`` renders the command-line reference from the argparse
parsers the ``teikit`` command itself uses (every subcommand, its usage, its
description and each option); ``.. teikit-changelog::`` renders
``CHANGELOG.md`` (Keep a Changelog: headings, bullets, inline code, links)
without a Markdown parser.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path
from typing import Any

from docutils import nodes
from docutils.statemachine import StringList
from sphinx.util.docutils import SphinxDirective
from sphinx.util.nodes import nested_parse_with_titles

ROOT = Path(__file__).resolve().parents[2]
_UNDERLINES = "=-~^\"'"


def _subparsers(parser: argparse.ArgumentParser) -> list[tuple[str, argparse.ArgumentParser]]:
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            return list(action.choices.items())
    return []


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("*", "\\*").replace("`", "\\`").replace("|", "\\|")


def _option_name(action: argparse.Action) -> str:
    if action.option_strings:
        value = action.metavar or (
            "{" + ",".join(map(str, action.choices)) + "}"
            if action.choices
            else action.dest.upper()
        )
        names = ", ".join(
            f"{opt} {value}"
            if action.nargs != 0 and not isinstance(action, argparse._VersionAction)
            else opt
            for opt in action.option_strings
        )
        return names
    return str(action.metavar or action.dest)


def cli_lines(parser: argparse.ArgumentParser, prog: str, depth: int = 1) -> list[str]:
    """reStructuredText for ``parser`` and, below it, every subcommand's parser."""
    out: list[str] = []
    if depth > 1:
        out += [f"``{prog}``", _UNDERLINES[depth - 1] * (len(prog) + 4), ""]
    usage = parser.format_usage().strip().removeprefix("usage: ")
    out += [".. code-block:: text", "", *(f"   {line}" for line in usage.splitlines()), ""]
    if parser.description:
        out += [_escape(" ".join(parser.description.split())), ""]
    out += [f".. program:: {prog}", ""]
    for action in parser._actions:
        if isinstance(action, (argparse._HelpAction, argparse._SubParsersAction)):
            continue
        out.append(f".. option:: {_option_name(action)}")
        out.append("")
        help_text = action.help % {"default": action.default} if action.help else ""
        out.append(f"   {_escape(' '.join(help_text.split())) or 'see the usage above'}")
        out.append("")
    for name, sub in _subparsers(parser):
        out += cli_lines(sub, f"{prog} {name}", depth + 1)
    return out


def changelog_lines(markdown: str) -> list[str]:
    """Keep a Changelog Markdown as reStructuredText (the subset the changelog uses)."""
    links = dict(re.findall(r"^\[([^\]]+)\]:\s*(\S+)\s*$", markdown, re.M))
    out: list[str] = []
    for raw in markdown.splitlines():
        if re.match(r"^\[[^\]]+\]:\s", raw):
            continue  # link definitions: used inline below
        heading = re.match(r"^(#+)\s+(.*)$", raw)
        if heading:
            level = len(heading.group(1))
            title = re.sub(r"\[([^\]]+)\]", lambda m: m.group(1), heading.group(2))
            if level == 1:
                continue  # the page has its own title
            out += ["", title, _UNDERLINES[level - 1] * len(title), ""]
            if level == 2 and heading.group(2).startswith("[") and title.split()[0] in links:
                out += [f"`Changes <{links[title.split()[0]]}>`__", ""]
            continue
        out.append(_inline(raw))
    return out


def _inline(text: str) -> str:
    text = re.sub(r"\[([^\]]+)\]\(([^)]+)\)", r"`\1 <\2>`__", text)
    text = re.sub(r"(?<!`)`([^`]+)`(?!`|_)", r"``\1``", text)
    return re.sub(r"\*\*([^*]+)\*\*", r"**\1**", text)


class _Generated(SphinxDirective):
    def _parse(self, lines: list[str], source: str) -> list[nodes.Node]:
        node = nodes.section()
        node.document = self.state.document
        nested_parse_with_titles(self.state, StringList(lines, source=source), node)
        return list(node.children)


class CliDirective(_Generated):
    """The ``teikit`` command line, from its parsers."""

    def run(self) -> list[nodes.Node]:
        import os

        from teikit.cli import build_parser

        # usage lines wrap at the terminal width: fix it, so every build is the same
        saved = os.environ.get("COLUMNS")
        os.environ["COLUMNS"] = "80"
        try:
            lines = cli_lines(build_parser(), "teikit")
        finally:
            if saved is None:
                del os.environ["COLUMNS"]
            else:
                os.environ["COLUMNS"] = saved
        return self._parse(lines, "teikit.cli")


class ChangelogDirective(_Generated):
    """``CHANGELOG.md`` at the repository root."""

    def run(self) -> list[nodes.Node]:
        path = ROOT / "CHANGELOG.md"
        self.env.note_dependency(str(path))
        return self._parse(changelog_lines(path.read_text(encoding="utf-8")), str(path))


def setup(app: Any) -> dict[str, Any]:
    app.add_directive("teikit-cli", CliDirective)
    app.add_directive("teikit-changelog", ChangelogDirective)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
