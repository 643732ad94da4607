"""Export: partitioned Parquet readable by pyarrow, CSV and JSON Lines, with filters."""

from __future__ import annotations

import csv
import json
import sqlite3
from pathlib import Path

import pyarrow.dataset as ds
import pytest

from eightk.errors import StoreError
from eightk.store import schema as S
from eightk.store.export import DEFAULT_TABLES, export


def test_parquet_is_partitioned_by_year_and_complete(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "pq"
    counts = export(db, out, "parquet")
    conn = sqlite3.connect(db)
    for name in DEFAULT_TABLES:
        assert counts[name] == conn.execute(f'SELECT count(*) FROM "{name}"').fetchone()[0], name
    filings = ds.dataset(out / "filings", format="parquet", partitioning="hive").to_table()
    assert filings.num_rows == counts["filings"]
    assert set(filings.column_names) == {*S.FILINGS.column_names, "year"}
    years = {str(y) for y in filings.column("year").to_pylist()}
    assert {"1994", "2002", "2025"} <= years
    assert (out / "filings" / "year=2025").is_dir()
    items = ds.dataset(out / "items", format="parquet", partitioning="hive").to_table()
    assert items.num_rows == counts["items"]


def test_filters_select_filings_and_their_rows(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "f"
    counts = export(db, out, "jsonl", cik="93410", date_from="2025-02-26", date_to="2025-02-26")
    assert counts["filings"] == 1
    lines = [json.loads(x) for x in (out / "items.jsonl").read_text().splitlines()]
    assert {x["accession"] for x in lines} == {"0001193125-25-036821"}
    assert lines[0]["year"] == "2025"
    filing = json.loads((out / "filings.jsonl").read_text())
    assert filing["cik"] == "0000093410" and filing["ticker"] == "CVX"
    assert export(db, tmp_path / "none", "jsonl", date_from="2030-01-01")["filings"] == 0


def test_csv_and_documents_text(db: Path, tmp_path: Path) -> None:
    out = tmp_path / "c"
    counts = export(db, out, "csv", tables=("filings", "documents"))
    csv.field_size_limit(1 << 30)  # whole documents are single cells
    with (out / "documents.csv").open(newline="", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert len(rows) == counts["documents"]
    assert any("Item" in r["text"] for r in rows)  # compressed text is expanded
    with (out / "filings.csv").open(newline="", encoding="utf-8") as fh:
        assert next(csv.reader(fh)) == [*S.FILINGS.column_names, "year"]


def test_unknown_table_or_format(db: Path, tmp_path: Path) -> None:
    with pytest.raises(StoreError):
        export(db, tmp_path, "xlsx")
    with pytest.raises(StoreError):
        export(db, tmp_path, "csv", tables=("nope",))
