"""The bundled TEI P5 source: present, the recorded release, the default, read compressed."""

from __future__ import annotations

import gzip
import hashlib
import tomllib
from typing import TYPE_CHECKING

import pytest

from teikit.cli import main
from teikit.errors import TeikitError
from teikit.odd.p5source import (
    bundled_release,
    bundled_source_bytes,
    bundled_source_path,
    bundled_source_version,
)
from teikit.odd.source import ENV_VAR, default_source_path, load_p5_source

if TYPE_CHECKING:
    from pathlib import Path

from odd_helpers import odd_text


def test_bundled_release_is_recorded_and_intact() -> None:
    release = bundled_release()
    assert bundled_source_version() == release.version == "4.8.0"
    assert release.date == "2024-07-08"
    data = bundled_source_bytes()
    assert hashlib.sha256(data).hexdigest() == release.sha256
    assert b'readme-4.8.0.html">4.8.0</ref>' in data[:2000]
    notice = bundled_source_path().parent / "NOTICE-TEI.txt"
    assert "TEI Consortium" in notice.read_text(encoding="utf-8")


def test_bundled_source_ships_in_the_wheel(repo: Path) -> None:
    """Hatch ships every file under the wheel's package directories: the source is under one."""
    config = tomllib.loads((repo / "pyproject.toml").read_text(encoding="utf-8"))
    packages = config["tool"]["hatch"]["build"]["targets"]["wheel"]["packages"]
    relative = bundled_source_path().relative_to(repo).as_posix()
    assert any(relative.startswith(p.rstrip("/") + "/") for p in packages)


def test_default_source_is_the_bundled_release(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    assert default_source_path() == bundled_source_path()
    source = load_p5_source(default_source_path())
    assert "4.8.0" in source.version
    assert len(source.nodes["elementSpec"]) == 587


def test_cli_build_needs_no_source_option(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.delenv(ENV_VAR, raising=False)
    odd = tmp_path / "my.odd"
    odd.write_text(odd_text(), encoding="utf-8")
    assert main(["schema", "build", "--odd", str(odd), "-o", str(tmp_path)]) == 0
    assert (tmp_path / "my.rng").read_bytes().count(b"4.8.0") == 1
    assert capsys.readouterr().err == ""


def test_source_option_takes_a_compressed_release(tmp_path: Path, p5subset: Path) -> None:
    packed = tmp_path / "p5subset.xml.gz"
    packed.write_bytes(gzip.compress(p5subset.read_bytes(), compresslevel=1))
    assert len(load_p5_source(packed).nodes["classSpec"]) == 211


def test_broken_compressed_source_is_a_clear_error(tmp_path: Path) -> None:
    broken = tmp_path / "p5subset.xml.gz"
    broken.write_bytes(gzip.compress(b"<TEI/>" * 100)[:30])
    with pytest.raises(TeikitError) as info:
        load_p5_source(broken)
    assert str(info.value).startswith(f"{broken}: cannot read the TEI P5 source: ")
