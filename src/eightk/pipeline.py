"""The unit of work: bytes of one submission to one :class:`~eightk.model.Filing`. Pure, no I/O.

Stages: ``formats`` (bytes -> header text + documents with normalized text) -> ``parse`` (header,
cover, items, exhibits, signatures) -> ``extract`` (offerings and other events, through the extractor
registry). Every stage appends to ``warnings`` instead of raising; only :class:`NotAFilingError` escapes,
for inputs that are not an 8-K at all (empty, binary junk, another form).
"""

from __future__ import annotations

import re

from msgspec.structs import replace

from eightk import __version__
from eightk.errors import NotAFilingError
from eightk.formats.container import Container, ConvertFn, load
from eightk.formats.decode import is_binary
from eightk.formats.header import parse_header
from eightk.model import Document, Filing, Header
from eightk.parse.cover import parse_cover
from eightk.parse.exhibits import find_exhibits
from eightk.parse.items import find_items
from eightk.parse.signatures import find_signatures

_FORM_8K = re.compile(r"^8-K(?:12B|12G3|15D5)?(?:/A)?$")
_FORM_IN_TEXT = re.compile(
    r"\bFORM[ \t]+8[ \t]*-[ \t]*K(?:[ \t]*/[ \t]*A)?\b|\bCURRENT[ \t]+REPORT\b|FORM[ \t]+8-K12[BG]3?",
    re.I,
)


def parse(data: bytes, name: str = "", *, full_text: bool = True) -> Filing:
    """Parse the bytes of one 8-K submission (any era, any container) into a :class:`Filing`.

    ``name`` is the input's name without extension (used as ``Filing.id`` when the submission carries
    no accession number). Raises :class:`NotAFilingError` for inputs that hold no 8-K.

    ``full_text=False`` converts only the documents something reads (the 8-K document and the exhibits
    the extractors declare, EX-99 always); the others keep an empty ``text`` and say so in ``skipped``.
    Every extracted value is the same; ``eightk parse`` uses it, since its output holds no text.
    """
    if not data or data.isspace():  # (isspace, not strip: no copy of a multi-megabyte input)
        raise NotAFilingError("empty input: nothing to parse")
    if is_binary(data):
        raise NotAFilingError(
            "the input is binary data, not text: expected an 8-K submission (.txt/.nc) or its HTML/text document"
        )
    container = load(data, name, None if full_text else _read_documents())
    return parse_container(container, name)


def parse_documents(parts: list[tuple[str, bytes]], name: str = "", *, full_text: bool = True) -> Filing:
    """Parse a filing kept as several files (primary document first, then exhibits by file name)."""
    from eightk.formats.folder import load_parts

    if not parts or all(not data or data.isspace() for _, data in parts):
        raise NotAFilingError("empty input: the folder holds no document with content")
    container = load_parts(parts, None if full_text else _read_documents())
    return parse_container(container, name)


NOT_CONVERTED = "not converted to text: nothing eightk extracts reads it (eightk text shows its text)"


def _read_documents() -> ConvertFn:
    """Which documents the parse reads: the 8-K candidates and the exhibits extractors declare."""
    from eightk.extract.registry import registered

    prefixes = {"EX-99"} | {p.upper() for ex in registered().values() for p in ex.exhibits}
    wanted = tuple(sorted(prefixes))

    def convert(index: int, type_: str, sequence: str | None) -> bool:
        t = type_.strip().upper()
        return index == 0 or sequence in (None, "1") or bool(_FORM_8K.match(t)) or t.startswith(wanted)

    return convert


def parse_container(container: Container, name: str) -> Filing:
    warnings = list(container.warnings)
    header = parse_header(container.header_text)
    docs = container.documents
    if not docs or all(d.format in ("binary", "xml", "pdf", "empty") for d in docs):
        raise NotAFilingError(
            "no readable document: " + ("; ".join(warnings) if warnings else "the input holds no text")
        )
    pending = container.pending
    primary = _primary_index(docs, header, pending)
    while primary in pending:  # a pending document chosen as the 8-K: convert it and choose again
        container.materialize(primary)
        primary = _primary_index(docs, header, pending)
    if pending:
        docs = [replace(d, skipped=NOT_CONVERTED) if d.index in pending else d for d in docs]
    pdoc = docs[primary]
    # A bare HTML/text file or a folder has no EDGAR <TYPE>: its "8-K" type is a placeholder, so the
    # form is read from the first page instead (a 10-K given by mistake must be refused).
    form_type = _form_type(header, pdoc, typed=container.kind in ("sgml", "ims", "feed", "document"))
    if form_type is None:
        kind = header.form_type if header and header.form_type else _sniff_form(pdoc.text)
        if kind:
            raise NotAFilingError(f"this is a {kind}, not an 8-K: eightk reads Form 8-K and its variants")
        if _looks_binary(pdoc.text):
            raise NotAFilingError("the input is not text (binary data?): expected an 8-K submission")
        warnings.append("form type not found: no 'FORM 8-K' on the first page; parsed as an 8-K anyway")
    filed = header.filed_date if header else None
    facts = container.facts.get(primary, [])
    cover, w = parse_cover(pdoc, facts, header)
    warnings += w
    date_for_items = filed or cover.report_date
    items, w = find_items(pdoc, date_for_items)
    warnings += w
    if header and header.items and items:
        body = {i.code_2004 or i.code for i in items}
        declared = set(_map_declared(header.items, date_for_items))
        if declared - body:
            warnings.append(
                "header declares items not found in the body: " + ", ".join(sorted(declared - body))
            )
        if body - declared and filed and filed >= "2004-08-23":
            warnings.append(
                "body has items the header does not declare: " + ", ".join(sorted(body - declared))
            )
    if not items:
        warnings.append("no item headings found in the 8-K document")
    exhibits, w = find_exhibits(pdoc, items, docs)
    warnings += w
    signatures, w = find_signatures(pdoc, items, cover.registrant_name)
    warnings += w
    filing = Filing(
        id=(header.accession_number if header and header.accession_number and not name else name)
        or (header.accession_number if header else None)
        or "filing",
        source_format=container.kind,
        form_type=form_type,
        header=header,
        cover=cover,
        items=tuple(items),
        exhibits=tuple(exhibits),
        signatures=tuple(signatures),
        documents=tuple(docs),
        primary=primary,
        warnings=(),
        parser_version=__version__,
    )
    from eightk.extract.registry import run_extractors

    offerings, events, w = run_extractors(filing)
    warnings += w
    return replace(filing, offerings=tuple(offerings), events=events, warnings=tuple(warnings))


def _map_declared(codes: tuple[str, ...], date: str | None) -> list[str]:
    from eightk.parse.items import to_2004

    return [c2 for c in codes if (c2 := to_2004(c, date))]


def _primary_index(docs: list[Document], header: Header | None, pending: dict[int, str] | None = None) -> int:
    """The 8-K document; a pending (not yet converted) document counts as having text."""
    pending = pending or {}
    for d in docs:
        if _FORM_8K.match(d.type.strip().upper()) and (d.text or d.index in pending):
            return d.index
    for d in docs:
        if (d.text or d.index in pending) and d.sequence in (None, "1"):
            return d.index
    for d in docs:
        if d.text or d.index in pending:
            return d.index
    return 0


def _form_type(header: Header | None, pdoc: Document, *, typed: bool) -> str | None:
    if header and header.form_type:
        ft = header.form_type.strip().upper()
        return ft if _FORM_8K.match(ft) else None
    t = pdoc.type.strip().upper()
    if typed and _FORM_8K.match(t):
        return t
    # Bare document: read the form from the first page.
    head = pdoc.text[:6000]
    m = re.search(r"FORM[ \t]+8[ \t]*-[ \t]*K[ \t]*(/[ \t]*A)?\b", head, re.I)
    if m:
        if m.group(1) or re.search(r"\bAmendment\s+No\.?\s*\d", head[:3000], re.I):
            return "8-K/A"
        return "8-K"
    if re.search(r"\bCURRENT\s+REPORT\b", head, re.I) and re.search(
        r"Date\s+of\s+(?:Report|earliest)", head, re.I
    ):
        return "8-K"
    return None


def _sniff_form(text: str) -> str | None:
    # Only a form name standing as a heading at a line start: "a registration statement on Form S-3"
    # in running text (every excerpt of a registered offering) names another filing, not this one.
    m = re.search(
        r"(?m)^[ \t]*FORM[ \t]+(10-K|10-Q|S-1|S-3|6-K|20-F|DEF 14A|SC 13D|424B\d)\b[^\n]{0,40}$",
        text[:4000],
        re.I,
    )
    return f"Form {m.group(1).upper()}" if m else None


def _looks_binary(text: str) -> bool:
    sample = text[:4000]
    if not sample:
        return True
    printable = sum(1 for c in sample if c.isprintable() or c in "\n\t")
    return printable / len(sample) < 0.85
