"""The converter's work grows linearly with its input, measured without a clock.

Timings vary with the machine and whoever else is using it, so these tests
count instead: the lines of converter code executed for an input and for four
times that input (linear work is four times the lines, quadratic work sixteen),
and the element operations that used to walk lxml's child lists. A document of
``N`` copies of a unit must also give exactly ``N`` times the unit's elements,
each copy encoded the same way, so a fix for speed cannot change the output.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any, ClassVar

import pytest
from convert_helpers import NS, frag, run
from lxml import etree

from teikit.convert import api
from teikit.convert.inline import El, append_nodes
from teikit.convert.zones import LB, PB

if TYPE_CHECKING:
    from collections.abc import Callable
    from types import FrameType

CONVERTER_DIR = str(Path(api.__file__).resolve().parent)

#: A memorandum's unit: a paragraph cut by a page break and rejoined, a resolved
#: line-end hyphen, [sic], a date, a footnote reference, a transliteration, a supplied
#: word, a summary, a paragraph that lost its beginning, a number.
MEMO_UNIT = (
    "The delegation discussed the position of the Commu-\n"
    "nists [sic] at length on 2 October 1959 [{n}] and went on to say that the talks\n\n"
    "{page}\n\n"
    "would continue (podchinit') as [the] agreed before.\n\n"
    "The second paragraph is closed. [The talks on trade are summarized here.]\n\n"
    "and this one lost its beginning, No. 4{n} was cited.\n"
)
#: A conversation's unit: labelled turns, an unlabelled paragraph continuing a turn,
#: a stage direction, a label with a period.
CONV_UNIT = (
    "Comrade Anna Berg: We began on 3 May 1960 and (Laughter.) we went on.\n\n"
    "It was agreed [in principle].\n\n"
    "Comrade Carl Dahl: The Commu-\nnists agree.\n\n"
    "Comrade Anna Berg. Then so be it.\n\n"
    "Comrade Carl Dahl: Agreed.\n"
)


def memo(copies: int) -> str:
    body = "\n".join(MEMO_UNIT.format(n=i + 1, page=i + 2) for i in range(copies))
    notes = "\n".join(f"[{i + 1}] Note number {i + 1}." for i in range(copies))
    return f"MEMORANDUM FOR THE RECORD\n\n{body}\n----\n{notes}\n"


def conversation(copies: int) -> str:
    return "RECORD OF CONVERSATION\n\n" + "\n".join([CONV_UNIT] * copies)


def rejoined(copies: int) -> str:
    """One paragraph rejoined from ``copies`` blocks cut by blank lines."""
    pieces = [f"the talks went on and the parties agreed on point {i} and" for i in range(copies)]
    return "Memorandum\n\n" + "\n\n".join(pieces) + "\n\nthat was all.\n"


def wrapped(copies: int) -> str:
    """One paragraph of ``copies`` hard-wrapped lines with hyphens and brackets."""
    lines = ["the Commu-", "nists [sic] met (again) in [the] hall on 4 June 1961 and"] * copies
    return "Memorandum\n\nThe " + "\n".join(lines) + " left.\n"


SHAPES: dict[str, Callable[[int], str]] = {
    "memorandum units": memo,
    "conversation units": conversation,
    "paragraph rejoined from many blocks": rejoined,
    "paragraph of many wrapped lines": wrapped,
}


def lines_executed(text: str) -> int:
    """Lines of converter code run while converting ``text`` (not validating it)."""
    count = 0

    def local(frame: FrameType, event: str, arg: Any) -> Any:
        nonlocal count
        if event == "line":
            count += 1
        return local

    def tracer(frame: FrameType, event: str, arg: Any) -> Any:
        return local if frame.f_code.co_filename.startswith(CONVERTER_DIR) else None

    previous = sys.gettrace()
    sys.settrace(tracer)
    try:
        run(text, validate=False)
    finally:
        sys.settrace(previous)
    return count


@pytest.mark.parametrize("shape", SHAPES)
def test_work_grows_linearly(shape: str) -> None:
    make = SHAPES[shape]
    run(make(3), validate=False)  # lexicon look-ups cached, patterns compiled
    small, large = lines_executed(make(50)), lines_executed(make(200))
    # four times the input: four times the work, give or take fixed costs
    assert large / small < 4.1, f"{shape}: {small} lines for 50 copies, {large} for 200"


class _CountingElement(etree.ElementBase):
    """An element that counts the calls that walk its list of children."""

    walks: ClassVar[Counter[str]] = Counter()

    def __len__(self) -> int:
        _CountingElement.walks["len"] += 1
        return super().__len__()

    def __getitem__(self, index: Any) -> Any:
        _CountingElement.walks["getitem"] += 1
        return super().__getitem__(index)


def test_appending_never_walks_the_children() -> None:
    """Text after the n-th child is placed without counting the n children before it."""
    parser = etree.XMLParser()
    parser.set_element_class_lookup(etree.ElementDefaultClassLookup(element=_CountingElement))
    parent = parser.makeelement("p")
    nodes: list[str | El] = []
    for i in range(500):
        nodes += [f"word {i} ", El("hi", {}, ["x"]), f"tail {i}{LB}after{PB}page "]
    _CountingElement.walks.clear()
    append_nodes(parent, nodes, iter(str(i) for i in range(500)))
    assert _CountingElement.walks == Counter()
    # the text still lands where lxml's rules put it
    assert len(parent) == 1500
    assert parent.text == "word 0 "
    assert [parent[0].tail, parent[1].tail, parent[2].tail] == ["tail 0", "after", "page word 1 "]
    assert parent[2].get("n") == "0"


def _copies_of(body: etree._Element, per_copy: int) -> list[str]:
    """The body's paragraphs in groups of ``per_copy``, numbers blanked out."""
    paras = [frag(p) for p in body.iterfind(".//t:p", NS)]
    groups = [paras[k : k + per_copy] for k in range(0, len(paras), per_copy)]
    return [re.sub(r"\d+", "#", "".join(g)) for g in groups]


@pytest.mark.parametrize("copies", [1, 7, 40])
def test_memorandum_copies_give_copies_of_the_output(copies: int) -> None:
    result = run(memo(copies))
    tree = result.tree
    body = tree.find(".//t:body", NS)
    assert body is not None
    counts = Counter(etree.QName(el).localname for el in body.iter() if isinstance(el.tag, str))
    assert counts == {
        "body": 1,
        "div": 2,  # the memorandum and its section under the heading
        "head": 1,
        # the paragraph that lost its beginning goes on the one before, after a page
        # break and the gap: two paragraphs and two page breaks per copy
        "p": 2 * copies,
        "pb": 2 * copies,
        "gap": 2 * copies,
        "note": copies,  # the summary; endnotes are in back
        "sic": copies,
        "date": copies,
        "ref": copies,
        "foreign": copies,
        "supplied": copies,
    }
    assert len(set(_copies_of(body, 2))) == 1
    notes = tree.findall(".//t:back//t:note", NS)
    assert [n.get("n") for n in notes] == [str(i + 1) for i in range(copies)]
    assert result.report.counts["hyphenations"] == copies
    assert result.report.counts["rejoined"] == copies


@pytest.mark.parametrize("copies", [1, 7, 40])
def test_conversation_copies_give_copies_of_the_output(copies: int) -> None:
    result = run(conversation(copies))
    turns = [frag(sp) for sp in result.tree.iterfind(".//t:sp", NS)]
    assert len(turns) == 4 * copies
    assert turns[:4] * copies == turns
    assert result.report.counts["turns"] == 4 * copies
