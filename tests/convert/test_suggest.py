"""``teikit suggest``: what it proposes on the seeds and on small texts, and the draft it writes."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

from teikit.cli import main
from teikit.convert.lexicon import english
from teikit.convert.suggest import Suggestion, render_draft, suggest_file, suggest_text

RAW = Path(__file__).resolve().parents[2] / "tei" / "raw"
FBI = RAW / "1964-06-15_letter_cpsu-to-cpc_fbi-copy.txt"


def proposals(text: str) -> list[tuple[str, str, int, int, str, str]]:
    return [(s.sic, s.corr, s.line, s.column, s.kind, s.cert) for s in suggest_text(text)]


def test_fbi_copy_proposals_exactly() -> None:
    got = [(s.sic, s.corr, s.line, s.kind, s.cert) for s in suggest_file(FBI)]
    assert got == [
        ("rendunced", "renounced", 7, "spelling", "high"),
        ("aimsin", "aims in", 44, "split", "medium"),
        ("CRC", "CPC", 44, "acronym", "medium"),
        ("scute", "acute", 48, "lookalike", "low"),
        ("bension", "tension", 58, "spelling", "high"),
        ("wildmen", "wild men", 58, "split", "medium"),
        ("proposel", "proposal", 70, "spelling", "medium"),
        ("ussue", "issue", 74, "spelling", "high"),
        ("dicisions", "decisions", 119, "spelling", "high"),
        ("be yond", "beyond", 123, "join", "high"),
        ("sccialist", "socialist", 139, "spelling", "high"),
        ("conslusion", "conclusion", 173, "spelling", "high"),
        ("epochmaking", "epoch making", 173, "split", "medium"),
    ]


def test_fbi_copy_context_and_column() -> None:
    first = suggest_file(FBI)[0]
    assert first.column == 745
    line = FBI.read_text(encoding="utf-8").splitlines()[first.line - 1]
    assert line[first.column - 1 :].startswith("rendunced")
    assert first.context == (
        "…done considerable harm to our cause -- [rendunced] "
        "if those measures were to succeed. We r…"
    )


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("1951-10-19_cable_mao-to-filippov.txt", []),
        ("1959-10-02_conversation_khrushchev-mao.txt", [("Chairma", 6), ("Chairma", 13)]),
        ("1964-10-09_conversation_balluku-mao.txt", []),
        ("undated_open-letter_suci-to-cpsu.txt", [("steeling", 1042)]),
    ],
)
def test_other_seeds_few_proposals(name: str, expected: list[tuple[str, int]]) -> None:
    assert [(s.sic, s.line) for s in suggest_file(RAW / name)] == expected


def test_every_reviewed_correction_is_found_in_its_text() -> None:
    """The reviewed sidecars only name strings that are in the text (on the given line)."""
    sidecars = sorted(RAW.glob("*.sidecar.toml"))
    assert sidecars
    for sidecar in sidecars:
        raw = sidecar.with_name(sidecar.name.removesuffix(".sidecar.toml") + ".txt")
        text = raw.read_text(encoding="utf-8")
        lines = text.splitlines()
        data = tomllib.loads(sidecar.read_text(encoding="utf-8"))
        editors = {e["id"] for e in data.get("editor", [])}
        for c in data.get("correction", []):
            assert c["resp"] in editors, (sidecar.name, c)
            assert c["cert"] in ("high", "medium", "low")
            count = text.count(c["sic"])
            if "line" in c:
                assert c["sic"] in lines[c["line"] - 1], (sidecar.name, c)
            else:
                assert count == 1, (sidecar.name, c["sic"], count)


def test_fbi_sidecar_covers_every_proposal_but_the_split_compounds() -> None:
    data = tomllib.loads(FBI.with_name(FBI.stem + ".sidecar.toml").read_text(encoding="utf-8"))
    reviewed = {c["sic"]: c["corr"] for c in data["correction"]}
    assert len(reviewed) >= 20
    for s in suggest_file(FBI):
        assert s.sic in reviewed
        if s.kind != "split":
            assert reviewed[s.sic] == s.corr
    assert reviewed["epochmaking"] == "epoch-making"


# -- small texts ----------------------------------------------------------------


def test_ocr_confusion_beats_plain_edit() -> None:
    # rn→m: "rnodern" is two confusions from "modern"; "rnore" one from "more".
    assert proposals("We need rnore time.\n") == [
        ("rnore", "more", 1, 9, "spelling", "high"),
    ]


def test_british_spellings_and_period_words_are_not_flagged() -> None:
    text = (
        "We favour the programme and realise that the colour of the labour movement "
        "is a matter of honour; the bourgeoisie, the proletariat and the revisionists "
        "speak of the dictatorship of the proletariat and of imperialism.\n"
    )
    assert proposals(text) == []


def test_names_inside_a_sentence_are_not_flagged() -> None:
    text = "Then Comrade Balluku met Kornushina and Fedyaev in Tirana.\n"
    assert proposals(text) == []


def test_capitalized_misspelling_at_sentence_start_is_checked_in_lower_case() -> None:
    assert proposals("It ended. Conslusion follows.\n") == [
        ("Conslusion", "Conclusion", 1, 11, "spelling", "high"),
    ]


def test_split_word_pair_across_a_hard_wrap() -> None:
    assert proposals("it will not go be\nyond that point.\n") == [
        ("be yond", "beyond", 1, 16, "join", "high"),
    ]


def test_words_run_together() -> None:
    assert proposals("the aimsin view\n") == [("aimsin", "aims in", 1, 5, "split", "medium")]


def test_derivations_are_not_split() -> None:
    assert proposals("they would uncrown the king and counterpoise it\n") == []


def test_acronym_seen_once_next_to_a_frequent_one() -> None:
    text = "The CPC said. The CPC wrote. The CPC met. The CPC left. The CPC won. The CRC lost.\n"
    assert proposals(text) == [("CRC", "CPC", 1, 74, "acronym", "medium")]


def test_bracketed_transliteration_is_left_alone() -> None:
    text = "It would be better. [Luchshe by, esli by on byl v grobu.] He said so.\n"
    assert proposals(text) == []


def test_web_addresses_are_left_alone() -> None:
    assert proposals("See <https://example.org/dokument/xyzzy> and www.qwrtz.org now.\n") == []


def test_crlf_and_cr_line_ends_give_the_same_positions() -> None:
    lf = "Fine.\n\nWe need rnore time.\n"
    assert proposals(lf.replace("\n", "\r\n")) == proposals(lf)
    assert proposals(lf.replace("\n", "\r")) == proposals(lf)
    assert proposals(lf)[0][2:4] == (3, 9)


def test_deterministic() -> None:
    text = FBI.read_text(encoding="utf-8")
    assert suggest_text(text) == suggest_text(text)


def test_lexicon_is_built_once() -> None:
    assert english() is english()


# -- the draft sidecar ------------------------------------------------------------


def test_draft_is_valid_toml_with_placeholder_editor() -> None:
    draft = render_draft(suggest_file(FBI), FBI.name)
    data = tomllib.loads(draft)
    assert data["editor"] == [
        {
            "id": "ed-unconfirmed",
            "name": "UNCONFIRMED: replace with the reviewing editor",
            "resp": "Correction of OCR errors",
        }
    ]
    assert data["correction"][0] == {
        "sic": "rendunced",
        "corr": "renounced",
        "line": 7,
        "cert": "high",
        "resp": "ed-unconfirmed",
    }
    assert len(data["correction"]) == 13
    assert "# 7:745 spelling: …done considerable harm" in draft


def test_draft_escapes_quotes_backslashes_and_controls() -> None:
    s = Suggestion('a"b\\c\td', "x\ny", 3, 4, "high", "spelling", 'ctx "q"\nnext', "why")
    draft = render_draft([s], "we\nird.txt")
    data = tomllib.loads(draft)
    assert data["correction"][0]["sic"] == 'a"b\\c\td'
    assert data["correction"][0]["corr"] == "x\ny"
    assert '# 3:4 spelling: ctx "q" next' in draft
    assert draft.startswith("# Draft corrections for we ird.txt,")


def test_empty_draft_says_so() -> None:
    draft = render_draft([], "clean.txt")
    assert draft.endswith("\n# No likely OCR errors found.\n")
    assert "correction" not in tomllib.loads(draft)


# -- the command line -------------------------------------------------------------


def test_cli_prints_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("We need rnore time.\n", encoding="utf-8")
    assert main(["suggest", str(src)]) == 0
    out = capsys.readouterr().out
    assert tomllib.loads(out)["correction"] == [
        {"sic": "rnore", "corr": "more", "line": 1, "cert": "high", "resp": "ed-unconfirmed"}
    ]


def test_cli_writes_output_and_refuses_to_overwrite(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("We need rnore time.\n", encoding="utf-8")
    out = tmp_path / "draft.toml"
    assert main(["suggest", str(src), "-o", str(out)]) == 0
    first = out.read_bytes()
    assert b'sic = "rnore"' in first
    out.write_text("# reviewed\n", encoding="utf-8")
    assert main(["suggest", str(src), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err == (
        f"teikit: {out}: exists; not overwriting a sidecar an editor may have reviewed "
        "(use --force)\n"
    )
    assert out.read_text(encoding="utf-8") == "# reviewed\n"
    assert main(["suggest", str(src), "-o", str(out), "--force"]) == 0
    assert out.read_bytes() == first


def test_cli_leaves_out_what_the_sidecar_decides(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "doc.txt"
    src.write_text("We need rnore time and rnany men.\n", encoding="utf-8")
    (tmp_path / "doc.sidecar.toml").write_text(
        '[[correction]]\nsic = "rnore time"\ncorr = "more time"\nresp = "ed-x"\n',
        encoding="utf-8",
    )
    assert main(["suggest", str(src)]) == 0
    sics = [c["sic"] for c in tomllib.loads(capsys.readouterr().out)["correction"]]
    assert sics == ["rnany"]
    assert main(["suggest", str(src), "--all"]) == 0
    sics = [c["sic"] for c in tomllib.loads(capsys.readouterr().out)["correction"]]
    assert sics == ["rnore", "rnany"]


def test_cli_min_cert(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["suggest", str(FBI), "--min-cert", "high", "--sidecar", "/dev/null"]) == 0
    data = tomllib.loads(capsys.readouterr().out)
    assert {c["cert"] for c in data["correction"]} == {"high"}
    assert len(data["correction"]) == 7


def test_cli_latin1_input_is_an_error_at_its_place(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    src = tmp_path / "latin1.txt"
    src.write_bytes("first line\nsecond caf\u00e9 line\n".encode("latin-1"))
    out = tmp_path / "draft.toml"
    assert main(["suggest", str(src), "-o", str(out)]) == 2
    assert capsys.readouterr().err == (
        f"teikit: {src}:2:11: not UTF-8: byte 0xE9 cannot be decoded "
        "(save the transcription as UTF-8)\n"
    )
    assert not out.exists()


def test_cli_bom_is_ignored(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    src = tmp_path / "bom.txt"
    src.write_bytes("\ufeffRnore time.\n".encode())
    assert main(["suggest", str(src)]) == 0
    data = tomllib.loads(capsys.readouterr().out)
    assert [(c["sic"], c["corr"]) for c in data["correction"]] == [("Rnore", "More")]


def test_cli_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "nope.txt"
    assert main(["suggest", str(missing)]) == 2
    assert capsys.readouterr().err == f"teikit: {missing}: cannot read: No such file or directory\n"
