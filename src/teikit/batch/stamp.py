"""Which build of teikit wrote an output folder, so that incremental runs stay correct.

An output newer than its transcription and sidecar is only current if the
converter that wrote it is the one running now. The version stamp in each
file (``<?teikit version?>``) catches releases; between releases (a
developer's checkout, a merge) the code changes under the same version. So
teikit keeps, per output folder, the digest of its own code and schema and
the time from which outputs were written by that build: an output older than
that time, or any output after the code changed, is rebuilt. The stamp lives
in the cache directory (``$TEIKIT_CACHE/builds`` or
``~/.cache/teikit/builds``), not beside the outputs, so nothing extra appears
in a folder kept in version control; a missing stamp (a fresh machine, a
cleared cache) simply rebuilds everything once.
"""

from __future__ import annotations

import hashlib
import json
import time
from functools import lru_cache
from pathlib import Path

from teikit._version import __version__
from teikit.resources import schema_path
from teikit.xmlio import write_atomic

_PACKAGE = Path(__file__).resolve().parent.parent
#: The schema files a conversion is checked against (their rules decide what is refused).
_SCHEMAS = ("teikit.rng", "teikit.sch")


@lru_cache(maxsize=1)
def build_digest() -> str:
    """A digest of teikit's version, Python sources and bundled schema."""
    h = hashlib.sha256(__version__.encode())
    files = sorted(_PACKAGE.rglob("*.py")) + [schema_path(n) for n in _SCHEMAS]
    for p in files:
        try:
            data = p.read_bytes()
        except OSError:
            continue
        h.update(p.name.encode() + b"\0" + hashlib.sha256(data).digest())
    return h.hexdigest()


def _stamp_file(outdir: Path) -> Path:
    from teikit.validate.engines.rng import cache_dir

    key = hashlib.sha256(str(outdir.resolve()).encode()).hexdigest()[:24]
    return cache_dir() / "builds" / f"{key}.json"


def written_since(outdir: Path) -> int:
    """The time (ns) from which outputs in ``outdir`` were written by this build.

    When the build differs from the one stamped (or there is no stamp), the
    stamp is renewed with the current time: every existing output is older
    and will be rebuilt.
    """
    digest = build_digest()
    stamp = _stamp_file(outdir)
    try:
        known = json.loads(stamp.read_text(encoding="utf-8"))
        if known.get("build") == digest and isinstance(known.get("since"), int):
            return int(known["since"])
    except (OSError, ValueError):
        pass
    since = time.time_ns()
    record = {"build": digest, "since": since, "outdir": str(outdir.resolve())}
    try:
        write_atomic(stamp, json.dumps(record).encode())
    except OSError:
        # no writable cache: nothing can be known current next time either
        return since
    return since
