"""The schema reference, as reStructuredText generated from the ODD.

The ODD is the one place where an element's purpose, its attributes, their
closed value lists, the Schematron rules and an example are written down; the
reference page is derived from it so that documentation and schema cannot
drift apart. It reads only the customization (no TEI P5 source), so the docs
build needs nothing but the repository.

Regenerate the committed page with ``python -m teikit.odd.reference``; a test
fails when the page is stale.
"""

from __future__ import annotations

import copy
import re
import sys
import textwrap
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from lxml import etree

from teikit.errors import SourceLocation, TeikitError
from teikit.resources import repo_root, schema_path
from teikit.xmlio import SCH_NS, TEI_NS, parse_file, write_atomic

if TYPE_CHECKING:
    from collections.abc import Iterable, Sequence

T = f"{{{TEI_NS}}}"
S = f"{{{SCH_NS}}}"
EXAMPLES_NS = "http://www.tei-c.org/ns/Examples"
SPEC_TAGS = (f"{T}elementSpec", f"{T}classSpec")
_SPECIAL = re.compile(r"([\\*`|_])")
_RULE_ID = re.compile(r"(?<![\w-])TK-[EW][0-9]{3}(?![\w-])")


@dataclass
class ValueDoc:
    ident: str
    gloss: str
    desc: str


@dataclass
class AttributeDoc:
    ident: str
    desc: str
    values: list[ValueDoc]
    closed: bool
    examples: list[str]


@dataclass
class RuleDoc:
    """One Schematron assertion or report with an ``@id``."""

    id: str
    severity: str
    context: str
    message: str
    owner: str


@dataclass
class SpecDoc:
    """An element or attribute class as the ODD documents it."""

    ident: str
    kind: str
    module: str
    gloss: str
    desc: str
    attributes: list[AttributeDoc] = field(default_factory=list)
    rules: list[RuleDoc] = field(default_factory=list)
    examples: list[str] = field(default_factory=list)


@dataclass
class Reference:
    title: str
    intro: list[str]
    modules: dict[str, list[str]]
    classes: list[SpecDoc]
    elements: list[SpecDoc]

    @property
    def rules(self) -> list[RuleDoc]:
        """One entry per rule id: a rule written as several assertions (one per case it
        covers) shares its id and its message, and is documented once."""
        found: dict[str, RuleDoc] = {}
        for spec in (*self.classes, *self.elements):
            for rule in spec.rules:
                found.setdefault(rule.id, rule)
        return sorted(found.values(), key=lambda r: r.id)


# ------------------------------------------------------------------ reading the ODD


def _escape(text: str) -> str:
    return _SPECIAL.sub(r"\\\1", text)


def _prose(text: str) -> str:
    """Plain text of a description, with rule ids linked to their rule."""
    return _RULE_ID.sub(lambda m: f":ref:`{m[0]} <schema-rule-{m[0]}>`", _escape(text))


def _literal(text: str) -> str:
    return f"``{text}``"


def _inline(node: etree._Element | None) -> str:
    """Prose of a ``desc``/``gloss``/``p`` with TEI phrase markup turned into RST roles."""
    if node is None:
        return ""
    parts: list[tuple[str, bool]] = []  # (text, is_markup)
    if node.text:
        parts.append((_prose(node.text), False))
    for child in node:
        if isinstance(child.tag, str):
            name = etree.QName(child).localname
            content = "".join(child.itertext())
            if name == "gi":
                parts.append((f":ref:`{content} <schema-{content}>`", True))
            elif name == "att":
                parts.append((_literal(f"@{content}"), True))
            elif name == "tag":
                parts.append((_literal(f"<{content}>"), True))
            elif name in ("code", "ident", "val"):
                parts.append((_literal(content), True))
            elif name == "ref":
                parts.append((_link(content, child.get("target", "")), True))
            elif name == "q":
                parts.append((f"“{_escape(content)}”", False))
            else:
                parts.append((_escape(content), False))
        if child.tail:
            parts.append((_prose(child.tail), False))
    out = ""
    for i, (text, markup) in enumerate(parts):
        if markup and out and (out[-1].isalnum() or out[-1] in "`"):
            out += "\\ "
        out += text
        following = parts[i + 1][0] if i + 1 < len(parts) else ""
        if markup and following and (following[0].isalnum() or following[0] == "`"):
            out += "\\ "
    return " ".join(out.split())


def _link(text: str, target: str) -> str:
    """A ``ref``: a page of these docs (``encoding.html``) or an external address."""
    if target.endswith(".html") and "://" not in target:
        return f":doc:`{text} <{target.removesuffix('.html')}>`"
    return f"`{text} <{target}>`__" if target else _escape(text)


def _first(parent: etree._Element, tag: str) -> etree._Element | None:
    return parent.find(f"{T}{tag}")


def _example(egxml: etree._Element) -> str:
    """An ``egXML`` as plain XML text: the examples namespace removed, indentation kept."""
    clone = copy.deepcopy(egxml)
    for node in clone.iter():
        if isinstance(node.tag, str) and etree.QName(node).namespace == EXAMPLES_NS:
            node.tag = etree.QName(node).localname
    etree.cleanup_namespaces(clone)
    text = (clone.text or "").lstrip("\n")
    indent = text[: len(text) - len(text.lstrip(" "))]
    body = indent + "".join(etree.tostring(c, encoding="unicode", with_tail=True) for c in clone)
    return textwrap.dedent(body).strip()


def _examples(spec: etree._Element) -> list[str]:
    return [
        _example(eg)
        for ex in spec.iterfind(f"{T}exemplum")
        for eg in ex.iterfind(f"{{{EXAMPLES_NS}}}egXML")
    ]


def _message(test: etree._Element) -> str:
    """The assertion's text, each computed part shown as an ellipsis."""
    out = test.text or ""
    for child in test:
        out += "…" if child.tag in (f"{S}value-of", f"{S}name") else "".join(child.itertext())
        out += child.tail or ""
    return " ".join(out.split())


def _rules(spec: etree._Element, owner: str) -> list[RuleDoc]:
    found: list[RuleDoc] = []
    for constraint in spec.iterfind(f"{T}constraintSpec"):
        for rule in constraint.iter(f"{S}rule"):
            for test in rule.iter(f"{S}assert", f"{S}report"):
                rule_id = test.get("id")
                if rule_id is None:
                    continue
                found.append(
                    RuleDoc(
                        id=rule_id,
                        severity=test.get("role", "error"),
                        context=rule.get("context", ""),
                        message=_message(test),
                        owner=owner,
                    )
                )
    return found


def _attributes(spec: etree._Element) -> list[AttributeDoc]:
    atts: list[AttributeDoc] = []
    for attdef in spec.iterfind(f"{T}attList/{T}attDef"):
        vallist = attdef.find(f"{T}valList")
        values = [
            ValueDoc(
                ident=item.get("ident", ""),
                gloss=_inline(_first(item, "gloss")),
                desc=_inline(_first(item, "desc")),
            )
            for item in (vallist.iterfind(f"{T}valItem") if vallist is not None else ())
        ]
        atts.append(
            AttributeDoc(
                ident=attdef.get("ident", ""),
                desc=_inline(_first(attdef, "desc")),
                values=values,
                closed=vallist is not None and vallist.get("type") == "closed",
                examples=_examples(attdef),
            )
        )
    return atts


def _spec(node: etree._Element, modules: dict[str, str]) -> SpecDoc:
    ident = node.get("ident", "")
    kind = "element" if node.tag == f"{T}elementSpec" else "class"
    return SpecDoc(
        ident=ident,
        kind=kind,
        module=modules.get(ident, ""),
        gloss=_inline(_first(node, "gloss")),
        desc=_inline(_first(node, "desc")),
        attributes=_attributes(node),
        rules=_rules(node, ident),
        examples=_examples(node),
    )


def read_reference(odd: etree._ElementTree, name: str = "<odd>") -> Reference:
    """Everything the reference page shows, read from a customization."""
    root = odd.getroot()
    schema = root.find(f".//{T}schemaSpec")
    if schema is None:
        raise TeikitError("no schemaSpec in the ODD", SourceLocation(name))
    modules: dict[str, list[str]] = {}
    module_of: dict[str, str] = {}
    for ref in schema.iterfind(f"{T}moduleRef"):
        key = ref.get("key", "")
        members = (ref.get("include") or "").split()
        modules[key] = members
        module_of.update((m, key) for m in members)
    specs = [_spec(node, module_of) for node in schema if node.tag in SPEC_TAGS]
    title = root.findtext(f".//{T}titleStmt/{T}title") or "Schema reference"
    body = root.find(f"{T}text/{T}body")
    intro = [_inline(p) for p in body.iterfind(f"{T}p")] if body is not None else []
    return Reference(
        title=" ".join(title.split()),
        intro=intro,
        modules=modules,
        classes=[s for s in specs if s.kind == "class"],
        elements=sorted((s for s in specs if s.kind == "element"), key=lambda s: s.ident.lower()),
    )


# ------------------------------------------------------------------ writing RST


def _heading(text: str, char: str) -> list[str]:
    return [text, char * len(text), ""]


def _table(header: Sequence[str], rows: Iterable[Sequence[str]]) -> list[str]:
    out = [".. list-table::", "   :header-rows: 1", ""]
    for row in (header, *rows):
        out.append(f"   * - {row[0] or ' '}")
        out.extend(f"     - {cell or ' '}" for cell in row[1:])
    return [*out, ""]


def _code(xml: str) -> list[str]:
    return [".. code-block:: xml", "", *textwrap.indent(xml, "   ").splitlines(), ""]


def _rule_ref(rule_id: str) -> str:
    return f":ref:`{rule_id} <schema-rule-{rule_id}>`"


def _attribute_section(att: AttributeDoc) -> list[str]:
    out = [f"``@{att.ident}``", f"   {att.desc}" if att.desc else "   (no description)", ""]
    if att.values:
        label = "Closed list" if att.closed else "Suggested values"
        out += [f"   {label}:", ""]
        out += [
            f"   * ``{v.ident}`` — *{v.gloss}*: {v.desc}"
            if v.gloss
            else f"   * ``{v.ident}``: {v.desc}"
            for v in att.values
        ]
        out.append("")
    for example in att.examples:
        out += [*textwrap.indent("\n".join(_code(example)), "   ").splitlines(), ""]
    return out


def _spec_section(spec: SpecDoc, underline: str) -> list[str]:
    out = [f".. _schema-{spec.ident}:", ""]
    what = f"``<{spec.ident}>``" if spec.kind == "element" else f"``{spec.ident}``"
    out += _heading(f"{what} — {spec.gloss}" if spec.gloss else what, underline)
    if spec.desc:
        out += [spec.desc, ""]
    if spec.module:
        out += [f"Module: ``{spec.module}``.", ""]
    if spec.attributes:
        out += ["**Attributes**", ""]
        for att in spec.attributes:
            out += _attribute_section(att)
    if spec.rules:
        out += ["**Rules**", ""]
        unique = {r.id: r for r in reversed(spec.rules)}
        out += [
            f"* {_rule_ref(r.id)} ({r.severity}): {_escape(r.message)}"
            for r in spec.rules
            if unique.pop(r.id, None) is not None
        ]
        out.append("")
    if spec.examples:
        out += ["**Example**", ""]
        for example in spec.examples:
            out += _code(example)
    return out


def render_reference(ref: Reference) -> str:
    """The whole reference page."""
    out = [
        ".. This file is generated from schema/teikit.odd by teikit.odd.reference;",
        "   do not edit it: edit the ODD and run `python -m teikit.odd.reference`.",
        "",
    ]
    out += _heading("Schema reference", "=")
    out += [f"*{_escape(ref.title)}*, generated from ``schema/teikit.odd``.", ""]
    for paragraph in ref.intro:
        out += [paragraph, ""]

    out += _heading("Modules and elements", "-")
    out += _table(
        ("TEI module", "elements"),
        (
            (f"``{key}``", " ".join(f":ref:`{m} <schema-{m}>`" for m in members) or "(all)")
            for key, members in ref.modules.items()
        ),
    )

    out += _heading("Closed value lists", "-")
    closed = [
        (spec, att)
        for spec in (*ref.classes, *ref.elements)
        for att in spec.attributes
        if att.closed
    ]
    out += _table(
        ("attribute", "values"),
        (
            (
                f":ref:`{spec.ident}/@{att.ident} <schema-{spec.ident}>`"
                if spec.kind == "element"
                else f":ref:`@{att.ident} <schema-{spec.ident}>` (every element)",
                " ".join(f"``{v.ident}``" for v in att.values),
            )
            for spec, att in closed
        ),
    )

    out += _heading("Rules", "-")
    out += [
        "Schematron rules, each with a stable identifier: ``TK-E…`` rules are errors,",
        "``TK-W…`` rules warnings. An ellipsis in a message stands for the value found",
        "in the document.",
        "",
    ]
    labelled: set[str] = set()
    for rule in ref.rules:
        if rule.id not in labelled:  # a rule may have several asserts: one label per id
            labelled.add(rule.id)
            out += [f".. _schema-rule-{rule.id}:", ""]
        out += [
            f"**{rule.id}** ({rule.severity}, on :ref:`{rule.owner} <schema-{rule.owner}>`)",
            f"   Context ``{rule.context}``. {_escape(rule.message)}",
            "",
        ]

    out += _heading("Attribute classes", "-")
    out += ["Attributes that every element of the schema may carry.", ""]
    for spec in ref.classes:
        out += _spec_section(spec, "~")
    out += _heading("Elements", "-")
    for spec in ref.elements:
        out += _spec_section(spec, "~")
    return "\n".join(out).rstrip("\n") + "\n"


def generate(odd_path: Path | None = None) -> str:
    """The reference page for an ODD (by default the bundled ``teikit.odd``)."""
    path = odd_path or schema_path("teikit.odd")
    return render_reference(read_reference(parse_file(path), str(path)))


def main(argv: Sequence[str] | None = None) -> int:
    """Write ``docs/schema-reference.rst`` (or the path given) from the ODD."""
    args = list(sys.argv[1:] if argv is None else argv)
    root = repo_root()
    if args:
        out = Path(args[0])
    elif root is not None:
        out = root / "docs" / "schema-reference.rst"
    else:
        print("usage: python -m teikit.odd.reference OUTPUT.rst", file=sys.stderr)
        return 2
    write_atomic(out, generate().encode("utf-8"))
    print(out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
