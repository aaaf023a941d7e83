"""Conformance of the compiled teikit schema against its test documents.

Every document in ``valid/`` must pass all three compiled schemas (RELAX NG,
Schematron, XSD) and TEI's own ``tei_all``. Every document in ``invalid/``
names in a leading comment what must reject it, and nothing else may:

``<!-- expect: TK-E003 -->``
    the Schematron rule with that id, alone; the grammars accept the document.
``<!-- expect: rng xsd -->``
    RELAX NG and XSD both (a closed value, an element where it is not allowed);
    Schematron reports nothing.
``<!-- expect: rng -->``
    RELAX NG alone: order and counts, which the XSD, an over-approximation of
    the RELAX NG by design, does not check.

``<!-- value list: div/@type -->`` ties a document to a closed value list of
the ODD, so that the tests can prove every list and every rule is covered.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
from lxml import etree

from teikit.resources import schema_path
from teikit.schematron import FiredRule, Schematron
from teikit.xmlio import parse_file

if TYPE_CHECKING:
    from collections.abc import Iterator

HERE = Path(__file__).resolve().parent
VALID = sorted((HERE / "valid").glob("*.xml"))
INVALID = sorted((HERE / "invalid").glob("*.xml"))
TEI = "http://www.tei-c.org/ns/1.0"
SCH = "http://purl.oclc.org/dsdl/schematron"
NS = {"tei": TEI}
EXPECT = re.compile(r"<!--\s*expect:\s*([^-]+?|TK-[EW]\d{3})\s*-->")
VALUE_LIST = re.compile(r"<!--\s*value list:\s*(\S+)\s*-->")
BOGUS = "not-a-teikit-value"


def expectation(path: Path) -> str:
    match = EXPECT.search(path.read_text(encoding="utf-8"))
    assert match, f"{path.name} has no <!-- expect: … --> comment"
    return match.group(1).strip()


def value_list(path: Path) -> str | None:
    match = VALUE_LIST.search(path.read_text(encoding="utf-8"))
    return match.group(1) if match else None


@pytest.fixture(scope="session")
def teikit_rng() -> etree.RelaxNG:
    return etree.RelaxNG(parse_file(schema_path("teikit.rng")))


@pytest.fixture(scope="session")
def teikit_sch() -> Schematron:
    return Schematron.from_file(schema_path("teikit.sch"))


@pytest.fixture(scope="session")
def teikit_xsd() -> Any:
    import xmlschema

    return xmlschema.XMLSchema(str(schema_path("teikit.xsd")))


@pytest.fixture(scope="session")
def odd_lists() -> dict[str, list[str]]:
    """The ODD's closed value lists, keyed ``element/@attribute`` (``@attribute`` for classes)."""
    odd = parse_file(schema_path("teikit.odd"))
    lists: dict[str, list[str]] = {}
    for vallist in odd.iterfind(f".//{{{TEI}}}valList[@type='closed']"):
        attdef = vallist.getparent()
        assert attdef is not None
        spec = attdef.getparent()
        while spec is not None and spec.tag not in (f"{{{TEI}}}elementSpec", f"{{{TEI}}}classSpec"):
            spec = spec.getparent()
        assert spec is not None
        owner = spec.get("ident") if spec.tag == f"{{{TEI}}}elementSpec" else ""
        key = f"{owner}/@{attdef.get('ident')}" if owner else f"@{attdef.get('ident')}"
        lists[key] = [item.get("ident", "") for item in vallist.iterfind(f"{{{TEI}}}valItem")]
    return lists


@pytest.fixture(scope="session")
def rule_patterns() -> dict[str, int]:
    """Each TK rule id of the compiled Schematron, with its pattern's 1-based position."""
    sch = parse_file(schema_path("teikit.sch"))
    ids: dict[str, int] = {}
    for position, pattern in enumerate(sch.iterfind(f"{{{SCH}}}pattern"), start=1):
        for test in pattern.iter(f"{{{SCH}}}assert", f"{{{SCH}}}report"):
            rule_id = test.get("id", "")
            if rule_id.startswith("TK-"):
                ids[rule_id] = position
    return ids


def rng_errors(rng: etree.RelaxNG, doc: etree._ElementTree) -> list[str]:
    rng.validate(doc)
    return [f"{e.line}: {e.message}" for e in rng.error_log]


def xsd_errors(xsd: Any, doc: etree._ElementTree) -> list[str]:
    return [str(error.reason) for error in xsd.iter_errors(doc)]


def attribute_nodes(doc: etree._ElementTree, key: str) -> list[etree._Element]:
    """Elements carrying the attribute of a value list key such as ``div/@type`` or ``@cert``."""
    element, _, attribute = key.partition("/@") if "/@" in key else ("*", "", key[1:])
    return list(doc.iterfind(f".//{{{TEI}}}{element}[@{attribute}]"))


def attribute_name(key: str) -> str:
    return key.rsplit("@", 1)[1]


# ------------------------------------------------------------------ the documents


@pytest.mark.shared
@pytest.mark.parametrize("path", VALID, ids=[p.stem for p in VALID])
def test_valid_document_passes_every_schema(
    path: Path,
    teikit_rng: etree.RelaxNG,
    teikit_sch: Schematron,
    teikit_xsd: Any,
    tei_all_rng: etree.RelaxNG,
) -> None:
    doc = parse_file(path)
    assert rng_errors(teikit_rng, doc) == []
    assert [str(r) for r in teikit_sch.validate(doc)] == []
    assert xsd_errors(teikit_xsd, doc) == []
    assert rng_errors(tei_all_rng, doc) == []


@pytest.mark.shared
@pytest.mark.parametrize("path", INVALID, ids=[p.stem for p in INVALID])
def test_invalid_document_fails_as_expected(
    path: Path,
    teikit_rng: etree.RelaxNG,
    teikit_sch: Schematron,
    teikit_xsd: Any,
    tei_all_rng: etree.RelaxNG,
) -> None:
    expect = expectation(path)
    doc = parse_file(path)
    rng_ok = teikit_rng.validate(doc)
    xsd_ok = teikit_xsd.is_valid(doc)
    results = teikit_sch.validate(doc)
    if expect.startswith("TK-"):
        assert rng_errors(teikit_rng, doc) == []
        assert xsd_errors(teikit_xsd, doc) == []
        # Valid against teikit.rng, so it must be valid TEI as well.
        assert rng_errors(tei_all_rng, doc) == []
        assert results, f"{expect} did not fire"
        assert {(r.id, r.severity) for r in results} == {
            (expect, "error" if expect.startswith("TK-E") else "warning")
        }
    elif expect == "rng xsd":
        assert (rng_ok, xsd_ok) == (False, False)
        assert [str(r) for r in results] == []
    elif expect == "rng":
        assert (rng_ok, xsd_ok) == (False, True)
        assert [str(r) for r in results] == []
    else:
        pytest.fail(f"{path.name}: unknown expectation {expect!r}")


# ------------------------------------------------------------------ coverage


def test_every_rule_has_a_document_that_breaks_it(rule_patterns: dict[str, int]) -> None:
    expected = {expectation(p) for p in INVALID if expectation(p).startswith("TK-")}
    assert sorted(rule_patterns) == sorted(expected)


def test_rule_ids_are_numbered_without_gaps(rule_patterns: dict[str, int]) -> None:
    for kind in "EW":
        numbers = sorted(int(i[4:]) for i in rule_patterns if i[3] == kind)
        assert numbers == list(range(1, len(numbers) + 1)), kind


@pytest.mark.shared
def test_every_rule_fires_and_passes_on_some_valid_document(
    teikit_sch: Schematron, rule_patterns: dict[str, int]
) -> None:
    fired: set[int] = set()
    for path in VALID:
        report = teikit_sch.run(parse_file(path), keep_fired=True)
        assert report.results == ()
        fired.update(e.pattern_position for e in report.events if isinstance(e, FiredRule))
    assert sorted(i for i, pos in rule_patterns.items() if pos not in fired) == []


def test_every_closed_value_list_has_documents(odd_lists: dict[str, list[str]]) -> None:
    invalid = {value_list(p) for p in INVALID if expectation(p) == "rng xsd"} - {None}
    valid = {value_list(p) for p in VALID} - {None}
    assert sorted(odd_lists) == sorted(invalid)
    assert sorted(odd_lists) == sorted(valid)


def test_closed_value_lists_are_the_contract(odd_lists: dict[str, list[str]]) -> None:
    """The ODD and the table in docs/encoding.rst list the same values."""
    text = (HERE.parent.parent / "docs" / "encoding.rst").read_text(encoding="utf-8")
    section = text[text.index("Closed value lists") :].splitlines()
    rules = [i for i, line in enumerate(section) if line.startswith("===")]
    rows: dict[str, list[str]] = {}
    current = ""
    for line in section[rules[1] + 1 : rules[2]]:
        head, values = line[:30].strip(), re.sub(r"\(.*?\)", "", line[30:])
        if head:
            current = re.sub(r"``|\s*\(.*\)", "", head)
            rows[current] = []
        rows[current] += re.findall(r"``([^`]+)``", values)
    assert rows == odd_lists


def test_valid_value_documents_use_every_value(odd_lists: dict[str, list[str]]) -> None:
    for path in VALID:
        key = value_list(path)
        if key is None:
            continue
        doc = parse_file(path)
        used = {
            token
            for node in attribute_nodes(doc, key)
            for token in node.get(attribute_name(key), "").split()
        }
        assert sorted(set(odd_lists[key]) - used) == [], path.name


def mutations(
    odd_lists: dict[str, list[str]],
) -> Iterator[tuple[str, str, etree._ElementTree]]:
    for path in VALID:
        key = value_list(path)
        if key is None:
            continue
        for value in [*odd_lists[key], BOGUS]:
            doc = parse_file(path)
            attribute_nodes(doc, key)[0].set(attribute_name(key), value)
            yield key, value, doc


@pytest.mark.shared
def test_grammars_agree_on_every_closed_value(
    odd_lists: dict[str, list[str]],
    teikit_rng: etree.RelaxNG,
    teikit_xsd: Any,
    tei_all_rng: etree.RelaxNG,
) -> None:
    """Each allowed value passes RELAX NG, XSD and tei_all; any other fails both of ours."""
    verdicts = []
    for key, value, doc in mutations(odd_lists):
        verdicts.append(
            (key, value, teikit_rng.validate(doc), teikit_xsd.is_valid(doc), value == BOGUS)
        )
        if value != BOGUS:
            assert rng_errors(tei_all_rng, doc) == [], (key, value)
    assert [v for v in verdicts if v[2] == v[4] or v[3] == v[4]] == []


# ------------------------------------------------------------------ messages


@pytest.mark.parametrize(
    ("name", "line", "message"),
    [
        (
            "TK-E002-who-not-person",
            68,
            'sp/@who "#transcriber" does not point at exactly one person of the header; '
            'write "#ID" where ID is the xml:id of a person in profileDesc/particDesc/listPerson '
            "(add the person there if it is missing).",
        ),
        (
            "TK-E003-choice-two-corr",
            65,
            "A choice must pair exactly one sic (the text as written) with exactly one corr "
            "(the correction) and hold nothing else; this one has 1 sic, 2 corr and 0 other "
            "elements.",
        ),
        (
            "TK-E008-when-month-day",
            73,
            'Date "--10-01" on date is not an ISO date; write YYYY, YYYY-MM or YYYY-MM-DD '
            "(a time of day stays in the text of time).",
        ),
        (
            "TK-E009-pages-decrease",
            42,
            "Page 8 follows page 9; page numbers must increase through the document. Check the "
            "number, or whether a number in the text was taken for a page number.",
        ),
        (
            "TK-W001-silent-speaker",
            50,
            'Person "wang-jiaxiang" has role "speaker" but no sp/@who points at it; point its '
            'speeches at "#wang-jiaxiang", or give it role "participant" if it is only named in '
            "a heading.",
        ),
    ],
)
def test_message_names_the_problem_and_the_fix(
    name: str, line: int, message: str, teikit_sch: Schematron
) -> None:
    [result] = teikit_sch.validate(parse_file(HERE / "invalid" / f"{name}.xml"))
    assert (result.line, result.message) == (line, message)


# ------------------------------------------------------------------ the corpus

CORPUS = sorted((HERE.parent.parent / "tei").glob("*.xml"))


@pytest.mark.shared
@pytest.mark.parametrize("path", CORPUS, ids=[p.stem for p in CORPUS])
def test_corpus_document_is_valid(
    path: Path,
    teikit_rng: etree.RelaxNG,
    teikit_sch: Schematron,
    teikit_xsd: Any,
    tei_all_rng: etree.RelaxNG,
) -> None:
    """The converter's committed output is what the schema allows (warnings are advice)."""
    doc = parse_file(path)
    assert rng_errors(teikit_rng, doc) == []
    assert [str(r) for r in teikit_sch.validate(doc) if r.severity == "error"] == []
    assert xsd_errors(teikit_xsd, doc) == []
    assert rng_errors(tei_all_rng, doc) == []


# ------------------------------------------------------------------ the ODD's own examples


def test_odd_examples_use_only_what_the_schema_allows(odd_lists: dict[str, list[str]]) -> None:
    """Every element and closed-list value in an ``exemplum`` is one the schema admits."""
    odd = parse_file(schema_path("teikit.odd"))
    included = {
        name
        for ref in odd.iterfind(f".//{{{TEI}}}moduleRef")
        for name in ref.get("include", "").split()
    }
    examples_ns = "http://www.tei-c.org/ns/Examples"
    problems = []
    for egxml in odd.iterfind(f".//{{{examples_ns}}}egXML"):
        for node in egxml.iterdescendants():
            if not isinstance(node.tag, str):
                continue
            name = etree.QName(node).localname
            if name not in included:
                problems.append(f"line {node.sourceline}: <{name}> is not in the schema")
            for attribute, value in node.attrib.items():
                key = (
                    f"{name}/@{attribute}"
                    if f"{name}/@{attribute}" in odd_lists
                    else f"@{attribute}"
                )
                allowed = odd_lists.get(key)
                if allowed is not None and any(v not in allowed for v in value.split()):
                    problems.append(f"line {node.sourceline}: {key}={value!r} is not allowed")
    assert problems == []
