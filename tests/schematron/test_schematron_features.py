"""Schematron features, one small schema each, with exact messages and locations."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from lxml import etree

from teikit.errors import TeikitError
from teikit.schematron import Schematron, SchematronResult, to_svrl

if TYPE_CHECKING:
    from pathlib import Path

SCH = "http://purl.oclc.org/dsdl/schematron"
TEI = "http://www.tei-c.org/ns/1.0"


def schema(body: str, binding: str = "xslt2", extra: str = "") -> Schematron:
    text = (
        f'<schema xmlns="{SCH}" queryBinding="{binding}" {extra}>'
        f'<ns prefix="tei" uri="{TEI}"/>{body}</schema>'
    )
    return Schematron.from_tree(etree.fromstring(text), base="test.sch")


def doc(body: str) -> etree._ElementTree:
    return etree.fromstring(f'<TEI xmlns="{TEI}">{body}</TEI>').getroottree()


def messages(results: list[SchematronResult]) -> list[str]:
    return [r.message for r in results]


def loc(*steps: str) -> str:
    return "".join(f"/*:{s.split('[')[0]}[namespace-uri()='{TEI}'][{s.split('[')[1]}" if "[" in s
                   else f"/*:{s}[namespace-uri()='{TEI}'][1]" for s in steps)  # fmt: skip


DOC = doc(
    "\n<text>\n<p n='1'>one two</p>\n<p n='2' rend='x'>three</p>\n"
    "<date when='2001' from='2000'>d</date>\n</text>"
)


def test_assert_and_report_with_value_of_name_and_location() -> None:
    sch = schema(
        "<pattern id='p1'><rule context='tei:p'>"
        "<assert test='@rend' id='needs-rend'>The <name/> n=<value-of select='@n'/>"
        " has no <emph>rend</emph>.</assert>"
        "<report test=\"contains(., 'three')\" role='info'>found "
        "<value-of select='string-length(.)'/> chars</report>"
        "</rule></pattern>"
    )
    results = sch.validate(DOC)
    assert [(r.kind, r.id, r.severity, r.message, r.location, r.line) for r in results] == [
        ("assert", "needs-rend", "error", "The p n=1 has no rend.", loc("TEI", "text", "p[1]"), 3),
        ("report", "p1", "info", "found 5 chars", loc("TEI", "text", "p[2]"), 4),
    ]
    assert results[0].pattern == "p1"
    assert results[0].test == "@rend"
    assert results[0].rule_context == "tei:p"


def test_first_matching_rule_in_a_pattern_wins() -> None:
    sch = schema(
        "<pattern><rule context=\"tei:p[@n='2']\"><report test='true()'>special</report></rule>"
        "<rule context='tei:p'><report test='true()'>general</report></rule></pattern>"
    )
    assert messages(sch.validate(DOC)) == ["general", "special"]
    report = sch.run(DOC)
    assert report.fired_rule_count == 2


def test_let_at_schema_pattern_and_rule_level() -> None:
    sch = schema(
        "<let name='total' value='count(//tei:p)'/>"
        "<pattern><let name='word' value=\"'two'\"/>"
        "<rule context='tei:p'><let name='words' value='tokenize(normalize-space(.), \" \")'/>"
        "<let name='first' value='$words[1]'/>"
        "<report test='$words = $word'>p <value-of select='@n'/> of <value-of select='$total'/>"
        " starts with <value-of select='$first'/>, has <value-of select='count($words)'/>"
        " words</report></rule></pattern>"
    )
    assert messages(sch.validate(DOC)) == ["p 1 of 2 starts with one, has 2 words"]


def test_abstract_pattern_with_params() -> None:
    sch = schema(
        "<pattern abstract='true' id='exclusive'><rule context='$el'>"
        "<report test='$a and $b'>$a and $b together on <name/></report></rule></pattern>"
        "<pattern is-a='exclusive' id='when-from'><param name='el' value='tei:date'/>"
        "<param name='a' value='@when'/><param name='b' value='@from'/></pattern>"
    )
    results = sch.validate(DOC)
    assert messages(results) == ["$a and $b together on date"]
    assert results[0].test == "@when and @from"
    assert results[0].pattern == "when-from"


def test_abstract_rule_extends() -> None:
    sch = schema(
        "<pattern><rule abstract='true' id='has-n'><assert test='@n'>no n on <name/></assert>"
        "</rule><rule context='tei:date'><extends rule='has-n'/>"
        "<assert test='@when'>no when</assert></rule></pattern>"
    )
    assert messages(sch.validate(DOC)) == ["no n on date"]


def test_phases() -> None:
    body = (
        "<phase id='dates'><active pattern='d'/></phase>"
        "<pattern id='d'><rule context='tei:date'><report test='@when'>date</report></rule>"
        "</pattern><pattern id='p'><rule context='tei:p'><report test='@n'>p</report></rule>"
        "</pattern>"
    )
    assert messages(schema(body).validate(DOC)) == ["date", "p", "p"]
    dates = Schematron.from_tree(dates_root(body), base="t.sch")
    assert dates.phase == "dates"
    assert messages(dates.validate(DOC)) == ["date"]
    every = Schematron.from_tree(dates_root(body), base="t.sch", phase="#ALL")
    assert len(every.validate(DOC)) == 3
    with pytest.raises(TeikitError, match="no phase 'nope'"):
        Schematron.from_tree(dates_root(body), base="t.sch", phase="nope")


def dates_root(body: str) -> etree._Element:
    return etree.fromstring(
        f'<schema xmlns="{SCH}" queryBinding="xslt2" defaultPhase="dates">'
        f'<ns prefix="tei" uri="{TEI}"/>{body}</schema>'
    )


def test_roles_and_flags_map_to_severities() -> None:
    sch = schema(
        "<pattern><rule context='tei:date' role='warn'>"
        "<report test='true()'>a</report><report test='true()' role='nonfatal'>b</report>"
        "<report test='true()' role='information' flag='minor'>c</report>"
        "<report test='true()' role='fatal'>d</report></rule></pattern>"
    )
    got = [(r.message, r.role, r.severity, r.flag) for r in sch.validate(DOC)]
    assert got == [
        ("a", None, "warning", None),
        ("b", "nonfatal", "warning", None),
        ("c", "information", "info", "minor"),
        ("d", "fatal", "error", None),
    ]


@pytest.mark.parametrize("binding", ["xslt", "xslt2", "xpath2"])
def test_bindings_give_the_same_answers_on_xpath1_tests(binding: str) -> None:
    sch = schema(
        "<pattern><rule context='tei:p'><assert test='count(../tei:p) = 1'>"
        "<value-of select='count(../tei:p)'/> paragraphs</assert></rule></pattern>",
        binding=binding,
    )
    assert messages(sch.validate(DOC)) == ["2 paragraphs", "2 paragraphs"]


def test_xpath2_functions_and_expressions() -> None:
    sch = schema(
        "<pattern><rule context='tei:text'>"
        "<report test=\"string-join(for $p in tei:p return upper-case($p), '|') = "
        "'ONE TWO|THREE'\">for</report>"
        "<report test=\"some $p in tei:p satisfies matches($p, '^T', 'i')\">some</report>"
        '<report test="every $p in tei:p satisfies exists($p/@n)">every</report>'
        '<report test="count(distinct-values(tei:p/@n)) eq 2">distinct</report>'
        "<report test=\"ends-with(replace(tei:p[1], 'o', '0'), 'tw0')\">replace</report>"
        '<report test="count(* except tei:date) = 2">except</report>'
        '<report test="count(tei:p intersect tei:p[@rend]) = 1">intersect</report>'
        "<report test=\"tokenize(tei:p[1], '\\s+')[2] = 'two'\">tokenize</report>"
        '<report test="if (tei:p) then true() else false()">if</report>'
        '<report test="xs:integer(tei:date/@when) gt 2000">cast</report>'
        "</rule></pattern>"
    )
    assert messages(sch.validate(DOC)) == [
        "for", "some", "every", "distinct", "replace", "except", "intersect", "tokenize",
        "if", "cast",
    ]  # fmt: skip


def test_current_id_and_generate_id() -> None:
    tree = doc(
        "<text><anchor xml:id='a1'/><span spanTo='#a1'/><span spanTo='#a2'/>"
        "<anchor xml:id='a2'/><note target='#zz'/></text>"
    )
    sch = schema(
        "<pattern><rule context='tei:*[@spanTo]'>"
        "<assert test='id(substring(@spanTo,2)) and "
        "following::*[@xml:id=substring(current()/@spanTo,2)]'>"
        "<value-of select='@spanTo'/> not after</assert></rule></pattern>"
        "<pattern><rule context='tei:span'>"
        "<report test='//tei:span[generate-id(.) ne generate-id(current())]'>other span</report>"
        "</rule></pattern>"
    )
    assert messages(sch.validate(tree)) == ["#a1 not after", "other span", "other span"]


def test_attribute_context_and_location() -> None:
    sch = schema(
        "<pattern><rule context='tei:p/@n'><report test=\". = '2'\">n is <value-of select='.'/>"
        " on <name path='..'/></report></rule></pattern>"
    )
    (result,) = sch.validate(DOC)
    assert result.message == "n is 2 on p"
    assert result.location == loc("TEI", "text", "p[2]") + "/@n"
    assert result.line == 4


def test_document_context_and_base_uri(tmp_path: Path) -> None:
    path = tmp_path / "d.xml"
    path.write_bytes(etree.tostring(DOC))
    sch = schema(
        "<pattern><rule context='/'><report test=\"ends-with(document-uri(/), 'd.xml')\">"
        "uri</report><report test=\"ends-with(base-uri(/*), 'd.xml')\">base</report>"
        "</rule></pattern>"
    )
    results = sch.validate(path)
    assert [(r.message, r.location, r.document) for r in results] == [
        ("uri", "/", str(path)),
        ("base", "/", str(path)),
    ]


def test_include_diagnostics_and_properties(tmp_path: Path) -> None:
    (tmp_path / "part.sch").write_text(
        f'<pattern xmlns="{SCH}" id="inc"><rule context="tei:date">'
        '<assert test="@to" diagnostics="d1" properties="pr">no to</assert></rule></pattern>'
    )
    main = tmp_path / "main.sch"
    main.write_text(
        f'<schema xmlns="{SCH}" queryBinding="xslt2"><ns prefix="tei" uri="{TEI}"/>'
        '<include href="part.sch"/>'
        '<diagnostics><diagnostic id="d1">from is <value-of select="@from"/></diagnostic>'
        '</diagnostics><properties><property id="pr">cost high</property></properties>'
        "</schema>"
    )
    (result,) = Schematron.from_file(main).validate(DOC)
    assert (result.message, result.pattern, result.diagnostics, result.properties) == (
        "no to",
        "inc",
        ("from is 2000",),
        ("cost high",),
    )


def test_svrl_output() -> None:
    sch = schema(
        "<pattern id='p1'><rule context='tei:p'><assert test='@rend' id='r'>no rend</assert>"
        "</rule></pattern>"
    )
    svrl = to_svrl(sch.run(DOC, keep_fired=True))
    text = etree.tostring(svrl, encoding="unicode")
    location = loc("TEI", "text", "p[1]")
    assert text == (
        '<svrl:schematron-output xmlns:svrl="http://purl.oclc.org/dsdl/svrl" phase="#ALL">'
        f'<svrl:ns-prefix-in-attribute-values uri="{TEI}" prefix="tei"/>'
        '<svrl:active-pattern id="p1"/>'
        '<svrl:fired-rule context="tei:p"/>'
        f'<svrl:failed-assert test="@rend" id="r" location="{location}">'
        "<svrl:text>no rend</svrl:text></svrl:failed-assert>"
        '<svrl:fired-rule context="tei:p"/>'
        "</svrl:schematron-output>"
    )
    bare = etree.tostring(to_svrl(sch.validate(DOC)), encoding="unicode")
    assert bare.count("failed-assert test=") == 1
    assert "fired-rule" not in bare


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("<rule context='tei:p'><assert test='@n = '>x</assert></rule>",
         r"test.sch:1: bad XPath in assert/@test '@n = '"),
        ("<rule context='tei:p'><assert test='frob(@n)'>x</assert></rule>",
         r"test.sch:1: bad XPath in assert/@test 'frob\(@n\)'.*unknown function"),
        ("<rule context='tei:p'><assert test='$nope'>x</assert></rule>",
         r"test.sch:1: undefined variable \$nope"),
        ("<rule context='tei:p['><assert test='1'>x</assert></rule>",
         r"test.sch:1: bad XPath in rule/@context"),
        ("<rule context='tei:p'><assert test=\"doc(@n)\">x</assert></rule>",
         r"unsupported: doc\(\)/document\(\) with a computed argument"),
        ("<rule context='tei:p'><assert test=\"doc('http://example.org/x.xml')\">x</assert></rule>",
         r"unsupported: doc\(\)/document\(\) of 'http://example.org/x.xml'"),
    ],
)  # fmt: skip
def test_schema_errors_name_the_schema_line(body: str, message: str) -> None:
    with pytest.raises(TeikitError, match=message):
        schema(f"<pattern>{body}</pattern>")


def test_error_line_is_the_offending_element(tmp_path: Path) -> None:
    path = tmp_path / "bad.sch"
    path.write_text(
        f'<schema xmlns="{SCH}" queryBinding="xslt2">\n<pattern>\n<rule context="*">\n'
        '<report test="1 +">x</report>\n</rule></pattern></schema>'
    )
    with pytest.raises(TeikitError) as info:
        Schematron.from_file(path)
    assert info.value.location is not None
    assert (info.value.location.file, info.value.location.line) == (str(path.resolve()), 4)


def test_doc_reads_a_local_file(tmp_path: Path) -> None:
    (tmp_path / "codes.xml").write_text("<codes><c>x</c><c>rend</c></codes>")
    path = tmp_path / "s.sch"
    path.write_text(
        f'<schema xmlns="{SCH}" queryBinding="xslt2"><ns prefix="tei" uri="{TEI}"/><pattern>'
        "<rule context='tei:p[@rend]'><assert test=\"@rend = document('codes.xml')//c[1]\">"
        "bad code <value-of select='@rend'/></assert></rule></pattern></schema>"
    )
    sch = Schematron.from_file(path)
    assert messages(sch.validate(doc("<p rend='x'/><p rend='y'/>"))) == ["bad code y"]


def test_dynamic_error_is_a_teikit_error() -> None:
    sch = schema("<pattern><rule context='tei:p'><assert test='xs:integer(.) gt 0'>x</assert>"
                 "</rule></pattern>")  # fmt: skip
    with pytest.raises(TeikitError, match=r"test.sch:1: cannot evaluate 'xs:integer\(\.\) gt 0'"):
        sch.validate(DOC)


def test_unknown_query_binding() -> None:
    with pytest.raises(TeikitError, match="unsupported queryBinding 'stx'"):
        schema("", binding="stx")
