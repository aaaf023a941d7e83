"""Small raw transcriptions for the batch tests."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from pathlib import Path

CONV = "Anna Berg: One.\n\nCarl Dahl: Two.\n\nAnna Berg: Three.\n"
LETTER = "Dear Sir,\n\nThe meeting is on Monday, 12 May 1958.\n\nYours,\nJ. Smith\n"
NOT_UTF8 = b"fine line\nna\xefve\n"


def corpus(root: Path, n_good: int = 3, bad: bool = True) -> list[Path]:
    """``n_good`` convertible transcriptions (and one that is not UTF-8) in ``root``."""
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n_good):
        p = root / f"doc{i}.txt"
        p.write_text(CONV if i % 2 else LETTER.replace("Monday", f"Monday ({i})"), "utf-8")
        paths.append(p)
    if bad:
        p = root / "zbad.txt"
        p.write_bytes(NOT_UTF8)
        paths.append(p)
    return paths
