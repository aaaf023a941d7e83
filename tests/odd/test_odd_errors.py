# ruff: noqa: E501  (ODD fixtures are XML written one construct per line)
"""ODD mistakes give one ODD-level message with file:line:col, never a traceback."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from teikit.cli import main
from teikit.errors import TeikitError

if TYPE_CHECKING:
    from pathlib import Path

    from odd_helpers import Compiler

HEAD = """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
<schemaSpec ident="t" start="TEI">
  <moduleRef key="tei"/><moduleRef key="header"/>
  <moduleRef key="textstructure" include="TEI text body div"/>
"""
TAIL = "</schemaSpec></body></text></TEI>\n"


def odd_error(compile_text: Compiler, lines: str) -> str:
    with pytest.raises(TeikitError) as info:
        compile_text(raw=HEAD + lines + TAIL)
    text = str(info.value)
    return text[text.index("test.odd") :]


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            '  <moduleRef key="core"/><elementSpec ident="spaker" mode="change"/>\n',
            'test.odd:5:26: elementSpec ident="spaker" mode="change": '
            "no such element in the selected modules",
        ),
        (
            '  <elementSpec ident="sp" mode="change"/>\n',
            'test.odd:5:3: elementSpec ident="sp" mode="change": no such element in the '
            'selected modules (it is in module "core", which is not selected)',
        ),
        (
            '  <moduleRef key="coer"/>\n',
            'test.odd:5:3: moduleRef key="coer": no such module in the TEI source',
        ),
        (
            '  <moduleRef url="http://example.org/x.rng"/>\n',
            'test.odd:5:3: moduleRef url="http://example.org/x.rng": external RELAX NG modules '
            "are not supported (write the declarations as elementSpecs instead)",
        ),
        (
            '  <moduleRef key="core" include="p hii"/>\n',
            'test.odd:5:3: moduleRef key="core": @include names hii, not an element of '
            'module "core"',
        ),
        (
            '  <moduleRef key="core" include="p"/>\n'
            '  <elementSpec ident="p" mode="change"><attList>\n'
            '    <attDef ident="colour" mode="change"/></attList></elementSpec>\n',
            'test.odd:7:5: attDef ident="colour" mode="change": element "p" has no '
            "attribute colour",
        ),
        (
            '  <moduleRef key="core" include="p"/>\n  <elementSpec ident="p" mode="add"/>\n',
            'test.odd:6:3: elementSpec ident="p" mode="add": the element already exists '
            '(use mode="change" or mode="replace")',
        ),
        (
            '  <elementSpec ident="memo" mode="add"><content>\n'
            '    <sequence><elementRef key="spaker"/></sequence></content></elementSpec>\n',
            'test.odd:6:15: elementRef key="spaker": no such element',
        ),
        (
            '  <elementSpec ident="memo" mode="edit"/>\n',
            'test.odd:5:3: elementSpec ident="memo" mode="edit": @mode must be one of add, '
            "change, replace, delete",
        ),
        (
            '  <elementSpec ident="memo"><content>\n'
            '    <elementRef key="div" minOccurs="3" maxOccurs="2"/></content></elementSpec>\n',
            'test.odd:6:5: elementRef key="div": @maxOccurs is less than @minOccurs',
        ),
        (
            '  <classSpec ident="model.nothing" type="model" mode="change"/>\n',
            'test.odd:5:3: classSpec ident="model.nothing" mode="change": no such class in '
            "the selected modules",
        ),
    ],
)
def test_odd_errors(compile_text: Compiler, lines: str, message: str) -> None:
    assert odd_error(compile_text, lines) == message


def test_bad_start(compile_text: Compiler) -> None:
    with pytest.raises(TeikitError) as info:
        compile_text(start="TEI sp")
    assert str(info.value).endswith(
        'test.odd:5:1: schemaSpec start="TEI sp": no element sp in the schema'
    )


def test_not_well_formed(compile_text: Compiler) -> None:
    with pytest.raises(TeikitError) as info:
        compile_text(raw="<TEI xmlns='http://www.tei-c.org/ns/1.0'><schemaSpec></TEI>")
    assert "test.odd:1:" in str(info.value) and "not well-formed XML" in str(info.value)


def test_cli_reports_error_and_writes_nothing(
    tmp_path: Path, p5subset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "bad.odd"
    odd.write_text(
        HEAD + '  <elementSpec ident="spaker" mode="change"/>\n' + TAIL, encoding="utf-8"
    )
    out = tmp_path / "out"
    status = main(["schema", "build", "--odd", str(odd), "--source", str(p5subset), "-o", str(out)])
    assert status == 2
    err = capsys.readouterr().err
    assert err == (
        f'teikit: {odd}:5:3: elementSpec ident="spaker" mode="change": '
        "no such element in the selected modules\n"
    )
    assert not out.exists()


def test_cli_missing_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    odd = tmp_path / "x.odd"
    odd.write_text(HEAD + TAIL, encoding="utf-8")
    status = main(["schema", "build", "--odd", str(odd), "--source", str(tmp_path / "none.xml")])
    assert status == 2
    assert capsys.readouterr().err == (
        f"teikit: {tmp_path / 'none.xml'}: cannot read the TEI P5 source: No such file or directory\n"
    )


def test_not_an_odd(compile_text: Compiler) -> None:
    with pytest.raises(TeikitError) as info:
        compile_text(raw='<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/></TEI>')
    assert str(info.value).endswith("test.odd:1:1: not an ODD: it has no schemaSpec")
