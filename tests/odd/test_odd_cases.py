"""ODD features, one test ODD each, with the verdicts the TEI Guidelines give for its examples.

Every ``cases/*.odd`` is a customization exercising one feature of ODD
(Guidelines chapter 22, and the reference pages of the elements it uses).
Its prose says what the Guidelines say, and its ``egXML`` examples carry the
verdict that follows: ``valid="true"`` must be valid and ``valid="false"``
invalid against the compiled RELAX NG and Schematron (Schematron errors make a
document invalid; warnings do not). Examples are written in the Examples
namespace, which stands for the schema's namespace (TEI unless
``schemaSpec/@ns`` says otherwise); other namespaces stay as written.

``note type="expected-warning"`` elements list (by ``@subtype``) the
:class:`~teikit.odd.report.OddWarning` rules the ODD must give, in order; an
ODD that lists none must compile without warnings.

The ODDs compile against the bundled P5 source, so this runs in a fresh clone.
"""

from __future__ import annotations

import copy
import functools
from pathlib import Path

import pytest
from lxml import etree

from teikit.odd import CompiledSchema, compile_odd
from teikit.schematron import Schematron

CASES = Path(__file__).resolve().parent / "cases"
TEI = "http://www.tei-c.org/ns/1.0"
TEIX = "http://www.tei-c.org/ns/Examples"
RNG = "http://relaxng.org/ns/structure/1.0"


def case_files() -> list[Path]:
    return sorted(CASES.glob("*.odd"))


@functools.cache
def compiled(path: Path) -> CompiledSchema:
    """Each case compiled once per session."""
    return compile_odd(path, module_dirs=[CASES / "external"])


@functools.cache
def validators(path: Path) -> tuple[etree.RelaxNG, Schematron]:
    schema = compiled(path)
    return etree.RelaxNG(schema.rng), Schematron.from_tree(schema.sch, base=str(path))


def _retarget(node: etree._Element, ns: str) -> etree._Element:
    """The example as a document: Examples-namespace names moved to the schema's namespace."""
    out = copy.deepcopy(node)
    for el in out.iter():
        if isinstance(el.tag, str) and etree.QName(el).namespace == TEIX:
            el.tag = f"{{{ns}}}{etree.QName(el).localname}"
    etree.cleanup_namespaces(out)
    return etree.fromstring(etree.tostring(out))


def examples(path: Path) -> list[tuple[str, bool, etree._Element]]:
    root = etree.parse(str(path)).getroot()
    spec = root.find(f".//{{{TEI}}}schemaSpec")
    assert spec is not None
    ns = spec.get("ns", TEI)
    out = []
    for i, eg in enumerate(root.iter(f"{{{TEIX}}}egXML"), 1):
        children = [c for c in eg if isinstance(c.tag, str)]
        assert len(children) == 1, f"{path.name}: egXML {i} must hold one document element"
        verdict = eg.get("valid")
        assert verdict in ("true", "false"), f"{path.name}: egXML {i} needs valid=true|false"
        label = eg.get("n") or str(i)
        out.append((label, verdict == "true", _retarget(children[0], ns)))
    return out


def verdict(path: Path, doc: etree._Element) -> tuple[bool, str]:
    rng, sch = validators(path)
    tree = etree.ElementTree(doc)
    if not rng.validate(tree):
        return False, str(rng.error_log.last_error)
    errors = [r for r in sch.validate(tree) if r.severity == "error"]
    if errors:
        return False, errors[0].message
    return True, ""


def expected_warnings(path: Path) -> list[str]:
    root = etree.parse(str(path)).getroot()
    return [
        n.get("subtype", "")
        for n in root.iter(f"{{{TEI}}}note")
        if n.get("type") == "expected-warning"
    ]


ALL = [
    pytest.param(path, label, valid, doc, id=f"{path.stem}-{label}")
    for path in case_files()
    for label, valid, doc in examples(path)
]


def test_every_case_has_valid_and_invalid_examples() -> None:
    assert len(case_files()) >= 20
    for path in case_files():
        verdicts = {valid for _, valid, _ in examples(path)}
        assert verdicts == {True, False}, f"{path.name} needs both valid and invalid examples"


@pytest.mark.parametrize("path", case_files(), ids=lambda p: p.stem)
def test_case_compiles_with_the_expected_warnings(path: Path) -> None:
    schema = compiled(path)
    assert [w.rule for w in schema.warnings] == expected_warnings(path)
    # The output is RELAX NG that lxml (libxml2) accepts.
    etree.RelaxNG(schema.rng)


@pytest.mark.parametrize(("path", "label", "valid", "doc"), ALL)
def test_case_verdict(path: Path, label: str, valid: bool, doc: etree._Element) -> None:
    ok, why = verdict(path, doc)
    assert ok == valid, (
        f"{path.name} example {label}: expected {'valid' if valid else 'invalid'}; {why}"
    )


def test_cli_module_dir(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An http(s) moduleRef/@url is found in --module-dir; without it, a located error."""
    from teikit.cli import main

    odd = CASES / "moduleref-url.odd"
    args = ["schema", "build", "--odd", str(odd), "-o", str(tmp_path / "a")]
    assert main([*args, "--module-dir", str(CASES / "external")]) == 0
    assert (tmp_path / "a" / "moduleref-url.rng").is_file()
    capsys.readouterr()
    assert main(["schema", "build", "--odd", str(odd), "-o", str(tmp_path / "b")]) == 2
    err = capsys.readouterr().err
    assert (
        err.startswith(f"teikit: {odd}:")
        and "pass --module-dir DIR (looked up there as gadget.rng)" in err
    )
    assert not (tmp_path / "b").exists()


XSD_CASES = [
    "prefix",
    "moduleref-url",
    "namespaces",
    "anyelement",
    "datatype-occurrence",
    "namelist",
]


@pytest.mark.parametrize("stem", XSD_CASES)
def test_xsd_accepts_what_the_rng_accepts(stem: str) -> None:
    """The XSD over-approximates the RELAX NG also with foreign modules, namespaces,
    wildcards and optional values: every valid example is XSD-valid."""
    import xmlschema

    path = CASES / f"{stem}.odd"
    xsd = xmlschema.XMLSchema(etree.tostring(compiled(path).xsd).decode())
    for label, valid, doc in examples(path):
        if valid and str(doc.tag).startswith(f"{{{TEI}}}"):
            assert xsd.is_valid(etree.ElementTree(doc)), f"{stem} {label}"
