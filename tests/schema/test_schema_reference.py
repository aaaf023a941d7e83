"""The schema reference page is generated from the ODD and committed; it must be current."""

from __future__ import annotations

from pathlib import Path

from lxml import etree

from teikit.odd.reference import generate, read_reference, render_reference

DOCS = Path(__file__).resolve().parent.parent.parent / "docs"

ODD = b"""<TEI xmlns="http://www.tei-c.org/ns/1.0" xmlns:sch="http://purl.oclc.org/dsdl/schematron">
<teiHeader><fileDesc><titleStmt><title>Tiny</title></titleStmt></fileDesc></teiHeader>
<text><body><p>About <gi>sp</gi> and rule TK-E001.</p>
<schemaSpec ident="tiny" start="TEI">
  <moduleRef key="core" include="sp"/>
  <elementSpec ident="sp" mode="change">
    <gloss>speech</gloss>
    <desc>a turn; <att>who</att> points at a <gi>person</gi>.</desc>
    <constraintSpec ident="c" scheme="schematron"><constraint>
      <sch:rule context="tei:sp">
        <sch:assert test="@who" id="TK-E001" role="error">Speech <sch:value-of select="."/>
          has no who.</sch:assert>
      </sch:rule>
    </constraint></constraintSpec>
    <attList><attDef ident="type" mode="change"><desc>kind</desc>
      <valList type="closed" mode="add">
        <valItem ident="a"><gloss>A</gloss><desc>the first</desc></valItem>
      </valList>
    </attDef></attList>
    <exemplum><egXML xmlns="http://www.tei-c.org/ns/Examples">
      <sp who="#x">
        <p>Hi.</p>
      </sp>
    </egXML></exemplum>
  </elementSpec>
</schemaSpec></body></text></TEI>"""


def test_committed_reference_is_current() -> None:
    committed = (DOCS / "schema-reference.rst").read_text(encoding="utf-8")
    assert generate() == committed, (
        "docs/schema-reference.rst is stale: run `python -m teikit.odd.reference` and commit it"
    )


def test_reference_renders_every_part_of_a_spec() -> None:
    text = render_reference(read_reference(etree.ElementTree(etree.fromstring(ODD))))
    element = text[text.index(".. _schema-sp:") :]
    assert element == (
        ".. _schema-sp:\n"
        "\n"
        "``<sp>`` — speech\n"
        "~~~~~~~~~~~~~~~~~\n"
        "\n"
        "a turn; ``@who`` points at a :ref:`person <schema-person>`.\n"
        "\n"
        "Module: ``core``.\n"
        "\n"
        "**Attributes**\n"
        "\n"
        "``@type``\n"
        "   kind\n"
        "\n"
        "   Closed list:\n"
        "\n"
        "   * ``a`` — *A*: the first\n"
        "\n"
        "**Rules**\n"
        "\n"
        "* :ref:`TK-E001 <schema-rule-TK-E001>` (error): Speech … has no who.\n"
        "\n"
        "**Example**\n"
        "\n"
        ".. code-block:: xml\n"
        "\n"
        '   <sp who="#x">\n'
        "     <p>Hi.</p>\n"
        "   </sp>\n"
    )
    assert (
        ".. _schema-rule-TK-E001:\n\n**TK-E001** (error, on :ref:`sp <schema-sp>`)\n"
        "   Context ``tei:sp``. Speech … has no who.\n"
    ) in text
    assert "About :ref:`sp <schema-sp>` and rule :ref:`TK-E001 <schema-rule-TK-E001>`." in text
