"""A filing kept as several files (primary document + exhibits) to one :class:`Container`.

The primary document is the one that reads as an 8-K (its first page says "FORM 8-K" / "CURRENT
REPORT"); exhibits get their EDGAR type from the file name ("...ex99-1.htm", "EX99.1.html" -> "EX-99.1").
"""

from __future__ import annotations

import re

from eightk.formats.container import Container, ConvertFn, _make_document
from eightk.formats.decode import decode, is_binary, normalize_newlines
from eightk.formats.html import XbrlFact
from eightk.model import Document

# "ex99-1.htm", "ea0238372ex99-1_abvc.htm", "BuckleInc.8-K.EX99.1.html", "exhibit99_1.htm", "ex991.htm"
_EX_NAME = re.compile(r"(?:^|[^a-z])(?:exhibit|ex)([-_.]?)(\d{1,4})(?:[-_.](\d{1,3}))?(?=[^0-9]|$)", re.I)
_EX_NAME_DENSE = re.compile(r"dex(\d{1,4})(?=[^0-9]|$)", re.I)  # Donnelley: d448801dex991.htm -> 99.1
_FORM_HEAD = re.compile(r"FORM\s+8-K|CURRENT\s+REPORT", re.I)
# Two-digit exhibit numbers that come with a sub-number ("99.1", "10.1", "23.1"); others are one digit.
_TWO_DIGIT = frozenset(["10", "14", "16", "17", "20", "21", "23", "24", "31", "32", "33", "99"])


def _dense(d: str) -> str:
    """An exhibit number written without its dot: "991" -> "99.1", "41" -> "4.1", "1011" -> "10.11"."""
    if len(d) == 1 or d in _TWO_DIGIT:
        return str(int(d))
    if len(d) == 2:
        return f"{d[0]}.{d[1]}"
    if len(d) == 3:
        return f"{d[:2]}.{d[2]}" if d[:2] in _TWO_DIGIT else f"{d[0]}.{d[1:]}"
    return f"{d[:2]}.{d[2:]}"


def exhibit_type_from_name(filename: str) -> str | None:
    m = _EX_NAME_DENSE.search(filename)
    if m:
        return "EX-" + _dense(m.group(1))
    m = _EX_NAME.search(filename)
    if m:
        sep, num, sub = m.groups()
        if sub:
            return f"EX-{int(num)}.{int(sub)}"
        # "ex-101.htm" is written as numbered; "ex991.htm" has lost its dot.
        return f"EX-{int(num)}" if sep else "EX-" + _dense(num)
    return None


def load_parts(parts: list[tuple[str, bytes]], convert: ConvertFn | None = None) -> Container:
    """``parts`` are ``(file name, bytes)``; returns the container with the primary document first.

    ``convert`` works as in :func:`eightk.formats.container.load` (documents it declines stay pending).
    """
    # Binary parts (graphics, PDFs, archives kept beside the HTML) are never decoded into text, and never
    # chosen as the 8-K document.
    binary = [is_binary(b) for _, b in parts]
    decoded = [
        (n, "" if bin_ else normalize_newlines(decode(b))) for (n, b), bin_ in zip(parts, binary, strict=True)
    ]
    primary_i = 0
    scores = []
    for i, (n, t) in enumerate(decoded):
        if binary[i]:
            scores.append((-100, -i))
            continue
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
    pending: dict[int, str] = {}
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
        index, seq = len(docs), str(len(docs) + 1)
        if binary[i]:
            docs.append(
                Document(
                    index=index, type=typ, sequence=seq, filename=n, format="binary", skipped="binary file"
                )
            )
            continue
        defer = pending if convert is not None and not convert(index, typ, seq) else None
        doc, f = _make_document(index, typ, seq, n, None, t, 0, warnings, defer)
        if f:
            facts[doc.index] = f
        docs.append(doc)
    kind = "folder"
    return Container(
        kind=kind, header_text=None, documents=docs, facts=facts, warnings=warnings, pending=pending
    )
