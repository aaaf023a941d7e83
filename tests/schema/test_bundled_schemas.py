"""Bundled schemas by name: ``-s teikit``, ``-s tei_all``, ``-s tei_lite``, and where they live.

``tei_all`` and ``tei_lite`` are compiled from the TEI Consortium's ODDs by
teikit's own compiler and committed beside ``teikit.*``; a test rebuilds them
where the P5 source is present and fails if the committed files are stale.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

import teikit
from teikit.cli import main
from teikit.errors import TeikitError
from teikit.resources import BUNDLED_SCHEMAS, bundled_schema
from teikit.validate.schemas import schema_paths

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "validate"))
from validate_helpers import tei

#: Plain TEI that every bundled schema but teikit's accepts (teikit requires its header).
PLAIN = tei("<div><p>Plain TEI, as any project writes it.</p></div>")


def test_every_bundled_schema_ships_rng_sch_and_odd() -> None:
    for name in BUNDLED_SCHEMAS:
        for kind in ("rng", "sch", "odd"):
            assert bundled_schema(name, kind).is_file(), (name, kind)


def test_names_expand_to_their_rng_and_schematron() -> None:
    assert [Path(p).name for p in schema_paths("tei_all")] == ["tei_all.rng", "tei_all.sch"]
    assert [Path(p).name for p in schema_paths(["tei_lite", "teikit"])] == [
        "tei_lite.rng",
        "tei_lite.sch",
        "teikit.rng",
        "teikit.sch",
    ]


def test_unknown_name_suggests_the_nearest() -> None:
    with pytest.raises(TeikitError, match=r"did you mean `tei_all`\?"):
        schema_paths("tei-all")


@pytest.mark.parametrize(("name", "valid"), [("tei_all", True), ("tei_lite", True)])
def test_plain_tei_against_plain_tei(name: str, valid: bool) -> None:
    report = teikit.validate(PLAIN.encode(), schema=name)
    assert report.valid is valid, report.problems
    assert report.schema_names == [name]


def test_plain_tei_against_teikit_names_teikit_in_every_problem() -> None:
    report = teikit.validate(PLAIN.encode(), schema="teikit")
    assert not report.valid
    assert {p.schema for p in report.problems} == {"teikit"}
    assert "against teikit" in report.summary()


def test_cli_by_name_summary_names_the_schema(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = tmp_path / "plain.xml"
    doc.write_text(PLAIN, encoding="utf-8")
    assert main(["validate", "-j", "1", "-s", "tei_lite", str(doc)]) == 0
    assert (
        capsys.readouterr().err == "1 file checked against tei_lite: 1 valid, 0 invalid; "
        "0 errors, 0 warnings\n"
    )
    assert main(["validate", "-j", "1", "-s", "teikit", str(doc)]) == 1


def test_schema_path_prints_an_existing_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "path", "tei_all"]) == 0
    printed = Path(capsys.readouterr().out.strip())
    assert printed == bundled_schema("tei_all", "rng") and printed.is_file()
    assert main(["schema", "path", "teikit", "--kind", "sch"]) == 0
    assert capsys.readouterr().out.strip().endswith("teikit.sch")


def test_schema_path_unknown_name_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema", "path", "tei_al"]) == 2
    assert "no bundled schema named 'tei_al'" in capsys.readouterr().err


@pytest.fixture(scope="module")
def rebuilt(p5subset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("bundled")
    for name in ("tei_all", "tei_lite"):
        odd = str(bundled_schema(name, "odd"))
        assert (
            main(["schema", "build", "--odd", odd, "--source", str(p5subset), "-o", str(out)]) == 0
        )
    return out


@pytest.mark.shared
@pytest.mark.parametrize("name", ["tei_all", "tei_lite"])
@pytest.mark.parametrize("kind", ["rng", "sch"])
def test_committed_tei_schemas_are_current(rebuilt: Path, name: str, kind: str) -> None:
    fresh = (rebuilt / f"{name}.{kind}").read_text(encoding="utf-8")
    committed = bundled_schema(name, kind).read_text(encoding="utf-8")
    assert fresh == committed, (
        f"schema/{name}.{kind} is stale: run `teikit schema build --odd schema/{name}.odd` "
        f"and commit the .rng and .sch (see schema/README.md)"
    )
