"""Shared fixtures: where ``../shared`` is, and expensive schemas loaded once per session.

Tests that need the shared TEI material (the P5 source, FRUS volumes, seeds)
skip with a clear reason where it is absent, as in a user's fresh clone; CI
has it beside the checkout, so there they run.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def _shared_dir() -> Path | None:
    env = os.environ.get("TEIKIT_SHARED")
    candidate = Path(env) if env else REPO.parent / "shared"
    return candidate if (candidate / "tei-p5").is_dir() else None


SHARED = _shared_dir()
SHARED_REASON = (
    "needs the shared TEI material (../shared beside the checkout, or TEIKIT_SHARED); "
    "absent in a fresh clone"
)


@pytest.fixture(scope="session")
def repo() -> Path:
    return REPO


@pytest.fixture(scope="session")
def shared() -> Path:
    """The ``../shared`` directory; skips the test where it is absent."""
    if SHARED is None:
        pytest.skip(SHARED_REASON)
    return SHARED


@pytest.fixture(scope="session")
def p5subset(shared: Path) -> Path:
    return shared / "tei-p5" / "p5subset.xml"


@pytest.fixture(scope="session")
def frus_volumes(shared: Path) -> list[Path]:
    return sorted((shared / "frus").glob("*.xml"))


@pytest.fixture(scope="session")
def tei_all_rng(shared: Path) -> object:
    """lxml's RELAX NG for tei_all, loaded once per session (it takes seconds)."""
    from lxml import etree

    return etree.RelaxNG(etree.parse(str(shared / "tei-p5" / "tei_all.rng")))
