"""Fuzzing the converter: any text converts (nothing lost, valid TEI) or is refused at a place.

The texts are built from the material recognizers react to -- frame labels,
speaker labels, stamps, brackets (balanced or not, nested), page numbers,
hyphenated line ends, numbered notes, dates, salutations -- mixed with words,
odd characters and very long tokens, so hypothesis explores how they interact.
The converter checks "nothing lost" itself on every conversion; here a
refusal that says a word was lost or the output was invalid is a finding.
"""

from __future__ import annotations

from fuzz_helpers import FUZZ, guarded
from hypothesis import given
from hypothesis import strategies as st

import teikit

WORDS = st.sampled_from(
    [
        "the",
        "party",
        "Comrade",
        "border",
        "delegation",
        "Moscow",
        "question",
        "received",
        "copy",
        "Deciphered",
        "Verified",
        "No.",
        "N°",
        "1951",
        "19",
        "October",
        "Khrushchev",
        "café",
        "Zhou",
        "l'Humanité",
        "naprasno",
    ]
)
MARKUP = st.sampled_from(
    [
        "\n\n",
        "\n",
        "\r\n",
        "\n\n12\n\n",
        "\n\n- 3 -\n\n",
        "\n\n1. ",
        "[1]",
        "[sic]",
        "[Stamp: ",
        "[signature]",
        "[",
        "]",
        "(",
        ")",
        "(Laughter.)",
        "-\n",
        "Original Language:\n\n",
        "Summary:\n\n",
        "Citation:\n\n",
        "Document Information\n\n",
        "\n\nMAO ZEDONG: ",
        "\n\nComrade Li Wei: ",
        "\n\nCde. FILIPPOV!\n\n",
        "\n\nWith comradely greetings,\n\n",
        "TOP SECRET",
        "\n\n***\n\n",
        "\u00a0",
        "\t",
        "**",
        "<https://example.org/document/1>",
        "19 October 1951",
        ":",
        ".",
        ",",
    ]
)
ODD = st.one_of(
    st.text(
        alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
        min_size=1,
        max_size=8,
    ),
    st.integers(min_value=200, max_value=5000).map(lambda n: "x" * n),
    st.integers(min_value=20, max_value=80).map(lambda n: "[" * n + "w" + "]" * n),
)
PIECES = st.one_of(WORDS, WORDS, WORDS, MARKUP, MARKUP, ODD)
TEXTS = st.lists(PIECES, min_size=1, max_size=80).map(" ".join)


@FUZZ
@given(TEXTS)
def test_convert_keeps_every_word_or_refuses_at_a_place(text: str) -> None:
    result = guarded("convert", text, lambda: teikit.convert(text, name="fuzz"))
    if result is not None:
        assert result.data.startswith(b"<?xml")


@FUZZ
@given(TEXTS)
def test_convert_is_deterministic(text: str) -> None:
    def twice() -> bool:
        first = teikit.convert(text, name="fuzz", validate=False).data
        return teikit.convert(text, name="fuzz", validate=False).data == first

    assert guarded("convert-twice", text, twice) in (True, None)
