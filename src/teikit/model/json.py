"""The model as JSON, for consumers outside Python, and the JSON Schema of that shape.

The shape is versioned (``"teikit_json_version": 1``) and documented by
``document.schema.json`` beside this module (shipped in the package). It
follows the model one to one: every object is a JSON object with ``"type"``
(the class name) and its fields; content is an array of strings and such
objects; a speech names its person by id; enums are their strings. Text-bearing
objects also carry ``"text"`` (as corrected) so that a consumer need not
re-implement the plain-text rules, and the document carries both plain-text
views. Source elements are not exported; ``line`` is.

The schema is generated from the dataclasses (:func:`json_schema`); a test
fails when the committed file is stale, and another validates real output
against it.
"""

from __future__ import annotations

import dataclasses
import json as _json
import types as _pytypes
import typing
from enum import Enum
from pathlib import Path
from typing import Any

from teikit.model import types as t

JSON_VERSION = 1
SCHEMA_PATH = Path(__file__).resolve().parent / "document.schema.json"
SCHEMA_ID = "https://teikit.readthedocs.io/schema/document-1.schema.json"

_TEXT_BEARING = (t.Paragraph, t.Head, t.Salute, t.Signed, t.Dateline, t.Speech, t.Note, t.Stamp)
_SKIP = frozenset({"element", "source_name", "_flat_nodes"})


def _classes() -> list[type[t.Node]]:
    found: list[type[t.Node]] = []
    stack: list[type[t.Node]] = [t.Node]
    while stack:
        cls = stack.pop(0)
        for sub in cls.__subclasses__():
            if sub not in found:
                stack.append(sub)
                if not sub.__name__.startswith("_"):
                    found.append(sub)
    return sorted(found, key=lambda c: c.__name__)


_FIELDS: dict[type, tuple[str, ...]] = {}


def _fields(cls: type) -> tuple[str, ...]:
    names = _FIELDS.get(cls)
    if names is None:
        names = getattr(cls, "JSON_FIELDS", None) or tuple(
            f.name for f in dataclasses.fields(cls) if f.name not in _SKIP
        )
        _FIELDS[cls] = names
    return names


def node_to_json(node: object) -> Any:
    """One model value (object, content tuple, string, enum) as JSON data."""
    if isinstance(node, Enum):
        return node.value
    if node is None or isinstance(node, (str, int)):
        return node
    if isinstance(node, tuple):
        return [node_to_json(n) for n in node]
    out: dict[str, Any] = {"type": type(node).__name__}
    for name in _fields(type(node)):
        value = getattr(node, name)
        if name == "person" and isinstance(node, t.Speech):
            out[name] = value.id if value is not None else None
        else:
            out[name] = node_to_json(value)
    if isinstance(node, t.Date):
        out["value"] = node.value.isoformat() if node.value else None
        out["precision"] = node.precision.value if node.precision else None
    if isinstance(node, _TEXT_BEARING):
        out["text"] = node.text
    return out


def to_json(doc: t.TeiDocument) -> dict[str, Any]:
    """The document as JSON data in the version-1 shape."""
    data: dict[str, Any] = {
        "teikit_json_version": JSON_VERSION,
        "source": doc.source_name or None,
        "header": node_to_json(doc.header),
        "persons": node_to_json(doc.persons),
        "front": node_to_json(doc.front),
        "body": node_to_json(doc.body),
        "back": node_to_json(doc.back),
        "text": {"corrected": doc.text, "as_written": doc.text_as_written},
    }
    return data


def dumps(doc: t.TeiDocument, *, indent: int | None = 2) -> str:
    """The document as a JSON string (UTF-8 characters kept, not escaped)."""
    return _json.dumps(to_json(doc), ensure_ascii=False, indent=indent)


# ---------------------------------------------------------------------- the schema


def _ref(cls: type) -> dict[str, Any]:
    return {"$ref": f"#/$defs/{cls.__name__}"}


def _schema_of(hint: Any) -> dict[str, Any]:
    origin = typing.get_origin(hint)
    if origin in (typing.Union, _pytypes.UnionType):
        options: list[dict[str, Any]] = []
        for arg in typing.get_args(hint):
            sub = _schema_of(arg)
            if sub not in options:
                options.append(sub)
        return options[0] if len(options) == 1 else {"anyOf": options}
    if origin is tuple:
        args = typing.get_args(hint)
        return {"type": "array", "items": _schema_of(args[0])}
    if hint is type(None):
        return {"type": "null"}
    if hint is str or (isinstance(hint, type) and issubclass(hint, Enum)):
        return {"type": "string"}
    if hint is int:
        return {"type": "integer"}
    if hint is bool:
        return {"type": "boolean"}
    if isinstance(hint, type) and dataclasses.is_dataclass(hint):
        return _ref(hint)
    raise TypeError(f"no JSON schema for {hint!r}")


def _class_schema(cls: type[t.Node]) -> dict[str, Any]:
    hints = typing.get_type_hints(cls, vars(t))
    for name in _fields(cls):
        if name not in hints:  # a property (a document's lazily built text)
            hints[name] = typing.get_type_hints(getattr(cls, name).fget, vars(t))["return"]
    props: dict[str, Any] = {"type": {"const": cls.__name__}}
    for name in _fields(cls):
        if name == "person" and cls is t.Speech:
            props[name] = {"type": ["string", "null"], "description": "the person's id"}
        else:
            props[name] = _schema_of(hints[name])
    if cls is t.Date:
        props["value"] = {"type": ["string", "null"], "description": "ISO date (first day)"}
        props["precision"] = {"enum": [p.value for p in t.DatePrecision] + [None]}
    if issubclass(cls, _TEXT_BEARING):
        props["text"] = {"type": "string", "description": "plain text, as corrected"}
    doc = (cls.__doc__ or "").strip().split("\n")[0]
    return {
        "type": "object",
        "description": doc,
        "properties": props,
        "required": sorted(props),
        "additionalProperties": False,
    }


def json_schema() -> dict[str, Any]:
    """The JSON Schema (draft 2020-12) of :func:`to_json` output, generated from the model."""
    block = typing.get_args(t.Block)
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        "title": "teikit document, JSON version 1",
        "description": "A TEI document read by teikit.load and exported by teikit.model.to_json.",
        "type": "object",
        "properties": {
            "teikit_json_version": {"const": JSON_VERSION},
            "source": {"type": ["string", "null"]},
            "header": _ref(t.Header),
            "persons": {"type": "array", "items": _ref(t.Person)},
            "front": {"type": "array", "items": {"anyOf": [_ref(b) for b in block]}},
            "body": {"type": "array", "items": {"anyOf": [_ref(b) for b in block]}},
            "back": {"type": "array", "items": {"anyOf": [_ref(b) for b in block]}},
            "text": {
                "type": "object",
                "properties": {
                    "corrected": {"type": "string"},
                    "as_written": {"type": "string"},
                },
                "required": ["as_written", "corrected"],
                "additionalProperties": False,
            },
        },
        "required": [
            "back",
            "body",
            "front",
            "header",
            "persons",
            "source",
            "teikit_json_version",
            "text",
        ],
        "additionalProperties": False,
        "$defs": {cls.__name__: _class_schema(cls) for cls in _classes()},
    }


def render_schema() -> str:
    """The committed text of ``document.schema.json``."""
    return _json.dumps(json_schema(), indent=2, ensure_ascii=False) + "\n"


def write_schema() -> None:
    """Regenerate ``document.schema.json`` (after a change to the model)."""
    SCHEMA_PATH.write_text(render_schema(), encoding="utf-8")


if __name__ == "__main__":
    write_schema()
