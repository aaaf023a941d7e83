"""Fixtures for the ODD compiler's tests: small ODDs compiled, official schemas loaded once."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import pytest

from teikit.odd import CompiledSchema, compile_odd

if TYPE_CHECKING:
    from pathlib import Path

from odd_helpers import Compiler, odd_text


@pytest.fixture
def compile_text(tmp_path: Path, p5subset: Path) -> Compiler:
    """Compile a small ODD: the template's module selection plus ``body`` in the schemaSpec."""

    def run(
        body: str = "",
        core: str = "p title hi",
        attrs: str = "",
        start: str = "TEI",
        raw: str | None = None,
        **options: Any,
    ) -> CompiledSchema:
        text = raw if raw is not None else odd_text(body, core, attrs, start)
        odd = tmp_path / "test.odd"
        odd.write_text(text, encoding="utf-8")
        return compile_odd(odd, p5subset, **options)

    return run


@pytest.fixture(scope="session")
def tei_lite_compiled(shared: Path) -> CompiledSchema:
    return compile_odd(shared / "tei-p5" / "tei_lite.odd", shared / "tei-p5" / "p5subset.xml")


@pytest.fixture(scope="session")
def tei_all_compiled(shared: Path) -> CompiledSchema:
    return compile_odd(shared / "tei-p5" / "tei_all.odd", shared / "tei-p5" / "p5subset.xml")
