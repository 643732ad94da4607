"""Build the miniature EDGAR tree that the tests serve on 127.0.0.1.

The tree holds six real 8-K submissions (copied from the project's corpus, named by accession) at their EDGAR
paths, and the lists that point at them, written in EDGAR's own formats (domain.md §4):

    files/company_tickers.json                              AAPL -> 320193, PSEM -> 1001426, SO -> 92122
    submissions/CIK0000320193.json                          Apple: recent filings + one older page
    submissions/CIK0000320193-submissions-001.json          ... the older page (arrays at top level)
    submissions/CIK0001001426.json, CIK0000003153.json
    Archives/edgar/data/{cik}/{acc_nodash}/{acc}.txt        the submissions
    Archives/edgar/daily-index/2005/QTR1/master.20050110.idx, form.20050110.idx
    Archives/edgar/daily-index/2005/QTR1/master.20050125.idx   (co-registrant rows: one per CIK)
    Archives/edgar/daily-index/2005/QTR1/form.20050202.idx     (no master: tests the fallback)
    Archives/edgar/full-index/2005/QTR1/master.idx, form.idx
    cgi-bin/latest-8k.atom                                  the latest-filings feed (served for browse-edgar)

Index rows for other forms (10-Q, SC 13G, 4...) point at files that are not in the tree: a client that
downloads them has a filtering bug. The daily feed archive is not stored (binary); :func:`make_feed`
builds ``Feed/2005/QTR1/20050125.nc.tar.gz`` from the tree's submissions when a test needs it.

Run ``python tests/edgar_tree/build.py [CORPUS_DIR]`` to rebuild (needs the corpus, default
``../shared/corpus``); the tests only read the result.
"""

from __future__ import annotations

import gzip
import io
import json
import re
import sys
import tarfile
from pathlib import Path

TREE = Path(__file__).resolve().parent

# (corpus path, accession): Apple 1996/1999/2000, Pericom 2005 x2, Southern Co. 2005 (7 co-registrants).
FILINGS = [
    ("dev/0000320193-96-000027.txt", "0000320193-96-000027"),
    ("dev/0000320193-99-000010.txt", "0000320193-99-000010"),
    ("dev/0000912057-00-002128.txt", "0000912057-00-002128"),
    ("unlabeled/0001275287-05-000056.txt", "0001275287-05-000056"),
    ("unlabeled/0001275287-05-000371.txt", "0001275287-05-000371"),
    ("dev/0000092122-05-000042.txt", "0000092122-05-000042"),
]

# Rows for other forms (never downloaded), as (cik, company, form, date, accession).
OTHER_ROWS = [
    ("320193", "APPLE COMPUTER INC", "10-Q", "1999-08-11", "0000320193-99-000009"),
    ("320193", "APPLE COMPUTER INC", "10-K", "1999-12-22", "0000320193-99-000020"),
    ("1001426", "PERICOM SEMICONDUCTOR CORP", "SC 13G", "2005-01-10", "0000950123-05-000101"),
    ("1001426", "PERICOM SEMICONDUCTOR CORP", "4", "2005-01-25", "0001209191-05-003001"),
    ("3153", "ALABAMA POWER CO", "10-K405", "2005-02-02", "0000003153-05-000002"),
    ("92122", "SOUTHERN CO", "10-Q", "2005-03-31", "0000092122-05-000099"),
]
TICKERS = {"AAPL": 320193, "PSEM": 1001426, "SO": 92122}


def header_facts(data: bytes) -> dict:
    text = data.decode("latin-1")

    def one(label: str) -> str:
        m = re.search(rf"^\s*{label}:\s*(.+?)\s*$", text, re.M)
        return m.group(1) if m else ""

    filed = one("FILED AS OF DATE")
    return {
        "accession": one("ACCESSION NUMBER"),
        "form": one("CONFORMED SUBMISSION TYPE"),
        "filed": f"{filed[:4]}-{filed[4:6]}-{filed[6:8]}",
        "period": one("CONFORMED PERIOD OF REPORT"),
        "filers": list(
            zip(
                [str(int(c)) for c in re.findall(r"CENTRAL INDEX KEY:\s*(\d+)", text)],
                re.findall(r"COMPANY CONFORMED NAME:\s*(.+?)\s*$", text, re.M),
                strict=True,
            )
        ),
    }


def txt_path(cik: str, acc: str) -> str:
    return f"Archives/edgar/data/{int(cik)}/{acc.replace('-', '')}/{acc}.txt"


def rows() -> list[tuple[str, str, str, str, str]]:
    """(cik, company, form, ISO date, accession) for every index row: one per co-registrant CIK."""
    out = []
    for _src, acc in FILINGS:
        f = header_facts(submission(acc))
        for cik, name in f["filers"]:
            out.append((cik, name, f["form"], f["filed"], acc))
    return out + OTHER_ROWS


def submission(acc: str) -> bytes:
    for p in (TREE / "Archives/edgar/data").rglob(f"{acc}.txt"):
        return p.read_bytes()
    raise FileNotFoundError(acc)


_PREAMBLE = (
    "Description:           {desc}\n"
    "Last Data Received:    {last}\n"
    "Comments:              webmaster@sec.gov\n"
    "Anonymous FTP:         ftp://ftp.sec.gov/edgar/\n"
    "Cloud HTTP:            https://www.sec.gov/Archives/\n"
    " \n"
    " \n"
)


def master_idx(rs: list, daily: bool) -> str:
    out = _PREAMBLE.format(desc="Master Index of EDGAR Dissemination Feed", last="March 31, 2005")
    out += " \n" + (
        "CIK|Company Name|Form Type|Date Filed|File Name\n"
        if daily
        else "CIK|Company Name|Form Type|Date Filed|Filename\n"
    )
    out += "-" * 80 + "\n"
    for cik, name, form, date, acc in sorted(rs, key=lambda r: (int(r[0]), r[4])):
        d = date.replace("-", "") if daily else date
        out += f"{cik}|{name}|{form}|{d}|edgar/data/{cik}/{acc}.txt\n"
    return out


def form_idx(rs: list, daily: bool) -> str:
    out = _PREAMBLE.format(desc="Daily Index of EDGAR Dissemination Feed by Form Type", last="March 31, 2005")
    # The 2026 data rows are wider than the header's 12-character form column (domain.md §4.2).
    out += f"{'Form Type':<12}{'Company Name':<62}{'CIK':<12}{'Date Filed':<12}File Name\n"
    out += "-" * 140 + "\n"
    for cik, name, form, date, acc in sorted(rs, key=lambda r: (r[2], r[1])):
        d = date.replace("-", "") if daily else date
        out += f"{form:<17}{name:<62}{cik:<12}{d:<12}edgar/data/{cik}/{acc}.txt\n"
    return out


def submissions_json(cik: str, rs: list, split_before: str | None = None) -> dict[str, dict]:
    """{file name: JSON} for a company: main file (newest first) and, with ``split_before``, an older page."""
    mine = sorted([r for r in rs if r[0] == cik], key=lambda r: r[3], reverse=True)
    facts = {}
    for _src, acc in FILINGS:
        facts[acc] = header_facts(submission(acc))

    def columns(sel: list) -> dict:
        cols: dict[str, list] = {
            k: []
            for k in (
                "accessionNumber",
                "filingDate",
                "reportDate",
                "acceptanceDateTime",
                "act",
                "form",
                "fileNumber",
                "filmNumber",
                "items",
                "size",
                "isXBRL",
                "isInlineXBRL",
                "primaryDocument",
                "primaryDocDescription",
            )
        }
        for _cik, _name, form, date, acc in sel:
            p = facts.get(acc, {}).get("period", "")
            cols["accessionNumber"].append(acc)
            cols["filingDate"].append(date)
            cols["reportDate"].append(f"{p[:4]}-{p[4:6]}-{p[6:8]}" if p else "")
            cols["acceptanceDateTime"].append(f"{date}T00:00:00.000Z")
            cols["act"].append("34")
            cols["form"].append(form)
            cols["fileNumber"].append("")
            cols["filmNumber"].append("")
            cols["items"].append("")
            cols["size"].append(len(submission(acc)) if acc in facts else 0)
            cols["isXBRL"].append(0)
            cols["isInlineXBRL"].append(0)
            cols["primaryDocument"].append(f"{acc}.txt")
            cols["primaryDocDescription"].append("")
        return cols

    name = mine[0][1]
    recent = [r for r in mine if not split_before or r[3] >= split_before]
    older = [r for r in mine if split_before and r[3] < split_before]
    main = {
        "cik": cik,
        "entityType": "operating",
        "name": name,
        "tickers": [t for t, c in TICKERS.items() if str(c) == cik],
        "filings": {"recent": columns(recent), "files": []},
    }
    out = {f"CIK{int(cik):010d}.json": main}
    if older:
        page = f"CIK{int(cik):010d}-submissions-001.json"
        main["filings"]["files"].append(
            {"name": page, "filingCount": len(older), "filingFrom": older[-1][3], "filingTo": older[0][3]}
        )
        out[page] = columns(older)
    return out


def atom(entries: list[tuple[str, str, str, str, str]]) -> str:
    """The latest-filings Atom feed for (cik, company, form, updated, accession) entries, newest first."""
    parts = [
        '<?xml version="1.0" encoding="ISO-8859-1" ?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        "<title>Latest Filings - Tue, 25 Jan 2005 17:00:00 EST</title>",
        '<link rel="alternate" href="/cgi-bin/browse-edgar?action=getcurrent"/>',
        "<author><name>Webmaster</name><email>webmaster@sec.gov</email></author>",
        "<updated>2005-01-25T17:00:00-05:00</updated>",
    ]
    for cik, name, form, updated, acc in entries:
        nodash = acc.replace("-", "")
        parts += [
            "<entry>",
            f"<title>{form} - {name} ({int(cik):010d}) (Filer)</title>",
            f'<link rel="alternate" type="text/html" href="https://www.sec.gov/Archives/edgar/data/{cik}/{nodash}/{acc}-index.htm"/>',
            f'<summary type="html"> &lt;b&gt;Filed:&lt;/b&gt; {updated[:10]} &lt;b&gt;AccNo:&lt;/b&gt; {acc} &lt;b&gt;Size:&lt;/b&gt; 40 KB</summary>',
            f"<updated>{updated}</updated>",
            f'<category scheme="https://www.sec.gov/" label="form type" term="{form}"/>',
            f"<id>urn:tag:sec.gov,2008:accession-number={acc}</id>",
            "</entry>",
        ]
    parts.append("</feed>")
    return "\n".join(parts) + "\n"


def nc_bytes(data: bytes) -> bytes:
    """A feed ``.nc`` for a submission ``.txt``: ``<SUBMISSION>`` tagged header, then its documents."""
    text = data.decode("latin-1").replace("\r\n", "\n")
    f = header_facts(data)
    head = [
        "<SUBMISSION>",
        f"<ACCESSION-NUMBER>{f['accession']}",
        f"<TYPE>{f['form']}",
        f"<PERIOD>{f['period']}",
        f"<FILING-DATE>{f['filed'].replace('-', '')}",
    ]
    for cik, name in f["filers"]:
        head += [
            "<FILER>",
            "<COMPANY-DATA>",
            f"<CONFORMED-NAME>{name}",
            f"<CIK>{int(cik):010d}",
            "</COMPANY-DATA>",
            "</FILER>",
        ]
    docs = re.findall(r"<DOCUMENT>.*?</DOCUMENT>", text, re.S)
    return ("\n".join(head) + "\n" + "\n".join(docs) + "\n</SUBMISSION>\n").encode("latin-1")


def make_feed(root: Path, day: str = "20050125") -> Path:
    """Write ``Feed/{YYYY}/QTR{n}/{day}.nc.tar.gz`` under ``root``: the .nc of each tree submission filed that
    day, plus a Form 4 and a 10-Q (which a client must skip). Deterministic bytes (fixed mtimes)."""
    iso = f"{day[:4]}-{day[4:6]}-{day[6:8]}"
    members: list[tuple[str, bytes]] = []
    for _src, acc in FILINGS:
        data = submission(acc)
        if header_facts(data)["filed"] == iso:
            members.append((f"{acc}.nc", nc_bytes(data)))
    for acc, form in (("0001209191-05-003001", "4"), ("0000003153-05-000003", "10-Q")):
        filler = "filler line\n" * 3000
        body = f"<SUBMISSION>\n<ACCESSION-NUMBER>{acc}\n<TYPE>{form}\n<FILING-DATE>{day}\n<DOCUMENT>\n<TYPE>{form}\n<TEXT>\n{filler}</TEXT>\n</DOCUMENT>\n</SUBMISSION>\n"
        members.insert(len(members) // 2, (f"{acc}.nc", body.encode()))
    buf = io.BytesIO()
    with tarfile.open(fileobj=buf, mode="w", format=tarfile.USTAR_FORMAT) as tar:
        for name, body in members:
            info = tarfile.TarInfo(name)
            info.size = len(body)
            info.mtime = 1106690400
            tar.addfile(info, io.BytesIO(body))
    q = (int(day[4:6]) - 1) // 3 + 1
    out = root / f"Archives/edgar/Feed/{day[:4]}/QTR{q}/{day}.nc.tar.gz"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_bytes(gzip.compress(buf.getvalue(), mtime=0))
    return out


def build(corpus: Path) -> None:
    for src, acc in FILINGS:
        data = (corpus / src).read_bytes()
        f = header_facts(data)
        assert f["accession"] == acc, (src, f["accession"])
        dest = TREE / txt_path(f["filers"][0][0], acc)
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_bytes(data)
    rs = rows()
    di = TREE / "Archives/edgar/daily-index/2005/QTR1"
    di.mkdir(parents=True, exist_ok=True)
    for day, kinds in (("20050110", ("master", "form")), ("20050125", ("master",)), ("20050202", ("form",))):
        iso = f"{day[:4]}-{day[4:6]}-{day[6:8]}"
        sel = [r for r in rs if r[3] == iso]
        for kind in kinds:
            text = master_idx(sel, True) if kind == "master" else form_idx(sel, True)
            (di / f"{kind}.{day}.idx").write_text(text)
    fi = TREE / "Archives/edgar/full-index/2005/QTR1"
    fi.mkdir(parents=True, exist_ok=True)
    q1 = [r for r in rs if "2005-01-01" <= r[3] <= "2005-03-31"]
    (fi / "master.idx").write_text(master_idx(q1, False))
    (fi / "form.idx").write_text(form_idx(q1, False))
    sub = TREE / "submissions"
    sub.mkdir(exist_ok=True)
    for cik, split in (("320193", "2000-01-01"), ("1001426", None), ("3153", None), ("92122", None)):
        for name, doc in submissions_json(cik, rs, split).items():
            (sub / name).write_text(json.dumps(doc, indent=1) + "\n")
    files = TREE / "files"
    files.mkdir(exist_ok=True)
    tick = {str(i): {"cik_str": c, "ticker": t, "title": t} for i, (t, c) in enumerate(TICKERS.items())}
    (files / "company_tickers.json").write_text(json.dumps(tick, indent=1) + "\n")
    cgi = TREE / "cgi-bin"
    cgi.mkdir(exist_ok=True)
    latest = [
        ("3153", "ALABAMA POWER CO", "8-K", "2005-01-25T16:05:11-05:00", "0000092122-05-000042"),
        ("1001426", "PERICOM SEMICONDUCTOR CORP", "8-K", "2005-01-10T09:00:00-05:00", "0001275287-05-000056"),
    ]
    (cgi / "latest-8k.atom").write_text(atom(latest))


if __name__ == "__main__":
    build(Path(sys.argv[1]) if len(sys.argv) > 1 else TREE.parents[2].parent / "shared" / "corpus")
