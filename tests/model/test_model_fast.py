"""The fast paths of loading and of the flat views give exactly what the plain ones gave.

- Every FRUS volume loads (and streams) to the same JSON, field for field, line
  and anchor included, as the first, straightforward loader did: its digests
  are in ``fixtures/frus_digests.json`` (taken from commit 9a4721e). If the
  loader's output is meant to change, regenerate them with
  ``python tests/model/test_model_fast.py`` and say why in the commit.
- The generated constructors build the same objects as ``__init__``.
- The flat views equal a plain ``children()`` traversal, and anchors equal the
  plain text of everything before the marker.
- The garbage collector is left as the caller had it.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest

import teikit
import teikit.model
from teikit.errors import TeikitError
from teikit.model import Division, Node, iter_documents, loader, make
from teikit.model import json as mjson
from teikit.model import text as mtext
from teikit.model import types as t

if TYPE_CHECKING:
    from collections.abc import Iterator

HERE = Path(__file__).resolve().parent
DIGESTS = HERE / "fixtures" / "frus_digests.json"


def _digests(path: Path) -> dict[str, str]:
    data = teikit.to_json(teikit.load(path))
    data["source"] = path.name  # the path differs between machines, the name does not
    load = json.dumps(data, ensure_ascii=False)
    stream = json.dumps([mjson.node_to_json(d) for d in iter_documents(path)], ensure_ascii=False)
    return {
        "load": hashlib.sha256(load.encode()).hexdigest(),
        "stream": hashlib.sha256(stream.encode()).hexdigest(),
    }


@pytest.mark.shared
def test_every_frus_volume_loads_as_the_reference_loader_did(frus_volumes: list[Path]) -> None:
    expected = json.loads(DIGESTS.read_text(encoding="utf-8"))
    assert sorted(expected) == [p.name for p in frus_volumes]
    got = {p.name: _digests(p) for p in frus_volumes}
    assert got == expected


def _values(cls: type[Node]) -> dict[str, Any]:
    return {f.name: f"value-{i}" for i, f in enumerate(dataclasses.fields(cls)) if f.init}


MODEL_CLASSES = [
    c
    for c in (getattr(teikit.model, name) for name in teikit.model.__all__)
    # TeiDocument has a constructor of its own (its text is built on first use); the
    # loader never builds it through a generated maker.
    if isinstance(c, type) and issubclass(c, Node) and c.__dataclass_params__.init  # type: ignore[attr-defined]
]


@pytest.mark.parametrize("cls", MODEL_CLASSES, ids=lambda c: c.__name__)
def test_generated_constructor_builds_what_init_builds(cls: type[Node]) -> None:
    values = _values(cls)
    fast = make.maker(cls)(*values.values())
    plain = cls(**values)
    assert type(fast) is cls
    for f in dataclasses.fields(cls):  # every field, those outside == too
        assert getattr(fast, f.name) == getattr(plain, f.name), f.name
    assert fast == plain
    assert hash(fast) == hash(plain)


def _plain_walk(node: Node) -> Iterator[Node]:
    """``walk`` as first written: nested ``children()`` generators."""
    yield node
    for child in node.children():
        yield from _plain_walk(child)


def _check_views(doc: teikit.TeiDocument) -> None:
    plain = [n for b in doc.front + doc.body + doc.back for n in _plain_walk(b)]
    assert [id(n) for n in doc.nodes()] == [id(n) for n in plain]
    assert [id(n) for n in doc.walk()] == [id(doc), *map(id, plain)]
    assert doc.notes == tuple(n for n in plain if isinstance(n, t.Note))
    for division in doc.divisions:  # each view of a division is its own subtree's
        inside = [n for b in division.blocks for n in _plain_walk(b)]
        assert [id(n) for n in division.nodes()] == [id(n) for n in inside]
        assert division.page_breaks == tuple(n for n in inside if isinstance(n, t.PageBreak))
        own = [id(n) for n in division._own_nodes()]  # what date and source_note read
        assert own == [id(n) for n in division._own_nodes_plain()]


@pytest.mark.parametrize("name", ["conversation", "cable", "letter"])
def test_views_equal_a_plain_traversal(name: str) -> None:
    _check_views(teikit.load(HERE / "fixtures" / f"{name}.xml"))


@pytest.mark.shared
def test_views_equal_a_plain_traversal_on_frus(shared: Path) -> None:
    doc = teikit.load(shared / "frus" / "frus1969-76v12.xml")
    _check_views(doc)
    # Asked for in the other order: a division first, then the document.
    doc = teikit.load(shared / "frus" / "frus1969-76v12.xml")
    first = next(b for b in doc.body if isinstance(b, Division))
    assert first.notes == tuple(n for n in _plain_walk(first) if isinstance(n, t.Note))
    _check_views(doc)


def test_views_are_not_part_of_equality_or_json() -> None:
    built = Division((t.Paragraph(("a", t.PageBreak(n="1"))),), kind="document")
    read = dataclasses.replace(built)
    assert built.page_breaks == (t.PageBreak(n="1"),)  # fills the cache of one of them
    assert built == read and hash(built) == hash(read)
    assert "_flat_nodes" not in repr(built)
    assert "_flat_nodes" not in mjson.node_to_json(built)


def _plain_last_words(content: list[t.Inline]) -> str:
    return " ".join(mtext.plain(tuple(content)).split()[-6:])


def test_anchor_words_equal_the_plain_text_before_the_marker() -> None:
    note = t.Note(("a note",), kind="footnote")
    ref = t.Ref(("see",), kind="footnote")
    cases: list[list[t.Inline]] = [
        [],
        ["   "],
        ["one two"],
        ["a b c d e f g h"],
        ["wo", t.Correction("rdx", "rd"), " and more words after it here"],
        ["x y z ", t.PersName(("Ann",)), "-", t.PersName(("Lee",)), note, ref, "end"],
        ["1 2 3 4 5 6", note, "7", t.PageBreak(n="2"), "8"],
        ["split wo", t.PageBreak(n="3"), "rd then six more words to go on"],
        [t.Foreign(("un deux trois quatre cinq six sept",), lang="fr")],
    ]
    for content in cases:
        assert loader._last_words(content) == _plain_last_words(content), content


@pytest.mark.shared
def test_anchor_words_on_frus_paragraphs(shared: Path) -> None:
    doc = teikit.load(shared / "frus" / "frus1969-76v12.xml")
    checked = 0
    for node in doc.nodes():
        if isinstance(node, t.Paragraph) and len(node.content) > 2:
            for end in range(len(node.content)):
                prefix = list(node.content[:end])
                assert loader._last_words(prefix) == _plain_last_words(prefix)
                checked += 1
    assert checked > 10_000


@pytest.mark.parametrize("enabled", [True, False])
def test_garbage_collector_is_left_as_it_was(enabled: bool) -> None:
    was = gc.isenabled()
    try:
        (gc.enable if enabled else gc.disable)()
        teikit.load(HERE / "fixtures" / "letter.xml")
        assert gc.isenabled() is enabled
        with pytest.raises(TeikitError):
            teikit.load(b"<TEI xmlns='http://www.tei-c.org/ns/1.0'><text>")
        assert gc.isenabled() is enabled
    finally:
        (gc.enable if was else gc.disable)()


if __name__ == "__main__":  # regenerate the digests (only when the output is meant to change)
    shared = Path(sys.argv[1]) if len(sys.argv) > 1 else HERE.parent.parent.parent / "shared"
    volumes = sorted((shared / "frus").glob("*.xml"))
    DIGESTS.write_text(
        json.dumps({p.name: _digests(p) for p in volumes}, indent=2) + "\n", encoding="utf-8"
    )
