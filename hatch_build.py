"""Build hook: compile the reading view's walk (``src/teikit/html/_walk.pyx``) when possible.

teikit is pure Python and stays correct without this: when Cython, lxml's
headers or a C compiler are missing, the hook says so and the package falls
back to the Python walk (:mod:`teikit.html.walker`). Compiled, the walk
reads libxml2's nodes through lxml's public C API instead of making a Python
object of every element, which halves the cost of rendering a large volume.
The extension is built in place, beside its source (git-ignored), so that an
editable install (``pip install -e .``) imports it too.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from hatchling.builders.hooks.plugin.interface import BuildHookInterface

SOURCE = Path("src/teikit/html/_walk.pyx")


def compile_walk(root: Path) -> Path | None:
    """Build ``_walk`` in place under ``root``: its path, or ``None`` (reason on stderr)."""
    try:
        import lxml
        from Cython.Build import cythonize
        from setuptools import Distribution, Extension
        from setuptools.command.build_ext import build_ext
    except ImportError as exc:
        print(f"teikit: not compiling the HTML walk ({exc}); using Python", file=sys.stderr)
        return None
    source = root / SOURCE
    ext = Extension(
        "teikit.html._walk",
        [str(source)],
        include_dirs=lxml.get_include(),
    )
    try:
        modules = cythonize([ext], quiet=True, language_level=3)
        dist = Distribution({"ext_modules": modules, "package_dir": {"": str(root / "src")}})
        cmd = build_ext(dist)
        cmd.inplace = True
        cmd.build_temp = str(root / "build" / "walk")
        cmd.ensure_finalized()
        cmd.run()
    except Exception as exc:  # no compiler, headers missing: Python is the fallback
        print(f"teikit: compiling the HTML walk failed ({exc}); using Python", file=sys.stderr)
        return None
    return Path(cmd.get_ext_fullpath("teikit.html._walk"))


class WalkBuildHook(BuildHookInterface):  # type: ignore[type-arg]
    """Compile the walk for wheels and editable installs; skip it for the sdist."""

    PLUGIN_NAME = "custom"

    def initialize(self, version: str, build_data: dict[str, Any]) -> None:
        if self.target_name != "wheel":
            return
        built = compile_walk(Path(self.root))
        if built is None:
            return
        build_data["pure_python"] = False
        build_data["infer_tag"] = True
        if version != "editable":
            rel = built.relative_to(Path(self.root) / "src")
            build_data["force_include"][str(built)] = str(rel)


if __name__ == "__main__":
    print(compile_walk(Path(__file__).resolve().parent))
