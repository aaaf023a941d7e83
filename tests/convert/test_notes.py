"""Endnotes and their markers: the pure recognizers, and whole documents converted."""

from __future__ import annotations

import pytest
from convert_helpers import body_div, frag, run
from lxml import etree

from teikit.convert import convert
from teikit.convert.recognizers.footnotes import (
    below_rule,
    endnote_region,
    is_note_region,
    locate_markers,
    note_number,
)
from teikit.xmlio import TEI_NS

T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"


def test_note_line_styles() -> None:
    assert note_number("[3] See Document 4.") == ("3", 4)
    assert note_number("3. See Document 4.") == ("3", 3)
    assert note_number("3 See Document 4.") == ("3", 2)
    # a number that begins a wrapped line of text is not a note
    assert note_number("113), Box 2, FRUS") is None
    assert note_number("1988 note to the file") is None


def test_superscript_note_lines() -> None:
    # typeset editions and web pages print note numbers as superscripts, glued or spaced
    assert note_number("¹ See Document 4.") == ("1", 2)
    assert note_number("¹²Not printed.") == ("12", 2)
    assert note_number("¹ ²") is None


def test_superscript_markers_are_found_where_they_stand() -> None:
    lines = [(0, "The survey of your property.¹ The party will come.²"), (60, "As before.³")]
    assert locate_markers(lines, ["1", "2", "3"]) == {28: "1", 50: "2", 70: "3"}


def test_region_stops_where_numbers_start_again() -> None:
    paras = [
        ["Body text.1 More text.2"],
        ["1. First point of the body."],
        ["2. Second point of the body."],
        ["1 First endnote."],
        ["2 Second endnote,", "wrapped over two lines."],
    ]
    region = endnote_region(paras)
    assert region is not None
    assert region.first == 3
    assert region.numbers == ["1", "2"]


def test_region_with_notes_heading_and_several_notes_per_paragraph() -> None:
    paras = [["Text.[1] More.[2]"], ["NOTES"], ["1. One.", "2. Two, which", "wraps."]]
    region = endnote_region(paras)
    assert region is not None
    assert (region.first, region.head, region.numbers) == (1, 1, ["1", "2"])
    assert [(s.para, s.line) for s in region.starts] == [(2, 0), (2, 1)]


def test_markers_in_order_skip_numbers_before_the_previous_marker() -> None:
    lines = [
        (0, "in file 116.2 the papers were"),
        (40, "closed to researchers.1 Later, in"),
        (80, "September 1945 to December 31, 1913.2 With"),
    ]
    found = locate_markers(lines, ["1", "2"])
    first = 40 + lines[1][1].index(".1") + 1
    second = 80 + lines[2][1].index(".2") + 1
    assert found == {first: "1", second: "2"}


def test_markers_glued_to_punctuation_and_spaced() -> None:
    lines = [(0, "as he said in conversation.)1 Then"), (100, "[2] was"), (200, "the UN 4")]
    found = locate_markers(lines, ["1", "2", "4"])
    assert sorted(found.values()) == ["1", "2", "4"]
    assert 200 + 7 in found
    # numbers after words that take a number are not markers
    assert locate_markers([(0, "see page 4 and Box 4")], ["4"]) == {}


def test_numbered_list_without_markers_is_not_notes() -> None:
    region = endnote_region([["We recommend:"], ["1. Do this."], ["2. Do that."]])
    assert region is not None
    assert not is_note_region(region, 0)


def _tei(text: str) -> etree._Element:
    return convert(text=text, name="doc").tree.getroot()


def test_endnotes_after_signature_and_rule_are_linked() -> None:
    root = _tei(
        "Memorandum for the Record1\n\n"
        "The meeting discussed access.2 Nothing was decided.\n\n"
        "John Smith\n\n"
        "__________\n\n"
        "1 Source: Department files, Box 2.\n\n"
        "2 The files are not printed.\n"
    )
    refs = [(r.get("target"), r.text) for r in root.iter(f"{T}ref")]
    assert refs == [("#fn1", "1"), ("#fn2", "2")]
    notes = [(n.get(XML_ID), n.get("n")) for n in root.iter(f"{T}note")]
    assert notes == [("fn1", "1"), ("fn2", "2")]


def test_superscript_notes_of_a_letter_are_linked_not_signed() -> None:
    # the notes after a closer are notes, not lines of the signature
    text = (
        "Dear Mrs. Roe:\n\n"
        "Thank you for your letter.¹ The party will visit in June.²\n\n"
        "Sincerely yours,\n\n"
        "Jane Doe\n\n"
        "¹ Not printed.\n"
        "² The visit took place.\n"
    )
    div = body_div(text)
    assert frag(div.find(f".//{T}p")) == (
        '<p>Thank you for your letter.<ref type="footnote" target="#fn1">¹</ref> '
        'The party will visit in June.<ref type="footnote" target="#fn2">²</ref></p>'
    )
    notes = run(text).tree.find(f".//{T}back/{T}div")
    assert frag(notes) == (
        '<div type="notes">'
        '<note type="footnote" xml:id="fn1" n="1">Not printed.</note>'
        '<note type="footnote" xml:id="fn2" n="2">The visit took place.</note>'
        "</div>"
    )


def test_body_points_beside_endnotes_with_the_same_numbers() -> None:
    root = _tei(
        "Instructions\n\n"
        "The mission2 is set out below.1\n\n"
        "1. Go to the capital.\n\n"
        "2. Report by cable.\n\n"
        "1. Not printed.\n\n"
        "2. See Document 4.\n"
    )
    items = [i.get("n") for i in root.iter(f"{T}item")]
    assert items == ["1", "2"]
    assert [n.get("n") for n in root.iter(f"{T}note") if n.get("type") == "footnote"] == [
        "1",
        "2",
    ]


def test_unanchored_note_is_kept_flagged_and_the_document_is_valid() -> None:
    result = convert(
        text="Memorandum\n\nText with a marker.1 And more text.[3]\n\n"
        "[1] The first note.\n\n[2] A note whose marker is missing.\n\n[3] Another.\n",
        name="doc",
    )
    root = result.tree.getroot()
    notes = [n for n in root.iter(f"{T}note") if n.get("type") == "footnote"]
    assert [n.get("n") for n in notes] == ["1", "2", "3"]
    doubts = [(u.line, u.column, u.message) for u in result.report.uncertainties]
    assert any(line == 7 and col == 1 and "note 2" in msg for line, col, msg in doubts)


def test_notes_heading_goes_with_the_notes() -> None:
    root = _tei("Study\n\nIt was so.[1]\n\nNOTES\n\n1. Spaulding, p. 33.\n")
    back = root.find(f"{T}text/{T}back/{T}div")
    assert back is not None
    assert etree.tostring(back, encoding="unicode").count(">NOTES</head>") == 1


def test_a_number_listed_twice_links_each_note_to_its_own_marker() -> None:
    root = _tei(
        "Memo\n\nFirst.[1] Second.[2] Again.[2]\n\n[1] One.\n\n[2] Two.\n\n[2] Two again.\n"
    )
    refs = [r.get("target") for r in root.iter(f"{T}ref")]
    assert refs == ["#fn1", "#fn2", "#fn2-2"]
    ids = [n.get(XML_ID) for n in root.iter(f"{T}note") if n.get("type") == "footnote"]
    assert ids == ["fn1", "fn2", "fn2-2"]


def test_a_marker_after_a_numbers_comma() -> None:
    lines = [(0, "In telegram 40532,6 the Embassy said 1,000 men.")]
    assert locate_markers(lines, ["6"], spaced=False) == {18: "6"}
    assert locate_markers(lines, ["0"], spaced=False) == {}


def test_a_body_point_above_a_note_of_the_same_number_stays_in_the_body() -> None:
    root = _tei(
        "Memorandum\n\n"
        "1. The mission went to the capital.1 It met the minister.\n\n"
        "[Here follows discussion of other subjects.]\n\n"
        "John Smith\n\n"
        "1. A memorandum of the meeting is not printed.\n"
    )
    assert [(i.get("n"), i.text) for i in root.iter(f"{T}item")] == [
        ("1", "The mission went to the capital.")
    ]
    assert [(r.get("target"), r.text) for r in root.iter(f"{T}ref")] == [("#fn1", "1")]


def test_notes_under_a_rule_are_notes_without_a_marker_found() -> None:
    """Two numbers that may hold the glued marker (``453`` and ``2``): the note stays one."""
    root = _tei(
        "Memorandum\n\nIn telegram 4532 and 7772 the Embassy answered.\n----\n2. See Document 12.\n"
    )
    notes = [(n.get("n"), n.text) for n in root.iter(f"{T}note") if n.get("type") == "footnote"]
    assert notes == [("2", "See Document 12.")]
    assert [p.text for p in root.iter(f"{T}p")][-1] == (
        "In telegram 4532 and 7772 the Embassy answered."
    )


def test_the_one_number_between_two_markers_holds_the_missing_one() -> None:
    lines = [(0, "First.1 In telegram 4532 of 1962 we said so.3 And 1,000 more.")]
    assert locate_markers(lines, ["1", "2", "3"]) == {6: "1", 23: "2", 44: "3"}
    assert locate_markers(lines, ["1", "2", "3"], guess=False) == {6: "1", 44: "3"}


def test_a_marker_glued_to_a_dates_day_or_year() -> None:
    root = _tei(
        "Memorandum\n\nThe talk was long.1 The aide-memoire of January 242 was answered "
        "on May 5, 19583 at noon.\n----\n1. Not printed.\n2. See Document 12.\n3. Ibid.\n"
    )
    p = next(el for el in root.iter(f"{T}p") if el.find(f"{T}ref") is not None)
    text = etree.tostring(p, encoding="unicode")
    assert 'January 24<ref type="footnote" target="#fn2">2</ref> was' in text
    assert '1958<ref type="footnote" target="#fn3">3</ref> at noon' in text
    assert locate_markers([(0, "on May 5, 19583 and June 314")], ["3", "4"]) == {14: "3", 27: "4"}


def test_split_at_rules() -> None:
    from teikit.convert.recognizers.pages import split_at_rules
    from teikit.convert.zones import Block, Line

    block = Block([Line("Text.", 0), Line("----", 6), Line("1. A note.", 11)], 2)
    assert split_at_rules([block]) == [
        Block([Line("Text.", 0)], 2),
        Block([Line("----", 6), Line("1. A note.", 11)], 0),
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("1/ Not printed.", ("1", 3)),
        ("(2) Treaty Series No. 12.", ("2", 4)),
        ("* The first session.", ("1", 2)),
        ("** The second.", ("2", 3)),
        ("† The second, by a dagger.", ("2", 2)),
        ("* * *", None),
        ("3/4 of the delegates", None),
    ],
)
def test_note_lines_of_other_conventions(line: str, expected: tuple[str, int] | None) -> None:
    assert note_number(line) == expected


def _notes_and_refs(text: str) -> tuple[list[tuple[str | None, str | None]], list[str]]:
    root = _tei(text)
    refs = [(r.get("target"), r.text) for r in root.iter(f"{T}ref")]
    notes = [n.get(XML_ID) or "" for n in root.iter(f"{T}note")]
    return refs, notes


def test_slash_markers_of_government_typing() -> None:
    refs, notes = _notes_and_refs(
        "MEMORANDUM FOR THE SECRETARY\n\n"
        "The note of March 2 1/ proposed a conference. The British favor it, 2/ and\n"
        "the French are undecided.\n\n"
        "1/ Not printed.\n"
        "2/ See telegram 4412 from London.\n"
    )
    assert refs == [("#fn1", "1/"), ("#fn2", "2/")]
    assert notes == ["fn1", "fn2"]


def test_note_signs() -> None:
    refs, notes = _notes_and_refs(
        "Report on the Conference\n\n"
        "The delegates met at Lausanne.* The conference ended with a communique.**\n\n"
        "The next conference will meet in Geneva.\n\n"
        "* The first session was held in June.\n"
        "** The communique was not published.\n"
    )
    assert refs == [("#fn1", "*"), ("#fn2", "**")]
    assert notes == ["fn1", "fn2"]


def test_numbers_in_parentheses_are_notes_only_under_a_heading() -> None:
    text = (
        "The agreement was signed in 1934 (1) and renewed in 1937 (2).\n\n"
        "{head}"
        "(1) Treaty Series No. 12.\n"
        "(2) Treaty Series No. 31.\n"
    )
    refs, notes = _notes_and_refs(text.format(head="NOTES\n\n"))
    assert refs == [("#fn1", "1"), ("#fn2", "2")]
    assert notes == ["fn1", "fn2"]
    # points numbered the same way ending a memorandum stay its points
    refs, notes = _notes_and_refs(text.format(head=""))
    assert (refs, notes) == ([], [])


POINTS_ABOVE_A_RULE = """\
MEMORANDUM FOR THE RECORD

SUBJECT

Harvest in the north2

1. The harvest report of last week was read with care, and the
figures were checked against the provincial returns.3 They agree.

2. The minister's first impression is that the yield is lower
than last year.4 My own view is more mixed.

A. R.

----
2. The reports are in the ministry's files.
3. Returns of May 31 and June 1.
4. The minister spoke on June 2.
"""


def test_a_body_point_above_the_rule_is_no_note_of_the_same_number() -> None:
    # point 2. of the text, numbered like note 2 below the rule, stays a point
    tree = run(POINTS_ABOVE_A_RULE).tree
    assert frag(tree.find(".//{*}body//{*}list")) == (
        '<list type="numbered"><item n="1">The harvest report of last week was read with '
        "care, and the figures were checked against the provincial returns."
        '<ref type="footnote" target="#fn3">3</ref> They agree.</item>'
        '<item n="2">The minister\'s first impression is that the yield is lower than last '
        'year.<ref type="footnote" target="#fn4">4</ref> My own view is more mixed.</item></list>'
    )
    assert frag(tree.find(".//{*}back/{*}div")) == (
        '<div type="notes">'
        '<note type="footnote" xml:id="fn2" n="2">The reports are in the ministry\'s files.</note>'
        '<note type="footnote" xml:id="fn3" n="3">Returns of <date>May 31</date> and '
        "<date>June 1</date>.</note>"
        '<note type="footnote" xml:id="fn4" n="4">The minister spoke on <date>June 2</date>.</note>'
        "</div>"
    )


def test_below_rule_gives_the_points_above_a_rule_back_to_the_body() -> None:
    paras = [["1. point"], ["2. point"], ["A. R."], ["2. note", "3. note"]]
    region = endnote_region(paras)
    assert region is not None and region.numbers == ["1", "2", "2", "3"]
    offsets = [0, 10, 20, 40]
    trimmed = below_rule(region, offsets, rules=[30])
    assert (trimmed.first, trimmed.head, trimmed.numbers) == (3, None, ["2", "3"])
    assert below_rule(region, offsets, rules=[50]) == region  # a rule after the notes
