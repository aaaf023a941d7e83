"""The document's own date (``recognizers/docdate.py``): which of its dates is chosen."""

from __future__ import annotations

from teikit.convert.recognizers.docdate import DocDate, catalogue_span, document_date

#: A catalogue form before the document: its own date, the document's, a review date.
CATALOGUE = """\
Archive Record System Date: 6/8/2015
Identification Form

AGENCY: BUREAU
RECORD NUMBER: 124-10284-10172
RECORD SERIES: HQ
ORIGINATOR: BUREAU
FROM: OFFICE A
TO: DIRECTOR
DATE: 10/27/1959
PAGES: 1
DOCUMENT TYPE: PAPER, TEXTUAL DOCUMENT
DATE OF LAST REVIEW: 06/03/1998
COMMENTS :

Record 50953 DocId:32303660 Page 1
"""


def _when(text: str) -> str | None:
    found = document_date(text)
    return found.when if found else None


def test_dateline_after_place() -> None:
    text = "No. 859\nDepartment of State\nWashington, 2nd March 1864\nSir:\nYour dispatch of\n"
    assert document_date(text) == DocDate("1864-03-02", "high", 3, 13, "dateline", "2nd March 1864")


def test_dateline_with_hour() -> None:
    text = "Memorandum\n\nParis, October 25, 1955—midnight.\n\nThe meeting of June 3, 1955.\n"
    assert _when(text) == "1955-10-25"


def test_date_field_beats_dates_in_the_text() -> None:
    text = "TO: DIRECTOR\nFROM: SAC\nDATE: 11/26/71\n\nOn 11/24/71, a search was made.\n"
    assert document_date(text) == DocDate("1971-11-26", "high", 3, 7, "field", "11/26/71")


def test_field_value_on_the_next_line() -> None:
    text = "Transmit the following\n\nDate:\n\n11/29/71\n\nTELETYPE\n"
    assert _when(text) == "1971-11-29"


def test_label_of_another_date_is_not_the_field() -> None:
    text = "Date of birth: 4/5/30\nDate dictated 11/26/71\nDate of transcription 11/27/71\n"
    assert _when(text) == "1971-11-27"


def test_dated_reference_is_not_the_document_date() -> None:
    text = "MEMORANDUM\n\nYour memorandum dated 15 January 1962 assigns tasks.\n"
    assert _when(text) is None


def test_cable_date_time_group() -> None:
    text = "SECRET\nTOR: 081247Z FEB 96\nTO: DIRECTOR\n1. PLEASE ADVISE BY 12 FEB 96.\n"
    assert document_date(text) == DocDate("1996-02-08", "high", 2, 6, "dtg", "081247Z FEB 96")


def test_catalogue_date_is_the_earliest_of_the_form() -> None:
    found = document_date(CATALOGUE + "\nThe text begins here, without a date line.\n")
    assert found is not None
    assert (found.when, found.reason) == ("1959-10-27", "catalogue")


def test_documents_own_field_beats_the_catalogue() -> None:
    text = CATALOGUE + "\nTO : DIRECTOR DATE: 10/6/59\n\nText.\n"
    assert _when(text) == "1959-10-06"


def test_catalogue_needs_an_administrative_date_label() -> None:
    memo = "TO: A\nFROM: B\nSUBJECT: C\nCC: D\nTHRU: E\nVIA: F\nDATE: 3/4/63\n"
    assert catalogue_span(memo.splitlines()) is None
    assert catalogue_span(CATALOGUE.splitlines()) == (3, 16)


def test_empty_catalogue_date_gives_no_date() -> None:
    # the form's own date, in its title block, is not the document's
    text = CATALOGUE.replace("10/27/1959", "00/00/0000")
    assert _when(text + "\nText without a date.\n") is None


def test_month_line_gives_the_month() -> None:
    text = "Research Project\nJune 1981\nArthur Author\n\nA. Early Policies\nIn 1925 the\n"
    assert _when(text) == "1981-06"


def test_drafters_line_gives_only_the_month() -> None:
    text = "Dear Charles,\nThank you.\nSincerely,\nDirector\nDDP/FE/AN/Taylor (25 Koveaber 1968)\n"
    found = document_date(text)
    assert found is not None
    assert (found.when, found.reason, found.text) == ("1968-11", "drafted", "25 Koveaber 1968")


def test_date_only_in_the_running_text_is_a_guess() -> None:
    text = (
        "\n".join(["Text line."] * 30)
        + "\nAt the meeting on 3 May 1950, we spoke.\nIt was 4 May 1950 then.\n"
    )
    found = document_date(text)
    assert found is not None
    assert (found.when, found.cert) == ("1950-05-04", "low")


def test_ambiguous_numeric_date_lowers_cert() -> None:
    found = document_date("MEMO\nDATE: 3/4/63\n")
    assert found is not None
    assert (found.when, found.cert) == ("1963-03-04", "medium")


def test_no_date() -> None:
    assert document_date("A note without any date.\n") is None


def _fragment(text: str, path: str) -> str:
    from lxml import etree

    from teikit.convert import convert

    root = convert(text=text, name="t", validate=False).tree.getroot()
    ns = {"tei": "http://www.tei-c.org/ns/1.0"}
    [el] = root.xpath(path, namespaces=ns)
    out = etree.tostring(el, encoding="unicode")
    return out.replace(' xmlns="http://www.tei-c.org/ns/1.0"', "")


def test_tei_dates_in_text_and_header() -> None:
    text = (
        "MEMORANDUM\n\nWashington, 2nd March 1864.\n\n"
        "Your dispatch of February 11th, the cable 161200Z OCT 63 and the note of 3/4/63.\n"
    )
    assert _fragment(text, "//tei:creation") == (
        '<creation><date when="1864-03-02">2nd March 1864</date></creation>'
    )
    assert _fragment(text, "//tei:body//tei:p") == (
        '<p>Your dispatch of <date when="1864-02-11" cert="medium">February 11th</date>, '
        'the cable <date when="1963-10-16">161200Z OCT 63</date> and the note of '
        '<date when="1963-03-04" cert="medium">3/4/63</date>.</p>'
    )


def test_tei_header_date_cert_when_guessed() -> None:
    text = "\n".join(["A line of text."] * 30) + "\nIt was 3 May 1950 when we met.\n"
    assert _fragment(text, "//tei:creation") == (
        '<creation><date when="1950-05-03" cert="low">3 May 1950</date></creation>'
    )


def test_dateline_place_with_commas_and_dated_field() -> None:
    assert _when("MEMO\nWashington, D.C., May 3, 1950\nText.\n") == "1950-05-03"
    assert _when("MEMO\nMIAMI, FLORIDA, MARCH 20, 1961\nText.\n") == "1961-03-20"
    assert _when("MEMO\nDated: 3 May 1950\nText.\n") == "1950-05-03"


def test_date_at_the_right_margin_of_the_head_before_a_catalogue_date() -> None:
    form = "\n".join(
        [
            "AGENCY : ABC",
            "RECORD NUMBER : 100-10000-10000",
            "RECORD SERIES : FILES",
            "AGENCY FILE NUMBER : 100-200",
            "ORIGINATOR : ABC",
            "DATE: 12/28/1966",
            "PAGES : 2",
            "DATE OF LAST REVIEW : 02/23/1999",
            "",
            "XY 10000 DocId:30000000 Page 1",
            "",
        ]
    )
    text = form + "\nSAC, NEW CITY (100-2000) 11/2/66 PR\nDirector, ABC (100-3000)\n\nText.\n"
    found = document_date(text)
    assert found is not None and (found.when, found.reason) == ("1966-11-02", "margin")
    # a place and a date alone on their line stay a dateline
    alone = document_date("Washington, May 3, 1950\n\nText.\n")
    assert alone is not None and alone.reason == "dateline"


def test_a_receipt_date_at_the_line_end_is_no_margin_date() -> None:
    found = document_date("CABLE\n\nfrom CAPITAL received at 1135 19 October 1951\n\nText.\n")
    assert found is not None and found.reason == "head" and found.cert == "low"


def test_a_date_ending_a_line_of_prose_is_no_margin_date() -> None:
    # the head's margin holds names, offices and numbers before its date; a line of
    # prose hard-wrapped after a date mentions that date in a sentence
    text = (
        "Northport, Atlantis\n"
        "\n"
        "A reliable source who has furnished\n"
        "information in the past recently advised that on about March 4, 1950,\n"
        "the harbour board met.\n"
    )
    found = document_date(text)
    assert found is not None and found.reason != "margin"
    head = document_date("SAC, NEW CITY (100-2000) 11/2/66\nDirector, ABC\n\nText.\n")
    assert head is not None and (head.when, head.reason) == ("1966-11-02", "margin")
