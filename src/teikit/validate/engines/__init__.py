"""The checks a schema set runs: RELAX NG, Schematron and XSD, one module each.

Each engine is built once per schema file and process (compiling is the
expensive part) and turns one parsed document into a list of problems.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:
    from teikit.validate.loader import Document
    from teikit.validate.report import Problem


class Checker(Protocol):
    """A compiled schema that checks documents (one per schema file and process).

    Named apart from :class:`teikit.validate.report.Engine`, the enumeration
    that says *which kind* of check (RELAX NG, Schematron, XSD) found a problem.
    """

    path: str

    def check(self, doc: Document) -> list[Problem]:
        """Every problem in ``doc``, in document order."""
