"""Fixtures of the web layer: a database ingested from the filings shipped in tests/filings (the seed
NeoTherapeutics report among them), an app over it, and an in-process client (no socket)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from eightk.jobs.bulk import ingest_paths

FILINGS = Path(__file__).parent.parent / "filings"
SEED_KEY = "neotherapeutics-inc"  # the seed has no SEC header, so no CIK: keyed by its name's slug
SEED_ACCESSION = "neotherapeutics-2002-03-15"


@pytest.fixture(scope="session")
def db_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("serve") / "eightk.db"
    summary = ingest_paths(path, [FILINGS], jobs=1, progress=False)
    assert summary.stored >= 1, summary.error_samples
    return path


@pytest.fixture(scope="session")
def app(db_path: Path) -> Any:
    from eightk.serve.app import create_app

    return create_app(db_path)


class Client:
    """A synchronous face on httpx's ASGI transport: requests run in-process against the app."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, url: str, **kw: Any) -> httpx.Response:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url="http://eightk.test") as c:
                return await c.request(method, url, **kw)

        return asyncio.run(go())

    def get(self, url: str, **kw: Any) -> httpx.Response:
        return self.request("GET", url, **kw)


@pytest.fixture(scope="session")
def client(app: Any) -> Iterator[Client]:
    yield Client(app)
