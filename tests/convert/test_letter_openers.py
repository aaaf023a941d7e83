"""A letter's opening matter: letterhead, dateline and inside address in its ``opener``."""

from __future__ import annotations

import pytest
from convert_helpers import body_div, frag

from teikit.convert.recognizers.letters import (
    dateline_place,
    is_inside_address,
    is_letterhead,
)

BUSINESS_LETTER = """\
EXAMPLE BUREAU OF STANDARDS
Springfield, Ruritania 40501

March 2, 1970

Mr. Ivo Lind
Director, Harbor Office
Strelsau

Dear Mr. Lind:

Your report of February 11 has been received and read with care.

Sincerely yours,

Anna Holt
"""


def test_a_business_letter_opens_with_letterhead_dateline_address_and_salutation() -> None:
    div = body_div(BUSINESS_LETTER)
    assert div.get("type") == "letter"
    assert frag(div[0]) == (
        '<opener><fw type="letterhead">EXAMPLE BUREAU OF STANDARDS<lb/>'
        "Springfield, Ruritania 40501</fw>"
        '<dateline><date when="1970-03-02">March 2, 1970</date></dateline>'
        "<address><addrLine>Mr. Ivo Lind</addrLine><addrLine>Director, Harbor Office</addrLine>"
        "<addrLine>Strelsau</addrLine></address>"
        "<salute>Dear Mr. Lind:</salute></opener>"
    )
    assert frag(div[1]) == (
        '<p>Your report of <date when="1970-02-11" cert="medium">February 11</date> '
        "has been received and read with care.</p>"
    )


INSTRUCTION = """\
1

No. 12

Ministry of the Interior

Strelsau, 2nd March 1864

Sir:

Your dispatch of the 11th has been received.

I am, Sir,

Your obedient servant,

Rudolf Rask
"""


def test_an_instruction_keeps_its_page_and_number_before_the_opener() -> None:
    div = body_div(INSTRUCTION)
    assert [frag(c) for c in div[:3]] == [
        '<pb n="1"/>',
        '<fw type="file"><idno type="registry">No. 12</idno></fw>',
        '<opener><fw type="letterhead">Ministry of the Interior</fw>'
        '<dateline><placeName>Strelsau</placeName>, <date when="1864-03-02">2nd March 1864</date>'
        "</dateline><salute>Sir:</salute></opener>",
    ]


EDITION_LETTER = """\
Letter From the Consul in Ruritania to the Secretary of State

Strelsau, May 4, 1962.

Dear Mr. Secretary:

I have the honor to report on the harvest.

Sincerely,

Anton Rask
"""


def test_an_edition_letter_puts_its_title_dateline_into_the_opener() -> None:
    div = body_div(EDITION_LETTER)
    assert [c.tag.split("}")[1] for c in div] == ["head", "opener", "p", "closer"]
    assert frag(div[1]) == (
        '<opener><dateline><placeName>Strelsau</placeName>, <date when="1962-05-04">'
        "May 4, 1962</date>.</dateline><salute>Dear Mr. Secretary:</salute></opener>"
    )


def test_a_file_number_above_the_salutation_stays_archival_matter() -> None:
    div = body_div("21 Wa\nUS/82/71\n\nDear Anna,\n\nThe file is closed.\n\nSincerely,\n\nIvo\n")
    assert frag(div[0]) == "<p>21 Wa US/82/71</p>"
    assert frag(div[1][0]) == "<opener><salute>Dear Anna,</salute></opener>"


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Department of State"], True),
        (["CENTRAL BUREAU OF EXAMPLES", "SPRINGFIELD, D.C. 20505"], True),
        (["Letter From the Department of State to the Consul"], False),  # a title
        (["Mr. Ivo Lind"], False),
        (["The Ministry of Trade has read your report."], False),  # a sentence
        (["Ministry of Trade", "March 2, 1970"], False),  # a dateline below it
    ],
)
def test_a_letterhead_names_an_institution(lines: list[str], expected: bool) -> None:
    assert is_letterhead(lines) is expected


@pytest.mark.parametrize(
    ("lines", "expected"),
    [
        (["Mr. Ivo Lind"], True),
        (["The Honorable Ann Roe", "United States Senate"], True),
        (["Ivo Lind", "Director General", "Example Office", "Strelsau"], True),
        (["Ivo Lind", "P.O. Box 12"], True),
        (["Ivo Lind", "Director"], False),  # two lines: may be anything
        (["Example Office", "Director", "Strelsau"], False),  # a letterhead
        (["Begin Text"], False),
        (["Letter From Ivo Lind", "to Ann Roe", "of the Office"], False),  # a title
        (["The report was read.", "It was approved.", "It was filed."], False),
    ],
)
def test_an_inside_address_names_the_addressee(lines: list[str], expected: bool) -> None:
    assert is_inside_address(lines) is expected


@pytest.mark.parametrize(
    ("text", "place"),
    [
        ("Washington, May 2, 1960.", "Washington"),
        ("New York, 2nd March 1864", "New York"),
        ("March 2, 1864", ""),
        ("May 4, 1962", ""),
        ("2 March 1864", ""),
    ],
)
def test_a_datelines_place(text: str, place: str) -> None:
    assert text[: dateline_place(text)] == place
