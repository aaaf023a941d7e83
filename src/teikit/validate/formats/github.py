"""GitHub Actions workflow commands: each problem becomes an annotation on its line."""

from __future__ import annotations

from teikit.validate.report import Report, Severity

_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _prop(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    out = []
    for p in report.problems:
        props = [f"file={_prop(p.file)}"]
        if p.line:
            props.append(f"line={p.line}")
        if p.column:
            props.append(f"col={p.column}")
        against = f" ({p.schema})" if p.schema else ""
        props.append(f"title={_prop(f'{p.engine}{against} {p.rule}')}")
        out.append(f"::{_COMMAND[p.severity]} {','.join(props)}::{_data(p.message)}\n")
    return "".join(out)
