"""Filing records to plain JSON-ready dicts, in the schema of shared/gold/README.md.

Values are plain JSON values (``jq .cover.report_date`` works); evidence sits beside them in an
``evidence`` object keyed by field name, each ``{"document": i, "span": [start, end], "quote": "..."}``
where ``documents[i].text[start:end] == quote``.

A record becomes the dict of its fields in declaration order, with ``evidence`` reshaped, put last and
left out when empty. ``msgspec.structs.asdict`` reads the fields in C; only values that are not plain
scalars (tuples, nested records, dicts) are converted in Python.
"""

from __future__ import annotations

from typing import Any

import msgspec
from msgspec.structs import asdict as _asdict

from eightk.model import Evidence, Filing, Item

_Struct = msgspec.Struct
_SCALARS = frozenset((str, int, float, bool, type(None)))


def evidence_to_dict(ev: Evidence) -> dict[str, Any]:
    return {"document": ev.document, "span": [ev.start, ev.end], "quote": ev.quote}


def _evidence(ev: dict[str, Evidence]) -> dict[str, Any]:
    return {k: {"document": e.document, "span": [e.start, e.end], "quote": e.quote} for k, e in ev.items()}


def _record(obj: msgspec.Struct) -> dict[str, Any]:
    """A record as a plain dict: every field in order, evidence last (left out when empty)."""
    d: dict[str, Any] = _asdict(obj)  # shallow, in C
    ev = d.pop("evidence", None)
    scalars = _SCALARS
    for k, v in d.items():
        if v.__class__ not in scalars:
            d[k] = _plain(v)
    if ev:
        d["evidence"] = _evidence(ev)
    return d


def _plain(v: Any) -> Any:
    c = v.__class__
    if c in _SCALARS:
        return v
    if c is tuple or c is list:
        return [_plain(x) for x in v] if v else []
    if isinstance(v, _Struct):
        return _record(v)
    if isinstance(v, tuple | list):
        return [_plain(x) for x in v]
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


def item_to_dict(item: Item) -> dict[str, Any]:
    return {
        "code": item.code,
        "code_2004": item.code_2004,
        "title": item.title,
        "empty": item.empty,
        "evidence": {"heading": {"document": item.document, "span": [item.start, item.end], "quote": None}},
        "body": {"document": item.document, "span": [item.body_start, item.body_end]},
    }


def filing_to_dict(filing: Filing, *, with_text: bool = False) -> dict[str, Any]:
    """The JSON object ``eightk parse`` prints for one filing."""
    docs = filing.documents
    items = [
        {
            "code": it.code,
            "code_2004": it.code_2004,
            "title": it.title,
            "empty": it.empty,
            "evidence": {
                "heading": {
                    "document": it.document,
                    "span": [it.start, it.end],
                    "quote": docs[it.document].text[it.start : it.end] if docs else None,
                }
            },
            "body": {"document": it.document, "span": [it.body_start, it.body_end]},
        }
        for it in filing.items
    ]
    out: dict[str, Any] = {
        "id": filing.id,
        "source_format": filing.source_format,
        "form_type": filing.form_type,
    }
    header = filing.header
    if header is not None:
        h = _record(header)
        h["cik"] = header.cik
        out["header"] = h
    out["cover"] = _record(filing.cover)
    out["items"] = items
    out["exhibits"] = [_record(e) for e in filing.exhibits]
    out["signatures"] = [_record(s) for s in filing.signatures]
    out["offerings"] = [_record(o) for o in filing.offerings]
    out["events"] = _record(filing.events)
    out["documents"] = [
        {
            "index": d.index,
            "type": d.type,
            "sequence": d.sequence,
            "filename": d.filename,
            "description": d.description,
            "format": d.format,
            "chars": len(d.text),
            "skipped": d.skipped,
            **({"text": d.text} if with_text else {}),
        }
        for d in docs
    ]
    out["primary_document"] = filing.primary
    out["warnings"] = list(filing.warnings)
    out["parser_version"] = filing.parser_version
    return out


_encoder = msgspec.json.Encoder()


def to_json(obj: Any) -> bytes:
    return _encoder.encode(obj)
