"""The ``dask`` backend on a two-worker ``LocalCluster``: the same bytes as a local run."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parents[1] / "validate"))

from typing import TYPE_CHECKING

from batch_helpers import corpus
from validate_helpers import INVALID, VALID, mini_schema, write

from teikit.batch import SCHEDULER_ENV, backend
from teikit.batch.convert import convert_many
from teikit.cli import main

if TYPE_CHECKING:
    from collections.abc import Iterator

distributed = pytest.importorskip("distributed", reason="needs pip install 'teikit[dask]'")


@pytest.fixture(scope="module")
def cluster() -> Iterator[object]:
    # threads in this process: starts in well under a second, and a worker
    # still runs teikit's tasks exactly as a remote one would
    with distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=False, dashboard_address=None
    ) as c:
        yield c


def _tree(d: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(d.iterdir())}


def test_convert_on_the_cluster_writes_the_same_bytes_as_locally(
    tmp_path: Path, cluster: object, capsys: pytest.CaptureFixture[str]
) -> None:
    corpus(tmp_path / "raw", n_good=5)
    address = cluster.scheduler_address  # type: ignore[attr-defined]
    raw = str(tmp_path / "raw")
    assert main(["convert", raw, "-o", str(tmp_path / "local"), "-j", "2"]) == 1
    local_err = capsys.readouterr().err
    assert main(["convert", raw, "-o", str(tmp_path / "dask"), "--scheduler", address]) == 1
    dask_err = capsys.readouterr().err
    assert _tree(tmp_path / "dask") == _tree(tmp_path / "local")
    assert len(_tree(tmp_path / "dask")) == 5
    assert dask_err == local_err
    assert dask_err.endswith("6 documents: 5 converted (0 with warnings), 1 refused\n")


def test_scheduler_from_the_environment_and_validate(
    tmp_path: Path,
    cluster: object,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    mini_schema(tmp_path)
    write(tmp_path, "docs/a.xml", VALID)
    write(tmp_path, "docs/b.xml", INVALID)
    args = ["validate", "-s", str(tmp_path / "mini.rng"), str(tmp_path / "docs")]
    assert main([*args, "-j", "1"]) == 1
    local = capsys.readouterr()
    monkeypatch.setenv(SCHEDULER_ENV, cluster.scheduler_address)  # type: ignore[attr-defined]
    assert type(backend(jobs=2)).__name__ == "DaskBackend"
    assert main(args) == 1
    assert capsys.readouterr() == local


def test_python_api_with_a_client(tmp_path: Path, cluster: object) -> None:
    paths = corpus(tmp_path / "raw", n_good=3)
    with distributed.Client(cluster, set_as_default=False) as client:
        outcomes = list(convert_many(paths, tmp_path / "out", client=client))
    assert [o.status for o in outcomes] == ["converted", "converted", "converted", "refused"]


def test_an_unreachable_scheduler_is_a_clear_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIKIT_SCHEDULER_TIMEOUT", "1")
    corpus(tmp_path / "raw", n_good=1, bad=False)
    args = ["convert", str(tmp_path / "raw"), "-o", str(tmp_path / "o")]
    # a port nothing listens on: refused at once
    assert main([*args, "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("teikit: cannot reach the Dask scheduler at tcp://127.0.0.1:9")


def test_workers_with_another_teikit_are_refused(
    cluster: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    import importlib

    from teikit.errors import TeikitError

    module = importlib.import_module("teikit.batch.dask_backend")
    monkeypatch.setattr(module, "_teikit_version", lambda: "0.0.0-other")
    with (
        distributed.Client(cluster, set_as_default=False) as client,
        pytest.raises(TeikitError, match=r"the Dask workers run teikit 0\.0\.0-other, this is"),
    ):
        backend(client=client)
