"""The kind detectors: which words name a kind, and which only mention one."""

from __future__ import annotations

import pytest

from teikit.convert.features import line_features
from teikit.convert.kinds import detect
from teikit.convert.kinds.conversation import recurring_labels
from teikit.convert.kinds.named import named_kind, naming
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
