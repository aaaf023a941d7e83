"""Markings, references and page-number runs: the pure recognizers, on invented lines."""

from __future__ import annotations

from teikit.convert.features import ARCHIVE_FOOTER_RE
from teikit.convert.recognizers.pages import line_numbers, page_run
from teikit.convert.roles.marking import Reading, is_classification, marking_words, read_marking
from teikit.convert.roles.reference import reference_kind


def test_marking_words_through_specks_numbers_and_date_time_groups() -> None:
    assert marking_words(". (— SECRET , ¢") == ["SECRET"]
    assert marking_words("zy SECRET 201-100000") == ["SECRET"]
    assert marking_words("SECRE 121530Z MAR 95 STAFF") == ["SECRET", "STAFF"]
    assert marking_words("TOP SECRET UK EYES ONLY") == ["TOP", "SECRET", "UK", "EYES", "ONLY"]
    assert marking_words("the secret") is None


def test_handling_phrases_read_through_ocr_slips() -> None:
    assert read_marking("oS RETURN TO XYZ") == Reading((), ("RETURN TO XYZ",), True, True)
    assert read_marking("7 we : : Backgrownd Use Only:") == Reading(
        (), ("BACKGROUND USE ONLY",), False, False
    )
    reading = read_marking("REPRODUCTION BY OTHER THAN THE ISSUING OFFICE 1S PROHISITEO Copy No.")
    assert reading is not None and reading.phrases[0].startswith("REPRODUCTION")
    assert read_marking("For The Governor Only - Top Secret") == Reading(
        ("TOP", "SECRET"), ("FOR THE GOVERNOR ONLY",), True, False
    )
    assert read_marking("Copy No. 2") is None
    assert read_marking("SLUGS: WNINTEL RYBAT") == Reading(("WNINTEL", "RYBAT"), (), True, True)
    assert read_marking("Return the book to me") is None
    # a congressional committee's caveat, through an OCR slip; in a sentence it is words
    assert read_marking("GOMMITTEE SENSHTiVE") == Reading((), ("COMMITTEE SENSITIVE",), False, True)
    assert read_marking("the committee sensitive to it") is None


def test_classification_or_handling() -> None:
    assert is_classification("SECRET PRIORITY")
    assert not is_classification("DO NOT DESTROY")
    assert not is_classification("ROUTINE")


def test_references_with_specks() -> None:
    assert reference_kind("1 104-10000-10001)") == "record"
    assert reference_kind("| : 100-300-12") == "file"
    assert reference_kind("410-120-20/4") == "file"
    assert reference_kind("95 1000001 ABC PAGE 001 IN 1000001,") == "cable"
    assert reference_kind("NR 004 AB PLAIN") == "transmission"
    assert reference_kind("1962-1963") is None


def test_archive_footer_through_ocr() -> None:
    for text in ("HW 10000 Doold:40000001 Page 1", "| WW 10000 DoclId: 40000001 Page 3"):
        assert ARCHIVE_FOOTER_RE.search(text)
    assert not ARCHIVE_FOOTER_RE.search("Dated 12345 and page 2")


def test_page_numbers_run() -> None:
    # a stray 6 before the run, a figure 40 after it
    assert page_run([6, 2, 3, 4, 40]) == {1, 2, 3}
    # an excerpt from page 45 on
    assert page_run([45, 46, 48]) == {0, 1, 2}
    # an excerpt's only page number
    assert page_run([8]) == {0}
    # pages do not go back
    assert page_run([2, 3, 1, 4]) == {0, 1, 3}


def test_court_line_numbers_are_no_pages() -> None:
    numbers = [49, 10, 11, 12, 13, 14, 50, 10, 11, 12, 13, 14, 51]
    assert line_numbers(numbers) == {1, 2, 3, 4, 5, 7, 8, 9, 10, 11}
    assert page_run(numbers) == {0, 6, 12}
    # one run alone is a copy's pages
    assert line_numbers([2, 3, 4, 5, 6, 7]) == set()


def test_garbled_footers_and_page_lines() -> None:
    from teikit.convert.features import GARBLED_FOOTER_RE, page_head
    from teikit.convert.roles.furniture import is_page_footer

    # the id read past the page word, or the page word lost
    assert ARCHIVE_FOOTER_RE.search("NW 10000 Docla:40000001 Pade 3-0-0)")
    assert ARCHIVE_FOOTER_RE.search("AB 10000 DocId:40000001: Paae")
    assert GARBLED_FOOTER_RE.match("AB 10000 xocta:9z1f Page 8 TOP SECRET")
    assert not GARBLED_FOOTER_RE.match("We read it on Page 8 of the report yesterday")
    assert is_page_footer("Page 2") and is_page_footer("Page 1 of 3")
    assert is_page_footer("CONTINUED")
    assert page_head("Page 2") and not page_head("Page 1 of 3") and not page_head("Page 1")
    assert page_head("14-00000") and not page_head("CONTINUED")


def test_band_levels_repeat_through_the_copy() -> None:
    from teikit.convert.recognizers.pages import band_levels

    secret, top = ("SECRET",), ("TOP", "SECRET")
    assert band_levels([secret, None, secret, top, secret]) == {secret}
    assert band_levels([secret, top, secret]) == set()


def test_footer_page_numbers() -> None:
    from teikit.convert.recognizers.pages import footer_page

    assert footer_page("HW 10000 DocId:40000001 Page 7 TOP SECRET") == 7
    assert footer_page("AB 100 Docla:4000 Page. 9") == 9
    # the OCR's letters for digits
    assert footer_page("HW 10000 DocId:40000001 Page i") == 1
    assert footer_page("AB 100 Docla:4000 Page i7 TOP SECRET") == 17
    assert footer_page("Page Ill") is None


def test_bands_mark_only_the_turns_footers_leave_unmarked() -> None:
    from teikit.convert.recognizers.pages import band_turns

    # footers for every page: a band set apart inside a page marks nothing
    assert band_turns([("footer", 5, True), ("band", None, True), ("footer", 6, True)]) == [False]
    # pages 6 and 7 lost their footers: two bands mark those turns, a third none
    marks = [
        ("footer", 5, True),
        ("band", None, False),  # the head band of page 6, under page 5's footer
        ("band", None, True),
        ("band", None, True),
        ("band", None, True),
        ("footer", 8, True),
    ]
    assert band_turns(marks) == [False, True, True, False]
    # a footer number out of order is misread: it bounds nothing
    marks = [("footer", 9, True), ("band", None, True), ("footer", 43, True), ("footer", 14, True)]
    assert band_turns(marks) == [True]
    # no numbered footer at all: every band set apart marks a turn
    assert band_turns([("band", None, True), ("band", None, True)]) == [True, True]


def test_foot_numbered_copies() -> None:
    from teikit.convert.structure import Assembler

    assert Assembler.foot_numbered("1", after_text=True)
    assert not Assembler.foot_numbered("1", after_text=False)
    assert not Assembler.foot_numbered("2", after_text=True)


def test_page_numbers_where_numbered_footers_mark_every_turn_are_text() -> None:
    from teikit.convert.recognizers.pages import band_turns

    # a number set apart between the footers of pages 1 and 2 is no page
    assert band_turns([("footer", 1, True), ("number", None, True), ("footer", 2, True)]) == [False]
    # right after a footer it names that turn's page; where a page lost its footer it marks one
    marks = [
        ("footer", 1, True),
        ("number", None, False),
        ("number", None, True),
        ("footer", 3, True),
    ]
    assert band_turns(marks) == [True, True]
    # without numbered footers a number is always kept, a band only without other footers
    marks = [("footer", None, True), ("number", None, True), ("band", None, True)]
    assert band_turns(marks) == [True, False]


def test_line_numbers_with_gaps_the_ocr_left() -> None:
    # pages of numbered lines, some lost, with the page numbers 49 and 50 between them
    numbers = [10, 11, 12, 13, 19, 21, 22, 23, 24, 25, 49, 10, 12, 13, 14, 15, 16, 50, 10, 12]
    lines = line_numbers(numbers)
    assert 10 not in lines and 17 not in lines and {0, 1, 2, 3, 4, 5, 11} <= lines
    assert page_run(numbers) == {10, 17}


def test_a_page_number_alone_but_never_a_clock_time() -> None:
    from teikit.convert.recognizers.pages import PAGE_NUMBER_RE

    assert [bool(PAGE_NUMBER_RE.match(t)) for t in ("12", "- 12 -", "301", "0950", "0130")] == [
        True,
        True,
        True,
        False,
        False,
    ]


def test_release_banners_in_capitals_not_the_words_in_a_sentence() -> None:
    from teikit.convert.roles.furniture import release_banner

    assert release_banner("2025 RELEASE UNDER THE PRESIDENT JOHN F. KENNEDY ASSASSINATION")
    assert release_banner("RELEASED IN FULL")
    assert release_banner("Released in Full")
    assert not release_banner("and/or release under these procedures are marked or otherwise")
    assert not release_banner("the papers were released in full last year")


def test_an_archive_footer_split_from_its_page_number() -> None:
    from teikit.convert.features import footer_awaits_page, split_footer

    assert footer_awaits_page("XY 10000 DocId: 30000000")
    assert not footer_awaits_page("XY 10000 DocId:30000000 Page 3")
    lines = ["text of the page", "XY 10000 DocId: 30000000", "1", "Page 4", "more text"]
    assert [split_footer(lines, i) for i in range(len(lines))] == [
        None,
        "opens",
        None,
        "closes",
        None,
    ]
    # a page number too far below, or a footer with its own page, is no split footer
    far = ["XY 10000 DocId: 30000000", "a", "b", "c", "Page 4"]
    assert split_footer(far, 0) is None and split_footer(far, 4) is None
    whole = ["XY 10000 DocId:30000000 Page 3", "Page 4"]
    assert split_footer(whole, 0) is None and split_footer(whole, 1) is None


def test_a_continuation_pages_head() -> None:
    from teikit.convert.features import CONTINUATION_HEAD_RE, page_head

    for head in ("Roe, page 2.", "Anna Roe, page 3,", "Page Two.", "Roe, page 4. STAFF ONLY"):
        assert CONTINUATION_HEAD_RE.match(head) and page_head(head), head
    # a sentence citing a page, and a number alone (another rule's), are no such head
    for line in ("see Roe, page 2.", "The Board, page 2 of the report", "Page 2", "page one of it"):
        assert not CONTINUATION_HEAD_RE.match(line), line
