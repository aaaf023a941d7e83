"""Set-at-a-time evaluation gives exactly what visiting every context node gives.

The fast path asks libxml2 once per rule which context elements make a check
fire (``$nodes[not(assert) or boolean(report)]``) and visits only those. The
reference path (``set_at_a_time=False``) visits every node. A wrong rewrite
(a lost predicate, a number read as a position, a node claimed by the wrong
rule of a pattern, results out of document order) shows up as a difference.
Because tei_all finds almost nothing wrong in good documents, the real
documents also run under a *flipped* tei_all, every assert turned into a
report and back, so that nearly every firing is a hit.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest
from lxml import etree

from teikit.errors import TeikitError
from teikit.schematron import Schematron, SchematronReport
from teikit.xmlio import parse_file

if TYPE_CHECKING:
    from pathlib import Path

SCH = "http://purl.oclc.org/dsdl/schematron"
TEI = "http://www.tei-c.org/ns/1.0"
TEST_DOCUMENTS = ["detest.xml", "testall.xml", "testdocbook5.xml", "testnames.xml"]


def schema(body: str, binding: str = "xslt2") -> Schematron:
    text = (
        f'<schema xmlns="{SCH}" queryBinding="{binding}">'
        f'<ns prefix="tei" uri="{TEI}"/>{body}</schema>'
    )
    return Schematron.from_tree(etree.fromstring(text), base="test.sch")


def both(sch: Schematron, tree: etree._ElementTree) -> tuple[SchematronReport, SchematronReport]:
    """The fast and the reference run, after checking they agree on everything."""
    fast = sch.run(tree, keep_fired=True)
    slow = sch.run(tree, keep_fired=True, set_at_a_time=False)
    assert fast.results == slow.results
    assert fast.events == slow.events
    assert fast.fired_rule_count == slow.fired_rule_count
    plain = sch.run(tree)
    assert plain.results == slow.results
    assert plain.fired_rule_count == slow.fired_rule_count
    sch.build_screen()
    assert sch.validate(tree) == list(slow.results)  # through the XSLT screen
    return fast, slow


DOC = etree.fromstring(
    f'<TEI xmlns="{TEI}"><text>'
    "<p n='1'>a <ref target='#x'>x</ref></p>"
    "<p n='2' rend='r'>b <ref cRef='c' target='#y'>y</ref></p>"
    "<list type='gloss'><item><p n='3'>c</p></item></list>"
    "<date when='2001' from='2000'>d</date><date when='2002'>e</date>"
    "<p n='4'><date to='2003' when='2003'>f</date></p>"
    "</text></TEI>"
).getroottree()


def test_checks_interleave_in_document_order_with_check_order() -> None:
    sch = schema(
        "<pattern id='p'><rule context='tei:p'>"
        "<assert test='@rend'>no rend on <value-of select='@n'/></assert>"
        "<report test='tei:ref'>ref in <value-of select='@n'/></report>"
        "<report test='count(tei:*)'>children <value-of select='count(tei:*)'/></report>"
        "</rule></pattern>"
    )
    fast, _ = both(sch, DOC)
    assert [r.message for r in fast.results] == [
        "no rend on 1", "ref in 1", "children 1",
        "ref in 2", "children 1",
        "no rend on 3",
        "no rend on 4", "children 1",
    ]  # fmt: skip
    assert fast.fired_rule_count == 4
    # the two runs with set_at_a_time, and validate() (the screen lets the pattern through)
    assert sch.evaluations["lxml-set"] == 3


def test_a_numeric_report_is_a_boolean_not_a_position() -> None:
    sch = schema(
        "<pattern><rule context='tei:p'>"
        "<report test='count(tei:*)'><value-of select='@n'/></report></rule></pattern>"
    )
    fast, _ = both(sch, DOC)
    assert [r.message for r in fast.results] == ["1", "2", "4"]


def test_first_rule_of_a_pattern_claims_the_node() -> None:
    sch = schema(
        "<pattern id='p'>"
        "<rule context='tei:p[@rend]'><report test='true()'>rend <value-of select='@n'/></report>"
        "</rule>"
        "<rule context='tei:p'><report test='@n'>plain <value-of select='@n'/></report></rule>"
        "<rule context='tei:*[@when]'><assert test='@from'>no from</assert></rule>"
        "</pattern>"
    )
    fast, _ = both(sch, DOC)
    assert [(r.message, r.line) for r in fast.results] == [
        ("plain 1", 1), ("rend 2", 1), ("plain 3", 1), ("no from", 1), ("plain 4", 1),
        ("no from", 1),
    ]  # fmt: skip
    assert fast.fired_rule_count == 7


def test_positional_variable_and_current_tests_stay_per_node() -> None:
    sch = schema(
        "<pattern><rule context='tei:p'>"
        "<let name='n' value='@n'/>"
        "<report test='tei:*[position() = 1][self::tei:ref]'>first <value-of select='$n'/></report>"
        "<report test='$n = 2'>two</report>"
        "<report test='current()/@n = 3'>three</report>"
        "</rule></pattern>"
    )
    assert all(r.set_test is None for p in sch._compiled.patterns for r in p.rules)
    fast, _ = both(sch, DOC)
    assert [r.message for r in fast.results] == ["first 1", "first 2", "two", "three"]


def test_attribute_and_document_contexts_are_visited() -> None:
    sch = schema(
        "<pattern><rule context='tei:date/@when'>"
        "<report test='. = 2002'>when 2002</report></rule></pattern>"
        "<pattern><rule context='/'><assert test='false()'>doc</assert></rule></pattern>"
        "<pattern><rule context='/ | tei:ref'>"
        "<report test='@cRef'>cRef</report></rule></pattern>"
    )
    fast, _ = both(sch, DOC)
    assert [r.message for r in fast.results] == ["when 2002", "doc", "cRef"]


def test_context_patterns_with_predicates_and_several_names() -> None:
    sch = schema(
        "<pattern><rule context=\"tei:list[@type='gloss']//tei:p | tei:ref[@cRef]\">"
        "<report test='true()'><name/></report></rule></pattern>"
        "<pattern><rule context='tei:p/tei:date | tei:text/tei:date[@from]'>"
        "<report test='@when'><value-of select='@when'/></report></rule></pattern>"
    )
    fast, _ = both(sch, DOC)
    assert [r.message for r in fast.results] == ["ref", "p", "2001", "2003"]


def test_a_dynamic_error_names_the_node_in_both_modes() -> None:
    sch = schema("<pattern><rule context='tei:p'><assert test='@n'>x</assert></rule></pattern>")
    assert sch._compiled.patterns[0].rules[0].set_test is not None
    bad = schema(
        "<pattern><rule context='tei:p'>"
        '<assert test="xs:integer(@n) gt 0">x</assert></rule></pattern>'
    )
    doc = etree.fromstring(f"<TEI xmlns='{TEI}'><p n='1'/><p n='two'/></TEI>").getroottree()
    for fast in (True, False):
        with pytest.raises(TeikitError, match=r"/\*:p\[namespace-uri\(\)='[^']*'\]\[2\]\)"):
            bad.run(doc, set_at_a_time=fast)


@pytest.fixture(scope="session")
def flipped_tei_all(shared: Path) -> Schematron:
    """tei_all with every assert a report and every report an assert."""
    path = shared / "tei-p5" / "tei_all.isosch"
    tree = parse_file(path)
    for el in tree.iter(f"{{{SCH}}}assert", f"{{{SCH}}}report"):
        el.tag = f"{{{SCH}}}report" if el.tag == f"{{{SCH}}}assert" else f"{{{SCH}}}assert"
    return Schematron.from_tree(tree, base=str(path))


@pytest.fixture(scope="session")
def tei_all(shared: Path) -> Schematron:
    return Schematron.from_file(shared / "tei-p5" / "tei_all.isosch")


@pytest.mark.shared
@pytest.mark.parametrize("document", TEST_DOCUMENTS)
def test_tei_test_documents_agree(
    tei_all: Schematron, flipped_tei_all: Schematron, shared: Path, document: str
) -> None:
    tree = parse_file(shared / "tei-p5" / "expected-svrl" / document)
    both(tei_all, tree)
    fast, _ = both(flipped_tei_all, tree)
    assert len(fast.results) > 50


@pytest.mark.shared
def test_frus_volume_agrees_under_flipped_tei_all(
    tei_all: Schematron, flipped_tei_all: Schematron, frus_volumes: list[Path]
) -> None:
    # The smallest volume: the reference path visits all of its ~10k firings.
    path = min(frus_volumes, key=lambda p: p.stat().st_size)
    tree = parse_file(path)
    fast = flipped_tei_all.run(tree)
    slow = flipped_tei_all.run(tree, set_at_a_time=False)
    flipped_tei_all.build_screen()
    assert flipped_tei_all.validate(tree) == list(slow.results)
    assert fast.results == slow.results
    assert fast.fired_rule_count == slow.fired_rule_count
    assert len(fast.results) > 1000
    assert tei_all.run(tree).fired_rule_count == slow.fired_rule_count


@pytest.mark.parametrize(
    ("expr", "kind", "needs"),
    [
        ("@target and @cRef", "report", (("@target",), ("@cRef",))),
        ("(ancestor::tei:l or ancestor::tei:lg) and not(x)", "report", (("tei:l", "tei:lg"),)),
        ("@notBefore|@notAfter | ../@to", "report", (("@notBefore", "@notAfter", "@to"),)),
        (".//tei:a[1]/tei:b[@c] and count(x) > 1", "report", (("tei:b",),)),
        ("(a) or (b)", "report", (("a", "b"),)),
        ("@a or count(x)", "report", ()),
        ("tei:* and @a = 'x'", "report", ()),
        ("$v/a or doc('x.xml')/b", "report", ()),
        ("not(@scheme and not(@scheme = 'free'))", "assert", (("@scheme",),)),
        ("not(@a) and not(@b)", "assert", ()),
        ("@a", "assert", ()),
    ],
)
def test_names_a_check_needs_to_fire(expr: str, kind: str, needs: tuple[object, ...]) -> None:
    from teikit.schematron.xpath import firing_names

    assert firing_names(expr, kind) == needs


def test_a_check_needing_an_absent_name_is_not_evaluated() -> None:
    sch = schema(
        "<pattern><rule context='tei:p'><report test='@calendar'>c</report></rule></pattern>"
        "<pattern><rule context='tei:p'><report test='ancestor::tei:lg and @n'>lg</report>"
        "<assert test='not(@corresp)'>corresp</assert></rule></pattern>"
        "<pattern><rule context='tei:lg/tei:p'><report test='true()'>in lg</report></rule>"
        "</pattern>"
        "<pattern><rule context='tei:p'><report test='@rend'>rend</report></rule></pattern>"
    )
    before = sch.evaluations["lxml-set"]
    report = sch.run(DOC)
    assert [r.message for r in report.results] == ["rend"]
    assert report.fired_rule_count == 4 + 4 + 4
    assert sch.evaluations["lxml-set"] == before + 1
    both(sch, DOC)
