"""The ODD compiler's entry point: an ODD and a P5 source in, RNG, Schematron and XSD out."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from teikit.errors import SourceLocation, TeikitError
from teikit.odd.customize import (
    Customization,
    CustomizationSource,
    SpecSource,
    customize,
    is_uncompiled_odd,
    resolve_relative,
)
from teikit.odd.external import is_remote
from teikit.odd.locate import odd_error
from teikit.odd.report import OddWarning, Reporter
from teikit.odd.rng import build_rng
from teikit.odd.source import default_source_path, index_source, load_p5_source
from teikit.xmlio import parse_file, serialize, write_atomic

if TYPE_CHECKING:
    import os
    from collections.abc import Sequence

    from lxml import etree


@dataclass
class CompiledSchema:
    """The three schemas of one customization, as trees ready to serialize."""

    customization: Customization
    rng: etree._ElementTree
    sch: etree._ElementTree
    xsd: etree._ElementTree

    @property
    def warnings(self) -> list[OddWarning]:
        """What the compiler tolerated (see :mod:`teikit.odd.report`); empty when strict."""
        return self.customization.warnings

    def outputs(self, name: str) -> dict[str, bytes]:
        """File name → bytes; the same ODD and source always give the same bytes."""
        return {
            f"{name}.rng": serialize(self.rng),
            f"{name}.sch": serialize(self.sch),
            f"{name}.xsd": serialize(self.xsd),
        }

    def write(self, outdir: str | os.PathLike[str], name: str) -> list[Path]:
        """Write ``NAME.rng``, ``NAME.sch`` and ``NAME.xsd``, each atomically."""
        written = []
        for filename, data in self.outputs(name).items():
            target = Path(outdir) / filename
            write_atomic(target, data)
            written.append(target)
        return written


def _resolver(
    default: SpecSource, depth: int, report: Reporter, module_dirs: Sequence[Path]
) -> object:
    def resolve(schema: etree._Element, declared: str) -> SpecSource:
        if declared.startswith("tei:"):
            return default
        if is_remote(declared):
            report.warn(
                schema,
                "remote-source",
                f'schemaSpec source="{declared}": teikit never downloads a TEI source; '
                f"compiled against {default.version or default.path} instead (pass --source "
                "with a local copy to use that release)",
            )
            return default
        target = resolve_relative(schema, declared)
        if not target.is_file():
            raise odd_error(schema, f'schemaSpec source="{declared}": no such file ({target})')
        tree = parse_file(target)
        if is_uncompiled_odd(tree):
            if depth > 8:
                raise odd_error(schema, f'schemaSpec source="{declared}": ODD chain too deep')
            chained = customize(
                tree,
                default,
                _resolver(default, depth + 1, report, module_dirs),  # type: ignore[arg-type]
                report,
                module_dirs,
            )
            return CustomizationSource.of(chained)
        return index_source(tree, str(target))

    return resolve


def customize_odd(
    odd_path: str | os.PathLike[str],
    source_path: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    module_dirs: Sequence[str | os.PathLike[str]] = (),
) -> Customization:
    """The effective specs of an ODD (no output written); see :func:`compile_odd`."""
    source = load_p5_source(default_source_path(source_path))
    tree = parse_file(odd_path)
    report = Reporter(strict=strict)
    dirs = [Path(d) for d in module_dirs]
    resolver = _resolver(source, 0, report, dirs)
    return customize(tree, source, resolver, report, dirs)  # type: ignore[arg-type]


def compile_odd(
    odd_path: str | os.PathLike[str],
    source_path: str | os.PathLike[str] | None = None,
    *,
    strict: bool = False,
    module_dirs: Sequence[str | os.PathLike[str]] = (),
) -> CompiledSchema:
    """Compile an ODD against the TEI P5 source (``p5subset.xml``).

    ``source_path`` defaults to ``$TEIKIT_P5SUBSET``, else the release bundled
    with teikit; the source is never downloaded. What the official chain
    tolerates (a change to nothing, a reference to nothing) compiles as it does
    there and is listed in ``.warnings``; ``strict=True`` makes the first such
    place an error. ``module_dirs`` are where ``moduleRef/@url`` grammars named
    by an ``http(s)`` URL are found (by file name): nothing is downloaded.
    """
    from teikit.odd.schematron import build_schematron
    from teikit.odd.xsd import build_xsd

    if not Path(odd_path).is_file():
        raise TeikitError("no such ODD file", SourceLocation(str(odd_path)))
    custom = customize_odd(odd_path, source_path, strict=strict, module_dirs=module_dirs)
    return CompiledSchema(custom, build_rng(custom), build_schematron(custom), build_xsd(custom))
