"""In-line markings and labelled identifiers: the pure recognizers, on invented lines."""

from __future__ import annotations

from teikit.convert.recognizers.inline_marks import (
    Mark,
    closing_caveat,
    code_words,
    labelled_identifiers,
    labelled_precedence,
    marks_in,
    set_apart,
)
from teikit.convert.roles.field import field_label
from teikit.convert.roles.marking import mostly_marking, read_marking


def spans(text: str, marks: list[Mark]) -> list[tuple[str, str, str]]:
    return [(text[m.start : m.end], m.tag, m.type) for m in marks]


def test_precedence_after_its_label_read_through_ocr() -> None:
    text = "LAND ; Precepence ROUTINE pate of 2 MAY"
    assert spans(text, labelled_precedence(text)) == [("ROUTINE", "stamp", "handling")]
    text = "PRECEDENCE: PRIORITY"
    assert spans(text, labelled_precedence(text)) == [("PRIORITY", "stamp", "handling")]
    # a word like the label that is another word
    assert labelled_precedence("Procedure ROUTINE") == []
    assert labelled_precedence("the precedence is routine") == []


def test_code_words_in_capitals_unless_named_after_a_small_word() -> None:
    text = "SUBJECT WNINTEL/ABCD. Report on the visit"
    assert spans(text, code_words(text)) == [("WNINTEL", "stamp", "handling")]
    assert code_words("COMMENT: APPLICABLE TO RYBAT CABLES") == []
    assert code_words("Secret; Nodis.") == []


def test_caveat_closing_a_title_in_capitals() -> None:
    text = "MEMORANDUM FOR THE FILE Background Use Only"
    assert spans(text, closing_caveat(text)) == [("Background Use Only", "stamp", "handling")]
    # in a sentence, after words in lower case, it is text
    assert closing_caveat("This copy is for background use only") == []
    assert closing_caveat("MEMORANDUM Eyes Only and then more") == []


def test_set_apart_markings_among_specks_not_among_words() -> None:
    text = "mr ABC Xqzvaal > URGENT 6-13-61 5:17 PM SK cx"
    assert spans(text, set_apart(text)) == [("URGENT", "stamp", "handling")]
    text = "Adams Baker DECODED COPY Qwzrtk Evans"
    assert spans(text, set_apart(text)) == [("DECODED COPY", "stamp", "handling")]
    assert set_apart("THE MATTER IS URGENT AND REQUIRES") == []
    assert set_apart("ROUTINE CHECKS SHOWED NOTHING") == []
    # a form's check boxes list every level: none is the copy's
    assert set_apart("(J CONFIDENTIAL =] Tqra [] UNCLASSIFIED") == []
    text = "(4. AIRTEL, HT oe / fs to DIRECTOR"
    assert spans(text, set_apart(text)) == [("AIRTEL", "stamp", "handling")]


def test_labelled_identifiers() -> None:
    text = "RECORD NUMBER: = 104-10000-10001"
    assert spans(text, labelled_identifiers(text)) == [("104-10000-10001", "idno", "record")]
    # an OCR copy reads the form's rule between label and value as a dash
    text = "RECORD NUMBER: — 104-10000-10001"
    assert spans(text, labelled_identifiers(text)) == [("104-10000-10001", "idno", "record")]
    text = "AGENCY FILE NUMBER: =—AB 100-2000-3"
    assert spans(text, labelled_identifiers(text)) == [("AB 100-2000-3", "idno", "file")]
    text = "RECORD NUMBER: —104-10000-10001"
    assert spans(text, labelled_identifiers(text)) == [("104-10000-10001", "idno", "record")]
    # a dash without a colon before it is not a field's rule
    assert labelled_identifiers("REPORT NO — 12") == []
    text = "File # AB 100-20 - 3 by"
    assert spans(text, labelled_identifiers(text)) == [("AB 100-20 - 3", "idno", "file")]
    text = "REFILE: 100-2000"
    assert spans(text, labelled_identifiers(text)) == [("100-2000", "idno", "file")]
    text = "COUNTRY ATLANTIS REPORT NO. ABCD-1/234, 567"
    assert spans(text, labelled_identifiers(text)) == [("ABCD-1/234, 567", "idno", "registry")]
    text = "CONTROL No, XY4Z3-012/34 B"
    assert spans(text, labelled_identifiers(text)) == [("XY4Z3-012/34", "idno", "registry")]
    text = "01234. Subject: Visit of the Minister"
    assert spans(text, labelled_identifiers(text)) == [("01234", "idno", "cable")]
    # a label without a number after it, and a number no label names
    assert labelled_identifiers("AGENCY FILE NUMBER : ORIGINATOR : XYZ") == []
    assert labelled_identifiers("the file was sent on 12-3") == []


def test_marks_in_keeps_the_first_of_overlapping_marks() -> None:
    text = "PRECEDENCE ROUTINE"
    assert spans(text, marks_in(text, ocr=True)) == [("ROUTINE", "stamp", "handling")]
    assert marks_in("> URGENT 6-13-61", ocr=False) == []


def test_a_field_label_with_an_identifier_is_a_field() -> None:
    assert field_label("REFILE: 100-2000") == "REFILE"
    assert field_label("XYZ: AB 100-20 - 3") == "XYZ"
    assert field_label("MR. SMITH: 10-4 was the answer") is None


def test_a_garbled_marking_must_be_most_of_its_line() -> None:
    assert read_marking("z. SECREZ tit lw") is None
    assert read_marking("SECRFT") is not None
    assert read_marking("SECRET tit lw") is not None  # exact: specks around it do not matter
    # the caveat of 1951-53 copies beside its level
    reading = read_marking("CONFIDENTIAL - SECURITY INFORMATION")
    assert reading is not None and reading.phrases == ("SECURITY INFORMATION",)
    assert mostly_marking("SECREZ", ["SECREZ"])
    assert not mostly_marking("z. SECREZ tit lw", ["SECREZ"])
