"""Where the bundled schema files live, in a wheel and in a source checkout.

The compiled schema is committed under ``schema/`` at the repository root and
shipped inside the wheel as ``teikit/_schema``; validation therefore never
needs the TEI P5 source.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE_DIR = Path(__file__).resolve().parent


def schema_dir() -> Path:
    """The directory holding ``teikit.odd`` and its compiled ``.rng``/``.sch``/``.xsd``."""
    bundled = _PACKAGE_DIR / "_schema"
    if bundled.is_dir():
        return bundled
    return _PACKAGE_DIR.parent.parent / "schema"


def schema_path(name: str) -> Path:
    """The path of one bundled schema file, e.g. ``schema_path("teikit.rng")``."""
    return schema_dir() / name


def repo_root() -> Path | None:
    """The source checkout this package runs from, or ``None`` for an installed wheel."""
    root = _PACKAGE_DIR.parent.parent
    return root if (root / "pyproject.toml").is_file() else None
