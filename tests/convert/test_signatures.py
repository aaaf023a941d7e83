"""Signature blocks: a typed name over the signer's office, ending a text."""

from __future__ import annotations

import pytest
from convert_helpers import body_div, frag

from teikit.convert.recognizers.signatures import is_name_line, is_office_line, signature_block


@pytest.mark.parametrize(
    "lines",
    [
        ["R. M. HOLT", "Deputy Director (Plans)"],
        ["Anna Holt", "Secretary"],
        ["John Q. Marsh", "Chief, Western Division"],
        ["/s/ Anna Holt", "Anna Holt", "Assistant Secretary"],
        ["/s/", "Anna Holt"],
        ["/s/ Anna Holt"],
        ["Gen. P. R. Marsh, Jr.", "Commanding General", "Third Army"],
    ],
)
def test_signature_blocks(lines: list[str]) -> None:
    assert signature_block(lines)


@pytest.mark.parametrize(
    "lines",
    [
        ["Anna Holt"],  # a name alone in mixed case looks like a short title
        ["Next Meeting", "The next meeting will be held on Friday."],
        ["Approval of Minutes"],
        ["Assistant Secretary", "Bureau of Mines"],  # an office over a line: no name
        ["Anna Holt", "The Director agreed."],  # a sentence, not an office
        ["Anna Holt", "Secretary", "Treasurer", "Counsel", "Clerk"],  # too long for a block
        ["Anna Holt", "Secretary", "The meeting then closed."],
    ],
)
def test_not_signature_blocks(lines: list[str]) -> None:
    assert not signature_block(lines)


def test_name_and_office_lines() -> None:
    assert is_name_line("Mr. P. J. O'Hara")
    assert not is_name_line("the Director")
    assert is_office_line("Deputy Director (Plans)")
    assert not is_office_line("Director of the meeting, who said so.")


def test_a_memorandum_signed_with_name_and_office() -> None:
    div = body_div(
        "MEMORANDUM FOR THE RECORD\n\n"
        "1. The Committee was briefed by the undersigned.\n\n"
        "2. No questions were raised.\n\n"
        "                                   R. M. HOLT\n"
        "                                   Deputy Director (Plans)\n"
    )
    assert (
        frag(div[-1]) == "<closer><signed>R. M. HOLT<lb/>Deputy Director (Plans)</signed></closer>"
    )


def test_a_cables_signature_before_its_closing_classification() -> None:
    div = body_div(
        "CONFIDENTIAL\n\n"
        "1. The minister received me this morning.\n\n"
        "2. He asked that the dates be fixed by the end of the month.\n\n"
        "HOLT\n\n"
        "CONFIDENTIAL\n"
    )
    assert [frag(el) for el in div[-2:]] == [
        "<closer><signed>HOLT</signed></closer>",
        '<fw type="header"><stamp type="classification">CONFIDENTIAL</stamp></fw>',
    ]
