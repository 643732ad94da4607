"""``eightk serve`` (the API and web pages over a database) and ``eightk demo`` (ingest, then serve)."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path
from typing import Any

import click

from eightk.errors import EightkError

DEFAULT_DB = "eightk.db"


def _default_db() -> str:
    return os.environ.get("EIGHTK_DB", DEFAULT_DB)


def _check_port(host: str, port: int) -> None:
    """Fail with a clear message before uvicorn does (it logs a traceback-like error)."""
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except socket.gaierror as e:
        raise click.ClickException(f"cannot resolve host {host}: {e}") from e
    family, _, _, _, addr = infos[0]
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(addr)
        except OSError as e:
            raise click.ClickException(f"cannot listen on {host}:{port} ({e.strerror}); try --port") from e


def _url(host: str, port: int) -> str:
    h = f"[{host}]" if ":" in host else host
    return f"http://{h}:{port}/"


def _app(db: str, query_timeout: float) -> Any:
    from eightk.serve.app import create_app

    if not Path(db).exists():
        raise click.ClickException(
            f"{db}: no such database (create it with 'eightk ingest FILES --db {db}' or 'eightk demo')"
        )
    try:
        return create_app(db, query_timeout=query_timeout)
    except EightkError as e:
        raise click.ClickException(str(e)) from e


def get_once(app: Any, path: str) -> tuple[int, str, bytes]:
    """Answer one request in-process (no socket): (status, content type, body)."""
    import asyncio

    import httpx

    async def go() -> httpx.Response:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://eightk.local") as c:
            return await c.get(path)

    r = asyncio.run(go())
    return r.status_code, r.headers.get("content-type", ""), r.content


def run_server(app: Any, host: str, port: int) -> None:
    import uvicorn

    _check_port(host, port)
    click.echo(f"eightk: serving {_url(host, port)}  (read-only; Ctrl+C to stop)", err=True)
    sys.stderr.flush()
    uvicorn.run(app, host=host, port=port, log_level="warning", server_header=False, access_log=False)


_timeout_opt = click.option(
    "--query-timeout",
    type=click.FloatRange(min=0.05, max=60),
    default=2.0,
    show_default=True,
    help="Seconds a request's database query may run before it is refused (400).",
)


@click.command("serve")
@click.argument("db", required=False, type=click.Path(dir_okay=False))
@click.option(
    "--host", default="127.0.0.1", show_default=True, help="Address to listen on (0.0.0.0: every interface)."
)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option(
    "--get",
    "get_path",
    metavar="PATH",
    help="Answer one request in-process, print it and exit (e.g. '/api/offerings?limit=5').",
)
@_timeout_opt
def serve_cmd(db: str | None, host: str, port: int, get_path: str | None, query_timeout: float) -> None:
    """Serve a read-only REST API and web pages over DB (default: $EIGHTK_DB or eightk.db).

    \b
    Pages: search, company timelines with offerings charts, each filing's text with every
    extracted value highlighted, an offerings screener. API under /api (reference at /api,
    OpenAPI at /api/openapi.json); every list downloads as CSV with format=csv.

    \b
    Examples:
      eightk serve filings.db --port 8080
      eightk serve filings.db --get '/api/offerings?security=common_stock&limit=5' | jq .items
    """
    db = db or _default_db()
    app = _app(db, query_timeout)
    if get_path is not None:
        if not get_path.startswith("/"):
            raise click.UsageError("--get takes a path starting with '/', e.g. /api/filings")
        status, ctype, body = get_once(app, get_path)
        sys.stdout.buffer.write(body)
        if body and not body.endswith(b"\n") and not ctype.startswith("text/csv"):
            sys.stdout.buffer.write(b"\n")
        sys.stdout.flush()
        if status >= 400:
            click.echo(f"HTTP {status}", err=True)
            sys.exit(1)
        return
    run_server(app, host, port)


def _default_folder() -> Path | None:
    """``tests/filings`` of the checkout this package runs from (an editable install), if there."""
    p = Path(__file__).resolve().parents[3] / "tests" / "filings"
    return p if p.is_dir() else None


@click.command("demo")
@click.argument("folder", required=False, type=click.Path(exists=True, file_okay=False))
@click.option(
    "--db",
    default=DEFAULT_DB,
    show_default=True,
    type=click.Path(dir_okay=False),
    help="Database to ingest into.",
)
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", type=click.IntRange(1, 65535), default=8000, show_default=True)
@click.option("--no-serve", is_flag=True, help="Only ingest; do not start the web page.")
@_timeout_opt
def demo_cmd(folder: str | None, db: str, host: str, port: int, no_serve: bool, query_timeout: float) -> None:
    """Ingest the filings in FOLDER into --db, then serve the web page on it (offline).

    FOLDER defaults to the filings shipped with eightk (tests/filings of the checkout). Ingest is
    resumable and replaces by accession, so running the demo twice changes nothing.

    \b
    Example:
      eightk demo                  # then open http://127.0.0.1:8000/
    """
    from eightk.jobs.bulk import ingest_paths, print_summary

    src = Path(folder) if folder else _default_folder()
    if src is None:
        raise click.UsageError(
            "no FOLDER given and no tests/filings beside this installation: give a folder of filings"
        )
    if not no_serve:
        _check_port(host, port)  # before a long ingest, not after
    try:
        summary = ingest_paths(db, [src], progress=True)
    except EightkError as e:
        raise click.ClickException(str(e)) from e
    print_summary(summary, samples=5)
    if no_serve:
        click.echo(f"eightk: {db} is ready; serve it with: eightk serve {db}", err=True)
        return
    run_server(_app(db, query_timeout), host, port)


commands = [serve_cmd, demo_cmd]
