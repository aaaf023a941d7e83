# ruff: noqa: E501  (ODD fixtures are XML written one construct per line)
"""Hostile or broken ODDs (issue 12's reproducers): a located error or warning, never a broken
schema, a traceback or a hang."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from lxml import etree

from teikit.cli import main
from teikit.errors import TeikitError
from teikit.odd import compile_odd
from teikit.odd.checks import is_catastrophic, xpath_nesting

if TYPE_CHECKING:
    from pathlib import Path

from odd_helpers import odd_text


def _compile(tmp_path: Path, body: str, **options: object) -> object:
    odd = tmp_path / "hostile.odd"
    odd.write_text(odd_text(body), encoding="utf-8")
    return compile_odd(odd, **options)  # type: ignore[arg-type]


def _error(tmp_path: Path, body: str) -> str:
    with pytest.raises(TeikitError) as info:
        _compile(tmp_path, body)
    text = str(info.value)
    return text[text.index("hostile.odd") :]


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<elementSpec ident="bad name&quot;&lt;" mode="add"><content><textNode/></content></elementSpec>',
            'hostile.odd:10:1: elementSpec ident="bad name"<" mode="add": @ident \'bad name"<\' is '
            "not an XML name (NCName)",
        ),
        (
            '<elementSpec ident="p" mode="change"><attList><attDef ident="1st" mode="add"/></attList></elementSpec>',
            'hostile.odd:10:47: attDef ident="1st" mode="add": attribute name \'1st\' is not an XML name',
        ),
        (
            '<elementSpec ident="p" mode="change"><altIdent>para graph</altIdent></elementSpec>',
            "hostile.odd:10:38: altIdent: name 'para graph' is not an XML name (NCName)",
        ),
        (
            '<elementSpec ident="memo" prefix="9" mode="add"><content><empty/></content></elementSpec>',
            'hostile.odd:10:1: elementSpec ident="memo" mode="add": prefix \'9\' cannot start an XML name',
        ),
    ],
)
def test_names_that_are_not_xml_names(tmp_path: Path, body: str, message: str) -> None:
    assert _error(tmp_path, body) == message


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (
            '<macroSpec ident="macro.loop" mode="add" type="pe"><content><macroRef key="macro.loop"/></content></macroSpec>'
            '<elementSpec ident="p" mode="change"><content><macroRef key="macro.loop"/></content></elementSpec>',
            'hostile.odd:10:1: macroSpec ident="macro.loop" mode="add": macro.loop refers to itself '
            "(macro.loop → macro.loop) without an element in between; no schema can say that",
        ),
        (
            '<macroSpec ident="macro.a" mode="add" type="pe"><content><alternate><textNode/><macroRef key="macro.b"/></alternate></content></macroSpec>'
            '<dataSpec ident="macro.b" mode="add"><content><rng:ref name="macro.a"/></content></dataSpec>',
            'hostile.odd:10:1: macroSpec ident="macro.a" mode="add": macro.a refers to itself '
            "(macro.a → macro.b → macro.a) without an element in between; no schema can say that",
        ),
        (
            '<classSpec ident="model.x" type="model" mode="add"><classes><memberOf key="model.y"/></classes></classSpec>'
            '<classSpec ident="model.y" type="model" mode="add"><classes><memberOf key="model.x"/></classes></classSpec>',
            'hostile.odd:10:1: classSpec ident="model.x" type="model" mode="add": model.x is a member '
            "of itself (model.x → model.y → model.x) without an element in between; no schema can say that",
        ),
    ],
)
def test_self_reference_is_an_error_not_a_hang(tmp_path: Path, body: str, message: str) -> None:
    assert _error(tmp_path, body) == message.replace(' type="model"', "")


def test_recursion_through_an_element_is_fine(tmp_path: Path) -> None:
    body = (
        '<macroSpec ident="macro.nest" mode="add" type="pe"><content><alternate minOccurs="0">'
        '<rng:element name="inner"><rng:ref name="macro.nest"/></rng:element></alternate></content></macroSpec>'
        '<elementSpec ident="p" mode="change"><content><macroRef key="macro.nest"/></content></elementSpec>'
    )
    compiled = _compile(tmp_path, body)
    etree.RelaxNG(compiled.rng)  # type: ignore[attr-defined]


def test_deeply_nested_xpath_is_refused(tmp_path: Path) -> None:
    deep = "(" * 700 + "1" + ")" * 700
    body = (
        '<elementSpec ident="p" mode="change"><constraintSpec ident="deep" scheme="schematron">'
        f'<constraint><sch:assert test="{deep}">x</sch:assert></constraint></constraintSpec></elementSpec>'
    )
    assert _error(tmp_path, body) == (
        "hostile.odd:10:99: assert @test: the XPath nests brackets more than 64 deep; "
        "no validator can parse it safely"
    )
    assert xpath_nesting("f('((((', [1], {2})") == 2


def test_catastrophic_pattern_left_out_of_the_xsd(tmp_path: Path) -> None:
    body = (
        '<dataSpec ident="teidata.evil" mode="add"><content><dataRef name="string" restriction="(a+)+$"/></content></dataSpec>'
        '<elementSpec ident="p" mode="change"><attList><attDef ident="evil"><datatype><dataRef key="teidata.evil"/></datatype></attDef></attList></elementSpec>'
    )
    compiled = _compile(tmp_path, body, strict=True)
    [warning] = compiled.warnings  # type: ignore[attr-defined]
    assert warning.rule == "xsd-pattern-dropped"
    assert str(warning).endswith(
        "hostile.odd:10:52: warning: pattern '(a+)+$' nests unbounded repeats (exponential time "
        "in backtracking regex engines): left out of the XSD, kept in the RELAX NG"
    )
    assert b"(a+)+$" not in etree.tostring(compiled.xsd)  # type: ignore[attr-defined]
    assert b"(a+)+$" in etree.tostring(compiled.rng)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("pattern", "catastrophic"),
    [
        ("(a+)+$", True),
        ("(a*)*", True),
        ("(x+y)*", True),
        ("((ab)*c)*", True),
        ("(a{2,})+", True),
        ("a+b+", False),
        ("(abc)+", False),
        (r"[\d]+(\.[\d]+){0,2}", False),
        (r"[(]+([)]+)", False),
        (r"\(+(\)+)", False),
    ],
)
def test_catastrophic_pattern_recognition(pattern: str, catastrophic: bool) -> None:
    assert is_catastrophic(pattern) == catastrophic


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("odd-bad-ident-builds.odd", "@ident 'bad name\"<' is not an XML name (NCName)"),
        ("odd-macro-self-hang.odd", "macro.loop refers to itself (macro.loop → macro.loop)"),
    ],
)
def test_shared_reproducers(
    shared: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], name: str, message: str
) -> None:
    odd = shared / "reliability" / name
    out = tmp_path / "out"
    assert main(["schema", "build", "--odd", str(odd), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.startswith(f"teikit: {odd}:1:446: ") and message in err and err.count("\n") == 1
    assert not out.exists()
