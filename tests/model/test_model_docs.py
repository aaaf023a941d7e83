"""The examples in docs/model.rst run (CI builds html only, so pytest runs them here),
and the downstream example type-checks under mypy --strict and runs end to end."""

from __future__ import annotations

import doctest
import json
import re
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _directive_blocks(rst: str, name: str) -> list[str]:
    blocks = []
    pattern = re.compile(rf"^\.\. {name}::.*?\n((?:\n|   .*\n)+)", re.M)
    for m in pattern.finditer(rst):
        blocks.append(textwrap.dedent(m.group(1)))
    return blocks


def test_model_rst_doctests() -> None:
    rst = (REPO / "docs" / "model.rst").read_text(encoding="utf-8")
    setup = "\n".join(_directive_blocks(rst, "testsetup"))
    examples = "\n".join(_directive_blocks(rst, "doctest"))
    assert examples.count(">>>") >= 10
    globs: dict[str, object] = {}
    exec(compile(setup, "model.rst:testsetup", "exec"), globs)
    test = doctest.DocTestParser().get_doctest(examples, globs, "model.rst", "model.rst", 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    runner.run(test)
    assert runner.failures == 0 and runner.tries == examples.count(">>>")


def test_downstream_example_passes_mypy_strict() -> None:
    pytest.importorskip("mypy", reason="mypy comes with the [dev] extra")
    out = subprocess.run(
        [sys.executable, "-m", "mypy", "--strict", "examples/downstream.py"],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=False,
    )
    assert out.returncode == 0, out.stdout + out.stderr


def test_downstream_example_end_to_end(tmp_path: Path) -> None:
    files = [str(FIXTURES / f"{n}.xml") for n in ("cable", "conversation", "letter")]
    out = subprocess.run(
        [sys.executable, "examples/downstream.py", *files, "--json", str(tmp_path)],
        cwd=REPO,
        capture_output=True,
        text=True,
        check=True,
    )
    assert out.stdout.splitlines() == [
        "cable.xml: Cable from Mao Zedong to Filippov [Stalin] (1951-10, cable)",
        "conversation.xml: Record of Conversation of N. S. Khrushchev with Mao Zedong "
        "(1959-10-02, conversation)",
        "letter.xml: Open letter on the steps taken by the CPSU (1962, letter)",
        "Nikita Sergeyevich Khrushchev -> MAO ZEDONG: 34 words",
        "SUSLOV, M.A. -> MAO ZEDONG: 7 words",
        "MAO ZEDONG -> Nikita Sergeyevich Khrushchev: 5 words",
        "Nikita Sergeyevich Khrushchev -> SUSLOV, M.A.: 2 words",
    ]
    exported = json.loads((tmp_path / "conversation.json").read_text(encoding="utf-8"))
    assert exported["teikit_json_version"] == 1
