"""A page break between numbered points stands among the points, not after the list."""

from __future__ import annotations

from convert_helpers import NS, body_div, frag


def test_page_number_between_points_stays_between_them() -> None:
    text = (
        "Memorandum\n\nWashington, July 4, 1956.\n\n"
        "1. The first point is made here in full.\n\n126\n\n"
        "2. The second point follows it.\n"
    )
    lst = body_div(text).find(".//t:list", NS)
    assert lst is not None
    assert frag(lst) == (
        '<list type="numbered"><item n="1">The first point is made here in full.</item>'
        '<pb n="126"/><item n="2">The second point follows it.</item></list>'
    )


def test_lettered_points_after_a_colon_lose_no_text() -> None:
    """``a. Will we`` opens a point: no page break and no lost-text gap before it."""
    text = (
        "Letter\n\nWashington, July 4, 1956.\n\n"
        "The instructions should answer the following questions in their turn:\n\n"
        "a. Will we follow one track or two?\n\n"
        "b. What is our policy on the matter?\n"
    )
    div = body_div(text)
    assert div.findall(".//t:pb", NS) == []
    assert div.findall(".//t:gap", NS) == []


def test_opens_point() -> None:
    from teikit.convert.recognizers.pages import opens_point

    texts = ("a. Will", "(b) the", "iv) Some", "“(c) The", "i.e. the", "and so")
    assert [opens_point(t) for t in texts] == [True, True, True, True, False, False]


def test_a_lower_case_paragraph_after_a_colon_lost_nothing() -> None:
    text = (
        "Memorandum\n\nWashington, July 4, 1956.\n\n"
        "The Under Secretaries unanimously recommend:\n\n"
        "that you authorize the Ambassador to express your regret to the Premier.\n"
    )
    assert body_div(text).findall(".//t:gap", NS) == []
