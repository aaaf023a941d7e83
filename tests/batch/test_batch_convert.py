"""``teikit convert`` on many documents: each stands alone, and usage errors are not successes."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

sys.path.insert(0, str(Path(__file__).parent))

from batch_helpers import CONV, corpus

from teikit.batch.convert import convert_many, expand_inputs
from teikit.batch.progress import Progress
from teikit.cli import main
from teikit.convert import convert
from teikit.errors import TeikitError
from teikit.serialize import prolog

if TYPE_CHECKING:
    from collections.abc import Iterator


def _names(d: Path) -> list[str]:
    return sorted(p.name for p in d.iterdir())


def test_a_bad_document_is_reported_and_the_others_are_written(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = corpus(tmp_path / "raw")
    out = tmp_path / "out"
    assert main(["convert", *map(str, paths), "-o", str(out), "-j", "1"]) == 1
    assert _names(out) == ["doc0.xml", "doc1.xml", "doc2.xml"]
    for p in paths[:3]:
        assert (out / f"{p.stem}.xml").read_bytes() == convert(p).data
    err = capsys.readouterr().err
    assert err == (
        f"teikit: {paths[3]}:2:3: not UTF-8: byte 0xEF cannot be decoded "
        "(save the transcription as UTF-8)\n"
        "teikit convert: 4 documents: 3 converted (0 with warnings), 1 refused\n"
    )


def test_two_workers_write_the_same_bytes_as_one(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "raw", n_good=5)
    assert main(["convert", str(tmp_path / "raw"), "-o", str(tmp_path / "a"), "-j", "1"]) == 1
    assert main(["convert", str(tmp_path / "raw"), "-o", str(tmp_path / "b"), "-j", "2"]) == 1
    assert _names(tmp_path / "a") == [f"doc{i}.xml" for i in range(5)]
    for p in paths[:5]:
        name = f"{p.stem}.xml"
        assert (tmp_path / "a" / name).read_bytes() == (tmp_path / "b" / name).read_bytes()


def test_the_same_output_name_twice_is_refused_for_both(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "x.txt").write_text(CONV, "utf-8")
    (tmp_path / "b" / "X.txt").write_text(CONV, "utf-8")
    (tmp_path / "a" / "y.txt").write_text(CONV, "utf-8")
    out = tmp_path / "out"
    args = ["convert", str(tmp_path / "a"), str(tmp_path / "b"), "-o", str(out), "-j", "1"]
    assert main(args) == 1
    assert _names(out) == ["y.xml"]
    err = capsys.readouterr().err.splitlines()
    assert err[0].startswith(f"teikit: {tmp_path / 'a' / 'x.txt'}: refused: {out / 'x.xml'}")
    assert "would also be written from" in err[0]
    assert err[1].startswith(f"teikit: {tmp_path / 'b' / 'X.txt'}: refused:")
    assert err[2] == "teikit convert: 3 documents: 1 converted (0 with warnings), 2 refused"


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda t: str(t / "nothing*.txt"), "nothing to convert: no file matches {t}/nothing*.txt"),
        (lambda t: str(t / "missing.txt"), "nothing to convert: {t}/missing.txt: no such file"),
        (
            lambda t: (t / "empty").mkdir() or str(t / "empty"),
            "nothing to convert: no .txt files in directory {t}/empty",
        ),
    ],
    ids=["glob", "missing", "empty-dir"],
)
def test_nothing_matched_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], make: object, message: str
) -> None:
    arg = make(tmp_path)  # type: ignore[operator]
    assert main(["convert", arg, "-o", str(tmp_path / "out")]) == 2
    assert capsys.readouterr().err == f"teikit: {message.format(t=tmp_path)}\n"
    assert not (tmp_path / "out").exists()


def test_output_that_is_a_file_or_impossible_is_a_usage_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = corpus(tmp_path / "raw", n_good=1, bad=False)[0]
    afile = tmp_path / "afile"
    afile.write_text("keep", "utf-8")
    assert main(["convert", str(raw), "-o", str(afile)]) == 2
    assert main(["convert", str(raw), "-o", str(afile / "sub")]) == 2
    err = capsys.readouterr().err.splitlines()
    assert err[0] == f"teikit: -o {afile}: is a file, not a directory"
    assert err[1].startswith(f"teikit: -o {afile / 'sub'}: cannot create the directory: ")
    assert afile.read_text("utf-8") == "keep"


def test_a_directory_where_the_output_goes_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = corpus(tmp_path / "raw", n_good=2, bad=False)
    (tmp_path / "out" / "doc0.xml").mkdir(parents=True)
    assert main(["convert", *map(str, raw), "-o", str(tmp_path / "out"), "-j", "1"]) == 1
    assert (tmp_path / "out" / "doc1.xml").is_file()
    assert capsys.readouterr().err.splitlines()[0] == (
        f"teikit: {raw[0]}: cannot write {tmp_path / 'out' / 'doc0.xml'}: a directory is in the way"
    )


def test_xml_given_as_raw_input_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    raw = corpus(tmp_path / "raw", n_good=1, bad=False)[0]
    assert main(["convert", str(raw), "-o", str(tmp_path / "tei")]) == 0
    tei = tmp_path / "tei" / "doc0.xml"
    disguised = tmp_path / "disguised.txt"
    disguised.write_bytes(tei.read_bytes())
    assert main(["convert", str(tei), str(disguised), "-o", str(tmp_path / "o"), "-j", "1"]) == 1
    err = capsys.readouterr().err.splitlines()
    assert err[-3] == (
        f"teikit: {tei}: this is XML, not a raw transcription: teikit convert reads "
        "plain-text transcriptions (check TEI with teikit validate)"
    )
    assert err[-2].startswith(f"teikit: {disguised}: this is XML")
    assert not (tmp_path / "o" / "doc0.xml").exists()


def test_temporaries_of_an_interrupted_write_are_removed(tmp_path: Path) -> None:
    raw = corpus(tmp_path / "raw", n_good=1, bad=False)[0]
    out = tmp_path / "out"
    out.mkdir()
    stale = out / ".doc0.xml.k3j9x_1.tmp"
    stale.write_bytes(b"<TEI")
    other = out / ".notes.txt.tmp"
    other.write_bytes(b"not ours")
    assert main(["convert", str(raw), "-o", str(out)]) == 0
    assert _names(out) == [".notes.txt.tmp", "doc0.xml"]


def test_current_outputs_are_skipped_until_input_changes_or_force(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paths = corpus(tmp_path / "raw", n_good=2, bad=False)
    out = tmp_path / "out"
    assert main(["convert", str(tmp_path / "raw"), "-o", str(out), "-j", "1"]) == 0
    first = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}
    capsys.readouterr()

    assert main(["convert", str(tmp_path / "raw"), "-o", str(out), "-j", "1"]) == 0
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == first
    assert capsys.readouterr().err == (
        "teikit convert: 2 documents: 0 converted (0 with warnings), 0 refused; "
        "2 already current (--force rebuilds them)\n"
    )

    # an edited input, a new sidecar, or an output from another teikit is rebuilt
    earlier = paths[0].stat().st_mtime_ns - 10**10
    os.utime(out / "doc0.xml", ns=(earlier, earlier))  # as if doc0.txt was edited since
    sidecar = paths[1].with_name("doc1.sidecar.toml")
    sidecar.write_text('[document]\ntitle = "A title"\n', "utf-8")
    assert main(["convert", str(tmp_path / "raw"), "-o", str(out), "-j", "1"]) == 0
    assert "2 converted" in capsys.readouterr().err
    stamped = out / "doc0.xml"
    stamped.write_bytes(stamped.read_bytes().replace(b'<?teikit version="', b'<?teikit version="0'))
    assert main(["convert", str(tmp_path / "raw"), "-o", str(out), "-j", "1"]) == 0
    assert "1 converted" in capsys.readouterr().err
    assert stamped.read_bytes() == convert(paths[0]).data

    assert main(["convert", str(tmp_path / "raw"), "-o", str(out), "--force", "-j", "1"]) == 0
    assert "2 converted" in capsys.readouterr().err


def test_report_json_is_streamed_in_input_order(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus(tmp_path / "raw", n_good=4)
    assert (
        main(["convert", str(tmp_path / "raw"), "-o", str(tmp_path / "o"), "--report", "json"]) == 1
    )
    reports = json.loads(capsys.readouterr().out)
    assert [r["name"] for r in reports] == ["doc0", "doc1", "doc2", "doc3"]
    assert reports[1]["kind"] == "conversation"
    assert reports[1]["counts"]["speakers"] == 2


def test_schema_href_choices(tmp_path: Path) -> None:
    raw = corpus(tmp_path / "raw", n_good=1, bad=False)[0]
    main(["convert", str(raw), "-o", str(tmp_path / "u"), "--schema-href", "https://x.org/s/"])
    assert (tmp_path / "u" / "doc0.xml").read_bytes().startswith(prolog("https://x.org/s/"))
    main(["convert", str(raw), "-o", str(tmp_path / "n"), "--schema-href", "none"])
    data = (tmp_path / "n" / "doc0.xml").read_bytes()
    assert data.startswith(prolog(None))
    assert b"xml-model" not in data
    main(["convert", str(raw), "-o", str(tmp_path / "b"), "--schema-href", "bundled"])
    from teikit.validate import validate

    report = validate(tmp_path / "b" / "doc0.xml", xml_model=True)
    assert report.valid
    assert report.problems == []


def test_a_converter_defect_costs_one_document(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    package = sys.modules["teikit.convert"]  # the name teikit.convert is the function
    paths = corpus(tmp_path / "raw", n_good=2, bad=False)
    real = package.convert

    def flaky(source: Path, **kw: object) -> object:
        if Path(source).stem == "doc0":
            raise RecursionError("maximum recursion depth exceeded")
        return real(source)

    monkeypatch.setattr(package, "convert", flaky)
    outcomes = list(convert_many(paths, tmp_path / "out", jobs=1))
    assert [o.status for o in outcomes] == ["refused", "converted"]
    assert outcomes[0].error == (
        f"{paths[0]}: internal error (RecursionError: maximum recursion depth exceeded); "
        "please report it"
    )


def test_python_api_streams_outcomes(tmp_path: Path) -> None:
    paths = corpus(tmp_path / "raw", n_good=3)
    outcomes = convert_many([tmp_path / "raw"], tmp_path / "out", jobs=2)
    first = next(outcomes)
    assert first.status == "converted"
    rest = list(outcomes)
    assert [o.source for o in [first, *rest]] == [str(p) for p in paths]
    assert [o.status for o in rest] == ["converted", "converted", "refused"]
    with pytest.raises(TeikitError, match="nothing to convert"):
        list(convert_many([tmp_path / "nope*.txt"], tmp_path / "out"))


def test_directories_are_searched_for_transcriptions_only(tmp_path: Path) -> None:
    corpus(tmp_path / "raw", n_good=1, bad=False)
    (tmp_path / "raw" / "doc0.sidecar.toml").write_text("", "utf-8")
    (tmp_path / "raw" / "sub").mkdir()
    (tmp_path / "raw" / "sub" / "deep.txt").write_text(CONV, "utf-8")
    (tmp_path / "raw" / ".hidden").mkdir()
    (tmp_path / "raw" / ".hidden" / "h.txt").write_text(CONV, "utf-8")
    found = expand_inputs([tmp_path / "raw", tmp_path / "raw" / "doc0.txt"])
    assert found == [tmp_path / "raw" / "doc0.txt", tmp_path / "raw" / "sub" / "deep.txt"]


class _Tty:
    def __init__(self) -> None:
        self.text = ""

    def isatty(self) -> bool:
        return True

    def write(self, s: str) -> int:
        self.text += s
        return len(s)

    def flush(self) -> None:
        pass


def test_progress_bar_only_on_a_terminal() -> None:
    tty = _Tty()
    assert Progress.wanted(stream=tty)  # type: ignore[arg-type]
    assert not Progress.wanted(quiet=True, stream=tty)  # type: ignore[arg-type]
    bar = Progress(2, stream=tty, unit="documents")  # type: ignore[arg-type]
    bar.step()
    bar.step()
    bar.close()
    assert "\r[###############...............] 1/2 documents" in tty.text
    assert "2/2 documents" in tty.text
    assert tty.text.endswith("\r\x1b[2K")


@pytest.mark.skipif(sys.platform == "darwin", reason="macOS refuses non-UTF-8 file names")
def test_a_file_name_that_is_not_utf8_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus(tmp_path / "raw", n_good=1, bad=False)
    with open(os.fsencode(tmp_path / "raw") + b"/bad\xff.txt", "wb") as fh:
        fh.write(CONV.encode())
    assert main(["convert", str(tmp_path / "raw"), "-o", str(tmp_path / "o"), "-j", "1"]) == 1
    assert _names(tmp_path / "o") == ["doc0.xml"]
    err = capsys.readouterr().err.splitlines()
    assert err[0] == (
        f"teikit: {tmp_path / 'raw'}/bad\\xff.txt: the file name is not valid UTF-8 "
        "(rename the file)"
    )


def test_the_local_backend_keeps_a_bounded_window_in_flight() -> None:
    from teikit.batch.local import WINDOW_PER_WORKER, LocalBackend

    pulled = 0

    def items() -> Iterator[int]:
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield i

    results = LocalBackend(jobs=2).imap(abs, items())
    assert next(results) == 0
    assert pulled <= 2 * WINDOW_PER_WORKER + 1
    assert list(results) == list(range(1, 1000))


def test_outputs_of_another_build_are_rebuilt(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Same version, different code (a checkout, a merge): everything is converted again."""
    import importlib

    corpus(tmp_path / "raw", n_good=2, bad=False)
    args = ["convert", str(tmp_path / "raw"), "-o", str(tmp_path / "out"), "-j", "1"]
    assert main(args) == 0
    assert main(args) == 0
    assert "2 already current" in capsys.readouterr().err
    stamp = importlib.import_module("teikit.batch.stamp")
    monkeypatch.setattr(stamp, "build_digest", lambda: "another build")
    assert main(args) == 0
    assert capsys.readouterr().err.endswith("2 converted (0 with warnings), 0 refused\n")
    assert main(args) == 0
    assert "2 already current" in capsys.readouterr().err


def test_a_dead_worker_is_a_clear_error() -> None:
    from teikit.batch.local import LocalBackend

    with pytest.raises(TeikitError, match="a worker process died"):
        list(LocalBackend(jobs=2).imap(os._exit, [3, 3]))


def test_a_report_converts_current_outputs_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus(tmp_path / "raw", n_good=1, bad=False)
    args = ["convert", str(tmp_path / "raw"), "-o", str(tmp_path / "out")]
    assert main(args) == 0
    capsys.readouterr()
    assert main([*args, "--report", "text"]) == 0
    out, err = capsys.readouterr()
    assert out.startswith("doc0 (letter): ")
    assert err.endswith("1 converted (0 with warnings), 0 refused\n")
