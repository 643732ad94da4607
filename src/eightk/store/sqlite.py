"""The embedded store: one SQLite file in WAL mode, written by one writer, read by anyone.

>>> from eightk.store.sqlite import Store, ingest_bytes
>>> with Store("eightk.db") as st:
...     st.ingest_filing(filing)          # replaces any earlier rows of the same accession
...     st.record_error("x1", "not an 8-K")
>>> ingest_bytes("eightk.db", "0000950150-02-000239", data)   # parse + store (or record the error)

Re-ingesting a filing deletes every row of its accession and inserts the new ones in one transaction,
so the database never holds two versions of a filing. Readers open the file read-only
(:func:`connect_readonly`) and see only committed transactions; the sqlite3 shell and Datasette read it.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from types import TracebackType
from typing import Any

from eightk import __version__
from eightk.errors import StoreError
from eightk.model import Filing
from eightk.store import schema as S
from eightk.store.rows import Rows, filing_key, filing_rows

BUSY_TIMEOUT_S = 60.0


def content_hash(data: bytes) -> str:
    return hashlib.blake2b(data, digest_size=16).hexdigest()


def connect_readonly(path: str | os.PathLike[str]) -> sqlite3.Connection:
    """Open the database read-only (``mode=ro``): a reader can never lock out or damage the writer."""
    p = Path(path)
    if not p.exists():
        raise StoreError(f"{p}: no such database (create it with 'eightk ingest')")
    uri = p.resolve().as_uri() + "?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True, timeout=BUSY_TIMEOUT_S, check_same_thread=False)
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT 1 FROM filings LIMIT 1")
    except sqlite3.Error as e:
        raise StoreError(f"{p}: not an eightk database ({e})") from e
    return conn


class Store:
    """The writer. Not shared between processes: bulk runs send rows to one process that owns it."""

    def __init__(self, path: str | os.PathLike[str]) -> None:
        self.path = Path(path)
        try:
            if self.path.parent and not self.path.parent.exists():
                self.path.parent.mkdir(parents=True, exist_ok=True)
            self.conn = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_S, isolation_level=None)
            self.conn.execute("PRAGMA journal_mode=WAL")
            self.conn.execute(
                "PRAGMA synchronous=NORMAL"
            )  # WAL + NORMAL: durable at each checkpoint, never corrupt
            self.conn.execute("PRAGMA foreign_keys=OFF")
            self._create()
        except sqlite3.Error as e:
            raise StoreError(f"{self.path}: cannot open the database ({e})") from e
        self._in_tx = False

    # -- schema -----------------------------------------------------------------------------------
    def _schema_current(self) -> bool:
        c = self.conn
        for t in S.ALL_TABLES:
            have = [r[1] for r in c.execute(f"PRAGMA table_info({S.quote(t.name)})")]
            if not set(t.column_names) <= set(have):
                return False
        return bool(c.execute("SELECT 1 FROM sqlite_master WHERE name = 'items_fts_ad'").fetchone())

    def _create(self) -> None:
        c = self.conn
        if self._schema_current():  # the usual case: no write lock needed to open
            return
        c.execute("BEGIN IMMEDIATE")
        try:
            c.execute("CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT)")
            for t in S.ALL_TABLES:
                c.execute(t.ddl())
                have = {r[1] for r in c.execute(f"PRAGMA table_info({S.quote(t.name)})")}
                for col in t.columns:
                    if col.name not in have:  # a field added to the model since the file was made
                        c.execute(f"ALTER TABLE {S.quote(t.name)} ADD COLUMN {col.quoted} {col.sql_type}")
            for stmt in (*S.FTS_DDL, *S.INDEX_DDL):
                c.execute(stmt)
            c.execute("INSERT OR REPLACE INTO meta VALUES ('schema_version', ?)", (str(S.SCHEMA_VERSION),))
            c.execute("COMMIT")
        except BaseException:
            c.execute("ROLLBACK")
            raise

    # -- transactions -----------------------------------------------------------------------------
    def begin(self) -> None:
        if not self._in_tx:
            self.conn.execute("BEGIN IMMEDIATE")
            self._in_tx = True

    def commit(self) -> None:
        if self._in_tx:
            self.conn.execute("COMMIT")
            self._in_tx = False

    def rollback(self) -> None:
        if self._in_tx:
            self.conn.execute("ROLLBACK")
            self._in_tx = False

    @contextmanager
    def _auto_tx(self) -> Iterator[None]:
        """Inside the caller's transaction when one is open; else a transaction of its own, committed at
        the end or rolled back on an error."""
        auto = not self._in_tx
        self.begin()
        try:
            yield
        except BaseException:
            if auto:
                self.rollback()
            raise
        if auto:
            self.commit()

    def close(self) -> None:
        try:
            self.commit()
        finally:
            self.conn.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(
        self, et: type[BaseException] | None, e: BaseException | None, tb: TracebackType | None
    ) -> None:
        if et is not None:
            self.rollback()
        self.close()

    # -- writes -----------------------------------------------------------------------------------
    def _delete(self, key: str) -> None:
        for t in S.FILING_TABLES:
            self.conn.execute(f"DELETE FROM {S.quote(t.name)} WHERE accession = ?", (key,))

    def put_rows(self, key: str, rows: Rows, input_id: str | None = None) -> None:
        """Replace the filing ``key`` with ``rows`` (from :func:`~eightk.store.rows.filing_rows`)."""
        with self._auto_tx():
            self._delete(key)
            for t in S.FILING_TABLES:
                r = rows.get(t.name)
                if r:
                    self.conn.executemany(t.insert_sql, r)
            if input_id:  # the input is stored now: an earlier failure of it is history
                self.conn.execute("DELETE FROM errors WHERE input_id = ?", (input_id,))

    def ingest_filing(self, filing: Filing, input_id: str | None = None) -> str:
        """Store ``filing`` (replacing any earlier version of its accession); returns its key."""
        key = filing_key(filing, input_id)
        self.put_rows(key, filing_rows(filing, input_id), input_id)
        return key

    def record_error(
        self, input_id: str, reason: str, *, source: str | None = None, content_hash: str | None = None
    ) -> None:
        """Record that ``input_id`` could not be stored, and why (replaces an earlier error of it)."""
        self._put_own(
            S.ERRORS,
            input_id=input_id,
            parser_version=__version__,
            source=source,
            content_hash=content_hash,
            reason=reason,
        )

    def record_input(
        self,
        source: str,
        *,
        status: str,
        key: str,
        size: int | None = None,
        mtime_ns: int | None = None,
        content_hash: str | None = None,
    ) -> None:
        """Log that ``source`` ended ``status`` ("stored"/"error"): a restarted bulk run skips it."""
        self._put_own(
            S.INPUTS,
            source=source,
            size=size,
            mtime_ns=mtime_ns,
            content_hash=content_hash,
            status=status,
            key=key,
            parser_version=__version__,
            ingested_at=time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        )

    def _put_own(self, table: S.Table, **values: Any) -> None:
        """Insert (or replace) one row of a table of the store's own (errors, inputs): columns by name,
        the missing ones NULL."""
        with self._auto_tx():
            self.conn.execute(table.insert_sql, tuple(values.get(c.name) for c in table.columns))

    # -- reads the writer needs -------------------------------------------------------------------
    def done_inputs(self) -> dict[str, tuple[int | None, int | None, str | None]]:
        """source -> (size, mtime_ns, parser_version) of every input already stored or errored."""
        return {
            r[0]: (r[1], r[2], r[3])
            for r in self.conn.execute("SELECT source, size, mtime_ns, parser_version FROM inputs")
        }


def ingest_bytes(db_path: str | os.PathLike[str], name: str, data: bytes) -> str | None:
    """Parse one submission and store it in ``db_path``; on failure record the reason in ``errors``.

    ``name`` is the input's id (e.g. the accession number or file name without extension). Returns the
    stored filing's key (its accession number, else ``name``), or None when the input went to ``errors``.
    Safe to call while another process writes the same database (it waits for the write lock).
    """
    # the same steps as one input of a bulk run: parse (a failure becomes its reason), then store the
    # rows or the error, and log the input
    from eightk.jobs.bulk import prepare_bytes, store_prepared

    prep = prepare_bytes(name, name, data)  # parsed first: the write lock is held only to write
    with Store(db_path) as st:
        st.begin()
        store_prepared(st, prep)
        st.commit()
    return prep.key if prep.rows is not None else None
