"""Filing records to plain JSON-ready dicts, in the schema of shared/gold/README.md.

Values are plain JSON values (``jq .cover.report_date`` works); evidence sits beside them in an
``evidence`` object keyed by field name, each ``{"document": i, "span": [start, end], "quote": "..."}``
where ``documents[i].text[start:end] == quote``.
"""

from __future__ import annotations

from typing import Any

import msgspec

from eightk.model import Evidence, Filing, Item

_SKIP_FIELDS = {"evidence"}


def evidence_to_dict(ev: Evidence) -> dict[str, Any]:
    return {"document": ev.document, "span": [ev.start, ev.end], "quote": ev.quote}


def _record(obj: msgspec.Struct, drop: set[str] | None = None) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name in obj.__struct_fields__:
        if name in _SKIP_FIELDS or (drop and name in drop):
            continue
        v = getattr(obj, name)
        out[name] = _plain(v)
    ev = getattr(obj, "evidence", None)
    if ev:
        out["evidence"] = {k: evidence_to_dict(e) for k, e in ev.items()}
    return out


def _plain(v: Any) -> Any:
    if isinstance(v, msgspec.Struct):
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
    items = []
    for it in filing.items:
        d = item_to_dict(it)
        d["evidence"]["heading"]["quote"] = docs[it.document].text[it.start : it.end] if docs else None
        items.append(d)
    out: dict[str, Any] = {
        "id": filing.id,
        "source_format": filing.source_format,
        "form_type": filing.form_type,
    }
    if filing.header is not None:
        h = _record(filing.header)
        h["cik"] = filing.header.cik
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
