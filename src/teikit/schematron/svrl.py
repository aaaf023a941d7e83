"""SVRL, the Schematron Validation Report Language, written from a report.

SVRL is what other Schematron tools read and write, so a teikit run can be
handed to them (or compared with theirs) unchanged.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from teikit.schematron.results import (
    ActivePattern,
    FiredRule,
    SchematronReport,
    SchematronResult,
)

if TYPE_CHECKING:
    from collections.abc import Iterable

SVRL_NS = "http://purl.oclc.org/dsdl/svrl"
_V = f"{{{SVRL_NS}}}"


def to_svrl(
    results: SchematronReport | Iterable[SchematronResult],
    *,
    title: str | None = None,
) -> etree._ElementTree:
    """An ``svrl:schematron-output`` tree for a report, or for bare results.

    A :class:`SchematronReport` from ``Schematron.run(..., keep_fired=True)`` gives
    the full SVRL (active patterns, every fired rule, results in order). Bare
    results give each active pattern that has results, then its results, which
    is enough for tools that only read failures.
    """
    root = etree.Element(f"{_V}schematron-output", nsmap={"svrl": SVRL_NS})
    if isinstance(results, SchematronReport):
        report = results
        if title or report.title:
            root.set("title", title or report.title or "")
        root.set("phase", report.phase)
        for prefix, uri in report.namespaces:
            ns = etree.SubElement(root, f"{_V}ns-prefix-in-attribute-values")
            ns.set("uri", uri)
            ns.set("prefix", prefix)
        events: Iterable[ActivePattern | FiredRule | SchematronResult] = report.events or _events(
            report.results, report.document
        )
        document = report.document
    else:
        listed = list(results)
        if title:
            root.set("title", title)
        document = listed[0].document if listed else None
        events = _events(listed, document)
    for event in events:
        if isinstance(event, ActivePattern):
            el = etree.SubElement(root, f"{_V}active-pattern")
            if document:
                el.set("document", document)
            if event.id:
                el.set("id", event.id)
            if event.name:
                el.set("name", event.name)
        elif isinstance(event, FiredRule):
            el = etree.SubElement(root, f"{_V}fired-rule")
            el.set("context", event.context)
            if event.id:
                el.set("id", event.id)
            if event.role:
                el.set("role", event.role)
        else:
            _result(root, event)
    return root.getroottree()


def _events(
    results: Iterable[SchematronResult], document: str | None
) -> list[ActivePattern | FiredRule | SchematronResult]:
    out: list[ActivePattern | FiredRule | SchematronResult] = []
    current: int | None = None
    for r in results:
        if r.pattern_position != current:
            current = r.pattern_position
            out.append(ActivePattern(r.pattern_position, r.pattern, None))
        out.append(r)
    return out


def _result(root: etree._Element, r: SchematronResult) -> None:
    tag = "failed-assert" if r.kind == "assert" else "successful-report"
    el = etree.SubElement(root, f"{_V}{tag}")
    el.set("test", r.test)
    if r.id:
        el.set("id", r.id)
    if r.role:
        el.set("role", r.role)
    if r.flag:
        el.set("flag", r.flag)
    el.set("location", r.location)
    for d in r.diagnostics:
        etree.SubElement(el, f"{_V}diagnostic-reference").text = d
    for p in r.properties:
        etree.SubElement(el, f"{_V}property-reference").text = p
    etree.SubElement(el, f"{_V}text").text = r.message
