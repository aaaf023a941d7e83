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


def odd_error(compile_text: Compiler, lines: str, **options: object) -> str:
    with pytest.raises(TeikitError) as info:
        compile_text(raw=HEAD + lines + TAIL, **options)
    text = str(info.value)
    return text[text.index("test.odd") :]


TOLERATED = [
    (
        '  <moduleRef key="core"/><elementSpec ident="spaker" mode="change"/>\n',
        'test.odd:5:26: elementSpec ident="spaker" mode="change": '
        "no such element in the selected modules; the change is ignored",
        "change-missing",
    ),
    (
        '  <elementSpec ident="sp" mode="change"/>\n',
        'test.odd:5:3: elementSpec ident="sp" mode="change": no such element in the '
        'selected modules (it is in module "core", which is not selected); the change is ignored',
        "change-missing",
    ),
    (
        '  <moduleRef key="coer"/>\n',
        'test.odd:5:3: moduleRef key="coer": no such module in the TEI source; ignored',
        "unknown-module",
    ),
    (
        '  <moduleRef key="core" include="p hii"/>\n',
        'test.odd:5:3: moduleRef key="core": @include names hii, not an element of '
        'module "core"; it is ignored',
        "unknown-module-member",
    ),
    (
        '  <moduleRef key="core" include="p"/>\n'
        '  <elementSpec ident="p" mode="change"><attList>\n'
        '    <attDef ident="colour" mode="change"/></attList></elementSpec>\n',
        'test.odd:7:5: attDef ident="colour" mode="change": element "p" has no '
        "attribute colour; the change is ignored",
        "attdef-missing",
    ),
    (
        '  <moduleRef key="core" include="p"/>\n'
        '  <elementSpec ident="p" mode="change"><attList>\n'
        '    <attDef ident="colour" mode="delete"/></attList></elementSpec>\n',
        'test.odd:7:5: attDef ident="colour" mode="delete": element "p" has no '
        "attribute colour; nothing to delete",
        "attdef-missing",
    ),
    (
        '  <moduleRef key="core" include="p"/>\n'
        '  <elementSpec ident="p" mode="change"><attList>\n'
        '    <attDef ident="xmlns" mode="add"/></attList></elementSpec>\n',
        'test.odd:7:5: attDef ident="xmlns" mode="add": xmlns is a namespace declaration, '
        "not an attribute; ignored",
        "xmlns-attribute",
    ),
    (
        '  <moduleRef key="core" include="p"/>\n  <elementSpec ident="p" mode="add"/>\n',
        'test.odd:6:3: elementSpec ident="p" mode="add": the element already exists; this '
        'definition replaces it (write mode="change" or mode="replace")',
        "add-existing",
    ),
    (
        '  <elementSpec ident="spaker" mode="delete"/>\n',
        'test.odd:5:3: elementSpec ident="spaker" mode="delete": no such element in the TEI '
        "source; nothing to delete",
        "delete-missing",
    ),
    (
        '  <elementSpec ident="memo" mode="add"><content>\n'
        '    <sequence><elementRef key="spaker"/></sequence></content></elementSpec>\n',
        'test.odd:6:15: elementRef key="spaker": no such element; the reference is dropped',
        "unknown-reference",
    ),
    (
        '  <elementSpec ident="memo" mode="add"><classes><memberOf key="model.nothing"/>'
        "</classes></elementSpec>\n",
        'test.odd:5:49: memberOf key="model.nothing": no such class; the reference is dropped',
        "unknown-reference",
    ),
    (
        '  <classSpec ident="model.nothing" type="model" mode="change"/>\n',
        'test.odd:5:3: classSpec ident="model.nothing" mode="change": no such class in '
        "the selected modules; the change is ignored",
        "change-missing",
    ),
    (
        '  <elementRef key="spaker"/>\n',
        'test.odd:5:3: elementRef key="spaker": no such element in the TEI source; ignored',
        "unknown-reference",
    ),
    (
        '  <elementSpec ident="memo" mode="add"><attList><attDef ident="x"><datatype>'
        '<dataRef ref="http://example.org/types#t"/></datatype></attDef></attList></elementSpec>\n',
        'test.odd:5:77: dataRef ref="http://example.org/types#t": only XML Schema datatypes '
        "(@name) and dataSpecs (@key) are known; any text is accepted",
        "unsupported-datatype",
    ),
    (
        '  <xi:include xmlns:xi="http://www.w3.org/2001/XInclude" href="more.odd"/>\n',
        'test.odd:5:3: xi:include href="more.odd": XInclude is not processed (teikit reads '
        "only the files it is given); what it would include is left out",
        "xinclude-ignored",
    ),
    (
        '  <moduleRef key="core" include="p" except="hi"/>\n',
        'test.odd:5:3: moduleRef key="core": @include and @except are exclusive; @except is '
        "ignored",
        "include-and-except",
    ),
    (
        '  <specGrpRef target="#nowhere"/>\n',
        'test.odd:5:3: specGrpRef target="#nowhere": no specGrp with this xml:id; ignored',
        "unknown-specgrp",
    ),
]


def test_remote_source_is_not_fetched(compile_text: Compiler) -> None:
    """A schemaSpec/@source URL: compiled against the local source, with a warning."""
    url = "https://tei-c.org/Vault/P5/4.0.0/xml/tei/odd/p5subset.xml"
    raw = HEAD.replace('start="TEI">', f'start="TEI" source="{url}">') + TAIL
    compiled = compile_text(raw=raw)
    [warning] = compiled.warnings
    assert warning.rule == "remote-source" and (warning.line, warning.column) == (2, 1)
    assert "teikit never downloads a TEI source; compiled against P5 Version 4.8.0" in str(warning)
    assert "TEI" in compiled.customization.elements
    with pytest.raises(TeikitError, match=r"\[strict: remote-source\]"):
        compile_text(raw=raw, strict=True)


@pytest.mark.parametrize(("lines", "message", "rule"), TOLERATED)
def test_tolerated_by_default_refused_when_strict(
    compile_text: Compiler, lines: str, message: str, rule: str
) -> None:
    """As the official chain: compiled, the construct dropped; and said, with its place."""
    compiled = compile_text(raw=HEAD + lines + TAIL)
    warnings = compiled.warnings
    assert len(warnings) == 1
    where, text = message.split(": ", 1)
    assert str(warnings[0]).endswith(f"{where}: warning: {text}")
    assert warnings[0].rule == rule
    assert warnings[0].as_dict()["line"] == int(where.split(":")[1])
    assert odd_error(compile_text, lines, strict=True) == f"{message} [strict: {rule}]"


def test_external_module_errors(compile_text: Compiler, tmp_path: Path) -> None:
    """moduleRef/@url: a missing file, compact syntax, or not a grammar: located errors."""
    (tmp_path / "m.rnc").write_text("start = element x { empty }\n", encoding="utf-8")
    (tmp_path / "notgrammar.rng").write_text(
        "<element xmlns='http://relaxng.org/ns/structure/1.0' name='x'><empty/></element>",
        encoding="utf-8",
    )
    cases = {
        "missing.rng": f'test.odd:5:3: moduleRef url="missing.rng": no such file ({tmp_path / "missing.rng"})',
        "m.rnc": 'test.odd:5:3: moduleRef url="m.rnc": RELAX NG compact syntax is not read; convert it '
        "to the XML syntax (.rng), e.g. with trang, and point @url at that",
        "notgrammar.rng": "notgrammar.rng:1:1: moduleRef/@url: not a RELAX NG grammar (XML syntax, "
        "<grammar> root expected)",
    }
    for url, message in cases.items():
        with pytest.raises(TeikitError) as info:
            compile_text(raw=HEAD + f'  <moduleRef url="{url}"/>\n' + TAIL)
        assert str(info.value).endswith(message), str(info.value)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        (
            '  <moduleRef url="http://example.org/x.rng"/>\n',
            'test.odd:5:3: moduleRef url="http://example.org/x.rng": teikit never downloads '
            "schemas; save a local copy and pass --module-dir DIR (looked up there as x.rng), "
            "or point @url at the local file",
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
    ],
)
def test_odd_errors(compile_text: Compiler, lines: str, message: str) -> None:
    assert odd_error(compile_text, lines) == message


def test_start_names_nothing(compile_text: Compiler) -> None:
    """An entry point not in the schema is dropped (warned); none left is an error."""
    compiled = compile_text(start="TEI sp")
    assert [str(w).split("test.odd:")[1] for w in compiled.warnings] == [
        '5:1: warning: schemaSpec start="TEI sp": no element sp in the schema; it is left out '
        "of the start"
    ]
    assert compiled.customization.start == ["TEI"]
    with pytest.raises(TeikitError) as info:
        compile_text(start="sp spaker")
    assert str(info.value).endswith(
        'test.odd:5:1: schemaSpec start="sp spaker": no element of it is in the schema'
    )


def test_not_well_formed(compile_text: Compiler) -> None:
    with pytest.raises(TeikitError) as info:
        compile_text(raw="<TEI xmlns='http://www.tei-c.org/ns/1.0'><schemaSpec></TEI>")
    assert "test.odd:1:" in str(info.value) and "not well-formed XML" in str(info.value)


def test_cli_warns_by_default_and_strict_refuses_writing_nothing(
    tmp_path: Path, p5subset: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    odd = tmp_path / "bad.odd"
    odd.write_text(
        HEAD + '  <elementSpec ident="spaker" mode="change"/>\n' + TAIL, encoding="utf-8"
    )
    args = ["schema", "build", "--odd", str(odd), "--source", str(p5subset)]
    message = 'elementSpec ident="spaker" mode="change": no such element in the selected modules'
    assert main([*args, "-o", str(tmp_path / "ok")]) == 0
    assert capsys.readouterr().err == (
        f"teikit: {odd}:5:3: warning: {message}; the change is ignored\n"
    )
    assert (tmp_path / "ok" / "bad.rng").is_file()
    out = tmp_path / "out"
    assert main([*args, "--strict", "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"teikit: {odd}:5:3: {message}; the change is ignored [strict: change-missing]\n"
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
