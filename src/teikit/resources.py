"""Where the bundled schema files live, in a wheel and in a source checkout.

The compiled schemas are committed under ``schema/`` at the repository root and
shipped inside the wheel as ``teikit/_schema``; validation therefore never
needs the TEI P5 source. Three are bundled, each compiled from its ODD by
teikit's own compiler: ``teikit`` (this project's customization), and the TEI
Consortium's ``tei_all`` and ``tei_lite``, so that plain TEI can be checked
against plain TEI.
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


#: The bundled schemas by the name ``--schema`` takes, and what each is for.
BUNDLED_SCHEMAS: dict[str, str] = {
    "teikit": "teikit's customization: the encoding `teikit convert` produces (the default)",
    "tei_all": "all of TEI P5, as the TEI Consortium publishes it",
    "tei_lite": "TEI Lite, the TEI Consortium's widely used small customization",
}

#: The files of a bundled schema that validation runs, in order.
BUNDLED_KINDS = ("rng", "sch")


def bundled_schema(name: str, kind: str = "rng") -> Path:
    """The path of a bundled schema's file of one kind (``rng``, ``sch``, ``odd``, ``xsd``)."""
    if name not in BUNDLED_SCHEMAS:
        raise KeyError(name)
    return schema_dir() / f"{name}.{kind}"


def bundled_name(path: str | Path) -> str | None:
    """The bundled schema a file belongs to (``tei_all`` for ``…/tei_all.rng``), else ``None``."""
    p = Path(path)
    if p.stem in BUNDLED_SCHEMAS and p.resolve().parent == schema_dir().resolve():
        return p.stem
    return None


def schema_path(name: str) -> Path:
    """The path of one bundled schema file, e.g. ``schema_path("teikit.rng")``."""
    return schema_dir() / name


def repo_root() -> Path | None:
    """The source checkout this package runs from, or ``None`` for an installed wheel."""
    root = _PACKAGE_DIR.parent.parent
    return root if (root / "pyproject.toml").is_file() else None
