"""ISO Schematron in Python, with XPath 2 and no Java.

lxml's own ``isoschematron`` runs only XPath 1 (it compiles the schema to
XSLT 1), while the TEI's constraints and most projects' are written for
XPath 2. This engine reads the schema itself, compiles every expression once,
and evaluates it with libxml2 when the expression is XPath-1 compatible and
with elementpath otherwise.

Usage::

    from teikit.schematron import Schematron, to_svrl

    sch = Schematron.from_file("tei_all.isosch")        # phase=None: #DEFAULT
    for result in sch.validate("letter.xml"):          # a path or a parsed tree
        print(result.line, result.severity, result.message)
    svrl_tree = to_svrl(sch.run("letter.xml", keep_fired=True))

Every problem with the schema (bad XPath, unknown function, undefined
variable, missing include) is a :class:`~teikit.errors.TeikitError` naming the
schema file and line, raised when the schema is loaded.
"""

from __future__ import annotations

import os
from pathlib import Path

from lxml import etree

from teikit.errors import TeikitError
from teikit.schematron import xslt_screen
from teikit.schematron.compiler import CompiledSchematron, compile_schema
from teikit.schematron.engine import run_schema
from teikit.schematron.loader import expand
from teikit.schematron.results import (
    ActivePattern,
    FiredRule,
    SchematronReport,
    SchematronResult,
    Severity,
)
from teikit.schematron.svrl import SVRL_NS, to_svrl
from teikit.xmlio import parse_file

#: Documents :meth:`Schematron.validate` checks before it builds its XSLT screen.
SCREEN_AFTER = 4
#: Elements beyond which a document is not screened: the screen is for many small
#: documents, and a transform in C cannot be stopped by a time budget half-way.
SCREEN_MAX_ELEMENTS = 20_000
_COUNT_ELEMENTS = etree.XPath("count(//*)")

__all__ = [
    "SVRL_NS",
    "ActivePattern",
    "FiredRule",
    "Schematron",
    "SchematronReport",
    "SchematronResult",
    "Severity",
    "to_svrl",
]


class Schematron:
    """A compiled Schematron schema for one phase; reusable across documents.

    Build it with :meth:`from_file` or :meth:`from_tree`. Compiling parses
    every expression; validation then only evaluates them.
    """

    def __init__(self, compiled: CompiledSchematron) -> None:
        self._compiled = compiled
        #: Evaluations over this object's lifetime: per-node calls to each engine
        #: (``lxml``, ``elementpath``) and set-at-a-time libxml2 calls (``lxml-set``),
        #: each of which tests one rule on all its context elements.
        self.evaluations: dict[str, int] = {"lxml": 0, "elementpath": 0, "lxml-set": 0}
        self._validated = 0
        self._given_screens: dict[tuple[xslt_screen.Fact, ...], xslt_screen.XsltScreen] = {}

    @classmethod
    def from_file(cls, path: str | os.PathLike[str], phase: str | None = None) -> Schematron:
        """Load a ``.sch``/``.isosch`` file; ``phase`` is a phase id, ``#ALL`` or ``#DEFAULT``."""
        tree = parse_file(path)
        return cls.from_tree(tree, base=str(Path(path).resolve()), phase=phase)

    @classmethod
    def from_tree(
        cls,
        tree: etree._ElementTree | etree._Element,
        base: str | os.PathLike[str] | None = None,
        phase: str | None = None,
    ) -> Schematron:
        """Compile a parsed schema; ``base`` names it in errors and resolves ``include``."""
        root = tree.getroot() if isinstance(tree, etree._ElementTree) else tree
        name = str(base) if base is not None else (root.getroottree().docinfo.URL or "<schema>")
        expanded = expand(root, name)
        return cls(compile_schema(expanded, name, phase))

    @property
    def phase(self) -> str:
        """The phase this schema runs (``#ALL`` or a phase id)."""
        return self._compiled.phase

    @property
    def query_binding(self) -> str:
        return self._compiled.binding

    @property
    def pattern_count(self) -> int:
        """Concrete patterns active in the phase."""
        return len(self._compiled.patterns)

    @property
    def compiled_tests(self) -> dict[str, int]:
        """How many assert/report/let/value-of expressions run on each engine (static share)."""
        return dict(self._compiled.stats)

    def validate(
        self,
        document: str | os.PathLike[str] | etree._ElementTree | etree._Element,
        *,
        elements_at_most: int | None = None,
        given: tuple[xslt_screen.Fact, ...] = (),
    ) -> list[SchematronResult]:
        """Failed asserts and successful reports, pattern by pattern in document order.

        Only the patterns that one XSLT transform shows may fire are run (see
        :mod:`teikit.schematron.xslt_screen`): the results are those of :meth:`run`.
        ``elements_at_most`` is a bound on the document's elements a caller may know
        for free (a document of *n* bytes has at most *n* / 4): counting them costs
        as much as a fifth of the screen. ``given``: what a grammar the caller
        knows ``document`` is valid against implies (see
        :class:`~teikit.schematron.xslt_screen.Given`); the screen then skips or
        shortens those patterns, with the same results.
        """
        tree = _as_tree(document)
        compiled = self._compiled
        self._validated += 1
        if compiled._xslt_screen is None and self._validated > SCREEN_AFTER:
            self.build_screen()
        only = None
        small = elements_at_most is not None and elements_at_most <= SCREEN_MAX_ELEMENTS
        screen = compiled._xslt_screen
        if screen and given:
            screen = self.given_screen(given)
        if screen and (small or _COUNT_ELEMENTS(tree) <= SCREEN_MAX_ELEMENTS):
            # a large document goes the per-pattern way, where a time budget can stop it
            only = screen.may_fire(tree)
        if only is not None and not only:
            return []
        report, counts = run_schema(compiled, tree, only=only)
        for engine, n in counts.items():
            self.evaluations[engine] = self.evaluations.get(engine, 0) + n
        return list(report.results)

    def build_screen(self) -> bool:
        """Build now the XSLT screen :meth:`validate` uses from its :data:`SCREEN_AFTER`-th
        document on (compiling it costs tens of milliseconds, more than checking a
        few documents without it); whether the schema has one."""
        compiled = self._compiled
        if compiled._xslt_screen is None:
            compiled._xslt_screen = xslt_screen.build(compiled) or False
        return bool(compiled._xslt_screen)

    def given_screen(self, given: tuple[xslt_screen.Fact, ...]) -> xslt_screen.XsltScreen:
        """The screen for documents valid against a grammar, built once per ``given``
        (the plain screen when ``given`` changes nothing in this schema's)."""
        screens = self._given_screens
        found = screens.get(given)
        if found is None:
            compiled = self._compiled
            positions = xslt_screen.given_positions(compiled, given)
            only = next((g for g in given if isinstance(g, xslt_screen.OnlyElements)), None)
            found = (
                xslt_screen.build(compiled, positions, only) if positions or only else None
            ) or compiled._xslt_screen
            screens[given] = found
        return found

    def run(
        self,
        document: str | os.PathLike[str] | etree._ElementTree | etree._Element,
        *,
        keep_fired: bool = False,
        set_at_a_time: bool = True,
    ) -> SchematronReport:
        """A whole run; ``keep_fired`` keeps each rule firing for complete SVRL.

        ``set_at_a_time=False`` visits every context node one by one instead of
        first asking libxml2 which nodes of a rule fail: slower, same results; it is
        the reference the fast path is tested against.
        """
        tree = _as_tree(document)
        report, counts = run_schema(
            self._compiled, tree, keep_fired=keep_fired, set_at_a_time=set_at_a_time
        )
        for engine, n in counts.items():
            self.evaluations[engine] = self.evaluations.get(engine, 0) + n
        return report


def _as_tree(
    document: str | os.PathLike[str] | etree._ElementTree | etree._Element,
) -> etree._ElementTree:
    if isinstance(document, etree._ElementTree):
        return document
    if isinstance(document, etree._Element):
        return document.getroottree()
    if isinstance(document, (str, os.PathLike)):
        return parse_file(document)
    raise TeikitError(f"cannot validate a {type(document).__name__}")
