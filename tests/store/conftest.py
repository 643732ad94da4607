"""Fixtures of the store tests: the shipped real filings parsed once, and a database holding them."""

from __future__ import annotations

from pathlib import Path

import pytest

from eightk.model import Filing
from eightk.sources.local import input_id, parse_path
from eightk.store.sqlite import Store
from tests.conftest import FILINGS


@pytest.fixture(scope="session")
def real_filings() -> list[tuple[str, Filing]]:
    return [(input_id(p), parse_path(p)) for p in sorted(FILINGS.iterdir()) if not p.name.startswith(".")]


@pytest.fixture
def db(tmp_path: Path, real_filings: list[tuple[str, Filing]]) -> Path:
    path = tmp_path / "t.db"
    with Store(path) as st:
        for name, f in real_filings:
            st.ingest_filing(f, name)
    return path
