"""Letters: the salutation in each style, and a memorandum that opens like a letter."""

from __future__ import annotations

import pytest
from convert_helpers import body_div, frag

from teikit.convert.assemble.prose import has_a_word
from teikit.convert.recognizers.letters import salute_at


@pytest.mark.parametrize(
    ("line", "salute"),
    [
        ("Dear Mr. Secretary:", "Dear Mr. Secretary:"),
        ("Dear Ann,", "Dear Ann,"),
        ("Dear comrades!", "Dear comrades!"),
        ("Dear. Jonah, regarding your letter", "Dear. Jonah,"),  # an OCR stop after Dear
        ("Sir:", "Sir:"),
        ("Dear Sir: your letter of May 2 has come.", "Dear Sir:"),
    ],
)
def test_salutations_in_british_and_american_styles(line: str, salute: str) -> None:
    assert line[: salute_at(line)] == salute


@pytest.mark.parametrize(
    "line",
    ["Dearborn, Michigan", "Dear friends of the 10:30 train", "The Dear Leader said:"],
)
def test_lines_that_are_no_salutation(line: str) -> None:
    assert salute_at(line) == 0


LETTER = """\
Letter From the Consul in Ruritania to the Secretary of State

Strelsau, May 4, 1962.

Source: Department of State, Central Files. Confidential.

Dear Mr. Secretary:

I have the honor to report on the harvest.

Sincerely,

Anton Rask
"""


def test_an_edition_letter_keeps_its_title_dateline_and_source_note() -> None:
    div = body_div(LETTER)
    assert div.get("type") == "letter"
    assert [frag(c).split(">")[0] + ">" for c in div] == [
        "<head>",
        "<dateline>",
        "<p>",
        '<div type="message">',
    ]
    assert frag(div[2]) == (
        "<p>Source: Department of State, Central Files. "
        '<stamp type="classification">Confidential.</stamp></p>'
    )
    assert frag(div[3][0]) == "<opener><salute>Dear Mr. Secretary:</salute></opener>"


MEMO = """\
Memorandum From the Chief of the Division to the Secretary of State

March 26, 1925.

Dear Mr. Secretary:

The attached memorandum states the principles of the series.

TD
"""


def test_a_memorandum_that_opens_like_a_letter_is_still_a_memorandum() -> None:
    div = body_div(MEMO)
    assert div.get("type") == "memorandum"
    assert frag(div.find("{http://www.tei-c.org/ns/1.0}opener")) == (
        '<opener><dateline><date when="1925-03-26">March 26, 1925</date>.</dateline>'
        "<salute>Dear Mr. Secretary:</salute></opener>"
    )


def test_a_telegram_that_carries_a_letter_is_a_telegram() -> None:
    text = (
        "Telegram From the Department of State to the Embassy in Ruritania\n\n"
        "Washington, May 4, 1962.\n\n"
        "Please deliver the following message from the President:\n\n"
        "Dear Mr. Prime Minister:\n\nI write to you about the harvest.\n\nSincerely,\n\nJohn Roe\n"
    )
    assert body_div(text).get("type") == "telegram"


def test_a_memorandum_of_a_conversation_names_a_conversation() -> None:
    text = (
        "Memorandum of a Conversation Between A. Roe and B. Doe, Washington\n\n"
        "Washington, May 4, 1962.\n\nMr. Roe said that the harvest was good.\n"
    )
    assert body_div(text).get("type") == "conversation"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("21 Wa US/82/71", False),
        ("No. 85", False),
        ("Attached Memorandum", True),
        ("NOTES", True),
        ("Letter to d'Arcy", True),
    ],
)
def test_a_title_holds_a_word(text: str, expected: bool) -> None:
    assert has_a_word(text) is expected


def test_a_salutation_deep_inside_another_document_makes_no_letter() -> None:
    prose = "".join(f"The committee read item {k} and approved it.\n\n" for k in range(45))
    text = (
        "Review of Contracts\n\n"
        + prose
        + "Dear Mr. Roe,\n\nThe contract is enclosed.\n\n"
        + "".join(f"Item {k} was checked by the clerk.\n\n" for k in range(12))
    )
    assert body_div(text).get("type") != "letter"


def test_the_addressee_field_of_a_memorandum_head_opens_no_letter() -> None:
    div = body_div(
        "TO: Director of Central Intelligence\n"
        "FROM: Deputy Director (Plans)\n"
        "SUBJECT: Briefing of the Committee\n\n"
        "1. The Committee was briefed by the undersigned.\n\n"
        "2. No questions were raised.\n"
    )
    assert [frag(el) for el in div[:3]] == [
        "<p>TO: Director of Central Intelligence</p>",
        "<p>FROM: Deputy Director (Plans)</p>",
        "<p>SUBJECT: Briefing of the Committee</p>",
    ]
    assert div.find("{http://www.tei-c.org/ns/1.0}div") is None
