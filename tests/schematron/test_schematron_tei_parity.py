"""tei_all.isosch against the official XSLT-2 implementation's SVRL, and over real documents.

The expected SVRL was produced by the ISO skeleton on Saxon (see
``../shared/tei-p5/expected-svrl/README.md``). Parity means the same hits
(pattern, assert/report, test, location) the same number of times, the same
messages, and the same rule firings per pattern.
"""

from __future__ import annotations

import json
from collections import Counter
from typing import TYPE_CHECKING, Any

import pytest
from lxml import etree

from teikit.schematron import Schematron, SchematronResult, to_svrl
from teikit.xmlio import parse_file

if TYPE_CHECKING:
    from pathlib import Path

pytestmark = pytest.mark.shared

V = "{http://purl.oclc.org/dsdl/svrl}"
DOCUMENTS = ["detest.xml", "testall.xml", "testdocbook5.xml", "testnames.xml"]
Key = tuple[str, str, str, str]


@pytest.fixture(scope="session")
def tei_sch(shared: Path) -> Schematron:
    return Schematron.from_file(shared / "tei-p5" / "tei_all.isosch")


@pytest.fixture(scope="session")
def expected_dir(shared: Path) -> Path:
    return shared / "tei-p5" / "expected-svrl"


@pytest.fixture(scope="session")
def summary(expected_dir: Path) -> dict[str, Any]:
    data: dict[str, Any] = json.loads((expected_dir / "summary.json").read_text())
    return data


def _norm(text: str) -> str:
    return " ".join(text.split())


def _svrl_hits(svrl: etree._ElementTree) -> tuple[Counter[Key], Counter[tuple[Key, str]]]:
    hits: Counter[Key] = Counter()
    texts: Counter[tuple[Key, str]] = Counter()
    pattern = ""
    position = 0
    for el in svrl.getroot():
        if el.tag == f"{V}active-pattern":
            position += 1
            pattern = el.get("id") or f"pattern[{position}]"
        elif el.tag in (f"{V}failed-assert", f"{V}successful-report"):
            kind = "assert" if el.tag == f"{V}failed-assert" else "report"
            key = (pattern, kind, _norm(el.get("test", "")), el.get("location", ""))
            hits[key] += 1
            text = el.find(f"{V}text")
            texts[(key, _norm("".join(text.itertext()) if text is not None else ""))] += 1
    return hits, texts


def _key(r: SchematronResult) -> Key:
    return (r.pattern or f"pattern[{r.pattern_position}]", r.kind, _norm(r.test), r.location)


def _diff(name: str, expected: Counter[Any], got: Counter[Any]) -> str:
    lines = [f"{name}: {sum(expected.values())} expected, {sum(got.values())} got"]
    lines += [f"  missing {n}x {k}" for k, n in (expected - got).items()]
    lines += [f"  extra   {n}x {k}" for k, n in (got - expected).items()]
    return "\n".join(lines)


def test_tei_all_has_237_patterns(tei_sch: Schematron) -> None:
    assert tei_sch.pattern_count == 237
    assert tei_sch.query_binding == "xslt2"


@pytest.mark.parametrize("document", DOCUMENTS)
def test_parity_with_official_svrl(
    tei_sch: Schematron, expected_dir: Path, summary: dict[str, Any], document: str
) -> None:
    report = tei_sch.run(expected_dir / document)
    expected, expected_texts = _svrl_hits(
        etree.parse(str(expected_dir / document.replace(".xml", ".svrl")))
    )
    got = Counter(_key(r) for r in report.results)
    got_texts = Counter((_key(r), r.message) for r in report.results)
    assert got == expected, _diff(document, expected, got)
    assert got_texts == expected_texts, _diff(document + " messages", expected_texts, got_texts)

    entry = summary[document]
    fa = sum(1 for r in report.results if r.kind == "assert")
    assert (fa, len(report.results) - fa) == (entry["failed_asserts"], entry["successful_reports"])
    by_test: Counter[tuple[str, str]] = Counter((k[0], f"{k[1]}: {k[2]}") for k in got.elements())
    want_by_test = Counter(
        {(p, t): v["count"] for p, e in entry["by_pattern"].items() for t, v in e["tests"].items()}
    )
    assert by_test == want_by_test, _diff(document + " by pattern", want_by_test, by_test)
    assert report.fired_rule_count == entry["fired_rules"]
    assert len(report.active_patterns) == entry["active_patterns"]
    # validate() runs only the patterns the XSLT screen lets through: the same results
    tei_sch.build_screen()
    assert tei_sch.validate(expected_dir / document) == list(report.results)


@pytest.mark.parametrize("document", DOCUMENTS)
def test_fired_rules_per_pattern(
    tei_sch: Schematron, expected_dir: Path, summary: dict[str, Any], document: str
) -> None:
    report = tei_sch.run(expected_dir / document, keep_fired=True)
    ids = {p.position: p.id or f"pattern[{p.position}]" for p in report.active_patterns}
    got: Counter[tuple[str, str]] = Counter()
    for event in report.events:
        if type(event).__name__ == "FiredRule":
            got[(ids[event.pattern_position], event.context)] += 1  # type: ignore[union-attr]
    want = Counter(
        {(p, c): n for p, rules in summary[document]["fired_rules_by_pattern"].items()
         for c, n in rules.items()}
    )  # fmt: skip
    assert got == want, _diff(document + " fired rules", want, got)


def test_svrl_round_trip_has_the_official_hits(tei_sch: Schematron, expected_dir: Path) -> None:
    svrl = to_svrl(tei_sch.run(expected_dir / "detest.xml", keep_fired=True))
    reparsed = etree.fromstring(etree.tostring(svrl))
    ours, _ = _svrl_hits(reparsed.getroottree())
    theirs, _ = _svrl_hits(etree.parse(str(expected_dir / "detest.svrl")))
    assert ours == theirs
    assert len(reparsed.findall(f"{V}fired-rule")) == 423
    assert len(reparsed.findall(f"{V}active-pattern")) == 237


def test_corpus_runs_without_engine_error(tei_sch: Schematron, repo: Path) -> None:
    documents = sorted((repo / "tei").glob("*.xml"))
    if not documents:
        pytest.skip("no corpus TEI in tei/ yet")
    for path in documents:
        for result in tei_sch.validate(path):
            assert result.line > 0
            assert result.document == str(path)


@pytest.mark.slow
def test_frus_volumes_run_without_engine_error(
    tei_sch: Schematron, frus_volumes: list[Path]
) -> None:
    # Two volumes keep the suite quick; benchmarks/bench_schematron.py runs all ten.
    for path in [frus_volumes[0], frus_volumes[-1]]:
        tree = parse_file(path)
        report = tei_sch.run(tree)
        assert report.fired_rule_count > 1000
        for result in report.results:
            assert result.line > 0
            assert result.location.startswith("/*:TEI[")
