"""Schematron, XSD and ODD schemas; pruned RELAX NG gives the same verdicts as the whole."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from typing import TYPE_CHECKING

from validate_helpers import VALID, tei, write

from teikit import validate
from teikit.validate.engines.rng import RngEngine
from teikit.validate.loader import parse
from teikit.validate.report import Engine, Severity

if TYPE_CHECKING:
    from lxml import etree

XSD = """<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema">
  <xs:element name="doc">
    <xs:complexType><xs:sequence>
      <xs:element name="item" maxOccurs="unbounded">
        <xs:complexType><xs:simpleContent><xs:extension base="xs:string">
          <xs:attribute name="n" type="xs:integer" use="required"/>
        </xs:extension></xs:simpleContent></xs:complexType>
      </xs:element>
    </xs:sequence></xs:complexType>
  </xs:element>
</xs:schema>
"""

SCH = """<schema xmlns="http://purl.oclc.org/dsdl/schematron" queryBinding="xslt2">
  <pattern id="numbers">
    <rule context="item">
      <assert id="odd-n" test="xs:integer(@n) mod 2 = 1" role="warning">item numbers
        should be odd, not <value-of select="@n"/></assert>
    </rule>
  </pattern>
</schema>
"""


def test_schematron_problem_carries_rule_id_text_and_column(tmp_path: Path) -> None:
    sch = write(tmp_path, "rules.sch", SCH)
    doc = '<doc>\n  <item n="1">a</item> <item n="2">b</item>\n</doc>'
    [p] = validate(doc.encode(), str(sch)).problems
    assert (p.severity, p.engine, p.rule) == (Severity.WARNING, Engine.SCHEMATRON, "odd-n")
    assert (p.line, p.column, p.xpath) == (2, 24, "/doc[1]/item[2]")
    assert p.message == "item numbers should be odd, not 2"


@pytest.mark.shared
def test_tei_all_schematron(shared: Path) -> None:
    body = '<p><date when="1959" from="1958">x</date></p>'
    [p] = validate(tei(body).encode(), str(shared / "tei-p5" / "tei_all.isosch")).problems
    assert (p.line, p.column, p.engine) == (4, 4, Engine.SCHEMATRON)
    assert p.rule == "schematron-constraint-tei_all-att.datable.w3c-att-datable-w3c-when-2"
    assert p.message == (
        "The @when attribute cannot be used with any other att.datable.w3c attributes."
    )


def test_xsd_problem_carries_reason_and_path(tmp_path: Path) -> None:
    xsd = write(tmp_path, "doc.xsd", XSD)
    assert validate(VALID.encode(), str(xsd)).problems == []
    report = validate(b'<doc>\n  <item n="x">a</item>\n</doc>', str(xsd))
    [p] = report.problems
    assert (p.line, p.column, p.engine, p.xpath) == (2, 3, Engine.XSD, "/doc/item")
    assert "'x' is not a valid value" in p.message or "invalid literal" in p.message
    assert p.message.endswith("(at /doc/item)")


@pytest.mark.shared
def test_odd_is_compiled_and_used(shared: Path, tmp_path: Path) -> None:
    odd = shared / "tei-p5" / "tei_lite.odd"
    good = validate(tei("<p>fine</p>").encode(), str(odd))
    assert good.valid, good.problems
    bad = validate(tei("<p><speakr/></p>").encode(), str(odd))
    assert [(p.rule, p.message) for p in bad.problems] == [
        ("rng:element-not-allowed", "`speakr` is not allowed in `p`; did you mean `speaker`?")
    ]


@pytest.mark.shared
def test_pruned_grammar_gives_the_same_verdicts_as_the_whole(
    shared: Path, tei_all_rng: etree.RelaxNG
) -> None:
    engine = RngEngine(shared / "tei-p5" / "tei_all.rng")
    bodies = [
        "<p>plain</p>",
        "<sp><speaker>A</speaker><p>x</p></sp>",
        "<sp><speakr>A</speakr><p>x</p></sp>",
        '<div type="letter"><head>h</head><p>a <hi rend="b">b</hi></p></div>',
        "<div><p>a</p><head>h</head></div>",
        '<p><date when="1959-10-02">x</date></p>',
        '<p><date when="yesterday">x</date></p>',
        "<p>a<milestone/></p>",
        '<p>a<milestone unit="page"/></p>',
        "<list><item>a</item><item>b</item></list>",
        "<list><head>a</head></list>",
        '<p><foreign xml:lang="ru-Latn">da</foreign></p>',
        '<p><foreign xml:lang="not a tag">da</foreign></p>',
        "<table><row><cell>1</cell></row></table>",
        "<table><cell>1</cell></table>",
        '<p><gap reason="illegible" quantity="2" unit="words"/></p>',
        '<p><gap quantity="two"/></p>',
        '<p xml:id="p1" n="1" rend="x y" corresp="#a" facs="f.png">a</p>',
        '<p xml:id="p1" n="1" rend="" corresp="#a">a</p>',
        '<p xml:id="1p">a</p>',
        '<p foo="x">a</p>',
        '<p><ptr target="#a" type="x" subtype="y" n="2"/></p>',
        '<p><ptr target="#a" cRef="x"/></p>',
        '<p><milestone unit="page" n="3"/></p>',
        '<p><date when="1959" notBefore="1958">x</date></p>',
        '<p><date cert="high" resp="#x" when="1959-13-01">x</date></p>',
    ]
    for body in bodies:
        doc = parse(tei(body).encode(), "t.xml")
        whole = bool(tei_all_rng.validate(doc.tree))
        assert (engine.check(doc) == []) is whole, body


@pytest.mark.shared
def test_frus_volume_is_valid_against_tei_all(frus_volumes: list[Path]) -> None:
    rng = str(frus_volumes[0].parent.parent / "tei-p5" / "tei_all.rng")
    report = validate([str(frus_volumes[-1])], rng)
    assert report.valid and report.problems == []
