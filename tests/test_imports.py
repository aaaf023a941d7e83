"""Every module is importable by its dotted name, and the flat API stays callable.

``teikit.convert`` and ``teikit.validate`` are both functions people call and
packages with modules inside; ``import teikit.convert.api as m`` must work as
much as ``teikit.convert(...)``.
"""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import teikit


def _modules() -> list[str]:
    return sorted(
        m.name for m in pkgutil.walk_packages(teikit.__path__, "teikit.") if ".__" not in m.name
    )


def test_every_module_imports_as_a_dotted_name() -> None:
    """In a fresh interpreter, ``import a.b.c as m`` for every module (attribute lookup)."""
    modules = [m for m in _modules() if m != "teikit.__main__"]
    assert "teikit.convert.api" in modules and "teikit.validate.report" in modules
    script = "\n".join(
        f"import {name} as m\nassert m.__name__ == {name!r}, m.__name__" for name in modules
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 0, proc.stderr[-2000:]


def test_convert_and_validate_are_callable_packages() -> None:
    import teikit.convert.api as api
    import teikit.validate.report as report

    assert callable(teikit.convert) and callable(teikit.validate)
    assert teikit.convert.__name__ == "teikit.convert"
    assert api.ConversionResult is teikit.ConversionResult
    assert report.Report is teikit.Report
    result = teikit.convert(text="ANNA BERG: One.\n", name="x", validate=False)
    assert isinstance(result, api.ConversionResult)


def test_public_names_resolve() -> None:
    for name in teikit.__all__:
        assert getattr(teikit, name) is not None, name
