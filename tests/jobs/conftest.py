"""A small corpus for bulk runs: the shipped real filings under several names, plus inputs that fail."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from eightk.store import schema as S
from tests.conftest import FILINGS

# Four eras and containers (1994 IMS text, 2002 plain text, 2018 bare HTML, 2025 SGML), fixed so that the
# bulk tests' run time does not grow with tests/filings.
FIXTURES = (
    "0000109446-94-000005.txt",
    "neotherapeutics-2002-03-15.txt",
    "0000320193-18-000142.html",
    "0001193125-25-036821.txt",
)


def make_corpus(root: Path, copies: int) -> Path:
    """``copies`` copies of each fixture under distinct names (the SGML ones share an accession, so later
    copies replace earlier ones: the order of storing matters and must survive a restart), plus junk."""
    root.mkdir(parents=True, exist_ok=True)
    fixtures = [FILINGS / n for n in FIXTURES]
    for i in range(copies):
        for p in fixtures:
            shutil.copy(p, root / f"c{i:02d}-{p.name}")
    (root / "junk.txt").write_bytes(b"\x00\x01\x02 this is not a filing \xff\xfe" * 50)
    (root / "empty.txt").write_bytes(b"")
    return root


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    return make_corpus(tmp_path / "corpus", 3)


def dump(path: Path) -> dict[str, Any]:
    """Everything a database holds, order-free, without rowids and ingest timestamps."""
    conn = sqlite3.connect(path)
    out: dict[str, Any] = {}
    for t in S.ALL_TABLES:
        cols = [c for c in t.column_names if c != "ingested_at"]
        sel = ", ".join(S.quote(c) for c in cols)
        out[t.name] = sorted(conn.execute(f'SELECT {sel} FROM "{t.name}"').fetchall(), key=repr)
    out["items_fts"] = sorted(
        conn.execute(
            "SELECT i.accession, i.ordinal, f.text FROM items_fts f JOIN items i ON i.rowid = f.rowid"
        ).fetchall()
    )
    conn.execute("INSERT INTO items_fts(items_fts) VALUES ('integrity-check')")
    conn.close()
    return out
