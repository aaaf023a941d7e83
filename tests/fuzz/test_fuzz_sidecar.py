"""Fuzzing the sidecar reader: any text is a sidecar or a located refusal, never a traceback.

Two kinds of input: TOML-shaped text built from the sidecar's own sections and
keys with arbitrary string values (escaped as TOML does, so control characters,
noncharacters and lone surrogates reach the reader), and raw text mutated from
a valid sidecar. A sidecar that is accepted must be one TEI can carry.
"""

from __future__ import annotations

from fuzz_helpers import FUZZ, guarded
from hypothesis import given
from hypothesis import strategies as st
from lxml import etree

from teikit.convert.sidecar import parse_sidecar

VALID = (
    '[[editor]]\nid = "ed"\nname = "An Editor"\nresp = "corrections"\n\n'
    '[document]\ntitle = "A title"\ndate = "1951-10-19"\nkind = "letter"\n\n'
    '[[person]]\nid = "mao"\nlabels = ["MAO ZEDONG"]\nname = "Mao Zedong"\nresp = "ed"\n\n'
    '[[correction]]\nsic = "teh"\ncorr = "the"\nresp = "ed"\nline = 3\n'
)


def toml_string(value: str) -> str:
    """A TOML basic string for any Python string, every non-printable as a \\u escape."""
    out = []
    for ch in value:
        if ch in '"\\':
            out.append("\\" + ch)
        elif ch.isprintable() and not 0xD800 <= ord(ch) <= 0xDFFF:
            out.append(ch)
        elif ord(ch) <= 0xFFFF:
            out.append(f"\\u{ord(ch):04X}")
        else:
            out.append(f"\\U{ord(ch):08X}")
    return '"' + "".join(out) + '"'


VALUES = st.one_of(
    st.text(max_size=20).map(toml_string),
    st.integers(min_value=-5, max_value=10**6).map(str),
    st.lists(st.text(max_size=8).map(toml_string), max_size=3).map(lambda v: f"[{', '.join(v)}]"),
    st.sampled_from(["true", "{}", "[[]]", "1951-10-19", '"ed"', '"letter"', '"high"']),
)
KEYS = st.sampled_from(
    ["id", "name", "resp", "title", "date", "kind", "labels", "role", "sic", "corr", "cert", "line"]
)
HEADERS = st.sampled_from(["[[editor]]", "[document]", "[[person]]", "[[correction]]", "[x]"])
LINES = st.one_of(HEADERS, st.tuples(KEYS, VALUES).map(lambda kv: f"{kv[0]} = {kv[1]}"))
SIDECARS = st.lists(LINES, max_size=25).map("\n".join)
MUTATED = st.tuples(
    st.integers(min_value=0, max_value=len(VALID)),
    st.integers(min_value=0, max_value=40),
    st.text(max_size=10),
).map(lambda t: VALID[: t[0]] + t[2] + VALID[t[0] + t[1] :])


def _carried(text: str) -> None:
    side = parse_sidecar(text, "fuzz.sidecar.toml")
    strings = [side.title, side.date, side.kind, side.original_language]
    for p in side.persons:
        strings.extend([p.id, p.name, p.role, p.resp, *p.labels])
    for c in side.corrections:
        strings.extend([c.sic, c.corr, c.resp])
    el = etree.Element("x")
    for s in strings:
        if s is not None:
            el.text = s  # raises if XML cannot carry it


@FUZZ
@given(SIDECARS)
def test_sidecar_shaped_text_is_read_or_refused_at_a_place(text: str) -> None:
    guarded("sidecar", text, lambda: _carried(text))


@FUZZ
@given(MUTATED)
def test_mutated_sidecar_is_read_or_refused_at_a_place(text: str) -> None:
    guarded("sidecar-mutated", text, lambda: _carried(text))
