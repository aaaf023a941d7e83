"""``teikit COMMAND`` imports only the module of COMMAND, and the table saying which is right."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

from teikit.cli import SUBCOMMAND_MODULES, SUBCOMMANDS, build_parser


def test_the_table_names_what_each_module_registers() -> None:
    registered: dict[str, str] = {}
    for name in SUBCOMMAND_MODULES:
        subparsers = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(subparsers)
        registered.update(dict.fromkeys(subparsers.choices, name))
    assert registered == SUBCOMMANDS


def test_one_command_parses_as_with_every_command() -> None:
    words = ["validate", "-q", "-j", "2", "-s", "teikit", "a.xml"]
    assert vars(build_parser("validate").parse_args(words)) == vars(
        build_parser().parse_args(words)
    )


def test_validate_does_not_import_the_other_commands() -> None:
    others = sorted(set(SUBCOMMAND_MODULES) - {SUBCOMMANDS["validate"]})
    check = (
        "import sys, runpy\n"
        "sys.argv = ['teikit', 'validate', '--help']\n"
        "try:\n"
        "    runpy.run_module('teikit', run_name='__main__')\n"
        "except SystemExit:\n"
        "    pass\n"
        f"print(sorted(m for m in sys.modules if m in {others!r}))\n"
    )
    proc = subprocess.run([sys.executable, "-c", check], capture_output=True, text=True, check=True)
    assert proc.stdout.strip().splitlines()[-1] == "[]"
