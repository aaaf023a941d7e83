"""elementpath is imported only when a document reaches an XPath 2 expression.

A pre-commit run of a small file must not pay for elementpath's import when
every expression it evaluates runs on libxml2; a schema that compiled cleanly
once is not syntax-checked with elementpath again (errors are still raised on
every load of a bad schema). Checked in fresh interpreters, since this test
process has long imported elementpath.
"""

from __future__ import annotations

import subprocess
import sys
from typing import TYPE_CHECKING

import pytest

from teikit.errors import TeikitError
from teikit.schematron import Schematron

if TYPE_CHECKING:
    from pathlib import Path

SCH = "http://purl.oclc.org/dsdl/schematron"
TEI = "http://www.tei-c.org/ns/1.0"

SCHEMA = f"""<schema xmlns="{SCH}" queryBinding="xslt2">
<ns prefix="tei" uri="{TEI}"/>
<pattern><rule context="tei:p"><assert test="@n">p without n</assert></rule></pattern>
<pattern><rule context="tei:date">
<assert test="every $d in (@when) satisfies $d castable as xs:date"
>bad date <value-of select="@when"/>
</assert></rule></pattern>
</schema>"""

PROBE = """
import sys
from teikit.schematron import Schematron
sch = Schematron.from_file(sys.argv[1])
for f in sys.argv[2:]:
    print([r.message for r in sch.validate(f)])
print("elementpath" in sys.modules)
"""


def _run(tmp_path: Path, *docs: str) -> list[str]:
    schema = tmp_path / "s.sch"
    schema.write_text(SCHEMA)
    paths = []
    for i, body in enumerate(docs):
        p = tmp_path / f"d{i}.xml"
        p.write_text(f'<TEI xmlns="{TEI}">{body}</TEI>')
        paths.append(str(p))
    env = {"TEIKIT_CACHE": str(tmp_path / "cache"), "PATH": "/usr/bin:/bin"}
    out = subprocess.run(
        [sys.executable, "-c", PROBE, str(schema), *paths],
        capture_output=True,
        text=True,
        check=True,
        env=env,
    )
    return out.stdout.splitlines()


def test_xpath1_only_document_never_imports_elementpath(tmp_path: Path) -> None:
    first = _run(tmp_path, "<p/>")
    # The first load checks the XPath 2 assert's syntax with elementpath...
    assert first == ["['p without n']", "True"]
    # ...a later load of the same schema does not, and the document never reaches it.
    assert _run(tmp_path, "<p/>") == ["['p without n']", "False"]


def test_xpath2_expression_is_compiled_when_reached(tmp_path: Path) -> None:
    _run(tmp_path, "<p n='1'/>")
    assert _run(tmp_path, "<p/>", "<date when='2001-02-30'/><date when='2001-02-28'/>") == [
        "['p without n']",
        "['bad date 2001-02-30']",
        "True",
    ]


def test_bad_schema_is_refused_on_every_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", str(tmp_path / "cache"))
    bad = tmp_path / "bad.sch"
    bad.write_text(SCHEMA.replace("satisfies $d", "satisfies satisfies $d"))
    for _ in range(2):
        with pytest.raises(TeikitError, match=r"bad.sch:6: bad XPath in assert/@test 'every"):
            Schematron.from_file(bad)
