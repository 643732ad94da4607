"""``eightk ingest``, ``eightk export`` and ``eightk query``: the store from the command line."""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from eightk.errors import EightkError

DEFAULT_DB = "eightk.db"


def _db_option(f: Any) -> Any:
    return click.option(
        "--db",
        "db",
        default=lambda: os.environ.get("EIGHTK_DB", DEFAULT_DB),
        show_default="$EIGHTK_DB or eightk.db",
        type=click.Path(dir_okay=False),
        help="The SQLite database file.",
    )(f)


@click.command("ingest")
@click.argument("paths", nargs=-1, type=click.Path(exists=True))
@_db_option
@click.option(
    "--jobs", "-j", type=click.IntRange(min=1), default=None, help="Processes (default: all cores)."
)
@click.option("--force", is_flag=True, help="Re-ingest inputs already stored by this parser version.")
@click.option(
    "--batch", type=click.IntRange(min=1), default=200, show_default=True, help="Inputs per commit."
)
@click.option("--no-progress", is_flag=True, help="No progress bar (one summary line at the end).")
@click.option(
    "--engine",
    type=click.Choice(["local", "dask"]),
    default="local",
    show_default=True,
    help="local: a process pool writing the SQLite database. dask: a Dask cluster writing partitioned "
    "Parquet to --out (optional extra: pip install 'eightk[dask]').",
)
@click.option("--out", type=click.Path(file_okay=False), help="Parquet folder of the dask engine.")
@click.option("--scheduler", help="Dask scheduler address (tcp://host:8786); default: a local cluster.")
@click.option(
    "--partition-size",
    type=click.IntRange(min=1),
    default=64,
    show_default=True,
    help="Inputs per Dask task.",
)
@click.option("--from-edgar", is_flag=True, help="Download the 8-Ks to ingest from EDGAR instead of PATHs.")
@click.option(
    "--cik", "ciks", multiple=True, help="With --from-edgar: a company's CIK or ticker (repeatable)."
)
@click.option("--start", help="With --from-edgar: first filing date (ISO).")
@click.option(
    "--end", help="With --from-edgar: last filing date (ISO; default: --start, or today with --cik)."
)
@click.option(
    "--form", "forms", multiple=True, help="With --from-edgar: form types (default: 8-K and variants)."
)
@click.option(
    "--user-agent", help="With --from-edgar: 'Name email' the SEC requires (or $EIGHTK_USER_AGENT)."
)
def ingest_cmd(
    paths: tuple[str, ...],
    db: str,
    jobs: int | None,
    force: bool,
    batch: int,
    no_progress: bool,
    engine: str,
    out: str | None,
    scheduler: str | None,
    partition_size: int,
    from_edgar: bool,
    ciks: tuple[str, ...],
    start: str | None,
    end: str | None,
    forms: tuple[str, ...],
    user_agent: str | None,
) -> None:
    """Parse 8-K filings into the database: every input ends stored or in the errors table.

    PATH is a submission file, a folder holding one filing's documents, or a folder of many submissions.
    Filings are keyed by accession number (else the input's name): re-ingesting replaces, never
    duplicates. A run that is killed resumes where it stopped when run again (inputs already stored by
    this parser version are skipped; --force redoes them). Exit status: 0 when every input was stored,
    1 when some ended in the errors table (eightk query errors lists them).

    \b
    Examples:
      eightk ingest ../shared/corpus/dev --db filings.db
      eightk ingest --from-edgar --cik AAPL --start 2024-01-01 --db filings.db
      eightk ingest corpus/ --engine dask --out parquet/ --scheduler tcp://10.0.0.5:8786
    Then: sqlite3 filings.db, datasette filings.db, eightk query, eightk export.
    """
    from eightk.jobs.bulk import ingest_blobs, ingest_paths, print_summary

    progress = not no_progress
    try:
        if engine == "dask":
            if from_edgar:
                raise click.UsageError("--from-edgar works with the local engine only")
            if not paths or not out:
                raise click.UsageError("the dask engine needs PATHs and --out")
            from eightk.jobs.distributed import run_dask

            totals = run_dask(
                list(paths), out, scheduler=scheduler, partition_size=partition_size, workers=jobs
            )
            click.echo(
                f"{totals['stored']} stored, {totals['errors']} errors in {totals['partitions']} partitions "
                f"({totals['skipped']} already done) -> {out}",
                err=True,
            )
            if totals["errors"]:
                sys.exit(1)
            return
        if from_edgar:
            if paths:
                raise click.UsageError("give PATHs or --from-edgar, not both")
            refs, client = _edgar_refs(ciks, start, end, forms, user_agent)
            with client:
                blobs = ((f"edgar:{r.accession}", r.accession, _downloader(client, r)) for r in refs)
                summary = ingest_blobs(
                    db, blobs, len(refs), jobs=jobs, batch=batch, force=force, progress=progress
                )
        else:
            if not paths:
                raise click.UsageError("give one or more PATHs (or --from-edgar)")
            summary = ingest_paths(db, paths, jobs=jobs, batch=batch, force=force, progress=progress)
    except EightkError as e:
        raise click.ClickException(str(e)) from e
    print_summary(summary, samples=5)
    if summary.errors:
        click.echo(f"  all errors: eightk query --db {db} errors", err=True)
        # Like eightk parse: a run that could not store every input says so in its exit status, so a
        # script (cron, CI) notices; the stored inputs are kept.
        sys.exit(1)


def _downloader(client: Any, ref: Any) -> Any:
    return lambda: client.download(ref)


def _edgar_refs(
    ciks: tuple[str, ...], start: str | None, end: str | None, forms: tuple[str, ...], user_agent: str | None
) -> tuple[list[Any], Any]:
    """The filings to download: a company's (--cik) or every 8-K of a date range (daily indexes)."""
    import datetime as dt

    from eightk.sources.edgar import EdgarClient

    if not ciks and not start:
        raise click.UsageError("--from-edgar needs --cik and/or --start")
    client = EdgarClient(user_agent=user_agent)
    f = list(forms) or None
    if ciks:
        refs: list[Any] = []
        for c in ciks:
            refs += client.company_filings(c, f, start, end)
    else:
        refs = client.filings_between(start, end or start or dt.date.today().isoformat(), f)
    return refs, client


@click.command("export")
@_db_option
@click.option(
    "--format", "fmt", type=click.Choice(["parquet", "csv", "jsonl"]), default="parquet", show_default=True
)
@click.option("--out", "-o", required=True, type=click.Path(file_okay=False), help="Output folder.")
@click.option(
    "--table", "tables", multiple=True, help="Tables to export (repeatable; default: all but documents)."
)
@click.option("--company", help="CIK, ticker or part of the company name.")
@click.option("--cik")
@click.option("--ticker")
@click.option("--form-type")
@click.option("--item", help="Filings with this item (today's numbering, e.g. 2.02).")
@click.option("--from", "date_from", help="First date (ISO, inclusive).")
@click.option("--to", "date_to", help="Last date (ISO, inclusive).")
def export_cmd(db: str, fmt: str, out: str, tables: tuple[str, ...], **filters: str | None) -> None:
    """Export the database: Parquet partitioned by year (OUT/<table>/year=YYYY/), CSV or JSON Lines.

    \b
    Example:
      eightk export --format parquet --out data/ --from 2020-01-01
      duckdb -c "select security, count(*) from 'data/offerings/**/*.parquet' group by 1"
    """
    import time

    from eightk.store.export import export

    t0 = time.monotonic()
    try:
        counts = export(db, out, fmt, tables=tables or None, **filters)
    except EightkError as e:
        raise click.ClickException(str(e)) from e
    summary = ", ".join(f"{n} {t}" for t, n in counts.items())
    click.echo(f"exported {summary} to {out} in {time.monotonic() - t0:.1f} s", err=True)


# --- query ---------------------------------------------------------------------------------------


def _reader(db: str) -> Any:
    from eightk.store.query import Reader

    try:
        return Reader(db)
    except EightkError as e:
        raise click.ClickException(str(e)) from e


def _emit(rows: Any, as_json: bool, columns: list[str] | None = None, title: str | None = None) -> None:
    if as_json:
        from eightk.serialize import to_json

        sys.stdout.buffer.write(to_json(rows) + b"\n")
        return
    from rich.console import Console
    from rich.table import Table

    console = Console()
    if not console.is_terminal:  # piped (less, a file): no terminal width to fit, keep rows readable
        console = Console(width=200)
    if not rows:
        console.print("[dim]nothing found[/dim]")
        return
    cols = columns or list(rows[0].keys())
    t = Table(title=title, show_lines=False)
    for c in cols:
        # keys and dates stay whole (copy-pasteable); long text columns wrap
        t.add_column(c, overflow="fold", no_wrap=c in _NO_WRAP)
    for r in rows:
        t.add_row(*(_cell(r.get(c)) for c in cols))
    console.print(t)


_NO_WRAP = {
    "accession",
    "date",
    "filing_date",
    "cik",
    "form_type",
    "form",
    "input_id",
    "code",
    "code_2004",
    "ticker",
}


def _cell(v: Any) -> str:
    if v is None:
        return ""
    if isinstance(v, float):
        return f"{v:,.2f}".rstrip("0").rstrip(".") if v != int(v) or abs(v) < 1e15 else str(v)
    if isinstance(v, list | tuple):
        return " ".join(str(x) for x in v)
    return str(v)


_json_opt = click.option("--json", "as_json", is_flag=True, help="JSON for scripts instead of a table.")
_page_opts = [
    click.option("--limit", type=click.IntRange(min=1), default=50, show_default=True),
    click.option("--offset", type=click.IntRange(min=0), default=0),
]


def _paged(f: Any) -> Any:
    for o in reversed(_page_opts):
        f = o(f)
    return f


@click.group("query")
@_db_option
@click.pass_context
def query_cmd(ctx: click.Context, db: str) -> None:
    """Query the database: offerings, a company's timeline, a filing's items, full-text search.

    \b
    Examples:
      eightk query offerings --security common_stock --min-size 10000000 --from 2020-01-01
      eightk query timeline AAPL
      eightk query filing 0000320193-18-000142
      eightk query search '"going concern"' --json | jq '.[].accession'
    """
    ctx.obj = db


@query_cmd.command("filings")
@click.option("--company", help="CIK, ticker or part of the name.")
@click.option("--cik")
@click.option("--ticker")
@click.option("--item", help="An item code in today's numbering (2.02).")
@click.option("--form-type")
@click.option("--from", "date_from")
@click.option("--to", "date_to")
@_paged
@_json_opt
@click.pass_obj
def q_filings(db: str, as_json: bool, **kw: Any) -> None:
    """Filings, newest first."""
    rows = _reader(db).list_filings(**kw)
    _emit(rows, as_json, ["accession", "date", "form_type", "cik", "company", "ticker", "items"])


@query_cmd.command("offerings")
@click.option("--company", help="CIK, ticker or part of the name.")
@click.option("--cik")
@click.option("--ticker")
@click.option(
    "--security",
    type=click.Choice(
        ["common_stock", "preferred_stock", "units", "convertible_notes", "notes", "warrants", "other"]
    ),
)
@click.option(
    "--min-size", type=float, help="Smallest size (gross proceeds, else principal, else shares x price)."
)
@click.option("--max-size", type=float)
@click.option("--registered/--unregistered", default=None)
@click.option("--from", "date_from")
@click.option("--to", "date_to")
@_paged
@_json_opt
@click.pass_obj
def q_offerings(db: str, as_json: bool, **kw: Any) -> None:
    """Offerings by company, date, security type and size."""
    rows = _reader(db).list_offerings(**kw)
    _emit(
        rows,
        as_json,
        [
            "accession",
            "filing_date",
            "company",
            "security",
            "shares",
            "price_per_share",
            "size",
            "registered",
        ],
    )


@query_cmd.command("timeline")
@click.argument("company")
@click.option("--limit", type=click.IntRange(min=1), default=500, show_default=True)
@_json_opt
@click.pass_obj
def q_timeline(db: str, company: str, limit: int, as_json: bool) -> None:
    """A company's events by date (COMPANY: CIK, ticker or part of the name)."""
    rows = _reader(db).timeline(company, limit=limit)
    if as_json:
        _emit(rows, True)
        return
    flat = []
    for r in rows:
        events = []
        for o in r["offerings"]:
            events.append(
                f"offering {o.get('security') or ''} {_cell(o.get('gross_proceeds') or o.get('principal_amount') or o.get('shares'))}"
            )
        for oc in r["officer_changes"]:
            events.append(f"{oc['change']}: {oc['person']} ({oc.get('role') or ''})")
        if r["auditor_change"]:
            events.append(f"auditor change: {r['auditor_change'].get('new_auditor') or ''}")
        if r["results"]:
            events.append(f"results {r['results'].get('period_end') or ''}")
        if r["shareholder_vote"]:
            events.append("shareholder vote")
        titles = "; ".join(f"{i['code_2004'] or i['code']} {i['title'] or ''}".strip() for i in r["items"])
        flat.append(
            {
                "date": r["date"],
                "accession": r["accession"],
                "form": r["form_type"],
                "items": titles,
                "events": "; ".join(events),
            }
        )
    _emit(flat, False, title=f"timeline: {company}")


@query_cmd.command("filing")
@click.argument("key")
@click.option("--text", "with_text", is_flag=True, help="With --json: include the documents' text.")
@_json_opt
@click.pass_obj
def q_filing(db: str, key: str, with_text: bool, as_json: bool) -> None:
    """A filing's items (KEY: accession number or input id); --json for everything with evidence."""
    r = _reader(db)
    if as_json:
        f = r.get_filing(key, with_text=with_text)
        if f is None:
            raise click.ClickException(f"no filing {key} in {db}")
        _emit(f, True)
        return
    k = r.resolve_key(key)
    if k is None:
        raise click.ClickException(f"no filing {key} in {db}")
    s = r.filing_summary(k)
    click.echo(
        f"{k}  {s['form_type'] or ''}  {s['date'] or ''}  {s['company'] or ''} (CIK {s['cik'] or '?'})"
    )
    items = r.items(k)
    for it in items:
        it["text"] = (it.get("text") or "").strip().replace("\n", " ")[:300]
    _emit(items, False, ["code", "code_2004", "title", "text"])


@query_cmd.command("search")
@click.argument("query")
@_paged
@_json_opt
@click.pass_obj
def q_search(db: str, query: str, limit: int, offset: int, as_json: bool) -> None:
    """Full-text search over item texts (FTS5: words, "a phrase", a NEAR b, a OR b, prefix*)."""
    rows = _reader(db).search(query, limit=limit, offset=offset)
    _emit(rows, as_json, ["accession", "date", "company", "code", "snippet"])


@query_cmd.command("errors")
@_paged
@_json_opt
@click.pass_obj
def q_errors(db: str, limit: int, offset: int, as_json: bool) -> None:
    """Inputs that could not be stored, and why."""
    rows = _reader(db).errors(limit=limit, offset=offset)
    _emit(rows, as_json, ["input_id", "reason", "source"])


commands = [ingest_cmd, export_cmd, query_cmd]
