"""W3C XML Schema through xmlschema, imported only when an XSD is actually used.

xmlschema and elementpath take a noticeable share of start-up time, which a
pre-commit run of the RELAX NG default should not pay.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.validate.messages import nearest, xpath_of
from teikit.validate.report import Engine, Problem, Severity
from teikit.validate.source import with_columns
from teikit.xmlio import allowed_roots, check_regular

if TYPE_CHECKING:
    from teikit.validate.loader import Document


class XsdEngine:
    """One XSD, loaded with local files only (no network)."""

    def __init__(self, path: str) -> None:
        import xmlschema

        self.path = path
        check_regular(path, "schema")
        # "sandbox": includes and imports only from the schema's folder (or, with
        # --allow-path, any local file); "always": parsed without entities or DTDs
        allow = "local" if allowed_roots() else "sandbox"
        try:
            self._schema: Any = xmlschema.XMLSchema(path, allow=allow, defuse="always")
        except (xmlschema.XMLSchemaException, OSError) as exc:
            raise TeikitError(f"not a usable XML Schema: {exc}", SourceLocation(path)) from None

    def check(self, doc: Document) -> list[Problem]:
        import xmlschema

        problems: list[Problem] = []
        elements: list[etree._Element | None] = []
        # the parsed tree is wrapped so that the sandbox (for schema files) does not
        # ask the document for a base URL it never needs: nothing is read from it
        tree: Any = doc.tree
        resource = xmlschema.XMLResource(tree, allow="none", defuse="always")
        for err in self._schema.iter_errors(resource):
            found = getattr(err, "elem", None)
            el = found if isinstance(found, etree._Element) else None
            line = int(
                getattr(err, "sourceline", None) or (el.sourceline if el is not None else 0) or 0
            )
            elements.append(el)
            reason = " ".join(str(err.reason or err.message).split())
            path = err.path or (xpath_of(el) if el is not None else "")
            expected, hint = _enumeration(err)
            if hint:
                reason += f"; did you mean `{hint}`?"
            problems.append(
                Problem(
                    Severity.ERROR,
                    doc.name,
                    line,
                    0,
                    path,
                    f"{reason} (at {path})" if path else reason,
                    f"xsd:{type(err.validator).__name__}" if err.validator is not None else "xsd",
                    Engine.XSD,
                    expected=expected,
                    hint=hint,
                )
            )
        return with_columns(doc.source, problems, elements)


def _enumeration(err: Any) -> tuple[tuple[str, ...], str]:
    """The allowed values of a failed enumeration facet, and the one nearest the value given."""
    values = getattr(err.validator, "enumeration", None)
    if not isinstance(values, list) or not values:
        return (), ""
    allowed = tuple(str(v) for v in values)
    return allowed, nearest(str(err.obj).strip(), allowed) or ""
