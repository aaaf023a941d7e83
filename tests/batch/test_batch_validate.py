"""``teikit validate`` on many files: nothing checked is not "valid", and verdicts are cached."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parents[1] / "validate"))

from validate_helpers import INVALID, VALID, mini_schema, write

from teikit.cli import main
from teikit.validate.cache import VerdictCache
from teikit.validate.check import Options


@pytest.fixture
def docs(tmp_path: Path) -> Path:
    mini_schema(tmp_path)
    write(tmp_path, "docs/a.xml", VALID)
    write(tmp_path, "docs/b.xml", INVALID)
    return tmp_path


@pytest.mark.parametrize("arg", ["empty", "nothing*.xml"])
def test_nothing_found_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], arg: str
) -> None:
    (tmp_path / "empty").mkdir()
    assert main(["validate", str(tmp_path / arg)]) == 2
    assert capsys.readouterr().err == (
        f"teikit: nothing to validate: no XML file found for {tmp_path / arg}\n"
    )


def test_cached_verdicts_are_reported_as_the_first_time(
    docs: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = docs / "cache"
    args = ["validate", "-s", str(docs / "mini.rng"), str(docs / "docs"), "--cache-dir", str(cache)]
    assert main([*args, "-j", "1"]) == 1
    first = capsys.readouterr()
    assert len(list(cache.rglob("*.json"))) == 2

    import importlib

    runner = importlib.import_module("teikit.validate.runner")

    def no_check(*a: object, **k: object) -> object:
        raise AssertionError("checked again despite the cache")

    monkeypatch.setattr(runner, "check_file", no_check)
    assert main([*args, "-j", "1"]) == 1
    second = capsys.readouterr()
    assert second.out == first.out
    assert "docs/b.xml:3:" in second.out


def test_the_cache_key_follows_content_and_schema(docs: Path) -> None:
    opts = Options((str(docs / "mini.rng"),))
    a = VerdictCache.for_options(opts, docs / "c")
    (docs / "mini.rng").write_text(
        (docs / "mini.rng").read_text("utf-8").replace("<text/>", "<empty/>"), "utf-8"
    )
    b = VerdictCache.for_options(opts, docs / "c")
    assert a.schema_key != b.schema_key
    from teikit.validate.report import FileResult

    a.put(b"<doc/>", FileResult("x.xml"))
    assert a.get(b"<doc/>", "y.xml") == FileResult("y.xml")
    assert a.get(b"<doc />", "y.xml") is None
    assert b.get(b"<doc/>", "y.xml") is None


def test_cache_refuses_xml_model(docs: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["validate", "--xml-model", "--cache", str(docs / "docs")]) == 2
    assert "--cache cannot be used with --xml-model" in capsys.readouterr().err


def test_report_output_that_is_a_directory_is_a_usage_error(
    docs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["validate", "-s", str(docs / "mini.rng"), str(docs / "docs"), "-o", str(docs)]
    assert main(args) == 2
    assert capsys.readouterr().err == f"teikit: -o {docs}: is a directory; name the report file\n"


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_file_name_that_is_not_utf8_is_reported_and_the_rest_checked(
    docs: Path, capsys: pytest.CaptureFixture[str], jobs: str
) -> None:
    import os

    raw = os.fsencode(docs / "docs") + b"/bad\xff.xml"
    with open(raw, "wb") as fh:
        fh.write(VALID.encode())
    args = ["validate", "-s", str(docs / "mini.rng"), str(docs / "docs"), "-j", jobs]
    assert main(args) == 2
    out, err = capsys.readouterr()
    assert (
        f"{docs / 'docs'}/bad\\xff.xml: error[io:unreadable]: the file name is not valid UTF-8"
        in out
    )
    assert err.endswith(
        "3 files checked against mini.rng: 1 valid, 2 invalid; 2 errors, 0 warnings\n"
    )


def test_python_api_with_jobs_and_cache(docs: Path) -> None:
    from teikit.validate import validate

    kwargs = {"schema": docs / "mini.rng", "cache": docs / "c"}
    first = validate(docs / "docs", jobs=2, **kwargs)  # type: ignore[arg-type]
    assert [f.valid for f in first.files] == [True, False]
    again = validate(docs / "docs", **kwargs)  # type: ignore[arg-type]
    assert again.files == tuple(
        type(f)(f.file, f.problems, f.readable, again.files[i].seconds)
        for i, f in enumerate(first.files)
    )
