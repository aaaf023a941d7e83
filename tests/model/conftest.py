"""Fixtures of the model tests: contract-encoded documents, loaded once."""

from __future__ import annotations

from pathlib import Path

import pytest

import teikit

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def conversation() -> teikit.TeiDocument:
    return teikit.load(FIXTURES / "conversation.xml")


@pytest.fixture(scope="session")
def cable() -> teikit.TeiDocument:
    return teikit.load(FIXTURES / "cable.xml")


@pytest.fixture(scope="session")
def letter() -> teikit.TeiDocument:
    return teikit.load(FIXTURES / "letter.xml")
