"""Fast constructors for the loader: the same objects, built without keyword parsing.

A frozen dataclass's ``__init__`` parses keywords and sets each field through
``object.__setattr__``; reading a FRUS volume builds hundreds of thousands of
objects, and that path alone costs about as much as parsing the XML. The
loader instead calls a constructor generated here that takes every field
positionally, in the order of :func:`dataclasses.fields`, and stores them
through the slots' own descriptors. The result is indistinguishable from the
``__init__`` one (same class, same field values; fields the ``__init__`` does
not take get their default), which a test checks for every model class.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar

from teikit.model import types as t

N = TypeVar("N", bound=t.Node)


def maker(cls: type[N]) -> Any:
    """A function ``(field values…) -> cls`` taking every ``init`` field positionally.

    Typed ``Any`` on purpose: its arity is per class, and the loader is tested
    against the plain constructors.
    """
    fields = dataclasses.fields(cls)
    args = [f.name for f in fields if f.init]
    env: dict[str, Any] = {"_new": object.__new__, "_cls": cls}
    lines = [f"def make({', '.join(args)}):", "    o = _new(_cls)"]
    for f in fields:
        env[f"_set_{f.name}"] = getattr(cls, f.name).__set__
        if f.init:
            value = f.name
        elif f.default is not dataclasses.MISSING:
            env[f"_default_{f.name}"] = f.default
            value = f"_default_{f.name}"
        else:  # pragma: no cover - the model has no such field
            raise TypeError(f"{cls.__name__}.{f.name} has no value to start from")
        lines.append(f"    _set_{f.name}(o, {value})")
    lines.append("    return o")
    exec("\n".join(lines), env)  # generated from the class's own field names
    return env["make"]
