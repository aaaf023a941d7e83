"""The TEI P5 source bundled with teikit: ``p5subset.xml`` of one TEI release, gzip-compressed.

An ODD is compiled against the TEI's own specifications; shipping them in the
wheel means ``teikit schema build --odd my.odd`` works after ``pip install``
with no download and gives the same schema on every machine. The release is
recorded beside the file (``p5/release.json``), with the TEI Consortium's
licence notice (``p5/NOTICE-TEI.txt``). ``--source`` still selects another
release.

Other parts of teikit (and users) ask this module, not the file system, where
the bundled source is and which release it is.
"""

from __future__ import annotations

import functools
import gzip
import json
from dataclasses import dataclass
from pathlib import Path

_DIR = Path(__file__).resolve().parent / "p5"
GZIP_MAGIC = b"\x1f\x8b"
# A decompressed P5 source is a few MB; refusing past this keeps a hostile
# .gz given as --source from exhausting memory.
MAX_SOURCE_BYTES = 256 * 1024 * 1024


@dataclass(frozen=True)
class P5Release:
    """Which TEI P5 release the bundled source is."""

    version: str
    date: str
    revision: str
    edition: str
    path: Path
    sha256: str


@functools.cache
def bundled_release() -> P5Release:
    """The bundled release: version (e.g. ``"4.8.0"``), date, TEI commit, compressed file path."""
    meta = json.loads((_DIR / "release.json").read_text(encoding="utf-8"))
    return P5Release(
        version=meta["version"],
        date=meta["date"],
        revision=meta["revision"],
        edition=meta["edition"],
        path=_DIR / meta["file"],
        sha256=meta["sha256_uncompressed"],
    )


def bundled_source_path() -> Path:
    """The path of the bundled ``p5subset.xml.gz`` (teikit's loaders read it compressed)."""
    return bundled_release().path


def bundled_source_version() -> str:
    """The TEI P5 version of the bundled source, e.g. ``"4.8.0"``."""
    return bundled_release().version


def bundled_source_bytes() -> bytes:
    """The bundled ``p5subset.xml``, decompressed (about 4 MB)."""
    return read_source_bytes(bundled_source_path())


def read_source_bytes(path: str | Path) -> bytes:
    """The bytes of a P5 source file, decompressed when it is gzip (``.xml.gz``)."""
    p = Path(path)
    with p.open("rb") as fh:
        head = fh.read(2)
        fh.seek(0)
        if head != GZIP_MAGIC:
            return fh.read()
        with gzip.GzipFile(fileobj=fh) as gz:
            data = gz.read(MAX_SOURCE_BYTES + 1)
    if len(data) > MAX_SOURCE_BYTES:
        raise ValueError(f"decompresses to more than {MAX_SOURCE_BYTES // 2**20} MB")
    return data
