"""Structural corrections in the sidecar: the editor's word over every scorer.

``[[structure]]`` entries say what a line is when the role stage got it
wrong; they are applied on every reconversion, and what they produce carries
``@resp`` pointing at the sidecar's editor::

    [[structure]]
    text = "Progress on Action Program"   # the raw line, as written (spaces trimmed)
    line = 212                            # optional: only this raw line
    is = "heading"                        # what the line is
    resp = "ed"                           # an [[editor]] id

``is`` takes a role (``heading``, ``marking``, ``furniture``, ``signature``,
``dateline``, ``field``, ``item``, ``text``), or ``not-heading`` (the line is
text), ``not-speaker`` (its ``Label:`` opens no turn), or ``gloss`` (``text``
is a bracket's content, ``[…]`` included: it is an editorial note, not words
of the document). "These labels are one person" is a ``[[person]]`` with
several ``labels``. An entry that matches nothing is an error of the sidecar,
reported at its ``file:line:col``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from teikit.errors import SourceLocation, TeikitError

if TYPE_CHECKING:
    from teikit.convert.plan import Plan
    from teikit.convert.sidecar import _Positions

#: What an entry may say a line is.
ROLES = frozenset(
    (
        "heading",
        "marking",
        "furniture",
        "signature",
        "dateline",
        "field",
        "item",
        "text",
        "not-heading",
        "not-speaker",
        "gloss",
    )
)


@dataclass(frozen=True)
class StructureEntry:
    """One ``[[structure]]`` entry of a sidecar."""

    text: str
    is_: str
    resp: str
    line: int | None
    location: SourceLocation


def parse_structure(
    entries: list[dict[str, Any]], pos: _Positions, editor_ids: set[str]
) -> tuple[StructureEntry, ...]:
    """Check and read the ``[[structure]]`` entries (errors carry the sidecar's line:col)."""
    out: list[StructureEntry] = []
    for i, e in enumerate(entries):
        for key in e:
            if key not in ("text", "is", "resp", "line"):
                raise TeikitError(
                    f"unknown [[structure]] key {key!r}", pos.loc("structure", i, key)
                )
        text, what, resp = e.get("text"), e.get("is"), e.get("resp")
        for key, value in (("text", text), ("is", what), ("resp", resp)):
            if not isinstance(value, str) or not value.strip():
                raise TeikitError(
                    f"[[structure]] entry needs {key!r} (a non-empty string)",
                    pos.loc("structure", i, key),
                )
        assert isinstance(text, str) and isinstance(what, str) and isinstance(resp, str)
        if what not in ROLES:
            raise TeikitError(
                f"'is' must be one of {', '.join(sorted(ROLES))}, not {what!r}",
                pos.loc("structure", i, "is"),
            )
        if resp not in editor_ids:
            raise TeikitError(
                f"resp {resp!r} names no [[editor]] "
                f"(declared: {', '.join(sorted(editor_ids)) or 'none'})",
                pos.loc("structure", i, "resp"),
            )
        line = e.get("line")
        if line is not None and (not isinstance(line, int) or isinstance(line, bool) or line < 1):
            raise TeikitError("'line' must be a positive integer", pos.loc("structure", i, "line"))
        out.append(
            StructureEntry(" ".join(text.split()), what, resp, line, pos.loc("structure", i))
        )
    return tuple(out)


@dataclass
class Decisions:
    """The structure entries as the assembly needs them."""

    #: raw line offset → the editor's id, for every line an entry decided
    resp: dict[int, str]
    #: line offsets whose label opens no turn
    not_speaker: set[int]
    #: bracket content (without the brackets) → editor id, for glosses
    glosses: dict[str, str]
    #: the gloss entries, to check after rendering that each was used
    gloss_entries: list[StructureEntry]


def apply(plan: Plan, entries: tuple[StructureEntry, ...], line_of: dict[int, int]) -> Decisions:
    """Apply the entries to the plan's roles; an entry matching no line refuses.

    ``line_of`` maps a line's raw offset to its raw line number.
    """
    from teikit.convert.plan import override

    decided = Decisions({}, set(), {}, [])
    for entry in entries:
        if entry.is_ == "gloss":
            content = entry.text[1:-1] if entry.text[:1] in "[(" else entry.text
            decided.glosses[content.strip()] = entry.resp
            decided.gloss_entries.append(entry)
            continue
        hits = [
            f
            for f in plan.doc.lines
            if " ".join(f.text.split()) == entry.text
            and (entry.line is None or line_of.get(f.offset) == entry.line)
        ]
        if not hits:
            where = f" on line {entry.line}" if entry.line else ""
            raise TeikitError(
                f"structure entry {entry.text!r} matches no line of the text{where}",
                entry.location,
            )
        for f in hits:
            decided.resp[f.offset] = entry.resp
            reason = f"the sidecar says so ({entry.is_}, resp {entry.resp})"
            if entry.is_ == "not-speaker":
                decided.not_speaker.add(f.offset)
                override(plan, f.offset, "text", reason)
            elif entry.is_ == "not-heading":
                override(plan, f.offset, "text", reason)
            else:
                override(plan, f.offset, entry.is_, reason)
    return decided
