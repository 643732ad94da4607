"""Bulk ingest: every input ends stored or in errors; reruns skip; a killed run resumes to the same database."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from eightk.jobs.bulk import imap_ordered, ingest_blobs, ingest_paths, prepare_path
from eightk.store.query import Reader
from tests.conftest import REPO, filing_bytes
from tests.jobs.conftest import dump


def inputs_in(corpus: Path) -> set[str]:
    return {str(p.resolve()) for p in corpus.iterdir()}


def test_every_input_ends_stored_or_in_errors(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "b.db"
    s = ingest_paths(db, [corpus], jobs=2, batch=3, progress=False)
    assert s.inputs == len(inputs_in(corpus))
    assert s.stored + s.errors == s.inputs
    conn = sqlite3.connect(db)
    logged = dict(conn.execute("SELECT source, status FROM inputs").fetchall())
    assert set(logged) == inputs_in(corpus)
    errors = {r[0] for r in conn.execute("SELECT input_id FROM errors")}
    assert errors == {"junk", "empty"}
    assert all(r for (r,) in conn.execute("SELECT reason FROM errors"))
    stored_keys = {r[0] for r in conn.execute("SELECT key FROM inputs WHERE status = 'stored'")}
    assert stored_keys == {r[0] for r in conn.execute("SELECT accession FROM filings")}
    # copies of a submission with an accession number are one filing; bare documents are keyed by name
    with Reader(db) as r:
        assert r.resolve_key("0001193125-25-036821") == "0001193125-25-036821"
        assert r.count_filings() == len(stored_keys)


def test_rerun_skips_what_is_done_and_force_redoes_it(tmp_path: Path, corpus: Path) -> None:
    db = tmp_path / "b.db"
    ingest_paths(db, [corpus], jobs=1, progress=False)
    first = dump(db)
    again = ingest_paths(db, [corpus], jobs=1, progress=False)
    assert again.skipped == again.inputs and again.stored == again.errors == 0
    forced = ingest_paths(db, [corpus], jobs=2, progress=False, force=True)
    assert forced.stored + forced.errors == forced.inputs
    assert dump(db) == first
    # a changed input is redone
    victim = next(p for p in corpus.iterdir() if p.name.startswith("c00-neo"))
    os.utime(victim, ns=(time.time_ns(), time.time_ns() + 10**9))
    assert ingest_paths(db, [corpus], jobs=1, progress=False).stored == 1


def test_one_and_two_processes_give_the_same_database(tmp_path: Path, corpus: Path) -> None:
    ingest_paths(tmp_path / "1.db", [corpus], jobs=1, progress=False)
    ingest_paths(tmp_path / "2.db", [corpus], jobs=2, batch=2, progress=False)
    assert dump(tmp_path / "1.db") == dump(tmp_path / "2.db")


def _ingest_cmd(corpus: Path, db: Path) -> list[str]:
    return [
        sys.executable,
        "-c",
        "from eightk.cli import main; main()",
        "ingest",
        str(corpus),
        "--db",
        str(db),
        "--jobs",
        "2",
        "--batch",
        "2",
        "--no-progress",
    ]


def _stored(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return int(conn.execute("SELECT count(*) FROM inputs").fetchone()[0])
        finally:
            conn.close()
    except sqlite3.Error:
        return 0


def test_killed_at_a_random_point_and_restarted_equals_an_uninterrupted_run(
    tmp_path: Path, corpus: Path
) -> None:
    n = len(inputs_in(corpus))
    clean = tmp_path / "clean.db"
    # The corpus holds deliberately bad inputs: ingest stores the rest and exits 1 to say so.
    r = subprocess.run(_ingest_cmd(corpus, clean), cwd=REPO, capture_output=True)
    assert r.returncode == 1, r.stderr
    seed = int(os.environ.get("EIGHTK_KILL_SEED", random.randrange(1 << 30)))
    rng = random.Random(seed)
    db = tmp_path / "killed.db"
    kills = 0
    for _ in range(3):  # up to three kills, each after a random number of stored inputs
        target = rng.randrange(0, n)
        proc = subprocess.Popen(
            _ingest_cmd(corpus, db),
            cwd=REPO,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,
        )
        deadline = time.monotonic() + 120
        while proc.poll() is None and _stored(db) < target and time.monotonic() < deadline:
            time.sleep(rng.uniform(0.0, 0.05))
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)  # the writer and its workers, mid-whatever
            kills += 1
        proc.wait()
    r = subprocess.run(_ingest_cmd(corpus, db), cwd=REPO, capture_output=True)
    # 1 if this last run met a bad input itself, 0 if an earlier (killed) run had already recorded them all.
    assert r.returncode in (0, 1), r.stderr
    assert dump(db) == dump(clean), f"seed {seed}, {kills} kills"
    assert _stored(db) == n


def test_ingest_blobs_from_bytes(tmp_path: Path) -> None:
    db = tmp_path / "blobs.db"
    data = filing_bytes("0001193125-25-036821")
    calls: list[str] = []

    def get(b: bytes, name: str) -> bytes:
        calls.append(name)
        if name == "fails":
            raise OSError("connection reset")
        return b

    blobs = [
        ("edgar:0001193125-25-036821", "0001193125-25-036821", lambda: get(data, "a")),
        ("edgar:fails", "fails", lambda: get(b"", "fails")),
    ]
    s = ingest_blobs(db, blobs, 2, jobs=2, progress=False)
    assert (s.stored, s.errors) == (1, 1)
    calls.clear()
    s = ingest_blobs(db, blobs, 2, jobs=1, progress=False)
    assert s.skipped == 2 and calls == []  # done inputs are not downloaded again
    with Reader(db) as r:
        assert "connection reset" in r.errors()[0]["reason"]


def _crash_on_boom(source: str) -> object:
    if source.endswith("boom"):
        os._exit(1)  # a worker dying (segfault, OOM killer) breaks the whole pool
    return prepare_path(source)


def test_a_dying_worker_costs_only_its_own_input(tmp_path: Path, corpus: Path) -> None:
    files = sorted(str(p) for p in corpus.iterdir())[:6]
    inputs = [(f,) for f in files[:3]] + [(str(tmp_path / "boom"),)] + [(f,) for f in files[3:]]
    out = list(imap_ordered(_crash_on_boom, inputs, jobs=2, window=4))
    assert [p.source for p in out] == [a[0] for a in inputs]
    dead = [p for p in out if p.reason and "died" in p.reason]
    assert [p.source for p in dead] == [str(tmp_path / "boom")]
    assert [p.source for p in out if p.rows is None and p not in dead] == [
        f for f in files if Path(f).name in ("empty.txt", "junk.txt")
    ]


def test_plan_walks_folders_and_keeps_filing_folders_whole(tmp_path: Path) -> None:
    from eightk.jobs.bulk import plan_inputs

    root = tmp_path / "archive"
    (root / "2002").mkdir(parents=True)
    (root / "2002" / "a.txt").write_bytes(filing_bytes("neotherapeutics-2002-03-15"))
    (root / "2002" / "b.txt").write_bytes(filing_bytes("0000109446-94-000005"))
    one = root / "2018" / "0000320193-18-000142"  # one filing kept as a folder: 8-K + exhibit
    one.mkdir(parents=True)
    (one / "primary.html").write_bytes(filing_bytes("0000320193-18-000142"))
    (one / "d448801dex991.htm").write_text("<html><body>Press release</body></html>")
    (root / "empty").mkdir()
    assert plan_inputs([root]) == [root / "2002" / "a.txt", root / "2002" / "b.txt", one]
    assert plan_inputs([one]) == [one]
