"""Structural corrections in the sidecar: applied on every conversion, recorded with @resp."""

from __future__ import annotations

import pytest
from convert_helpers import NS, body_div, frag, run

from teikit.errors import TeikitError

EDITOR = '[[editor]]\nid = "ed"\nname = "An Editor"\nresp = "structure"\n'

MEMO = """Memorandum

The talks went on for a long time and ended late.

Next steps

We agreed to meet again [former minister] next week.
"""


def _side(*entries: str) -> str:
    return EDITOR + "".join(f"\n[[structure]]\n{e}\n" for e in entries)


def test_a_line_the_editor_calls_a_heading_is_one_with_resp() -> None:
    text = MEMO.replace("Next steps", "next steps:")
    assert body_div(text).find(".//t:head[@resp]", NS) is None
    side = _side('text = "next steps:"\nis = "heading"\nresp = "ed"')
    head = body_div(text, side).find(".//t:head[@resp]", NS)
    assert head is not None
    assert frag(head) == '<head resp="#ed">next steps:</head>'


def test_not_a_heading_keeps_the_line_as_text() -> None:
    side = _side('text = "Next steps"\nis = "not-heading"\nresp = "ed"')
    assert "<head>Next steps</head>" in frag(body_div(MEMO))
    div = body_div(MEMO, side)
    assert "<head>Next steps</head>" not in frag(div)
    assert '<p resp="#ed">Next steps</p>' in frag(div)


def test_a_marking_the_editor_names_is_a_stamp() -> None:
    text = "Memorandum\n\nS/E/C/R/E/T\n\nThe talks went on for a long time and ended late.\n"
    assert body_div(text).find(".//t:fw", NS) is None
    side = _side('text = "S/E/C/R/E/T"\nis = "marking"\nresp = "ed"')
    fw = body_div(text, side).find(".//t:fw", NS)
    assert fw is not None
    assert frag(fw) == (
        '<fw type="header" resp="#ed"><stamp type="classification">S/E/C/R/E/T</stamp></fw>'
    )


def test_a_gloss_is_an_editorial_note_with_resp() -> None:
    side = _side('text = "[former minister]"\nis = "gloss"\nresp = "ed"')
    note = body_div(MEMO, side).find(".//t:note", NS)
    assert note is not None
    assert frag(note) == '<note type="editorial" resp="#ed">former minister</note>'


def test_a_label_that_is_not_a_speaker_opens_no_turn() -> None:
    text = (
        "Anna Berg: One.\n\nCarl Dahl: Two.\n\nAnna Berg: Three.\n\n"
        "Agenda: the next meeting is in May.\n"
    )
    side = _side('text = "Agenda: the next meeting is in May."\nis = "not-speaker"\nresp = "ed"')
    div = body_div(text, side)
    assert [sp.get("who") for sp in div.iterfind("t:sp", NS)] == [
        "#anna-berg",
        "#carl-dahl",
        "#anna-berg",
    ]


def test_an_entry_that_matches_nothing_refuses_at_the_sidecar() -> None:
    side = _side('text = "No such line"\nis = "heading"\nresp = "ed"')
    with pytest.raises(TeikitError) as exc:
        run(MEMO, side)
    assert str(exc.value).startswith("test.sidecar.toml:6:1: structure entry 'No such line'")


def test_a_gloss_that_matches_no_bracket_refuses() -> None:
    side = _side('text = "[nowhere]"\nis = "gloss"\nresp = "ed"')
    with pytest.raises(TeikitError, match="matches no bracket"):
        run(MEMO, side)


def test_unknown_role_is_an_error_of_the_sidecar() -> None:
    side = _side('text = "Next steps"\nis = "title"\nresp = "ed"')
    with pytest.raises(TeikitError, match="'is' must be one of"):
        run(MEMO, side)


def test_sidecar_title_and_date_carry_the_editors_resp() -> None:
    side = EDITOR + '\n[document]\ntitle = "A title"\ndate = "1960-05-03"\n'
    tree = run(MEMO, side).tree
    title = tree.find(".//t:titleStmt/t:title", NS)
    date = tree.find(".//t:creation/t:date", NS)
    assert title is not None and title.get("resp") == "#ed"
    assert date is not None and date.get("resp") == "#ed"
