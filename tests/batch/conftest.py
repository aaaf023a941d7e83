"""Every batch test keeps teikit's caches (build stamps, verdicts) in its own folder."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(autouse=True)
def _own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    cache = tmp_path_factory.mktemp("teikit-cache")
    monkeypatch.setenv("TEIKIT_CACHE", str(cache))
    return cache
