"""The corpus person registry: one person, one id across documents."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from teikit.cli import main
from teikit.corpus import build_registry, load_registry, read_edits
from teikit.corpus.registry import write_registry
from teikit.errors import TeikitError

TEI = "http://www.tei-c.org/ns/1.0"


def _doc(persons: list[tuple[str, str, str | None]], turns: list[tuple[str, str]]) -> str:
    people = "".join(
        f'<person xml:id="{pid}"><persName>{label}</persName>'
        + (f'<persName type="full" resp="#ed">{full}</persName>' if full else "")
        + "</person>"
        for pid, label, full in persons
    )
    sps = "".join(
        f'<sp who="#{who}"><speaker>{who}:</speaker><p>{text}</p></sp>' for who, text in turns
    )
    return (
        f'<TEI xmlns="{TEI}"><teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>'
        "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
        f"</fileDesc><profileDesc><particDesc><listPerson>{people}</listPerson></particDesc>"
        f'</profileDesc></teiHeader><text><body><div type="conversation">{sps}</div></body>'
        "</text></TEI>"
    )


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    (tmp_path / "a.xml").write_text(
        _doc(
            [("smith-j", "DR. SMITH", "John Smith"), ("lee-k", "MR. LEE", None)],
            [("smith-j", "First words."), ("lee-k", "A reply."), ("smith-j", "Second words.")],
        ),
        encoding="utf-8",
    )
    (tmp_path / "b.xml").write_text(
        _doc(
            [("john-smith", "Smith", "John Smith"), ("lee-k", "Lee", None)],
            [("john-smith", "Later words."), ("lee-k", "Another reply.")],
        ),
        encoding="utf-8",
    )
    (tmp_path / "c.xml").write_text(
        _doc([("lee-k", "Kim Lee", None)], [("lee-k", "Not the same Lee.")]), encoding="utf-8"
    )
    return tmp_path


def _ids(people: list) -> dict[str, list[str]]:  # type: ignore[type-arg]
    return {p.id: [o.pointer for o in p.occurrences] for p in people}


def test_persons_sharing_an_id_or_a_full_name_are_one(corpus: Path) -> None:
    people = build_registry(sorted(corpus.glob("*.xml")), base=corpus)
    # The id used most often wins; a tie goes to the first in alphabetical order.
    assert _ids(people) == {
        "lee-k": ["a.xml#lee-k", "b.xml#lee-k", "c.xml#lee-k"],
        "john-smith": ["a.xml#smith-j", "b.xml#john-smith"],
    }
    smith = next(p for p in people if "a.xml#smith-j" in [o.pointer for o in p.occurrences])
    assert smith.names == ("John Smith", "DR. SMITH", "Smith")


def test_the_order_of_the_documents_does_not_matter(corpus: Path) -> None:
    files = sorted(corpus.glob("*.xml"))
    assert build_registry(files, base=corpus) == build_registry(files[::-1], base=corpus)


def test_editors_split_and_merge_with_resp(corpus: Path) -> None:
    edits = corpus / "persons.toml"
    edits.write_text(
        '[[editor]]\nid = "ed-reg"\nname = "A. Editor"\n\n'
        '[[split]]\nperson = "c.xml#lee-k"\nresp = "ed-reg"\n\n'
        '[[merge]]\npersons = ["a.xml#smith-j", "b.xml#john-smith"]\nid = "smith-john"\n'
        'resp = "ed-reg"\n',
        encoding="utf-8",
    )
    people = build_registry(sorted(corpus.glob("*.xml")), read_edits(edits), base=corpus)
    assert _ids(people) == {
        "lee-k": ["a.xml#lee-k", "b.xml#lee-k"],
        "lee-k-2": ["c.xml#lee-k"],
        "smith-john": ["a.xml#smith-j", "b.xml#john-smith"],
    }
    assert {p.id: p.resp for p in people} == {
        "lee-k": None,
        "lee-k-2": "ed-reg",
        "smith-john": "ed-reg",
    }


def test_the_registry_is_tei_and_answers_every_speech_of_a_person(corpus: Path) -> None:
    out = corpus / "registry" / "persons.xml"
    out.parent.mkdir()
    assert main(["persons", "build", *map(str, sorted(corpus.glob("*.xml"))), "-o", str(out)]) == 0
    root = etree.parse(str(out)).getroot()
    ptrs = [p.get("target") for p in root.iter(f"{{{TEI}}}ptr")]
    assert "../a.xml#smith-j" in ptrs
    registry = load_registry(out)
    smith = registry.of(corpus / "b.xml", "#john-smith")
    assert smith is not None
    said = [(Path(doc.source_name).name, sp.text) for doc, sp in registry.speeches(smith.id)]
    assert said == [
        ("a.xml", "First words."),
        ("a.xml", "Second words."),
        ("b.xml", "Later words."),
    ]


def test_edits_that_name_nothing_are_errors(corpus: Path) -> None:
    edits = corpus / "persons.toml"
    edits.write_text(
        '[[editor]]\nid = "ed"\nname = "E"\n[[split]]\nperson = "x.xml#nobody"\nresp = "ed"\n',
        encoding="utf-8",
    )
    with pytest.raises(TeikitError, match=r"x.xml#nobody, which no document has"):
        build_registry(sorted(corpus.glob("*.xml")), read_edits(edits), base=corpus)
    edits.write_text('[[split]]\nperson = "a.xml#lee-k"\nresp = "nobody"\n', encoding="utf-8")
    with pytest.raises(TeikitError, match="not an \\[\\[editor\\]\\] id"):
        read_edits(edits)
    edits.write_text("[[mergee]]\n", encoding="utf-8")
    with pytest.raises(TeikitError, match="unknown section"):
        read_edits(edits)


def test_the_written_registry_is_valid_tei_all(corpus: Path) -> None:
    from teikit import validate

    out = corpus / "persons.xml"
    write_registry(build_registry(sorted(corpus.glob("?.xml")), base=corpus), out)
    report = validate(out, "tei_all")
    assert report.valid, [p.message for p in report.problems]


def test_the_bundled_corpus_registry_is_current(tmp_path: Path) -> None:
    from teikit.resources import repo_root

    root = repo_root()
    if root is None:
        pytest.skip("needs the source checkout's tei/ corpus")
    committed = root / "tei" / "corpus" / "persons.xml"
    docs = sorted((root / "tei").glob("*.xml"))
    edits_file = root / "tei" / "corpus" / "persons.toml"
    edits = read_edits(edits_file) if edits_file.is_file() else None
    fresh = tmp_path / "corpus" / "persons.xml"
    fresh.parent.mkdir()
    write_registry(build_registry(docs, edits, base=committed.parent), fresh, edits)
    assert fresh.read_bytes() == committed.read_bytes(), (
        "tei/corpus/persons.xml is stale: run "
        "`teikit persons build tei/*.xml --edits tei/corpus/persons.toml -o tei/corpus/persons.xml`"
    )
