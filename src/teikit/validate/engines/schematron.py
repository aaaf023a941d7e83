"""Schematron through :mod:`teikit.schematron` (XPath 2, no Java).

Results carry the rule's id and text; the location the engine gives (an XPath
in the ISO skeleton's notation) is resolved back to the element so the
problem gets a real column and a readable path.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from teikit.validate.messages import xpath_of
from teikit.validate.report import Engine, Problem, Severity
from teikit.validate.source import with_columns

if TYPE_CHECKING:
    from lxml import etree

    from teikit.validate.loader import Document

_STEP = re.compile(
    r"/(?:\*:([\w.\-]+)\[namespace-uri\(\)='([^']*)'\]\[(\d+)\]|([\w.\-]+:)?([\w.\-]+)\[(\d+)\])"
)


class SchematronEngine:
    """One Schematron schema (``.sch``/``.isosch``), compiled once."""

    def __init__(self, path: str, phase: str | None = None) -> None:
        from teikit.schematron import Schematron
        from teikit.validate.implied import given_for

        self.path = path
        self._schema = Schematron.from_file(path, phase=phase)
        implied = given_for(path)
        #: The RELAX NG (resolved path) whose passing shortens this schema's screen
        #: (see :mod:`teikit.validate.implied`), and what its passing implies.
        self.given_by: str | None = implied[0] if implied else None
        self._given = implied[1] if implied else ()

    def warm(self, documents: int) -> None:
        """Before a batch (and any fork): build the XSLT screen if it will pay for itself."""
        from teikit.schematron import SCREEN_AFTER

        if documents > SCREEN_AFTER and self._schema.build_screen() and self._given:
            self._schema.given_screen(self._given)

    def check(self, doc: Document, *, given: bool = False) -> list[Problem]:
        """Problems in ``doc``; ``given``: it passed the RELAX NG :attr:`given_by`."""
        problems: list[Problem] = []
        elements: list[etree._Element | None] = []
        # the shortest element, <a/>, takes four bytes
        results = self._schema.validate(
            doc.tree, elements_at_most=len(doc.data) // 4, given=self._given if given else ()
        )
        known: dict[etree._Element, str] = {}
        for r in results:
            # the engine hands the element over; resolving the location is the fallback
            el = r.element if r.element is not None else _resolve(doc.tree, r.location)
            line = r.line or (el.sourceline if el is not None else 0) or 0
            elements.append(el)
            rule = r.id or r.pattern or f"pattern-{r.pattern_position}"
            problems.append(
                Problem(
                    Severity(r.severity),
                    doc.name,
                    line,
                    0,
                    xpath_of(el, known) if el is not None else r.location,
                    " ".join(r.message.split()),
                    rule,
                    Engine.SCHEMATRON,
                )
            )
        if not problems:
            return problems  # the common case: no columns to find
        return with_columns(doc.source, problems, elements)


def _resolve(tree: etree._ElementTree, location: str) -> etree._Element | None:
    """The element an ISO-skeleton location path names (attributes resolve to their owner)."""
    node: etree._Element | None = None
    pos = 0
    while m := _STEP.match(location, pos):
        pos = m.end()
        if m.group(1) is not None:
            local, ns, index = m.group(1), m.group(2), int(m.group(3))
        else:
            local, ns, index = m.group(5), None, int(m.group(6))
        # Clark names compared as strings: a QName per child and step cost more than
        # the rest of checking a valid small document
        wanted = (f"{{{ns}}}{local}" if ns else local) if ns is not None else None
        suffix = "}" + local
        pool = [tree.getroot()] if node is None else node
        found = None
        for child in pool:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            if tag == wanted if wanted is not None else (tag == local or tag.endswith(suffix)):
                index -= 1
                if index == 0:
                    found = child
                    break
        if found is None:
            break
        node = found
    return node
