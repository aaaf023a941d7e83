"""Hypothesis budgets for the fuzz suite: small and fixed by default, a campaign on demand.

Every property in ``tests/fuzz`` is decorated with :data:`FUZZ`:

* in a normal test run, a derandomized few dozen examples per property, so the
  suite stays fast (a few seconds) and deterministic;
* with ``--hypothesis-profile=campaign`` (see ``docs/security.rst``), random
  inputs, ``TEIKIT_FUZZ_EXAMPLES`` examples per property (default 5,000), with
  failures kept in ``.hypothesis/`` to be replayed by the next run.
"""

from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile(
    "campaign",
    max_examples=int(os.environ.get("TEIKIT_FUZZ_EXAMPLES", "5000")),
    deadline=None,
    derandomize=False,
    suppress_health_check=list(HealthCheck),
)


def pytest_sessionfinish(session: object, exitstatus: int) -> None:
    """In a campaign, say how many inputs each property tried (and log it with the findings)."""
    from fuzz_helpers import CAMPAIGN, FINDINGS, TRIED

    if not CAMPAIGN or not TRIED:
        return
    total = sum(TRIED.values())
    print(f"\nfuzz campaign: {total} inputs tried: {TRIED}")
    if FINDINGS:
        import json

        with open(FINDINGS, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"tried": TRIED, "total": total}) + "\n")
