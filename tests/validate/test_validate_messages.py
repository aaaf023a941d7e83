"""The messages people act on: exact wording, one problem per root cause, real columns."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from validate_helpers import tei

from teikit import validate
from teikit.validate.report import Engine, Severity

pytestmark = pytest.mark.shared


@pytest.fixture(scope="module")
def rng(shared: Path) -> str:
    return str(shared / "tei-p5" / "tei_all.rng")


def problems(rng: str, body: str) -> list[tuple[int, int, str, str]]:
    report = validate(tei(body).encode(), rng)
    return [(p.line, p.column, p.rule, p.message) for p in report.problems]


def test_misspelt_element_names_the_nearest_allowed_one_once(rng: str) -> None:
    assert problems(rng, "<sp><speakr>A</speakr><p>x</p></sp>") == [
        (
            4,
            5,
            "rng:element-not-allowed",
            "`speakr` is not allowed in `sp`; did you mean `speaker`?",
        )
    ]


def test_bad_value_from_a_closed_list_lists_the_allowed_ones(rng: str) -> None:
    assert problems(rng, '<div><p><gap reason="x" cert="hihg"/></p></div>') == [
        (
            4,
            25,
            "rng:attribute-value",
            "`hihg` is not a valid value of `@cert` on `gap`: expected `high`, `medium`, `low`, "
            "`unknown` or a number (xsd:double); did you mean `high`?",
        )
    ]


def test_bad_datatype_value_says_what_is_expected(rng: str) -> None:
    [(line, col, rule, message)] = problems(rng, '<p><date when="yesterday">x</date></p>')
    assert (line, col, rule) == (4, 10, "rng:attribute-value")
    assert message.startswith(
        "`yesterday` is not a valid value of `@when` on `date`: expected a date, a year"
    )
    assert message.endswith(
        "(xsd:date, xsd:gYear, xsd:gMonth, xsd:gDay, xsd:gYearMonth, "
        "xsd:gMonthDay, xsd:time, xsd:dateTime)"
    )


def test_missing_required_attribute(rng: str) -> None:
    assert problems(rng, "<p>a<milestone/></p>") == [
        (4, 5, "rng:attribute-missing", "`milestone` lacks the required attribute `@unit`")
    ]


def test_undeclared_attribute_suggests_the_nearest(rng: str) -> None:
    assert problems(rng, '<p><hi rendd="b">a</hi></p>') == [
        (
            4,
            8,
            "rng:attribute-not-allowed",
            "attribute `@rendd` is not allowed on `hi`; did you mean `@rend`?",
        )
    ]


def test_incomplete_content_names_what_completes_it(rng: str) -> None:
    assert problems(rng, "<div><list><head>a</head></list></div>") == [
        (4, 6, "rng:content-incomplete", "`list` is incomplete: expected `item` after `head`")
    ]


def test_text_where_none_is_allowed_suggests_a_wrapper(rng: str) -> None:
    assert problems(rng, "<div>loose text<p>a</p></div>") == [
        (4, 1, "rng:text-not-allowed", "text is not allowed directly in `div`; wrap it in `p`")
    ]


def test_wrong_root(rng: str) -> None:
    report = validate(b'<TEl xmlns="http://www.tei-c.org/ns/1.0"/>', rng)
    assert [(p.rule, p.message) for p in report.problems] == [
        ("rng:root", "`TEl` is not allowed as the root element; did you mean `TEI`?")
    ]


def test_column_counts_earlier_tags_on_the_same_line(rng: str) -> None:
    body = '<p><hi>a</hi> <hi>b</hi> <hi rend="x" foo="y">c</hi></p>'
    [p] = validate(tei(body).encode(), rng).problems
    assert (p.line, p.column, p.xpath) == (4, 39, "/TEI[1]/text[1]/body[1]/p[1]/hi[3]/@foo")
    assert tei(body).splitlines()[3][p.column - 1 :].startswith('foo="y"')


def test_problem_fields(rng: str) -> None:
    [p] = validate(tei("<sp><speakr>A</speakr></sp>").encode(), rng).problems
    assert (p.severity, p.engine, p.file) == (Severity.ERROR, Engine.RELAXNG, "<bytes>")
    assert p.xpath == "/TEI[1]/text[1]/body[1]/sp[1]/speakr[1]"


def test_valid_document_has_no_problems(rng: str) -> None:
    report = validate(tei("<sp><speaker>A</speaker><p>x</p></sp>").encode(), rng)
    assert report.valid and report.problems == []


def test_independent_faults_are_each_reported_once(rng: str) -> None:
    body = (
        "<div><p>a</p>\n"
        '<p><hi>x</hi> <hi rendd="b">y</hi></p>\n'
        "<list><head>h</head></list>\n"
        "<sp><speakr>A</speakr><speakr>B</speakr></sp></div>"
    )
    assert problems(rng, body) == [
        (
            5,
            19,
            "rng:attribute-not-allowed",
            "attribute `@rendd` is not allowed on `hi`; did you mean `@rend`?",
        ),
        (6, 1, "rng:content-incomplete", "`list` is incomplete: expected `item` after `head`"),
        (
            7,
            5,
            "rng:element-not-allowed",
            "`speakr` is not allowed in `sp`; did you mean `speaker`?",
        ),
    ]
