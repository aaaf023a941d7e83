"""The review page: the raw transcription beside its reading view, with the converter's doubts.

Each raw line is shown with its number and coloured by the role the converter
gave it (heading, marking, speaker, note, page furniture…); hovering shows the
reason. The converter's doubts are listed first, each linking to its line, so
an editor sees at once what to settle in the sidecar.

The per-line explanations come from the converter's ``--explain`` data; this
module only needs objects with ``line``, ``role`` and ``reason``
(:class:`LineRole`), and doubts with ``line`` and ``message`` (:class:`Doubt`,
which :class:`teikit.convert.report.Uncertainty` satisfies).
"""

from __future__ import annotations

import re
import zlib
from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol

from teikit.html.page import page
from teikit.html.reading import Doc, read
from teikit.html.safety import attr, text

if TYPE_CHECKING:
    import os
    from collections.abc import Sequence
    from pathlib import Path

    from lxml import etree

    from teikit.convert.source import Source


class LineRole(Protocol):
    """What the converter decided one raw line is, and why."""

    @property
    def line(self) -> int: ...
    @property
    def role(self) -> str: ...
    @property
    def reason(self) -> str: ...


class Doubt(Protocol):
    """A place the converter was unsure of (``teikit.convert.report.Uncertainty`` fits)."""

    @property
    def line(self) -> int: ...
    @property
    def message(self) -> str: ...


@dataclass(frozen=True, slots=True)
class ExplainedLine:
    """A plain :class:`LineRole`, for callers and tests that build explanations themselves."""

    line: int
    role: str
    reason: str = ""


_ROLE_CLASS = re.compile(r"[^a-z0-9]+")


#: Background colours for roles the stylesheet does not name (``.rc0`` … ``.rc7``).
ROLE_PALETTE = 8


def role_class(role: str) -> str:
    """The CSS classes of a role: ``"page furniture"`` → ``role-page-furniture rc5``.

    Roles the stylesheet knows (heading, marking, speaker, note, page
    furniture…) have their own colour; any other role the converter reports
    still gets one of :data:`ROLE_PALETTE` colours, the same on every page.
    """
    slug = _ROLE_CLASS.sub("-", role.lower()).strip("-")
    if not slug:
        return "role-none"
    return f"role-{slug} rc{zlib.crc32(slug.encode()) % ROLE_PALETTE}"


def render_review(
    raw_text: str,
    line_roles: Sequence[LineRole],
    tei: Doc,
    doubts: Sequence[Doubt] = (),
    *,
    title: str = "",
) -> str:
    """The review page for one transcription: raw lines by role | reading view, doubts on top.

    ``line_roles`` need not cover every line (an unexplained line has no
    colour); numbers are 1-based as in the converter's ``file:line:col``.
    """
    roles = {r.line: r for r in line_roles}
    doubted: dict[int, list[str]] = {}
    for d in doubts:
        doubted.setdefault(d.line, []).append(d.message)
    lines = raw_text.splitlines()
    raw: list[str] = []
    for number, line in enumerate(lines, start=1):
        explained = roles.get(number)
        role = explained.role if explained else ""
        classes = ["raw-line", role_class(role) if role else "role-none"]
        if number in doubted:
            classes.append("doubt")
        hover = role
        if explained is not None:
            # the converter's records also carry a score (how sure, 0..1); shown when present
            score = getattr(explained, "score", None)
            if isinstance(score, float | int):
                hover += f" ({score:.2f})"
            if explained.reason:
                hover += f": {explained.reason}"
        raw.append(
            f'<li id="L{number}" class="{attr(" ".join(classes))}" value="{number}"'
            f' title="{attr(hover)}" data-role="{attr(role)}">'
            f'<span class="role-tag">{text(role)}</span><code>{text(line) or " "}</code></li>'
        )
    legend = "".join(
        f'<li class="{role_class(r)}"><span class="role-tag">{text(r)}</span></li>'
        for r in sorted({r.role for r in line_roles})
    )
    doubt_items = "".join(
        f'<li><a href="#L{n}">line {n}</a>: {text(m)}</li>'
        for n in sorted(doubted)
        for m in doubted[n]
    )
    reading = read(tei)
    heading = title or reading.facts.title or "Review"
    body = (
        f'<header class="review-header"><h1>Review: {text(heading)}</h1>'
        f'<section class="doubts" aria-label="doubts"><h2>Doubts ({len(doubts)})</h2>'
        + (f"<ol>{doubt_items}</ol>" if doubt_items else "<p>None.</p>")
        + f'</section><ul class="legend" aria-label="roles">{legend}</ul></header>'
        '<div class="review">'
        f'<section class="raw" aria-label="raw transcription"><h2>Raw lines</h2><ol>{"".join(raw)}'
        "</ol></section>"
        f'<section class="rendered" aria-label="reading view">{reading.html}</section></div>'
    )
    return page(
        f"Review: {heading}",
        body,
        styles=("reading.css", "review.css"),
        scripts=("reading.js",),
        lang=reading.lang,
    )


class Converted(Protocol):
    """What :func:`write_review` needs of a conversion (``teikit.convert.ConversionResult``)."""

    @property
    def name(self) -> str: ...
    @property
    def tree(self) -> etree._ElementTree: ...
    @property
    def report(self) -> _Reported: ...


class _Reported(Protocol):
    @property
    def uncertainties(self) -> Sequence[Doubt]: ...


def write_review(
    raw_text: str,
    result: Converted,
    out_dir: str | os.PathLike[str],
    line_roles: Sequence[LineRole] = (),
) -> Path:
    """Write ``DIR/NAME.review.html`` for one conversion; the path written.

    This is what ``teikit convert --review DIR`` calls per transcription, with
    the converter's per-line explanations as ``line_roles``.
    """
    from pathlib import Path

    from teikit.xmlio import write_atomic

    target = Path(out_dir) / f"{result.name}.review.html"
    html = render_review(
        raw_text, line_roles, result.tree, result.report.uncertainties, title=result.name
    )
    write_atomic(target, html.encode("utf-8"))
    return target


def explanations(source: Source) -> Sequence[LineRole]:
    """The converter's per-line records for a decoded source (the ``--explain`` data)."""
    from teikit.convert.explanation import explain

    return explain(source).lines


def write_reviews(
    sources: Sequence[str | os.PathLike[str]], out_dir: str | os.PathLike[str]
) -> list[Path]:
    """``teikit convert --review DIR``: one review page per raw transcription.

    Each source is converted again in this process (without validation: the
    page is for checking what the converter did), explained, and written as
    ``DIR/NAME.review.html``; the paths written.
    """
    from pathlib import Path

    from teikit.convert import convert
    from teikit.convert.source import Source

    written = []
    for source in sources:
        src = Source.from_path(source)
        result = convert(Path(source), validate=False)
        written.append(write_review(src.text, result, out_dir, explanations(src)))
    return written
