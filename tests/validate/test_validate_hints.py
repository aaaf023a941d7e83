"""A bad value of a closed list lists every allowed value, with did-you-mean, as data too.

Uses the bundled teikit schema only, so it runs in a fresh clone.
"""

from __future__ import annotations

from pathlib import Path

from teikit import validate

DOC = Path(__file__).resolve().parents[1] / "schema" / "valid" / "conversation.xml"


def _problems(old: str, new: str) -> list[tuple[str, str, tuple[str, ...], str]]:
    data = DOC.read_text(encoding="utf-8")
    assert old in data
    report = validate(data.replace(old, new, 1).encode())
    return [(p.rule, p.message, p.expected, p.hint) for p in report.problems]


def test_bad_token_in_a_closed_token_list_lists_all_values_and_the_nearest() -> None:
    [(rule, message, expected, hint)] = _problems(
        '<gap reason="summarized"/>', '<gap reason="summarized ilegible"/>'
    )
    assert rule == "rng:attribute-value"
    assert expected == ("summarized", "lost", "illegible", "omitted", "withheld")
    assert hint == "illegible"
    assert message == (
        "`ilegible` is not an allowed value of `@reason` on `gap`; allowed (one or more, "
        "separated by spaces): `summarized`, `lost`, `illegible`, `omitted`, `withheld`; "
        "did you mean `illegible`?"
    )


def test_bad_value_far_from_any_still_lists_the_allowed_values() -> None:
    [(_, message, expected, hint)] = _problems('<gap reason="summarized"/>', '<gap reason="zzz"/>')
    assert "expected a different value" not in message
    assert all(f"`{v}`" in message for v in expected)
    assert expected and hint == ""


def test_problem_names_the_schema_that_found_it() -> None:
    report = validate(
        DOC.read_text(encoding="utf-8").replace('reason="lost"', 'reason="x"').encode()
    )
    assert {p.schema for p in report.problems} == {"teikit"}
    assert report.schema_names == ["teikit"]


def test_xsd_enumeration_gives_the_values_and_the_nearest_as_data() -> None:
    from teikit.resources import bundled_schema

    data = DOC.read_text(encoding="utf-8").replace('reason="lost"', 'reason="lots"', 1)
    report = validate(data.encode(), schema=str(bundled_schema("teikit", "xsd")))
    [problem] = report.problems
    assert problem.expected == ("summarized", "lost", "illegible", "omitted", "withheld")
    assert problem.hint == "lost"
    assert "did you mean `lost`?" in problem.message
    assert problem.schema == "teikit"
