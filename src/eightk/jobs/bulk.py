"""Bulk ingest: parse on all cores, one writer commits to SQLite, resumable after a kill.

Workers (a process pool) read an input, hash it, parse it and turn the Filing into table rows
(:func:`prepare_path`, the same per-filing function the distributed engine runs). The parent process
is the only writer: it stores each result in input order and commits every ``batch`` inputs (or every
few seconds) in one transaction, together with the ``inputs`` log rows of those inputs. A run killed at
any point loses only its open transaction; the next run skips every input the log holds (same source,
size, mtime and parser version) and redoes the rest, and storing replaces by accession, so the final
database is the same as an uninterrupted run's.
"""

from __future__ import annotations

import os
import sys
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from eightk import __version__
from eightk.errors import EightkError
from eightk.jobs.local import default_jobs
from eightk.store.rows import Rows, filing_key, filing_rows

MAX_INPUT_BYTES = 200 * 1024 * 1024


class Prepared(NamedTuple):
    """What a worker sends the writer for one input: rows to store, or the reason it failed."""

    source: str
    input_id: str
    key: str
    rows: Rows | None
    reason: str | None
    content_hash: str | None
    size: int | None
    mtime_ns: int | None


def stat_input(path: Path) -> tuple[int, int]:
    """(size, mtime_ns) of a file, or of a folder's files together (a folder is one filing)."""
    if path.is_dir():
        size = mtime = 0
        for f in path.iterdir():
            if f.is_file():
                st = f.stat()
                size += st.st_size
                mtime = max(mtime, st.st_mtime_ns)
        return size, mtime
    st = path.stat()
    return st.st_size, st.st_mtime_ns


def prepare_bytes(
    source: str, name: str, data: bytes, size: int | None = None, mtime_ns: int | None = None
) -> Prepared:
    """Parse one submission's bytes into rows (or a reason). Never raises for a bad input."""
    from eightk.pipeline import parse
    from eightk.store.sqlite import content_hash

    h = content_hash(data)
    size = len(data) if size is None else size
    try:
        filing = parse(data, name)
        return Prepared(
            source, name, filing_key(filing, name), filing_rows(filing, name), None, h, size, mtime_ns
        )
    except EightkError as e:
        return Prepared(source, name, name, None, str(e), h, size, mtime_ns)
    except Exception as e:  # a parser bug must not stop a bulk run; it is recorded like any bad input
        return Prepared(source, name, name, None, internal_error(e), h, size, mtime_ns)


def prepare_path(source: str) -> Prepared:
    """Read, hash and parse the file or folder at ``source`` into rows (or the reason it failed)."""
    from eightk.pipeline import parse_documents
    from eightk.sources.local import input_id, read_parts
    from eightk.store.sqlite import content_hash

    p = Path(source)
    name = input_id(p)
    try:
        size, mtime = stat_input(p)
        if p.is_dir():
            parts = read_parts(p)
            h = content_hash(b"".join(n.encode() + b"\0" + d for n, d in parts))
            try:
                filing = parse_documents(parts, name)
            except EightkError as e:
                return Prepared(source, name, name, None, str(e), h, size, mtime)
            return Prepared(
                source, name, filing_key(filing, name), filing_rows(filing, name), None, h, size, mtime
            )
        if size > MAX_INPUT_BYTES:
            reason = f"{p.name}: {size} bytes is larger than the {MAX_INPUT_BYTES} bytes eightk reads"
            return Prepared(source, name, name, None, reason, None, size, mtime)
        return prepare_bytes(source, name, p.read_bytes(), size, mtime)
    except OSError as e:
        return Prepared(source, name, name, None, f"cannot read: {e}", None, None, None)
    except Exception as e:
        return _failed(source, name, internal_error(e))


def internal_error(e: Exception) -> str:
    """The recorded reason of an input that hit a bug (never lost, never stopping the run)."""
    return f"internal error ({type(e).__name__}: {e}); please report it"


def _died(args: tuple[Any, ...]) -> Prepared:
    strs = [a for a in args if isinstance(a, str)]  # (source,) or (fn, source, name, data)
    source = strs[0] if strs else "?"
    name = strs[1] if len(strs) > 1 else Path(source).name.split(".")[0]
    reason = "the worker process died while parsing this input (out of memory?)"
    return Prepared(source, name, name, None, reason, None, None, None)


def imap_ordered(
    fn: Callable[..., Prepared],
    inputs: Iterable[tuple[Any, ...]],
    jobs: int,
    window: int | None = None,
) -> Iterator[Prepared]:
    """``fn(*args)`` for each ``args`` of ``inputs`` on ``jobs`` processes, yielded in input order, with
    at most ``window`` inputs in flight.

    Bounded and lazy, unlike ``Executor.map`` (which submits everything up front), so millions of
    inputs (or downloads made while workers parse) stream. If a worker dies (a crash, the OOM killer)
    the pool is rebuilt and each input that was in flight is run again alone; the one that kills its
    worker again is reported as such (in its place in the order) instead of being retried forever.
    """
    if jobs <= 1:
        for args in inputs:
            yield fn(*args)
        return
    window = window or jobs * 8
    it = iter(inputs)
    pending: deque[tuple[tuple[Any, ...], Future[Prepared] | Prepared]] = deque()
    pool = ProcessPoolExecutor(max_workers=jobs)
    exhausted = False
    try:
        while True:
            while not exhausted and len(pending) < window:
                try:
                    args = next(it)
                except StopIteration:
                    exhausted = True
                    break
                pending.append((args, _submit(pool, fn, args)))
            if not pending:
                return
            args, fut = pending.popleft()
            if isinstance(fut, Prepared):
                yield fut
                continue
            try:
                res = fut.result()
            except BrokenProcessPool:
                # Which input killed the worker is unknown: the results already in are kept, and every
                # input that was in flight is run again alone, so only the culprit is reported.
                pool.shutdown(wait=False, cancel_futures=True)
                pool = ProcessPoolExecutor(max_workers=jobs)
                rebuilt: deque[tuple[tuple[Any, ...], Future[Prepared] | Prepared]] = deque()
                for a, f in [(args, fut), *pending]:
                    if isinstance(f, Prepared) or (f.done() and not f.cancelled() and f.exception() is None):
                        rebuilt.append((a, f))
                        continue
                    try:
                        rebuilt.append((a, pool.submit(fn, *a).result()))
                    except BrokenProcessPool:
                        pool.shutdown(wait=False, cancel_futures=True)
                        pool = ProcessPoolExecutor(max_workers=jobs)
                        rebuilt.append((a, _died(a)))
                pending = rebuilt
                continue
            yield res
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


def _submit(
    pool: ProcessPoolExecutor, fn: Callable[..., Prepared], args: tuple[Any, ...]
) -> Future[Prepared]:
    """``pool.submit``, but a pool already broken gives a failed future (handled where results are read)."""
    try:
        return pool.submit(fn, *args)
    except BrokenProcessPool as e:
        f: Future[Prepared] = Future()
        f.set_exception(e)
        return f


@dataclass
class Summary:
    inputs: int = 0
    skipped: int = 0
    stored: int = 0
    errors: int = 0
    seconds: float = 0.0
    error_samples: list[tuple[str, str]] = field(default_factory=list)

    @property
    def rate(self) -> float:
        done = self.stored + self.errors
        return done / self.seconds if self.seconds > 0 else 0.0

    def line(self) -> str:
        return (
            f"{self.stored} stored, {self.errors} errors, {self.skipped} already done "
            f"of {self.inputs} inputs in {self.seconds:.1f} s ({self.rate:.1f} filings/s)"
        )


class _Progress:
    """A rich bar with rate and ETA on a terminal; nothing while running otherwise (one final line)."""

    def __init__(self, total: int, enabled: bool) -> None:
        self.bar: Any = None
        if enabled and total:
            from rich.console import Console

            console = Console(stderr=True)
            if console.is_terminal:
                from rich.progress import (
                    BarColumn,
                    MofNCompleteColumn,
                    Progress,
                    TaskProgressColumn,
                    TextColumn,
                    TimeElapsedColumn,
                    TimeRemainingColumn,
                )

                self.bar = Progress(
                    TextColumn("[bold]ingest"),
                    BarColumn(),
                    MofNCompleteColumn(),
                    TaskProgressColumn(),
                    TextColumn("{task.fields[rate]:.1f} filings/s"),
                    TimeElapsedColumn(),
                    TextColumn("ETA"),
                    TimeRemainingColumn(),
                    console=console,
                )
                self.task = self.bar.add_task("ingest", total=total, rate=0.0)
                self.bar.start()
        self.t0 = time.monotonic()
        self.n = 0

    def advance(self) -> None:
        self.n += 1
        if self.bar is not None:
            dt = time.monotonic() - self.t0
            self.bar.update(self.task, advance=1, rate=self.n / dt if dt > 0 else 0.0)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()


def plan_inputs(paths: Iterable[str | os.PathLike[str]]) -> list[Path]:
    """The inputs under ``paths``, sorted: files stay files; a folder holding one filing's documents (a
    primary document and exhibits) is one input; any other folder is walked, so ``eightk ingest corpus/``
    finds the submissions of ``corpus/dev/`` and ``corpus/unlabeled/`` alike."""
    from eightk.formats.folder import exhibit_type_from_name

    out: list[Path] = []

    def walk(p: Path) -> None:
        if not p.is_dir():
            out.append(p)
            return
        entries = sorted(e for e in p.iterdir() if not e.name.startswith("."))
        non_exhibits = [e for e in entries if e.is_file() and exhibit_type_from_name(e.name) is None]
        if any(e.is_dir() for e in entries) or len(non_exhibits) > 1:
            for e in entries:
                walk(e)
        elif entries:
            out.append(p)

    for raw in paths:
        walk(Path(raw))
    return out


def ingest_paths(
    db_path: str | os.PathLike[str],
    paths: Iterable[str | os.PathLike[str]],
    *,
    jobs: int | None = None,
    batch: int = 200,
    commit_seconds: float = 2.0,
    force: bool = False,
    progress: bool = True,
) -> Summary:
    """Parse and store every input under ``paths`` into ``db_path``; resumes a killed run.

    ``force`` re-ingests inputs the log says are done. Every input ends stored or in ``errors``.
    """
    from eightk.store.sqlite import Store

    t0 = time.monotonic()
    sources = [str(p.resolve()) for p in plan_inputs(paths)]
    summary = Summary(inputs=len(sources))
    jobs = jobs or default_jobs()
    with Store(db_path) as st:
        done = {} if force else st.done_inputs()
        todo: list[str] = []
        for s in sources:
            prev = done.get(s)
            if prev is not None:
                try:
                    size, mtime = stat_input(Path(s))
                except OSError:
                    size = mtime = -1
                if prev == (size, mtime, __version__):
                    summary.skipped += 1
                    continue
            todo.append(s)
        results = imap_ordered(prepare_path, ((s,) for s in todo), min(jobs, max(1, len(todo))))
        write_results(
            st, results, summary, len(todo), batch=batch, commit_seconds=commit_seconds, progress=progress
        )
    summary.seconds = time.monotonic() - t0
    return summary


def ingest_blobs(
    db_path: str | os.PathLike[str],
    blobs: Iterable[tuple[str, str, Callable[[], bytes]]],
    total: int,
    *,
    jobs: int | None = None,
    batch: int = 200,
    commit_seconds: float = 2.0,
    force: bool = False,
    progress: bool = True,
) -> Summary:
    """Store inputs that are not files: ``(source, name, get_bytes)`` each (a download, say).

    ``get_bytes`` runs in this process, lazily, while workers parse what came before; an input whose
    ``source`` the log already holds (same parser version) is skipped without calling it.
    """
    from eightk.store.sqlite import Store

    t0 = time.monotonic()
    summary = Summary(inputs=total)
    jobs = jobs or default_jobs()
    with Store(db_path) as st:
        done = {} if force else st.done_inputs()

        def args() -> Iterator[tuple[Any, ...]]:
            for source, name, get in blobs:
                prev = done.get(source)
                if prev is not None and prev[2] == __version__:
                    summary.skipped += 1
                    continue
                try:
                    data = get()
                except Exception as e:
                    yield (_failed, source, name, f"cannot get the input: {e}")
                    continue
                yield (prepare_bytes, source, name, data)

        results = imap_ordered(_call, args(), jobs)
        write_results(
            st, results, summary, total, batch=batch, commit_seconds=commit_seconds, progress=progress
        )
    summary.seconds = time.monotonic() - t0
    return summary


def _call(fn: Callable[..., Prepared], *args: Any) -> Prepared:
    return fn(*args)


def _failed(source: str, name: str, reason: str) -> Prepared:
    return Prepared(source, name, name, None, reason, None, None, None)


def write_results(
    st: Any,
    results: Iterable[Prepared],
    summary: Summary,
    total: int,
    *,
    batch: int = 200,
    commit_seconds: float = 2.0,
    progress: bool = True,
) -> None:
    """The single writer: store each result in order, committing every ``batch`` or ``commit_seconds``."""
    bar = _Progress(total, progress)
    buffered: list[Prepared] = []
    last_commit = time.monotonic()

    def flush() -> None:
        # One short transaction per batch: the write lock is free while workers parse, so another writer
        # (eightk watch's ingest_bytes) gets in between batches.
        if buffered:
            st.begin()
            for prep in buffered:
                store_prepared(st, prep)
            st.commit()
            for _ in buffered:
                bar.advance()
            buffered.clear()

    try:
        for prep in results:
            buffered.append(prep)
            if prep.rows is not None:
                summary.stored += 1
            else:
                summary.errors += 1
                if len(summary.error_samples) < 20:
                    summary.error_samples.append((prep.input_id, prep.reason or ""))
            if len(buffered) >= batch or time.monotonic() - last_commit >= commit_seconds:
                flush()
                last_commit = time.monotonic()
        flush()
    except KeyboardInterrupt:
        flush()  # every result is a whole filing: keep them, the rest resumes next run
        raise
    finally:
        bar.close()


def store_prepared(st: Any, prep: Prepared) -> None:
    """Write one worker result (and its log row) inside the store's open transaction."""
    st.begin()
    if prep.rows is not None:
        st.put_rows(prep.key, prep.rows, prep.input_id)
        status, key = "stored", prep.key
    else:
        st.record_error(
            prep.input_id, prep.reason or "unknown error", source=prep.source, content_hash=prep.content_hash
        )
        status, key = "error", prep.input_id
    st.record_input(
        prep.source,
        status=status,
        key=key,
        size=prep.size,
        mtime_ns=prep.mtime_ns,
        content_hash=prep.content_hash,
    )


def print_summary(summary: Summary, file: Any = None, *, samples: int = 0) -> None:
    """The run's one-line summary, then up to ``samples`` of its errors (input id and reason)."""
    out = file or sys.stderr
    print(summary.line(), file=out)
    for input_id, reason in summary.error_samples[:samples]:
        print(f"  error {input_id}: {reason}", file=out)
