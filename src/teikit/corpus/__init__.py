"""One person, one id across a corpus: the corpus person registry.

Each converted document has its own ``listPerson``; the registry is one more
TEI file (``persons.xml``) whose ``listPerson`` holds every person of the
corpus once, each pointing (``ptr``) at the ``person`` it identifies in every
document. Documents stay as the converter wrote them, so re-converting one never
invalidates the registry's decisions, which are data: persons are grouped by
the id the converter gave them (titles already removed) or by the full name an
editor established, and an editors' file (``persons.toml``) merges or splits
what that grouping got wrong, each decision recorded with ``@resp``.

Usage::

    from teikit.corpus import load_registry

    registry = load_registry("tei/persons.xml")
    for document, speech in registry.speeches("smith-john"):
        print(document.name, speech.text[:60])
"""

from __future__ import annotations

from teikit.corpus.registry import (
    CorpusPerson,
    Occurrence,
    Registry,
    build_registry,
    load_registry,
    read_edits,
)

__all__ = [
    "CorpusPerson",
    "Occurrence",
    "Registry",
    "build_registry",
    "load_registry",
    "read_edits",
]
