"""SARIF 2.1.0, the format code-scanning dashboards (GitHub, GitLab, Azure) import."""

from __future__ import annotations

import json
from pathlib import Path

from teikit._version import __version__
from teikit.validate.report import Problem, Report, Severity

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "note"}


def _uri(file: str) -> str:
    p = Path(file)
    if p.is_absolute():
        try:
            return p.relative_to(Path.cwd()).as_posix()
        except ValueError:
            return p.as_uri()
    return p.as_posix()


def _result(p: Problem, rule_index: dict[str, int]) -> dict[str, object]:
    physical: dict[str, object] = {"artifactLocation": {"uri": _uri(p.file)}}
    if p.line:
        region: dict[str, int] = {"startLine": p.line}
        if p.column:
            region["startColumn"] = p.column
        physical["region"] = region
    location: dict[str, object] = {"physicalLocation": physical}
    if p.xpath:
        location["logicalLocations"] = [{"fullyQualifiedName": p.xpath, "kind": "element"}]
    return {
        "ruleId": p.rule,
        "ruleIndex": rule_index[p.rule],
        "level": _LEVEL[p.severity],
        "message": {"text": p.message},
        "locations": [location],
        "properties": {
            "engine": str(p.engine),
            "schema": p.schema,
            "expected": list(p.expected),
            "hint": p.hint,
        },
    }


def render(report: Report) -> str:
    rules: dict[str, int] = {}
    for p in report.problems:
        rules.setdefault(p.rule, len(rules))
    run = {
        "tool": {
            "driver": {
                "name": "teikit",
                "version": __version__,
                "informationUri": "https://teikit.readthedocs.io/",
                "rules": [{"id": r, "name": r} for r in rules],
            }
        },
        "artifacts": [{"location": {"uri": _uri(f.file)}} for f in report.files],
        "results": [_result(p, rules) for p in report.problems],
        "properties": {"schemas": report.schema_names},
    }
    doc = {"$schema": SARIF_SCHEMA, "version": "2.1.0", "runs": [run]}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
