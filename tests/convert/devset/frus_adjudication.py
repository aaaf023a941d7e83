"""Expert decisions on where the converter and frus2raw's reference disagree about turns.

frus2raw reads speaker turns off the FRUS markup: a label counts only where the editors
tagged a person in it, or where the same ``Label:`` recurs in a document of labelled
paragraphs. Real turns escape that rule (period-style labels ``The Chairman.``, a label
seen once and untagged, two turns run into one paragraph), so some of the converter's
"false positives" are the reference's gaps. As in any evaluation, a disagreement is read
by an expert and decided; ``frus_adjudicated.toml`` records each decision as data:

``doc``
    the document id (the ``.txt`` stem, e.g. ``frus1958-60v08_d211``);
``kind``
    ``fp`` (the converter made the turn, the reference lacks it) or ``fn`` (the
    reference has the turn, the converter missed it);
``label``
    the speaker label as the scorer keys it (lower case, no final stop or colon);
``start``
    optional: the scorer's key of the turn's first letters; absent means every
    disagreement of that kind with that label in that document;
``verdict``
    ``reference-gap`` (the converter is right: a real turn the reference does not
    count, or a turn the reference counts that is not one), ``converter-error`` (the
    converter is wrong; kept so the case is not read again) — when in doubt, this;
``reason``
    one line, why.

The scorer reports both the raw figures and the adjudicated ones, in which a
reference gap counts as the converter being right; converter errors change nothing.
The same decisions settle which documents have dialogue: the reference counts a
document without turns as one without dialogue, but where the converter's turns in it
were judged real (a hearing's ``Senator Roe.``, a press conference's ``Q.``/``A.``, an
interview's untagged labels) the document has dialogue the reference leaves untagged,
and the adjudicated count of documents without dialogue given turns leaves it out
(:func:`invented_dialogue`); the reason is that of the decisions.
"""

from __future__ import annotations

import tomllib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
DEFAULT = HERE / "frus_adjudicated.toml"
VERDICTS = ("reference-gap", "converter-error")


@dataclass(frozen=True)
class Decision:
    doc: str
    kind: str
    label: str
    start: str | None
    verdict: str
    reason: str

    def covers(self, doc: str, kind: str, label: str, start: str) -> bool:
        return (
            self.doc == doc
            and self.kind == kind
            and self.label == label
            and (self.start is None or self.start == start)
        )


def parse(data: dict[str, object]) -> list[Decision]:
    """Decisions from the parsed TOML (a list of ``[[case]]`` tables); checks each."""
    out = []
    cases = data.get("case", [])
    assert isinstance(cases, list)
    for case in cases:
        d = Decision(
            doc=case["doc"],
            kind=case["kind"],
            label=case["label"],
            start=case.get("start"),
            verdict=case["verdict"],
            reason=case["reason"],
        )
        if d.kind not in ("fp", "fn") or d.verdict not in VERDICTS or not d.reason:
            raise ValueError(f"bad adjudication: {case}")
        out.append(d)
    return out


_CACHE: dict[Path, list[Decision]] = {}


def load(path: Path = DEFAULT) -> list[Decision]:
    """The decisions of ``path`` (none if the file is absent), read once per process."""
    if path not in _CACHE:
        _CACHE[path] = parse(tomllib.loads(path.read_text("utf-8"))) if path.is_file() else []
    return _CACHE[path]


def verdict(decisions: list[Decision], doc: str, kind: str, label: str, start: str) -> str | None:
    """The verdict on one disagreement, or None if nobody has decided it."""
    for d in decisions:
        if d.covers(doc, kind, label, start):
            return d.verdict
    return None


def adjudicated_truth(
    doc: str,
    want: Counter[tuple[str, str]],
    got: Counter[tuple[str, str]],
    decisions: list[Decision] | None = None,
) -> Counter[tuple[str, str]]:
    """The reference's turns corrected by the decisions that find a reference gap.

    A false positive judged a reference gap joins the truth (the converter was right
    to make it); a false negative judged a reference gap leaves it (the reference
    counted a turn that is none). Converter errors and undecided cases stay as they are.
    """
    decisions = load() if decisions is None else decisions
    out = Counter(want)
    for (label, start), n in (got - want).items():
        if verdict(decisions, doc, "fp", label, start) == "reference-gap":
            out[(label, start)] += n
    for (label, start), n in (want - got).items():
        if verdict(decisions, doc, "fn", label, start) == "reference-gap":
            out[(label, start)] -= n
    return +out


def invented_dialogue(
    doc: str,
    want: Counter[tuple[str, str]],
    got: Counter[tuple[str, str]],
    decisions: list[Decision] | None = None,
) -> bool:
    """Whether the converter gave turns to a document that, once decided, has no dialogue.

    The reference has no turn in it, and no turn the converter made there was judged a
    real one the reference left untagged (a ``reference-gap`` false positive).
    """
    return bool(got) and not adjudicated_truth(doc, want, got, decisions)


# --- footnotes ---------------------------------------------------------------------------
#
# The reference's footnotes are FRUS's ``note`` elements. A note the source prints that the
# markup does not hold as one (an asterisk note under a heading, ``* Notes were not taken``,
# which FRUS keeps as a paragraph) is a real note the reference does not count, and the
# converter's note then counts as a false one. Such disagreements are decided like turns,
# as ``[[note]]`` tables in the same file:
#
# ``doc``      the document id;
# ``kind``     ``fp`` (the converter made the note, the reference lacks it) or ``fn`` (the
#              reference has it, the converter missed it);
# ``n``        the note's number or sign as the scorer keys it (``@n``: ``1``, ``*``);
# ``start``    optional: the first letters of the note's key (lower-case letters and digits
#              of its text); absent means every disagreement of that kind, number and doc;
# ``verdict``  ``reference-gap`` (the converter is right) or ``converter-error``;
# ``reason``   one line, why.


@dataclass(frozen=True)
class NoteDecision:
    doc: str
    kind: str
    n: str
    start: str | None
    verdict: str
    reason: str

    def covers(self, doc: str, kind: str, n: str, key: str) -> bool:
        return (
            self.doc == doc
            and self.kind == kind
            and self.n == n
            and (self.start is None or key.startswith(self.start))
        )


def parse_notes(data: dict[str, object]) -> list[NoteDecision]:
    """Note decisions from the parsed TOML (a list of ``[[note]]`` tables); checks each."""
    out = []
    cases = data.get("note", [])
    assert isinstance(cases, list)
    for case in cases:
        d = NoteDecision(
            doc=case["doc"],
            kind=case["kind"],
            n=str(case["n"]),
            start=case.get("start"),
            verdict=case["verdict"],
            reason=case["reason"],
        )
        if d.kind not in ("fp", "fn") or d.verdict not in VERDICTS or not d.reason:
            raise ValueError(f"bad note adjudication: {case}")
        out.append(d)
    return out


_NOTE_CACHE: dict[Path, list[NoteDecision]] = {}


def load_notes(path: Path = DEFAULT) -> list[NoteDecision]:
    """The note decisions of ``path`` (none if the file is absent), read once per process."""
    if path not in _NOTE_CACHE:
        _NOTE_CACHE[path] = (
            parse_notes(tomllib.loads(path.read_text("utf-8"))) if path.is_file() else []
        )
    return _NOTE_CACHE[path]


def note_verdict(
    decisions: list[NoteDecision], doc: str, kind: str, n: str, key: str
) -> str | None:
    """The verdict on one note disagreement, or None if nobody has decided it."""
    for d in decisions:
        if d.covers(doc, kind, n, key):
            return d.verdict
    return None


def adjudicated_notes(
    doc: str,
    want: Counter[tuple[str, str]],
    got: Counter[tuple[str, str]],
    decisions: list[NoteDecision] | None = None,
) -> Counter[tuple[str, str]]:
    """The reference's notes corrected by the decisions that find a reference gap.

    As for turns (:func:`adjudicated_truth`): a false note judged a reference gap joins
    the truth, a missed note judged a reference gap leaves it; the rest stays.
    """
    decisions = load_notes() if decisions is None else decisions
    out = Counter(want)
    for (n, key), count in (got - want).items():
        if note_verdict(decisions, doc, "fp", n, key) == "reference-gap":
            out[(n, key)] += count
    for (n, key), count in (want - got).items():
        if note_verdict(decisions, doc, "fn", n, key) == "reference-gap":
            out[(n, key)] -= count
    return +out
