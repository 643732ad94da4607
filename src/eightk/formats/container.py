"""Bytes of one submission to its SEC header text and its documents, each turned into normalized text.

Kinds detected from content, never from the file name:

- ``sgml``: EDGAR full submission ``<SEC-DOCUMENT>``/``<SEC-HEADER>`` (``.txt``), optionally PEM-wrapped;
- ``ims``: the 1993-94 ``<IMS-DOCUMENT>``/``<IMS-HEADER>`` variant;
- ``feed``: daily feed ``.nc`` files, ``<SUBMISSION>``-rooted tagged header;
- ``document``: a bare ``<DOCUMENT>`` block (one document cut out of a submission);
- ``html`` / ``ixbrl``: a bare HTML or inline XBRL document;
- ``text``: plain text with no SGML at all (the 2002 NeoTherapeutics seed).

Binary parts (uuencoded graphics, ZIP, PDF, XBRL sidecars) are recognised and skipped without being
decoded into text; their ``Document.skipped`` says why.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

import msgspec

from eightk.formats.decode import decode, normalize_chars, normalize_newlines
from eightk.formats.html import XbrlFact, html_to_text, looks_like_html, looks_like_ixbrl
from eightk.model import Document

MAX_DOCUMENT_CHARS = 20_000_000  # larger documents are truncated (with a warning), never a hang


@dataclass(slots=True)
class Container:
    kind: str
    header_text: str | None
    documents: list[Document]
    # The decoded submission (newlines normalized, PEM envelope removed): what ``Document.source_start``
    # and the source side of ``Document.offsets`` index (see eightk.formats.offsets).
    source: str = ""
    facts: dict[int, list[XbrlFact]] = field(default_factory=dict)  # inline XBRL facts per document index
    warnings: list[str] = field(default_factory=list)
    # Documents left unconverted by ``load(..., convert=...)``: index -> raw content. Their ``Document``
    # has every field but ``text``/``offsets`` (format already sniffed); :meth:`materialize` converts one.
    pending: dict[int, str] = field(default_factory=dict)

    def materialize(self, index: int) -> Document:
        """Convert pending document ``index`` to text now (a no-op for converted documents)."""
        content = self.pending.pop(index, None)
        if content is None:
            return self.documents[index]
        doc, facts = _convert(self.documents[index], content)
        self.documents[index] = doc
        if facts:
            self.facts[index] = facts
        return doc

    def materialize_all(self) -> None:
        for i in list(self.pending):
            self.materialize(i)


# ``convert(index, type, sequence)`` says whether a document is turned into text while loading; the
# others stay pending (issue #2: EX-4 indentures and EX-10 credit agreements that nothing reads were a
# third of the conversion time). None converts everything.
ConvertFn = Callable[[int, str, str | None], bool]


_PEM_BEGIN = "-----BEGIN PRIVACY-ENHANCED MESSAGE-----"
_PEM_ESCAPE = re.compile(r"(?m)^- (?=-)")
_DOC_OPEN_I = re.compile(r"<DOCUMENT>", re.I)
_DOC_CLOSE_I = re.compile(r"</DOCUMENT>", re.I)
_TEXT_OPEN_I = re.compile(r"<TEXT>", re.I)
_META_WINDOW = 20_000  # <TYPE>, <SEQUENCE>, <FILENAME>, <DESCRIPTION> sit in the first lines of a block
_TEXT_CLOSE = re.compile(r"</TEXT>", re.I)
_META = re.compile(r"^[ \t]*<(TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[ \t]*([^\n<]*)", re.I | re.M)
_UUENCODE = re.compile(r"\A\s*begin [0-7]{3,4} \S", re.I)
_WRAPPER_OPEN = re.compile(r"\A\s*<(XBRL|XML|PDF|JSON|ZIP)>\n?", re.I)
_SGML_MARKUP = re.compile(
    r"</?(?:PAGE|TABLE|CAPTION|S|C|FN|F\d{1,2}|PRE|R|SEC-HEADER|IMS-HEADER|TEXT)>", re.I
)
_BINARY_TYPES = re.compile(r"^(GRAPHIC|ZIP|EXCEL|PDF|JSON|XML|EX-101\.\w+|EX-100\.\w+)$", re.I)


def load(data: bytes, name: str = "", convert: ConvertFn | None = None) -> Container:
    """Split a submission (any era) into header text and normalized documents. Never raises on bytes.

    With ``convert``, documents it declines keep their raw content in ``Container.pending`` (their
    ``text`` is empty until :meth:`Container.materialize`).
    """
    text = normalize_newlines(decode(data))
    warnings: list[str] = []
    if _PEM_BEGIN in text[:2000]:
        text = _unwrap_pem(text)
    head = text[:4000].lstrip()
    upper = head[:400].upper()
    header_text: str | None = None
    if upper.startswith("<SEC-DOCUMENT>") or upper.startswith("<IMS-DOCUMENT>") or "<SEC-HEADER>" in upper:
        kind = "ims" if "<IMS-" in upper else "sgml"
        header_text = _between(text, ("<SEC-HEADER>", "<IMS-HEADER>"), ("</SEC-HEADER>", "</IMS-HEADER>"))
    elif upper.startswith("<SUBMISSION>"):
        kind = "feed"
        first_doc = text.upper().find("<DOCUMENT>")
        header_text = text[: first_doc if first_doc >= 0 else len(text)]
    elif upper.startswith("<DOCUMENT>"):
        kind = "document"
    else:
        kind = "raw"
    documents: list[Document] = []
    facts: dict[int, list[XbrlFact]] = {}
    pending: dict[int, str] = {}
    if kind == "raw":
        doc, doc_facts = _make_document(0, "8-K", None, None, None, text, 0, warnings)
        documents.append(doc)
        if doc_facts:
            facts[0] = doc_facts
        kind = "ixbrl" if doc.format == "ixbrl" else ("html" if doc.format == "html" else "text")
    else:
        for block_start, block_end in _document_blocks(text):
            # Metadata lines come before <TEXT>; they are short, so look for it near the block start.
            meta_end = min(block_end, block_start + _META_WINDOW)
            t_open = text.find("<TEXT>", block_start, meta_end)
            if t_open < 0:
                tm = _TEXT_OPEN_I.search(text, block_start, meta_end)
                t_open = tm.start() if tm else -1
            if t_open >= 0:
                content_start = t_open + 6
                if text.startswith("\n", content_start):
                    content_start += 1
                # The last </TEXT> before </DOCUMENT> closes the content (a document may quote one).
                content_end = text.rfind("</TEXT>", content_start, block_end)
                if content_end < 0:
                    closes = [m.start() for m in _TEXT_CLOSE.finditer(text, content_start, block_end)]
                    content_end = closes[-1] if closes else -1
                if content_end < 0:
                    warnings.append(f"document {len(documents) + 1}: no </TEXT> (truncated file?)")
                    content_end = block_end
                meta_part = text[block_start:t_open]
            else:
                # No <TEXT>: the content starts after the leading metadata lines.
                content_start = _after_meta_lines(text, block_start, block_end)
                content_end = block_end
                meta_part = text[block_start:content_start]
            meta = {k.upper(): v.strip() for k, v in _META.findall(meta_part)}
            index = len(documents)
            type_ = meta.get("TYPE") or "UNKNOWN"
            sequence = meta.get("SEQUENCE")
            doc, doc_facts = _make_document(
                index,
                type_,
                sequence,
                meta.get("FILENAME"),
                meta.get("DESCRIPTION"),
                text[content_start:content_end],
                content_start,
                warnings,
                pending if convert is not None and not convert(index, type_, sequence) else None,
            )
            documents.append(doc)
            if doc_facts:
                facts[doc.index] = doc_facts
        if not documents:
            warnings.append("no <DOCUMENT> block found: the file may be truncated or only a header")
    return Container(
        kind=kind,
        header_text=header_text,
        documents=documents,
        source=text,
        facts=facts,
        warnings=warnings,
        pending=pending,
    )


def _document_blocks(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of the inside of every ``<DOCUMENT>`` block.

    A block ends at its ``</DOCUMENT>``, or at the next ``<DOCUMENT>`` when that comes first (a block
    whose end tag is missing must not swallow the next document), or at the end of the text.
    EDGAR writes the tags in upper case, found with ``str.find`` (a lazy ``.*?`` regex over a 5 MB
    submission cost 20 ms); other casings fall back to a case-insensitive regex.
    """
    if "<DOCUMENT>" in text:
        opens: list[int] = []
        i = text.find("<DOCUMENT>")
        while i >= 0:
            opens.append(i)
            i = text.find("<DOCUMENT>", i + 10)
        close = lambda a, b: text.find("</DOCUMENT>", a, b)  # noqa: E731
    else:
        opens = [m.start() for m in _DOC_OPEN_I.finditer(text)]

        def close(a: int, b: int) -> int:
            m = _DOC_CLOSE_I.search(text, a, b)
            return m.start() if m else -1

    blocks = []
    for k, o in enumerate(opens):
        start = o + 10
        limit = opens[k + 1] if k + 1 < len(opens) else len(text)
        c = close(start, limit)
        blocks.append((start, c if c >= 0 else limit))
    return blocks


_META_LINE = re.compile(r"[ \t]*(?:<(?:TYPE|SEQUENCE|FILENAME|DESCRIPTION)>[^\n]*)?(?:\n|\Z)", re.I)


def _after_meta_lines(text: str, start: int, end: int) -> int:
    pos = start
    while pos < end:
        m = _META_LINE.match(text, pos, end)
        if m is None or m.end() == pos:
            break
        pos = m.end()
    return pos


def _unwrap_pem(text: str) -> str:
    """Drop the PEM envelope and undo its dash-escaping ("- -----" back to "-----")."""
    start = text.find(_PEM_BEGIN)
    body_start = text.find("\n\n", start)
    body_start = body_start + 2 if body_start >= 0 else start + len(_PEM_BEGIN)
    end = text.find("-----END PRIVACY-ENHANCED MESSAGE-----", body_start)
    body = text[body_start : end if end >= 0 else len(text)]
    return _PEM_ESCAPE.sub("", body)


def _between(text: str, opens: tuple[str, ...], closes: tuple[str, ...]) -> str | None:
    # EDGAR writes these tags in upper case: find them as printed first (no copy of the text); only a
    # header in another casing pays for an upper-cased copy of the first 200,000 characters.
    for o in opens:
        i = text.find(o, 0, 200_000)
        if i >= 0:
            for c in closes:
                j = text.find(c, i, 200_000)
                if j >= 0:
                    return text[i + len(o) : j]
            break
    up = text[:200_000].upper()
    for o in opens:
        i = up.find(o)
        if i >= 0:
            j = -1
            for c in closes:
                j = up.find(c, i)
                if j >= 0:
                    break
            if j < 0:
                j = up.find("<DOCUMENT>", i)
            return text[i + len(o) : j if j >= 0 else len(text)]
    return None


def _make_document(
    index: int,
    type_: str,
    sequence: str | None,
    filename: str | None,
    description: str | None,
    content: str,
    source_start: int,
    warnings: list[str],
    defer: dict[int, str] | None = None,
) -> tuple[Document, list[XbrlFact]]:
    """One document; with ``defer``, text content is stored there (by index) instead of converted."""
    base = dict(
        index=index, type=type_.upper(), sequence=sequence, filename=filename, description=description
    )
    if _UUENCODE.match(content[:200]):
        return Document(**base, format="binary", source_start=source_start, skipped="uuencoded"), []
    wm = _WRAPPER_OPEN.match(content[:200])
    wrapper = wm.group(1).upper() if wm else None
    if wrapper in ("PDF", "ZIP", "JSON"):
        return Document(
            **base,
            format="pdf" if wrapper == "PDF" else "binary",
            source_start=source_start,
            skipped=f"<{wrapper}> part",
        ), []
    is_binary_type = bool(_BINARY_TYPES.match(type_.strip()))
    if wrapper in ("XBRL", "XML"):
        content_start = wm.end()
        close = content.rfind(f"</{wrapper}>")
        content = content[content_start : close if close >= 0 else len(content)]
        source_start += content_start
        if is_binary_type or not looks_like_ixbrl(content):
            return Document(**base, format="xml", source_start=source_start, skipped="XBRL/XML data"), []
    elif is_binary_type:
        return Document(**base, format="binary", source_start=source_start, skipped=f"{type_} part"), []
    if len(content) > MAX_DOCUMENT_CHARS:
        warnings.append(
            f"document {index + 1} ({type_}): {len(content)} characters, truncated to {MAX_DOCUMENT_CHARS}"
        )
        content = content[:MAX_DOCUMENT_CHARS]
    if not content or content.isspace():
        return Document(**base, format="empty", source_start=source_start), []
    if defer is not None:
        defer[index] = content
        fmt = ("ixbrl" if looks_like_ixbrl(content) else "html") if looks_like_html(content) else "text"
        return Document(**base, format=fmt, source_start=source_start), []
    return _convert(Document(**base, source_start=source_start), content)


def _convert(doc: Document, content: str) -> tuple[Document, list[XbrlFact]]:
    """``doc`` (metadata only) with the text of its ``content`` (what the submission holds at ``doc.source_start``)."""
    source_start = doc.source_start
    if looks_like_html(content):
        fmt = "ixbrl" if looks_like_ixbrl(content) else "html"
        ht = html_to_text(content, base=source_start)
        return msgspec.structs.replace(
            doc, format=fmt, text=normalize_chars(ht.text), offsets=ht.offsets
        ), ht.facts
    # Plain text: blank out the SGML layout tags (<PAGE>, <TABLE>, <S>, <C>...) with spaces of the same
    # length so every offset still points at the source one-to-one.
    if "<" in content:
        content = _SGML_MARKUP.sub(lambda m: " " * len(m.group(0)), content)
    return msgspec.structs.replace(
        doc, format="text", text=normalize_chars(content), offsets=(0, source_start)
    ), []
