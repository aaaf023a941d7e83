"""``teikit persons build``: the corpus person registry from converted TEI."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import argparse


def register(subparsers: argparse._SubParsersAction[Any]) -> None:
    persons = subparsers.add_parser(
        "persons", help="the corpus person registry: one person, one id across documents"
    )
    commands = persons.add_subparsers(title="persons commands", metavar="SUBCOMMAND")
    build = commands.add_parser(
        "build",
        help="group the persons of TEI documents into one registry (persons.xml)",
        description=(
            "Read the listPerson of every document and write one TEI listPerson in which "
            "each person of the corpus appears once, pointing at the person it is in each "
            "document. Persons sharing the converter's id or an editor's full name are "
            "one; --edits names a TOML file of editors' merges and splits."
        ),
    )
    build.add_argument("documents", nargs="+", metavar="TEI", help="converted TEI documents")
    build.add_argument("-o", "--output", required=True, help="the registry file to write")
    build.add_argument("--edits", default=None, help="editors' merges and splits (TOML)")
    build.set_defaults(handler=_build)
    speeches = commands.add_parser(
        "speeches",
        help="list every speech of a corpus person",
        description="Every speech of one person of the registry, in every document.",
    )
    speeches.add_argument("registry", help="the registry (persons.xml)")
    speeches.add_argument("person", help="the corpus person's id")
    speeches.set_defaults(handler=_speeches)


def _build(args: argparse.Namespace) -> int:
    from pathlib import Path

    from teikit.corpus.registry import build_registry, read_edits, write_registry

    out = Path(args.output).resolve()
    docs = [d for d in args.documents if Path(d).resolve() != out]
    edits = read_edits(args.edits) if args.edits else None
    people = build_registry(docs, edits, base=out.parent)
    write_registry(people, args.output, edits)
    shared = sum(1 for p in people if len({o.document for o in p.occurrences}) > 1)
    print(
        f"{len(people)} persons from {len(docs)} documents "
        f"({shared} in more than one) -> {args.output}",
        file=sys.stderr,
    )
    return 0


def _speeches(args: argparse.Namespace) -> int:
    from teikit.corpus.registry import load_registry

    registry = load_registry(args.registry)
    for doc, sp in registry.speeches(args.person):
        label = sp.label or ""
        print(f"{doc.source_name}:{sp.line}: {label} {sp.text}")
    return 0
