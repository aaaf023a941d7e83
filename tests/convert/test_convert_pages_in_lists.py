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
