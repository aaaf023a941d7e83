"""Lost text at a page boundary: what is a lost beginning and what only looks like one."""

from __future__ import annotations

import pytest

from teikit.convert.recognizers.pages import Para, lost_beginning
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
