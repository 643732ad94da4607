"""Ingest benchmark: throughput with 1 and 2 processes, database size per 1,000 filings, export time.

    python bench/bench_ingest.py                      # all of ../shared/corpus (dev + unlabeled)
    python bench/bench_ingest.py --limit 200 PATH...  # the first 200 inputs of PATHs

Each run ingests into a fresh database in a temporary folder (cold: nothing skipped).
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from eightk.jobs.bulk import ingest_paths, plan_inputs
from eightk.store.export import export

SHARED = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus"


def _cpu() -> float:
    a = resource.getrusage(resource.RUSAGE_SELF)
    b = resource.getrusage(resource.RUSAGE_CHILDREN)
    return a.ru_utime + a.ru_stime + b.ru_utime + b.ru_stime


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="*", help="inputs (default: ../shared/corpus)")
    ap.add_argument("--limit", type=int, default=0, help="use only the first N inputs")
    ap.add_argument("--jobs", default="1,2", help="process counts to measure (default: 1,2)")
    args = ap.parse_args()
    roots = args.paths or [str(SHARED)]
    inputs = plan_inputs(roots)
    if args.limit:
        inputs = inputs[: args.limit]
    tmp = Path(tempfile.mkdtemp(prefix="eightk-bench-"))
    try:
        print(f"{len(inputs)} inputs from {', '.join(roots)}")
        db = None
        for jobs in (int(j) for j in args.jobs.split(",")):
            db = tmp / f"j{jobs}.db"
            load = os.getloadavg()[0]
            c0 = _cpu()
            t0 = time.perf_counter()
            s = ingest_paths(db, inputs, jobs=jobs, progress=False)
            dt = time.perf_counter() - t0
            cpu = _cpu() - c0  # the writer and its (reaped) workers: independent of other load
            n = s.stored + s.errors
            print(
                f"ingest -j {jobs}: {n} inputs ({s.stored} stored, {s.errors} errors) in {dt:.1f} s "
                f"= {n / dt:.1f} filings/s wall; {cpu / n * 1000:.0f} ms CPU per filing "
                f"(load average {load:.1f} on {os.cpu_count()} cores at start)"
            )
        assert db is not None
        conn = sqlite3.connect(db)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")  # size at rest: everything in the main file
        n = conn.execute("SELECT count(*) FROM filings").fetchone()[0]
        conn.close()
        size = db.stat().st_size
        print(
            f"database: {size / 1e6:.1f} MB for {n} filings = {size / 1e6 / n * 1000:.0f} MB per 1,000 filings"
        )
        for fmt in ("parquet", "csv", "jsonl"):
            out = tmp / f"export-{fmt}"
            t0 = time.perf_counter()
            counts = export(db, out, fmt)
            dt = time.perf_counter() - t0
            mb = sum(f.stat().st_size for f in out.rglob("*") if f.is_file()) / 1e6
            print(
                f"export {fmt}: {sum(counts.values())} rows of {len(counts)} tables in {dt:.2f} s ({mb:.1f} MB)"
            )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
