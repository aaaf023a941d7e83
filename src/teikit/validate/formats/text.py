"""``file:line:col: error[RULE]: message``, the form editors and compilers use."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from teikit.validate.report import Problem, Report


def line(p: Problem) -> str:
    return f"{p.location}: {p.severity}[{p.rule}]: {p.message}"


def render(report: Report) -> str:
    return "".join(line(p) + "\n" for p in report.problems)
