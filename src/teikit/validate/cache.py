"""Verdicts kept between runs: a document checked against the same schema is not checked again.

The key is the SHA-256 of the document's bytes together with a digest of
everything that decides the verdict: the schema files' contents, the
Schematron phase and teikit's version. A changed document, an edited schema
or a new teikit therefore misses the cache; renaming or moving a file does
not. Entries store the problems found, so a cached invalid file is reported
exactly as the first time.

Where: ``$TEIKIT_CACHE/verdicts`` if ``TEIKIT_CACHE`` is set, else
``$XDG_CACHE_HOME/teikit/verdicts`` (``~/.cache/teikit/verdicts``); any
directory with ``--cache-dir``. Deleting it is always safe. Limits: schemas
pulled in by a RELAX NG ``include``/``externalRef`` are not part of the key
(edit the main schema file or clear the cache after changing them), and runs
with ``--xml-model`` (whose schemas differ per document) are not cached.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
from dataclasses import dataclass, fields, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from teikit._version import __version__
from teikit.errors import SourceLocation, TeikitError
from teikit.validate.report import Engine, FileResult, Problem, Severity
from teikit.xmlio import write_atomic

if TYPE_CHECKING:
    from teikit.validate.check import Options

#: Bump when the stored form changes, so old entries are ignored.
_FORMAT = 1


def default_dir() -> Path:
    from teikit.validate.engines.rng import cache_dir

    return cache_dir() / "verdicts"


@dataclass(frozen=True, slots=True)
class VerdictCache:
    """A directory of verdicts for one schema configuration (small enough to ship to workers)."""

    directory: str
    schema_key: str

    @classmethod
    def for_options(
        cls, options: Options, directory: str | os.PathLike[str] | None = None
    ) -> VerdictCache:
        """The cache for these options' schemas; a :class:`TeikitError` if it cannot be used."""
        from teikit.validate.schemas import schema_paths

        if options.xml_model:
            raise TeikitError("--cache cannot be used with --xml-model (schemas vary per file)")
        digest = hashlib.sha256(f"teikit {__version__} f{_FORMAT} {options.phase}".encode())
        for path in schema_paths(options.schema):
            try:
                digest.update(hashlib.sha256(Path(path).read_bytes()).digest())
            except OSError as exc:
                raise TeikitError(
                    f"cannot read schema: {exc.strerror}", SourceLocation(path)
                ) from None
        return cls(os.fspath(directory or default_dir()), digest.hexdigest())

    def _entry(self, data: bytes) -> Path:
        key = hashlib.sha256(self.schema_key.encode() + hashlib.sha256(data).digest()).hexdigest()
        return Path(self.directory) / key[:2] / f"{key[2:]}.json"

    def get(self, data: bytes, name: str) -> FileResult | None:
        """The verdict stored for these bytes, reported under ``name``; ``None`` on a miss."""
        try:
            stored = json.loads(self._entry(data).read_text(encoding="utf-8"))
            problems = tuple(_problem(p, name) for p in stored["problems"])
        except (OSError, ValueError, KeyError, TypeError):
            return None
        return FileResult(name, problems, readable=True)

    def put(self, data: bytes, result: FileResult) -> None:
        """Keep a verdict; an unwritable cache only costs the next run its speed."""
        if not result.readable:
            return
        entry = {"problems": [_stored(p) for p in result.problems]}
        with contextlib.suppress(OSError):
            write_atomic(self._entry(data), json.dumps(entry, ensure_ascii=False).encode())


def _stored(p: Problem) -> dict[str, Any]:
    d = {f.name: getattr(p, f.name) for f in fields(p)}
    d.pop("file")
    return {k: (str(v) if isinstance(v, (Severity, Engine)) else v) for k, v in d.items()}


def _problem(d: dict[str, Any], name: str) -> Problem:
    # JSON has lists only; the dataclass keeps sequences as tuples
    values: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in d.items()}
    p = Problem(file=name, **values)
    return replace(p, severity=Severity(p.severity), engine=Engine(p.engine))
