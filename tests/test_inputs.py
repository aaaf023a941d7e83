"""Every public entry point reads its document argument the same way (lxml's conventions).

A ``str`` or ``os.PathLike`` is a path; content comes as bytes, a file object
or an lxml tree; transcription text only through ``convert(text=...)``. And
nothing checked is never reported as valid.
"""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from lxml import etree

import teikit
from teikit.errors import TeikitError

REPO = Path(__file__).resolve().parent.parent
VALID = REPO / "tests" / "schema" / "valid" / "conversation.xml"
RAW = "ANNA BERG: One.\n\nCARL DAHL: Two.\n\nANNA BERG: Three.\n"


# -- validate: nothing checked is not valid


def test_validate_glob_matching_nothing_raises(tmp_path: Path) -> None:
    with pytest.raises(TeikitError, match="nothing to validate"):
        teikit.validate(str(tmp_path / "nope" / "*.xml"))


def test_validate_empty_directory_raises(tmp_path: Path) -> None:
    with pytest.raises(TeikitError, match="nothing to validate"):
        teikit.validate(tmp_path)


def test_validate_empty_list_raises() -> None:
    with pytest.raises(TeikitError, match="nothing to validate"):
        teikit.validate([])


def test_validate_xml_string_is_refused_with_how_to_pass_it() -> None:
    with pytest.raises(TeikitError, match=r"pass XML content as bytes"):
        teikit.validate('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')


def test_validate_missing_path_is_invalid_not_green(tmp_path: Path) -> None:
    report = teikit.validate(tmp_path / "missing.xml")
    assert not report.valid
    assert report.exit_code() == 2


def test_empty_report_is_not_valid() -> None:
    assert not teikit.Report().valid


# -- validate: every form of one document


def test_validate_path_str_pathlike_bytes_stream_tree_element_agree() -> None:
    data = VALID.read_bytes()
    tree = etree.parse(str(VALID))
    forms: list[object] = [
        str(VALID),
        VALID,
        data,
        io.BytesIO(data),
        tree,
        tree.getroot(),
    ]
    for form in forms:
        report = teikit.validate(form)  # type: ignore[arg-type]
        assert report.valid, (type(form).__name__, report.problems)
        assert len(report.files) == 1


def test_validate_tree_keeps_its_file_name_and_lines() -> None:
    tree = etree.parse(str(VALID))
    body = tree.getroot().find(".//{http://www.tei-c.org/ns/1.0}body")
    assert body is not None
    bad = etree.SubElement(body, "{http://www.tei-c.org/ns/1.0}bogus")
    bad.text = "x"
    report = teikit.validate(tree)
    assert not report.valid
    (problem,) = [p for p in report.problems if "bogus" in p.message]
    assert problem.file == str(VALID)
    assert problem.line > 1


def test_validate_iterable_of_non_paths_is_a_type_error() -> None:
    with pytest.raises(TypeError, match="takes paths"):
        teikit.validate([VALID.read_bytes()])  # type: ignore[list-item]


# -- load


def test_load_accepts_tree_element_stream_and_path() -> None:
    want = teikit.load(VALID).header.title
    tree = etree.parse(str(VALID))
    for form in (str(VALID), tree, tree.getroot(), io.BytesIO(VALID.read_bytes())):
        assert teikit.load(form).header.title == want  # type: ignore[arg-type]


def test_load_xml_string_is_refused() -> None:
    with pytest.raises(TeikitError, match="not a file name"):
        teikit.load('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')


# -- convert


def test_convert_str_is_a_path(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "letter.txt").write_text(RAW, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    by_str = teikit.convert("letter.txt")
    assert by_str.name == "letter"
    assert b"letter.txt" not in by_str.data.split(b"<text", 1)[1]
    assert by_str.data == teikit.convert(Path("letter.txt")).data


def test_convert_missing_path_is_an_error_not_a_document(tmp_path: Path) -> None:
    with pytest.raises(TeikitError, match="cannot read"):
        teikit.convert(str(tmp_path / "letter.txt"))


def test_convert_text_bytes_and_stream_agree() -> None:
    by_text = teikit.convert(text=RAW, name="x").data
    assert teikit.convert(RAW.encode(), name="x").data == by_text
    assert teikit.convert(io.BytesIO(RAW.encode()), name="x").data == by_text


def test_convert_multiline_str_says_use_text() -> None:
    with pytest.raises(TeikitError, match=r"convert\(text=\.\.\.\)"):
        teikit.convert(RAW)


def test_convert_needs_exactly_one_input() -> None:
    with pytest.raises(TypeError):
        teikit.convert()
    with pytest.raises(TypeError):
        teikit.convert(b"x", text="x")


def test_iter_documents_accepts_a_binary_file() -> None:
    with VALID.open("rb") as fh:
        from_file = [d.line for d in teikit.iter_documents(fh, kind="conversation")]
        assert not fh.closed  # the caller's file stays open
    assert from_file == [d.line for d in teikit.iter_documents(VALID, kind="conversation")]
    assert from_file


def test_html_render_reads_documents_like_load() -> None:
    from teikit.html import render

    by_path = render(VALID)
    assert render(VALID.read_bytes()) == by_path
    assert render(etree.parse(str(VALID))) == by_path
    with VALID.open("rb") as fh:
        assert render(fh) == by_path
    with pytest.raises(TeikitError, match="not a file name"):
        render('<TEI xmlns="http://www.tei-c.org/ns/1.0"/>')
