"""Fuzzing the readers of XML: the validator and the typed-model loaders.

Documents are assembled from what hostile or broken XML is made of: XML
declarations with odd encodings, byte-order marks, comments and processing
instructions (``xml-model`` pointing anywhere), DOCTYPEs with internal subsets,
entity declarations and external identifiers, deep nesting, many attributes,
character and entity references, CDATA, stray bytes -- around TEI elements.
Whatever comes in, the result is a report or a located refusal.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from fuzz_helpers import FUZZ, guarded
from hypothesis import given
from hypothesis import strategies as st

import teikit
from teikit.model.stream import iter_documents
from teikit.validate.check import Options, check_file

TEI = "http://www.tei-c.org/ns/1.0"

PROLOG = st.sampled_from(
    [
        "",
        '<?xml version="1.0"?>\n',
        '<?xml version="1.0" encoding="UTF-8"?>\n',
        '<?xml version="1.0" encoding="ISO-8859-1"?>\n',
        '<?xml version="1.0" encoding="UTF-16"?>\n',
        '<?xml version="1.1"?>\n',
        "\ufeff",
        "<!-- a comment -->\n",
        "<!--" + "c" * 70_000 + "-->\n",
        '<?xml-model href="../../../../etc/passwd" schematypens="http://relaxng.org/ns/structure/1.0"?>\n',
        '<?xml-model href="http://127.0.0.1:9/x.rng"?>\n',
        '<?xml-model href="missing.sch"?>\n',
        '<?xml-model href="/etc/hostname"?>\n',
        "<!DOCTYPE TEI>\n",
        '<!DOCTYPE TEI SYSTEM "file:///nonexistent/x.dtd">\n',
        '<!DOCTYPE TEI PUBLIC "-//x//y" "http://127.0.0.1:9/x.dtd">\n',
        '<!DOCTYPE TEI [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>\n',
        '<!DOCTYPE TEI [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n',
        "<!DOCTYPE TEI [<!ELEMENT TEI ANY>]>\n",
    ]
)
NAMES = st.sampled_from(
    ["TEI", "teiHeader", "text", "body", "div", "p", "sp", "speaker", "pb", "note", "x", "a:b"]
)
ATTRS = st.lists(
    st.tuples(
        st.sampled_from(["type", "n", "xml:id", "who", "when", "rend", "xmlns", "xmlns:a", "q"]),
        st.sampled_from(["", "1", "#p", "document", "1951-10-19", TEI, "&amp;", "&#0;", "<"]),
    ),
    max_size=5,
).map(lambda kv: "".join(f' {k}="{v}"' for k, v in kv))
TEXT = st.one_of(
    st.text(max_size=12),
    st.sampled_from(["&amp;", "&lt;", "&#x41;", "&#0;", "&b;", "&x;", "<![CDATA[<x>]]>", "]]>"]),
)


@st.composite
def documents(draw: st.DrawFn) -> bytes:
    depth = draw(st.integers(min_value=0, max_value=300))
    names = [draw(NAMES) for _ in range(min(depth, 6))] or ["TEI"]
    opened = [names[i % len(names)] for i in range(depth)] or ["TEI"]
    head = "".join(f"<{n}{draw(ATTRS)}>{draw(TEXT)}" for n in opened[:1])
    head = head.replace("<TEI", f'<TEI xmlns="{TEI}"', 1)
    middle = "".join(f"<{n}>" for n in opened[1:])
    inner = "".join(draw(st.lists(TEXT, max_size=4)))
    closing = "".join(f"</{n}>" for n in reversed(opened))
    if draw(st.booleans()):  # a truncated or mismatched document
        closing = closing[: draw(st.integers(min_value=0, max_value=len(closing)))]
    text = draw(PROLOG) + head + middle + inner + closing
    encoding = draw(st.sampled_from(["utf-8", "utf-8", "utf-16", "latin-1"]))
    data = text.encode(encoding, errors="replace")
    if draw(st.booleans()):  # a stray byte somewhere
        at = draw(st.integers(min_value=0, max_value=len(data)))
        data = data[:at] + bytes([draw(st.integers(min_value=0, max_value=255))]) + data[at:]
    return data


@FUZZ
@given(documents())
def test_validate_reports_or_refuses(data: bytes) -> None:
    options = Options(xml_model=True)
    result = guarded("validate", data, lambda: check_file("fuzz.xml", options, data=data))
    assert result is not None  # check_file reports problems, it never raises


@FUZZ
@given(documents())
def test_load_reads_or_refuses_at_a_place(data: bytes) -> None:
    guarded("load", data, lambda: teikit.load(data))


@FUZZ
@given(documents())
def test_iter_documents_reads_or_refuses_at_a_place(data: bytes) -> None:
    fd, name = tempfile.mkstemp(suffix=".xml")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        guarded("iter_documents", data, lambda: list(iter_documents(Path(name))))
    finally:
        Path(name).unlink()
