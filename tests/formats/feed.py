"""Turn an EDGAR ``.txt`` full submission into the daily-feed ``.nc`` dialect (domain.md 3.3 and 3.5).

No feed file is in the corpus, so the fixture ``tests/formats/feed-<accession>.nc`` (outside tests/filings, where accessions are unique) was built with this from
the corpus filing of the same accession: a ``<SUBMISSION>``-rooted tagged header (``<ITEMS>`` as codes,
no ``<ACCEPTANCE-DATETIME>``), then the same ``<DOCUMENT>`` blocks, no ``<SEC-DOCUMENT>`` wrapper, CR line
endings after the first line. Regenerate: ``python -m tests.formats.feed SRC.txt DEST.nc``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from eightk.formats.container import load
from eightk.formats.header import parse_header
from eightk.model import Address


def _addr(tag: str, a: Address | None) -> list[str]:
    if a is None:
        return []
    out = [f"<{tag}>"]
    for k, v in (("STREET1", a.street1), ("STREET2", a.street2), ("CITY", a.city), ("STATE", a.state)):
        if v:
            out.append(f"<{k}>{v}")
    if a.zip:
        out.append(f"<ZIP>{a.zip}")
    if a.phone:
        out.append(f"<PHONE>{a.phone}")
    return [*out, f"</{tag}>"]


def to_feed(data: bytes) -> bytes:
    c = load(data)
    h = parse_header(c.header_text)
    assert h is not None and h.accession_number and h.filed_date
    lines = ["<SUBMISSION>", f"<ACCESSION-NUMBER>{h.accession_number}", f"<TYPE>{h.form_type}"]
    lines.append(f"<PUBLIC-DOCUMENT-COUNT>{h.public_document_count}")
    if h.period:
        lines.append(f"<PERIOD>{h.period.replace('-', '')}")
    lines += [f"<ITEMS>{code}" for code in h.items]
    lines.append(f"<FILING-DATE>{h.filed_date.replace('-', '')}")
    if h.date_of_change:
        lines.append(f"<DATE-OF-FILING-DATE-CHANGE>{h.date_of_change.replace('-', '')}")
    for f in h.filers:
        lines += ["<FILER>", "<COMPANY-DATA>", f"<CONFORMED-NAME>{f.name}", f"<CIK>{f.cik}"]
        if f.sic:
            lines.append(f"<ASSIGNED-SIC>{f.sic}")
        if f.irs_number:
            lines.append(f"<IRS-NUMBER>{f.irs_number}")
        if f.state_of_incorporation:
            lines.append(f"<STATE-OF-INCORPORATION>{f.state_of_incorporation}")
        if f.fiscal_year_end:
            lines.append(f"<FISCAL-YEAR-END>{f.fiscal_year_end}")
        lines += ["</COMPANY-DATA>", "<FILING-VALUES>", f"<FORM-TYPE>{f.form_type}", "<ACT>34"]
        lines += [f"<FILE-NUMBER>{f.file_number}", f"<FILM-NUMBER>{f.film_number}", "</FILING-VALUES>"]
        lines += _addr("BUSINESS-ADDRESS", f.business_address) + _addr("MAIL-ADDRESS", f.mail_address)
        for fn in f.former_names:
            lines += ["<FORMER-COMPANY>", f"<FORMER-CONFORMED-NAME>{fn.name}"]
            if fn.date_changed:
                lines.append(f"<DATE-CHANGED>{fn.date_changed.replace('-', '')}")
            lines.append("</FORMER-COMPANY>")
        lines.append("</FILER>")
    src = c.source
    first = src.find("<DOCUMENT>")
    end = src.rfind("</SEC-DOCUMENT>")
    body = src[first : end if end > first else len(src)].rstrip("\n")
    text = "\n".join(lines) + "\n" + body + "\n</SUBMISSION>\n"
    head, _, rest = text.partition("\n")
    return (head + "\n" + rest.replace("\n", "\r")).encode("utf-8")


if __name__ == "__main__":
    Path(sys.argv[2]).write_bytes(to_feed(Path(sys.argv[1]).read_bytes()))
