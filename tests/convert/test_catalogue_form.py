"""An archive's catalogue form before the document: its fields stay fields.

An archive's identification form lists the document's kind (``DOCUMENT TYPE: REPORT``)
and identifiers with the form's rules read by the OCR as dashes between label and
value (``RECORD NUMBER: — 104-…``). The kind's name in a field is not the copy's title,
and the identifier after the dash is still the field's value. Invented text.
"""

from __future__ import annotations

from convert_helpers import NS, frag, run

FORM = """\
Identification Form

AGENCY: XYZ
RECORD NUMBER: — 321-10000-10001
AGENCY FILE NUMBER: = AB 100-2000-3

DOCUMENT TYPE: REPORT
CLASSIFICATION: Secret
PAGES: 2

HARBOUR WORKS AT NORTHPORT

1. The board of the harbour met on the second day of the month and heard the engineer
on the state of the new quay, which he thought would be finished by the spring.

2. The board agreed to meet again when the engineer had his figures for the works.
"""


def test_a_form_field_naming_a_kind_is_not_a_heading() -> None:
    tree = run(FORM).tree
    heads = [frag(h) for h in tree.iterfind(".//t:body//t:head", NS)]
    assert heads == ["<head>HARBOUR WORKS AT NORTHPORT</head>"]
    field = next(
        p for p in tree.iterfind(".//t:body//t:p", NS) if "".join(p.itertext()).startswith("DOC")
    )
    assert frag(field) == "<p>DOCUMENT TYPE: REPORT</p>"


def test_an_identifier_after_the_forms_rule_read_as_a_dash() -> None:
    tree = run(FORM).tree
    idnos = [frag(i) for i in tree.iterfind(".//t:body//t:idno", NS)]
    assert idnos == [
        '<idno type="record">321-10000-10001</idno>',
        '<idno type="file">AB 100-2000-3</idno>',
    ]


def test_a_footer_and_its_page_number_read_apart_turn_one_page() -> None:
    text = (
        "MEMORANDUM\n\n"
        "The harbour board met on the second day of the month and heard the engineer.\n\n"
        "XY 10000 DocId: 30000000\n\n"
        "Page 1\n\n"
        "The board agreed to meet again when the engineer had his figures for the works.\n\n"
        "XY 10000 DocId:30000000 Page 2\n"
    )
    div = run(text).tree.find(".//t:body/t:div", NS)
    assert div is not None
    marks = [frag(e) for e in div.iter() if str(e.tag).endswith(("}fw", "}pb"))]
    assert marks == [
        '<fw type="footer">XY 10000 DocId: 30000000</fw>',
        '<fw type="footer">Page 1</fw>',
        "<pb/>",
        '<fw type="footer">XY 10000 DocId:30000000 Page 2</fw>',
    ]


def test_a_continuation_pages_head_turns_the_page() -> None:
    text = (
        "MEMORANDUM\n\n"
        "The harbour board met on the second day of the month and heard the engineer\n"
        "on the state of the new quay, which he thought would be finished by spring.\n\n"
        "Roe, page 2.\n\n"
        "The board agreed to meet again when the engineer had his figures for the works.\n"
    )
    div = run(text).tree.find(".//t:body/t:div", NS)
    assert div is not None
    marks = [frag(e) for e in div.iter() if str(e.tag).endswith(("}fw", "}pb"))]
    assert marks == ["<pb/>", '<fw type="header">Roe, page 2.</fw>']
