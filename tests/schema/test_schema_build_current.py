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


@pytest.mark.shared
@pytest.mark.parametrize("suffix", ["rng", "sch", "xsd"])
def test_committed_schema_matches_the_odd(p5subset: Path, tmp_path: Path, suffix: str) -> None:
    odd = schema_path("teikit.odd")
    status = main(
        ["schema", "build", "--odd", str(odd), "--source", str(p5subset), "-o", str(tmp_path)]
    )
    assert status == 0
    rebuilt = (tmp_path / f"teikit.{suffix}").read_text(encoding="utf-8")
    committed = schema_path(f"teikit.{suffix}").read_text(encoding="utf-8")
    assert rebuilt == committed, (
        f"schema/teikit.{suffix} is stale: run `teikit schema build` and commit the result"
    )
