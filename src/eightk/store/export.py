"""Export the store to Parquet (partitioned by year, for analytics), CSV or JSON Lines.

Layout (the same as the distributed engine writes)::

    OUT/filings/year=2024/part-0.parquet
    OUT/offerings/year=2024/part-0.parquet
    ...

``year`` is the year of the filing's date (filed date, else the cover's report date; ``unknown`` when
neither is known). Columns are the store's columns; ``json`` cells stay JSON text in Parquet and CSV and
become nested values in JSON Lines; compressed document text is expanded.
"""

from __future__ import annotations

import csv
import os
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import msgspec

from eightk.errors import StoreError
from eightk.store import schema as S
from eightk.store.query import filing_filter
from eightk.store.sqlite import connect_readonly

DEFAULT_TABLES = (*(t.name for t in S.FILING_TABLES if t.name != "documents"), "errors")
FORMATS = ("parquet", "csv", "jsonl")
BATCH_ROWS = 20_000


def _arrow_type(kind: S.Kind) -> Any:
    import pyarrow as pa

    return {
        "text": pa.string(),
        "int": pa.int64(),
        "real": pa.float64(),
        "bool": pa.bool_(),
        "json": pa.string(),
        "ztext": pa.string(),
        "zjson": pa.string(),
    }[kind]


def arrow_schema(table: S.Table, with_year: bool = True) -> Any:
    import pyarrow as pa

    fields = [pa.field(c.name, _arrow_type(c.kind)) for c in table.columns]
    if with_year:
        fields.append(pa.field("year", pa.string()))
    return pa.schema(fields)


def _flat_cell(kind: S.Kind, v: Any) -> Any:
    """A stored cell as a flat value (Parquet/CSV): bool as bool, compressed cells expanded to text."""
    if v is None:
        return None
    if kind == "bool":
        return bool(v)
    if kind == "ztext":
        return S.from_cell("ztext", v)
    if kind == "zjson":
        import zlib

        return zlib.decompress(v).decode("utf-8")
    return v


def year_of(date: str | None) -> str:
    return date[:4] if date and len(date) >= 4 and date[:4].isdigit() else "unknown"


def rows_to_arrow(table: S.Table, rows: list[tuple[Any, ...]], years: list[str] | None = None) -> Any:
    """Stored rows (cell tuples in ``table.columns`` order) to an Arrow table of :func:`arrow_schema`."""
    import pyarrow as pa

    cols = table.columns
    arrays = [[_flat_cell(c.kind, r[i]) for r in rows] for i, c in enumerate(cols)]
    schema = arrow_schema(table, years is not None)
    if years is not None:
        arrays.append(years)
    return pa.Table.from_arrays(
        [pa.array(a, type=f.type) for a, f in zip(arrays, schema, strict=True)], schema=schema
    )


def _select(
    conn: sqlite3.Connection, table: S.Table, where: str, args: list[Any]
) -> Iterator[list[tuple[Any, ...]]]:
    """Batches of (cells..., date) for one table, joined to its filing for the filter and the year."""
    cols = ", ".join("t." + c.quoted for c in table.columns)
    if table.name == "filings":
        sql = f"SELECT {cols}, t.date FROM filings t WHERE accession IN (SELECT f.accession FROM filings f WHERE {where})"
    elif table.name == "errors":
        sql, args = f"SELECT {cols}, NULL FROM errors t ORDER BY input_id", []
    else:
        sql = (
            f"SELECT {cols}, f.date FROM {S.quote(table.name)} t JOIN filings f ON f.accession = t.accession "
            f"WHERE {where}"
        )
    cur = conn.execute(sql, args)
    while True:
        rows = cur.fetchmany(BATCH_ROWS)
        if not rows:
            return
        yield [tuple(r) for r in rows]


def export(
    db_path: str | os.PathLike[str],
    out: str | os.PathLike[str],
    fmt: str = "parquet",
    *,
    tables: tuple[str, ...] | None = None,
    **filters: Any,
) -> dict[str, int]:
    """Write ``tables`` (default: all but documents) of the filings matching ``filters`` (the keywords
    of :func:`eightk.store.query.filing_filter`) to ``out``.

    Returns rows written per table. An existing export of a table in ``out`` is replaced.
    """
    if fmt not in FORMATS:
        raise StoreError(f"unknown export format {fmt!r}: use one of {', '.join(FORMATS)}")
    names = tables or DEFAULT_TABLES
    unknown = [n for n in names if n not in S.TABLES or n == "inputs"]
    if unknown:
        raise StoreError(
            f"no such table: {', '.join(unknown)} (tables: {', '.join(DEFAULT_TABLES)}, documents)"
        )
    conds: list[str] = []
    args: list[Any] = []
    filing_filter(conds, args, **filters)
    where = " AND ".join(conds) or "1"
    conn = connect_readonly(db_path)
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    try:
        for name in names:
            table = S.TABLES[name]
            batches = _select(conn, table, where, list(args))
            if fmt == "parquet":
                counts[name] = _write_parquet(table, batches, out / name)
            elif fmt == "csv":
                counts[name] = _write_csv(table, batches, out / f"{name}.csv")
            else:
                counts[name] = _write_jsonl(table, batches, out / f"{name}.jsonl")
    finally:
        conn.close()
    return counts


def _write_parquet(table: S.Table, batches: Iterator[list[tuple[Any, ...]]], root: Path) -> int:
    import pyarrow.parquet as pq

    if root.exists():
        shutil.rmtree(root)
    n = 0
    for part, rows in enumerate(batches):
        by_year: dict[str, list[tuple[Any, ...]]] = {}
        for r in rows:
            by_year.setdefault(year_of(r[-1]), []).append(r[:-1])
        for year, rs in sorted(by_year.items()):
            d = root / f"year={year}"
            d.mkdir(parents=True, exist_ok=True)
            at = rows_to_arrow(table, rs, None)
            pq.write_table(at, d / f"part-{part}.parquet", compression="zstd")
            n += len(rs)
    if n == 0:  # an empty table still gets a file, so readers find its schema
        root.mkdir(parents=True, exist_ok=True)
        pq.write_table(rows_to_arrow(table, [], None), root / "empty.parquet", compression="zstd")
    return n


def _write_csv(table: S.Table, batches: Iterator[list[tuple[Any, ...]]], path: Path) -> int:
    n = 0
    kinds = [c.kind for c in table.columns]
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow([*table.column_names, "year"])
        for rows in batches:
            for r in rows:
                w.writerow([*(_flat_cell(k, v) for k, v in zip(kinds, r[:-1], strict=True)), year_of(r[-1])])
                n += 1
    return n


def _write_jsonl(table: S.Table, batches: Iterator[list[tuple[Any, ...]]], path: Path) -> int:
    enc = msgspec.json.Encoder()
    n = 0
    cols = table.columns
    with path.open("wb") as fh:
        for rows in batches:
            for r in rows:
                obj = {c.name: S.from_cell(c.kind, v) for c, v in zip(cols, r[:-1], strict=True)}
                obj["year"] = year_of(r[-1])
                fh.write(enc.encode(obj) + b"\n")
                n += 1
    return n
