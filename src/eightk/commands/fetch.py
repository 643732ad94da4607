"""``eightk fetch`` (download 8-K submissions from EDGAR) and ``eightk watch`` (ingest new ones as they appear).

Both go through :class:`eightk.sources.edgar.EdgarClient`: declared User-Agent, at most 10 requests/s across
every process sharing the cache folder, retries with backoff, resumed downloads, a SHA-256 cache.
"""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor, as_completed
from pathlib import Path

import click

from eightk.errors import EightkError, FetchError, UserAgentRequired

SOURCES = ("submissions", "daily", "full", "feed")


def _edgar_options(f: Callable) -> Callable:
    opts = [
        click.option(
            "--user-agent",
            envvar="EIGHTK_USER_AGENT",
            show_envvar=True,
            help='Who you are, as the SEC requires: "Name email@domain". Required.',
        ),
        click.option(
            "--edgar-url",
            envvar="EIGHTK_EDGAR_URL",
            show_envvar=True,
            default=None,
            help="EDGAR base URL (default https://www.sec.gov; data.sec.gov is used for the submissions "
            "API unless this is set, then the same host serves both).",
        ),
        click.option(
            "--cache-dir",
            type=click.Path(file_okay=False),
            envvar="EIGHTK_CACHE_DIR",
            show_envvar=True,
            default=None,
            help="Download cache and shared rate-limit state (default ~/.cache/eightk/edgar).",
        ),
        click.option(
            "--rate",
            type=click.FloatRange(min=0.1),
            default=10,
            show_default=True,
            help="Requests per second (at most 10, the SEC's limit), shared by all eightk processes using "
            "the same cache folder.",
        ),
    ]
    for o in reversed(opts):
        f = o(f)
    return f


def _client(user_agent: str | None, edgar_url: str | None, cache_dir: str | None, rate: float, log):
    from eightk.sources.edgar import EdgarClient

    try:
        return EdgarClient(
            user_agent=user_agent or "", base_url=edgar_url, cache_dir=cache_dir, rate=rate, log=log
        )
    except UserAgentRequired as e:
        raise click.UsageError(str(e)) from None
    except ValueError as e:
        raise click.BadParameter(str(e), param_hint="--rate") from None


def _date_arg(ctx: click.Context, param: click.Parameter, value: str | None) -> dt.date | None:
    if value is None:
        return None
    if value.lower() == "today":
        return dt.date.today()
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)") from None


def _existing(out: Path, accession: str) -> Path | None:
    for ext in (".txt", ".nc"):
        p = out / f"{accession}{ext}"
        if p.exists() and p.stat().st_size > 0:
            return p
    return None


def _save(out: Path, name: str, data: bytes) -> Path:
    """Write atomically: an interrupted run never leaves a half file that a resumed run would skip."""
    out.mkdir(parents=True, exist_ok=True)
    dest = out / name
    fd, tmp = tempfile.mkstemp(dir=out, prefix=".part-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, dest)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return dest


def _progress(quiet: bool):
    from rich.console import Console
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )

    class RateColumn(TextColumn):
        def __init__(self) -> None:
            super().__init__("")

        def render(self, task):  # type: ignore[override]
            from rich.text import Text

            speed = task.finished_speed or task.speed
            return Text(f"{speed:.1f} filings/s" if speed else "", style="progress.data.speed")

    return Progress(
        TextColumn("[progress.description]{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        RateColumn(),
        TimeElapsedColumn(),
        TextColumn("eta"),
        TimeRemainingColumn(),
        console=Console(stderr=True),
        disable=quiet,
        transient=False,
    )


@click.command("fetch")
@click.argument("companies", nargs=-1)
@click.option("--from", "start", callback=_date_arg, help="First filing date (YYYY-MM-DD), inclusive.")
@click.option(
    "--to", "end", callback=_date_arg, help="Last filing date, inclusive (default: today; --date sets both)."
)
@click.option("--date", "day", callback=_date_arg, help="One day: the same as --from DAY --to DAY.")
@click.option(
    "--form",
    "forms",
    multiple=True,
    help="Form type to keep, repeatable (8-K, 8-K/A, 8-K12B...). Default: 8-K and every variant.",
)
@click.option(
    "--source",
    type=click.Choice(SOURCES),
    default=None,
    help="Where the list of filings comes from: submissions (the companies' submissions JSON; the default "
    "when COMPANIES are given), daily (daily index files; the default otherwise), full (quarterly index "
    "files), feed (daily feed archives .nc.tar.gz, streamed; saves <accession>.nc).",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="edgar",
    show_default=True,
    help="Folder for <accession>.txt files; ones already there are skipped.",
)
@click.option(
    "--list", "list_only", is_flag=True, help="Print the filings found (JSON lines); download nothing."
)
@click.option("--limit", type=click.IntRange(1), default=None, help="Stop after this many filings.")
@click.option(
    "--jobs", type=click.IntRange(1, 16), default=4, show_default=True, help="Downloads in flight at once."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar; only the summary and errors.")
@_edgar_options
def fetch_cmd(
    companies: tuple[str, ...],
    start: dt.date | None,
    end: dt.date | None,
    day: dt.date | None,
    forms: tuple[str, ...],
    source: str | None,
    out: str,
    list_only: bool,
    limit: int | None,
    jobs: int,
    quiet: bool,
    user_agent: str | None,
    edgar_url: str | None,
    cache_dir: str | None,
    rate: float,
) -> None:
    """Download 8-K submissions from EDGAR into a folder, politely.

    COMPANIES are CIKs or tickers (tickers resolve through company_tickers.json, which knows current
    listings only). Each filing is saved as OUT/<accession>.txt, the complete submission.

    \b
    Examples:
      eightk fetch AAPL --from 2024-01-01 --to 2024-12-31 --user-agent "Jane Doe jane@example.com"
      eightk fetch --date 2024-03-15                      # every 8-K of one day (daily index)
      eightk fetch 320193 --form 8-K/A --from 2010-01-01  # amendments only
      eightk fetch --source full --from 2024-01-01 --to 2024-03-31 --list

    The SEC allows at most 10 requests per second; eightk keeps below that across all of its processes
    that share the cache folder, and resumes where it stopped when run again.
    """
    if day is not None:
        start = end = day
    if source is None:
        source = "submissions" if companies else "daily"
    if source == "submissions" and not companies:
        raise click.UsageError("--source submissions needs at least one company (CIK or ticker)")
    if source in ("daily", "full", "feed") and start is None:
        raise click.UsageError(f"--source {source} needs a date: --date DAY or --from DAY [--to DAY]")
    if start is not None and end is None:
        end = dt.date.today()
    if start and end and end < start:
        raise click.UsageError("--to is before --from")
    log_lines: list[str] = []

    def log(msg: str) -> None:
        log_lines.append(msg)
        if not quiet:
            click.echo(f"  {msg}", err=True)

    edgar = _client(user_agent, edgar_url, cache_dir, rate, log)
    outdir = Path(out)
    t0 = time.monotonic()
    try:
        if source == "feed":
            done, skipped, failed = _fetch_feed(
                edgar, start, end, forms, companies, outdir, limit, list_only, quiet
            )
        else:
            try:
                refs = _find(edgar, companies, start, end, forms, source)
            except (FetchError, ValueError) as e:
                raise click.ClickException(str(e)) from None
            if limit:
                refs = refs[:limit]
            if list_only:
                from eightk.serialize import to_json

                for r in refs:
                    sys.stdout.buffer.write(to_json(_ref_dict(r)) + b"\n")
                click.echo(f"{len(refs)} filings", err=True)
                return
            done, skipped, failed = _download_all(edgar, refs, outdir, jobs, quiet)
        secs = time.monotonic() - t0
        click.echo(
            f"fetched {done}, skipped {skipped} already in {outdir}, failed {len(failed)}; "
            f"{edgar.requests_sent} requests in {secs:.1f} s",
            err=True,
        )
        for acc, why in failed:
            click.echo(f"  failed {acc}: {why}", err=True)
        sys.stderr.flush()
        if failed:
            sys.exit(1)
    finally:
        edgar.close()


def _ref_dict(r) -> dict:
    import msgspec

    return {k: v for k, v in msgspec.structs.asdict(r).items() if v not in (None, (), "")}


def _find(edgar, companies, start, end, forms, source) -> list:
    from eightk.sources.indexes import dedupe

    if source == "submissions":
        refs = []
        for c in companies:
            refs += edgar.company_filings(c, forms, start, end)
        return dedupe(refs)
    return edgar.filings_between(start, end, forms, ciks=list(companies) or None, source=source)


def _download_all(edgar, refs: list, outdir: Path, jobs: int, quiet: bool) -> tuple[int, int, list]:
    todo = [r for r in refs if _existing(outdir, r.accession) is None]
    skipped = len(refs) - len(todo)
    done = 0
    failed: list[tuple[str, str]] = []
    if not todo:
        return 0, skipped, failed
    with _progress(quiet) as progress:
        task = progress.add_task("fetching", total=len(todo))

        def one(ref) -> None:
            data = edgar.download(ref)
            _save(outdir, f"{ref.accession}.txt", data)

        with ThreadPoolExecutor(max_workers=jobs) as pool:
            futs = {pool.submit(one, r): r for r in todo}
            for fut in as_completed(futs):
                ref = futs[fut]
                try:
                    fut.result()
                    done += 1
                except (EightkError, OSError) as e:
                    failed.append((ref.accession, str(e)))
                progress.advance(task)
    return done, skipped, failed


def _fetch_feed(
    edgar, start, end, forms, companies, outdir, limit, list_only, quiet
) -> tuple[int, int, list]:
    from eightk.serialize import to_json

    ciks = {edgar.resolve_cik(c) for c in companies} if companies else None
    done = skipped = 0
    failed: list[tuple[str, str]] = []
    d = start
    with _progress(quiet) as progress:
        task = progress.add_task("reading feed", total=None)
        while d <= end and not (limit and done + skipped >= limit):
            if d.weekday() < 5:
                progress.update(task, description=f"feed {d:%Y-%m-%d}")
                try:
                    for ref, data in edgar.iter_feed(d, forms):
                        if ciks is not None and ref.cik not in ciks:
                            continue
                        if list_only:
                            sys.stdout.buffer.write(to_json(_ref_dict(ref)) + b"\n")
                            done += 1
                        elif _existing(outdir, ref.accession):
                            skipped += 1
                        else:
                            _save(outdir, f"{ref.accession}.nc", data)
                            done += 1
                        progress.advance(task)
                        if limit and done + skipped >= limit:
                            break
                except FetchError as e:
                    from eightk.sources.http import NotFound

                    if isinstance(e, NotFound):  # no archive on holidays
                        if not quiet:
                            progress.console.print(f"no feed archive for {d:%Y-%m-%d}")
                    else:
                        failed.append((f"feed {d}", str(e)))
            d += dt.timedelta(days=1)
    return done, skipped, failed


# ---------------------------------------------------------------------------------------------------------
def ingest_callback(
    db: str | None, out: Path, warn: Callable[[str], None]
) -> tuple[Callable[[str, bytes], str], str]:
    """``(ingest(name, data) -> where, description)``: into the database through
    ``eightk.store.sqlite.ingest_bytes(db_path, name, data)`` when ``--db`` is given and the store offers it,
    else saved as ``out/<name>.txt``."""
    if db:
        fn = None
        try:
            from eightk.store import sqlite as store_sqlite  # lazy: the store is optional for fetching

            fn = getattr(store_sqlite, "ingest_bytes", None)
        except ImportError as e:
            warn(f"the store is not available ({e}); saving to {out} instead")
        if fn is not None:

            def to_db(name: str, data: bytes) -> str:
                key = fn(db, name, data)
                return f"{db} ({key})" if key else f"{db} (errors table: could not parse)"

            return to_db, f"database {db}"
        if fn is None:
            warn(f"eightk.store.sqlite.ingest_bytes is missing; saving to {out} instead")

    def to_folder(name: str, data: bytes) -> str:
        return str(_save(out, f"{name}.txt", data))

    return to_folder, f"folder {out}"


def _human(seconds: float) -> str:
    for unit, size in (("days", 86400), ("h", 3600), ("min", 60)):
        if seconds >= 2 * size:
            return f"{seconds / size:.1f} {unit}"
    return f"{seconds:.1f} s"


def _parse_when(s: str | None) -> dt.datetime | None:
    if not s:
        return None
    try:
        return dt.datetime.fromisoformat(s)
    except ValueError:
        return None


@click.command("watch")
@click.option(
    "--interval",
    type=click.FloatRange(1),
    default=60,
    show_default=True,
    help="Seconds between polls of the latest-filings feed.",
)
@click.option(
    "--form",
    "forms",
    multiple=True,
    help="Form types to ingest, repeatable. Default: 8-K and every variant.",
)
@click.option(
    "--db",
    type=click.Path(dir_okay=False),
    default=None,
    help="SQLite database to ingest into (eightk's store). Without it, files go to --out.",
)
@click.option(
    "--out",
    type=click.Path(file_okay=False),
    default="edgar",
    show_default=True,
    help="Folder for <accession>.txt when there is no --db.",
)
@click.option(
    "--polls", type=click.IntRange(1), default=None, help="Stop after this many polls (default: never)."
)
@click.option(
    "--new-only",
    is_flag=True,
    help="Ingest only filings that appear after the first poll (skip the backlog).",
)
@_edgar_options
def watch_cmd(
    interval: float,
    forms: tuple[str, ...],
    db: str | None,
    out: str,
    polls: int | None,
    new_only: bool,
    user_agent: str | None,
    edgar_url: str | None,
    cache_dir: str | None,
    rate: float,
) -> None:
    """Poll EDGAR's latest-filings feed and ingest each new 8-K as it appears.

    Each poll reads the Atom feed /cgi-bin/browse-edgar?action=getcurrent&type=8-K; every filing not
    seen before is downloaded (complete submission) and ingested. One line per filing gives the delay
    from its first appearance in the feed (as this process saw it, and by the feed's own timestamp) to
    the stored record. Stop with Ctrl-C.
    """
    from eightk.sources.indexes import normalize_forms

    def log(msg: str) -> None:
        click.echo(f"  {msg}", err=True)

    edgar = _client(user_agent, edgar_url, cache_dir, rate, log)
    ingest, where = ingest_callback(db, Path(out), lambda m: click.echo(f"warning: {m}", err=True))
    fset = normalize_forms(forms)
    outdir = Path(out)
    seen: set[str] = set()
    stop = threading.Event()
    n = 0
    click.echo(f"watching {edgar.latest_url()} every {interval:g} s; ingesting into {where}", err=True)
    try:
        while not stop.is_set():
            n += 1
            polled = time.time()
            try:
                entries = edgar.latest_filings()
            except FetchError as e:
                click.echo(f"poll {n}: {e}", err=True)
                entries = []
            fresh = [e for e in entries if e.form in fset and e.accession not in seen]
            if n == 1 and new_only:
                seen.update(e.accession for e in fresh)
                fresh = []
            # Oldest first, so records are stored in the order they appeared.
            for entry in reversed(fresh):
                seen.add(entry.accession)
                if db is None and _existing(outdir, entry.accession):
                    continue
                ref = edgar.ref_from_entry(entry)
                try:
                    data = edgar.download(ref)
                    dest = ingest(entry.accession, data)
                except (EightkError, OSError) as e:
                    click.echo(f"{entry.accession}: failed: {e}", err=True)
                    seen.discard(entry.accession)  # try again next poll
                    continue
                stored = time.time()
                feed_time = _parse_when(entry.updated)
                since_feed = (
                    f", {_human(stored - feed_time.timestamp())} after its feed timestamp {entry.updated}"
                    if feed_time and feed_time.tzinfo
                    else ""
                )
                click.echo(
                    f"{entry.accession} {entry.form} {entry.company or ''}: stored in {dest} "
                    f"{_human(stored - polled)} after it was seen in the feed{since_feed}",
                    err=True,
                )
            if polls is not None and n >= polls:
                break
            stop.wait(interval)
    finally:
        edgar.close()


commands = [fetch_cmd, watch_cmd]
