"""The JSON export: versioned, documented by a committed schema it always satisfies."""

from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from model_jsonschema_subset import errors

import teikit
from teikit.model import json as mjson

FIXTURES = Path(__file__).resolve().parent / "fixtures"


def _schema() -> dict[str, object]:
    text = files("teikit.model").joinpath("document.schema.json").read_text(encoding="utf-8")
    data: dict[str, object] = json.loads(text)
    return data


def test_committed_schema_is_current() -> None:
    assert mjson.SCHEMA_PATH.read_text(encoding="utf-8") == mjson.render_schema(), (
        "document.schema.json is stale: regenerate it with teikit.model.json.write_schema()"
    )


@pytest.mark.parametrize("name", ["conversation", "cable", "letter"])
def test_export_validates(name: str) -> None:
    data = json.loads(mjson.dumps(teikit.load(FIXTURES / f"{name}.xml")))
    assert errors(data, _schema()) == []


def test_export_shape(conversation: teikit.TeiDocument) -> None:
    data = teikit.to_json(conversation)
    assert data["teikit_json_version"] == 1
    assert data["header"]["date"] == {
        "type": "Date",
        "line": 40,
        "text": "October 2, 1959",
        "when": "1959-10-02",
        "cert": None,
        "value": "1959-10-02",
        "precision": "day",
    }
    sp = data["body"][0]["blocks"][2]
    assert (sp["type"], sp["person"], sp["label"], sp["who"]) == (
        "Speech",
        "khrushchev-ns",
        "KHRUSHCHEV N.S.:",
        "#khrushchev-ns",
    )
    corr = [
        c
        for c in sp["paragraphs"][0]["content"]
        if isinstance(c, dict) and c["type"] == "Correction"
    ]
    assert corr == [
        {
            "type": "Correction",
            "line": 68,
            "sic": "rendunced",
            "corr": "renounced",
            "resp": "#ed-jd",
            "cert": "high",
        }
    ]
    assert data["text"]["corrected"] == conversation.text


def test_checker_catches_violations() -> None:
    schema = _schema()
    data = teikit.to_json(teikit.load(FIXTURES / "letter.xml"))
    data["teikit_json_version"] = 2
    data["body"][0]["kind"] = 3
    assert errors(data, schema) == [
        "$.teikit_json_version: expected 1",
        "$.body[0]: matches none of anyOf",
    ]


@pytest.mark.shared
def test_frus_export_validates(shared: Path) -> None:
    doc = teikit.load(shared / "frus" / "frus1969-76ve15p1.xml")
    assert errors(json.loads(mjson.dumps(doc, indent=None)), _schema()) == []
