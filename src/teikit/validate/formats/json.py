"""One JSON object for the run: files, their validity and problems."""

from __future__ import annotations

import json

from teikit._version import __version__
from teikit.validate.report import Report, Severity


def render(report: Report) -> str:
    doc = {
        "tool": "teikit",
        "version": __version__,
        "valid": report.valid,
        "schemas": list(report.schemas),
        "schema_names": report.schema_names,
        "summary": {
            "files": len(report.files),
            "invalid": sum(1 for f in report.files if not f.valid),
            "errors": report.count(Severity.ERROR),
            "warnings": report.count(Severity.WARNING),
        },
        "files": [
            {
                "file": f.file,
                "valid": f.valid,
                "readable": f.readable,
                "problems": [p.as_dict() for p in f.problems],
            }
            for f in report.files
        ],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
