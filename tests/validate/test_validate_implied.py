"""What the bundled RELAX NG guarantees lets the Schematron screen skip: proved here.

For every rule :mod:`teikit.validate.implied` shortens, the documents on which
the rule fires and the shortened screen says it cannot are shown to be
rejected by ``teikit.rng`` (and the content model is walked to show why no
other such document exists); results stay exactly those of the full screen.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.resources import bundled_schema
from teikit.schematron import xslt_screen
from teikit.validate import implied
from teikit.validate.engines.rng import RngEngine
from teikit.validate.engines.schematron import SchematronEngine
from teikit.validate.loader import parse

TEI = "http://www.tei-c.org/ns/1.0"
RNG = "{http://relaxng.org/ns/structure/1.0}"
BUNDLED_TEI = Path(__file__).resolve().parents[2] / "tei"


@pytest.fixture(scope="module")
def rng() -> RngEngine:
    return RngEngine(str(bundled_schema("teikit", "rng").resolve()))


@pytest.fixture(scope="module")
def sch() -> SchematronEngine:
    engine = SchematronEngine(str(bundled_schema("teikit", "sch")))
    engine.warm(100)
    return engine


@pytest.fixture(scope="module")
def sample() -> bytes:
    """A bundled document with a dated element in a paragraph of its body."""
    for path in sorted(BUNDLED_TEI.glob("*.xml")):
        data = path.read_bytes()
        if (
            etree.fromstring(data).find(f".//{{{TEI}}}body//{{{TEI}}}p/{{{TEI}}}date[@when]")
            is not None
        ):
            return data
    pytest.skip("no bundled document with a date in a paragraph")


def _edit(data: bytes, change: object) -> bytes:
    root = etree.fromstring(data)
    change(root)  # type: ignore[operator]
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8")


def _first(root: etree._Element, path: str) -> etree._Element:
    found = root.find(path)
    assert found is not None
    return found


def _screens(sch: SchematronEngine, data: bytes) -> tuple[frozenset[int], frozenset[int]]:
    """The patterns the full screen and the shortened one say may fire."""
    tree = parse(data, "doc.xml").tree
    schema = sch._schema
    full = schema._compiled._xslt_screen.may_fire(tree)
    short = schema.given_screen(implied.TEIKIT).may_fire(tree)
    return full, short


def test_every_given_rule_is_in_the_bundled_schematron(sch: SchematronEngine) -> None:
    positions = xslt_screen.given_positions(sch._schema._compiled, implied.TEIKIT)
    rules = [
        g for g in implied.TEIKIT if isinstance(g, xslt_screen.Given | xslt_screen.GivenPattern)
    ]
    assert len(positions) == len(rules)
    assert sch.given_by == str(bundled_schema("teikit", "rng").resolve())


def test_an_edited_rule_is_screened_in_full(sch: SchematronEngine) -> None:
    edited = [
        xslt_screen.Given(g.context, tuple(t + " or true()" for t in g.tests), g.screen)
        for g in implied.TEIKIT
        if isinstance(g, xslt_screen.Given)
    ]
    assert xslt_screen.given_positions(sch._schema._compiled, edited) == {}


def test_an_edited_pattern_is_screened_in_full(sch: SchematronEngine) -> None:
    patterns = [g for g in implied.TEIKIT if isinstance(g, xslt_screen.GivenPattern)]
    assert patterns
    for g in patterns:
        for i, line in enumerate(g.text):
            edited = (*g.text[:i], line + " or true()", *g.text[i + 1 :])
            changed = xslt_screen.GivenPattern(edited, g.screen, g.lets, g.guard)
            assert xslt_screen.given_positions(sch._schema._compiled, [changed]) == {}
        dropped = xslt_screen.GivenPattern(g.text[:-1], g.screen, g.lets, g.guard)
        assert xslt_screen.given_positions(sch._schema._compiled, [dropped]) == {}


def _grammar() -> tuple[dict[str, set[str]], list[tuple[str, etree._Element]]]:
    """Each element's possible children (an over-estimate: every element a ref may
    reach without entering another element) and every attribute declared on one."""
    root = etree.parse(str(bundled_schema("teikit", "rng"))).getroot()
    assert not list(root.iter(f"{RNG}anyName", f"{RNG}nsName", f"{RNG}name"))
    defines: dict[str, list[etree._Element]] = {}
    for d in root.iter(f"{RNG}define"):
        defines.setdefault(d.get("name", ""), []).append(d)

    def reach(node: etree._Element, seen: set[str], out: list[etree._Element]) -> None:
        for child in node:
            if child.tag in (f"{RNG}element", f"{RNG}attribute"):
                out.append(child)
            elif child.tag == f"{RNG}ref" and child.get("name") not in seen:
                seen.add(child.get("name", ""))
                for d in defines.get(child.get("name", ""), []):
                    reach(d, seen, out)
            elif isinstance(child.tag, str):
                reach(child, seen, out)

    children: dict[str, set[str]] = {}
    attributes: list[tuple[str, etree._Element]] = []
    for el in root.iter(f"{RNG}element"):
        found: list[etree._Element] = []
        reach(el, set(), found)
        name = el.get("name", "")
        children.setdefault(name, set()).update(
            f.get("name", "") for f in found if f.tag == f"{RNG}element"
        )
        attributes += [(name, f) for f in found if f.tag == f"{RNG}attribute"]
    return children, attributes


def _below(children: dict[str, set[str]], name: str) -> set[str]:
    out: set[str] = set()
    todo = [name]
    while todo:
        for child in children.get(todo.pop(), ()):
            if child not in out:
                out.add(child)
                todo.append(child)
    return out


def test_the_content_model_allows_no_other_nesting() -> None:
    children, _ = _grammar()
    for absent in ("ab", "l", "lg", "floatingText"):
        assert absent not in children
    below_p = _below(children, "p")
    assert "div" not in below_p
    exempt = {"item", "note", "q", "sp", "stage"}
    parents = {x for x in below_p | {"p"} if "p" in children.get(x, set())}
    assert parents - exempt == set(implied.P_PARENTS_INSIDE_P)


def test_only_elements_are_tei_elements_and_no_attribute_names() -> None:
    root = etree.parse(str(bundled_schema("teikit", "rng"))).getroot()
    assert root.get("ns") == TEI
    scopes = root.iter(f"{RNG}element", f"{RNG}grammar", f"{RNG}div", f"{RNG}include")
    assert all(e.get("ns") in (None, TEI) for e in scopes)
    elements = {e.get("name") for e in root.iter(f"{RNG}element")}
    attributes = {a.get("name", "").rpartition(":")[2] for a in root.iter(f"{RNG}attribute")}
    only = implied.ONLY_ELEMENTS
    assert only.namespace == TEI
    assert only.names <= elements - attributes


def test_name_tests_are_left_out_only_for_plain_predicates() -> None:
    from lxml.etree import Element, SubElement

    key = "key('teikit-names', '{}'))"
    only = xslt_screen.OnlyElements(TEI, frozenset({"note", "pb"}))
    root = Element("{http://www.w3.org/1999/XSL/Transform}stylesheet")
    cases = {
        f"(({key.format('note')}[boolean(self::tei:note[@type = 'footnote'])])[not(@n)]": (
            f"(({key.format('note')}[@type = 'footnote'])[not(@n)]"
        ),
        f"(({key.format('pb')}[boolean(self::tei:pb)])[not(@n)]": (
            f"(({key.format('pb')})[not(@n)]"
        ),
        # a predicate that might be a number tests a position: left alone
        f"(({key.format('pb')}[boolean(self::tei:pb[string-length(@n) > 0])])": None,
        # a name that may also be an attribute's, or another namespace's: left alone
        f"(({key.format('ref')}[boolean(self::tei:ref)])": None,
        f"(({key.format('note')}[boolean(self::x:note)])": None,
    }
    ifs = []
    for test in cases:
        ifs.append(SubElement(root, "{http://www.w3.org/1999/XSL/Transform}if", test=test))
    xslt_screen._drop_name_tests(root, only, {"tei": TEI, "x": "urn:x"})
    for el, (before, after) in zip(ifs, cases.items(), strict=True):
        assert el.get("test") == (after if after is not None else before)


def test_every_date_attribute_is_a_w3c_date() -> None:
    _, attributes = _grammar()
    dated = [
        (el, a)
        for el, a in attributes
        if a.get("name") in ("when", "notBefore", "notAfter", "from", "to")
    ]
    assert dated
    for _el, a in dated:
        refs = [r.get("name") for r in a.iter(f"{RNG}ref")]
        assert refs == ["tei_teidata.temporal.w3c"] and not list(a.iter(f"{RNG}data"))
    root = etree.parse(str(bundled_schema("teikit", "rng"))).getroot()
    (define,) = root.xpath(
        "//r:define[@name='tei_teidata.temporal.w3c']", namespaces={"r": RNG[1:-1]}
    )
    types = sorted(d.get("type") for d in define.iter(f"{RNG}data"))
    assert types == sorted(
        ["date", "gYear", "gMonth", "gDay", "gYearMonth", "gMonthDay", "time", "dateTime"]
    )
    assert not list(define.iter(f"{RNG}param"))


# a date TK-E008 refuses, shaped YYYY-MM(-DD) so that the shortened screen clears it
@pytest.mark.parametrize(
    "when",
    ["1951-02-30", "0000-01-01", "1900-02-29", "1951-13", "1951-00", "1951-10-00", "1951-04-31"],
)
def test_rng_rejects_every_date_the_shorter_screen_clears(
    rng: RngEngine, sch: SchematronEngine, sample: bytes, when: str
) -> None:
    def set_date(root: etree._Element) -> None:
        _first(root, f".//{{{TEI}}}body//{{{TEI}}}date[@when]").set("when", when)

    data = _edit(sample, set_date)
    full, short = _screens(sch, data)
    doc = parse(data, "doc.xml")
    assert "TK-E008" in {p.rule for p in sch.check(doc)}
    assert _iso(sch) in full and _iso(sch) not in short
    assert rng.check(doc)


def _iso(sch: SchematronEngine) -> int:
    for position, screen in xslt_screen.given_positions(
        sch._schema._compiled, implied.TEIKIT
    ).items():
        if screen.screen is not None and "0000-00-00" in screen.screen:
            return position
    raise AssertionError("TK-E008 not found")


@pytest.mark.parametrize(
    "markup",
    [
        '<div xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></div>',  # div in p
        '<l xmlns="http://www.tei-c.org/ns/1.0">x</l>',  # l, lg: not in the grammar
        '<ab xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></ab>',  # ab: not in the grammar
        '<date xmlns="http://www.tei-c.org/ns/1.0"><p>x</p></date>',  # p in p, in date
    ],
)
def test_rng_rejects_the_nesting_the_screen_skips(
    rng: RngEngine, sch: SchematronEngine, sample: bytes, markup: str
) -> None:
    def nest(root: etree._Element) -> None:
        _first(root, f".//{{{TEI}}}body//{{{TEI}}}p").append(etree.fromstring(markup))

    doc = parse(_edit(sample, nest), "doc.xml")
    assert rng.check(doc)


@pytest.mark.parametrize(
    "when", ["1951-10-19T11:35:00", "1951-10-19Z", "--10-19", "12:00:00", "1951-10-19"]
)
def test_results_are_those_of_the_full_screen(
    rng: RngEngine, sch: SchematronEngine, sample: bytes, when: str
) -> None:
    def set_date(root: etree._Element) -> None:
        _first(root, f".//{{{TEI}}}body//{{{TEI}}}date[@when]").set("when", when)

    doc = parse(_edit(sample, set_date), "doc.xml")
    assert not rng.check(doc)  # valid W3C dates, so the shorter screen is used
    assert sch.check(doc, given=True) == sch.check(doc, given=False)
    assert ("TK-E008" in {p.rule for p in sch.check(doc, given=True)}) == (when != "1951-10-19")


def test_bundled_documents_give_the_same_results(rng: RngEngine, sch: SchematronEngine) -> None:
    for path in sorted(BUNDLED_TEI.glob("*.xml")):
        doc = parse(path.read_bytes(), str(path))
        assert not rng.check(doc)
        assert sch.check(doc, given=True) == sch.check(doc, given=False)


def test_validation_uses_the_shorter_screen_only_after_the_rng_passed(
    sample: bytes, tmp_path: Path
) -> None:
    from teikit.validate.check import Options, check_file

    def bad_date(root: etree._Element) -> None:
        _first(root, f".//{{{TEI}}}body//{{{TEI}}}date[@when]").set("when", "1951-02-30")

    target = tmp_path / "doc.xml"
    target.write_bytes(_edit(sample, bad_date))
    rules = {p.rule for p in check_file(str(target), Options()).problems}
    assert "TK-E008" in rules  # the RNG failed: the full screen ran and found it
    sch_only = Options(schema=(str(bundled_schema("teikit", "sch")),))
    assert "TK-E008" in {p.rule for p in check_file(str(target), sch_only).problems}


@pytest.fixture(scope="module")
def conversation() -> bytes:
    """A bundled document with speeches by persons of its header."""
    for path in sorted(BUNDLED_TEI.glob("*.xml")):
        data = path.read_bytes()
        if etree.fromstring(data).find(f".//{{{TEI}}}sp[@who]") is not None:
            return data
    pytest.skip("no bundled document with speeches")


def _speakers(root: etree._Element) -> list[etree._Element]:
    return [p for p in root.iter(f"{{{TEI}}}person") if "speaker" in (p.get("role") or "").split()]


def _set_who(who: str) -> object:
    def change(root: etree._Element) -> None:
        _first(root, f".//{{{TEI}}}sp[@who]").set("who", who)

    return change


def _set_resp(resp: str) -> object:
    def change(root: etree._Element) -> None:
        next(e for e in root.iter() if e.get("resp") is not None).set("resp", resp)

    return change


def _who_list_with_nobody(root: etree._Element) -> None:
    first = _speakers(root)[0].get(f"{{{XML}}}id")
    _first(root, f".//{{{TEI}}}sp[@who]").set("who", f"#nobody #{first}")


def _padded_who(root: etree._Element) -> None:
    sp = _first(root, f".//{{{TEI}}}sp[@who]")
    sp.set("who", f"  {sp.get('who')} ")


def _silence_first_speaker(root: etree._Element) -> None:
    first = _speakers(root)[0].get(f"{{{XML}}}id")
    for sp in root.iter(f"{{{TEI}}}sp"):
        if sp.get("who") == f"#{first}":
            sp.set("who", f"#{_speakers(root)[1].get(f'{{{XML}}}id')}")


def _both_speakers(root: etree._Element) -> None:
    ids = [p.get(f"{{{XML}}}id") for p in _speakers(root)[:2]]
    for sp in root.iter(f"{{{TEI}}}sp"):
        if sp.get("who") == f"#{ids[0]}":
            sp.set("who", f"#{ids[0]} #{ids[1]}")


XML = "http://www.w3.org/XML/1998/namespace"


@pytest.mark.parametrize(
    ("change", "rule"),
    [
        (_set_who("#nobody"), "TK-E002"),  # names no person
        (_set_who("nobody"), "TK-E002"),  # not a pointer
        (_who_list_with_nobody, "TK-E002"),  # a list: the full rule decides
        (_set_resp("#nobody"), "TK-E007"),
        (_set_resp("teikit"), "TK-E007"),
        (_set_resp("#teikit #nobody"), "TK-E007"),
        (_silence_first_speaker, "TK-W001"),  # a speaker who never speaks
        (_both_speakers, None),  # speaks, but in a speech of two: screened in, nothing found
        (_padded_who, None),  # spaces around one pointer: screened in, the rule accepts it
        (_set_resp("#teikit #transcriber"), None),
    ],
)
def test_joins_give_the_results_of_the_full_screen(
    rng: RngEngine, sch: SchematronEngine, conversation: bytes, change: object, rule: str | None
) -> None:
    doc = parse(_edit(conversation, change), "doc.xml")
    assert not rng.check(doc)  # valid, so the shorter screen is used
    found = sch.check(doc, given=True)
    assert found == sch.check(doc, given=False)
    rules = {p.rule for p in found}
    if rule is None:
        assert not rules & {"TK-E002", "TK-E007", "TK-W001"}
    else:
        assert rule in rules


def test_rng_rejects_two_equal_identifiers(rng: RngEngine, conversation: bytes) -> None:
    """Why "exactly one person" is "some person" once the RELAX NG passed."""

    def twin(root: etree._Element) -> None:
        first, second = _speakers(root)[:2]
        second.set(f"{{{XML}}}id", first.get(f"{{{XML}}}id") or "")

    doc = parse(_edit(conversation, twin), "doc.xml")
    assert any("redefined" in p.message for p in rng.check(doc))


@pytest.fixture(scope="module")
def footnoted() -> bytes:
    """A bundled document with footnote references."""
    for path in sorted(BUNDLED_TEI.glob("*.xml")):
        data = path.read_bytes()
        if etree.fromstring(data).find(f".//{{{TEI}}}ref[@type='footnote']") is not None:
            return data
    pytest.skip("no bundled document with footnotes")


def _set_target(target: str) -> object:
    def change(root: etree._Element) -> None:
        ref = _first(root, f".//{{{TEI}}}ref[@type='footnote']")
        ref.set("target", target.replace("{}", (ref.get("target") or "")[1:]))

    return change


@pytest.mark.parametrize(
    ("change", "found"),
    [
        (_set_target("#nobody"), True),  # points at no footnote
        (_set_target("{}"), True),  # not a pointer
        (_set_target(" #{} "), False),  # spaces around the pointer: screened in, accepted
        (_set_target("#{}"), False),
    ],
)
def test_footnote_references_give_the_results_of_the_full_screen(
    rng: RngEngine, sch: SchematronEngine, footnoted: bytes, change: object, found: bool
) -> None:
    doc = parse(_edit(footnoted, change), "doc.xml")
    assert not rng.check(doc)
    problems = sch.check(doc, given=True)
    assert problems == sch.check(doc, given=False)
    assert ("TK-E010" in {p.rule for p in problems}) == found


def _unreferenced_footnote(root: etree._Element) -> None:
    _first(root, f".//{{{TEI}}}ref[@type='footnote']").set("target", "#elsewhere")


def _footnote_without_id(root: etree._Element) -> None:
    note = _first(root, f".//{{{TEI}}}note[@type='footnote']")
    del note.attrib[f"{{{XML}}}id"]


@pytest.mark.parametrize(
    ("change", "rules"),
    [
        (_unreferenced_footnote, {"TK-E010", "TK-E011"}),
        (_footnote_without_id, {"TK-E010", "TK-W007"}),
    ],
)
def test_footnotes_give_the_results_of_the_full_screen(
    rng: RngEngine, sch: SchematronEngine, footnoted: bytes, change: object, rules: set[str]
) -> None:
    doc = parse(_edit(footnoted, change), "doc.xml")
    assert not rng.check(doc)
    problems = sch.check(doc, given=True)
    assert problems == sch.check(doc, given=False)
    assert rules <= {p.rule for p in problems}
