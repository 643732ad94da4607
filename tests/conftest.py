"""Shared fixtures: real filings shipped in tests/filings (public records, named by accession number)."""

from __future__ import annotations

from pathlib import Path

import pytest

FILINGS = Path(__file__).parent / "filings"
REPO = Path(__file__).parent.parent
SHARED = REPO.parent / "shared"


def filing_path(name: str) -> Path:
    matches = sorted(FILINGS.glob(name + "*"))
    if not matches:
        raise FileNotFoundError(f"no fixture {name} in {FILINGS}")
    return matches[0]


def filing_bytes(name: str) -> bytes:
    return filing_path(name).read_bytes()


@pytest.fixture
def seed_bytes() -> bytes:
    """The founding example: NeoTherapeutics' 2002 plain-text report of a stock-and-warrant sale."""
    return filing_bytes("neotherapeutics-2002-03-15")
