"""Lost text at a page boundary: what is a lost beginning and what only looks like one."""

from __future__ import annotations

import pytest

from teikit.convert.recognizers.pages import (
    Para,
    broken_join,
    compound_rest,
    lost_beginning,
    question_opened,
)
from teikit.convert.zones import Line


def _para(text: str, offset: int = 0) -> Para:
    return Para([Line(text, offset)])


PREV = "The troops of the northern command kept up their activity over the weekend."


@pytest.mark.parametrize(
    ("prev", "nxt", "lost"),
    [
        # a closed sentence, then the rest of another: its beginning was lost
        (PREV, "and the rest of the column went on to the river.", True),
        # a lettered point opens in lower case and begins a point
        (PREV, "b. The most significant action was an attack.", False),
        (PREV, "ii) Troops are still in evidence.", False),
        (PREV, "‘ec. When the smoke cleared, four men were hurt.", False),
        (PREV, "a. -The air of tension dissipated somewhat.", False),
        (PREV, "i -2. Investigation has recently been completed.", False),
        # a point's letter with a comma, or with its stop lost, still opens a point
        (PREV, "b, Twenty exchangees will come from abroad.", False),
        (PREV, "c Noted the statement of the chairman.", False),
        (PREV, "e: To show the belief of the people.", False),
        (PREV, "d.… The present rules have discouraged travel.", False),
        (PREV, "a)—cables show it.", False),
        (PREV, "a review of the column followed.", True),
        # after a semicolon the next member of the series begins in lower case
        (
            "They would mean leaving the alliance;",
            "the provisions on sovereignty go further.",
            False,
        ),
        # a stop set apart by the OCR closes nothing: the sentence goes on
        ("There were no breakthroughs or important victories” .", "and none appear likely.", False),
        ("offered for your information of the office. : in .", "and the rest was sent.", False),
    ],
)
def test_lost_beginning(prev: str, nxt: str, lost: bool) -> None:
    assert lost_beginning(_para(prev), _para(nxt, 1000)) is lost


FRAGMENTS = frozenset({"Brightwater"})


@pytest.mark.parametrize(
    ("nxt", "lost"),
    [
        # a compound's second half opening a paragraph: its first half was lost
        ("Brightwater talks went on past midnight.", True),
        # the word alone is a signature under the last paragraph, nothing lost
        ("Brightwater", False),
        ("Brightwater.", False),
    ],
)
def test_lost_beginning_compound_half(nxt: str, lost: bool) -> None:
    assert lost_beginning(_para(PREV), _para(nxt, 1000), FRAGMENTS) is lost


@pytest.mark.parametrize(
    ("line", "rest"),
    [
        ("Brightwater talks went on.", True),
        ("Brightwater", False),
        ("Harbor talks went on.", False),
    ],
)
def test_compound_rest(line: str, rest: bool) -> None:
    assert compound_rest(line, FRAGMENTS) is rest


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("He stopped. Could we at least agree on", True),
        ("“Would the minister accept", True),
        # an abbreviation's period opens no sentence: the auxiliary asks nothing
        ("The day when the U.S. could choose its preferences", False),
        # a hard wrap began the line mid-sentence
        ("could choose its preferences", False),
        ("He stopped. Could we", False),
    ],
)
def test_question_opened(text: str, question: bool) -> None:
    assert question_opened(text) is question


@pytest.mark.parametrize(
    ("prev", "nxt", "broken"),
    [
        # a question begun before the boundary is closed by a period after it
        ("We asked him. Could the delegation at least", "accept the terms. He said no.", True),
        ("avoid a", "your methods are the issue.", True),
        ("the time when the U.S. could choose its", "course is over. That is all.", False),
    ],
)
def test_broken_join(prev: str, nxt: str, broken: bool) -> None:
    assert broken_join(_para(prev), _para(nxt, 1000)) is broken
