"""The nothing-lost check: what counts as a word, what the output may do with it, where."""

from __future__ import annotations

import pytest
from hardening_helpers import bounded
from lxml import etree

from teikit.convert.integrity import check_nothing_lost, output_words, words
from teikit.convert.source import Source
from teikit.errors import TeikitError

T = "http://www.tei-c.org/ns/1.0"


def tei(body: str, header: str = "") -> etree._Element:
    return etree.fromstring(
        f'<TEI xmlns="{T}"><teiHeader>{header}</teiHeader><text><body>{body}</body></text></TEI>'
    )


def test_words_are_letters_or_digits_case_folded() -> None:
    assert [w for w, _, _ in words("Khrushchev1 said: «NO» (12-b) don't")] == [
        "khrushchev",
        "1",
        "said",
        "no",
        "12",
        "b",
        "don",
        "t",
    ]


def test_decomposed_accents_are_one_word() -> None:
    assert [w for w, _, _ in words("cafe\u0301 cafés")] == ["café", "cafés"]


def test_output_words_include_page_numbers_links_and_markup_keywords() -> None:
    root = tei(
        '<p>a <pb n="12"/>b <ref target="https://example.org/x">c</ref> '
        '<sic>teh</sic> <stamp type="registry">Rec</stamp></p>'
    )
    found = output_words(root)
    assert {w: found[w] for w in ("a", "12", "example", "sic", "stamp", "rec")} == {
        "a": 1,
        "12": 1,
        "example": 1,
        "sic": 1,
        "stamp": 1,
        "rec": 1,
    }


def test_a_complete_output_passes() -> None:
    src = Source.from_text("Stamp: Rec\n\nHello [sic] world, page\n\n12\n", "raw.txt")
    root = tei(
        '<p><stamp type="registry">Rec</stamp></p><p>Hello <sic>world</sic>, page<pb n="12"/></p>'
    )
    check_nothing_lost(src, root)


def test_a_missing_word_is_an_error_at_its_raw_line_and_column() -> None:
    src = Source.from_text("First line here.\n\nSecond   Line lost here.\n", "raw.txt")
    root = tei("<p>First line here.</p><p>Second here.</p>")
    with pytest.raises(TeikitError) as exc:
        check_nothing_lost(src, root)
    assert str(exc.value).startswith(
        "raw.txt:3:10: the conversion lost the word 'Line' (it is not in the TEI output)"
    )


def test_each_occurrence_counts() -> None:
    src = Source.from_text("the cat and the dog\n", "raw.txt")
    with pytest.raises(TeikitError) as exc:
        check_nothing_lost(src, tei("<p>the cat and dog</p>"))
    assert exc.value.location is not None
    assert (exc.value.location.line, exc.value.location.column) == (1, 13)


def test_header_words_count_and_extra_output_words_are_allowed() -> None:
    src = Source.from_text("Original Language:\n\nRussian\n\nBody text.\n", "raw.txt")
    root = tei(
        "<p>Body text, with an editor's addition.</p>",
        header="<p>Dropped: <q>Original Language:</q></p><p>Russian</p>",
    )
    check_nothing_lost(src, root)


def test_the_check_is_linear_on_a_large_input() -> None:
    text = "\n\n".join(f"Paragraph {i} with some words of text." for i in range(50_000))
    src = Source.from_text(text + "\n", "big.txt")
    body = "".join(f"<p>Paragraph {i} with some words of text.</p>" for i in range(50_000))
    root = tei(body)
    with bounded(30):
        check_nothing_lost(src, root)
