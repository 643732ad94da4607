"""The whole shared corpus: every input ends stored or in errors (skipped where shared/ is absent)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from eightk.jobs.bulk import ingest_paths, plan_inputs
from tests.conftest import SHARED

CORPUS = SHARED / "corpus"


@pytest.mark.skipif(not CORPUS.is_dir(), reason="needs ../shared/corpus beside the project")
def test_every_corpus_input_ends_stored_or_in_errors(tmp_path: Path) -> None:
    roots = [CORPUS]  # as 'eightk ingest ../shared/corpus' does: its dev/ and unlabeled/ are walked
    db = tmp_path / "corpus.db"
    s = ingest_paths(db, roots, progress=False)
    sources = {str(p.resolve()) for p in plan_inputs(roots)}
    assert s.inputs == len(sources) and s.stored + s.errors == s.inputs
    assert len(sources) > 700  # walked into the subfolders, not one "filing" per subfolder
    conn = sqlite3.connect(db)
    logged = dict(conn.execute("SELECT source, status FROM inputs").fetchall())
    assert set(logged) == sources
    errored = {r[0] for r in conn.execute("SELECT source FROM errors")}
    assert {s for s, st in logged.items() if st == "error"} == errored
    stored = {r[0] for r in conn.execute("SELECT key FROM inputs WHERE status = 'stored'")}
    assert stored == {r[0] for r in conn.execute("SELECT accession FROM filings")}
