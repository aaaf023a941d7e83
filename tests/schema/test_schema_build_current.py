"""The committed compiled schemas are exactly what the ODD compiles to today.

``schema/teikit.{rng,sch,xsd}`` ship in the wheel so that validation never
needs the TEI source; if someone edits the ODD (or the compiler) and forgets to
rebuild, users would validate against a stale schema. Rebuilding needs the P5
source, so this runs only where ``../shared`` is present.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

from teikit.cli import main
from teikit.resources import schema_path

if TYPE_CHECKING:
    from pathlib import Path


@pytest.fixture(scope="module")
def rebuilt(p5subset: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The ODD compiled afresh, once for the three formats."""
    out = tmp_path_factory.mktemp("schema")
    odd = schema_path("teikit.odd")
    assert (
        main(["schema", "build", "--odd", str(odd), "--source", str(p5subset), "-o", str(out)]) == 0
    )
    return out


@pytest.mark.shared
@pytest.mark.parametrize("suffix", ["rng", "sch", "xsd"])
def test_committed_schema_matches_the_odd(rebuilt: Path, suffix: str) -> None:
    fresh = (rebuilt / f"teikit.{suffix}").read_text(encoding="utf-8")
    committed = schema_path(f"teikit.{suffix}").read_text(encoding="utf-8")
    assert fresh == committed, (
        f"schema/teikit.{suffix} is stale: run `teikit schema build` and commit the result"
    )
