"""Typed pages: paragraphs marked by first-line indents, with no blank line between.

The rule (``recognizers/indents.py``) was learned from typed letters and transcripts of
one archive rendered in that layout: a block of lines at one margin, each paragraph's
first line indented by the same tab stop, a paragraph that fits on a line flush left.
"""

from __future__ import annotations

import pytest
from convert_helpers import body_div, frag

from teikit.convert.recognizers.indents import paragraph_starts


def typed(text: str) -> list[tuple[int, str]]:
    return [(len(ln) - len(ln.lstrip()), ln.strip()) for ln in text.splitlines()]


LETTER = """\
     I write to you about the report of the committee, which came to
me only last week and which I have now read with care.
     The first part of the report deals with the budget. It is well
done, and I have no comment on it beyond what I said in May.
     The second part is another matter. I am afraid that it must be
written again.
Yours sincerely,
"""


def test_first_line_indents_open_paragraphs() -> None:
    # (the closing, after a line that ends short, is a paragraph of its own)
    assert paragraph_starts(typed(LETTER)) == [2, 4, 6]


def test_a_paragraph_that_fits_on_a_line_stands_flush_left() -> None:
    text = (
        "     MR. ROE: The committee will come to order. We have a long\n"
        "agenda before us this morning.\n"
        "MR. DOE: Thank you.\n"
        "     MR. ROE: The first item is the budget, which you have all\n"
        "seen and which I need not read.\n"
        "MR. DOE: Agreed.\n"
    )
    assert paragraph_starts(typed(text)) == [2, 3, 5]


@pytest.mark.parametrize(
    "text",
    [
        # paragraphs apart by blank lines: one paragraph to a block already
        "The committee met on Monday and heard the report of the clerk\non the budget.\n",
        # a quoted block inside a paragraph: every line indented, no first line
        "He read the letter:\n        Dear Sir, we thank you for the\n"
        "        report.\nand sat down.\n",
        # lines of one width that wrap: no line ends short
        "The committee met on Monday and heard the\nreport of the clerk. It found the report\n"
        "sound. It asked for a second one on the\nbudget.\n",
        # one indented line alone is no layout
        "     The committee met on Monday and heard the\nreport of the clerk on the budget\n"
        "for the year to come.\n",
    ],
)
def test_blocks_not_typed_with_first_line_indents_stay_whole(text: str) -> None:
    assert paragraph_starts(typed(text)) == []


def test_a_typed_transcript_becomes_turns() -> None:
    text = (
        "Meeting of the Board of Review\n\n"
        "Conference Room, May 4, 1961\n\n"
        "     MR. ROE: The committee will come to order. We have a long\n"
        "agenda before us this morning, and I will be brief.\n"
        "MR. DOE: Thank you.\n"
        "     MR. ROE: The first item is the budget, which you have all\n"
        "seen and which I need not read to you again today.\n"
        "MR. DOE: Agreed.\n"
    )
    div = body_div(text)
    assert [frag(sp) for sp in div.iter("{http://www.tei-c.org/ns/1.0}sp")] == [
        '<sp who="#roe"><speaker>MR. ROE:</speaker><p>The committee will come to order. '
        "We have a long agenda before us this morning, and I will be brief.</p></sp>",
        '<sp who="#doe"><speaker>MR. DOE:</speaker><p>Thank you.</p></sp>',
        '<sp who="#roe"><speaker>MR. ROE:</speaker><p>The first item is the budget, which '
        "you have all seen and which I need not read to you again today.</p></sp>",
        '<sp who="#doe"><speaker>MR. DOE:</speaker><p>Agreed.</p></sp>',
    ]
