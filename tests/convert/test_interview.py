"""Press-conference and interview ``Q.`` / ``A.`` labels: turns only in a transcript."""

from __future__ import annotations

import pytest
from convert_helpers import NS, first, run

from teikit.convert.recognizers.interview import bare_qa, is_qa_transcript, qa_label
from teikit.convert.recognizers.speakers import Label


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Q. Will you go?", Label("Q", ".", 3)),
        ("A: Yes.", Label("A", ":", 3)),
        ("Q.E.D. is Latin.", None),
        ("Quite so.", None),
        ("A.", None),
    ],
)
def test_qa_label(text: str, want: Label | None) -> None:
    assert qa_label(text) == want


@pytest.mark.parametrize(
    ("openings", "want"),
    [
        (["Q. Will you go?", "A. Yes.", "Q. When?", "A. Soon."], True),
        (["Q. Will you go?", "Minister Roe: Yes.", "Q. When?"], True),
        (["Q. Will you go?", "A. Yes."], False),  # one question
        (["A. Our Goals", "Q. Will you go?", "Q. When?", "B. Our Means"], False),  # outline
        (["A. Our Goals", "B. Our Means", "C. Our Ends"], False),
    ],
)
def test_is_qa_transcript(openings: list[str], want: bool) -> None:
    assert is_qa_transcript(openings) is want


PRESS = """Press Conference of the Minister

Minister Roe: I am ready for your questions.

Q. Minister, will the talks go on?

A. They will, as long as both sides wish it.

Q. And the date?

A. Not yet fixed.
"""


def test_press_conference_turns() -> None:
    assert first(PRESS, ".//t:sp[2]") == (
        '<sp who="#questioner"><speaker>Q.</speaker><p>Minister, will the talks go on?</p></sp>'
    )
    tree = run(PRESS).tree
    whos = [sp.get("who") for sp in tree.iterfind(".//t:sp", NS)]
    assert whos == ["#roe", "#questioner", "#respondent", "#questioner", "#respondent"]


def test_an_outline_is_not_a_transcript() -> None:
    text = "Paper\n\nA. Our Goals\n\nThe goals.\n\nB. Our Means\n\nThe means.\n"
    assert run(text).tree.find(".//t:sp", NS) is None


def test_the_person_list_names_the_roles_not_the_letters() -> None:
    assert first(PRESS, ".//t:listPerson") == (
        "<listPerson>"
        '<person xml:id="roe" role="speaker"><persName>Minister Roe</persName></person>'
        '<person xml:id="questioner" role="speaker"><persName>Questioner</persName></person>'
        '<person xml:id="respondent" role="speaker"><persName>Respondent</persName></person>'
        "</listPerson>"
    )


@pytest.mark.parametrize(
    ("text", "bare", "want"),
    [
        ("Q Will you go?", True, Label("Q", "", 2, 0, 1)),
        ("A Yes, I will.", True, Label("A", "", 2, 0, 1)),
        ("Q Will you go?", False, None),
        ("A the rest.", True, None),
        # a title, not speech
        ("A View of the Talks", True, None),
        ("Q. Will you go?", True, Label("Q", ".", 3)),
    ],
)
def test_qa_label_bare(text: str, bare: bool, want: Label | None) -> None:
    assert qa_label(text, bare) == want


@pytest.mark.parametrize(
    ("openings", "want"),
    [
        (["Q Will you go?", "A Yes.", "More.", "Q When?", "A Soon."], True),
        # the article opens prose paragraphs; no question is answered at once
        (["A Soviet note came.", "Q Branch met.", "The talks.", "A French reply."], False),
        (["Q Will you go?", "A Yes."], False),  # one question
    ],
)
def test_bare_qa(openings: list[str], want: bool) -> None:
    assert bare_qa(openings) is want
    assert is_qa_transcript(openings) is want


INTERVIEW = """Interview With the Minister

Q Could I ask about the talks?

A They will go on.

A Soviet note came today, and it changes nothing.

Q And the date?

A Not yet fixed.
"""


def test_interview_turns_without_a_stop() -> None:
    assert first(INTERVIEW, ".//t:sp[1]") == (
        '<sp who="#questioner"><speaker>Q</speaker><p>Could I ask about the talks?</p></sp>'
    )
    tree = run(INTERVIEW).tree
    whos = [sp.get("who") for sp in tree.iterfind(".//t:sp", NS)]
    assert whos == ["#questioner", "#respondent", "#respondent", "#questioner", "#respondent"]
