"""A filing kept as several files (primary document + exhibits) to one :class:`Container`.

The primary document is the one that reads as an 8-K (its first page says "FORM 8-K" / "CURRENT
REPORT"); exhibits get their EDGAR type from the file name ("...ex99-1.htm", "EX99.1.html" -> "EX-99.1").
"""

from __future__ import annotations

import re

from eightk.formats.container import Container, _make_document
from eightk.formats.decode import decode, normalize_newlines
from eightk.formats.html import XbrlFact
from eightk.model import Document

_EX_NAME = re.compile(r"(?:^|[^a-z0-9])ex[-_.]?(\d{1,3})(?:[-_.](\d{1,3}))?(?:[^0-9]|$)", re.I)
_EX_NAME_DENSE = re.compile(r"dex(\d{2,3})(\d)?\.", re.I)  # d448801dex991.htm -> 99.1
_FORM_HEAD = re.compile(r"FORM\s+8-K|CURRENT\s+REPORT", re.I)


def exhibit_type_from_name(filename: str) -> str | None:
    m = _EX_NAME_DENSE.search(filename)
    if m:
        return f"EX-{m.group(1)}" + (f".{m.group(2)}" if m.group(2) else "")
    m = _EX_NAME.search(filename)
    if m:
        return f"EX-{int(m.group(1))}" + (f".{int(m.group(2))}" if m.group(2) else "")
    return None


def load_parts(parts: list[tuple[str, bytes]]) -> Container:
    """``parts`` are ``(file name, bytes)``; returns the container with the primary document first."""
    decoded = [(n, normalize_newlines(decode(b))) for n, b in parts]
    primary_i = 0
    scores = []
    for i, (n, t) in enumerate(decoded):
        score = 0
        if exhibit_type_from_name(n) is None:
            score += 2
        if _FORM_HEAD.search(t[:20000]):
            score += 3
        if re.search(r"8-?k|primary", n, re.I):
            score += 1
        scores.append((score, -i))
    if scores:
        primary_i = max(range(len(scores)), key=lambda i: scores[i])
    order = [primary_i] + [i for i in range(len(decoded)) if i != primary_i]
    docs: list[Document] = []
    facts: dict[int, list[XbrlFact]] = {}
    warnings: list[str] = []
    for k, i in enumerate(order):
        n, t = decoded[i]
        typ = "8-K" if k == 0 else (exhibit_type_from_name(n) or "UNKNOWN")
        # A part may itself be a <DOCUMENT> block; then read its own TYPE line.
        head = t[:300].lstrip().upper()
        if head.startswith("<DOCUMENT>"):
            from eightk.formats.container import load

            sub = load(t.encode("utf-8"))
            for d in sub.documents:
                import msgspec

                d2 = msgspec.structs.replace(d, index=len(docs), filename=d.filename or n)
                if sub.facts.get(d.index):
                    facts[d2.index] = sub.facts[d.index]
                docs.append(d2)
            continue
        doc, f = _make_document(len(docs), typ, str(len(docs) + 1), n, None, t, 0, warnings)
        if f:
            facts[doc.index] = f
        docs.append(doc)
    kind = "folder"
    return Container(kind=kind, header_text=None, documents=docs, facts=facts, warnings=warnings)
