# ruff: noqa: E501  (ODD fixtures are XML written one construct per line)
"""One test per ODD feature, each comparing whole RELAX NG (or Schematron) fragments."""

from __future__ import annotations

import re

from lxml import etree
from odd_helpers import Compiler, define, has_define

pytestmark = []

MEMO = """
<elementSpec ident="memo" mode="add">
  <classes><memberOf key="att.global"/><memberOf key="model.pLike"/></classes>
  <content>
    <sequence>
      <elementRef key="title" minOccurs="0"/>
      <alternate minOccurs="1" maxOccurs="unbounded">
        <classRef key="model.hiLike"/>
        <elementRef key="p" minOccurs="2" maxOccurs="3"/>
        <elementRef key="list"/>
      </alternate>
      <textNode/>
    </sequence>
  </content>
  <attList>
    <attDef ident="kind" usage="req">
      <datatype><dataRef key="teidata.enumerated"/></datatype>
      <valList type="closed"><valItem ident="a"/><valItem ident="b"/></valList>
    </attDef>
    <attDef ident="refs" usage="opt">
      <datatype minOccurs="1" maxOccurs="unbounded"><dataRef key="teidata.pointer"/></datatype>
    </attDef>
    <attDef ident="size"><datatype><dataRef name="nonNegativeInteger"/></datatype></attDef>
    <attDef ident="code"><datatype><dataRef name="token" restriction="[A-Z]{3}"/></datatype></attDef>
  </attList>
</elementSpec>
"""


def test_element_add_pure_odd_content_and_attributes(compile_text: Compiler) -> None:
    """sequence, alternate, occurrences, pruned refs, closed lists, usage, lists, restrictions."""
    c = compile_text(MEMO)
    assert (
        define(c, "memo")
        == """<define name="memo">
  <element name="memo">
    <optional>
      <ref name="title"/>
    </optional>
    <oneOrMore>
      <choice>
        <ref name="model.hiLike"/>
        <group>
          <ref name="p"/>
          <ref name="p"/>
          <optional>
            <ref name="p"/>
          </optional>
        </group>
      </choice>
    </oneOrMore>
    <text/>
    <ref name="att.global.attributes"/>
    <attribute name="kind">
      <choice>
        <value>a</value>
        <value>b</value>
      </choice>
    </attribute>
    <optional>
      <attribute name="refs">
        <list>
          <oneOrMore>
            <ref name="teidata.pointer"/>
          </oneOrMore>
        </list>
      </attribute>
    </optional>
    <optional>
      <attribute name="size">
        <data type="nonNegativeInteger"/>
      </attribute>
    </optional>
    <optional>
      <attribute name="code">
        <data type="token">
          <param name="pattern">[A-Z]{3}</param>
        </data>
      </attribute>
    </optional>
  </element>
</define>"""
    )
    # Class membership: the new element joins model.pLike beside p.
    assert (
        define(c, "model.pLike")
        == """<define name="model.pLike">
  <choice>
    <ref name="p"/>
    <ref name="memo"/>
  </choice>
</define>"""
    )


def test_module_include_selects_only_listed_elements(compile_text: Compiler) -> None:
    c = compile_text(core="p title")
    assert has_define(c, "p") and has_define(c, "title")
    assert not has_define(c, "hi") and not has_define(c, "list")
    # Classes of the selected modules are all present; those left empty are notAllowed.
    assert (
        define(c, "model.hiLike")
        == """<define name="model.hiLike">
  <notAllowed/>
</define>"""
    )


def test_module_except(compile_text: Compiler) -> None:
    body = '<moduleRef key="figures" except="table row cell formula notatedMusic"/>'
    c = compile_text(body)
    assert has_define(c, "figure") and has_define(c, "figDesc")
    assert not has_define(c, "table") and not has_define(c, "formula")


def test_start_choice(compile_text: Compiler) -> None:
    c = compile_text(start="TEI text")
    start = c.rng.getroot().find(f"{{{'http://relaxng.org/ns/structure/1.0'}}}start")
    assert start is not None
    assert [r.get("name") for r in start.iter("{http://relaxng.org/ns/structure/1.0}ref")] == [
        "TEI",
        "text",
    ]


def test_element_delete_prunes_references(compile_text: Compiler) -> None:
    c = compile_text('<elementSpec ident="title" mode="delete"/>')
    assert not has_define(c, "title")
    assert (
        define(c, "titleStmt")
        == """<define name="titleStmt">
  <element name="titleStmt">
    <zeroOrMore>
      <ref name="model.respLike"/>
    </zeroOrMore>
    <ref name="att.global.attributes"/>
  </element>
</define>"""
    )


def test_element_change_content_and_replace(compile_text: Compiler) -> None:
    body = """
<elementSpec ident="p" mode="change">
  <content><alternate minOccurs="0" maxOccurs="unbounded"><textNode/><elementRef key="hi"/></alternate></content>
</elementSpec>
<elementSpec ident="hi" mode="replace">
  <content><textNode/></content>
  <attList><attDef ident="rend" usage="req"><datatype><dataRef key="teidata.word"/></datatype></attDef></attList>
</elementSpec>"""
    c = compile_text(body)
    assert define(c, "p").startswith("""<define name="p">
  <element name="p">
    <zeroOrMore>
      <choice>
        <text/>
        <ref name="hi"/>
      </choice>
    </zeroOrMore>
    <ref name="att.global.attributes"/>""")
    # replace: no classes, no inherited attributes, only what the ODD says.
    assert (
        define(c, "hi")
        == """<define name="hi">
  <element name="hi">
    <text/>
    <attribute name="rend">
      <ref name="teidata.word"/>
    </attribute>
  </element>
</define>"""
    )


def test_attdef_change_inherited_attribute_expands_class(compile_text: Compiler) -> None:
    """Changing an inherited attribute: the class is referred to attribute by attribute."""
    body = """
<elementSpec ident="div" mode="change">
  <attList>
    <attDef ident="type" mode="change" usage="req">
      <valList type="closed" mode="replace"><valItem ident="letter"/><valItem ident="cable"/></valList>
    </attDef>
    <attDef ident="subtype" mode="delete"/>
  </attList>
</elementSpec>"""
    c = compile_text(body)
    text = define(c, "div")
    assert '<ref name="att.typed.attributes"/>' not in text
    assert '<ref name="att.typed.attribute.subtype"/>' not in text
    tail = text[text.index('<ref name="att.global.attributes"/>') :]
    assert (
        tail
        == """<ref name="att.global.attributes"/>
    <ref name="att.divLike.attributes"/>
    <ref name="att.declaring.attributes"/>
    <ref name="att.written.attributes"/>
    <attribute name="type">
      <choice>
        <value>letter</value>
        <value>cable</value>
      </choice>
    </attribute>
  </element>
</define>"""
    )


def test_vallist_change_adds_and_deletes_items(compile_text: Compiler) -> None:
    body = """
<classSpec ident="att.global" type="atts" mode="change">
  <attList>
    <attDef ident="xml:space" mode="change">
      <valList mode="change"><valItem ident="default" mode="delete"/><valItem ident="keep"/></valList>
    </attDef>
  </attList>
</classSpec>"""
    c = compile_text(body)
    assert (
        define(c, "att.global.attribute.xmlspace")
        == """<define name="att.global.attribute.xmlspace">
  <optional>
    <attribute name="xml:space">
      <choice>
        <value>preserve</value>
        <value>keep</value>
      </choice>
    </attribute>
  </optional>
</define>"""
    )


def test_semi_and_open_vallists_keep_the_datatype(compile_text: Compiler) -> None:
    body = """
<elementSpec ident="p" mode="change"><attList>
  <attDef ident="part" mode="add"><datatype><dataRef key="teidata.enumerated"/></datatype>
    <valList type="semi"><valItem ident="I"/></valList></attDef>
</attList></elementSpec>"""
    c = compile_text(body)
    assert """<optional>
      <attribute name="part">
        <ref name="teidata.enumerated"/>
      </attribute>
    </optional>""" in define(c, "p")


def test_attribute_class_add_memberof_and_delete(compile_text: Compiler) -> None:
    body = """
<classSpec ident="att.teikit" type="atts" mode="add">
  <classes><memberOf key="att.typed"/></classes>
  <attList><attDef ident="flag" usage="rec"><datatype><dataRef key="teidata.truthValue"/></datatype></attDef></attList>
</classSpec>
<elementSpec ident="p" mode="change">
  <classes><memberOf key="att.teikit"/><memberOf key="att.declaring" mode="delete"/></classes>
</elementSpec>
<classSpec ident="att.global" type="atts" mode="change">
  <attList><attDef ident="n" mode="delete"/><attDef ident="xml:base" mode="delete"/></attList>
</classSpec>"""
    c = compile_text(body)
    assert (
        define(c, "att.teikit.attributes")
        == """<define name="att.teikit.attributes">
  <ref name="att.typed.attributes"/>
  <ref name="att.teikit.attribute.flag"/>
</define>"""
    )
    assert (
        define(c, "att.teikit.attribute.flag")
        == """<define name="att.teikit.attribute.flag">
  <optional>
    <attribute name="flag">
      <ref name="teidata.truthValue"/>
    </attribute>
  </optional>
</define>"""
    )
    p = define(c, "p")
    assert "att.declaring" not in p
    assert '<ref name="att.teikit.attributes"/>' in p
    assert not has_define(c, "att.global.attribute.n")
    assert 'att.global.attribute.n"' not in define(c, "att.global.attributes")


def test_attribute_class_delete(compile_text: Compiler) -> None:
    c = compile_text('<classSpec ident="att.declaring" type="atts" mode="delete"/>')
    assert not has_define(c, "att.declaring.attributes")
    assert "att.declaring" not in define(c, "div")


def test_classref_expand_and_occurrences(compile_text: Compiler) -> None:
    body = """
<elementSpec ident="box" mode="add">
  <content>
    <sequence>
      <classRef key="model.pLike" expand="sequenceOptional"/>
      <classRef key="model.hiLike" expand="alternation" minOccurs="0" maxOccurs="unbounded"/>
      <classRef key="model.listLike" expand="sequence"/>
    </sequence>
  </content>
</elementSpec>"""
    c = compile_text(body)
    assert (
        define(c, "box")
        == """<define name="box">
  <element name="box">
    <ref name="model.pLike_sequenceOptional"/>
    <zeroOrMore>
      <ref name="model.hiLike_alternation"/>
    </zeroOrMore>
    <ref name="model.listLike_sequence"/>
  </element>
</define>"""
    )
    assert (
        define(c, "model.pLike_sequenceOptional")
        == """<define name="model.pLike_sequenceOptional">
  <optional>
    <ref name="p"/>
  </optional>
</define>"""
    )
    assert (
        define(c, "model.hiLike_alternation")
        == """<define name="model.hiLike_alternation">
  <choice>
    <ref name="hi"/>
  </choice>
</define>"""
    )
    # An empty class: optional expansions match nothing, required ones are notAllowed.
    assert (
        define(c, "model.listLike_sequence")
        == """<define name="model.listLike_sequence">
  <notAllowed/>
</define>"""
    )


def test_macro_data_any_empty_and_embedded_rng(compile_text: Compiler) -> None:
    body = """
<macroSpec ident="macro.memo" mode="add">
  <content><alternate minOccurs="0" maxOccurs="unbounded"><textNode/><classRef key="model.hiLike"/></alternate></content>
</macroSpec>
<dataSpec ident="teidata.code" mode="add">
  <content><dataRef name="token" restriction="[a-z]+"/></content>
</dataSpec>
<elementSpec ident="a1" mode="add"><content><macroRef key="macro.memo"/></content>
  <attList><attDef ident="c"><datatype><dataRef key="teidata.code"/></datatype></attDef></attList></elementSpec>
<elementSpec ident="a2" mode="add"><content><empty/></content></elementSpec>
<elementSpec ident="a3" mode="add"><content><anyElement require="http://example.org/ns"/></content></elementSpec>
<elementSpec ident="a4" mode="add"><content>
  <rng:group><rng:ref name="p"/><rng:zeroOrMore><rng:ref name="list"/></rng:zeroOrMore><rng:text/></rng:group>
</content></elementSpec>"""
    c = compile_text(body)
    assert (
        define(c, "macro.memo")
        == """<define name="macro.memo">
  <zeroOrMore>
    <choice>
      <text/>
      <ref name="model.hiLike"/>
    </choice>
  </zeroOrMore>
</define>"""
    )
    assert (
        define(c, "teidata.code")
        == """<define name="teidata.code">
  <data type="token">
    <param name="pattern">[a-z]+</param>
  </data>
</define>"""
    )
    assert (
        define(c, "a1")
        == """<define name="a1">
  <element name="a1">
    <ref name="macro.memo"/>
    <optional>
      <attribute name="c">
        <ref name="teidata.code"/>
      </attribute>
    </optional>
  </element>
</define>"""
    )
    assert (
        define(c, "a2")
        == """<define name="a2">
  <element name="a2">
    <empty/>
  </element>
</define>"""
    )
    assert (
        define(c, "a3")
        == """<define name="a3">
  <element name="a3">
    <ref name="anyElement_a3_1"/>
  </element>
</define>"""
    )
    assert (
        define(c, "anyElement_a3_1")
        == """<define name="anyElement_a3_1">
  <element>
    <nsName ns="http://example.org/ns"/>
    <zeroOrMore>
      <attribute>
        <anyName/>
      </attribute>
    </zeroOrMore>
    <zeroOrMore>
      <choice>
        <text/>
        <ref name="anyElement_a3_1"/>
      </choice>
    </zeroOrMore>
  </element>
</define>"""
    )
    # Embedded RELAX NG: references to unselected elements pruned with their container.
    assert (
        define(c, "a4")
        == """<define name="a4">
  <element name="a4">
    <group>
      <ref name="p"/>
      <text/>
    </group>
  </element>
</define>"""
    )


def test_attlist_org_choice(compile_text: Compiler) -> None:
    body = """
<elementSpec ident="link2" mode="add"><content><empty/></content>
  <attList org="choice">
    <attDef ident="to"><datatype><dataRef key="teidata.pointer"/></datatype></attDef>
    <attDef ident="from"><datatype><dataRef key="teidata.pointer"/></datatype></attDef>
  </attList>
</elementSpec>"""
    c = compile_text(body)
    assert (
        define(c, "link2")
        == """<define name="link2">
  <element name="link2">
    <empty/>
    <choice>
      <optional>
        <attribute name="to">
          <ref name="teidata.pointer"/>
        </attribute>
      </optional>
      <optional>
        <attribute name="from">
          <ref name="teidata.pointer"/>
        </attribute>
      </optional>
    </choice>
  </element>
</define>"""
    )


def test_constraints_become_schematron(compile_text: Compiler) -> None:
    body = """
<elementSpec ident="div" mode="change">
  <constraintSpec ident="needs-head" scheme="schematron">
    <constraint>
      <sch:ns prefix="tk" uri="http://example.org/teikit"/>
      <sch:rule context="tei:div[@type='letter']">
        <sch:assert test="tei:head">A letter has a head.</sch:assert>
      </sch:rule>
    </constraint>
  </constraintSpec>
  <attList><attDef ident="type" mode="change">
    <constraintSpec ident="no-x" scheme="schematron"><constraint>
      <sch:report test="@type = 'x'">No x.</sch:report>
    </constraint></constraintSpec>
  </attDef></attList>
</elementSpec>
<constraintSpec ident="global" scheme="schematron"><constraint>
  <sch:rule context="tei:p"><sch:report test="not(node())" role="warning">Empty p.</sch:report></sch:rule>
</constraint></constraintSpec>"""
    c = compile_text(body)
    root = c.sch.getroot()
    assert root.get("queryBinding") == "xslt2"
    ns = {(n.get("prefix"), n.get("uri")) for n in root.iterchildren("{*}ns")}
    assert ("tk", "http://example.org/teikit") in ns
    assert ("tei", "http://www.tei-c.org/ns/1.0") in ns
    wanted = ("t-div-needs-head-", "t-div-type-no-x-", "t-global-")
    mine = [
        p for p in root.iterchildren("{*}pattern") if any(w in (p.get("id") or "") for w in wanted)
    ]
    assert [p.get("id", "").rsplit("-", 1)[0] for p in mine] == [
        "schematron-constraint-t-div-needs-head",
        "schematron-constraint-t-div-type-no-x",
        "schematron-constraint-t-global",
    ]
    rules = [
        etree.tostring(p[0], encoding="unicode")
        .replace(' xmlns="http://purl.oclc.org/dsdl/schematron"', "")
        .strip()
        for p in mine
    ]
    assert rules == [
        """<rule context="tei:div[@type='letter']">
      <assert test="tei:head">A letter has a head.</assert>
    </rule>""",
        """<rule context="tei:div[@type]">
      <report test="@type = 'x'">No x.</report>
    </rule>""",
        """<rule context="tei:p">
      <report test="not(node())" role="warning">Empty p.</report>
    </rule>""",
    ]


def test_tei_constraints_of_selected_elements_only(compile_text: Compiler) -> None:
    c = compile_text(core="p title hi list item label")
    contexts = {r.get("context") for r in c.sch.getroot().iter("{*}rule")}
    assert "tei:list[@type='gloss']" in contexts
    c2 = compile_text(core="p title hi")
    contexts2 = {r.get("context") for r in c2.sch.getroot().iter("{*}rule")}
    assert "tei:list[@type='gloss']" not in contexts2


def test_output_is_deterministic(compile_text: Compiler) -> None:
    a = compile_text(MEMO).outputs("t")
    b = compile_text(MEMO).outputs("t")
    assert a == b
    assert not re.search(rb"\d{4}-\d\d-\d\dT\d\d", a["t.rng"] + a["t.sch"] + a["t.xsd"])


def test_chained_odd_on_another_customization(tmp_path, p5subset, compile_text: Compiler) -> None:  # type: ignore[no-untyped-def]
    from odd_helpers import odd_text

    from teikit.odd import compile_odd

    base = tmp_path / "base.odd"
    base.write_text(odd_text(), encoding="utf-8")
    chained = tmp_path / "project.odd"
    chained.write_text(
        """<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader/><text><body>
<schemaSpec ident="project" start="TEI" source="base.odd">
  <moduleRef key="tei"/><moduleRef key="header"/><moduleRef key="core"/><moduleRef key="textstructure"/>
  <elementSpec ident="hi" mode="delete"/>
</schemaSpec></body></text></TEI>""",
        encoding="utf-8",
    )
    c = compile_odd(chained, p5subset)
    names = {d.get("name") for d in c.rng.getroot().iterchildren("{*}define")}
    # Only what the base selected is there to select: no list, no hi (deleted here).
    assert {"p", "title", "TEI", "div"} <= names
    assert "hi" not in names and "list" not in names
