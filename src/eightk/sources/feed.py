"""EDGAR feeds: the daily dissemination archives and the latest-filings Atom feed. No I/O of its own.

- :func:`iter_nc_archive` reads a daily feed archive (``Feed/{YYYY}/QTR{n}/{YYYYMMDD}.nc.tar.gz``, one
  ``<accession>.nc`` per submission; domain.md §3.5, §4.7) from a file object with ``tarfile`` mode ``"r|gz"``:
  a pure stream, one member at a time, never unpacked to disk and never seeking, so it can read straight
  from an HTTP response. Members whose tagged header says another form type are skipped without being
  kept in memory beyond their header.
- :func:`nc_header` reads the ``<SUBMISSION>`` tagged header fields that select a member.
- :func:`parse_atom` reads ``/cgi-bin/browse-edgar?action=getcurrent&type=8-K&output=atom`` into
  :class:`FeedEntry` records (accession, CIK, form, when it appeared).
"""

from __future__ import annotations

import re
import tarfile
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from typing import IO

import msgspec

from eightk.sources.indexes import FilingRef, iso_date, normalize_accession

_TAG = re.compile(rb"^[ \t]*<([A-Z0-9-]+)>[ \t]*([^\r\n<]*)", re.M)
_HEADER_END = re.compile(rb"<DOCUMENT>", re.I)
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # a larger .nc is skipped with a note, never held in memory


def nc_header(head: bytes) -> dict[str, str]:
    """First value of each tag in the tagged header (``ACCESSION-NUMBER``, ``TYPE``, ``FILING-DATE``, ``CIK``,
    ``CONFORMED-NAME``...), read up to the first ``<DOCUMENT>``."""
    m = _HEADER_END.search(head)
    head = head[: m.start()] if m else head
    out: dict[str, str] = {}
    for t in _TAG.finditer(head):
        key = t.group(1).decode("ascii")
        val = t.group(2).strip().decode("latin-1")
        if val and key not in out:
            out[key] = val
    return out


def ref_from_nc(head: bytes, member_name: str = "") -> FilingRef | None:
    h = nc_header(head)
    acc = normalize_accession(h.get("ACCESSION-NUMBER", "")) or normalize_accession(member_name)
    form = h.get("TYPE") or h.get("FORM-TYPE")
    if acc is None or not form:
        return None
    cik = h.get("CIK")
    return FilingRef(
        accession=acc,
        cik=str(int(cik)) if cik and cik.isdigit() else str(int(acc[:10])),
        form=form.upper(),
        filed=iso_date(h.get("FILING-DATE")),
        company=h.get("CONFORMED-NAME"),
        items=tuple(v.decode("latin-1").strip() for k, v in _all_tags(head, b"ITEMS")),
        report_date=iso_date(h.get("PERIOD")),
    )


def _all_tags(head: bytes, name: bytes) -> list[tuple[bytes, bytes]]:
    m = _HEADER_END.search(head)
    head = head[: m.start()] if m else head
    return [
        (t.group(1), t.group(2)) for t in _TAG.finditer(head) if t.group(1) == name and t.group(2).strip()
    ]


def iter_nc_archive(
    fileobj: IO[bytes], forms: frozenset[str] | None = None, notes: list[str] | None = None
) -> Iterator[tuple[FilingRef, bytes]]:
    """Yield ``(ref, bytes)`` for each ``.nc`` member of a ``.nc.tar.gz`` stream whose form is in ``forms``
    (all members when ``None``). ``notes`` collects members skipped as unreadable or too large."""
    with tarfile.open(fileobj=fileobj, mode="r|gz") as tar:
        for member in tar:
            if not member.isfile():
                continue
            if member.size > MAX_MEMBER_BYTES:
                if notes is not None:
                    notes.append(f"{member.name}: {member.size} bytes, skipped")
                continue
            f = tar.extractfile(member)
            if f is None:
                continue
            head = f.read(16384)
            ref = ref_from_nc(head, member.name)
            if ref is None:
                if notes is not None:
                    notes.append(f"{member.name}: no accession number or form type in its header")
                continue
            if forms is not None and ref.form not in forms:
                continue  # tarfile skips the rest of the member's bytes when we move on
            yield ref, head + f.read()


class FeedEntry(msgspec.Struct, frozen=True, kw_only=True):
    accession: str
    cik: str | None
    form: str
    company: str | None = None
    updated: str | None = None  # ISO 8601 as the feed prints it
    link: str | None = None


_ATOM = "{http://www.w3.org/2005/Atom}"
_CIK_IN_TITLE = re.compile(r"\((\d{4,10})\)")
_CIK_IN_LINK = re.compile(r"/data/(\d+)/")


def parse_atom(data: bytes) -> list[FeedEntry]:
    """Entries of EDGAR's latest-filings Atom feed, deduplicated on accession (a filing with a filer and a
    subject company appears twice), in feed order (newest first)."""
    try:
        root = ET.fromstring(data)
    except ET.ParseError:
        return []
    out: list[FeedEntry] = []
    seen: set[str] = set()
    for e in root.iter(f"{_ATOM}entry"):
        text = {
            tag: (e.findtext(f"{_ATOM}{tag}") or "").strip() for tag in ("title", "id", "summary", "updated")
        }
        link_el = e.find(f"{_ATOM}link")
        link = link_el.get("href") if link_el is not None else None
        acc = (
            normalize_accession(text["id"])
            or normalize_accession(text["summary"])
            or normalize_accession(link or "")
        )
        if acc is None or acc in seen:
            continue
        cat = e.find(f"{_ATOM}category")
        form = cat.get("term") if cat is not None and cat.get("term") else text["title"].split(" - ", 1)[0]
        m = _CIK_IN_TITLE.search(text["title"]) or _CIK_IN_LINK.search(link or "")
        company = text["title"].split(" - ", 1)[1] if " - " in text["title"] else None
        if company:
            company = re.sub(r"\s*\(\d{4,10}\).*$", "", company).strip() or None
        seen.add(acc)
        out.append(
            FeedEntry(
                accession=acc,
                cik=str(int(m.group(1))) if m else None,
                form=form.strip().upper(),
                company=company,
                updated=text["updated"] or None,
                link=link,
            )
        )
    return out
