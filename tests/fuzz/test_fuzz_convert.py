"""Fuzzing the converter: any text converts (nothing lost, valid TEI) or is refused at a place.

The texts are built from the material recognizers react to -- frame labels,
speaker labels, stamps, brackets (balanced or not, nested), page numbers,
hyphenated line ends, numbered notes, dates, salutations -- mixed with words,
odd characters and very long tokens, so hypothesis explores how they interact.
The converter checks "nothing lost" itself on every conversion; here a
refusal that says a word was lost or the output was invalid is a finding.
"""

from __future__ import annotations

from pathlib import Path

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
    result = guarded("convert", text, lambda: teikit.convert(text=text, name="fuzz"))
    if result is not None:
        assert result.data.startswith(b"<?xml")


@FUZZ
@given(TEXTS)
def test_convert_is_deterministic(text: str) -> None:
    def twice() -> bool:
        first = teikit.convert(text=text, name="fuzz", validate=False).data
        return teikit.convert(text=text, name="fuzz", validate=False).data == first

    assert guarded("convert-twice", text, twice) in (True, None)


_RAW = Path(__file__).resolve().parents[2] / "tei" / "raw"
#: Real transcriptions, as lists of lines: windows of them keep real layouts.
CORPUS = [p.read_text(encoding="utf-8").splitlines() for p in sorted(_RAW.glob("*.txt"))]


@st.composite
def real_windows(draw: st.DrawFn) -> str:
    """A window of a real transcription, with a few lines dropped, doubled or spliced in."""
    lines = draw(st.sampled_from(CORPUS))
    start = draw(st.integers(min_value=0, max_value=max(len(lines) - 1, 0)))
    size = draw(st.integers(min_value=1, max_value=120))
    window = list(lines[start : start + size])
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        at = draw(st.integers(min_value=0, max_value=len(window)))
        action = draw(st.sampled_from(["drop", "double", "markup", "other"]))
        if action == "drop" and window:
            del window[min(at, len(window) - 1)]
        elif action == "double" and window:
            window.insert(at, window[min(at, len(window) - 1)])
        elif action == "markup":
            window.insert(at, draw(MARKUP).strip("\n"))
        else:
            other = draw(st.sampled_from(CORPUS))
            window.insert(at, other[draw(st.integers(min_value=0, max_value=len(other) - 1))])
    return "\n".join(window) + "\n"


@FUZZ
@given(real_windows())
def test_windows_of_real_transcriptions_keep_every_word(text: str) -> None:
    guarded("convert-real", text, lambda: teikit.convert(text=text, name="fuzz"))
