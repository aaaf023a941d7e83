"""The XSLT screen: which patterns may fire, decided in one libxslt transform.

It may only over-state: a pattern it leaves out must fire nothing. Each test
compares the positions it prints, or the results of ``validate()`` (which runs
only those patterns) with the full run.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from lxml import etree

from teikit.resources import repo_root, schema_path
from teikit.schematron import SCREEN_AFTER, Schematron, xslt_screen
from teikit.schematron.xpath import attribute_alternatives

if TYPE_CHECKING:
    from pathlib import Path

SCH = "http://purl.oclc.org/dsdl/schematron"
TEI = "http://www.tei-c.org/ns/1.0"


def schema(body: str, binding: str = "xslt2") -> Schematron:
    text = (
        f'<schema xmlns="{SCH}" queryBinding="{binding}">'
        f'<ns prefix="tei" uri="{TEI}"/>{body}</schema>'
    )
    return Schematron.from_tree(etree.fromstring(text), base="test.sch")


def doc(body: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(f'<TEI xmlns="{TEI}">{body}</TEI>'))


def screen_of(sch: Schematron) -> xslt_screen.XsltScreen:
    built = xslt_screen.build(sch._compiled)
    assert built is not None
    return built


@pytest.mark.parametrize(
    ("predicates", "expected"),
    [
        ("[@when]", ("when",)),
        ("[@when or @from or (@to)]", ("when", "from", "to")),
        ("[@n = 2][@xml:id and (@a or @b)]", ("xml:id",)),
        ("[@a or b]", None),
        ("[@a = 'x' or @b]", None),
        ("[not(@a)]", None),
        ("", None),
    ],
)
def test_attribute_alternatives(predicates: str, expected: tuple[str, ...] | None) -> None:
    assert attribute_alternatives(predicates) == expected


RULES = (
    '<pattern id="a"><rule context="tei:*[@when or @from]">'
    '<assert test="string-length(@when) = 4">four digits</assert></rule></pattern>'
    '<pattern id="b"><rule context="tei:p"><report test="tei:note">a note</report></rule>'
    "</pattern>"
    '<pattern id="c"><let name="ids" value="//@xml:id"/><rule context="tei:ptr">'
    '<let name="t" value="substring(@target, 2)"/>'
    '<assert test="$ids = $t">points nowhere</assert></rule></pattern>'
    '<pattern id="d"><rule context="tei:sp[@who]">'
    "<assert test=\"every $w in tokenize(@who, ' ') satisfies starts-with($w, '#')\">"
    "pointer</assert></rule></pattern>"
    '<pattern id="e"><rule context="tei:div[@type]"><assert test="@n">n</assert></rule>'
    '<rule context="tei:div"><report test="true()">untyped</report></rule></pattern>'
)


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        # nothing of any rule's context: nothing may fire
        ("<text/>", set()),
        # contexts present, every check holds
        (
            '<text xml:id="x"><date when="1999"/><p>a</p><ptr target="#x"/>'
            '<div type="a" n="1"/></text>',
            set(),
        ),
        ('<date when="19990"/>', {1}),
        ('<date from="1999"/>', {1}),
        ("<p><note/></p>", {2}),
        ('<ptr target="#nowhere"/>', {3}),
        # an XPath 2 check: printed whenever its context occurs
        ('<sp who="#a"/>', {4}),
        ("<sp/>", set()),
        # first rule of a pattern takes the node; the second gets only the rest
        ('<div type="a" n="1"/>', set()),
        ('<div type="a"/>', {5}),
        ("<div/>", {5}),
    ],
)
def test_positions_printed(body: str, expected: set[int]) -> None:
    sch = schema(RULES)
    assert sch.build_screen()
    tree = doc(body)
    assert screen_of(sch).may_fire(tree) == expected
    fired = {r.pattern_position for r in sch.run(tree).results}
    assert fired <= expected
    assert sch.validate(tree) == list(sch.run(tree).results)


def test_pattern_with_attribute_context_is_printed_when_the_attribute_occurs() -> None:
    sch = schema(
        '<pattern><rule context="tei:ptr/@target">'
        "<assert test=\"starts-with(., '#')\">local</assert></rule></pattern>"
    )
    scr = screen_of(sch)
    sch.build_screen()
    assert scr.may_fire(doc('<ptr target="x"/>')) == {1}
    assert scr.may_fire(doc("<ptr/>")) == set()
    assert sch.validate(doc('<ptr target="x"/>'))[0].message == "local"


def test_a_shadowing_variable_is_left_to_the_engine() -> None:
    """XSLT 1.0 cannot redeclare a variable: the pattern is printed, never mis-screened."""
    sch = schema(
        '<let name="v" value="1"/>'
        '<pattern><let name="v" value="2"/><rule context="tei:p">'
        '<assert test="$v = 1">two</assert></rule></pattern>'
    )
    tree = doc("<p/>")
    assert screen_of(sch).may_fire(tree) == {1}
    sch.build_screen()
    assert [r.message for r in sch.validate(tree)] == ["two"]


def test_error_while_transforming_runs_every_pattern() -> None:
    class Failing:
        def __call__(self, tree: object) -> object:
            raise etree.XSLTApplyError("boom")

    scr = xslt_screen.XsltScreen(Failing(), frozenset({1}))
    assert scr.may_fire(doc("<p/>")) is None


def test_bundled_schema_decides_every_pattern() -> None:
    sch = Schematron.from_file(schema_path("teikit.sch"))
    assert screen_of(sch).decided == frozenset(p.position for p in sch._compiled.patterns)


def test_bundled_corpus_same_results() -> None:
    root = repo_root()
    if root is None:
        pytest.skip("needs the source checkout's tei/ corpus")
    sch = Schematron.from_file(schema_path("teikit.sch"))
    assert sch.build_screen()
    for path in sorted((root / "tei").glob("*.xml")):
        tree = etree.parse(str(path))
        assert sch.validate(tree) == list(sch.run(tree).results), path.name


def test_validate_builds_the_screen_after_a_few_documents() -> None:
    sch = schema(RULES)
    tree = doc("<p><note/></p>")
    for _ in range(SCREEN_AFTER):
        assert [r.message for r in sch.validate(tree)] == ["a note"]
        assert sch._compiled._xslt_screen is None
    assert [r.message for r in sch.validate(tree)] == ["a note"]
    assert sch._compiled._xslt_screen


def test_stylesheet_is_kept_in_the_cache_and_rebuilt_when_unreadable(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", str(tmp_path))
    sch = schema(RULES)
    first = screen_of(sch)
    (kept,) = tmp_path.glob("sch-screen-*.xsl")
    again = screen_of(schema(RULES))
    assert again.decided == first.decided
    kept.write_bytes(b"<not-a-stylesheet")
    tree = doc("<p><note/></p>")
    assert screen_of(schema(RULES)).may_fire(tree) == {2}


def test_a_large_document_is_not_screened(monkeypatch: pytest.MonkeyPatch) -> None:
    import teikit.schematron as sch_module

    class Refusing:
        def may_fire(self, tree: object) -> frozenset[int]:
            raise AssertionError("a large document went through the screen")

    sch = schema(RULES)
    sch.build_screen()
    sch._compiled._xslt_screen = Refusing()
    monkeypatch.setattr(sch_module, "SCREEN_MAX_ELEMENTS", 2)
    tree = doc("<p><note/></p>")
    assert [r.message for r in sch.validate(tree)] == ["a note"]


@pytest.mark.parametrize(
    ("expr", "expected"),
    [
        (
            "//tei:note[@type = 'f']",
            "(key('teikit-names', 'note'))[boolean(self::tei:note[@type = 'f'])]",
        ),
        ("//tei:sp", "(key('teikit-names', 'sp'))[boolean(self::tei:sp)]"),
        # positions, paths, unions, wildcards and unknown prefixes keep their walk
        ("//tei:p[1]", "//tei:p[1]"),
        ("//tei:p[last()]", "//tei:p[last()]"),
        ("//tei:div//tei:p", "//tei:div//tei:p"),
        ("/tei:TEI//tei:person", "/tei:TEI//tei:person"),
        ("//tei:a | //tei:b", "//tei:a | //tei:b"),
        ("//*[@n]", "//*[@n]"),
        ("//x:a", "//x:a"),
        ("count(//tei:a)", "count(//tei:a)"),
    ],
)
def test_a_variable_of_every_element_of_a_name_is_a_key_lookup(expr: str, expected: str) -> None:
    assert xslt_screen._indexed(expr, {"tei": TEI}) == expected


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ('<text><note type="f" xml:id="n1"/><ref target="#n1"/></text>', set()),
        ('<text><ref target="#n1"/></text>', {1}),
        # a note around the reference, and a note in a note, are among its nodes
        ('<note type="f" xml:id="n1"><ref target="#n1"/></note>', set()),
        ('<text><note><note type="f" xml:id="n1"/></note><ref target="#n1"/></text>', set()),
        ('<text><note type="g" xml:id="n1"/><ref target="#n1"/></text>', {1}),
    ],
)
def test_an_indexed_variable_screens_as_the_engine_runs(body: str, expected: set[int]) -> None:
    sch = schema(
        '<pattern><let name="notes" value="//tei:note[@type = \'f\']"/>'
        '<rule context="tei:ref"><assert test="substring(@target, 2) = $notes/@xml:id">'
        "no such note</assert></rule></pattern>"
    )
    assert sch.build_screen()
    tree = doc(body)
    assert screen_of(sch).may_fire(tree) == expected
    assert {r.pattern_position for r in sch.run(tree).results} == expected
    assert sch.validate(tree) == list(sch.run(tree).results)
