"""Letters' back matter: distribution, enclosures and drafting lines after the closer."""

from __future__ import annotations

import pytest
from convert_helpers import NS, body_div, frag

from teikit.convert.recognizers.backmatter import back_matter_kind, opens_back_matter


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("cc: Ann Roe", "distribution"),
        ("CC - Director, Office of Records", "distribution"),
        ("bcc: Files", "distribution"),
        ("Copies to: the Consul General", "distribution"),
        ("DISTRIBUTION:", "distribution"),
        ("Distribution: 3 May 64", "distribution"),
        ("Enclosure", "enclosure"),
        ("Enclosures (2)", "enclosure"),
        ("Encl. 3", "enclosure"),
        ("Attachments:", "enclosure"),
        ("Attachment: As stated", "enclosure"),
        ("Photographs attached", "enclosure"),
        ("Drafted by: A. Roe", "drafting"),
        ("Cleared: XY - B. Doe", "drafting"),
        ("ABC:de", "drafting"),
        ("ABC: de", "drafting"),
        ("XYZ:ab:cd", "drafting"),
        ("RR/ZZ/Ann Roe (2 May 1970)", "drafting"),
    ],
)
def test_lines_that_open_back_matter(line: str, kind: str) -> None:
    assert back_matter_kind(line) == kind


@pytest.mark.parametrize(
    "line",
    [
        "Attachments are a burden to every clerk in the office of records.",
        "Attachment A shows that the harvest was good in every province of the realm.",
        "Distribution of the harvest was slow.",
        "Cleared for publication, the volume",
        "Copyists were scarce that year.",
        "NATO: the alliance",
        "US/UK talks",
        "",
    ],
)
def test_lines_that_open_no_back_matter(line: str) -> None:
    assert back_matter_kind(line) is None


def test_a_block_of_copy_lines_is_a_distribution() -> None:
    assert opens_back_matter(["1 - Mr. Roe", "1 - Liaison", "1 - Files"]) == "distribution"
    assert opens_back_matter(["1 - The harvest was good in every province of the realm"]) is None


LETTER = """\
Dear Mr. Roe:

I have the honor to report that the harvest was good in every province.

Sincerely,

Anton Rask

Enclosure

cc: Ann Doe
Office of Records

ABC:de
"""


def test_a_letters_back_matter_is_notes_after_the_closer() -> None:
    div = body_div(LETTER)
    tail = [frag(c) for c in div if c.tag.endswith(("closer", "note"))]
    assert tail == [
        "<closer><salute>Sincerely,</salute><signed>Anton Rask</signed></closer>",
        '<note type="enclosure">Enclosure</note>',
        '<note type="distribution">cc: Ann Doe<lb/>Office of Records</note>',
        '<note type="drafting">ABC:de</note>',
    ]


TYPED = """\
Dear Mr. Roe:

I have the honor to report that the harvest was good in every province.

Sincerely,
Anton Rask
Enclosures (2)
cc: Ann Doe
"""


def test_back_matter_typed_without_blank_lines_leaves_the_closer_whole() -> None:
    div = body_div(TYPED)
    tail = [frag(c) for c in div if c.tag.endswith(("closer", "note"))]
    assert tail == [
        "<closer><salute>Sincerely,</salute><signed>Anton Rask</signed></closer>",
        '<note type="enclosure">Enclosures (2)</note>',
        '<note type="distribution">cc: Ann Doe</note>',
    ]


MEMO = """\
MEMORANDUM FOR THE DIRECTOR

SUBJECT: The harvest

1. The harvest was good in every province of the realm this year.

2. Attachments to this memorandum give the figures.

A. ROE

Attachment:
As stated

1 - Mr. Doe
1 - Files
"""


def test_a_memorandum_signed_by_name_keeps_its_back_matter_apart() -> None:
    div = body_div(MEMO)
    notes = div.findall("t:note", NS)
    assert [frag(n) for n in notes] == [
        '<note type="enclosure">Attachment:<lb/>As stated</note>',
        '<note type="distribution">1 - Mr. Doe<lb/>1 - Files</note>',
    ]


def test_a_word_of_back_matter_within_the_text_is_prose() -> None:
    text = (
        "Dear Mr. Roe:\n\nThe enclosure you sent was read.\n\n"
        "Enclosures of this kind are rare; we read every one of them with care and\n"
        "return them to the sender within a week of their arrival at the office.\n\n"
        "Sincerely,\n\nAnton Rask\n"
    )
    div = body_div(text)
    assert div.findall(".//t:note", NS) == []


ATTACHED_DOCUMENT = """\
MEMORANDUM FOR THE DIRECTOR

The report below came in this morning from the field office in the capital.

A. Roe

Attachment

Report by the Secretary of the Board

Washington, May 4, 1962.

1. The board met for five hours and the members read the figures
of the harvest, which were good in every province this year.
"""


def test_an_attachment_that_is_a_document_of_its_own_is_no_back_matter() -> None:
    div = body_div(ATTACHED_DOCUMENT)
    assert div.findall(".//t:note", NS) == []
