"""Silver check on unlabeled filings: how often the parsed cover and items agree with the SEC header.

The printed cover and the EDGAR header are written separately (the header by EDGAR from the filer's
profile), so their agreement on unlabeled filings estimates accuracy on filings nobody tuned to. A
disagreement is not always a parser error (names change, headers abbreviate), so read the listed cases.

    python bench/consistency.py ../shared/corpus/unlabeled [--show 20]
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from collections import Counter


def fold(s: object) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(s).lower()).split())


def digits(s: object) -> str:
    return re.sub(r"\D", "", str(s or ""))


def file_no(s: object) -> tuple[int, ...]:
    """'001-00442' and '1-442' are the same file number."""
    return tuple(int(p) for p in re.findall(r"\d+", str(s or "")))


_SUFFIXES = {"corporation": "corp", "incorporated": "inc", "company": "co", "limited": "ltd", "the": ""}


def name_key(s: object) -> str:
    words = [_SUFFIXES.get(w, w) for w in fold(s).split()]
    return " ".join(w for w in words if w)[:14]


STATES = {
    "delaware": "de",
    "nevada": "nv",
    "california": "ca",
    "new york": "ny",
    "texas": "tx",
    "maryland": "md",
    "florida": "fl",
    "ohio": "oh",
    "pennsylvania": "pa",
    "new jersey": "nj",
    "massachusetts": "ma",
    "washington": "wa",
    "virginia": "va",
    "minnesota": "mn",
    "colorado": "co",
    "georgia": "ga",
    "utah": "ut",
    "michigan": "mi",
    "illinois": "il",
    "north carolina": "nc",
    "indiana": "in",
    "wisconsin": "wi",
    "missouri": "mo",
    "oregon": "or",
    "arizona": "az",
    "tennessee": "tn",
    "connecticut": "ct",
    "louisiana": "la",
    "oklahoma": "ok",
    "kentucky": "ky",
    "iowa": "ia",
    "kansas": "ks",
    "alabama": "al",
}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--show", type=int, default=15, help="disagreements to list per field")
    a = ap.parse_args()
    out = subprocess.run(
        [sys.executable, "-m", "eightk", "parse", "--format", "jsonl", *a.paths],
        capture_output=True,
        check=False,
    ).stdout
    agree: Counter[str] = Counter()
    total: Counter[str] = Counter()
    missing: Counter[str] = Counter()
    bad: dict[str, list[str]] = {}
    for line in out.splitlines():
        f = json.loads(line)
        h = f.get("header")
        if "error" in f or not h or not h.get("filers"):
            continue
        c = f["cover"]
        filer = h["filers"][0]
        fid = f["id"]
        checks = {
            "irs_employer_id": (digits(c.get("irs_employer_id")), digits(filer.get("irs_number"))),
            "commission_file_number": (
                {file_no(x) for x in str(c.get("commission_file_number") or "").split(";")},
                file_no(filer.get("file_number")),
            ),
            "incorporation_state": (
                STATES.get(fold(c.get("incorporation_state")), fold(c.get("incorporation_state"))),
                fold(filer.get("state_of_incorporation")),
            ),
            "report_date": (c.get("report_date"), h.get("period")),
            "registrant_name": (name_key(c.get("registrant_name")), name_key(filer.get("name"))),
        }
        for k, (got, ref) in checks.items():
            if not ref or ref in ("000000000",) or (isinstance(ref, str) and set(ref) <= {"0"}):
                continue
            total[k] += 1
            if not got or got in ({""}, {()}):
                missing[k] += 1
                continue
            ok = ref in got if isinstance(got, set) else got == ref
            agree[k] += ok
            if not ok:
                bad.setdefault(k, []).append(f"{fid}: parsed={got!r} header={ref!r}")
        if h.get("items") and (h.get("filed_date") or "") >= "2004-08-23":
            total["items"] += 1
            body = {i["code_2004"] for i in f["items"]}
            ok = set(h["items"]) == body
            agree["items"] += ok
            if not ok:
                bad.setdefault("items", []).append(f"{fid}: body={sorted(body)} header={sorted(h['items'])}")
    for k in total:
        n = total[k]
        print(f"{k:24} agree {agree[k]:4}/{n:<4} ({agree[k] / n:.1%})  missing {missing[k]}")
    for k, rows in bad.items():
        print(f"\n{k}: {len(rows)} disagreements")
        for r in rows[: a.show]:
            print("  " + r)
    return 0


if __name__ == "__main__":
    sys.exit(main())
