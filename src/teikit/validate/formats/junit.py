"""JUnit XML: one test case per file, so CI test viewers list documents as tests.

Errors become one ``failure`` per file (all its problems in the body);
a file that could not be read is an ``error``; warnings go to ``system-out``.
"""

from __future__ import annotations

from lxml import etree

from teikit.validate.formats.text import line
from teikit.validate.report import Report, Severity
from teikit.xmlio import xml_safe


def render(report: Report) -> str:
    """The report as JUnit XML; text XML cannot carry (control characters) is escaped."""
    suites = etree.Element("testsuites", name="teikit validate")
    suite = etree.SubElement(suites, "testsuite", name="teikit validate")
    props = etree.SubElement(suite, "properties")
    for name in report.schema_names:
        etree.SubElement(props, "property", name="schema", value=name)
    failures = errors = 0
    total = 0.0
    for f in report.files:
        case = etree.SubElement(
            suite,
            "testcase",
            classname="teikit.validate",
            name=xml_safe(f.file),
            file=xml_safe(f.file),
            time=f"{f.seconds:.3f}",
        )
        total += f.seconds
        bad = [p for p in f.problems if p.severity is Severity.ERROR]
        other = [p for p in f.problems if p.severity is not Severity.ERROR]
        if not f.readable:
            errors += 1
            err = etree.SubElement(
                case, "error", message=xml_safe(bad[0].message) if bad else "unreadable", type="io"
            )
            err.text = xml_safe("".join(line(p) + "\n" for p in bad))
        elif bad:
            failures += 1
            fail = etree.SubElement(
                case,
                "failure",
                message=xml_safe(
                    f"{len(bad)} error{'s' if len(bad) != 1 else ''}: {bad[0].message}"
                ),
                type=bad[0].rule,
            )
            fail.text = xml_safe("".join(line(p) + "\n" for p in bad))
        if other:
            out = etree.SubElement(case, "system-out")
            out.text = xml_safe("".join(line(p) + "\n" for p in other))
    for el in (suites, suite):
        el.set("tests", str(len(report.files)))
        el.set("failures", str(failures))
        el.set("errors", str(errors))
        el.set("time", f"{total:.3f}")
    data: bytes = etree.tostring(suites, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data.decode("utf-8")
