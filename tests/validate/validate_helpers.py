"""Small schemas and documents shared by the validate tests (imported by path-less name)."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

MINI_RNG = """<?xml version="1.0" encoding="UTF-8"?>
<grammar xmlns="http://relaxng.org/ns/structure/1.0"
         datatypeLibrary="http://www.w3.org/2001/XMLSchema-datatypes">
  <start><ref name="doc"/></start>
  <define name="doc">
    <element name="doc"><oneOrMore><ref name="item"/></oneOrMore></element>
  </define>
  <define name="item">
    <element name="item">
      <attribute name="n"><data type="integer"/></attribute>
      <optional>
        <attribute name="kind"><choice><value>a</value><value>b</value></choice></attribute>
      </optional>
      <text/>
    </element>
  </define>
</grammar>
"""

VALID = '<doc>\n  <item n="1">x</item>\n</doc>\n'
INVALID = '<doc>\n  <item n="1">x</item>\n  <itme n="2">y</itme>\n</doc>\n'

TEI_HEAD = (
    '<TEI xmlns="http://www.tei-c.org/ns/1.0">\n'
    "<teiHeader><fileDesc><titleStmt><title>t</title></titleStmt>"
    "<publicationStmt><p>p</p></publicationStmt><sourceDesc><p>s</p></sourceDesc>"
    "</fileDesc></teiHeader>\n"
    "<text><body>\n"
)
TEI_TAIL = "\n</body></text>\n</TEI>\n"


def tei(body: str) -> str:
    """A minimal TEI document whose body starts on line 4."""
    return TEI_HEAD + body + TEI_TAIL


def write(tmp: Path, name: str, text: str | bytes) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(text, str):
        p.write_text(text, encoding="utf-8")
    else:
        p.write_bytes(text)
    return p


def mini_schema(tmp: Path) -> Path:
    return write(tmp, "mini.rng", MINI_RNG)
