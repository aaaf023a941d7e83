"""A downstream script: who spoke how many words to whom, and a JSON export.

Uses only the public API of teikit. Run it on the bundled corpus
(``python examples/downstream.py``), on any TEI files
(``python examples/downstream.py a.xml b.xml``), or with ``--json DIR`` to
write each document as JSON for tools outside Python.

"To whom" is read from turn-taking: a turn is addressed to the previous
speaker who is someone else (the first turn, to the next one). That is a
heuristic a real network analysis would refine; the point here is that it
needs only speeches and people, not XPath.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

import teikit

REPO = Path(__file__).resolve().parent.parent


def addressees(doc: teikit.TeiDocument) -> list[tuple[str, str, int]]:
    """(speaker, addressee, words) for every turn whose addressee can be told."""
    turns = [(s.person_id or s.label or "?", len(s.text.split())) for s in doc.speeches]
    out: list[tuple[str, str, int]] = []
    for i, (who, words) in enumerate(turns):
        before = [w for w, _ in reversed(turns[:i]) if w != who]
        after = [w for w, _ in turns[i + 1 :] if w != who]
        to = before[0] if before else (after[0] if after else None)
        if to is not None:
            out.append((who, to, words))
    return out


def display(doc: teikit.TeiDocument, person_id: str) -> str:
    person = doc.person(person_id)
    return person.display_name if person is not None else person_id


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--json", type=Path, help="write each document as JSON into this dir")
    args = parser.parse_args(argv)
    files: list[Path] = args.files or sorted((REPO / "tei").glob("*.xml"))
    if not files:
        print("no TEI files given and none in tei/", file=sys.stderr)
        return 2
    network: Counter[tuple[str, str]] = Counter()
    for path in files:
        try:
            doc = teikit.load(path)
        except teikit.TeikitError as exc:
            print(f"skipped: {exc}", file=sys.stderr)
            continue
        title = doc.title or path.name
        when = doc.date.when if doc.date and doc.date.when else "undated"
        print(f"{path.name}: {title} ({when}, {doc.kind or 'unknown kind'})")
        for who, to, words in addressees(doc):
            network[(display(doc, who), display(doc, to))] += words
        if args.json is not None:
            args.json.mkdir(parents=True, exist_ok=True)
            out = args.json / f"{path.stem}.json"
            out.write_text(json.dumps(teikit.to_json(doc), ensure_ascii=False), encoding="utf-8")
    for (who, to), words in sorted(network.items(), key=lambda kv: (-kv[1], kv[0])):
        print(f"{who} -> {to}: {words} words")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
