"""What the bundled teikit RELAX NG already guarantees about its own Schematron rules.

A document checked with the default schema is first checked against
``teikit.rng``; when that passed, some Schematron rules cannot fire at all and
others can fire only where a much cheaper test holds. On many small documents
the Schematron screen (:mod:`teikit.schematron.xslt_screen`) is the larger half
of validation, and these rules were a third of it. The Schematron engine still
runs a rule wherever its screen says it may fire, so every result is exactly
the one of the full rule; only the screen is shortened, and only for a
document the bundled RELAX NG accepted (see
:class:`teikit.schematron.xslt_screen.Given`).

Why each holds, argued from ``teikit.rng`` and proved by tests (each builds a
document the rule would fire on and the shortened screen would clear, and
shows the RELAX NG rejects it; a walk over the grammar shows what the content
model allows):

- ``ab``, ``l``, ``lg`` and ``floatingText`` are not in the grammar, and no
  element of it allows a ``div`` inside a ``p``: the TEI's nesting rules for
  ``p`` in ``l``/``lg``, ``div`` in ``l``/``lg`` and ``div`` in ``p``/``ab``
  cannot fire.
- A ``p`` inside a ``p`` can only sit, in this grammar, in one of the
  elements :data:`P_PARENTS_INSIDE_P` or in those the TEI rule exempts: the rule
  for ``p`` in ``ab``/``p`` can fire only where one of them has a ``p`` child
  below a ``p``.
- Every ``when``, ``notBefore``, ``notAfter``, ``from`` and ``to`` attribute of
  the grammar is ``teidata.temporal.w3c`` (an XSD date, gYear, gYearMonth, time,
  …), and libxml2 checks those values' months, days and leap years: among
  such values, TK-E008 can fail only on one not shaped ``YYYY``, ``YYYY-MM``
  or ``YYYY-MM-DD`` (digits and dashes), which one ``translate`` tells.
- Every element of the grammar is in the TEI namespace, and most element names
  are no attribute's name (:data:`ONLY_ELEMENTS`): a node looked up by such a name
  needs no test that it is that TEI element.
- Every ``xml:id`` of the grammar is an ``ID``, and libxml2 rejects a document in
  which two are equal: "exactly one person has this id" (TK-E002) is "some person
  has it".

The rules that join a pointer to what it names (``sp/@who``, ``@resp``, a
speaker's speeches) are screened by one comparison of each pointer with the
identifiers, found once per document, instead of a loop over the pointers with a
variable each (:class:`~teikit.schematron.xslt_screen.GivenPattern`); apart from
the uniqueness above, these screens hold in any document. Together they were a
fifth of the screen's instructions.
"""

from __future__ import annotations

from teikit.resources import bundled_schema
from teikit.schematron.xslt_screen import (
    Fact,
    Given,
    GivenPattern,
    OnlyElements,
    lookup,
    lookup_attributes,
)

#: Elements of ``teikit.rng`` that can be the parent of a ``p`` inside a ``p`` and
#: that the TEI's rule does not exempt (``item``, ``note``, ``q``, ``sp``, ``stage``).
P_PARENTS_INSIDE_P = (
    "availability",
    "msContents",
    "msDesc",
    "occupation",
    "person",
    "summary",
    "textLang",
)

_P_IN_AB_OR_P = (
    "report (ancestor::tei:ab or ancestor::tei:p) and not( ancestor::tei:floatingText"
    " | parent::tei:exemplum | parent::tei:item | parent::tei:note | parent::tei:q"
    " | parent::tei:quote | parent::tei:remarks | parent::tei:said | parent::tei:sp"
    " | parent::tei:stage | parent::tei:cell | parent::tei:figure )"
)

#: TK-E008's test, named by its digest (it spells out a calendar for five attributes).
_ISO_DATES = "assert sha256:0682868d010fc792"
_DATED = ("when", "notBefore", "notAfter", "from", "to")

#: Every element of ``teikit.rng`` is in the TEI namespace and no attribute of it has
#: one of these local names: a node the screen looks up by one of them is that element.
ONLY_ELEMENTS = OnlyElements(
    "http://www.tei-c.org/ns/1.0",
    frozenset(
        [
            "TEI",
            "addrLine",
            "address",
            "availability",
            "back",
            "bibl",
            "body",
            "choice",
            "closer",
            "collection",
            "corr",
            "creation",
            "date",
            "dateline",
            "desc",
            "div",
            "editorialDecl",
            "encodingDesc",
            "fileDesc",
            "foreign",
            "fw",
            "gap",
            "head",
            "idno",
            "item",
            "langUsage",
            "language",
            "lb",
            "list",
            "listPerson",
            "msContents",
            "msDesc",
            "msIdentifier",
            "name",
            "note",
            "occupation",
            "opener",
            "p",
            "particDesc",
            "pb",
            "persName",
            "person",
            "profileDesc",
            "ptr",
            "publicationStmt",
            "publisher",
            "q",
            "repository",
            "respStmt",
            "salute",
            "samplingDecl",
            "settlement",
            "sic",
            "signed",
            "sourceDesc",
            "sp",
            "speaker",
            "stage",
            "stamp",
            "summary",
            "supplied",
            "teiHeader",
            "text",
            "textLang",
            "time",
            "title",
            "titleStmt",
            "unclear",
        ]
    ),
)

TEIKIT: tuple[Fact, ...] = (
    ONLY_ELEMENTS,
    Given(
        "tei:p",
        (
            "report ( ancestor::tei:l or ancestor::tei:lg ) and not( ancestor::tei:floatingText"
            " | parent::tei:figure | parent::tei:note )",
        ),
    ),
    Given(
        "tei:div",
        ("report (ancestor::tei:l or ancestor::tei:lg) and not(ancestor::tei:floatingText)",),
    ),
    Given(
        "tei:div",
        ("report (ancestor::tei:p or ancestor::tei:ab) and not(ancestor::tei:floatingText)",),
    ),
    Given("tei:p", (_P_IN_AB_OR_P,), f"({lookup(*P_PARENTS_INSIDE_P)})[tei:p][ancestor::tei:p]"),
    Given(
        "tei:*[@when or @notBefore or @notAfter or @from or @to]",
        (_ISO_DATES,),
        # a value shaped YYYY, YYYY-MM or YYYY-MM-DD is a prefix of 0000-00-00 once its
        # digits are zeros; no other prefix is a valid XSD date, time or part of one
        f"({lookup_attributes(*_DATED)})[translate(., '0123456789', '0000000000')"
        " != substring('0000-00-00', 1, string-length(.))]",
    ),
    # TK-E002: a speech's @who names exactly one person of the header. An identifier
    # has no space, so a @who that is "#" and one of theirs, as written, is one pointer
    # and ids are unique: it names exactly one; anything else is screened in
    GivenPattern(
        (
            "let persons := /tei:TEI/tei:teiHeader//tei:person",
            "rule tei:sp[@who][normalize-space(@who) != '']"
            "[not(contains(normalize-space(@who), ' '))]",
            "let id := substring(normalize-space(@who), 2)",
            "assert starts-with(normalize-space(@who), '#') and count($persons[@xml:id = $id]) = 1",
            "rule tei:sp[@who]",
            "assert every $w in tokenize(normalize-space(@who), ' ') satisfies"
            " (starts-with($w, '#') and count($persons[@xml:id = substring($w, 2)]) = 1)",
        ),
        f"({lookup('sp')})[@who]"
        "[not(starts-with(@who, '#') and substring(@who, 2) = $given-person-ids)]",
        (("given-person-ids", "/tei:TEI/tei:teiHeader//tei:person/@xml:id"),),
        lookup("sp"),
    ),
    # TK-E007: an @resp names a respStmt of the title statement; each attribute, as
    # written, is compared with the identifiers (a list of pointers is screened in)
    GivenPattern(
        (
            "let respStmts := /tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt",
            "rule tei:*[@resp][normalize-space(@resp) != '']"
            "[not(contains(normalize-space(@resp), ' '))]",
            "assert starts-with(normalize-space(@resp), '#')"
            " and $respStmts/@xml:id = substring(normalize-space(@resp), 2)",
            "rule tei:*[@resp]",
            "assert every $r in tokenize(normalize-space(@resp), ' ') satisfies"
            " (starts-with($r, '#') and $respStmts/@xml:id = substring($r, 2))",
        ),
        f"({lookup_attributes('resp')})"
        "[not(starts-with(., '#') and substring(., 2) = $given-resp-ids)]",
        (
            (
                "given-resp-ids",
                "/tei:TEI/tei:teiHeader/tei:fileDesc/tei:titleStmt/tei:respStmt/@xml:id",
            ),
        ),
        lookup_attributes("resp"),
    ),
    # TK-E010: a footnote reference points at a footnote; as written, "#" and one of
    # their identifiers (anything else, spaces included, is screened in)
    GivenPattern(
        (
            "let footnotes := //tei:note[@type = 'footnote']",
            "rule tei:ref[@type = 'footnote']",
            "assert starts-with(normalize-space(@target), '#')"
            " and substring(normalize-space(@target), 2) = $footnotes/@xml:id",
        ),
        f"({lookup('ref')})[@type = 'footnote']"
        "[not(starts-with(@target, '#') and substring(@target, 2) = $given-footnote-ids)]",
        (
            (
                "given-footnote-ids",
                f"({lookup('note')})[self::tei:note][@type = 'footnote']/@xml:id",
            ),
        ),
        lookup("ref"),
    ),
    # TK-E011, TK-W007: a footnote has an identifier a footnote reference points at;
    # the references' targets are found once, not once per footnote
    GivenPattern(
        (
            "let footnoteRefs := //tei:ref[@type = 'footnote']",
            "rule tei:note[@type = 'footnote']",
            "assert not(@xml:id) or concat('#', @xml:id) = $footnoteRefs/@target",
            "assert @xml:id",
        ),
        f"({lookup('note')})[@type = 'footnote']"
        "[not(@xml:id and concat('#', @xml:id) = $given-footnote-targets)]",
        (
            (
                "given-footnote-targets",
                f"({lookup('ref')})[self::tei:ref][@type = 'footnote']/@target",
            ),
        ),
        lookup("note"),
    ),
    # TK-W001: a speaker speaks; a @who that is exactly "#ID" is a speech by ID, so a
    # speaker no such @who names is screened in (a list of speakers is compared whole)
    GivenPattern(
        (
            "let speeches := //tei:sp[@who]",
            "rule tei:person[@xml:id]"
            "[contains(concat(' ', normalize-space(@role), ' '), ' speaker ')]",
            "let pointer := concat(' #', @xml:id, ' ')",
            "assert $speeches[contains(concat(' ', normalize-space(@who), ' '), $pointer)]",
        ),
        f"({lookup('person')})[@xml:id]"
        "[contains(concat(' ', normalize-space(@role), ' '), ' speaker ')]"
        "[not(concat('#', @xml:id) = $given-whos)]",
        (("given-whos", f"({lookup('sp')})/@who"),),
        lookup("person"),
    ),
)


def given_for(schematron: str) -> tuple[str, tuple[Fact, ...]] | None:
    """The RELAX NG whose passing ``schematron``'s screen may rely on, with what it
    implies; None for any Schematron other than the bundled teikit one."""
    sch = bundled_schema("teikit", "sch")
    try:
        if sch.resolve() != _resolved(schematron):
            return None
    except OSError:
        return None
    return str(bundled_schema("teikit", "rng").resolve()), TEIKIT


def _resolved(path: str) -> object:
    from pathlib import Path

    return Path(path).resolve()
