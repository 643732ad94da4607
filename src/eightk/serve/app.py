"""``eightk serve``: a read-only REST API and web pages over the store.

>>> from eightk.serve.app import create_app
>>> app = create_app("eightk.db")          # an ASGI app: uvicorn.run(app) or httpx.ASGITransport(app)

Safe by design:

* the database is opened read-only (``mode=ro`` and ``PRAGMA query_only``), one connection per worker
  thread, and every query runs with a time limit (a progress handler interrupts it; the client gets 400);
* every query is parameterized SQL; every request parameter is validated (types, patterns, bounded page
  size and offset) and an unknown parameter is an error (422 from the API, 400 from a page);
* no request reaches the file system: static files are read from the package once, at start, and served
  from memory by exact name; templates are named in code;
* every response carries security headers (a strict Content-Security-Policy without inline scripts,
  ``nosniff``, ``frame-ancestors 'none'``, no referrer); query strings longer than 8 KiB get 414.
"""

from __future__ import annotations

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from eightk import __version__
from eightk.errors import StoreError
from eightk.store.query import Reader
from eightk.store.sqlite import connect_readonly

DEFAULT_QUERY_TIMEOUT_S = 2.0
MAX_QUERY_STRING = 8192

SECURITY_HEADERS: list[tuple[bytes, bytes]] = [
    (
        b"content-security-policy",
        b"default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
        b"connect-src 'self'; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    ),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), payment=()"),
]


class QueryTimeout(Exception):
    """A query ran past the per-request time limit (the client narrows it: 400)."""


class Database:
    """Read-only access for request handlers: one :class:`Reader` per worker thread, with a deadline.

    ``with db.read() as r:`` gives the thread's reader and arms its deadline; sqlite's progress handler
    interrupts any statement still running after ``query_timeout`` seconds.
    """

    def __init__(self, path: str | os.PathLike[str], query_timeout: float = DEFAULT_QUERY_TIMEOUT_S) -> None:
        self.path = Path(path)
        self.query_timeout = query_timeout
        connect_readonly(self.path).close()  # fail now (StoreError) if it is not an eightk database
        self._local = threading.local()

    def _reader(self) -> Reader:
        r: Reader | None = getattr(self._local, "reader", None)
        if r is None:
            r = Reader(self.path)
            r.conn.execute("PRAGMA query_only = ON")
            local = self._local
            local.deadline = None

            def over() -> int:
                d = local.deadline
                return 1 if d is not None and time.monotonic() > d else 0

            r.conn.set_progress_handler(over, 2000)
            local.reader = r
        return r

    @contextmanager
    def read(self) -> Iterator[Reader]:
        r = self._reader()
        self._local.deadline = time.monotonic() + self.query_timeout
        try:
            yield r
        except StoreError as e:
            if "interrupted" in str(e):
                raise QueryTimeout(str(e)) from e
            raise
        finally:
            self._local.deadline = None


def _load_static() -> dict[str, tuple[bytes, str]]:
    """Every static file, read once at start: name -> (bytes, media type). Requests only look names up."""
    types = {
        ".js": "text/javascript; charset=utf-8",
        ".css": "text/css; charset=utf-8",
        ".svg": "image/svg+xml",
    }
    out = {}
    for f in resources.files("eightk.serve").joinpath("static").iterdir():
        suffix = Path(f.name).suffix
        if f.is_file() and suffix in types:
            out[f.name] = (f.read_bytes(), types[suffix])
    return out


class SecurityMiddleware:
    """Adds the security headers to every response; refuses over-long query strings (414); answers HEAD."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if len(scope.get("query_string", b"")) > MAX_QUERY_STRING:
            resp = JSONResponse(
                {"detail": f"query string longer than {MAX_QUERY_STRING} bytes"}, status_code=414
            )
            await self._with_headers(resp, scope, receive, send)
            return

        head = scope.get("method") == "HEAD"
        if head:  # answered like GET, without the body
            scope = {**scope, "method": "GET"}

        async def send_h(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"server"]
                message["headers"] = headers + SECURITY_HEADERS
            elif head and message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app(scope, receive, send_h)

    async def _with_headers(self, resp: Response, scope: Scope, receive: Receive, send: Send) -> None:
        async def send_h(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + SECURITY_HEADERS
            await send(message)

        await resp(scope, receive, send_h)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/api"


def create_app(db_path: str | os.PathLike[str], *, query_timeout: float = DEFAULT_QUERY_TIMEOUT_S) -> FastAPI:
    """The ASGI app over the database at ``db_path`` (raises StoreError if it is not one)."""
    from eightk.serve import api, web

    db = Database(db_path, query_timeout)
    app = FastAPI(
        title="eightk",
        version=__version__,
        summary="SEC Form 8-K filings as structured data with evidence: a read-only API over an eightk database.",
        description=(
            "Every list takes `limit` (1-500) and `offset`, answers `{items, limit, offset, next, previous}` "
            "and downloads as CSV with `format=csv`. Unknown parameters are refused (422). Companies are keyed "
            "by CIK (10 digits) when known, else by a slug of the registrant name (`neotherapeutics-inc`)."
        ),
        docs_url=None,  # Swagger UI and ReDoc load scripts from a CDN: the page must work offline
        redoc_url=None,
        openapi_url="/api/openapi.json",
    )
    app.state.db = db
    app.state.static = _load_static()
    app.include_router(api.router)
    app.include_router(web.router)
    app.add_middleware(SecurityMiddleware)

    @app.exception_handler(QueryTimeout)
    async def _timeout(request: Request, exc: QueryTimeout) -> Response:
        msg = f"the query took longer than {db.query_timeout:g} s: narrow the filters or the search"
        if _wants_json(request):
            return JSONResponse({"detail": msg}, status_code=400)
        return web.error_page(request, 400, msg)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError) -> Response:
        errors = [
            {"loc": list(e.get("loc", ())), "msg": e.get("msg", ""), "type": e.get("type", "")}
            for e in exc.errors()
        ]
        if _wants_json(request):
            return JSONResponse({"detail": errors}, status_code=422)
        lines = "; ".join(
            f"{'.'.join(str(x) for x in e['loc'][1:]) or 'request'}: {e['msg']}" for e in errors
        )
        return web.error_page(request, 400, f"bad request: {lines}")

    @app.exception_handler(StarletteHTTPException)
    async def _http(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
        return web.error_page(request, exc.status_code, str(exc.detail))

    @app.exception_handler(StoreError)
    async def _store(request: Request, exc: StoreError) -> Response:
        # The database itself failed (schema from another version, disk error): not the request's fault.
        if _wants_json(request):
            return JSONResponse({"detail": "database error"}, status_code=500)
        return web.error_page(request, 500, "database error")

    return app


def app_from_env() -> FastAPI:
    """``uvicorn --factory eightk.serve.app:app_from_env`` (database from $EIGHTK_DB)."""
    return create_app(os.environ.get("EIGHTK_DB", "eightk.db"))


def get_db(request: Request) -> Database:
    db: Database = request.app.state.db
    return db


def json_bytes(obj: Any) -> bytes:
    from eightk.serialize import to_json

    return to_json(obj)
