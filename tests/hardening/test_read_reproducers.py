"""Issue 12, reading reproducers: validate, load, schemas. Nothing read that nobody named.

A DTD or schema the input names but teikit must not read is made a FIFO: if
anything opened it, the test would block (and the time bound would fail it),
so "refused" here means "never opened", not only "not used".
"""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import pytest
from hardening_helpers import (
    MINIMAL_TEI,
    RNG_NS,
    SCH_NS,
    TEI_NS,
    bounded,
    cli,
    doctype_after_comment,
    make_fifo,
    one_line_error,
    subprocess_teikit,
)
from lxml import etree

import teikit
from teikit.errors import TeikitError
from teikit.model.stream import iter_documents
from teikit.validate import validate

if TYPE_CHECKING:
    from pathlib import Path

DOC = (
    f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body><div type="document"><p>x</p></div>'
    "</body></text></TEI>"
)


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    """A folder beside the input folder, with a DTD that must never be opened."""
    d = tmp_path / "outside"
    d.mkdir()
    make_fifo(d / "fifo.dtd")
    return d


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    return d


# -- external DTDs: every entry point --------------------------------------------------


@pytest.mark.parametrize("after_64k", [False, True])
def test_load_never_opens_an_external_dtd(inputs: Path, outside: Path, after_64k: bool) -> None:
    doc = inputs / "d.xml"
    dtd = outside / "fifo.dtd"
    if after_64k:
        doc.write_bytes(doctype_after_comment(dtd))
    else:
        doc.write_text(f'<!DOCTYPE TEI SYSTEM "{dtd}">\n{MINIMAL_TEI}\n')
    with pytest.raises(TeikitError) as exc, bounded():
        teikit.load(doc)
    assert "DTD" in exc.value.message


def test_iter_documents_never_opens_an_external_dtd(inputs: Path, outside: Path) -> None:
    doc = inputs / "d.xml"
    doc.write_text(f'<!DOCTYPE TEI SYSTEM "{outside / "fifo.dtd"}">\n{DOC}\n')
    with pytest.raises(TeikitError) as exc, bounded():
        list(iter_documents(doc))
    assert "DTD" in exc.value.message


@pytest.mark.parametrize("after_64k", [False, True])
def test_validate_never_opens_an_external_dtd(
    inputs: Path, outside: Path, after_64k: bool, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = inputs / "d.xml"
    dtd = outside / "fifo.dtd"
    if after_64k:
        doc.write_bytes(doctype_after_comment(dtd))
    else:
        doc.write_text(f'<!DOCTYPE TEI SYSTEM "{dtd}">\n{MINIMAL_TEI}\n')
    status, out, _ = cli(["validate", "-q", str(doc)], capsys)
    assert status == 1
    assert "error[xml:not-well-formed]: the document refers to an external DTD" in out


@pytest.mark.parametrize("suffix", ["rng", "sch", "xsd"])
def test_schemas_never_open_an_external_dtd(
    inputs: Path, outside: Path, suffix: str, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = inputs / f"s.{suffix}"
    schema.write_text(f'<!DOCTYPE x SYSTEM "{outside / "fifo.dtd"}">\n<x/>\n')
    doc = inputs / "d.xml"
    doc.write_text(MINIMAL_TEI)
    status, _, err = cli(["validate", "-q", "-s", str(schema), str(doc)], capsys)
    assert status == 2
    one_line_error(err)


def test_a_fifo_as_input_or_schema_is_refused(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    fifo = make_fifo(inputs / "p.xml")
    status, out, _ = cli(["validate", "-q", str(fifo)], capsys)
    assert (status, out) == (
        2,
        f"{fifo}: error[io:unreadable]: not a regular file (a pipe, socket or device)\n",
    )
    schema = make_fifo(inputs / "s.rng")
    (inputs / "d.xml").write_text(MINIMAL_TEI)
    status, _, err = cli(["validate", "-q", "-s", str(schema), str(inputs / "d.xml")], capsys)
    assert status == 2
    assert one_line_error(err).endswith("schema: not a regular file (a pipe, socket or device)")
    with pytest.raises(TeikitError), bounded():
        teikit.load(fifo)


# -- xml-model and includes stay inside the allowed roots ------------------------------


def test_xml_model_outside_the_folder_is_not_followed(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    doc = inputs / "d.xml"
    doc.write_text(
        '<?xml-model href="../../../../../../../../etc/passwd" '
        f'schematypens="{RNG_NS}"?>\n{MINIMAL_TEI}\n'
    )
    status, out, _ = cli(["validate", "-q", "--xml-model", str(doc)], capsys)
    assert status == 1  # checked against the default schema instead
    assert "ignored: it leaves the document's folder (allow a folder with --allow-path)" in out


def test_xml_model_naming_a_fifo_is_a_problem_of_that_document(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    (inputs / "sub").mkdir()
    make_fifo(inputs / "sub" / "fifo.rng")
    doc = inputs / "d.xml"
    doc.write_text(f'<?xml-model href="sub/fifo.rng"?>\n{MINIMAL_TEI}\n')
    status, out, _ = cli(["validate", "-q", "--xml-model", str(doc)], capsys)
    assert status == 1
    assert "error[xml-model]:" in out
    assert "not a regular file" in out


def test_allow_path_lets_a_schema_include_a_sibling_folder(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lib = tmp_path / "lib"
    lib.mkdir()
    (lib / "part.rng").write_text(
        f'<grammar xmlns="{RNG_NS}"><define name="r"><element name="r"><empty/></element>'
        "</define></grammar>"
    )
    schemas = tmp_path / "schemas"
    schemas.mkdir()
    (schemas / "main.rng").write_text(
        f'<grammar xmlns="{RNG_NS}"><include href="../lib/part.rng"/>'
        '<start><ref name="r"/></start></grammar>'
    )
    doc = tmp_path / "d.xml"
    doc.write_text("<r/>")
    status, _, err = cli(["validate", "-q", "-s", str(schemas / "main.rng"), str(doc)], capsys)
    assert status == 2
    assert "leaves the schema's folder (allow a folder with --allow-path)" in one_line_error(err)
    argv = ["validate", "-q", "--allow-path", str(lib), "-s", str(schemas / "main.rng"), str(doc)]
    status, _, err = cli(argv, capsys)
    assert (status, err) == (0, "")
    teikit.xmlio.allow_paths([])


@pytest.mark.parametrize(
    ("name", "text", "needle"),
    [
        (
            "incl_passwd.rng",
            f'<grammar xmlns="{RNG_NS}"><include href="file:///etc/passwd"/>'
            "<start><empty/></start></grammar>",
            "leaves the schema's folder",
        ),
        (
            "incl_http.rng",
            f'<grammar xmlns="{RNG_NS}"><include href="http://127.0.0.1:9/x.rng"/>'
            "<start><empty/></start></grammar>",
            "only local files can be included",
        ),
        (
            "incl_passwd.sch",
            f'<schema xmlns="{SCH_NS}"><include href="file:///etc/passwd"/></schema>',
            "is outside the schema's folder",
        ),
        (
            "doc_passwd.sch",
            f'<schema xmlns="{SCH_NS}" queryBinding="xslt2"><pattern><rule context="/*">'
            "<report test=\"doc('file:///etc/passwd')\">d</report></rule></pattern></schema>",
            "is outside the schema's folder",
        ),
        (
            "unparsed.sch",
            f'<schema xmlns="{SCH_NS}" queryBinding="xslt3"><pattern><rule context="/*">'
            "<report test=\"unparsed-text-available('file:///etc/passwd')\">p</report>"
            "</rule></pattern></schema>",
            "unknown function",
        ),
        (
            "env.sch",
            f'<schema xmlns="{SCH_NS}" queryBinding="xpath31"><pattern><rule context="/*">'
            "<report test=\"environment-variable('HOME')\">e</report></rule></pattern></schema>",
            "unknown function",
        ),
        (
            "incl_passwd.xsd",
            '<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema"><xs:include '
            'schemaLocation="file:///etc/passwd"/><xs:element name="TEI"/></xs:schema>',
            "out of sandbox",
        ),
    ],
)
def test_schemas_read_nothing_outside_their_folder(
    inputs: Path, name: str, text: str, needle: str, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = inputs / name
    schema.write_text(text)
    doc = inputs / "d.xml"
    doc.write_text(MINIMAL_TEI)
    status, _, err = cli(["validate", "-q", "-s", str(schema), str(doc)], capsys)
    assert status == 2
    assert needle in one_line_error(err)


# -- unbounded time in schemas and reports ---------------------------------------------


def test_a_ref_cycle_in_relax_ng_is_an_error(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = inputs / "cycle.rng"
    schema.write_text(
        f'<grammar xmlns="{RNG_NS}"><start><element name="r"><ref name="a"/></element></start>'
        '<define name="a"><ref name="b"/></define><define name="b"><ref name="a"/></define>'
        "</grammar>"
    )
    (inputs / "d.xml").write_text("<r/>")
    status, _, err = cli(["validate", "-q", "-s", str(schema), str(inputs / "d.xml")], capsys)
    assert status == 2
    assert one_line_error(err) == (
        f"teikit: {schema}: define 'a' -> 'b' -> 'a' refers to itself without an element in "
        "between, which RELAX NG forbids (section 4.19)"
    )


def test_a_choice_of_twenty_thousand_values_is_read_in_bounded_time(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    values = "".join(f"<value>v{i}</value>" for i in range(20_000))
    schema = inputs / "big.rng"
    schema.write_text(
        f'<grammar xmlns="{RNG_NS}"><start><element name="r"><attribute name="a"><choice>'
        f"{values}</choice></attribute></element></start></grammar>"
    )
    (inputs / "d.xml").write_text('<r a="v19999"/>')
    status, _, _ = cli(["validate", "-q", "-s", str(schema), str(inputs / "d.xml")], capsys)
    assert status == 0


def test_ten_thousand_attributes_are_located(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    attrs = " ".join(f'a{i}="v"' for i in range(10_000))
    doc = inputs / "af.xml"
    doc.write_text(f'<TEI xmlns="{TEI_NS}" {attrs}><teiHeader/></TEI>\n')
    status, out, _ = cli(["validate", "-q", str(doc)], capsys)
    assert status == 1
    line = next(ln for ln in out.splitlines() if "`@a9999`" in ln)
    col = int(line.split(":")[2])
    assert doc.read_text()[col - 1 :].startswith("a9999=")


def test_relax_ng_says_when_it_stopped_early(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    paras = "".join(f"<p><bogus{i}/></p>" for i in range(300))
    doc = inputs / "many.xml"
    doc.write_text(f'<TEI xmlns="{TEI_NS}"><teiHeader/><text><body>{paras}</body></text></TEI>')
    status, out, _ = cli(["validate", "-q", str(doc)], capsys)
    assert status == 1
    assert out.splitlines()[-1] == (
        f"{doc}: info[rng:more-problems]: the RELAX NG check stopped after 100 problems in "
        "this document; fix these and validate again to see the rest"
    )


def test_timeout_reports_a_document_that_takes_too_long(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    schema = inputs / "slow.sch"
    schema.write_text(
        f'<schema xmlns="{SCH_NS}" queryBinding="xslt2"><pattern><rule context="/*">'
        '<report test="count(for $a in 1 to 3000, $b in 1 to 3000, $c in 1 to 3000 return 1)'
        ' = 0">never</report></rule></pattern></schema>'
    )
    (inputs / "d.xml").write_text("<r/>")
    argv = ["validate", "-q", "--timeout", "0.5", "-s", str(schema), str(inputs / "d.xml")]
    status, out, _ = cli(argv, capsys)
    assert status == 2
    assert out == (
        f"{inputs / 'd.xml'}: error[timeout]: not checked: the check took longer than the time "
        "budget of 0.5 s and was stopped (raise it with --timeout, or look for a costly schema "
        "rule)\n"
    )


def test_timeout_also_stops_a_check_outside_the_main_thread(inputs: Path) -> None:
    import threading

    schema = inputs / "slow.sch"
    schema.write_text(
        f'<schema xmlns="{SCH_NS}" queryBinding="xslt2"><pattern><rule context="/*">'
        '<report test="count(for $a in 1 to 3000, $b in 1 to 3000 return 1) = 0">n</report>'
        "</rule></pattern></schema>"
    )
    (inputs / "d.xml").write_text("<r/>")
    rules: list[str] = []

    def work() -> None:
        report = validate([inputs / "d.xml"], schema, timeout=0.5)
        rules.extend(p.rule for f in report.files for p in f.problems)

    thread = threading.Thread(target=work)
    with bounded():
        thread.start()
        thread.join()
    assert rules == ["timeout"]


def test_xslt3_bindings_run_xpath_2_expressions(
    inputs: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for binding in ("xslt3", "xpath3", "xpath31"):
        schema = inputs / f"{binding}.sch"
        schema.write_text(
            f'<schema xmlns="{SCH_NS}" queryBinding="{binding}"><pattern><rule context="/*">'
            "<report test=\"exists(*) and generate-id(.) != ''\">has children</report>"
            "</rule></pattern></schema>"
        )
        (inputs / "d.xml").write_text("<r><c/></r>")
        status, out, _ = cli(["validate", "-q", "-s", str(schema), str(inputs / "d.xml")], capsys)
        assert status == 1  # a report is a warning only if its role says so
        assert "has children" in out


# -- odd file names --------------------------------------------------------------------


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_undecodable_file_names_are_reported(tmp_path: Path, jobs: str) -> None:
    d = tmp_path / "d"
    d.mkdir()
    with open(bytes(d) + b"/bad\xffname.xml", "wb") as fh:
        fh.write(MINIMAL_TEI.encode())
    (d / "good.xml").write_bytes(MINIMAL_TEI.encode())
    proc = subprocess_teikit(["validate", "-q", "-j", jobs, "d"], tmp_path)
    assert proc.returncode == 2  # a file that cannot be read
    assert "d/bad\\xffname.xml: error[io:unreadable]: the file name is not valid UTF-8" in (
        proc.stdout
    )
    assert "d/good.xml:1:42: error" in proc.stdout


def test_control_characters_in_file_names_stay_valid_junit(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "bad\x01name.xml").write_text(MINIMAL_TEI)
    status, out, _ = cli(["validate", "-q", "--format", "junit", str(d)], capsys)
    assert status == 1
    case = etree.fromstring(out.encode()).find(".//testcase")
    assert case is not None
    assert case.get("name") == f"{d}/bad\\x01name.xml"


def test_control_characters_in_file_names_stay_valid_json(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    d = tmp_path / "d"
    d.mkdir()
    (d / "bad\x01name.xml").write_text(MINIMAL_TEI)
    status, out, _ = cli(["validate", "-q", "--format", "json", str(d)], capsys)
    assert status == 1
    assert json.loads(out)
