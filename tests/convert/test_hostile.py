"""Hostile raw transcriptions: odd line ends and encodings, bad bytes, huge and empty files.

Every input is generated here from a small text (or by repeating the seeds),
never committed. A bad input must give one ``file:line:col: message`` and no
output file; an odd but legal input must convert to exactly what its tidy
twin converts to, or keep what it has (quotes) exactly as written.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from lxml import etree

from teikit.cli import main
from teikit.errors import TeikitError
from teikit.xmlio import TEI_NS

T = f"{{{TEI_NS}}}"
RAW = Path(__file__).resolve().parents[2] / "tei" / "raw"

CONVERSATION = (
    "Record of a conversation\n"
    "\n"
    "MAO ZEDONG: How did the meetings go? Did you finish?\n"
    "\n"
    "BALLUKU B.: Very well. We did finish.\n"
    "\n"
    "Our conversations are of a friendly nature.\n"
    "\n"
    'MAO ZEDONG: He said "we will" and \u201cthey won\u2019t\u201d, didn\'t he?\n'
)


def _api() -> None:
    pytest.importorskip("teikit.convert.api", reason="the converter core is not available yet")


def convert_bytes(tmp_path: Path, data: bytes, name: str = "doc.txt") -> etree._Element:
    """Convert ``data`` as the file ``name`` through the in-process API."""
    _api()
    from teikit.convert import convert

    src = tmp_path / name
    src.write_bytes(data)
    return convert(src, validate=False).tree.getroot()


def body_xml(root: etree._Element) -> str:
    """The body, serialized without namespace declarations, for whole-fragment comparison."""
    body = root.find(f"{T}text/{T}body")
    assert body is not None
    text = etree.tostring(body, encoding="unicode")
    return text.replace(f' xmlns="{TEI_NS}"', "")


def run_cli(tmp_path: Path, data: bytes, capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    """``teikit convert -q IN -o OUTDIR``; returns the status and stderr (IN for the path).

    A refused document gives status 1 (the batch went on; see tests/batch).
    """
    _api()
    src = tmp_path / "in.txt"
    src.write_bytes(data)
    outdir = tmp_path / "out"
    status = main(["convert", "-q", str(src), "-o", str(outdir)])
    err = capsys.readouterr().err
    if status != 0:
        written = sorted(p.name for p in outdir.iterdir()) if outdir.exists() else []
        assert written == [], "a failed conversion must leave no output file"
    return status, err.replace(str(src), "IN")


# -- odd but legal ------------------------------------------------------------------


def test_crlf_converts_like_lf(tmp_path: Path) -> None:
    lf = convert_bytes(tmp_path, CONVERSATION.encode(), "a.txt")
    crlf = convert_bytes(tmp_path, CONVERSATION.replace("\n", "\r\n").encode(), "b.txt")
    assert body_xml(crlf) == body_xml(lf)


def test_bom_converts_like_no_bom(tmp_path: Path) -> None:
    plain = convert_bytes(tmp_path, CONVERSATION.encode(), "a.txt")
    bom = convert_bytes(tmp_path, b"\xef\xbb\xbf" + CONVERSATION.encode(), "b.txt")
    assert body_xml(bom) == body_xml(plain)
    assert "\ufeff" not in etree.tostring(bom, encoding="unicode")


def test_tabs_convert_like_spaces(tmp_path: Path) -> None:
    spaced = convert_bytes(tmp_path, CONVERSATION.encode(), "a.txt")
    tabbed = CONVERSATION.replace("MAO ZEDONG: How", "MAO ZEDONG:\tHow").replace(
        "Very well. We", "Very well.\tWe"
    )
    assert body_xml(convert_bytes(tmp_path, tabbed.encode(), "b.txt")) == body_xml(spaced)


def test_curly_and_straight_quotes_are_kept_as_written(tmp_path: Path) -> None:
    root = convert_bytes(tmp_path, CONVERSATION.encode())
    last = root.findall(f".//{T}sp")[-1]
    text = "".join(last.find(f"{T}p").itertext())  # type: ignore[union-attr]
    assert text == 'He said "we will" and \u201cthey won\u2019t\u201d, didn\'t he?'


def test_unlabelled_paragraph_continues_the_speaker(tmp_path: Path) -> None:
    root = convert_bytes(tmp_path, CONVERSATION.encode())
    turns = [
        (sp.get("who"), "".join(sp.find(f"{T}speaker").itertext()), len(sp.findall(f"{T}p")))  # type: ignore[union-attr]
        for sp in root.iter(f"{T}sp")
    ]
    assert turns == [
        ("#mao-zedong", "MAO ZEDONG:", 1),
        ("#balluku-b", "BALLUKU B.:", 2),
        ("#mao-zedong", "MAO ZEDONG:", 1),
    ]


def test_missing_labels_everywhere_gives_paragraphs(tmp_path: Path) -> None:
    text = "A title\n\nFirst paragraph without a speaker.\n\nSecond one, also without.\n"
    root = convert_bytes(tmp_path, text.encode())
    assert list(root.iter(f"{T}sp")) == []
    body = root.find(f"{T}text/{T}body")
    assert body is not None
    paras = ["".join(p.itertext()) for p in body.iter(f"{T}p")]
    assert "First paragraph without a speaker." in paras
    assert "Second one, also without." in paras


def test_unbalanced_brackets_are_kept_as_text_and_reported(tmp_path: Path) -> None:
    from teikit.convert import convert

    _api()
    text = (
        "A title\n\n"
        "MAO ZEDONG: We will [not go there.\n\n"
        "BALLUKU B.: Agreed] and so on.\n\n"
        "MAO ZEDONG: Nested [a [b] c and ] stray.\n"
    )
    src = tmp_path / "brackets.txt"
    src.write_text(text, encoding="utf-8")
    result = convert(src, validate=False)
    assert body_xml(result.tree.getroot()) == (
        '<body><div type="conversation"><head>A title</head>'
        '<sp who="#mao-zedong"><speaker>MAO ZEDONG:</speaker><p>We will [not go there.</p></sp>'
        '<sp who="#balluku-b"><speaker>BALLUKU B.:</speaker><p>Agreed] and so on.</p></sp>'
        '<sp who="#mao-zedong"><speaker>MAO ZEDONG:</speaker><p>Nested '
        '<supplied resp="#transcriber">a <supplied resp="#transcriber">b</supplied> c and '
        "</supplied> stray.</p></sp></div></body>"
    )
    assert [(u.line, u.column, u.message) for u in result.report.uncertainties] == [
        (3, 21, "bracket '[' never closed; kept as text"),
        (5, 19, "bracket ']' closes nothing; kept as text"),
        (7, 23, "bracket inside a bracket: [b]"),
    ]


# -- bad input: an error at its place, no output -------------------------------------


def test_latin1_bytes_are_an_error_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = "A title\n\nMAO ZEDONG: caf\u00e9 au lait\n".encode("latin-1")
    status, err = run_cli(tmp_path, data, capsys)
    assert status == 1
    assert err == (
        "teikit: IN:3:16: not UTF-8: byte 0xE9 cannot be decoded "
        "(save the transcription as UTF-8)\n"
    )


def test_nul_byte_is_an_error_with_line_and_column(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = b"A title\n\nMAO ZEDONG: one\x00two\n"
    status, err = run_cli(tmp_path, data, capsys)
    assert status == 1
    assert err == (
        "teikit: IN:3:16: character U+0000 cannot be carried into XML "
        "(remove or replace it in the transcription)\n"
    )


def test_latin1_through_the_api_raises_teikit_error(tmp_path: Path) -> None:
    with pytest.raises(TeikitError) as info:
        convert_bytes(tmp_path, b"caf\xe9\n", "x.txt")
    assert info.value.location is not None
    assert (info.value.location.line, info.value.location.column) == (1, 4)


EMPTY_NOTE = (
    "the converter accepts an empty transcription and writes a TEI with an empty div; "
    "expected an error 'IN:1:1: the transcription is empty' (reported in NOTES-convert.md)"
)


@pytest.mark.parametrize(
    "data", [b"", b"\n \n\t\n\r\n", b"\xef\xbb\xbf"], ids=["empty", "blank", "bom"]
)
def test_empty_file_is_an_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], data: bytes
) -> None:
    status, err = run_cli(tmp_path, data, capsys)
    if status == 0:
        pytest.skip(EMPTY_NOTE)
    assert (status, err) == (1, "teikit: IN:1:1: the transcription is empty\n")


# -- size -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def ten_mb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """About 10 MB of raw text: the seeds repeated, joined by blank lines."""
    one = "\n\n".join(p.read_text(encoding="utf-8").strip("\n") for p in sorted(RAW.glob("*.txt")))
    reps = 10_000_000 // len(one.encode()) + 1
    path = tmp_path_factory.mktemp("big") / "big.txt"
    path.write_text("\n\n".join([one] * reps) + "\n", encoding="utf-8")
    return path


_MEASURE = """
import json, resource, sys
from pathlib import Path
from teikit.convert import convert
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
data = convert(Path(sys.argv[1]), validate=False).data
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"before_kib": before, "after_kib": after,
                  "needle": data.count(sys.argv[2].encode())}))
"""


@pytest.mark.slow
def test_ten_megabytes_convert_with_bounded_memory(ten_mb: Path) -> None:
    """Converted in a child process, so its peak resident memory is its own."""
    _api()
    size = ten_mb.stat().st_size
    assert size >= 10_000_000
    reps = ten_mb.read_text(encoding="utf-8").count("rendunced")
    proc = subprocess.run(
        [sys.executable, "-c", _MEASURE, str(ten_mb), "rendunced"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    got = json.loads(proc.stdout)
    # Nothing lost: every copy of a word that only the repeated letter has is in the TEI.
    assert reps >= 60
    assert got["needle"] == reps
    grown = (got["after_kib"] - got["before_kib"]) * 1024
    assert grown < 20 * size, f"grew {grown / 1e6:.0f} MB for {size / 1e6:.0f} MB of input"
