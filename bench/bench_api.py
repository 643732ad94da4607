"""API benchmark: requests/s and latency (p50/p90/p99) of /api/offerings, over loopback.

    python bench/bench_api.py                       # ingest ../shared/corpus/dev (else tests/filings)
    python bench/bench_api.py --db filings.db       # an existing database
    python bench/bench_api.py --requests 5000 --concurrency 16 PATH...

Starts ``eightk serve`` (uvicorn, one process) on a free 127.0.0.1 port in a subprocess, sends a bounded
number of GET requests from a thread pool (one httpx client per thread, keep-alive), prints the
numbers, and stops the server. Client and server share the machine's cores: on a 2-core machine the
client's threads take a good part of the CPU, so the numbers are a floor.
"""

from __future__ import annotations

import argparse
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"

# A mix of screener queries: the list, filters on the indexed columns, a date range, a CSV download.
OFFERINGS = [
    "/api/offerings",
    "/api/offerings?limit=100",
    "/api/offerings?security=common_stock",
    "/api/offerings?min_size=1000000&limit=20",
    "/api/offerings?registered=false&date_from=2010-01-01",
    "/api/offerings?security=convertible_notes&min_size=5000000",
    "/api/offerings?company=inc&limit=10",
    "/api/offerings?limit=50&format=csv",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def pct(xs: list[float], p: float) -> float:
    if not xs:
        return float("nan")
    xs = sorted(xs)
    k = min(len(xs) - 1, max(0, round(p / 100 * (len(xs) - 1))))
    return xs[k]


def start_server(db: Path, port: int) -> subprocess.Popen[bytes]:
    cmd = [sys.executable, "-c", "from eightk.cli import main; main()", "serve", str(db), "--port", str(port)]
    return subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def wait_ready(base: str, proc: subprocess.Popen[bytes], timeout: float = 30.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
            raise SystemExit(f"the server exited: {err}")
        try:
            if httpx.get(base + "/api/stats", timeout=1.0).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(0.1)
    raise SystemExit("the server did not answer in time")


def run(base: str, urls: list[str], n: int, concurrency: int) -> tuple[float, list[float], dict[int, int]]:
    local = threading.local()
    codes: dict[int, int] = {}
    lock = threading.Lock()

    def one(i: int) -> float:
        c = getattr(local, "c", None)
        if c is None:
            c = local.c = httpx.Client(base_url=base, timeout=30.0)
        t0 = time.perf_counter()
        r = c.get(urls[i % len(urls)])
        _ = r.content
        dt = time.perf_counter() - t0
        with lock:
            codes[r.status_code] = codes.get(r.status_code, 0) + 1
        return dt

    with ThreadPoolExecutor(concurrency) as ex:
        t0 = time.perf_counter()
        lat = list(ex.map(one, range(n)))
        wall = time.perf_counter() - t0
    return wall, lat, codes


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument(
        "paths", nargs="*", help="filings to ingest (default: ../shared/corpus/dev, else tests/filings)"
    )
    ap.add_argument("--db", help="use this database instead of ingesting")
    ap.add_argument("--requests", type=int, default=3000, help="requests to send (default 3000)")
    ap.add_argument("--concurrency", type=int, default=8, help="client threads (default 8)")
    ap.add_argument("--warmup", type=int, default=100)
    args = ap.parse_args()
    n = max(1, min(args.requests, 1_000_000))

    tmp = Path(tempfile.mkdtemp(prefix="eightk-bench-api-"))
    proc = None
    try:
        if args.db:
            db = Path(args.db)
        else:
            from eightk.jobs.bulk import ingest_paths

            paths = args.paths or [str(DEV if DEV.is_dir() else ROOT / "tests" / "filings")]
            db = tmp / "bench.db"
            t0 = time.perf_counter()
            s = ingest_paths(db, paths, progress=False)
            print(
                f"ingested {s.stored} filings ({s.errors} errors) from {', '.join(paths)} in {time.perf_counter() - t0:.1f} s"
            )
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        proc = start_server(db, port)
        wait_ready(base, proc)
        offerings = httpx.get(base + "/api/stats").json()["offerings"]
        print(f"server: eightk serve (uvicorn, 1 process) on {base}; {offerings} offerings in the database")
        print(
            f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f} (other work skews the numbers)"
        )
        print(
            f"client: {n} GET requests, {args.concurrency} threads, keep-alive, {len(OFFERINGS)} URLs of /api/offerings"
        )
        run(base, OFFERINGS, args.warmup, args.concurrency)
        wall, lat, codes = run(base, OFFERINGS, n, args.concurrency)
        ms = [x * 1000 for x in lat]
        print(
            f"requests/s: {n / wall:,.0f}   ({n} in {wall:.2f} s; status codes {dict(sorted(codes.items()))})"
        )
        print(
            f"latency ms: p50 {pct(ms, 50):.1f}   p90 {pct(ms, 90):.1f}   p99 {pct(ms, 99):.1f}   "
            f"max {max(ms):.1f}   mean {statistics.fmean(ms):.1f}"
        )
        # one URL at a time, single client: the cost of each query shape without queueing
        print("per URL, 1 thread (p50 / p99 ms):")
        for u in OFFERINGS:
            _, lat1, _ = run(base, [u], max(20, min(200, n // 20)), 1)
            m1 = [x * 1000 for x in lat1]
            print(f"  {pct(m1, 50):6.1f} / {pct(m1, 99):6.1f}  {u}")
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(10)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
