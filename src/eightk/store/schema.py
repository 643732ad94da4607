"""Tables of the store, derived from the one data model (:mod:`eightk.model`).

Every table that holds a model record takes its columns from the record's ``msgspec.Struct`` fields
(``msgspec.inspect``), so a field added to the model becomes a column without touching this file (and
:func:`eightk.store.sqlite.Store` adds it to an existing database with ``ALTER TABLE ADD COLUMN``). A field
that holds child records is not a column: it names the table the children go to (``Table.children``), and
``evidence`` mappings go to the ``evidence`` table. A test asserts ``columns + children == fields``.

Column kinds: ``text``/``int``/``real``/``bool`` are stored natively (bool as 0/1); ``json`` holds any
other value (tuples, dicts, nested records) as JSON text; ``ztext``/``zjson`` are zlib-compressed BLOBs
(document text and offsets: three quarters of a filing's bytes, read only when a page shows the text).
Every row carries ``accession`` (the filing's key) and ``parser_version``.
"""

from __future__ import annotations

import zlib
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Literal

import msgspec
import msgspec.inspect as mi

from eightk.model import (
    AuditorChange,
    Cover,
    Document,
    Evidence,
    Exhibit,
    Filer,
    Filing,
    Header,
    Item,
    Offering,
    OfficerChange,
    Results,
    ShareholderVote,
    Signature,
)

SCHEMA_VERSION = 1

Kind = Literal["text", "int", "real", "bool", "json", "ztext", "zjson"]
_SQL = {"text": "TEXT", "int": "INTEGER", "real": "REAL", "bool": "INTEGER", "json": "TEXT"}


@dataclass(frozen=True)
class Column:
    name: str
    kind: Kind
    field: str | None = None  # the Struct field it stores (None for key and derived columns)

    @property
    def sql_type(self) -> str:
        return _SQL.get(self.kind, "BLOB")

    @property
    def quoted(self) -> str:
        return quote(self.name)


def quote(name: str) -> str:
    """Column names come from the model: ``end``, ``primary``, ``index`` are SQL keywords."""
    return '"' + name.replace('"', '""') + '"'


def _kind_of(t: mi.Type) -> Kind:
    if isinstance(t, mi.UnionType):
        rest = [x for x in t.types if not isinstance(x, mi.NoneType)]
        if len(rest) == 1:
            return _kind_of(rest[0])
        return "json"
    if isinstance(t, mi.StrType):
        return "text"
    if isinstance(t, mi.LiteralType):
        return "text" if all(isinstance(v, str) for v in t.values) else "json"
    if isinstance(t, mi.BoolType):
        return "bool"
    if isinstance(t, mi.IntType):
        return "int"
    if isinstance(t, mi.FloatType):
        return "real"
    return "json"


@dataclass(frozen=True)
class Table:
    """One table: key columns, then one column per Struct field (minus children), then derived columns."""

    name: str
    struct: type[msgspec.Struct] | None
    keys: tuple[Column, ...]
    primary_key: tuple[str, ...]
    children: dict[str, str] = field(default_factory=dict)  # struct field -> table holding its records
    extra: tuple[Column, ...] = ()
    compressed: frozenset[str] = frozenset()
    own: tuple[Column, ...] = ()  # columns of a table that stores no Struct

    @cached_property
    def field_columns(self) -> tuple[Column, ...]:
        if self.struct is None:
            return self.own
        cols = []
        for f in mi.type_info(self.struct).fields:  # type: ignore[attr-defined]
            if f.name in self.children:
                continue
            kind = _kind_of(f.type)
            if f.name in self.compressed:
                kind = "ztext" if kind == "text" else "zjson"
            cols.append(Column(f.name, kind, f.name))
        return tuple(cols)

    @cached_property
    def columns(self) -> tuple[Column, ...]:
        own = {c.name for c in self.field_columns}
        return (
            tuple(c for c in self.keys if c.name not in own)
            + self.field_columns
            + tuple(c for c in self.extra if c.name not in own)
        )

    @cached_property
    def column_names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns)

    def ddl(self) -> str:
        cols = [f"{c.quoted} {c.sql_type}" for c in self.columns]
        pk = ", ".join(quote(k) for k in self.primary_key)
        return (
            f"CREATE TABLE IF NOT EXISTS {quote(self.name)} (\n  "
            + ",\n  ".join(cols)
            + f",\n  PRIMARY KEY ({pk})\n)"
        )

    @cached_property
    def insert_sql(self) -> str:
        names = ", ".join(c.quoted for c in self.columns)
        marks = ", ".join("?" for _ in self.columns)
        return f"INSERT OR REPLACE INTO {quote(self.name)} ({names}) VALUES ({marks})"


ACC = Column("accession", "text")
PV = Column("parser_version", "text")
ORD = Column("ordinal", "int")

_RECORD_KEYS = (ACC, ORD, PV)
_RECORD_PK = ("accession", "ordinal")
_EV = {"evidence": "evidence"}

FILINGS = Table(
    "filings",
    Filing,
    keys=(ACC,),
    primary_key=("accession",),
    children={
        "header": "headers",
        "cover": "covers",
        "items": "items",
        "exhibits": "exhibits",
        "signatures": "signatures",
        "offerings": "offerings",
        "events": "officer_changes auditor_change results shareholder_vote",
        "documents": "documents",
        "warnings": "warnings",
    },
    extra=(
        Column("input_id", "text"),
        Column("cik", "text"),
        Column("company", "text"),
        Column("ticker", "text"),
        Column("filed_date", "text"),
        Column("report_date", "text"),
        Column("date", "text"),  # filed date, else the cover's report date: what timelines sort by
        Column("item_codes", "text"),  # " 2.02 9.01 " in today's numbering, for LIKE '% 2.02 %'
    ),
)
HEADERS = Table("headers", Header, keys=(ACC, PV), primary_key=("accession",), children={"filers": "filers"})
FILERS = Table("filers", Filer, keys=_RECORD_KEYS, primary_key=_RECORD_PK)
COVERS = Table("covers", Cover, keys=(ACC, PV), primary_key=("accession",), children=_EV)
ITEMS = Table(
    "items",
    Item,
    keys=_RECORD_KEYS,
    primary_key=_RECORD_PK,
    extra=(Column("text", "text"),),  # the item's body, indexed by items_fts
)
EXHIBITS = Table("exhibits", Exhibit, keys=_RECORD_KEYS, primary_key=_RECORD_PK, children=_EV)
SIGNATURES = Table("signatures", Signature, keys=_RECORD_KEYS, primary_key=_RECORD_PK, children=_EV)
OFFERINGS = Table(
    "offerings",
    Offering,
    keys=_RECORD_KEYS,
    primary_key=_RECORD_PK,
    children=_EV,
    extra=(
        Column("size", "real"),
    ),  # gross proceeds, else principal, else shares x price: what "size" filters
)
OFFICER_CHANGES = Table(
    "officer_changes", OfficerChange, keys=_RECORD_KEYS, primary_key=_RECORD_PK, children=_EV
)
AUDITOR_CHANGE = Table(
    "auditor_change", AuditorChange, keys=(ACC, PV), primary_key=("accession",), children=_EV
)
RESULTS = Table("results", Results, keys=(ACC, PV), primary_key=("accession",), children=_EV)
SHAREHOLDER_VOTE = Table(
    "shareholder_vote", ShareholderVote, keys=(ACC, PV), primary_key=("accession",), children=_EV
)
DOCUMENTS = Table(
    "documents",
    Document,
    keys=(ACC, PV),
    primary_key=("accession", "index"),
    compressed=frozenset({"text", "offsets"}),
)
EVIDENCE = Table(
    "evidence",
    Evidence,
    keys=(ACC, PV, Column("record", "text"), ORD, Column("field", "text")),
    primary_key=("accession", "record", "ordinal", "field"),
)
WARNINGS = Table(
    "warnings", None, keys=_RECORD_KEYS, primary_key=_RECORD_PK, own=(Column("message", "text"),)
)
ERRORS = Table(
    "errors",
    None,
    keys=(Column("input_id", "text"), PV),
    primary_key=("input_id",),
    own=(Column("source", "text"), Column("content_hash", "text"), Column("reason", "text")),
)
# The ingest log: one row per input once it is stored or errored. A restarted run skips the inputs found
# here (same source, size, mtime and parser version), so a killed run resumes where it stopped.
INPUTS = Table(
    "inputs",
    None,
    keys=(Column("source", "text"),),
    primary_key=("source",),
    own=(
        Column("size", "int"),
        Column("mtime_ns", "int"),
        Column("content_hash", "text"),
        Column("status", "text"),  # "stored" | "error"
        Column("key", "text"),  # the filing's accession (stored) or the input id (error)
        PV,
        Column("ingested_at", "text"),
    ),
)

# Child tables of a filing, in delete/insert order. Rows of all of them are replaced together.
FILING_TABLES: tuple[Table, ...] = (
    FILINGS,
    HEADERS,
    FILERS,
    COVERS,
    ITEMS,
    EXHIBITS,
    SIGNATURES,
    OFFERINGS,
    OFFICER_CHANGES,
    AUDITOR_CHANGE,
    RESULTS,
    SHAREHOLDER_VOTE,
    DOCUMENTS,
    EVIDENCE,
    WARNINGS,
)
ALL_TABLES: tuple[Table, ...] = (*FILING_TABLES, ERRORS, INPUTS)
TABLES: dict[str, Table] = {t.name: t for t in ALL_TABLES}

# Which model record each table's evidence rows belong to ("record" column of evidence).
EVENT_TABLES = ("officer_changes", "auditor_change", "results", "shareholder_vote")

FTS_DDL = (
    # External-content FTS5 over items.text: the text is stored once (readable in the sqlite3 shell and
    # Datasette), and triggers keep the index in step with any insert or delete, ours or a user's.
    "CREATE VIRTUAL TABLE IF NOT EXISTS items_fts USING fts5("
    "text, content='items', content_rowid='rowid', tokenize='porter unicode61')",
    "CREATE TRIGGER IF NOT EXISTS items_fts_ai AFTER INSERT ON items BEGIN "
    "INSERT INTO items_fts(rowid, text) VALUES (new.rowid, new.text); END",
    "CREATE TRIGGER IF NOT EXISTS items_fts_ad AFTER DELETE ON items BEGIN "
    "INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.rowid, old.text); END",
    "CREATE TRIGGER IF NOT EXISTS items_fts_au AFTER UPDATE ON items BEGIN "
    "INSERT INTO items_fts(items_fts, rowid, text) VALUES ('delete', old.rowid, old.text); "
    "INSERT INTO items_fts(rowid, text) VALUES (new.rowid, new.text); END",
)

INDEX_DDL = (
    "CREATE INDEX IF NOT EXISTS filings_cik ON filings(cik, date)",
    "CREATE INDEX IF NOT EXISTS filings_company ON filings(company COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS filings_ticker ON filings(ticker COLLATE NOCASE)",
    "CREATE INDEX IF NOT EXISTS filings_date ON filings(date)",
    "CREATE INDEX IF NOT EXISTS filings_input ON filings(input_id)",
    "CREATE INDEX IF NOT EXISTS offerings_security ON offerings(security, size)",
    "CREATE INDEX IF NOT EXISTS items_code ON items(code_2004)",
    "CREATE INDEX IF NOT EXISTS inputs_key ON inputs(key)",
)


# --- values <-> cells --------------------------------------------------------------------------------

_json_enc = msgspec.json.Encoder()


def to_cell(kind: Kind, v: Any) -> Any:
    if v is None:
        return None
    if kind in ("text", "int", "real"):
        return v
    if kind == "bool":
        return int(v)
    if kind == "json":
        return _json_enc.encode(v).decode("utf-8")
    if kind == "ztext":
        return zlib.compress(v.encode("utf-8"), 6)
    return zlib.compress(_json_enc.encode(v), 6)  # zjson


def from_cell(kind: Kind, v: Any) -> Any:
    if v is None:
        return None
    if kind == "bool":
        return bool(v)
    if kind == "json":
        return msgspec.json.decode(v)
    if kind == "ztext":
        return zlib.decompress(v).decode("utf-8")
    if kind == "zjson":
        return msgspec.json.decode(zlib.decompress(v))
    return v
