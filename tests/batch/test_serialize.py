"""Serialization for version control: indentation only where it cannot change the text."""

from __future__ import annotations

from lxml import etree

from teikit.convert import convert
from teikit.serialize import prolog, rng_mixed_elements, schema_base_for, tei_bytes

TEI = "http://www.tei-c.org/ns/1.0"


def _tree(xml: str) -> etree._ElementTree:
    return etree.ElementTree(etree.fromstring(xml))


def test_element_only_content_is_indented_and_mixed_content_untouched() -> None:
    tree = _tree(
        f'<TEI xmlns="{TEI}"><text><body><div><p>a <hi>b</hi> c</p>'
        "<p><hi>x</hi><hi>y</hi></p><sp><speaker>A</speaker><p>z</p></sp>"
        "</div></body></text></TEI>"
    )
    body = tei_bytes(tree, None).decode().split("?>\n", 2)[-1]
    assert body == (
        f'<TEI xmlns="{TEI}">\n'
        "  <text>\n"
        "    <body>\n"
        "      <div>\n"
        "        <p>a <hi>b</hi> c</p>\n"
        "        <p><hi>x</hi><hi>y</hi></p>\n"
        "        <sp>\n"
        "          <speaker>A</speaker>\n"
        "          <p>z</p>\n"
        "        </sp>\n"
        "      </div>\n"
        "    </body>\n"
        "  </text>\n"
        "</TEI>\n"
    )


def test_whitespace_text_and_xml_space_preserve_are_left_alone() -> None:
    tree = _tree('<r><a> <b/></a><c xml:space="preserve"><d/><d/></c><e><f/><f/></e></r>')
    body = tei_bytes(tree, None).decode().split("?>\n", 2)[-1]
    assert body == (
        '<r>\n  <a> <b/></a>\n  <c xml:space="preserve"><d/><d/></c>\n'
        "  <e>\n    <f/>\n    <f/>\n  </e>\n</r>\n"
    )


def test_serializing_leaves_the_tree_as_it_was() -> None:
    xml = f'<TEI xmlns="{TEI}"><text><body><p><hi>x</hi><hi>y</hi></p></body></text></TEI>'
    tree = _tree(xml)
    tei_bytes(tree)
    assert etree.tostring(tree, encoding="unicode") == xml
    assert tree.getroot()[0][0][0].text is None


def test_prolog_names_both_schemas_and_the_version() -> None:
    from teikit import __version__

    assert prolog("https://example.org/s/").decode() == (
        "<?xml version='1.0' encoding='UTF-8'?>\n"
        '<?xml-model href="https://example.org/s/teikit.rng" type="application/xml" '
        'schematypens="http://relaxng.org/ns/structure/1.0"?>\n'
        '<?xml-model href="https://example.org/s/teikit.sch" type="application/xml" '
        'schematypens="http://purl.oclc.org/dsdl/schematron"?>\n'
        f'<?teikit version="{__version__}"?>\n'
    )
    assert b"xml-model" not in prolog(None)


def test_mixed_elements_are_read_from_relax_ng() -> None:
    grammar = etree.fromstring(
        '<grammar xmlns="http://relaxng.org/ns/structure/1.0" ns="urn:x">'
        '<start><ref name="doc"/></start>'
        '<define name="doc"><element name="doc"><oneOrMore><ref name="item"/></oneOrMore>'
        "</element></define>"
        '<define name="item"><element name="item"><ref name="phrase"/></element></define>'
        '<define name="phrase"><zeroOrMore><choice><text/><ref name="hi"/></choice>'
        "</zeroOrMore></define>"
        '<define name="hi"><element name="hi"><mixed><ref name="phrase"/></mixed>'
        "</element></define>"
        "</grammar>"
    )
    assert rng_mixed_elements(grammar) == {"{urn:x}item", "{urn:x}hi"}


def test_converted_tei_has_the_prolog_and_parses_to_the_same_text() -> None:
    result = convert(text="Dear Sir,\n\nThe meeting is on Monday.\n", name="t")
    assert result.data.startswith(prolog())
    assert b"\n  <teiHeader>\n" in result.data
    parsed = etree.fromstring(result.data)
    # indentation sits only between block elements: the words stay the same
    assert " ".join(parsed.itertext()).split() == " ".join(result.tree.getroot().itertext()).split()


def test_schema_base_for_is_relative_and_ends_with_a_slash(tmp_path: object) -> None:
    from pathlib import Path

    from teikit.resources import schema_dir

    out = Path(str(tmp_path))
    base = schema_base_for(out)
    assert base.endswith("/")
    assert (out / base / "teikit.rng").resolve() == (schema_dir() / "teikit.rng").resolve()
