"""A batch checked with a grammar grown, warmed or pruned per document: the same answers.

RELAX NG checks each document first with the pruned grammar it already has and
starts a batch from the names an earlier batch met (see
:mod:`teikit.validate.engines.rng`). Both rest on one claim: a grammar pruned
for any names accepts only documents the whole grammar accepts, and one pruned
for a superset of a document's names gives the whole grammar's verdict. Here
the bundled corpus and broken copies of it are checked each way, against
libxml2 with the whole ``teikit.rng``.
"""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest
from lxml import etree

from teikit.resources import schema_dir
from teikit.validate.engines.rng import WARM_BATCH, RngEngine
from teikit.validate.grammar import ANY, ROOT
from teikit.validate.loader import Document, parse

REPO = Path(__file__).resolve().parents[2]

#: Breakages of a valid document: (what is replaced, by what).
BREAKAGES = (
    ("<p>", '<p foo="x">'),  # an undeclared attribute
    ("<p>", "<p><speakr>A</speakr>"),  # an undeclared element
    ("<p>", "<p><sp><p>a</p></sp>"),  # a declared element out of place
    ("<teiHeader>", "<teiHeader><p>h</p>"),  # out of place in the header
    ("</titleStmt>", "</titleStmt><titleStmt><title>t</title></titleStmt>"),  # once only
    ("<p>", '<p><date when="yesterday">d</date>'),  # a bad value
    ("<p>", '<p><note type="footnote" place="nowhere">n</note>'),
)


def corpus() -> list[tuple[str, bytes]]:
    files = sorted((REPO / "tei").glob("*.xml"))
    if not files:
        pytest.skip("needs the source checkout's tei/ corpus")
    docs = [(f.name, f.read_bytes()) for f in files]
    for name, data in list(docs):
        for k, (old, new) in enumerate(BREAKAGES):
            if old.encode() in data:
                docs.append((f"{name}#{k}", data.replace(old.encode(), new.encode(), 1)))
    return docs


def answers(engine: RngEngine, doc: Document) -> list[tuple[int, int, str, str]]:
    return [(p.line, p.column, p.rule, p.message) for p in engine.check(doc)]


def test_grown_warmed_and_per_document_grammars_agree_with_the_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", str(tmp_path))
    path = schema_dir() / "teikit.rng"
    whole = etree.RelaxNG(etree.parse(str(path)))
    docs = [parse(data, name) for name, data in corpus()]
    assert len(docs) > 2 * WARM_BATCH  # a batch that is warmed

    alone = [answers(RngEngine(path), doc) for doc in docs]
    grown = RngEngine(path)
    in_batch = [answers(grown, doc) for doc in docs]
    # a names file that lists every name of the grammar: the least pruned grammar
    g = grown.grammar
    names = frozenset(d.name[1] for d in g.elements if d.name)
    attributes = frozenset(d.name[1] for d in g.attributes if d.name)
    everything = {ROOT: (names, frozenset()), ANY: (names, attributes)}
    grown._names_file.write_bytes(pickle.dumps(everything))
    warmed = RngEngine(path)
    warmed.warm(len(docs))
    assert warmed._seen == everything
    after_warming = [answers(warmed, doc) for doc in docs]

    verdicts = [bool(whole.validate(doc.tree)) for doc in docs]
    assert verdicts.count(True) >= 5 and verdicts.count(False) >= 10
    for doc, ok, one, batch, warm in zip(
        docs, verdicts, alone, in_batch, after_warming, strict=True
    ):
        assert (not one) is ok, doc.name
        assert one == batch == warm, doc.name


def test_a_single_document_is_not_warmed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", str(tmp_path))
    path = schema_dir() / "teikit.rng"
    engine = RngEngine(path)
    engine.check(parse(b'<TEI xmlns="http://www.tei-c.org/ns/1.0"/>', "t.xml"))
    assert engine._names_file.is_file()  # what a batch would start from
    for documents in (1, WARM_BATCH - 1):
        fresh = RngEngine(path)
        fresh.warm(documents)
        assert fresh._current is None
    fresh = RngEngine(path)
    fresh.warm(WARM_BATCH)
    assert fresh._current is not None and fresh._seen == engine._seen


def test_an_unreadable_names_file_is_no_names(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TEIKIT_CACHE", str(tmp_path))
    engine = RngEngine(schema_dir() / "teikit.rng")
    for junk in (b"not a pickle", pickle.dumps({"*": ("a", "b")}), pickle.dumps([1, 2])):
        engine._names_file.write_bytes(junk)
        engine.warm(WARM_BATCH)
        assert engine._current is None
