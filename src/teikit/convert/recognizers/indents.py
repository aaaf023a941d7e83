"""Paragraphs of a typed page: first-line indents, no blank line between them.

A typist marks a new paragraph by indenting its first line (a tab stop), not by a
blank line, so a page of typed letters, memoranda or transcripts is one block of many
paragraphs: cut only at blank lines, a transcript's turns run together and a letter's
paragraphs merge. Such a block is known by its form alone: two lines or more stand in
from its margin by the same few spaces, each after a line at the margin and before
one, the first line of a paragraph whose other lines wrap back to the margin. A
paragraph short enough for one line may stand at the margin (``Yes, sir.``); the line
before it then ends a paragraph, which shows where a wrapped line ends short: the next
line's first word would have fitted on it, had the two been one paragraph.

A run of indented lines (a quoted block, a list) opens no paragraph, and a block whose
indented lines do not share one indent is left whole.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from collections.abc import Sequence

#: The indent of a paragraph's first line, in spaces beyond the block's margin.
MIN_INDENT = 3
MAX_INDENT = 12
#: Indented first lines (each followed by a line at the margin) that make a block typed so.
MIN_FIRST_LINES = 2
#: What a line that ends a paragraph ends with (a sentence, a question, a quotation).
PARAGRAPH_END = (".", "?", "!", ":", '"', "”", ")", "]", "—", "--")


def paragraph_starts(lines: Sequence[tuple[int, str]]) -> list[int]:
    """Where paragraphs start (line indices after the first) in a block of typed lines.

    ``lines`` are ``(indent, text)``: the spaces before each line and its text.
    Nothing is returned for a block not set with first-line indents.

    >>> paragraph_starts([
    ...     (5, "Mr. Roe came in at ten and said that the committee had met"),
    ...     (0, "twice before the report went out."),
    ...     (5, "He asked whether the members had read the report and what"),
    ...     (0, "they thought of it."),
    ...     (0, "MR. DOE: We have."),
    ... ])
    [2, 4]
    """
    n = len(lines)
    if n < 3:
        return []
    margin = min(indent for indent, _ in lines)
    step = [indent - margin for indent, _ in lines]
    firsts = [
        k
        for k in range(n)
        if MIN_INDENT <= step[k] <= MAX_INDENT
        and (k == 0 or step[k - 1] == 0)
        and (k + 1 == n or step[k + 1] == 0)
    ]
    if not firsts:
        return []
    tab, count = Counter(step[k] for k in firsts).most_common(1)[0]
    if sum(1 for k in firsts if step[k] == tab and k + 1 < n) < MIN_FIRST_LINES:
        return []
    if any(MIN_INDENT <= s <= MAX_INDENT and s != tab for s in step) and count < 3:
        return []
    cuts = {k for k in firsts if k and step[k] == tab}
    width = max(indent + len(text) for indent, text in lines)
    for k in range(1, n):
        if step[k] or step[k - 1] not in (0, tab) or not lines[k][1]:
            continue
        indent, prev = lines[k - 1]
        word = lines[k][1].split()[0]
        if prev.rstrip().endswith(PARAGRAPH_END) and indent + len(prev) + 1 + len(word) <= width:
            cuts.add(k)
    return sorted(cuts)
