"""The kind detectors: which words name a kind, and which only mention one."""

from __future__ import annotations

import pytest

from teikit.convert.features import line_features
from teikit.convert.kinds import detect
from teikit.convert.kinds.conversation import hearing_cues, hearing_office, recurring_labels
from teikit.convert.kinds.form import instructions
from teikit.convert.kinds.named import continues_sentence, named_kind, naming
from teikit.convert.roles import Score, roles_of


@pytest.mark.parametrize(
    ("line", "word", "expected"),
    [
        ("AIRTEL", "AIRTEL", "title"),
        ("• Teletype", "Teletype", "word"),
        ("Letter From John Smith to Jane Doe", "Letter", "word"),
        ("Your dispatch of February 11th, No. 595, has been", "dispatch", None),
        ("equipment installed together with special circuit and cable", "cable", None),
        ("SECRET MEMORANDUM FOR THE RECORD", "MEMORANDUM", "title"),
        # a cable's sentence typed in capitals uses the name as a word
        ("TRAINED AS A NURSE FOR ONE YEAR STUDY AT THE ACADEMY", "STUDY", None),
        ("THE BOARD SENT ITS REPORT TO THE MINISTER ON MONDAY", "REPORT", None),
        ("SECRET CIA INFORMATION REPORT TELEGRAM", "TELEGRAM", "title"),
        ("OFFICE MEMORANDUM UNITED STATES GOVERNMENT OF THE DAY", "MEMORANDUM", "title"),
    ],
)
def test_naming_tells_a_name_from_a_mention(line: str, word: str, expected: str | None) -> None:
    assert naming(line, line.index(word)) == expected


def _named(text: str) -> tuple[str, str, int] | None:
    return named_kind(line_features(text))


def test_a_name_in_capitals_outranks_an_earlier_option_in_mixed_case() -> None:
    text = "FBI\n\nTRANSMIT VIA:\n\n• Teletype\n\nFacsimile\n\nAIRTEL\n\nTo: Director\n"
    assert _named(text) == ("airtel", "AIRTEL", 9)


def test_a_word_in_running_prose_names_nothing() -> None:
    text = "Sir:\n\nYour dispatch of February 11th has been received here together with it.\n"
    assert _named(text) is None


def test_a_name_broken_by_ocr_across_two_lines() -> None:
    text = "178-10003-10001\nMEMORANDUM FORT\nHE RECORD OF SPECIAL GROUP MEETING\nThere was talk.\n"
    assert _named(text) == ("memorandum-for-record", "MEMORANDUMFORTHERECORD", 2)


def test_a_teletype_by_its_head_without_colons() -> None:
    text = "FBI CITY\n\nURGENT 11-23-63\n\nTO DIRECTOR\n\nFM SAC CITY 1P\n\nSUBJECT SEEN.\n"
    assert _named(text) == ("teletype", "FM SAC", 7)
    # an airtel's or a memorandum's sender field has its colon, and names no teletype
    assert _named("TO: DIRECTOR\n\nFROM: SAC, CITY\n\nSubject seen.\n") is None


def test_the_copy_referring_to_itself() -> None:
    text = "SAC, Field Office\n\nThis letter is for information and record purposes only.\n"
    assert _named(text) == ("letter", "THIS LETTER", 3)


def test_a_title_naming_a_letter_and_a_meeting_record() -> None:
    assert _named("Letter From Jane Doe to John Smith\n\nMay 1, 1979\n") == (
        "letter",
        "LETTER FROM",
        1,
    )
    assert _named("Record of the 1969 Meeting of the Advisory Committee\n") == (
        "minutes",
        "RECORD OF THE 1969 MEETING",
        1,
    )


def test_a_letter_by_its_salutation_sir() -> None:
    doc = line_features("No. 85\n\nDepartment of State\n\nSir:\n\nI have the honour to report.\n")
    kind, score = detect(doc, roles_of(doc))
    assert kind.name == "letter"
    assert "salutation" in score.reason


def test_recurring_labels_count_only_labels_that_come_back() -> None:
    def sp(label: str) -> tuple[str, Score]:
        return ("speaker", Score(0.7, f"opens with a speaker label ({label}:)"))

    once = [sp("STATUS"), sp("CRITERIA"), sp("MAY"), sp("SUBJECT")]
    assert recurring_labels(once) == 0
    dialogue = [sp("Mr. Smith"), sp("Mr. Jones"), sp("MR. SMITH"), sp("Mr. Jones")]
    assert recurring_labels(dialogue) == 2


def test_form_fields_without_an_exchange_are_no_transcript() -> None:
    text = "\n".join(["STATUS: open", "CRITERIA: none", "MAY: 1982", "SUBJECT: a file"] * 1)
    doc = line_features("MEMORANDUM\n\n" + text + "\n\nThe file was read.\n")
    kind, _ = detect(doc, roles_of(doc))
    assert kind.name != "transcript"


def test_the_first_line_is_a_title_whatever_its_case_and_length() -> None:
    text = (
        "Circular Telegram From the Department of State to Certain Diplomatic Missions\n\n"
        "1. Text.\n"
    )
    assert _named(text) == ("telegram", "TELEGRAM", 1)


def test_a_transcript_by_its_title_without_labels() -> None:
    doc = line_features("Transcript of Meeting\n\nThe meeting opened at ten.\n")
    kind, score = detect(doc, roles_of(doc))
    assert kind.name == "transcript"
    assert "TRANSCRIPT" in score.reason


HEARING = (
    "TOP SECRET\n\n"
    "the service in the war years.\n"
    "12 Mr. Ferris. And then did you join the agency?\n"
    "13 Mr. Danvers. That is correct.\n"
    "14 Senator Hollis. You and who?\n"
    "15 Mr. Danvers. I was alone.\n"
    "16 Mr. Ferris. Is that right?\n"
)


def test_a_hearing_by_its_period_labels_is_a_transcript() -> None:
    doc = line_features(HEARING)
    kind, score = detect(doc, roles_of(doc))
    assert kind.name == "transcript"
    assert score == Score(
        0.8,
        "5 lines open with a hearing's label closed by a period (the label Senator Hollis)",
    )


def test_hearing_cues_by_the_records_words_or_labels_alone() -> None:
    labels = ["Mr. Ferris. Did you go?", "Mr. Danvers. I did.", "Mr. Ferris. When?"]
    assert hearing_cues(labels) == Score(0.6, "3 lines open with a label closed by a period")
    sworn = ["Whereupon, the witness was sworn.", *labels]
    assert hearing_cues(sworn) == Score(
        0.8, "3 lines open with a hearing's label closed by a period (sworn)"
    )
    # labels that never recur, or with a colon, are no hearing's
    assert hearing_cues(["Mr. Ferris. Yes.", "Mr. Danvers. No.", "Mr. Hale. Maybe."]) is None
    assert hearing_cues(["Mr. Ferris: Yes.", "Mr. Danvers: No.", "Mr. Ferris: So."]) is None


@pytest.mark.parametrize(
    ("label", "office"),
    [
        ("Senator Hollis", True),
        ("The Chairman", True),
        ("The Witness", True),
        ("Representative Abel", True),
        ("Mr. Ferris", False),
        ("General Ferris", False),
    ],
)
def test_hearing_office(label: str, office: bool) -> None:
    assert hearing_office(label) is office


def test_a_copy_naming_itself_a_record_of_conversation_is_no_transcript() -> None:
    doc = line_features("MEMORANDUM OF CONVERSATION\n\n" + HEARING)
    kind, _ = detect(doc, roles_of(doc))
    assert kind.name == "conversation"


def test_a_dispatch_by_its_printed_fields_before_its_name() -> None:
    text = "SECRET\n\nMARKED FOR INDEXING\nChiefs of all Stations\n\n1. The report follows.\n"
    assert _named(text) == ("dispatch", "MARKED FOR INDEXING", 3)


def test_instructions_for_a_forms_blanks() -> None:
    lines = [
        "To: Jane Roe",
        "(Field Units Use Pseudo) .",
        "10. CURRENT RESIDENCE (City and state or country)",
        "! (Cryptonym of Agent)",
        "(Field Units Use Pseudo)",
        "(Discussion off the record.)",
        "He lived there (Ohio and then Iowa) for years.",
    ]
    assert instructions(lines) == [
        "Field Units Use Pseudo",
        "City and state or country",
        "Cryptonym of Agent",
    ]


def test_a_form_by_the_instructions_for_its_blanks() -> None:
    text = (
        "PREPARATION OF OUTGOING MESSAGES\n\nTo: Jane Roe\n(Field Units Use Pseudo)\n"
        "From: John Doe\n(Name of Office)\n\nMessage No: 2\n(Cryptonym of Agent)\n\n"
        "The message is enclosed.\n"
    )
    doc = line_features(text)
    kind, score = detect(doc, roles_of(doc))
    assert (kind.name, score) == (
        "form",
        Score(0.5, "3 printed instructions for a form's blanks (Field Units Use Pseudo)"),
    )


def test_press_conference_and_interview_titles_name_a_transcript() -> None:
    assert _named("Record of the Minister's Press Conference\n\nQ. Will you go?\n") == (
        "transcript",
        "PRESS CONFERENCE",
        1,
    )
    assert _named("Interview With the Minister\n\nText.\n") == ("transcript", "INTERVIEW WITH", 1)
    # a telegram reporting a press conference stays a telegram
    assert _named("TELEGRAM\n\nAT PRESS CONFERENCE TODAY THE MINISTER SAID\n") == (
        "telegram",
        "TELEGRAM",
        1,
    )


def test_a_name_starting_a_hard_wrapped_prose_line_names_nothing() -> None:
    text = (
        "Ruritania Harvest Board\n\n"
        "The Secretary of the Board said that he had read the final\n"
        "report of the commission and that he found it sound in every part.\n"
    )
    assert _named(text) is None


def test_a_name_after_a_closed_sentence_still_names_the_copy() -> None:
    text = (
        "Ruritania Harvest Board\n\n"
        "The board met in the spring of the year.\nREPORT OF THE COMMISSION\n"
    )
    assert _named(text) == ("report", "REPORT OF", 4)


@pytest.mark.parametrize(
    ("prev", "line", "expected"),
    [
        ("and the Secretary read the final", "Report of the board was sent on", True),
        ("and the Secretary read the final report.", "Report of the board was sent on", False),
        ("FEDERAL BUREAU OF INVESTIGATION", "REPORT OF SPECIAL AGENT", False),
        ("and the Secretary read the final", "REPORT OF BOARD", False),
    ],
)
def test_continues_sentence(prev: str, line: str, expected: bool) -> None:
    assert continues_sentence(prev, line) is expected


def test_a_title_after_a_blank_line_names_the_copy_whatever_the_line_above() -> None:
    text = (
        "Cited in the history of the series of the board, Chapter 10\n\n"
        "Memorandum of Conversation Between Ann Roe and the Board Members\n"
    )
    found = _named(text)
    assert found is not None and found[0] == "conversation"


def test_a_dispatch_heading_its_form_is_a_memorandum_not_a_cable() -> None:
    from teikit.convert import convert

    text = (
        "DISPATCH          CLASSIFICATION\n"
        "                  SECRET\n\n"
        "1. Station contacts during the month were routine.\n\n"
        "2. The new safehouse was occupied on 15 August.\n\n"
        "END OF DISPATCH\n"
    )
    div = convert(text=text, name="t").tree.find(".//{http://www.tei-c.org/ns/1.0}body/*")
    assert div is not None
    assert (div.get("type"), div.get("subtype")) == ("memorandum", "dispatch")
    # the form's closing line is furniture, where the page has it
    ends = [
        el for el in div.iter("{http://www.tei-c.org/ns/1.0}fw") if el.text == "END OF DISPATCH"
    ]
    assert len(ends) == 1
