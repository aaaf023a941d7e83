"""Bad input gives one clear error with file:line:col, never a traceback from lxml."""

from __future__ import annotations

from typing import TYPE_CHECKING

import pytest

import teikit
from teikit.errors import TeikitError
from teikit.model import iter_documents

if TYPE_CHECKING:
    from pathlib import Path


def test_not_tei(tmp_path: Path) -> None:
    f = tmp_path / "x.xml"
    f.write_bytes(b"<?xml version='1.0'?>\n<root/>\n")
    with pytest.raises(TeikitError) as err:
        teikit.load(f)
    assert str(err.value) == f"{f}:2:1: not a TEI document: the root element is <root>"


def test_tei_without_namespace() -> None:
    with pytest.raises(TeikitError) as err:
        teikit.load(b"<TEI><text/></TEI>")
    assert str(err.value) == (
        "<bytes>:1:1: not a TEI document: the root element is <TEI> "
        "(the TEI namespace http://www.tei-c.org/ns/1.0 is missing)"
    )


def test_malformed(tmp_path: Path) -> None:
    f = tmp_path / "bad.xml"
    f.write_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n  <text>\n</TEI>\n')
    with pytest.raises(TeikitError) as err:
        teikit.load(f)
    assert str(err.value).startswith(f"{f}:3:")
    assert "not well-formed XML" in str(err.value)


def test_stream_malformed(tmp_path: Path) -> None:
    f = tmp_path / "bad.xml"
    f.write_bytes(b'<TEI xmlns="http://www.tei-c.org/ns/1.0">\n<div type="document">\n</TEI>')
    with pytest.raises(TeikitError) as err:
        list(iter_documents(f))
    assert str(err.value).startswith(f"{f}:3:")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(TeikitError) as err:
        list(iter_documents(tmp_path / "none.xml"))
    assert str(err.value).startswith(f"{tmp_path / 'none.xml'}: cannot read")


def test_unknown_elements_are_transparent() -> None:
    doc = teikit.load(
        b'<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:x="urn:x"><text><body>'
        b"<p>A <hi>bold</hi> <x:thing>foreign</x:thing> word<seg><unclear>s</unclear></seg>.</p>"
        b"<table><row><cell>one</cell><cell>two</cell></row></table>"
        b"<x:wrapper><p>inside</p></x:wrapper></body></text></TEI>"
    )
    assert doc.text == "A bold foreign words.\n\none\n\ntwo\n\ninside"
