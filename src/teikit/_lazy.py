"""Lazy re-exports for package ``__init__`` modules.

A package lists which names it re-exports from which module; they are imported
on first access. This keeps ``import teikit`` (and so every CLI start) from
paying for XPath 2, XSD, the typed model or the converter's pipeline before
they are used, while ``from teikit import load`` still works and type checkers
see the real names through ``if TYPE_CHECKING:`` imports.
"""

from __future__ import annotations

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from collections.abc import Callable, Mapping


def lazy_exports(
    package: str, exports: Mapping[str, str], namespace: dict[str, Any], public: list[str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The ``__getattr__`` and ``__dir__`` of a package whose ``exports`` load on first use.

    ``exports`` maps each name to the module that defines it; a loaded name is
    stored in ``namespace`` (the package's ``globals()``), so it is imported once.
    """

    def module_getattr(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        namespace[name] = value
        return value

    def module_dir() -> list[str]:
        return sorted(set(namespace) | set(public))

    return module_getattr, module_dir


class CallableModule(types.ModuleType):
    """A package that can also be called as its namesake function.

    ``teikit.convert`` and ``teikit.validate`` are both the function people
    call and the package that implements it. If ``teikit.convert`` were bound
    to the function, ``import teikit.convert.api as m`` would fail (Python
    resolves ``teikit.convert`` by attribute and finds the function); bound to
    this module instead, both ``teikit.convert(...)`` and every submodule import
    work.
    """

    __call_target__: str

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        return getattr(self, self.__call_target__)(*args, **kwargs)


def make_callable(package: str, function: str) -> None:
    """Make the imported package ``package`` callable as its attribute ``function``."""
    module = sys.modules[package]
    module.__class__ = CallableModule
    module.__call_target__ = function  # type: ignore[attr-defined]
