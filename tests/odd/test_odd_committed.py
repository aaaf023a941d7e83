"""The committed ``schema/teikit.{rng,sch,xsd}`` are what ``teikit schema build`` makes today."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from teikit.odd import compile_odd
from teikit.xmlio import parse_file

if TYPE_CHECKING:
    from pathlib import Path

NAMES = ("teikit.rng", "teikit.sch", "teikit.xsd")


def test_committed_schemas_are_not_stale(repo: Path, p5subset: Path) -> None:
    schema = repo / "schema"
    if not (schema / "teikit.odd").is_file() or not all((schema / n).is_file() for n in NAMES):
        pytest.skip("schema/teikit.odd and its compiled files are not all there yet")
    built = compile_odd(schema / "teikit.odd", p5subset).outputs("teikit")
    stale = [n for n in NAMES if (schema / n).read_bytes() != built[n]]
    assert not stale, (
        f"stale compiled schema(s) {', '.join(stale)}: run `teikit schema build` and commit"
    )


def test_cli_build_writes_the_three_files(tmp_path: Path, p5subset: Path, shared: Path) -> None:
    from teikit.cli import main

    odd = shared / "tei-p5" / "tei_lite.odd"
    status = main(
        [
            "schema",
            "build",
            "--odd",
            str(odd),
            "--source",
            str(p5subset),
            "-o",
            str(tmp_path),
            "--name",
            "lite",
        ]
    )
    assert status == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lite.rng", "lite.sch", "lite.xsd"]
    first = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    assert (
        main(
            [
                "schema",
                "build",
                "--odd",
                str(odd),
                "--source",
                str(p5subset),
                "-o",
                str(tmp_path),
                "--name",
                "lite",
            ]
        )
        == 0
    )
    assert first == {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    for name in first:
        parse_file(tmp_path / name)


def test_source_from_environment(
    tmp_path: Path, p5subset: Path, shared: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from teikit.odd import default_source_path

    monkeypatch.setenv("TEIKIT_P5SUBSET", str(p5subset))
    assert default_source_path() == p5subset
    assert default_source_path(tmp_path / "x.xml") == tmp_path / "x.xml"


def test_teikit_xsd_accepts_what_the_teikit_rng_accepts(repo: Path, p5subset: Path) -> None:
    """The XSD over-approximates the RNG on teikit's own valid and invalid test documents."""
    import xmlschema
    from lxml import etree

    odd = repo / "schema" / "teikit.odd"
    if not odd.is_file():
        pytest.skip("schema/teikit.odd is not there yet")
    compiled = compile_odd(odd, p5subset)
    rng = etree.RelaxNG(compiled.rng)
    xsd = xmlschema.XMLSchema(etree.tostring(compiled.xsd).decode())
    docs = sorted((repo / "tests" / "schema").glob("*/*.xml")) + sorted(
        (repo / "tei").glob("*.xml")
    )
    accepted = [d for d in docs if rng.validate(etree.parse(str(d)))]
    if not accepted:
        pytest.skip("no RNG-valid teikit documents yet")
    unsound = [d.name for d in accepted if not xsd.is_valid(str(d))]
    assert unsound == []
