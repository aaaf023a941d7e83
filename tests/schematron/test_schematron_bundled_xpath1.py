"""The bundled schema's own rules run in libxml2 (XPath 1), not in elementpath.

Validating many small documents was dominated by elementpath evaluating teikit's
rules; the rules were rewritten so that libxml2 answers them. These tests keep
that so, and check that each rewritten test means what the XPath 2 original did.
"""

from __future__ import annotations

import itertools

import elementpath
import pytest
from lxml import etree

from teikit.resources import schema_path
from teikit.schematron import Schematron
from teikit.schematron.xpath import analyse

ORIGINAL_DATE_TEST = (
    "every $d in (@when, @notBefore, @notAfter, @from, @to) satisfies "
    "(matches($d, '^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$') "
    "and (string-length($d) ne 10 or $d castable as xs:date))"
)


def _compiled() -> object:
    return Schematron.from_file(schema_path("teikit.sch"))._compiled


def _tk_checks() -> list[tuple[str, object]]:
    out = []
    for pattern in _compiled().patterns:  # type: ignore[attr-defined]
        for rule in pattern.rules:
            for check in rule.checks:
                if (check.id or "").startswith("TK-"):
                    out.append((rule.context, check))
    return out


def test_every_teikit_rule_runs_in_libxml2_except_multi_pointer_fallbacks() -> None:
    slow = sorted(
        (check.id, context)
        for context, check in _tk_checks()
        if not check.query.use_lx  # type: ignore[attr-defined]
    )
    # Only the rules for several pointers in one attribute (tokenize) need XPath 2,
    # and their context leaves them the rare multi-token values.
    assert slow == [("TK-E002", "tei:sp[@who]"), ("TK-E007", "tei:*[@resp]")]


@pytest.mark.parametrize(
    "expr",
    [
        "count(tei:div) = 1 and (tei:div/@type = 'a' or tei:div/@type = 'b')",
        "@n div (2)",
        "3 mod (2)",
        "x/and and (y)",
    ],
)
def test_operator_names_before_a_parenthesis_are_operators(expr: str) -> None:
    assert analyse(expr).xpath1


def test_an_unknown_function_call_is_still_xpath2() -> None:
    assert not analyse("and(1)").xpath1


def _date_test() -> str:
    for _context, check in _tk_checks():
        if check.id == "TK-E008":  # type: ignore[attr-defined]
            return str(check.query.source)  # type: ignore[attr-defined]
    raise AssertionError("TK-E008 not found")


DATES = [
    "1959", "0000", "1959-10", "1959-00", "1959-13", "1959-1", "1959-10-02", "1959-10-2",
    "1959-02-29", "1960-02-29", "1900-02-29", "2000-02-29", "1959-04-31", "1959-04-30",
    "1959-12-31", "1959-12-32", "0000-01-01", "0001-01-01", "1959-10-02T10:00", "195a",
    "", " 1959", "1959 ", "٢٠٢٠", "1959-10-02Z", "99999", "-1959",
    "1959-06-31", "1959-01-31", "1959-02-28", "1959-02-30", "1959-11-31", "1959-00-10",
    "1959-10-00", "2100-02-29", "2400-02-29", "1959-1-01", "1959-08-31", "1959-09-30",
    "1959-12-1x", "0000-02-29", "1904-02-29", "1959-10|", "|1959",
]  # fmt: skip


def test_the_xpath1_date_rule_agrees_with_the_xpath2_original() -> None:
    """TK-E008 in XPath 1 gives the XPath 2 verdict on every date shape, alone or paired."""
    test = _date_test()
    lx = etree.XPath(test)
    ep = elementpath.XPath2Parser().parse(ORIGINAL_DATE_TEST)
    pairs = [(d,) for d in DATES] + list(itertools.combinations(DATES[:12], 2))
    for values in pairs:
        el = etree.Element("date")
        for name, value in zip(("when", "notBefore"), values, strict=False):
            el.set(name, value)
        ctx = elementpath.XPathContext(etree.ElementTree(el), item=el)
        assert bool(lx(el)) == bool(ep.boolean_value(ep.evaluate(ctx))), values


def test_a_valid_document_is_screened_in_one_call_with_the_same_report() -> None:
    """The screen skips the patterns of a document where nothing fires; reports are unchanged."""
    from teikit.resources import repo_root
    from teikit.schematron import engine, screen

    root = repo_root()
    if root is None:
        pytest.skip("needs the source checkout's tei/ corpus")
    compiled = _compiled()
    scr = screen.build(compiled)  # type: ignore[arg-type]
    assert scr is not None and len(scr.positions) >= 20
    for path in sorted((root / "tei").glob("*.xml")):
        tree = etree.parse(str(path))
        quiet, _fired = engine._quiet_positions(engine._Run(compiled, tree, False, True))  # type: ignore[arg-type]
        fast, _ = engine.run_schema(compiled, tree)  # type: ignore[arg-type]
        slow, _ = engine.run_schema(compiled, tree, set_at_a_time=False)  # type: ignore[arg-type]
        # Quiet exactly when nothing fires; either way the report is the reference one.
        screened_fire = any(r.pattern_position in scr.positions for r in slow.results)
        assert (quiet == scr.positions) == (not screened_fire), path.name
        assert (fast.results, fast.fired_rule_count) == (slow.results, slow.fired_rule_count)


def test_a_firing_document_is_not_screened_away() -> None:
    """A document breaking a screened rule (a choice without corr) still gets the error."""
    doc = etree.fromstring(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><div type="letter"><p>'
        b"<choice><sic>teh</sic></choice></p></div></body></text></TEI>"
    )
    from teikit.schematron import engine

    report, _ = engine.run_schema(_compiled(), etree.ElementTree(doc))  # type: ignore[arg-type]
    assert "TK-E003" in {r.id for r in report.results}
