"""Hostile input: each gets one clear problem, reads no other file, touches no network."""

from __future__ import annotations

import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from typing import TYPE_CHECKING

from validate_helpers import VALID, mini_schema, write

from teikit import validate, xmlio

if TYPE_CHECKING:
    from teikit.validate.report import Report

ENTITIES = (
    "the document declares entities in its DOCTYPE; teikit does not expand entities "
    "(remove the DOCTYPE or the entity declarations)"
)
EXTERNAL_DTD = (
    "the document refers to an external DTD; teikit never loads DTDs or follows external "
    "identifiers (remove the DOCTYPE)"
)


def only(report: Report) -> tuple[int, int, str, str]:
    [p] = report.problems
    return p.line, p.column, p.rule, p.message


@pytest.fixture
def schema(tmp_path: Path) -> str:
    return str(mini_schema(tmp_path))


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE doc [<!ENTITY x SYSTEM "file:///etc/passwd">]>',
        '<!DOCTYPE doc [<!ENTITY x SYSTEM "http://127.0.0.1:9/x">]>',
        '<!DOCTYPE doc [<!ENTITY % p SYSTEM "file:///etc/passwd"> %p;]>',
    ],
    ids=["xxe-file", "xxe-http", "parameter-entity"],
)
def test_xxe_is_refused_before_parsing(schema: str, doctype: str) -> None:
    data = f'<?xml version="1.0"?>\n{doctype}\n<doc><item n="1">&x;</item></doc>'.encode()
    assert only(validate(data, schema)) == (2, 1, "xml:not-well-formed", ENTITIES)


def test_billion_laughs(schema: str) -> None:
    lol = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    data = f'<!DOCTYPE doc [{lol}]><doc><item n="1">&l9;</item></doc>'.encode()
    tracemalloc.start()
    report = validate(data, schema)
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    assert only(report) == (1, 1, "xml:not-well-formed", ENTITIES)
    assert peak < 5_000_000


@pytest.mark.parametrize(
    "doctype",
    [
        '<!DOCTYPE doc SYSTEM "file:///etc/passwd">',
        '<!DOCTYPE doc SYSTEM "http://127.0.0.1:9/doc.dtd">',
        '<!DOCTYPE doc PUBLIC "-//X//DTD X//EN" "doc.dtd">',
    ],
    ids=["file", "http", "public"],
)
def test_external_dtd_is_refused(schema: str, doctype: str) -> None:
    data = f"<!-- a comment first -->\n{doctype}\n{VALID}".encode()
    assert only(validate(data, schema)) == (2, 1, "xml:not-well-formed", EXTERNAL_DTD)


def test_not_xml(schema: str) -> None:
    assert only(validate(b"%PDF-1.4 binary", schema)) == (
        1,
        1,
        "xml:not-well-formed",
        "not XML: the file does not start with an element (is it XML at all?)",
    )


def test_declared_encoding_mismatch(schema: str) -> None:
    data = '<?xml version="1.0" encoding="UTF-8"?>\n<doc><item n="1">café</item></doc>'
    assert only(validate(data.encode("latin-1"), schema)) == (
        2,
        21,
        "xml:not-well-formed",
        "not well-formed XML: bytes that are not valid UTF-8, the encoding the document "
        "declares; re-save the file in that encoding or correct its XML declaration",
    )


def test_nul_bytes(schema: str) -> None:
    assert only(validate(b'<doc><item n="1">a\x00b</item></doc>', schema)) == (
        1,
        19,
        "xml:not-well-formed",
        "not well-formed XML: a NUL byte (0x00), which XML forbids; the file may be binary, "
        "truncated or UTF-16 without a byte-order mark",
    )


def test_deep_nesting_is_a_clear_error(schema: str) -> None:
    data = b"<doc>" * 100_000 + b"</doc>" * 100_000
    line, _, rule, message = only(validate(data, schema))
    assert (line, rule) == (1, "xml:not-well-formed")
    assert message == (
        "elements are nested more than 256 levels deep, beyond libxml2's safety limit; "
        "no TEI document needs such depth (is the file generated wrongly?)"
    )


def test_too_large_is_refused_while_reading(tmp_path: Path, schema: str) -> None:
    big = write(tmp_path, "big.xml", b"<doc>" + b" " * (2 << 20) + b"</doc>")
    report = validate([str(big)], schema, max_bytes=1 << 20)
    assert only(report) == (
        0,
        0,
        "io:unreadable",
        "larger than the limit of 1 MiB (raise it with --max-size)",
    )
    assert report.exit_code() == 2


def test_unreadable_files_in_a_directory(
    tmp_path: Path, schema: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    d = tmp_path / "corpus"
    write(d, "ok.xml", VALID)
    write(d, "secret.xml", VALID)
    (d / "dangling.xml").symlink_to(d / "gone.xml")
    os.mkfifo(d / "pipe.xml")
    real_open = open

    def deny(file: str, *args: object, **kwargs: object) -> object:
        if Path(file).name == "secret.xml":
            raise PermissionError(13, "Permission denied", file)
        return real_open(file, *args, **kwargs)  # type: ignore[call-overload]

    # files are read with open() in teikit.xmlio (root ignores file modes)
    monkeypatch.setattr(xmlio, "open", deny, raising=False)
    report = validate([str(d)], schema)
    assert [
        (Path(f.file).name, f.readable, [p.message for p in f.problems]) for f in report.files
    ] == [
        ("dangling.xml", False, ["cannot read: No such file or directory"]),
        ("ok.xml", True, []),
        ("pipe.xml", False, ["not a regular file (a pipe, socket or device)"]),
        ("secret.xml", False, ["cannot read: Permission denied"]),
    ]
    assert report.exit_code() == 2


@pytest.mark.slow
def test_100_mb_document_validates_in_bounded_memory(tmp_path: Path, schema: str) -> None:
    """The whole CLI, in a child process, so libxml2's memory is measured too."""
    paragraph = b'  <item n="%d">' + b"lorem ipsum dolor sit amet " * 2000 + b"</item>\n"
    path = tmp_path / "huge.xml"
    size = 0
    with path.open("wb") as fh:
        fh.write(b"<doc>\n")
        i = 0
        while size < 100 * 1024 * 1024:
            chunk = paragraph % i
            fh.write(chunk)
            size += len(chunk)
            i += 1
        fh.write(b"  <itme/>\n</doc>\n")
    code = (
        "import resource, sys\n"
        "from teikit.cli import main\n"
        "base = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "status = main(sys.argv[1:])\n"
        "rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024\n"
        "print(f'RSS {rss - base}', file=sys.stderr)\n"
        "raise SystemExit(status)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code, "validate", "-q", "-s", schema, str(path)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 1, proc.stderr
    assert proc.stdout == (
        f"{path}:{i + 2}:3: error[rng:element-not-allowed]: "
        "`itme` is not allowed in `doc`; did you mean `item`?\n"
    )
    rss = int(proc.stderr.split("RSS ")[1])
    # beyond what importing teikit takes: the bytes once and libxml2's tree (mostly the text)
    assert rss < 3 * size, rss


def test_positions_beyond_line_65535_are_exact(schema: str) -> None:
    """libxml2 keeps 16-bit line numbers and reports some big ones one line late."""
    items = b"".join(b'  <item n="%d">x</item>\n' % i for i in range(70_000))
    [p] = validate(b"<doc>\n" + items + b"  <itme/>\n</doc>\n", schema).problems
    assert (p.line, p.column) == (70_002, 3)
