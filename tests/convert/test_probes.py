"""Layouts the development set has few or none of, probed with invented transcriptions.

Each fixture in ``probes/`` is a realistic raw transcription of another archive's
layout (a hearing, a deposition, an oral history, minutes, a released file, a
press release, a web page), with invented names. The recognizers each probe
needed are tested here on their own, and the probe's TEI on whole fragments.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from convert_helpers import NS, frag, run

from teikit.convert.recognizers.label_lines import label_line, label_run_starts

PROBES = Path(__file__).parent / "probes"


def probe(name: str) -> str:
    return (PROBES / f"{name}.txt").read_text(encoding="utf-8")


def fragments(name: str, xpath: str) -> list[str]:
    tree = run(probe(name)).tree
    return [frag(el) for el in tree.iterfind(xpath, NS)]


def test_every_probe_converts_with_nothing_lost() -> None:
    for path in sorted(PROBES.glob("*.txt")):
        result = run(path.read_text(encoding="utf-8"))
        assert result.tree is not None, path.name


# -- runs of ``Label: value`` lines ------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Interviewer: Jane Roe", True),
        ("Also present: Carl Doe, Treasurer", True),
        ("Transcribed by: A. Poe", True),
        ("Rights: Public domain", True),
        ("At 10:30 the meeting rose.", False),  # a clock time
        ("Genesis 1:3 says so.", False),
        ("In the first place: money and men", False),  # four words: a sentence's clause
        ("Note:", False),  # no value on the line
    ],
)
def test_label_line(text: str, want: bool) -> None:
    assert label_line(text) is want


@pytest.mark.parametrize(
    ("texts", "want"),
    [
        (["Interview with Ann Roe", "Interviewer: Jane Doe", "Date: May 2, 1990"], [1, 2]),
        (["Present: Ann Roe, Carl Doe,", "Bo Poe", "Absent: Jo Lee"], [0, 2]),
        (["Note: the figures below", "are estimates only."], []),  # one label
        (["Q: Where?", "A: Here.", "Q: When?"], []),  # a label comes back: dialogue
        (
            [
                "Roe: I would say that the figures we were given at the time were wrong.",
                "Doe: No.",
            ],
            [],
        ),  # a value longer than a field's: a speaker's words
        (
            [
                "Source: National Records Center, Department of Defense, Central Files",
                "Files: 330 73 A 1250, 092.2. Secret. Drafted by Roe.",
            ],
            [],
        ),  # under a full line: the paragraph above wrapped there
    ],
)
def test_label_run_starts(texts: list[str], want: list[int]) -> None:
    assert label_run_starts(texts, width=72) == want


def test_minutes_attendance_fields_are_no_title() -> None:
    """``Present:`` / ``Absent:`` / ``Also present:`` are fields, not a heading of 4 lines."""
    tree = run(probe("minutes_board")).tree
    heads = ["".join(h.itertext()) for h in tree.iterfind(".//t:body//t:head", NS)]
    assert not any("Absent" in h for h in heads)
    paras = [frag(p) for p in tree.iterfind(".//t:body//t:p", NS)]
    assert "<p>Absent: Harold Pettibone</p>" in paras
    assert not tree.findall(".//t:sp", NS)


def test_oral_history_cover_fields_one_a_paragraph() -> None:
    paras = fragments("oral_history", ".//t:body/t:div/t:p")
    assert paras[:4] == [
        "<p>Interviewer: Thomas Vell</p>",
        '<p>Date: <date when="1998-06-12">June 12, 1998</date></p>',
        "<p>Location: Odegaard residence, Linden Falls</p>",
        "<p>Transcribed by: R. Ames</p>",
    ]


def test_a_block_of_fields_is_no_wrapped_title() -> None:
    from teikit.convert.features import line_features
    from teikit.convert.roles.heading import title_block

    doc = line_features(
        "Minutes of the Meeting\n\n"
        "Present: Ann Roe (Chair), Carl Doe, Bo Poe, Jo Lee, Mary Ames, Tom Hale,\n"
        "Ed Vane, Sue Marr\n"
        "Absent: Pat Lorne\n\n"
        "The meeting was called to order at noon by the Chair.\n"
    )
    assert [title_block(line, doc) for line in doc.lines[1:4]] == [0, 0, 0]


# -- a hearing's record of its proceedings, in parentheses ---------------------------


@pytest.mark.parametrize(
    ("content", "want"),
    [
        (
            "Whereupon, at 11:40 a.m., the committee recessed, to reconvene at the call "
            "of the Chair.",
            "stage",
        ),
        ("The prepared statement of Mr. Roe follows:", "stage"),
        ("The witnesses were duly sworn by the chairman.", "stage"),
        ("The document referred to is as follows:", "stage"),
        # an event past the longer limit is a passage, not a direction
        (
            "Whereupon the chairman said that the committee, having heard every witness it "
            "had called and read every statement sent to it, would meet again on Monday.",
            "text",
        ),
        ("the statement follows:", "text"),  # lower case: a clause of the sentence
        ("Mr. Roe, who was sworn in last year, agreed", "text"),  # no sentence closed
    ],
)
def test_proceedings_in_parentheses(content: str, want: str) -> None:
    from teikit.convert.recognizers.brackets import classify_paren

    assert classify_paren(content, stage_allowed=True) == want
    assert classify_paren(content, stage_allowed=False) == "text"


def test_hearing_stage_directions_whole() -> None:
    stages = fragments("hearing_committee", ".//t:body//t:stage")
    assert stages == [
        "<stage>The witness was duly sworn by the chairman.</stage>",
        "<stage>The prepared statement of Mr. Winterbourne follows:</stage>",
        "<stage>Whereupon, at 11:40 a.m., the committee recessed, to reconvene at the call of "
        "the Chair.</stage>",
    ]


# -- a deposition's examiner -----------------------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("BY MS. HARGROVE:", "MS. HARGROVE"),
        ("By Mr. Jon Doe:", "Mr. Jon Doe"),
        ("   BY DR ROE :", "DR ROE"),
        ("BY THREE INCHES BY TEN", None),  # a measure in a teletype
        ("By Mr. Roe: the figures were wrong.", None),  # a label with words after it
        ("BY ORDER OF THE BOARD:", None),  # no lawyer named
    ],
)
def test_examiner_label(text: str, want: str | None) -> None:
    from teikit.convert.recognizers.interview import examiner_label

    assert examiner_label(text) == want


def test_not_a_speaker_by_line() -> None:
    from teikit.convert.recognizers.speakers import match_label, not_a_speaker

    assert not_a_speaker("BY MS. ROE")
    assert match_label("BY MR. DOE: Q. Where were you?") is None


def test_deposition_questions_are_the_examiners() -> None:
    tree = run(probe("deposition_qa")).tree
    sections = tree.findall(".//t:body/t:div/t:div", NS)
    direct, cross = sections[-2], sections[-1]
    assert [frag(el) for el in direct[:3]] == [
        "<head>DIRECT EXAMINATION</head>",
        "<p>BY MS. HARGROVE:</p>",
        '<sp who="#hargrove"><speaker>Q.</speaker>'
        "<p>Please state your name for the record.</p></sp>",
    ]
    assert [frag(el) for el in cross[:3]] == [
        "<head>CROSS-EXAMINATION</head>",
        "<p>BY MR. LISLE:</p>",
        '<sp who="#lisle"><speaker>Q.</speaker>'
        "<p>Mr. Fenwick, you did not write the 9:15 entry, did you?</p></sp>",
    ]
    # the witness's answers stay the respondent's: the text never names him as speaker
    whos = {sp.get("who") for sp in tree.iterfind(".//t:sp", NS)}
    assert whos == {"#hargrove", "#lisle", "#respondent"}


# -- brackets of a released file and of a recorded interview -------------------------


@pytest.mark.parametrize(
    ("content", "want"),
    [
        ("handwritten: see also 100-2000-12", "hand"),
        ("Handwritten: OK per J.R.", "hand"),
        ("handwritten signature illegible", "supplied"),  # no label: not the hand's words
        ("Begin Tape 1, Side A", "stage"),
        ("End Tape 2", "stage"),
        ("end of side one", "stage"),
        ("Tape ends here, says the clerk", "supplied"),
    ],
)
def test_square_brackets_of_other_archives(content: str, want: str) -> None:
    from teikit.convert.recognizers.brackets import classify_square

    assert classify_square(content, frozenset()) == want


def test_hand_label() -> None:
    from teikit.convert.recognizers.brackets import hand_label

    assert hand_label(" Handwritten : x") == "handwritten"
    assert hand_label("stamp: x") is None


def test_handwritten_words_are_a_note_of_the_hand() -> None:
    assert fragments("fbi_release_ocr", ".//t:body//t:note") == [
        '<note type="handwritten">see also 105-8841-12</note>'
    ]
    assert fragments("cia_routing_slip", ".//t:body//t:note") == [
        '<note type="handwritten">receipt in file</note>'
    ]


def test_oral_history_tape_sides_are_stage_directions() -> None:
    stages = fragments("oral_history", ".//t:body/t:div/t:p/t:stage")
    assert stages == [
        "<stage>Begin Tape 1, Side A</stage>",
        "<stage>End Tape 1, Side A</stage>",
    ]


# -- a released file's classification authority and declassification stamps ------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("CL BY: 0716497", True),
        ("CLASSIFIED BY 5668 SLD/KSR", True),
        ("DECLASSIFIED BY 60324 ON 5/1/98", True),
        ("E.O. 12958, Sec. 1.5(c)", True),
        ("EO 13526 SEC 3.3(b)(1)", True),
        ("E.O. 12065 represented a new approach to the problem", False),  # prose
        ("CLASSIFIED BY THE BUREAU AS A MATTER OF ROUTINE", False),  # no authority
        ("CLASSIFIED BY 1 OF THE FIELD OFFICES AND NOT BY HEADQUARTERS AT ALL", False),
        ("Classified by 5668", False),  # a stamp is in capitals
    ],
)
def test_authority_line(text: str, want: bool) -> None:
    from teikit.convert.roles.marking import authority_line

    assert authority_line(text) is want


def test_released_file_stamps_are_furniture() -> None:
    fws = fragments("fbi_release_ocr", ".//t:body//t:fw")
    assert "<fw>" not in " ".join(fws)
    assert '<fw type="header">CLASSIFIED BY 5668 SLD/KSR</fw>' in fws
    assert '<fw type="header">E.O. 12958, Sec. 1.5(c)</fw>' in fws
    paras = " ".join(fragments("fbi_release_ocr", ".//t:body//t:p"))
    assert "CLASSIFIED" not in paras and "E.O." not in paras


# -- a press release ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("prev", "want"),
    [("###", True), ("# # #", True), ("## #3", False), ("The end.", False)],
)
def test_after_end_mark(prev: str, want: bool) -> None:
    from teikit.convert.recognizers.pages import after_end_mark

    assert after_end_mark(prev) is want


def test_press_release_end_marks_and_release_line() -> None:
    tree = run(probe("press_release")).tree
    assert tree.find(".//t:pb", NS) is None  # ``- 30 -`` after ``###`` is no page 30
    div = tree.find(".//t:body/t:div", NS)
    assert div is not None
    assert frag(div[0]) == '<fw type="header">FOR IMMEDIATE RELEASE</fw>'
    title = tree.find(".//t:titleStmt/t:title", NS)
    assert title is not None
    assert title.text == "STATE ARCHIVES OPENS RAILROAD COLLECTION TO RESEARCHERS"
    assert fragments("press_release", ".//t:body//t:div/t:p")[-2:] == [
        "<p>###</p>",
        "<p>- 30 -</p>",
    ]


# -- a web page's chrome around a scraped item ---------------------------------------


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Skip to main content", True),
        ("We use cookies to improve your experience. Accept all cookies", True),
        ("Home > Collections > Roe Papers > Item 12", True),
        ("Share this", True),
        ("Download PDF", True),
        ("Cite this item", True),
        ("Back to top", True),
        ("© 2024 Anytown Historical Society. All rights reserved.", True),
        ("(c) 1999-2024 Anytown Library", True),
        ("Share this with your brother, and tell him to write.", False),  # a letter's words
        ("Download", True),
        ("Copyright was assigned to the widow in 1870.", False),  # no year after the sign
        ("Income > expenses / month", False),  # two steps: no trail
        ("He went home > and stayed", False),
    ],
)
def test_web_chrome(text: str, want: bool) -> None:
    from teikit.convert.recognizers.web import web_chrome

    assert web_chrome(text) is want


def test_web_scrape_chrome_is_forme_work_and_the_letter_opens() -> None:
    tree = run(probe("web_scrape")).tree
    fws = [(fw.get("type"), fw.text) for fw in tree.iterfind(".//t:body//t:fw", NS)]
    assert fws == [
        ("header", "Skip to main content"),
        ("header", "We use cookies to improve your experience on our website. Accept all cookies"),
        ("header", "Home > Collections > Northambria Papers > Item 4471"),
        ("header", "Share this"),
        ("header", "Download PDF"),
        ("header", "Cite this item"),
        ("footer", "Related items"),
        ("footer", "Back to top"),
        ("footer", "(c) 2024 Northambria Historical Society. All rights reserved."),
    ]
    heads = tree.findall(".//t:body//t:head", NS)
    assert heads == []
    assert fragments("web_scrape", ".//t:opener") == [
        "<opener><salute>Dear Mary,</salute></opener>"
    ]
