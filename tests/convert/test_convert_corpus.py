"""The committed corpus: rebuilt byte for byte, deterministic, and nothing lost."""

from __future__ import annotations

import copy
import re
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from lxml import etree

from teikit.convert import convert

if TYPE_CHECKING:
    from teikit.convert.api import ConversionResult

REPO = Path(__file__).resolve().parents[2]
RAW = sorted((REPO / "tei" / "raw").glob("*.txt"))
WORD_RE = re.compile(r"[^\W\d_]+")
NS = {"t": "http://www.tei-c.org/ns/1.0"}


@pytest.fixture(scope="module")
def results() -> dict[str, ConversionResult]:
    return {p.stem: convert(p) for p in RAW}


def test_five_seeds_present() -> None:
    assert len(RAW) == 5


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_committed_tei_equals_fresh_build(raw: Path, results: dict[str, ConversionResult]) -> None:
    committed = (REPO / "tei" / f"{raw.stem}.xml").read_bytes()
    assert results[raw.stem].data == committed, (
        f"tei/{raw.stem}.xml is stale: run `teikit convert tei/raw/*.txt -o tei`"
    )


def test_deterministic(results: dict[str, ConversionResult]) -> None:
    for raw in RAW:
        assert convert(raw).data == results[raw.stem].data


def unindented(data: bytes) -> str:
    """The root of serialized TEI without the whitespace-only text the serializer adds."""
    root = etree.fromstring(data)
    for el in root.iter():
        if el.text is not None and not el.text.strip() and "\n" in el.text:
            el.text = None
        if el.tail is not None and not el.tail.strip() and "\n" in el.tail:
            el.tail = None
    root.tail = None
    return etree.tostring(root, encoding="unicode")


def _words(text: str) -> list[str]:
    return WORD_RE.findall(text)


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_nothing_lost(raw: Path, results: dict[str, ConversionResult]) -> None:
    """Every word of the raw text is in the TEI (body, header, or declared as dropped)."""
    root = results[raw.stem].tree.getroot()
    targets = " ".join(ptr.get("target", "") for ptr in root.iterfind(".//t:ptr", NS))
    tei_words = set(_words(" ".join(root.itertext()) + " " + targets))
    missing = sorted(set(_words(raw.read_text(encoding="utf-8"))) - tei_words)
    assert missing == []


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_body_adds_no_words(raw: Path, results: dict[str, ConversionResult]) -> None:
    """The body's words are the raw text's, except corrections and resolved hyphenations."""
    root = copy.deepcopy(results[raw.stem].tree.getroot())
    for corr in root.iterfind(".//t:corr", NS):
        corr.getparent().remove(corr)  # type: ignore[union-attr]
    joined = {"".join(_words(q.text or "")) for q in root.iterfind(".//t:editorialDecl//t:q", NS)}
    text_el = root.find("t:text", NS)
    assert text_el is not None
    body = Counter(_words(" ".join(text_el.itertext())))
    raw_words = Counter(_words(raw.read_text(encoding="utf-8")))
    added = {w: n - raw_words[w] for w, n in body.items() if n > raw_words[w] and w not in joined}
    assert added == {}


def test_seed_counts(results: dict[str, ConversionResult]) -> None:
    """The figures the report gives for the seeds (a change here is a behaviour change)."""
    got = {
        name: (
            r.report.kind,
            r.report.counts["speakers"],
            r.report.counts["turns"],
            r.report.counts["stamps"],
            r.report.counts["notes"],
            r.report.counts["pages"],
        )
        for name, r in results.items()
    }
    assert got == {
        "1951-10-19_cable_mao-to-filippov": ("cable", 0, 0, 1, 0, 0),
        "1959-10-02_conversation_khrushchev-mao": ("conversation", 6, 42, 1, 5, 0),
        "1964-06-15_letter_cpsu-to-cpc_fbi-copy": ("letter", 0, 0, 0, 0, 0),
        "1964-10-09_conversation_balluku-mao": ("conversation", 5, 53, 0, 3, 0),
        "undated_open-letter_suci-to-cpsu": ("letter", 0, 0, 0, 3, 1),
    }


@pytest.mark.parametrize("raw", RAW, ids=lambda p: p.stem)
def test_tree_and_bytes_agree(raw: Path, results: dict[str, ConversionResult]) -> None:
    """The bytes are the tree plus indentation between elements, and nothing else."""
    r = results[raw.stem]
    assert unindented(r.data) == etree.tostring(r.tree, encoding="unicode")
