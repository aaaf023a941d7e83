"""Written forms of dates -> ISO values (``recognizers/dates.py``)."""

from __future__ import annotations

import re

import pytest

from teikit.convert.recognizers.dates import numeric_order, scan_dates

ISO = re.compile(r"^\d{4}(?:-\d{2}(?:-\d{2})?)?$")


@pytest.mark.parametrize(
    ("text", "when", "form"),
    [
        ("Washington, May 3, 1950", "1950-05-03", "text"),
        ("3rd May, 1950", "1950-05-03", "text"),
        ("May 3rd 1950", "1950-05-03", "text"),
        ("the 2nd of March 1864", "1864-03-02", "text"),
        ("3 May 50", "1950-05-03", "text"),
        ("Oct. 16, 1963.", "1963-10-16", "text"),
        ("Sept 3, 1964", "1964-09-03", "text"),
        ("DATE DISTR. 19 MARCH 1963", "1963-03-19", "text"),
        ("16OCT63", "1963-10-16", "text"),
        ("16 Oct 63", "1963-10-16", "text"),
        ("161200Z OCT 63", "1963-10-16", "dtg"),
        ("SECRET 081247Z FEB 96 STAFF", "1996-02-08", "dtg"),
        ("10/16/63", "1963-10-16", "numeric"),
        ("16.10.1963", "1963-10-16", "numeric"),
        ("11-29-71", "1971-11-29", "numeric"),
        ("October 1963", "1963-10", "month"),
        ("Taipei, October 23–24, 1964.", "1964-10-23", "text"),
        ("November 15 and 17, 1962", "1962-11-15", "text"),
    ],
)
def test_written_forms(text: str, when: str, form: str) -> None:
    [found] = scan_dates(text)
    assert (found.when, found.form) == (when, form)
    assert ISO.match(found.when or "")


@pytest.mark.parametrize(
    "text",
    ["00/00/0000", "00/00/63", "31/31/1963", "February 30, 1963", "May 7", "19 OCT FOR"],
)
def test_no_value_without_a_possible_full_date(text: str) -> None:
    assert all(found.when is None for found in scan_dates(text))


@pytest.mark.parametrize(
    "text", ["file 164-81-323", "CR 105-82352-1", "pages 193–197", "they may 1959"]
)
def test_numbers_that_are_not_dates(text: str) -> None:
    assert [f.when for f in scan_dates(text) if f.form != "month"] == []


def test_numeric_order_decided_only_where_one_reading_fits() -> None:
    assert numeric_order(10, 16, "/") == (10, 16, "high")
    assert numeric_order(16, 10, "/") == (10, 16, "high")
    # both readings possible: the convention of the separator, with lower certainty
    assert numeric_order(3, 4, "/") == (3, 4, "medium")
    assert numeric_order(3, 4, ".") == (4, 3, "medium")
    assert numeric_order(5, 5, "/") == (5, 5, "high")
    assert numeric_order(13, 14, "/") is None


def test_span_covers_the_written_date() -> None:
    text = "Washington, 2nd March 1864."
    [found] = scan_dates(text)
    assert text[found.start : found.end] == "2nd March 1864"


def test_spelled_out_teletype_dates() -> None:
    from teikit.convert.recognizers.dates import spelled_dates, spelled_number

    text = "RE ALBANY TELETYPE, NOVEMBER TWENTYNINE, SEVENTY-ONE."
    (found,) = spelled_dates(text)
    assert (text[found.start : found.end], found.when) == (
        "NOVEMBER TWENTYNINE, SEVENTY-ONE",
        "1971-11-29",
    )
    assert [d.when for d in spelled_dates("ON MAY THIRD, NINETEEN SIXTYTHREE AT")] == ["1963-05-03"]
    # a year cut at the line's end, a word that is no number, and lower case are no dates
    assert spelled_dates("NOVEMBER TWENTYNINE, SEVENTY-") == []
    assert spelled_dates("MAY BE SEEN SOON") == []
    assert spelled_dates("November twenty-nine, seventy-one") == []
    assert (spelled_number("TWENTY-NINTH"), spelled_number("THIRTIETH")) == (29, 30)
    assert spelled_number("TWENTYSOMETHING") is None


def test_ordinal_dates_with_day_of_and_the() -> None:
    from teikit.convert.recognizers.dates import scan_dates

    assert [d.when for d in scan_dates("the 29th day of November, 1971")] == ["1971-11-29"]
    assert [d.when for d in scan_dates("November the 29th, 1971")] == ["1971-11-29"]
    assert [d.when for d in scan_dates("this 1st day of June 1962")] == ["1962-06-01"]
