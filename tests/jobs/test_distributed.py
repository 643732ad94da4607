"""The Dask engine in local mode: the same per-filing function, partitioned Parquet, resumable."""

from __future__ import annotations

from pathlib import Path

import pytest

pytest.importorskip("distributed", reason="the dask engine is an optional extra: pip install -e '.[dask]'")

import pyarrow.dataset as ds
from dask.distributed import Client, LocalCluster

from eightk.jobs.bulk import ingest_paths
from eightk.jobs.distributed import run_dask
from eightk.store import schema as S
from tests.jobs.conftest import make_corpus


@pytest.fixture(scope="module")
def client():  # type: ignore[no-untyped-def]
    cluster = LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None)
    c = Client(cluster)
    yield c
    c.close()
    cluster.close()


def _rows(path: Path, table: str) -> list[tuple]:
    t = ds.dataset(path / table, format="parquet", partitioning="hive").to_table()
    cols = [c for c in S.TABLES[table].column_names if c not in ("text", "offsets")]
    return sorted(zip(*(t.column(c).to_pylist() for c in cols), strict=True), key=repr)


def test_dask_local_writes_the_rows_the_store_holds(tmp_path: Path, client) -> None:  # type: ignore[no-untyped-def]
    corpus = make_corpus(tmp_path / "corpus", 1)
    out = tmp_path / "pq"
    totals = run_dask([str(corpus)], out, client=client, partition_size=2)
    n = len(list(corpus.iterdir()))
    assert totals["stored"] + totals["errors"] == n and totals["errors"] == 2
    assert totals["partitions"] == (n + 1) // 2
    assert (out / "filings").is_dir() and any((out / "filings").glob("year=*/part-*.parquet"))

    # the same rows as the SQLite store (each input stored once: no duplicate accessions in this corpus)
    db = tmp_path / "s.db"
    ingest_paths(db, [corpus], jobs=1, progress=False)
    from eightk.store.export import export

    export(db, tmp_path / "exp", "parquet", tables=("filings", "items", "evidence"))
    for table in ("filings", "items", "evidence"):
        assert _rows(out, table) == _rows(tmp_path / "exp", table), table
    errors = ds.dataset(out / "errors", format="parquet", partitioning="hive").to_table()
    assert sorted(errors.column("input_id").to_pylist()) == ["empty", "junk"]

    # a rerun skips finished partitions; a lost partition is redone, nothing duplicated
    again = run_dask([str(corpus)], out, client=client, partition_size=2)
    assert again["skipped"] == again["partitions"]
    (out / "_done" / "part-00000").unlink()
    third = run_dask([str(corpus)], out, client=client, partition_size=2)
    assert third["skipped"] == third["partitions"] - 1
    assert _rows(out, "filings") == _rows(tmp_path / "exp", "filings")
