"""Lists of those present: the pure recognizer, and the list the converter writes."""

from __future__ import annotations

import re

import pytest
from convert_helpers import NS, body_div, frag, run

from teikit.convert.recognizers.participants import (
    Entry,
    ParticipantList,
    find_lists,
    is_group,
    is_label,
    name_span,
    plural_title_entries,
)


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("PARTICIPANTS", True),
        ("Participants:", True),
        ("PARTICIPANTS:", True),
        ("Present:", True),
        ("Also Present:", True),
        ("Participants: Ambassador Roe, Mr. Doe", True),
        ("THOSE ATTENDING THE MEETING WERE:", True),
        ("The following were present:", True),
        ("THOSE ATTENDING THE MEETING", True),
        ("Those attending the meeting", False),
        ("NOTES OF THE MEETING OF THE PRESIDENT WITH", True),
        ("Conversation with:", True),
        ("He met with the minister.", False),
        ("Participants in the talks agreed that it was time.", False),
        ("The members present at the long meeting of the whole council said:", False),
        ("present the plan to the board", False),
        # a title in capitals that opens with the word, no label
        ("PRESENT TRENDS IN THE HARBOUR TRADE", False),
        ("PRESENT SECRETARY OF STATE", True),
    ],
)
def test_is_label(line: str, label: bool) -> None:
    assert (is_label(line) is not None) == label


@pytest.mark.parametrize(
    ("entry", "group"),
    [
        ("United States", True),
        ("Soviet Side:", True),
        ("Members of the Committee:", True),
        ("France", True),
        ("USSR", True),
        ("NSC Staff", True),
        ("The Secretary", False),
        ("Mr. Doe", False),
        ("Jane Roe, Counselor of Embassy", False),
        ("Walt Roe", False),
        ("Ambassador Roe", False),
        ("Under Sec. Roe", False),
    ],
)
def test_is_group(entry: str, group: bool) -> None:
    assert is_group(entry) is group


@pytest.mark.parametrize(
    ("entry", "name"),
    [
        ("Jane Roe, Counselor of Embassy", "Jane Roe"),
        ("EUR—Mr. Roe", "Mr. Roe"),
        ("Mr. Roe—EUR", "Mr. Roe"),
        ("John Doe (notetaker)", "John Doe"),
        ("Mr. J. Doe", "Mr. J. Doe"),
        ("The Secretary", "The Secretary"),
    ],
)
def test_name_span(entry: str, name: str) -> None:
    a, b = name_span(entry)
    assert entry[a:b] == name


def test_a_list_by_paragraph_with_groups_and_a_page_break() -> None:
    blocks: list[list[str] | None] = [
        ["Memorandum of Conversation"],
        ["PARTICIPANTS"],
        ["United States"],
        ["The Secretary"],
        None,
        ["Jane Roe, Counselor"],
        ["The Secretary opened the talks by recalling what had been agreed in May."],
    ]
    assert find_lists(blocks) == [
        ParticipantList(
            label=1,
            label_end=12,
            end=6,
            entries=(
                Entry(((2, 0),), 0, "United States", True),
                Entry(((3, 0),), 0, "The Secretary", False, 0, 13),
                Entry(((5, 0),), 0, "Jane Roe, Counselor", False, 0, 8),
            ),
        )
    ]


def test_a_list_by_line_and_a_hard_wrapped_entry() -> None:
    blocks: list[list[str] | None] = [
        ["Participants:"],
        [
            "Dr. Jane Roe, Chairman",
            "Edwin Doe, Deputy Assistant Secretary of State for Public and Cultural",
            "Affairs",
        ],
        ["The meeting opened at ten and it went on for most of the day."],
    ]
    (found,) = find_lists(blocks)
    assert [(e.text, e.name, e.lines) for e in found.entries] == [
        ("Dr. Jane Roe, Chairman", "Dr. Jane Roe", ((1, 0),)),
        (
            "Edwin Doe, Deputy Assistant Secretary of State for Public and Cultural Affairs",
            "Edwin Doe",
            ((1, 1), (1, 2)),
        ),
    ]
    assert found.end == 2


def test_names_on_the_label_line() -> None:
    (found,) = find_lists([["Participants: Ambassador Roe, Mr. Doe"], ["Ambassador Roe: Yes."]])
    assert [(e.text, e.start, e.end, e.name) for e in found.entries] == [
        ("Ambassador Roe,", 14, 30, "Ambassador Roe"),
        ("Mr. Doe", 30, 0, "Mr. Doe"),
    ]
    (found,) = find_lists([["Present: Jane Roe, Counselor"], ["It was a long meeting, and dull."]])
    assert [e.text for e in found.entries] == ["Jane Roe, Counselor"]


def test_another_field_or_a_remark_ends_the_list() -> None:
    (found,) = find_lists([["PARTICIPANTS"], ["Mr. Roe"], ["SUBJECTS"], ["Defense"]])
    assert (found.end, [e.text for e in found.entries]) == (2, ["Mr. Roe"])
    (found,) = find_lists([["Present:"], ["Mr. Roe"], ["(Note: see also the other record)"]])
    assert found.end == 2


def test_a_topic_heading_after_the_names_is_not_a_name() -> None:
    blocks: list[list[str] | None] = [
        ["PARTICIPANTS"],
        ["Mr. Roe"],
        ["Possible Visit by Mayor Doe to Geneva"],
        ["1. Mr. Roe said that the mayor of the city had come back to the conference."],
    ]
    (found,) = find_lists(blocks)
    assert (found.end, [e.text for e in found.entries]) == (2, ["Mr. Roe"])


def test_a_block_leaves_the_list_whole() -> None:
    # the wrapped rest of an entry (a place after the name) reads as a group: it may not
    # end the list alone, leaving the block's other line written and itself lost
    blocks: list[list[str] | None] = [
        ["Participants:"],
        ["Mr. Jon Roe, Professor of Law, Farland", "University"],
        ["Dr. Ann Doe, Professor of History, the", "Farland College of Arts", "Noted by: A. Poe"],
    ]
    assert find_lists(blocks) == []
    blocks[1] = ["Mr. Jon Roe, Counselor", "Mr. Tom Poe"]
    (found,) = find_lists(blocks)
    assert (found.end, [e.text for e in found.entries]) == (
        2,
        ["Mr. Jon Roe, Counselor", "Mr. Tom Poe"],
    )


def test_the_converter_keeps_every_word_of_a_wrapped_list() -> None:
    text = (
        "Participants:\n      Mr. Jon Roe, Professor of Law, Farland\nUniversity\n"
        "Dr. Ann Doe, Professor of History, the\nFarland College of Arts\nNoted by: A. Poe\n"
    )
    words = re.findall(r"\w+", " ".join(body_div(text).itertext()))
    assert words == re.findall(
        r"\w+",
        "Participants: Mr. Jon Roe, Professor of Law, Farland University "
        "Dr. Ann Doe, Professor of History, the Farland College of Arts Noted by: A. Poe",
    )


def test_no_list_without_a_person() -> None:
    assert find_lists([["PARTICIPANTS"], ["United States"], ["It was agreed that we go on."]]) == []
    assert find_lists([["Participants"], None]) == []


def test_the_converter_writes_a_list_and_the_persons() -> None:
    text = (
        "Memorandum of Conversation\n\nWashington, May 4, 1961.\n\n"
        "PARTICIPANTS\n\nUnited States\n\nThe Secretary\n\nJane Roe, Counselor\n\n"
        "The Secretary opened the talks by recalling what had been agreed in May.\n"
    )
    lst = body_div(text).find("t:list", NS)
    assert lst is not None
    assert frag(lst) == (
        '<list type="participants"><head>PARTICIPANTS</head><item>United States</item>'
        '<item><persName ref="#secretary">The Secretary</persName></item>'
        '<item><persName ref="#jane-roe">Jane Roe</persName>, Counselor</item></list>'
    )
    persons = run(text).tree.findall(".//t:particDesc/t:listPerson/t:person", NS)
    assert [frag(p) for p in persons] == [
        '<person xml:id="secretary" role="participant"><persName>The Secretary</persName></person>',
        '<person xml:id="jane-roe" role="participant"><persName>Jane Roe</persName></person>',
    ]


def test_names_under_a_plural_title() -> None:
    line = "Present: Senators Roe, Doe and Poe."
    entries = plural_title_entries(0, line, len("Present: "))
    assert entries is not None
    assert [(e.text, e.name) for e in entries] == [
        ("Senators Roe, ", "Roe"),
        ("Doe and ", "Doe"),
        ("Poe.", "Poe"),
    ]
    # a phrase after the names keeps them one entry
    assert plural_title_entries(0, "Messrs. Roe and Doe of the Treasury", 0) is None
    assert plural_title_entries(0, "Senator Roe", 0) is None


def test_the_converter_writes_each_name_under_a_plural_title() -> None:
    div = body_div(
        "Present: Senators Roe, Doe and Poe.\n\n"
        "Senator ROE. The Committee will come to order.\n\n"
        "Senator DOE. Thank you.\n\n"
        "Senator ROE. We begin.\n"
    )
    lst = div.find("t:list", NS)
    assert lst is not None
    assert frag(lst) == (
        '<list type="participants"><head>Present:</head>'
        '<item>Senators <persName ref="#roe">Roe</persName>,</item>'
        '<item><persName ref="#doe">Doe</persName> and</item>'
        '<item><persName ref="#poe">Poe</persName>.</item></list>'
    )
    assert [sp.get("who") for sp in div.iterfind("t:sp", NS)] == ["#roe", "#doe", "#roe"]
