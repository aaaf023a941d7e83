"""Score the converter on the development set: expected facts against the TEI it writes.

The expected facts live beside this module, one TOML file per raw document in
``expected/`` (conventions in ``README.md``). This module reads them, converts
each raw document with the public :func:`teikit.convert.convert`, reads the
facts back out of the TEI and counts, per feature, what matched, what was
predicted and what was true, so that precision and recall can be reported.

Reading the TEI is deliberately tolerant, because the converter is being
rebuilt while it is measured: text is compared as lower-case letters and
digits only, markings are looked for in any ``stamp``, ``fw`` or ``idno``
(wherever they stand, header included), a speaker label may differ from the
expected one by an OCR slip, a heading may carry a footnote marker, and the
document kind is read from the body's first ``div`` (``@type`` and
``@subtype``) or from ``textClass`` terms.

Pure functions and plain data; the only side effect is the conversion itself
(and, in :func:`evaluate`, reading files), so benchmarks and tests share it.
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from lxml import etree

TEI_NS = "http://www.tei-c.org/ns/1.0"
T = f"{{{TEI_NS}}}"
XML_ID = "{http://www.w3.org/XML/1998/namespace}id"

HERE = Path(__file__).resolve().parent
EXPECTED_DIR = HERE / "expected"

#: The closed list of document kinds (README.md says what each one covers), each with the
#: family it belongs to in the converter's current ``div/@type`` vocabulary.
KIND_FAMILY: dict[str, str] = {
    "transcript": "conversation",
    "conversation": "conversation",
    "minutes": "conversation",
    "cable": "cable",
    "telegram": "telegram",
    "teletype": "cable",
    "airtel": "cable",
    "dispatch": "memorandum",
    "memorandum": "memorandum",
    "memorandum-for-record": "memorandum",
    "report": "memorandum",
    "letter": "letter",
    "form": "memorandum",
}
#: Families that count as the same when the converter uses the coarser of two names.
FAMILY_ALIASES: dict[str, str] = {"telegram": "cable"}

#: Features scored as precision and recall, in table order.
FEATURES = (
    "turns",
    "speakers",
    "notes",
    "notes linked",
    "markings",
    "headings",
    "page breaks",
)


# -- normalized keys ------------------------------------------------------------------


def key(text: str) -> str:
    """Lower-case letters and digits only: robust to spacing, case, quotes and dashes."""
    text = unicodedata.normalize("NFKC", text)
    return "".join(ch for ch in text.lower() if ch.isalnum())


def label_key(label: str) -> str:
    """A speaker label without its closing colon or period, spacing normalized."""
    return key(label.strip().rstrip(":.;, "))


def _contains(outer: str, inner: str, minimum: int = 3) -> bool:
    return len(inner) >= minimum and inner in outer


# -- expected facts -------------------------------------------------------------------


@dataclass(frozen=True)
class Expected:
    """What an editor expects of one document; ``None`` means "not asked" (uncertain)."""

    name: str
    kind: str
    date: str | None = None
    pages: int | None = None
    turns: int | None = None
    speakers: dict[str, int] | None = None
    notes: int | None = None
    links: tuple[int, ...] | None = None
    lost_gaps: int | None = None
    markings: tuple[str, ...] | None = None
    heads: tuple[str, ...] | None = None
    maybe_heads: tuple[str, ...] = ()
    not_heads: tuple[str, ...] = ()

    @property
    def linked(self) -> tuple[int, ...]:
        """The note numbers whose marker must be linked (all notes unless listed)."""
        if self.links is not None:
            return self.links
        return tuple(range(1, (self.notes or 0) + 1))


_FIELDS = {
    "kind",
    "date",
    "pages",
    "turns",
    "speakers",
    "notes",
    "links",
    "lost_gaps",
    "markings",
    "heads",
    "maybe_heads",
    "not_heads",
}


def parse_expected(name: str, data: dict[str, Any]) -> Expected:
    """Check one expected-facts table and return it typed; unknown keys are errors."""
    unknown = set(data) - _FIELDS
    if unknown:
        raise ValueError(f"{name}: unknown keys {sorted(unknown)}")
    kind = data.get("kind")
    if kind not in KIND_FAMILY:
        raise ValueError(f"{name}: kind {kind!r} is not one of {sorted(KIND_FAMILY)}")
    speakers = data.get("speakers")
    turns = data.get("turns")
    if speakers is not None and turns is not None and sum(speakers.values()) != turns:
        raise ValueError(f"{name}: speakers' turns add up to {sum(speakers.values())}, not {turns}")
    if speakers is not None and turns is None:
        turns = sum(speakers.values())

    def strings(field_name: str) -> tuple[str, ...] | None:
        value = data.get(field_name)
        return None if value is None else tuple(str(v) for v in value)

    links = data.get("links")
    return Expected(
        name=name,
        kind=kind,
        date=data.get("date"),
        pages=data.get("pages"),
        turns=turns,
        speakers=dict(speakers) if speakers is not None else None,
        notes=data.get("notes"),
        links=tuple(int(n) for n in links) if links is not None else None,
        lost_gaps=data.get("lost_gaps"),
        markings=strings("markings"),
        heads=strings("heads"),
        maybe_heads=strings("maybe_heads") or (),
        not_heads=strings("not_heads") or (),
    )


def load_expected(directory: Path = EXPECTED_DIR) -> list[Expected]:
    """Every ``NAME.toml`` in ``directory``, sorted by name."""
    out = []
    for path in sorted(directory.glob("*.toml")):
        with path.open("rb") as fh:
            out.append(parse_expected(path.stem, tomllib.load(fh)))
    return out


# -- facts read from the TEI ----------------------------------------------------------


@dataclass
class Observed:
    """What the converter's TEI says about one document."""

    kinds: set[str] = field(default_factory=set)
    date: str | None = None
    speaker_labels: list[str] = field(default_factory=list)
    note_numbers: list[str] = field(default_factory=list)
    linked_numbers: set[str] = field(default_factory=set)
    marking_texts: list[str] = field(default_factory=list)
    stamp_texts: list[str] = field(default_factory=list)
    heads: list[str] = field(default_factory=list)
    page_boundaries: int = 0
    lost_gaps: int = 0
    words: Counter[str] = field(default_factory=Counter)


def _local(el: etree._Element) -> str:
    return etree.QName(el).localname if isinstance(el.tag, str) else ""


def _text(el: etree._Element, skip: tuple[str, ...] = ()) -> str:
    """Text content of ``el``, leaving out the subtrees of ``skip`` elements."""
    parts = [el.text or ""]
    for child in el:
        if isinstance(child.tag, str) and _local(child) not in skip:
            parts.append(_text(child, skip))
        parts.append(child.tail or "")
    return "".join(parts)


def _page_boundaries(text_el: etree._Element) -> int:
    """``pb`` elements with text before and after them: marked page boundaries.

    A ``pb`` before the first word (page 1) or after the last one (a footer's page)
    marks no boundary; counting only inner ones makes "pb at the start of each page"
    and "pb where each page's footer stands" score alike.
    """
    seen_text = False
    pending = 0
    count = 0
    for event, el in etree.iterwalk(text_el, events=("start", "end")):
        if event == "start":
            if _local(el) == "pb":
                if seen_text:
                    pending += 1
                continue
            chunk = el.text or ""
        else:
            chunk = el.tail or "" if el is not text_el else ""
        if chunk.strip():
            seen_text = True
            count += pending
            pending = 0
    return count


def _is_footnote(note: etree._Element) -> bool:
    """A foot- or endnote: typed so, or numbered in the back matter's notes."""
    if note.get("type") in ("footnote", "endnote"):
        return True
    return note.get("type") is None and bool(note.get("n")) and _in_back(note)


def _in_back(el: etree._Element) -> bool:
    return any(_local(a) == "back" for a in el.iterancestors())


def observe(root: etree._Element) -> Observed:
    """Read the scored facts out of one TEI document."""
    obs = Observed()
    body = root.find(f"{T}text/{T}body")
    text_el = root.find(f"{T}text")
    if body is not None:
        first = next((c for c in body if _local(c) == "div"), None)
        if first is not None:
            for attr in ("type", "subtype"):
                if first.get(attr):
                    obs.kinds.add(first.get(attr, "").lower())
    for term in root.iter(f"{T}term", f"{T}catRef"):
        value = term.get("target") or term.text or ""
        if value.strip():
            obs.kinds.add(value.strip().lstrip("#").lower())
    date = root.find(f"{T}teiHeader/{T}profileDesc/{T}creation/{T}date")
    if date is not None:
        obs.date = date.get("when") or date.get("from")
    for sp in root.iter(f"{T}sp"):
        speaker = sp.find(f"{T}speaker")
        obs.speaker_labels.append("".join(speaker.itertext()) if speaker is not None else "")
    notes_by_id: dict[str, str] = {}
    for note in root.iter(f"{T}note"):
        if _is_footnote(note):
            n = note.get("n") or ""
            obs.note_numbers.append(n)
            if note.get(XML_ID):
                notes_by_id[note.get(XML_ID, "")] = n
            if note.get("target"):
                obs.linked_numbers.add(n)
    for el in root.iter():
        target = el.get("target") if isinstance(el.tag, str) and _local(el) != "note" else None
        for ref in (target or "").split():
            if ref.startswith("#") and ref[1:] in notes_by_id:
                obs.linked_numbers.add(notes_by_id[ref[1:]])
    for el in root.iter(f"{T}stamp", f"{T}fw", f"{T}idno"):
        if _local(el) == "idno" and el.get("type") == "teikit":
            continue
        obs.marking_texts.append(_text(el))
        if _local(el) == "stamp" and el.getparent() is not None:
            obs.stamp_texts.append(_text(el))
    if text_el is not None:
        for head in text_el.iter(f"{T}head", f"{T}titlePart"):
            obs.heads.append(_text(head, skip=("note", "ref")))
        obs.page_boundaries = _page_boundaries(text_el)
        obs.lost_gaps = sum(1 for g in text_el.iter(f"{T}gap") if g.get("reason") == "lost")
    obs.words = tei_words(root)
    return obs


# -- comparing -------------------------------------------------------------------------


@dataclass
class Tally:
    """Matched, predicted and true counts of one feature; misses for the details."""

    tp: int = 0
    pred: int = 0
    true: int = 0
    #: predictions that matched; equals ``tp`` except where many predictions may match
    #: one truth or predictions are judged apart from the truths (markings)
    pred_ok: int = 0
    misses: list[str] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.pred_ok / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.true if self.true else 1.0

    def add(self, tp: int, pred: int, true: int, pred_ok: int | None = None) -> None:
        self.tp += tp
        self.pred += pred
        self.true += true
        self.pred_ok += tp if pred_ok is None else pred_ok


def _map_label(label: str, canon: Sequence[str]) -> str | None:
    """The expected speaker a predicted label denotes: equal keys, else a close OCR slip."""
    k = label_key(label)
    keys = {label_key(c): c for c in canon}
    if k in keys:
        return keys[k]
    best = difflib.get_close_matches(k, list(keys), n=1, cutoff=0.8)
    return keys[best[0]] if best else None


def score_turns(exp: Expected, obs: Observed, turns: Tally, speakers: Tally) -> bool:
    """Turns matched per expected speaker; returns whether a no-dialogue doc got turns."""
    if exp.turns is None:
        return False
    pred = len(obs.speaker_labels)
    if exp.speakers:
        canon = list(exp.speakers)
        mapped: Counter[str] = Counter()
        unmapped: Counter[str] = Counter()
        for label in obs.speaker_labels:
            target = _map_label(label, canon)
            if target is None:
                unmapped[label.strip()] += 1
            else:
                mapped[target] += 1
        tp = sum(min(mapped[c], exp.speakers[c]) for c in canon)
        for c in canon:
            if mapped[c] != exp.speakers[c]:
                turns.misses.append(
                    f"{exp.name}: {c!r} {mapped[c]} turns, expected {exp.speakers[c]}"
                )
        for label, n in unmapped.most_common(5):
            turns.misses.append(f"{exp.name}: unexpected speaker {label!r} ({n} turns)")
        speakers.add(len(set(mapped)), len(set(mapped)) + len(unmapped), len(canon))
    else:
        tp = min(pred, exp.turns)
        if pred != exp.turns:
            labels = Counter(label.strip() for label in obs.speaker_labels).most_common(3)
            turns.misses.append(f"{exp.name}: {pred} turns, expected {exp.turns} {labels}")
        if pred:
            speakers.add(0, len({label_key(label) for label in obs.speaker_labels}), 0)
    turns.add(tp, pred, exp.turns)
    return exp.turns == 0 and pred > 0


def score_notes(exp: Expected, obs: Observed, notes: Tally, linked: Tally) -> None:
    if exp.notes is None:
        return
    want = Counter(str(n) for n in range(1, exp.notes + 1))
    got = Counter(obs.note_numbers)
    notes.add(sum((want & got).values()), sum(got.values()), exp.notes)
    if got != want:
        notes.misses.append(f"{exp.name}: notes {sorted(got.elements())}, expected 1..{exp.notes}")
    want_linked = {str(n) for n in exp.linked}
    linked.add(len(want_linked & obs.linked_numbers), len(obs.linked_numbers), len(want_linked))
    missing = sorted(want_linked - obs.linked_numbers, key=lambda s: (len(s), s))
    if missing:
        linked.misses.append(f"{exp.name}: markers not linked for notes {missing}")


def score_markings(exp: Expected, obs: Observed, markings: Tally) -> None:
    """Recall over the expected strings; precision over ``stamp`` elements only.

    A ``fw`` or ``idno`` the expected list does not name (a running head, a file
    number) is not counted against the converter: the lists name what must be
    furniture, not everything that may be. A ``stamp`` claims a marking, so a stamp
    whose text matches no expected marking is a false one.
    """
    if exp.markings is None:
        return
    texts = [key(t) for t in obs.marking_texts]
    want = [key(m) for m in exp.markings]
    found = 0
    for raw, k in zip(exp.markings, want, strict=True):
        if any(_contains(t, k, 1) for t in texts):
            found += 1
        else:
            markings.misses.append(f"{exp.name}: marking not encoded {raw!r}")
    stamps = [key(t) for t in obs.stamp_texts]
    good = sum(1 for s in stamps if any(_contains(s, k, 1) or _contains(k, s) for k in want))
    for raw in obs.stamp_texts:
        s = key(raw)
        if not any(_contains(s, k, 1) or _contains(k, s) for k in want):
            markings.misses.append(f"{exp.name}: stamp that is no expected marking {raw.strip()!r}")
    markings.add(found, len(stamps), len(want), pred_ok=good)


def _head_matches(pred: str, want: str) -> bool:
    if not pred or not want:
        return False
    if pred == want:
        return True
    short, long_ = sorted((pred, want), key=len)
    return len(short) >= 6 and long_.startswith(short) and len(short) >= 0.6 * len(long_)


def score_heads(exp: Expected, obs: Observed, heads: Tally) -> int:
    """Heads matched greedily in document order; returns how many listed non-heads were heads."""
    if exp.heads is None:
        return 0
    open_heads = [key(h) for h in exp.heads]
    maybe = [key(h) for h in exp.maybe_heads]
    nots = [key(h) for h in exp.not_heads]
    tp = pred = listed_false = 0
    for raw in obs.heads:
        k = key(raw)
        hit = next((i for i, w in enumerate(open_heads) if _head_matches(k, w)), None)
        if hit is not None:
            open_heads[hit] = ""
            tp += 1
            pred += 1
        elif any(_head_matches(k, m) for m in maybe):
            continue
        else:
            pred += 1
            if any(_head_matches(k, n) for n in nots):
                listed_false += 1
            heads.misses.append(f"{exp.name}: head that is not a heading {raw.strip()[:70]!r}")
    for raw, k in zip(exp.heads, open_heads, strict=True):
        if k:
            heads.misses.append(f"{exp.name}: heading not found {raw[:70]!r}")
    heads.add(tp, pred, len(exp.heads))
    return listed_false


def score_pages(exp: Expected, obs: Observed, pages: Tally) -> None:
    if exp.pages is None:
        return
    true = exp.pages - 1
    pred = obs.page_boundaries
    pages.add(min(true, pred), pred, true)
    if pred != true:
        pages.misses.append(f"{exp.name}: {pred} page boundaries, expected {true}")


_WORD = re.compile(r"\w+")
_HYPHENATED = re.compile(r"(\w+)-\n[ \t]*(\w+)")


def words_lost(raw: str, tei_words: Counter[str]) -> list[str]:
    """Raw words that the TEI does not contain (as many times as the raw has them).

    ``tei_words`` counts the TEI's words (see :func:`tei_words`). A word hyphenated at a
    line end counts as present when the TEI has it joined and has no use for the joined
    form elsewhere.
    """
    need = Counter(_WORD.findall(raw.lower()))
    deficit = need - tei_words
    if deficit:
        surplus = tei_words - need
        for m in _HYPHENATED.finditer(raw):
            a, b = m.group(1).lower(), m.group(2).lower()
            whole = a + b
            if deficit[a] > 0 and deficit[b] > 0 and surplus[whole] > 0:
                deficit[a] -= 1
                deficit[b] -= 1
                surplus[whole] -= 1
    return sorted((+deficit).elements())


def tei_words(root: etree._Element) -> Counter[str]:
    """Words of the whole TEI document, with ``@n`` values (page and note numbers)."""
    words = Counter(_WORD.findall(" ".join(root.itertext()).lower()))
    for el in root.iter():
        if isinstance(el.tag, str) and el.get("n"):
            words.update(_WORD.findall(el.get("n", "").lower()))
    return words


# -- one run over the development set -----------------------------------------------------


@dataclass
class DocResult:
    """The outcome for one document."""

    name: str
    refused: str | None = None
    invalid: str | None = None
    kind_ok: bool | None = None
    family_ok: bool | None = None
    date_ok: bool | None = None
    false_turn_doc: bool = False
    false_lost_gaps: int = 0
    listed_false_heads: int = 0
    lost: list[str] = field(default_factory=list)
    kinds: set[str] = field(default_factory=set)
    date: str | None = None
    tallies: dict[str, Tally] = field(default_factory=dict)


@dataclass
class Evaluation:
    """Scores over a set of documents."""

    tallies: dict[str, Tally]
    docs: list[DocResult]

    @property
    def n(self) -> int:
        return len(self.docs)

    def count(self, attr: str) -> int:
        return sum(1 for d in self.docs if getattr(d, attr))

    def accuracy(self, attr: str) -> tuple[int, int]:
        values = [getattr(d, attr) for d in self.docs if getattr(d, attr) is not None]
        return sum(1 for v in values if v), len(values)

    def precision(self, feature: str) -> float:
        return self.tallies[feature].precision

    def recall(self, feature: str) -> float:
        return self.tallies[feature].recall

    def summary(self) -> dict[str, float]:
        """Flat figures (for floors and JSON): ``feature P``/``feature R``, rates, counts."""
        out: dict[str, float] = {}
        for f in FEATURES:
            out[f"{f} P"] = round(self.precision(f), 3)
            out[f"{f} R"] = round(self.recall(f), 3)
        for attr in ("kind_ok", "family_ok", "date_ok"):
            ok, total = self.accuracy(attr)
            out[attr] = round(ok / total, 3) if total else 1.0
        out["refused"] = self.count("refused")
        out["invalid"] = self.count("invalid")
        out["docs with false turns"] = self.count("false_turn_doc")
        out["false lost gaps"] = sum(d.false_lost_gaps for d in self.docs)
        out["words lost"] = sum(len(d.lost) for d in self.docs)
        out["docs losing words"] = sum(1 for d in self.docs if d.lost)
        return out


Converter = Callable[[Path], etree._Element]


def default_converter(path: Path) -> etree._Element:
    """The public API, unvalidated (validity is checked once, separately)."""
    from teikit.convert import convert

    return convert(path, validate=False).tree.getroot()


def _kind_ok(exp: Expected, kinds: set[str]) -> tuple[bool, bool]:
    want = exp.kind
    norm = {re.sub(r"[^a-z]+", "-", k).strip("-") for k in kinds}
    norm |= {k.replace("memorandum-for-the-record", "memorandum-for-record") for k in norm}
    exact = want in norm
    family = KIND_FAMILY[want]
    fams = {KIND_FAMILY.get(k, k) for k in norm}
    fams |= {FAMILY_ALIASES.get(f, f) for f in fams}
    return exact, exact or family in fams or FAMILY_ALIASES.get(family, family) in fams


def evaluate(
    raw_dir: Path,
    expected: Iterable[Expected] | None = None,
    converter: Converter = default_converter,
    schema: Any = None,
) -> Evaluation:
    """Convert every expected document found in ``raw_dir`` and score it.

    ``schema`` is an optional ``lxml.etree.RelaxNG`` to count invalid outputs with.
    Any exception from the converter counts as a refusal (its message is kept).
    """
    tallies = {f: Tally() for f in FEATURES}
    docs: list[DocResult] = []
    for exp in expected if expected is not None else load_expected():
        path = raw_dir / f"{exp.name}.txt"
        result = DocResult(exp.name)
        docs.append(result)
        try:
            root = converter(path)
        except Exception as exc:
            result.refused = f"{type(exc).__name__}: {exc}"
            continue
        if schema is not None and not schema.validate(root.getroottree()):
            result.invalid = str(schema.error_log.last_error)
        obs = observe(root)
        result.kinds, result.date = obs.kinds, obs.date
        result.kind_ok, result.family_ok = _kind_ok(exp, obs.kinds)
        if exp.date is not None:
            result.date_ok = obs.date == exp.date
        mine = result.tallies = {f: Tally() for f in FEATURES}
        result.false_turn_doc = score_turns(exp, obs, mine["turns"], mine["speakers"])
        score_notes(exp, obs, mine["notes"], mine["notes linked"])
        score_markings(exp, obs, mine["markings"])
        result.listed_false_heads = score_heads(exp, obs, mine["headings"])
        score_pages(exp, obs, mine["page breaks"])
        for f, t in mine.items():
            tallies[f].add(t.tp, t.pred, t.true, t.pred_ok)
            tallies[f].misses.extend(t.misses)
        if exp.lost_gaps is not None:
            result.false_lost_gaps = max(0, obs.lost_gaps - exp.lost_gaps)
        result.lost = words_lost(path.read_text(encoding="utf-8"), obs.words)
    return Evaluation(tallies, docs)


# -- printing ------------------------------------------------------------------------------


def format_table(ev: Evaluation, title: str = "development set") -> str:
    """The per-feature table the evaluation command and the test print."""
    lines = [
        f"{title}: {ev.n} documents",
        f"{'feature':<16}{'true':>7}{'found':>7}{'match':>7}{'precision':>11}{'recall':>8}",
    ]
    for f in FEATURES:
        t = ev.tallies[f]
        lines.append(
            f"{f:<16}{t.true:>7}{t.pred:>7}{t.tp:>7}{ev.precision(f):>11.3f}{ev.recall(f):>8.3f}"
        )
    for attr, label in (
        ("kind_ok", "kind exact"),
        ("family_ok", "kind family"),
        ("date_ok", "date"),
    ):
        ok, total = ev.accuracy(attr)
        rate = ok / total if total else 1.0
        lines.append(f"{label:<16}{total:>7}{'':>7}{ok:>7}{'accuracy':>11}{rate:>8.3f}")
    s = ev.summary()
    lines.append(
        f"refused {int(s['refused'])}, invalid {int(s['invalid'])}, "
        f"documents without dialogue given turns {int(s['docs with false turns'])}, "
        f"false lost-text gaps {int(s['false lost gaps'])}, "
        f"words lost {int(s['words lost'])} (in {int(s['docs losing words'])} documents)"
    )
    return "\n".join(lines)


def format_details(ev: Evaluation, limit: int = 400) -> str:
    """Every miss, per feature, then refusals, kinds, dates and lost words per document."""
    out: list[str] = []
    for f in FEATURES:
        misses = ev.tallies[f].misses
        if misses:
            out.append(f"-- {f} ({len(misses)})")
            out.extend(f"   {m}" for m in misses[:limit])
    for d in ev.docs:
        notes = []
        if d.refused:
            notes.append(f"refused: {d.refused}")
        if d.invalid:
            notes.append(f"invalid: {d.invalid}")
        if d.kind_ok is False:
            notes.append(f"kind {sorted(d.kinds)}")
        if d.date_ok is False:
            notes.append(f"date {d.date}")
        if d.lost:
            notes.append(f"lost {len(d.lost)} words {Counter(d.lost).most_common(5)}")
        if d.false_lost_gaps:
            notes.append(f"{d.false_lost_gaps} false lost gaps")
        if notes:
            out.append(f"{d.name}: " + "; ".join(notes))
    return "\n".join(out)


def format_per_document(ev: Evaluation) -> str:
    """One line per document: matched/predicted/true per feature, kind and date verdicts."""
    short = {
        "turns": "turns",
        "notes linked": "linked",
        "markings": "marks",
        "headings": "heads",
        "page breaks": "pb",
    }
    lines = [
        f"{'document':<56}{'kind':>5}{'date':>5}"
        + "".join(f"{label:>13}" for label in short.values())
        + "  (each: match/found/true)"
    ]

    def verdict(v: bool | None) -> str:
        return "-" if v is None else ("ok" if v else "NO")

    for d in ev.docs:
        if d.refused:
            lines.append(f"{d.name[:55]:<56}  refused: {d.refused[:60]}")
            continue
        cells = []
        for f in short:
            t = d.tallies.get(f)
            cells.append(f"{t.tp}/{t.pred}/{t.true}" if t and (t.pred or t.true) else "-")
        lines.append(
            f"{d.name[:55]:<56}{verdict(d.kind_ok):>5}{verdict(d.date_ok):>5}"
            + "".join(f"{c:>13}" for c in cells)
        )
    return "\n".join(lines)


def iter_raw(raw_dir: Path) -> Iterator[Path]:
    """The raw documents of a development-set directory."""
    return iter(sorted(raw_dir.glob("*.txt")))
