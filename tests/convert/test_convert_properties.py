"""Property-based tests: whatever text an archive hands us, the converter keeps every word
and writes valid TEI, or refuses with a located error, never a traceback.

The generated texts mix the material the recognizers react to (speaker labels, brackets,
page numbers, numbered notes, hyphenated line ends, blank lines, CRLF) with plain words,
so that hypothesis explores their interactions rather than only prose.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from lxml import etree

import teikit
from teikit.errors import TeikitError

# Plain lower-case words only: words the converter turns into markup by design
# ("sic", "stamp", "signature"…) are not generated as content words.
WORDS = st.sampled_from(
    [
        "the",
        "party",
        "letter",
        "meeting",
        "border",
        "comrades",
        "question",
        "answer",
        "telegram",
        "copy",
        "river",
        "north",
        "treaty",
        "press",
        "delegation",
        "zone",
        "officers",
        "report",
        "unity",
        "friendship",
    ]
)
LABELS = st.sampled_from(["PETROV P.P.:", "Comrade Li Wei:", "IVANOV, I.I.:", "The Minister:"]).map(
    lambda label: f"\n\n{label}"
)
PIECES = st.one_of(
    WORDS,
    WORDS,
    WORDS,
    LABELS,
    WORDS.map(lambda w: f"[{w}]"),
    WORDS.map(lambda w: f"({w})"),
    WORDS.map(lambda w: f"{w}-"),
    st.sampled_from(["\n", "\n\n", "\r\n", "\n12\n", "\n1. ", "[1]", ".", ",", "(", "]"]),
)
TEXTS = st.lists(PIECES, min_size=1, max_size=60).map(" ".join)
WORD_RE = re.compile(r"[a-z]{3,}")


def _all_text(tree: etree._ElementTree) -> str:
    root = tree.getroot()
    parts = [" ".join(root.itertext())]
    parts.extend(v for el in root.iter() for v in el.attrib.values())
    return " ".join(parts)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXTS)
@example("\n12\n \n12\n")  # a repeated page number once made the converter write invalid TEI
def test_every_word_survives_and_output_is_valid(text: str) -> None:
    try:
        result = teikit.convert(text=text, name="generated")
    except TeikitError as exc:
        # Refusing is allowed (an empty text, say), but only with a location, and
        # never because the converter itself wrote TEI its own schema rejects.
        assert exc.location is not None, str(exc)
        assert "not valid against the teikit schema" not in exc.message, str(exc)
        return
    out = _all_text(result.tree)
    # A hyphenated line end may be joined with the next word: compare letters only.
    squashed = re.sub(r"[^a-z]", "", out.lower())
    for word in WORD_RE.findall(text.lower()):
        assert word in squashed, f"{word!r} lost"
    assert result.data.startswith(b"<?xml")


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_conversion_is_deterministic(text: str) -> None:
    try:
        first = teikit.convert(text=text, name="generated", validate=False).data
    except TeikitError:
        return
    assert teikit.convert(text=text, name="generated", validate=False).data == first


@settings(max_examples=30, deadline=None)
@given(TEXTS)
def test_line_endings_do_not_change_the_body(text: str) -> None:
    unix = text.replace("\r\n", "\n")
    try:
        a = teikit.convert(text=unix, name="generated", validate=False)
    except TeikitError:
        return
    b = teikit.convert(text=unix.replace("\n", "\r\n"), name="generated", validate=False)
    ns = {"t": "http://www.tei-c.org/ns/1.0"}
    body_a = etree.tostring(a.tree.find(".//t:text", ns))
    body_b = etree.tostring(b.tree.find(".//t:text", ns))
    assert body_a == body_b
