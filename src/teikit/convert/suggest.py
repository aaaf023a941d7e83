"""Likely OCR errors in a raw transcription, proposed as a draft sidecar for an editor.

A correction is an editorial decision (see ``docs/encoding.rst``), so this
module never corrects anything: it lists what looks wrong, with the place and
the context an editor needs to decide, and writes the proposals as
``[[correction]]`` entries of a draft sidecar whose ``resp`` points at a
placeholder editor that the reviewer must replace by themselves.

Four kinds of evidence are used, all from a general English lexicon and the
document itself, never from a list of known errors:

* ``spelling``: an unattested word one edit (or one typical OCR confusion such
  as ``rn``/``m``, ``c``/``e``, ``s``/``a``) away from a frequent word;
* ``split``: an unattested word that is two frequent words run together;
* ``join``: a word split in two, one half a non-word, that joins into a
  frequent word;
* ``acronym``: an all-capital abbreviation seen once, one letter away from an
  abbreviation the same document uses many times.

Words in capitals at the start of a sentence are checked in lower case; other
capitalized words are taken for names and are only proposed (with low
certainty) when they are plainly a common word with a letter dropped or
changed.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from dataclasses import dataclass
from typing import TYPE_CHECKING

from teikit.convert.lexicon import SHORT_WORDS, Lexicon, edits1, english, ocr_variants
from teikit.convert.source import Transcription

if TYPE_CHECKING:
    from collections.abc import Sequence
    from pathlib import Path

#: A word: letters, optionally with inner apostrophes; not glued to digits.
_WORD_RE = re.compile(r"(?<![^\W_])[^\W\d_]+(?:['’][^\W\d_]+)*(?![^\W_])")
#: Spans never checked: web addresses, e-mail addresses, file-like names.
_SKIP_RE = re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+|<[^>\n]*>")
#: A bracketed or parenthesized passage on one line.
_GROUP_RE = re.compile(r"\[[^\]\n]*\]|\([^)\n]*\)")
_SENTENCE_END = frozenset(".!?")
_OPENERS = frozenset("\"'“‘([")

#: A candidate correction must be at least this frequent (Zipf: once per million words).
MIN_CANDIDATE_ZIPF = 3.0
#: Below this a word counts as unattested.
UNKNOWN_ZIPF = 1.0
#: Below this an attested word is rare enough that an OCR look-alike may be meant.
RARE_ZIPF = 2.0
#: Bonus for a candidate reached through a typical OCR confusion.
OCR_BONUS = 1.0

CERTAINTIES = ("high", "medium", "low")


@dataclass(frozen=True, slots=True)
class Suggestion:
    """One proposed correction at a place in the raw text (1-based line and column)."""

    sic: str
    corr: str
    line: int
    column: int
    cert: str
    kind: str
    context: str
    reason: str


@dataclass(frozen=True, slots=True)
class _Token:
    start: int
    end: int
    text: str
    sentence_start: bool
    para: int


class _Text:
    """The text with its line starts, for offsets → line:col and context."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer(r"\n", text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.line_starts, offset) - 1
        return index + 1, offset - self.line_starts[index] + 1

    def context(self, start: int, end: int, width: int = 40) -> str:
        left = self.text[max(0, start - width) : start]
        right = self.text[end : end + width]
        left = " ".join(left.split()) if left.strip() else ""
        right = " ".join(right.split()) if right.strip() else ""
        lead = "…" if start - width > 0 else ""
        tail = "…" if end + width < len(self.text) else ""
        mid = " ".join(self.text[start:end].split())
        sep_l = " " if left and self.text[start - 1].isspace() else ""
        sep_r = " " if right and end < len(self.text) and self.text[end].isspace() else ""
        return f"{lead}{left}{sep_l}[{mid}]{sep_r}{right}{tail}"


def _tokens(text: str) -> list[_Token]:
    skipped = [(m.start(), m.end()) for m in _SKIP_RE.finditer(text)]
    tokens: list[_Token] = []
    para = 0
    last_end = 0
    skip_i = 0
    for m in _WORD_RE.finditer(text):
        start, end = m.span()
        while skip_i < len(skipped) and skipped[skip_i][1] <= start:
            skip_i += 1
        if skip_i < len(skipped) and skipped[skip_i][0] <= start < skipped[skip_i][1]:
            continue
        gap = text[last_end:start]
        if "\n\n" in gap.replace("\r", "") or re.search(r"\n[ \t]*\n", gap):
            para += 1
        stripped = gap.strip()
        while stripped and stripped[-1] in _OPENERS:
            stripped = stripped[:-1].rstrip()
        sentence_start = (
            not tokens
            or tokens[-1].para != para
            or (bool(stripped) and stripped[-1] in _SENTENCE_END)
            or (bool(gap.strip()) and not stripped)  # only an opening quote or bracket before
        )
        tokens.append(_Token(start, end, m.group(), sentence_start, para))
        last_end = end
    return tokens


def _bare(word: str) -> str:
    """The word without a possessive ending, which the lexicon does not list."""
    for ending in ("'s", "’s", "'", "’"):
        if word.endswith(ending) and len(word) > len(ending) + 1:
            return word[: -len(ending)]
    return word


def _match_case(model: str, word: str) -> str:
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


def _is_plain_word(word: str) -> bool:
    return word.isascii() and word.isalpha()


@dataclass(frozen=True, slots=True)
class _Candidate:
    word: str
    score: float
    via_ocr: bool


def _spelling_candidates(lex: Lexicon, word: str) -> list[_Candidate]:
    """Frequent words one edit or one OCR confusion away, best first."""
    found: dict[str, _Candidate] = {}
    for cand in ocr_variants(word):
        z = lex.zipf(cand)
        if z >= MIN_CANDIDATE_ZIPF and cand != word:
            found[cand] = _Candidate(cand, z + OCR_BONUS, True)
    for cand in set(edits1(word)):
        if cand in found or cand == word:
            continue
        z = lex.zipf(cand)
        if z >= MIN_CANDIDATE_ZIPF and (len(cand) > 2 or cand in ("a", "i")):
            found[cand] = _Candidate(cand, z, False)
    return sorted(found.values(), key=lambda c: (-c.score, c.word))


#: Prefixes that make words of their own (``uncrown``, ``counterpoised``).
_PREFIXES = frozenset(
    [
        "anti",
        "counter",
        "de",
        "dis",
        "inter",
        "mis",
        "non",
        "over",
        "pre",
        "re",
        "semi",
        "sub",
        "super",
        "trans",
        "un",
        "under",
    ]
)


def _plausible_part(lex: Lexicon, part: str) -> bool:
    """Whether ``part`` can stand as a word of a run-together pair."""
    if len(part) <= 2:
        return part in SHORT_WORDS
    return lex.zipf(part) >= (4.0 if len(part) == 3 else 3.0)


def _split_candidate(lex: Lexicon, word: str) -> tuple[str, str, float] | None:
    """The best way to read ``word`` as two frequent words run together."""
    best: tuple[str, str, float] | None = None
    for i in range(1, len(word)):
        left, right = word[:i], word[i:]
        if not (_plausible_part(lex, left) and _plausible_part(lex, right)):
            continue
        if left in _PREFIXES:
            continue  # a derivation (un-, counter-), not two words run together
        zl, zr = lex.zipf(left), lex.zipf(right)
        score = zl + zr
        if best is None or score > best[2]:
            best = (left, right, score)
    return best


def _spelling_cert(cands: Sequence[_Candidate]) -> str:
    best = cands[0]
    margin = best.score - cands[1].score if len(cands) > 1 else 99.0
    if margin >= 1.0 and (best.via_ocr or best.score >= 3.5):
        return "high"
    if margin >= 0.3:
        return "medium"
    return "low"


class _Checker:
    def __init__(self, text: str, lex: Lexicon) -> None:
        self.doc = _Text(text)
        self.lex = lex
        self.tokens = _tokens(text)
        self.counts = Counter(_bare(t.text) for t in self.tokens)
        # Capitalized forms seen inside a sentence are names, wherever else they occur.
        self.names = {
            _bare(t.text)
            for t in self.tokens
            if not t.sentence_start and t.text[:1].isupper() and not t.text.isupper()
        }
        self.out: list[Suggestion] = []
        self.used: set[int] = set()
        self.skip_foreign()

    def skip_foreign(self) -> None:
        """Leave bracketed passages alone that are mostly not English.

        Transcribers give the original wording in brackets (a transliteration);
        its words are unattested in English by nature, not by accident.
        """
        starts = [t.start for t in self.tokens]
        for m in _GROUP_RE.finditer(self.doc.text):
            first = bisect.bisect_left(starts, m.start())
            last = bisect.bisect_left(starts, m.end())
            inside = range(first, last)
            unknown = sum(
                1 for i in inside if not self.lex.known(_bare(self.tokens[i].text), UNKNOWN_ZIPF)
            )
            if unknown >= 2 and unknown * 3 >= len(inside):
                self.used.update(inside)

    def add(self, first: int, last: int, corr: str, cert: str, kind: str, reason: str) -> None:
        start, end = self.tokens[first].start, self.tokens[last].end
        sic = self.doc.text[start:end]
        if last > first:  # a pair across a hard wrap reads with one space
            sic = " ".join(sic.split())
        line, col = self.doc.position(start)
        self.out.append(
            Suggestion(sic, corr, line, col, cert, kind, self.doc.context(start, end), reason)
        )
        self.used.update(range(first, last + 1))

    def run(self) -> list[Suggestion]:
        self.joins()
        self.acronyms()
        for i, tok in enumerate(self.tokens):
            if i not in self.used:
                self.word(i, tok)
        self.out.sort(key=lambda s: (s.line, s.column))
        return self.out

    # -- words split apart -------------------------------------------------
    def joins(self) -> None:
        toks = self.tokens
        for i in range(len(toks) - 1):
            a, b = toks[i], toks[i + 1]
            if i in self.used or a.para != b.para:
                continue
            between = self.doc.text[a.end : b.start]
            if not between or between.strip() or between.count("\n") > 1:
                continue
            if not (_is_plain_word(a.text) and _is_plain_word(b.text)):
                continue
            if b.text[:1].isupper() or (a.text[:1].isupper() and not a.sentence_start):
                continue
            joined = (a.text + b.text).lower()
            zj = self.lex.zipf(joined)
            za, zb = self.lex.frequency(a.text), self.lex.frequency(b.text)
            weak = min(za, zb)
            if zj < MIN_CANDIDATE_ZIPF or weak >= 2.5 or zj - weak < 1.5:
                continue
            # A rare half that is still a fine word on its own needs a stronger case.
            if weak >= UNKNOWN_ZIPF and zj - weak < 2.5:
                continue
            cert = "high" if weak < UNKNOWN_ZIPF or zj - weak >= 3.0 else "medium"
            corr = _match_case(a.text, joined)
            self.add(i, i + 1, corr, cert, "join", f"'{joined}' is a word, '{b.text}' is rare")

    # -- abbreviations -------------------------------------------------------
    def acronyms(self) -> None:
        caps = Counter(t.text for t in self.tokens if t.text.isupper() and 3 <= len(t.text) <= 6)
        common = [w for w, n in caps.items() if n >= 5]
        for i, tok in enumerate(self.tokens):
            w = tok.text
            if i in self.used or w not in caps or caps[w] > 2:
                continue
            near = [
                c
                for c in common
                if len(c) == len(w) and sum(x != y for x, y in zip(c, w, strict=True)) == 1
            ]
            if len(near) == 1:
                self.add(
                    i,
                    i,
                    near[0],
                    "medium",
                    "acronym",
                    f"'{w}' occurs {caps[w]}×, '{near[0]}' {caps[near[0]]}× in this text",
                )

    # -- single words --------------------------------------------------------
    def word(self, i: int, tok: _Token) -> None:
        word = _bare(tok.text)
        if len(word) < 3 or not _is_plain_word(word):
            return
        lower = word.lower()
        if word.isupper():
            if len(word) < 7:
                return  # an abbreviation: only the document-internal check above
            as_name = False
        elif word[:1].isupper():
            if not word[1:].islower():
                return  # mixed case: a code, a file name, a name like McCarthy
            as_name = not tok.sentence_start or word in self.names
        elif word.islower():
            as_name = False
        else:
            return
        z = self.lex.frequency(lower)
        if self.lex.known(lower, UNKNOWN_ZIPF):
            if z < RARE_ZIPF and not as_name and not word.isupper():
                self.lookalike(i, tok, word, z)
            return
        if self.counts[word] >= 3:
            return  # used consistently: a term of the text, not an accident
        cands = _spelling_candidates(self.lex, lower)
        split = _split_candidate(self.lex, lower)
        if as_name:
            if cands and z == 0.0 and cands[0].score >= 4.5 and len(word) >= 5:
                corr = _match_case(word, cands[0].word)
                self.add(i, i, corr, "low", "spelling", "capitalized, yet close to a common word")
            return
        if cands and (split is None or cands[0].score >= min(split[2] / 2, 4.0)):
            best = cands[0]
            how = "an OCR confusion" if best.via_ocr else "one edit"
            others = ", ".join(c.word for c in cands[1:3])
            reason = f"unattested; {how} from '{best.word}'" + (
                f" (also: {others})" if others else ""
            )
            cert = _spelling_cert(cands)
            self.add(i, i, _match_case(word, best.word), cert, "spelling", reason)
        elif split is not None:
            left, right, _ = split
            corr = _match_case(word, f"{left} {right}")
            self.add(i, i, corr, "medium", "split", f"unattested; reads as '{left} {right}'")

    def lookalike(self, i: int, tok: _Token, word: str, z: float) -> None:
        """A rare word that an OCR confusion turns into a much commoner one."""
        best: tuple[float, str] | None = None
        for cand in ocr_variants(word.lower()):
            zc = self.lex.zipf(cand)
            if zc >= 3.5 and zc - z >= 2.0 and (best is None or zc > best[0]):
                best = (zc, cand)
        if best is not None:
            corr = _match_case(word, best[1])
            self.add(i, i, corr, "low", "lookalike", f"rare word; OCR look-alike of '{best[1]}'")


def suggest_text(text: str, lexicon: Lexicon | None = None) -> list[Suggestion]:
    """Proposals for ``text`` (already decoded), in reading order."""
    lex = lexicon if lexicon is not None else english()
    return _Checker(text.replace("\r\n", "\n").replace("\r", "\n"), lex).run()


def read_raw(path: Path) -> str:
    """Read a raw transcription exactly as the converter does (same errors, same positions)."""
    return Transcription.from_path(path).text


def suggest_file(path: Path, lexicon: Lexicon | None = None) -> list[Suggestion]:
    """Proposals for the raw transcription at ``path``."""
    return suggest_text(read_raw(path), lexicon)


# -- the draft sidecar ---------------------------------------------------------

PLACEHOLDER_EDITOR = "ed-unconfirmed"


def _toml_string(value: str) -> str:
    out = []
    for ch in value:
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        elif ord(ch) < 0x20 or ord(ch) == 0x7F:
            out.append(f"\\u{ord(ch):04x}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def _comment(value: str) -> str:
    return " ".join(value.replace("\x00", " ").split())


def render_draft(suggestions: Sequence[Suggestion], source: str) -> str:
    """The proposals as a draft sidecar (TOML) that an editor reviews before use.

    Every entry names the placeholder editor, so a draft used unreviewed shows
    up in the TEI as decided by nobody; the reviewer replaces the placeholder
    by their own ``[[editor]]`` entry, deletes what is wrong and keeps ``line``
    only where the ``sic`` occurs more than once.
    """
    lines = [
        f"# Draft corrections for {_comment(source)}, proposed by `teikit suggest`.",
        "# REVIEW BEFORE USE: read each proposal in the text; delete false alarms,",
        "# fix `corr` where the proposal is wrong, and replace the placeholder editor",
        "# below by yourself (and every `resp` that points at it).",
        "",
        "[[editor]]",
        f'id = "{PLACEHOLDER_EDITOR}"',
        'name = "UNCONFIRMED: replace with the reviewing editor"',
        'resp = "Correction of OCR errors"',
    ]
    for s in suggestions:
        lines += [
            "",
            f"# {s.line}:{s.column} {s.kind}: {_comment(s.context)}",
            f"# {_comment(s.reason)}",
            "[[correction]]",
            f"sic = {_toml_string(s.sic)}",
            f"corr = {_toml_string(s.corr)}",
            f"line = {s.line}",
            f'cert = "{s.cert}"',
            f'resp = "{PLACEHOLDER_EDITOR}"',
        ]
    if not suggestions:
        lines += ["", "# No likely OCR errors found."]
    return "\n".join(lines) + "\n"
