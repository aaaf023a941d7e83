"""The raw transcription as text, with every offset mappable back to ``line:col``.

Editors fix problems at a place in their file, so the converter keeps the
decoded text character-for-character aligned with the file's lines: a CRLF or
lone CR becomes one LF at the same line end, and a tab becomes one space in the
same column. A form feed (the page separator of ``pdftotext`` and of OCR dumps) becomes
one space in its column and is remembered as a page turn (:attr:`Transcription.page_feeds`).
Characters XML cannot carry (NUL and the other C0 controls) and the
converter's own private markers (Unicode noncharacters) are refused with their
location instead of being silently dropped, so nothing of the input disappears
without the editor knowing.
"""

from __future__ import annotations

import bisect
import os
import re
from array import array
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from teikit.errors import SourceLocation, TeikitError
from teikit.xmlio import display_name, read_regular

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

#: Characters that may not appear in XML 1.0 text, plus the noncharacters the
#: converter reserves as in-text markers (see :mod:`teikit.convert.zones`).
#: Lone surrogates (a ``str`` built from broken UTF-16) cannot be encoded at all.
_FORBIDDEN_RE = re.compile("[\x00-\x08\x0b\x0e-\x1f\ud800-\udfff\ufdd0-\ufdef\ufffe\uffff]")
#: The page separator of text extracted from PDFs and of OCR dumps.
FORM_FEED = "\x0c"


@dataclass(frozen=True)
class Transcription:
    """Decoded, normalized text of one raw transcription, with its line index.

    (Not :class:`teikit.model.Source`, the model's description of the original
    document a TEI file encodes.)
    """

    name: str
    text: str
    #: machine integers, not a tuple of int objects: a fifth of the memory per line
    _line_starts: Sequence[int] = field(repr=False, compare=False, default=())
    #: offsets of the form feeds the text had (each now a space): its page turns
    page_feeds: tuple[int, ...] = field(repr=False, compare=False, default=())

    @classmethod
    def from_text(cls, text: str, name: str = "<text>") -> Transcription:
        """Normalize line ends and tabs, check characters, and index the lines."""
        if text.startswith("\ufeff"):
            text = text[1:]
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        if "\t" in text:
            text = text.replace("\t", " ")
        feeds: tuple[int, ...] = ()
        if FORM_FEED in text:
            feeds = tuple(m.start() for m in re.finditer(FORM_FEED, text))
            text = text.replace(FORM_FEED, " ")
        starts = array("q", [0])
        find = text.find
        pos = find("\n")
        while pos != -1:
            starts.append(pos + 1)
            pos = find("\n", pos + 1)
        src = cls(name, text, starts, feeds)
        bad = _FORBIDDEN_RE.search(text)
        if bad is not None:
            raise TeikitError(
                f"character U+{ord(bad.group()):04X} cannot be carried into XML "
                "(remove or replace it in the transcription)",
                src.location(bad.start()),
            )
        return src

    @classmethod
    def from_bytes(cls, data: bytes, name: str) -> Transcription:
        """Decode UTF-8 (with or without BOM); a bad byte is reported at its line:col."""
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            line = data.count(b"\n", 0, exc.start) + 1
            line_start = data.rfind(b"\n", 0, exc.start) + 1
            col = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
            raise TeikitError(
                f"not UTF-8: byte 0x{data[exc.start]:02X} cannot be decoded "
                "(save the transcription as UTF-8)",
                SourceLocation(name, line, col),
            ) from None
        return cls.from_text(text, name)

    @classmethod
    def from_path(cls, path: str | os.PathLike[str]) -> Transcription:
        """Read and decode a transcription file."""
        name = display_name(os.fspath(path))
        return cls.from_bytes(read_regular(path), name)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        idx = bisect.bisect_right(self._line_starts, offset) - 1
        return idx + 1, offset - self._line_starts[idx] + 1

    def location(self, offset: int) -> SourceLocation:
        line, col = self.line_col(offset)
        return SourceLocation(self.name, line, col)

    def lines(self) -> Iterator[tuple[str, int]]:
        """Every line with the offset of its first character, one at a time.

        A generator, so that splitting into blocks never holds every line as a
        second copy of the text.
        """
        starts = self._line_starts
        text = self.text
        for i, start in enumerate(starts):
            end = starts[i + 1] - 1 if i + 1 < len(starts) else len(text)
            yield text[start:end], start


#: The name before 0.2.0, kept so that existing imports work; use ``Transcription``.
Source = Transcription
