"""vocab.py is generated from the ODD's closed lists and must never drift from it."""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit.model import vocab, vocab_gen

if TYPE_CHECKING:
    from pathlib import Path


def test_vocab_is_not_stale() -> None:
    lists, source = vocab_gen.current_lists()
    expected = vocab_gen.render(lists, source)
    actual = vocab_gen.VOCAB_PY.read_text(encoding="utf-8")
    assert actual == expected, "vocab.py is stale: run python -m teikit.model.vocab_gen"
    assert vocab_gen.main(["--check"]) == 0


def test_generated_enums_match_their_lists() -> None:
    lists, _ = vocab_gen.current_lists()
    for cl in lists:
        enum = getattr(vocab, cl.name)
        assert [m.value for m in enum] == list(cl.values)
        assert vocab.CLOSED_LISTS[(cl.spec, cl.attribute)] == frozenset(cl.values)


def test_read_odd_takes_closed_lists_only(tmp_path: Path) -> None:
    odd = tmp_path / "x.odd"
    odd.write_text(
        """<TEI xmlns="http://www.tei-c.org/ns/1.0"><text><body><schemaSpec ident="x">
  <elementSpec ident="stamp" mode="change"><attList>
    <attDef ident="type" mode="change"><valList type="closed" mode="replace">
      <valItem ident="classification"/><valItem ident="registry"/></valList></attDef>
    <attDef ident="subtype"><valList type="open"><valItem ident="z"/></valList></attDef>
  </attList></elementSpec>
  <classSpec ident="att.global.responsibility" type="atts" mode="change"><attList>
    <attDef ident="cert" mode="change"><valList type="closed">
      <valItem ident="high"/><valItem ident="low"/></valList></attDef>
  </attList></classSpec>
</schemaSpec></body></text></TEI>""",
        encoding="utf-8",
    )
    lists = vocab_gen.read_odd(odd)
    assert [(c.name, c.spec, c.attribute, c.values) for c in lists] == [
        ("StampType", "stamp", "type", ("classification", "registry")),
        ("Cert", "att.global.responsibility", "cert", ("high", "low")),
    ]
    text = vocab_gen.render(lists, "x.odd")
    assert 'StampTypeValue = Literal["classification", "registry"]' in text
    namespace: dict[str, object] = {}
    exec(compile(text, "vocab.py", "exec"), namespace)
    assert namespace["CLOSED_LISTS"] == {
        ("stamp", "type"): frozenset({"classification", "registry"}),
        ("att.global.responsibility", "cert"): frozenset({"high", "low"}),
    }
