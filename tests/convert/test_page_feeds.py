"""Pages marked by form feeds (PDF text, OCR dumps) and by a transcriber's page labels."""

from __future__ import annotations

from convert_helpers import body_div, frag

from teikit.convert.recognizers.pages import PAGE_LABEL_RE
from teikit.convert.source import Transcription


def test_a_form_feed_is_a_space_in_its_column_and_a_page_turn() -> None:
    src = Transcription.from_text("one\n\x0ctwo\nthree\x0c\n")
    assert src.text == "one\n two\nthree \n"
    assert src.page_feeds == (4, 14)
    assert src.line_col(5) == (2, 2)  # the lines and columns an editor sees stay put


def test_feeds_turn_pages_between_paragraphs_and_inside_one() -> None:
    div = body_div(
        "The delegation arrived on Monday and was received at noon. The talks\n"
        "continued on Tuesday, when\n"
        "\x0cthe minister raised the question of the loan.\n\n"
        "On Wednesday the delegation left.\n"
        "\x0c\n"
        "No communique was issued.\n\x0c"
    )
    assert [frag(el) for el in div] == [
        "<p>The delegation arrived on Monday and was received at noon. The talks continued"
        " on Tuesday, when <pb/>the minister raised the question of the loan.</p>",
        "<p>On Wednesday the delegation left.</p>",
        "<pb/>",
        "<p>No communique was issued.</p>",
    ]


def test_page_labels() -> None:
    for label, n in [
        ("[Page 3]", "3"),
        ("--- Page 12 ---", "12"),
        ("(p. 4)", "4"),
        ("PAGE 5", "5"),
    ]:
        m = PAGE_LABEL_RE.match(label)
        assert m is not None and m.group(1) == n
    for text in ["Page 3 of the report", "[Page]", "page three"]:
        assert PAGE_LABEL_RE.match(text) is None


def test_a_transcribers_page_labels_are_page_breaks() -> None:
    div = body_div(
        "The consul reported that the harbor was closed.\n\n[Page 2]\n\n"
        "He added that the governor had left.\n\n[Page 3]\n\nNo reply was sent.\n"
    )
    assert [frag(el) for el in div] == [
        "<p>The consul reported that the harbor was closed.</p>",
        '<pb n="2"/>',
        "<p>He added that the governor had left.</p>",
        '<pb n="3"/>',
        "<p>No reply was sent.</p>",
    ]
