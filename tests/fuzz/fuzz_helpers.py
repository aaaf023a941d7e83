"""What every fuzz property shares: its budget, the allowed way to fail, and the findings log.

A property calls :func:`guarded` with the input and the work. Refusing with a
located one-line :class:`~teikit.errors.TeikitError` is fine; anything else --
a traceback, a hang past :data:`PER_INPUT_BOUND`, a refusal that says words
were lost or the converter's output was invalid -- is a *finding*. In the
normal run a finding fails the test. In a campaign with ``TEIKIT_FUZZ_FINDINGS``
set, findings are appended to that JSON-lines file instead, so that one run
collects every kind of finding rather than stopping at the first.
"""

from __future__ import annotations

import json
import os
import signal
import traceback
from typing import TYPE_CHECKING, TypeVar

from hypothesis import HealthCheck, settings

from teikit.errors import TeikitError

if TYPE_CHECKING:
    from collections.abc import Callable

T = TypeVar("T")

CAMPAIGN = settings.get_current_profile_name() == "campaign"
#: A campaign's settings when one was asked for, else the small fixed budget.
FUZZ = (
    settings()
    if CAMPAIGN
    else settings(
        max_examples=25,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
    )
)
#: Seconds one input may take before it counts as a hang (generous: a busy machine).
PER_INPUT_BOUND = 30.0
FINDINGS = os.environ.get("TEIKIT_FUZZ_FINDINGS") if CAMPAIGN else None
#: How many inputs each property tried in this process (reported at session end).
TRIED: dict[str, int] = {}

#: Refusals that are themselves findings: the converter lost words, or wrote
#: TEI its own schema rejects.
BUG_MESSAGES = ("the conversion lost the word", "not valid against the teikit schema")


class HangError(Exception):
    """An input ran past :data:`PER_INPUT_BOUND`."""


def _expire(signum: int, frame: object) -> None:
    raise HangError(f"still running after {PER_INPUT_BOUND:g} s")


def guarded(prop: str, data: object, work: Callable[[], T]) -> T | None:
    """``work()``; ``None`` after an acceptable refusal; a finding is raised or logged."""
    TRIED[prop] = TRIED.get(prop, 0) + 1
    previous = signal.signal(signal.SIGALRM, _expire)
    signal.setitimer(signal.ITIMER_REAL, PER_INPUT_BOUND)
    try:
        return work()
    except TeikitError as exc:
        problem = _problem_with(exc)
        if problem is not None:
            _finding(prop, problem, data, str(exc))
        return None
    except HangError as exc:
        _finding(prop, "hang", data, str(exc))
        return None
    except Exception as exc:
        _finding(prop, f"traceback {type(exc).__name__}", data, traceback.format_exc())
        return None
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _problem_with(exc: TeikitError) -> str | None:
    """Why a refusal is not acceptable, or None when it is."""
    if exc.location is None:
        return "refusal without a location"
    if "\n" in str(exc):
        return "refusal on several lines"
    for bug in BUG_MESSAGES:
        if bug in exc.message:
            return bug
    return None


def _finding(prop: str, kind: str, data: object, detail: str) -> None:
    if FINDINGS is None:
        raise AssertionError(f"{kind}: {detail}")
    record = {"property": prop, "kind": kind, "input": repr(data)[:2000], "detail": detail[-2000:]}
    with open(FINDINGS, "a", encoding="utf-8") as fh:
        fh.write(json.dumps(record) + "\n")
