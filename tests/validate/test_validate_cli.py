"""``teikit validate``: exit codes, path discovery, stdin, jobs, --changed, --xml-model."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from validate_helpers import INVALID, VALID, mini_schema, write

from teikit.cli import main


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(["validate", *args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    mini_schema(tmp_path)
    write(tmp_path, "docs/a.xml", VALID)
    write(tmp_path, "docs/sub/b.xml", VALID)
    write(tmp_path, "docs/sub/notes.txt", "not xml, not picked up")
    return tmp_path


def test_exit_0_when_valid_with_summary(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(["-s", str(corpus / "mini.rng"), str(corpus / "docs")], capsys)
    assert (code, out) == (0, "")
    assert err == "2 files checked against mini.rng: 2 valid, 0 invalid; 0 errors, 0 warnings\n"


def test_exit_1_when_invalid(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(corpus, "docs/bad.xml", INVALID)
    code, out, _ = run(["-q", "-s", str(corpus / "mini.rng"), str(bad)], capsys)
    assert code == 1
    assert out.startswith(f"{bad}:3:3: error[rng:element-not-allowed]: ")


def test_exit_1_when_not_well_formed(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(corpus, "broken.xml", "<doc><item n='1'>x</doc>")
    code, out, _ = run(["-q", "-s", str(corpus / "mini.rng"), str(bad)], capsys)
    assert code == 1
    assert out == (
        f"{bad}:1:25: error[xml:not-well-formed]: not well-formed XML: "
        "Opening and ending tag mismatch: item line 1 and doc\n"
    )


def test_exit_2_for_missing_file(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = corpus / "nope.xml"
    code, out, _ = run(["-q", "-s", str(corpus / "mini.rng"), str(missing)], capsys)
    assert code == 2
    assert out == f"{missing}: error[io:unreadable]: cannot read: No such file or directory\n"


def test_exit_2_for_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exc:
        main(["validate", "--format", "yaml", "x.xml"])
    assert exc.value.code == 2


def test_exit_2_for_unknown_schema_kind(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["-s", str(corpus / "schema.rnc"), str(corpus / "docs")], capsys)
    assert code == 2
    assert "RELAX NG compact syntax is not supported" in err


def test_warn_only_exits_0(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = write(corpus, "docs/bad.xml", INVALID)
    code, out, _ = run(["-q", "--warn-only", "-s", str(corpus / "mini.rng"), str(bad)], capsys)
    assert code == 0
    assert out.startswith(f"{bad}:3:3: warning[rng:element-not-allowed]")


def test_stdin(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(INVALID.encode())))
    code, out, _ = run(["-q", "-s", str(corpus / "mini.rng"), "-"], capsys)
    assert code == 1
    assert out.startswith("-:3:3: error[rng:element-not-allowed]")


def test_glob_and_output_file(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write(corpus, "docs/bad.xml", INVALID)
    target = corpus / "out" / "report.json"
    code, out, _ = run(
        [
            "-q",
            "-s",
            str(corpus / "mini.rng"),
            "-f",
            "json",
            "-o",
            str(target),
            str(corpus / "docs" / "**" / "*.xml"),
        ],
        capsys,
    )
    assert (code, out) == (1, "")
    doc = json.loads(target.read_text())
    assert [Path(f["file"]).name for f in doc["files"]] == ["a.xml", "bad.xml", "b.xml"]


def test_jobs_gives_the_same_report_in_order(
    corpus: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for i in range(6):
        write(corpus, f"many/{i}.xml", INVALID if i % 2 else VALID)
    args = ["-q", "-s", str(corpus / "mini.rng"), "-f", "json", str(corpus / "many")]
    code1, serial, _ = run(["-j", "1", *args], capsys)
    code2, parallel, _ = run(["-j", "2", *args], capsys)
    assert (code1, code2) == (1, 1)
    strip = lambda s: [dict(f.items()) for f in json.loads(s)["files"]]  # noqa: E731
    assert strip(serial) == strip(parallel)


def test_changed_only_checks_files_changed_in_git(
    corpus: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    repo = corpus / "docs"
    git = ["git", "-c", "user.name=t", "-c", "user.email=t@example.org"]
    subprocess.run([*git, "init", "-q", str(repo)], check=True)
    subprocess.run([*git, "-C", str(repo), "add", "."], check=True)
    subprocess.run([*git, "-C", str(repo), "commit", "-qm", "init"], check=True)
    (repo / "a.xml").write_text(INVALID)
    write(repo, "new.xml", VALID)
    monkeypatch.chdir(repo)
    for args in (["--changed", "--", "."], ["--changed", "."], ["--changed"], ["--changed=HEAD"]):
        code, out, err = run(["-s", str(corpus / "mini.rng"), *args], capsys)
        assert code == 1, args
        assert out.startswith("a.xml:3:3: error"), args
        assert (
            err == "2 files checked against mini.rng: 1 valid, 1 invalid; 1 error, 0 warnings\n"
        ), args


def test_xml_model_local_relative_only(corpus: Path, capsys: pytest.CaptureFixture[str]) -> None:
    doc = write(
        corpus,
        "modelled.xml",
        '<?xml-model href="mini.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        '<?xml-model href="http://example.org/remote.rng"?>\n' + INVALID,
    )
    code, out, _ = run(["-q", "--xml-model", str(doc)], capsys)
    assert code == 1
    assert out.splitlines() == [
        f"{doc}:1:1: warning[xml-model]: <?xml-model href='http://example.org/remote.rng'?> "
        "ignored: only local relative paths are followed",
        f"{doc}:5:3: error[rng:element-not-allowed]: `itme` is not allowed in `doc`; "
        "did you mean `item`?",
    ]
