"""What users install: the wheel works on its own, the sdist carries what its tests need.

The wheel is built offline (``python -m build --no-isolation``), installed into
a fresh virtual environment (teikit from the wheel; its dependencies reached
through a ``.pth`` line to this environment's site-packages, as
``--system-site-packages`` would), and run from there with ``-s tei_all``:
the bundled schemas must be inside the wheel, not found in the checkout.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import zipfile
from pathlib import Path

import pytest

from teikit import __version__

REPO = Path(__file__).resolve().parent.parent
PYPI_README = REPO / "README.pypi.md"

pytestmark = pytest.mark.slow


def test_package_page_readme_is_for_users() -> None:
    text = PYPI_README.read_text(encoding="utf-8")
    for internal in ("tei/raw", "../shared", "pip install -e", "TEIKIT_SHARED"):
        assert internal not in text, internal
    assert "pip install teikit" in text
    assert 'readme = "README.pypi.md"' in (REPO / "pyproject.toml").read_text(encoding="utf-8")


def test_repository_readme_starts_with_install_and_the_two_commands() -> None:
    text = (REPO / "README.md").read_text(encoding="utf-8")
    sections = re.findall(r"^## (.+)$", text, re.M)
    assert sections[:2] == ["Install", "The two commands"]
    first = text.split("## What teikit is")[0]
    assert "teikit convert tei/raw/*.txt -o tei" in first
    assert "python -m pytest" in first


def test_license_file_matches_the_metadata() -> None:
    assert (REPO / "LICENSE").read_text(encoding="utf-8").startswith("MIT License")
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'license = "MIT"' in pyproject
    assert "Programming Language :: Python :: 3.13" in pyproject
    assert re.search(r"^Source = ", pyproject, re.M) and re.search(r"^Issues = ", pyproject, re.M)


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    pytest.importorskip("build", reason="the [test] extra installs build")
    pytest.importorskip("hatchling", reason="the [test] extra installs hatchling")
    out = tmp_path_factory.mktemp("dist")
    proc = subprocess.run(
        [sys.executable, "-m", "build", "--no-isolation", "--outdir", str(out), str(REPO)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-2000:] + proc.stderr[-2000:]
    return out


def _one(dist: Path, pattern: str) -> Path:
    [found] = list(dist.glob(pattern))
    return found


def test_wheel_ships_the_bundled_schemas_and_metadata(dist: Path) -> None:
    wheel = _one(dist, f"teikit-{__version__}-*.whl")
    with zipfile.ZipFile(wheel) as zf:
        names = set(zf.namelist())
        meta = zf.read(f"teikit-{__version__}.dist-info/METADATA").decode()
    for name in ("teikit", "tei_all", "tei_lite"):
        for kind in ("rng", "sch", "odd"):
            assert f"teikit/_schema/{name}.{kind}" in names, (name, kind)
    assert "teikit/py.typed" in names
    assert "Project-URL: Source" in meta and "Project-URL: Issues" in meta
    assert "tei/raw" not in meta and "../shared" not in meta
    assert any(n.endswith("licenses/LICENSE") for n in names)


def test_sdist_carries_what_its_tests_read(dist: Path) -> None:
    sdist = _one(dist, f"teikit-{__version__}.tar.gz")
    root = f"teikit-{__version__}/"
    with tarfile.open(sdist) as tar:
        names = {n.removeprefix(root) for n in tar.getnames()}
    for needed in (
        ".ci/run",
        "examples/downstream.py",
        "README.md",
        "README.pypi.md",
        "CHANGELOG.md",
        "LICENSE",
        ".pre-commit-hooks.yaml",
        "docs/conf.py",
        "docs/_ext/teikit_docs.py",
        "schema/tei_all.rng",
        "tests/conftest.py",
    ):
        assert needed in names, needed
    assert not any(n.startswith((".venv/", "docs/_build/")) for n in names)


def test_sdist_tests_pass_from_the_unpacked_sdist(dist: Path, tmp_path: Path) -> None:
    """The tests about the project's files run against the sdist's own copies."""
    with tarfile.open(_one(dist, f"teikit-{__version__}.tar.gz")) as tar:
        tar.extractall(tmp_path, filter="data")
    root = tmp_path / f"teikit-{__version__}"
    env = {**os.environ, "PYTHONPATH": str(root / "src")}
    env.pop("TEIKIT_SHARED", None)  # an sdist unpacked elsewhere has no ../shared
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "tests/test_package.py",
            "tests/test_release.py",
            "tests/test_docs.py",
            "tests/model/test_model_docs.py",
        ],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-2000:]


def test_wheel_in_a_fresh_venv_validates_with_tei_all(dist: Path, tmp_path: Path) -> None:
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    py = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    wheel = _one(dist, f"teikit-{__version__}-*.whl")
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(py),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        check=True,
    )
    purelib = subprocess.run(
        [str(py), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout.strip()
    # the dependencies (lxml, xmlschema …) from this environment, after the wheel's teikit
    deps = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (Path(purelib) / "_teikit_test_deps.pth").write_text("\n".join(sorted(deps)) + "\n")

    doc = tmp_path / "plain.xml"
    doc.write_text(
        '<TEI xmlns="http://www.tei-c.org/ns/1.0"><teiHeader><fileDesc><titleStmt>'
        "<title>T</title></titleStmt><publicationStmt><p>P</p></publicationStmt>"
        "<sourceDesc><p>S</p></sourceDesc></fileDesc></teiHeader>"
        "<text><body><p>Plain TEI.</p></body></text></TEI>\n",
        encoding="utf-8",
    )
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "TEIKIT_SHARED")}
    env["TEIKIT_CACHE"] = str(tmp_path / "cache")
    teikit_cmd = venv / ("Scripts/teikit.exe" if os.name == "nt" else "bin/teikit")
    where = subprocess.run(
        [str(py), "-c", "import teikit; print(teikit.__file__)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
    ).stdout.strip()
    assert Path(where).is_relative_to(venv), where
    ok = subprocess.run(
        [str(teikit_cmd), "validate", "-s", "tei_all", str(doc)],
        capture_output=True,
        text=True,
        check=False,
        cwd=tmp_path,
        env=env,
    )
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stderr == "1 file checked against tei_all: 1 valid, 0 invalid; 0 errors, 0 warnings\n"
    path = subprocess.run(
        [str(teikit_cmd), "schema", "path", "tei_all"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=env,
    ).stdout.strip()
    assert Path(path).is_relative_to(venv) and Path(path).is_file(), path
