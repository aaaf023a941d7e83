"""Every output format, parsed back and compared as a whole."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest
from lxml import etree

sys.path.insert(0, str(Path(__file__).parent))
from typing import TYPE_CHECKING

from validate_helpers import INVALID, VALID, mini_schema, write

from teikit import validate
from teikit.validate.formats import formatter

if TYPE_CHECKING:
    from teikit.validate.report import Report

MESSAGE = "`itme` is not allowed in `doc`; did you mean `item`?"


@pytest.fixture
def report(tmp_path: Path) -> Report:
    schema = mini_schema(tmp_path)
    good = write(tmp_path, "good.xml", VALID)
    bad = write(tmp_path, "bad.xml", INVALID)
    return validate([str(good), str(bad)], str(schema))


def test_text(report: Report, tmp_path: Path) -> None:
    assert formatter("text")(report) == (
        f"{tmp_path}/bad.xml:3:3: error[rng:element-not-allowed]: {MESSAGE}\n"
    )


def test_json(report: Report, tmp_path: Path) -> None:
    doc = json.loads(formatter("json")(report))
    assert doc["valid"] is False
    assert doc["summary"] == {"files": 2, "invalid": 1, "errors": 1, "warnings": 0}
    assert doc["files"] == [
        {"file": f"{tmp_path}/good.xml", "valid": True, "readable": True, "problems": []},
        {
            "file": f"{tmp_path}/bad.xml",
            "valid": False,
            "readable": True,
            "problems": [
                {
                    "severity": "error",
                    "file": f"{tmp_path}/bad.xml",
                    "line": 3,
                    "column": 3,
                    "xpath": "/doc[1]/itme[1]",
                    "message": MESSAGE,
                    "rule": "rng:element-not-allowed",
                    "engine": "RELAX NG",
                    "schema": "mini.rng",
                    "expected": ["item"],
                    "hint": "item",
                }
            ],
        },
    ]


def test_junit_has_one_testcase_per_file(report: Report, tmp_path: Path) -> None:
    root = etree.fromstring(formatter("junit")(report).encode())
    suite = root.find("testsuite")
    assert suite is not None
    assert (suite.get("tests"), suite.get("failures"), suite.get("errors")) == ("2", "1", "0")
    cases = suite.findall("testcase")
    assert [c.get("name") for c in cases] == [f"{tmp_path}/good.xml", f"{tmp_path}/bad.xml"]
    assert len(cases[0]) == 0
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("type") == "rng:element-not-allowed"
    assert failure.get("message") == f"1 error: {MESSAGE}"
    assert failure.text == f"{tmp_path}/bad.xml:3:3: error[rng:element-not-allowed]: {MESSAGE}\n"


def test_github_annotations(report: Report, tmp_path: Path) -> None:
    assert formatter("github")(report) == (
        f"::error file={tmp_path}/bad.xml,line=3,col=3,"
        f"title=RELAX NG (mini.rng) rng%3Aelement-not-allowed::{MESSAGE}\n"
    )


def test_sarif(report: Report, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    doc = json.loads(formatter("sarif")(report))
    assert doc["version"] == "2.1.0"
    [run] = doc["runs"]
    assert run["tool"]["driver"]["name"] == "teikit"
    assert run["tool"]["driver"]["rules"] == [
        {"id": "rng:element-not-allowed", "name": "rng:element-not-allowed"}
    ]
    assert run["artifacts"] == [{"location": {"uri": "good.xml"}}, {"location": {"uri": "bad.xml"}}]
    assert run["results"] == [
        {
            "ruleId": "rng:element-not-allowed",
            "ruleIndex": 0,
            "level": "error",
            "message": {"text": MESSAGE},
            "locations": [
                {
                    "physicalLocation": {
                        "artifactLocation": {"uri": "bad.xml"},
                        "region": {"startLine": 3, "startColumn": 3},
                    },
                    "logicalLocations": [
                        {"fullyQualifiedName": "/doc[1]/itme[1]", "kind": "element"}
                    ],
                }
            ],
            "properties": {
                "engine": "RELAX NG",
                "schema": "mini.rng",
                "expected": ["item"],
                "hint": "item",
            },
        }
    ]
    assert run["properties"] == {"schemas": ["mini.rng"]}


def test_warn_only_downgrades_everywhere(report: Report, tmp_path: Path) -> None:
    warned = report.as_warnings()
    assert warned.valid and warned.exit_code() == 0
    assert formatter("github")(warned).startswith("::warning ")
    assert formatter("text")(warned) == (
        f"{tmp_path}/bad.xml:3:3: warning[rng:element-not-allowed]: {MESSAGE}\n"
    )


def test_every_format_names_the_schema(report: Report) -> None:
    """JSON, SARIF, JUnit, GitHub and the summary all say which schema was used."""
    assert json.loads(formatter("json")(report))["schema_names"] == ["mini.rng"]
    junit = etree.fromstring(formatter("junit")(report).encode())
    assert [p.get("value") for p in junit.iter("property") if p.get("name") == "schema"] == [
        "mini.rng"
    ]
    assert "(mini.rng)" in formatter("github")(report)
    assert report.summary().startswith("2 files checked against mini.rng: ")


def test_hints_are_data_in_every_format(report: Report) -> None:
    (problem,) = report.problems
    assert (problem.expected, problem.hint) == (("item",), "item")
    as_json = json.loads(formatter("json")(report))["files"][1]["problems"][0]
    sarif = json.loads(formatter("sarif")(report))["runs"][0]["results"][0]["properties"]
    for shape in (as_json, sarif):
        assert (shape["expected"], shape["hint"]) == (["item"], "item")
