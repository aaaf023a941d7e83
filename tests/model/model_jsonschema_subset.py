"""A small JSON Schema checker for the keywords teikit's document schema uses.

``jsonschema`` is not a dependency of teikit: the schema is generated from the
model and uses only ``$ref``/``$defs``, ``type``, ``const``, ``enum``,
``anyOf``, ``properties``, ``required``, ``additionalProperties: false`` and
``items``, which this checker implements in full. It refuses any other keyword,
so a schema change that needs more cannot pass silently.
"""

from __future__ import annotations

from typing import Any

_KNOWN = {
    "$schema",
    "$id",
    "$ref",
    "$defs",
    "title",
    "description",
    "type",
    "const",
    "enum",
    "anyOf",
    "properties",
    "required",
    "additionalProperties",
    "items",
}
_TYPES: dict[str, tuple[type, ...]] = {
    "object": (dict,),
    "array": (list,),
    "string": (str,),
    "integer": (int,),
    "boolean": (bool,),
    "null": (type(None),),
}


def errors(
    instance: Any, schema: dict[str, Any], root: dict[str, Any] | None = None, path: str = "$"
) -> list[str]:
    """Every violation, as ``path: reason``; empty when the instance is valid."""
    root = schema if root is None else root
    unknown = set(schema) - _KNOWN
    if unknown:
        raise ValueError(f"unsupported keywords {sorted(unknown)} at {path}")
    if "$ref" in schema:
        name = schema["$ref"].removeprefix("#/$defs/")
        return errors(instance, root["$defs"][name], root, path)
    out: list[str] = []
    if "type" in schema:
        names = schema["type"] if isinstance(schema["type"], list) else [schema["type"]]
        ok = any(
            isinstance(instance, _TYPES[n]) and not (n == "integer" and isinstance(instance, bool))
            for n in names
        )
        if not ok:
            return [f"{path}: expected {names}, got {type(instance).__name__}"]
    if "const" in schema and instance != schema["const"]:
        out.append(f"{path}: expected {schema['const']!r}")
    if "enum" in schema and instance not in schema["enum"]:
        out.append(f"{path}: {instance!r} not in {schema['enum']}")
    if "anyOf" in schema and not any(
        not errors(instance, sub, root, path) for sub in schema["anyOf"]
    ):
        out.append(f"{path}: matches none of anyOf")
    if isinstance(instance, dict):
        props = schema.get("properties", {})
        for key in schema.get("required", []):
            if key not in instance:
                out.append(f"{path}: missing {key!r}")
        for key, value in instance.items():
            if key in props:
                out += errors(value, props[key], root, f"{path}.{key}")
            elif schema.get("additionalProperties") is False:
                out.append(f"{path}: unexpected {key!r}")
    if isinstance(instance, list) and "items" in schema:
        for i, value in enumerate(instance):
            out += errors(value, schema["items"], root, f"{path}[{i}]")
    return out
