"""Raw archival transcriptions to TEI: the converter.

The stages live in modules named for them: :mod:`.source` (decoding and
``line:col``), :mod:`.zones` (blocks and text runs), :mod:`.recognizers`
(one module per kind of structure), :mod:`.structure` (the body),
:mod:`.header`, :mod:`.sidecar`, :mod:`.report`, :mod:`.validation`,
:mod:`.api` and :mod:`.cli`.

Importing this package is cheap: the pipeline (a few dozen compiled regular
expressions, the lexicon) is imported when :func:`convert` is first called or
a name below is first used, so that ``import teikit`` stays fast for commands
that never convert (``teikit validate`` run per file by pre-commit).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from teikit._lazy import lazy_exports, make_callable

if TYPE_CHECKING:
    import os
    from typing import IO

    from teikit.convert.api import ConversionResult, convert_source, sidecar_for, write_result
    from teikit.convert.explanation import explain
    from teikit.convert.report import Report, Uncertainty
    from teikit.convert.sidecar import Sidecar, load_sidecar, parse_sidecar
    from teikit.convert.source import Source

__all__ = [
    "ConversionResult",
    "Report",
    "Sidecar",
    "Source",
    "Uncertainty",
    "convert",
    "convert_source",
    "explain",
    "load_sidecar",
    "parse_sidecar",
    "sidecar_for",
    "write_result",
]

_LAZY: dict[str, str] = {
    "ConversionResult": "teikit.convert.api",
    "convert_source": "teikit.convert.api",
    "explain": "teikit.convert.explanation",
    "sidecar_for": "teikit.convert.api",
    "write_result": "teikit.convert.api",
    "Report": "teikit.convert.report",
    "Uncertainty": "teikit.convert.report",
    "Sidecar": "teikit.convert.sidecar",
    "load_sidecar": "teikit.convert.sidecar",
    "parse_sidecar": "teikit.convert.sidecar",
    "Source": "teikit.convert.source",
}


def convert(
    source: str | os.PathLike[str] | bytes | IO[bytes] | None = None,
    *,
    text: str | None = None,
    sidecar: str | os.PathLike[str] | Sidecar | None = None,
    name: str | None = None,
    validate: bool = True,
) -> ConversionResult:
    """Convert a raw transcription to TEI.

    As everywhere in teikit (and in lxml), ``source`` as a ``str`` or
    ``os.PathLike`` is the path of a UTF-8 file: ``convert("letter.txt")``
    reads ``letter.txt``, and its sidecar (``letter.sidecar.toml`` beside it)
    is found automatically unless ``sidecar`` is given. The transcription's
    content comes either as ``bytes`` or a binary file object (UTF-8), or as a
    ``str`` through the explicit ``text=`` argument:
    ``convert(text="ANNA: Hello.", name="greeting")``.

    The result is validated against the teikit schema (``validate=False``
    skips that, to evaluate raw recognizer output); an invalid result raises
    :class:`~teikit.errors.TeikitError`.
    """
    # imported here: importing the package must not load the whole pipeline
    from pathlib import Path

    from teikit.convert.api import convert_source, sidecar_for
    from teikit.convert.sidecar import Sidecar, load_sidecar
    from teikit.convert.source import Source
    from teikit.errors import TeikitError
    from teikit.inputs import is_path, is_stream, read_stream, stream_name

    if (source is None) == (text is None):
        raise TypeError("convert() takes either a source (a path, bytes or a file) or text=")
    side_path: str | os.PathLike[str] | None = None
    if text is not None:
        if not isinstance(text, str):
            raise TypeError(f"convert(text=...) takes a str, not {type(text).__name__}")
        src = Source.from_text(text, name or "<text>")
        doc_name = name or "document"
    elif isinstance(source, bytes):
        src = Source.from_bytes(source, name or "<bytes>")
        doc_name = name or "document"
    elif is_stream(source):
        label = stream_name(source, name or "<stream>")
        src = Source.from_bytes(read_stream(source, label), label)
        doc_name = name or (Path(label).stem if label != "<stream>" else "document")
    elif is_path(source):
        if isinstance(source, str) and "\n" in source:
            raise TeikitError(
                "convert() takes a path as a str and this one spans several lines; "
                "pass the transcription itself as convert(text=...)"
            )
        src = Source.from_path(source)
        doc_name = name or Path(source).stem
        side_path = sidecar_for(source)
    else:
        raise TypeError(
            f"convert() takes a path, bytes or a binary file, not {type(source).__name__}"
        )
    if isinstance(sidecar, Sidecar):
        side = sidecar
    elif sidecar is not None:
        side = load_sidecar(sidecar)
    elif side_path is not None:
        side = load_sidecar(side_path)
    else:
        side = Sidecar()
    return convert_source(src, side, doc_name, validate=validate)


__getattr__, __dir__ = lazy_exports(__name__, _LAZY, globals(), __all__)
make_callable(__name__, "convert")
