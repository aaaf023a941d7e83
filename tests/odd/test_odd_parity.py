# ruff: noqa: E501  (ODD fixtures are XML written one construct per line)
"""Verdict parity with the official TEI schemas (built by the TEI Stylesheets on Java).

Every test document gets the same verdict (valid or not) from lxml's RELAX NG
for the schema teikit compiles as for the official one: TEI Lite and tei_all.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

import pytest
from lxml import etree

if TYPE_CHECKING:
    from pathlib import Path

    from teikit.odd import CompiledSchema

TEI = "http://www.tei-c.org/ns/1.0"
HEADER = """<teiHeader><fileDesc><titleStmt><title>T</title></titleStmt>
<publicationStmt><p>P</p></publicationStmt><sourceDesc><p>S</p></sourceDesc></fileDesc>
{profile}</teiHeader>"""


def lite_doc(body: str, profile: str = "", header: str | None = None) -> bytes:
    head = header if header is not None else HEADER.format(profile=profile)
    return f'<TEI xmlns="{TEI}">{head}<text><body>{body}</body></text></TEI>'.encode()


HANDWRITTEN: dict[str, bytes] = {
    "valid-basic": lite_doc(
        '<div type="letter"><head>H</head><p>A <hi rend="it">b</hi>.</p></div>'
    ),
    "valid-list": lite_doc('<list type="gloss"><label>a</label><item>b</item></list>'),
    "valid-lang": lite_doc(
        "<p>x</p>",
        '<profileDesc><langUsage><language ident="en">English</language></langUsage></profileDesc>',
    ),
    "invalid-wrong-element": lite_doc("<p>A <spaker>b</spaker></p>"),
    "invalid-missing-required-attribute": lite_doc(
        "<p>x</p>", "<profileDesc><langUsage><language>English</language></langUsage></profileDesc>"
    ),
    "invalid-bad-closed-value": lite_doc('<p xml:space="sometimes">x</p>'),
    "invalid-wrong-order": f'<TEI xmlns="{TEI}"><text><body><p>x</p></body></text>{HEADER.format(profile="")}</TEI>'.encode(),
    "invalid-deleted-attribute": lite_doc('<p rendition="#r">x</p>'),
    "invalid-not-in-lite": lite_doc("<p>x <persName>A</persName></p>"),
    "invalid-empty-body": lite_doc(""),
}


def _documents(shared: Path, repo: Path) -> dict[str, etree._ElementTree]:
    docs: dict[str, etree._ElementTree] = {}
    for path in sorted((shared / "tei-p5" / "expected-svrl").glob("*.xml")):
        docs[path.name] = etree.parse(str(path))
    for path in sorted((repo / "tei").glob("*.xml")):
        docs[f"tei/{path.name}"] = etree.parse(str(path))
    for name, data in HANDWRITTEN.items():
        docs[name] = etree.ElementTree(etree.fromstring(data))
    for kind in ("valid", "invalid"):
        for path in sorted((repo / "tests" / "schema" / kind).glob("*.xml")):
            docs[f"schema-{kind}/{path.name}"] = etree.parse(str(path))
    docs.update(_case_examples())
    docs.update(_frus_splits(shared))
    return docs


def _case_examples() -> dict[str, etree._ElementTree]:
    """The examples of the ODD feature cases (tests/odd/cases), as documents."""
    from test_odd_cases import case_files, examples

    return {
        f"case-{path.stem}-{label}": etree.ElementTree(doc)
        for path in case_files()
        for label, _, doc in examples(path)
    }


def _frus_splits(shared: Path) -> dict[str, etree._ElementTree]:
    """A few FRUS documents, each in a TEI wrapper without FRUS's own namespaced attributes."""
    volumes = sorted((shared / "frus").glob("*.xml"))
    out: dict[str, etree._ElementTree] = {}
    if not volumes:
        return out
    tree = etree.parse(str(volumes[0]))
    divs = tree.getroot().findall(f".//{{{TEI}}}div[@type='document']")[:4]
    for i, div in enumerate(divs):
        div = copy.deepcopy(div)
        for el in div.iter():
            for attr in list(el.attrib):
                if attr.startswith("{") and not attr.startswith(
                    "{http://www.w3.org/XML/1998/namespace}"
                ):
                    del el.attrib[attr]
        wrapper = etree.fromstring(lite_doc(""))
        body = wrapper.find(f".//{{{TEI}}}body")
        assert body is not None
        body.append(div)
        out[f"frus-{volumes[0].stem}-{i + 1}"] = etree.ElementTree(wrapper)
    return out


@pytest.fixture(scope="session")
def documents(shared: Path, repo: Path) -> dict[str, etree._ElementTree]:
    return _documents(shared, repo)


def _verdicts(rng: etree.RelaxNG, docs: dict[str, etree._ElementTree]) -> dict[str, bool]:
    return {name: bool(rng.validate(doc)) for name, doc in docs.items()}


def test_tei_lite_verdicts_match_official(
    shared: Path, tei_lite_compiled: CompiledSchema, documents: dict[str, etree._ElementTree]
) -> None:
    official = etree.RelaxNG(etree.parse(str(shared / "tei-p5" / "tei_lite.rng")))
    assert tei_lite_compiled.warnings == []  # the official exemplars compile strictly
    ours = etree.RelaxNG(tei_lite_compiled.rng)
    expected = _verdicts(official, documents)
    assert _verdicts(ours, documents) == expected
    # The handwritten documents do test what they say.
    for name in HANDWRITTEN:
        assert expected[name] == name.startswith("valid"), name


@pytest.mark.slow
def test_tei_all_verdicts_match_official(
    tei_all_rng: etree.RelaxNG,
    tei_all_compiled: CompiledSchema,
    documents: dict[str, etree._ElementTree],
) -> None:
    assert tei_all_compiled.warnings == []
    ours = etree.RelaxNG(tei_all_compiled.rng)
    expected = _verdicts(tei_all_rng, documents)
    assert _verdicts(ours, documents) == expected
    assert expected["testall.xml"] and not expected["detest.xml"]
    # Mutants of the valid documents (an attribute dropped or given an odd value, a child
    # moved first or doubled, content replaced by text): still the official verdicts.
    valid = [name for name, ok in expected.items() if ok]
    mutants = {name: tree for name in valid[::5] for name, tree in _mutants(name, documents[name])}
    official = _verdicts(tei_all_rng, mutants)
    assert _verdicts(ours, mutants) == official
    assert 0 < sum(official.values()) < len(official)


_ODD_VALUES = ("", "x y", "1", "#a", "2001-13-01")


def _mutants(name: str, tree: etree._ElementTree) -> list[tuple[str, etree._ElementTree]]:
    """Four deterministic mutants of a document, each changing one element."""
    elements = [e for e in tree.getroot().iter() if isinstance(e.tag, str)]
    out = []
    for k in range(4):
        mutant = copy.deepcopy(tree)
        nodes = [e for e in mutant.getroot().iter() if isinstance(e.tag, str)]
        node = nodes[(len(elements) * (k + 1)) // 5]
        parent = node.getparent()
        if k == 0 and node.attrib:
            del node.attrib[sorted(node.attrib)[0]]
        elif k == 1:
            node.set(("type", "rend", "when", "n")[len(name) % 4], _ODD_VALUES[len(nodes) % 5])
        elif k == 2 and parent is not None:
            parent.insert(0, node)
        elif parent is not None:
            parent.insert(parent.index(node), copy.deepcopy(node))
        out.append((f"{name}#{k}", mutant))
    return out


def test_tei_all_schematron_has_the_official_rules(
    shared: Path, tei_all_compiled: CompiledSchema
) -> None:
    """Same rules (context, assert/report, test) as the official tei_all.isosch."""

    def rules(root: etree._Element) -> list[tuple[str, str, str]]:
        out = []
        for rule in root.iter("{http://purl.oclc.org/dsdl/schematron}rule"):
            for test in rule:
                local = etree.QName(test).localname if isinstance(test.tag, str) else ""
                if local in ("assert", "report"):
                    out.append(
                        (
                            " ".join(rule.get("context", "").split()),
                            local,
                            " ".join(test.get("test", "").split()),
                        )
                    )
        return sorted(out)

    official = etree.parse(str(shared / "tei-p5" / "tei_all.isosch")).getroot()
    assert rules(tei_all_compiled.sch.getroot()) == rules(official)
    ns = [
        (n.get("prefix"), n.get("uri"))
        for n in tei_all_compiled.sch.getroot().iterchildren("{*}ns")
    ]
    assert ns == [(n.get("prefix"), n.get("uri")) for n in official.iterchildren("{*}ns")]


def test_tei_lite_xsd_accepts_what_the_rng_accepts(
    tei_lite_compiled: CompiledSchema, documents: dict[str, etree._ElementTree]
) -> None:
    """The XSD is an over-approximation: every RNG-valid document is XSD-valid."""
    import xmlschema

    xsd = xmlschema.XMLSchema(etree.tostring(tei_lite_compiled.xsd).decode())
    rng = etree.RelaxNG(tei_lite_compiled.rng)
    checked = 0
    for name, doc in documents.items():
        if rng.validate(doc):
            checked += 1
            assert xsd.is_valid(doc), (
                f"{name}: {xsd.validate(doc) if False else next(xsd.iter_errors(doc), None)}"
            )
    assert checked >= 3
    # And it still catches what it can say: unknown elements, bad attribute values.
    assert not xsd.is_valid(
        etree.ElementTree(etree.fromstring(HANDWRITTEN["invalid-wrong-element"]))
    )
    assert not xsd.is_valid(
        etree.ElementTree(etree.fromstring(HANDWRITTEN["invalid-bad-closed-value"]))
    )
    assert not xsd.is_valid(
        etree.ElementTree(etree.fromstring(HANDWRITTEN["invalid-missing-required-attribute"]))
    )
