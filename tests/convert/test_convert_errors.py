"""Bad input: a clear error with file:line:col, never a traceback or a partial file."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from teikit.cli import main
from teikit.convert import convert
from teikit.convert.sidecar import parse_sidecar
from teikit.errors import TeikitError

if TYPE_CHECKING:
    from pathlib import Path

CONV = "Anna Berg: One.\n\nCarl Dahl: Two.\n\nAnna Berg: Three.\n"


def test_non_utf8_names_line_and_column(tmp_path: Path) -> None:
    raw = tmp_path / "bad.txt"
    raw.write_bytes(b"fine line\nna\xefve\n")
    with pytest.raises(TeikitError) as exc:
        convert(raw)
    assert str(exc.value) == (
        f"{raw}:2:3: not UTF-8: byte 0xEF cannot be decoded (save the transcription as UTF-8)"
    )


def test_nul_character_is_refused_with_location() -> None:
    with pytest.raises(TeikitError) as exc:
        convert(text="one\ntw\x00o\n", name="nul")
    assert str(exc.value) == (
        "nul:2:3: character U+0000 cannot be carried into XML "
        "(remove or replace it in the transcription)"
    )


def test_bom_crlf_and_tabs_are_normalized() -> None:
    plain = convert(text=CONV, name="x").data
    messy = convert(
        text="\ufeffAnna Berg: One.\r\n\r\nCarl Dahl:\tTwo.\r\n\r\nAnna Berg: Three.\r\n", name="x"
    ).data
    assert messy == plain


def test_sidecar_errors_have_line_and_column() -> None:
    with pytest.raises(TeikitError) as exc:
        parse_sidecar('[document]\nkind = "novel"\n', "s.toml")
    assert str(exc.value).startswith("s.toml:2:1: kind 'novel' is not a document kind")
    with pytest.raises(TeikitError) as exc:
        parse_sidecar('[[correction]]\nsic = "a"\ncorr = "b"\nresp = "ed-x"\n', "s.toml")
    assert str(exc.value) == "s.toml:4:1: resp 'ed-x' names no [[editor]] (declared: none)"
    with pytest.raises(TeikitError) as exc:
        parse_sidecar("[document\n", "s.toml")
    assert str(exc.value).startswith("s.toml:1:")


def test_correction_not_found_points_at_the_sidecar(tmp_path: Path) -> None:
    (tmp_path / "d.txt").write_text(CONV, encoding="utf-8")
    (tmp_path / "d.sidecar.toml").write_text(
        '[[editor]]\nid = "ed-x"\nname = "X"\nresp = "R"\n\n'
        '[[correction]]\nsic = "absent"\ncorr = "present"\nresp = "ed-x"\n',
        encoding="utf-8",
    )
    with pytest.raises(TeikitError) as exc:
        convert(tmp_path / "d.txt")
    assert str(exc.value) == (
        f"{tmp_path / 'd.sidecar.toml'}:6:1: correction sic 'absent' not found in the text"
    )


def test_cli_writes_the_good_documents_when_one_input_is_bad(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    good = tmp_path / "good.txt"
    good.write_text(CONV, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\n")
    out = tmp_path / "out"
    assert main(["convert", str(good), str(bad), "-o", str(out)]) == 1
    assert sorted(p.name for p in out.iterdir()) == ["good.xml"]
    assert capsys.readouterr().err == (
        f"teikit: {bad}:1:1: not UTF-8: byte 0xFF cannot be decoded "
        "(save the transcription as UTF-8)\n"
        "teikit convert: 2 documents: 1 converted (0 with warnings), 1 refused\n"
    )


def test_cli_converts_and_reports(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good = tmp_path / "good.txt"
    good.write_text(CONV, encoding="utf-8")
    assert main(["convert", str(good), "-o", str(tmp_path / "out"), "--report", "text"]) == 0
    assert (tmp_path / "out" / "good.xml").read_bytes() == convert(good).data
    assert capsys.readouterr().out.startswith("good (conversation): speakers 2, turns 3,")
