"""Output formats: each renders a whole :class:`~teikit.validate.report.Report` as text.

``text`` for people, ``json`` for scripts, ``junit`` for CI test viewers,
``github`` for workflow annotations, ``sarif`` for code-scanning dashboards.
"""

from __future__ import annotations

from collections.abc import Callable

from teikit.validate.report import Report

Formatter = Callable[[Report], str]

FORMATS = ("text", "json", "junit", "github", "sarif")


def formatter(name: str) -> Formatter:
    """The renderer for a format name (imported on demand)."""
    if name == "text":
        from teikit.validate.formats.text import render
    elif name == "json":
        from teikit.validate.formats.json import render
    elif name == "junit":
        from teikit.validate.formats.junit import render
    elif name == "github":
        from teikit.validate.formats.github import render
    elif name == "sarif":
        from teikit.validate.formats.sarif import render
    else:
        raise ValueError(f"unknown format {name!r}; choose from {', '.join(FORMATS)}")
    return render
