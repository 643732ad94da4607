"""The store's tables are derived from the model: a field added to a record becomes a column."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import msgspec

from eightk.store import schema as S
from eightk.store.sqlite import Store


def test_columns_are_the_model_fields() -> None:
    for t in S.ALL_TABLES:
        if t.struct is None:
            continue
        fields = set(t.struct.__struct_fields__)
        data_cols = {c.field for c in t.columns if c.field is not None}
        # every field is a column, or names the child table its records go to
        assert data_cols | set(t.children) == fields, t.name
        assert not data_cols & set(t.children), t.name
        assert {"accession", "parser_version"} <= set(t.column_names), t.name


def test_database_columns_equal_the_schema(tmp_path: Path) -> None:
    with Store(tmp_path / "s.db"):
        pass
    conn = sqlite3.connect(tmp_path / "s.db")
    for t in S.ALL_TABLES:
        have = [r[1] for r in conn.execute(f'PRAGMA table_info("{t.name}")')]
        assert have == list(t.column_names), t.name


def test_a_new_model_field_is_added_to_an_old_database(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    with Store(path):
        pass
    conn = sqlite3.connect(path)
    conn.execute('ALTER TABLE offerings DROP COLUMN "exemption"')  # as if made before the field existed
    conn.commit()
    conn.close()
    with Store(path):
        pass
    cols = [r[1] for r in sqlite3.connect(path).execute("PRAGMA table_info(offerings)")]
    assert "exemption" in cols


def test_kinds_follow_the_field_types() -> None:
    kinds = {c.name: c.kind for c in S.OFFERINGS.columns}
    assert kinds["shares"] == "int"
    assert kinds["price_per_share"] == "real"
    assert kinds["registered"] == "bool"
    assert kinds["security"] == "text"
    assert kinds["placement_agents"] == "json"
    docs = {c.name: c.kind for c in S.DOCUMENTS.columns}
    assert docs["text"] == "ztext" and docs["offsets"] == "zjson"


def test_cells_round_trip() -> None:
    for kind, v in [
        ("text", "a"),
        ("int", 3),
        ("real", 1.5),
        ("bool", True),
        ("json", ["x", {"a": 1}]),
        ("ztext", "héllo " * 50),
        ("zjson", [1, 2, 3]),
    ]:
        assert S.from_cell(kind, S.to_cell(kind, v)) == v
    assert S.from_cell("json", S.to_cell("json", ("a", "b"))) == ["a", "b"]
    assert msgspec.json.decode(S.to_cell("json", {"k": "v"})) == {"k": "v"}
