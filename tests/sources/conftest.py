"""A miniature EDGAR on 127.0.0.1 for the sources tests, with fault injection.

``edgar_server`` serves ``tests/edgar_tree`` (plus a generated daily feed archive) like www.sec.gov and
data.sec.gov would: byte ranges (206 + Content-Range), ETag/If-Range, optional gzip content encoding, the
latest-filings Atom feed at ``/cgi-bin/browse-edgar``, and any co-registrant CIK in an Archives path.

Faults are queued with ``server.fault(path_part, kind, arg)`` and used once each, in order, by the first
request whose path contains ``path_part``:

- ``"429"``, ``"403"``, ``"503"``: that status, with ``Retry-After: arg`` when ``arg`` is not None;
- ``"drop"``: the full ``Content-Length``, then only the first ``arg`` fraction of the body, then the
  connection is closed (a dropped connection mid-body);
- ``"short"``: a body cut to ``arg`` of its length with a ``Content-Length`` that agrees (the server lies);
- ``"reset"``: the connection is closed before any response.

Every request is logged as ``(monotonic time, method, path, headers)`` in ``server.log``.
"""

from __future__ import annotations

import gzip
import hashlib
import importlib.util
import re
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest

TREE = Path(__file__).resolve().parents[1] / "edgar_tree"
_spec = importlib.util.spec_from_file_location("eightk_test_edgar_tree", TREE / "build.py")
assert _spec is not None and _spec.loader is not None
tree_build = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(tree_build)

UA = "eightk tests tests@example.com"


@dataclass
class FakeEdgar:
    roots: list[Path]
    faults: list[tuple[str, str, float | None]] = field(default_factory=list)
    log: list[tuple[float, str, str, dict[str, str]]] = field(default_factory=list)
    gzip: bool = False
    atom: bytes | None = None
    url: str = ""
    lock: threading.Lock = field(default_factory=threading.Lock)

    def fault(self, path_part: str, kind: str, arg: float | None = None) -> None:
        with self.lock:
            self.faults.append((path_part, kind, arg))

    def take_fault(self, path: str) -> tuple[str, float | None] | None:
        with self.lock:
            for i, (part, kind, arg) in enumerate(self.faults):
                if part in path:
                    del self.faults[i]
                    return kind, arg
        return None

    def paths(self) -> list[str]:
        return [p for _t, _m, p, _h in self.log]

    def find(self, path: str) -> Path | None:
        rel = path.lstrip("/")
        for root in self.roots:
            p = (root / rel).resolve()
            if p.is_file() and root.resolve() in p.parents:
                return p
        m = re.match(r"Archives/edgar/data/\d+/(\d{18})/(\d{10}-\d{2}-\d{6}\.txt)$", rel)
        if m:  # EDGAR lists a co-registrant filing under every CIK: serve it whatever CIK the path names
            for root in self.roots:
                for p in (root / "Archives/edgar/data").glob(f"*/{m.group(1)}/{m.group(2)}"):
                    return p
        return None


def _make_handler(state: FakeEdgar) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *args: object) -> None:
            pass

        def do_GET(self) -> None:
            url = urlsplit(self.path)
            path = url.path
            with state.lock:
                state.log.append((time.monotonic(), "GET", self.path, dict(self.headers.items())))
            fault = state.take_fault(self.path)
            if fault and fault[0] == "reset":
                self.close_connection = True
                self.connection.close()
                return
            if fault and fault[0] in ("429", "403", "503"):
                body = b"Request Rate Threshold Exceeded"
                self.send_response(int(fault[0]))
                if fault[1] is not None:
                    self.send_header("Retry-After", str(int(fault[1])))
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
                return
            if path == "/cgi-bin/browse-edgar":
                data = (
                    state.atom if state.atom is not None else (TREE / "cgi-bin/latest-8k.atom").read_bytes()
                )
                ctype = "application/atom+xml"
            else:
                p = state.find(path)
                if p is None:
                    body = b"Not Found"
                    self.send_response(404)
                    self.send_header("Content-Length", str(len(body)))
                    self.end_headers()
                    self.wfile.write(body)
                    return
                data = p.read_bytes()
                ctype = "application/json" if p.suffix == ".json" else "application/octet-stream"
            encoding = None
            if state.gzip and "gzip" in self.headers.get("Accept-Encoding", "") and not path.endswith(".gz"):
                data = gzip.compress(data, mtime=0)
                encoding = "gzip"
            etag = '"' + hashlib.sha256(data).hexdigest()[:16] + '"'
            start = 0
            rng = re.match(r"bytes=(\d+)-$", self.headers.get("Range", ""))
            if_range = self.headers.get("If-Range")
            partial = rng is not None and (if_range is None or if_range == etag)
            if partial:
                start = int(rng.group(1))
                if start >= len(data):
                    self.send_response(416)
                    self.send_header("Content-Range", f"bytes */{len(data)}")
                    self.send_header("Content-Length", "0")
                    self.end_headers()
                    return
            body = data[start:]
            self.send_response(206 if partial else 200)
            if partial:
                self.send_header("Content-Range", f"bytes {start}-{len(data) - 1}/{len(data)}")
            self.send_header("Content-Type", ctype)
            self.send_header("ETag", etag)
            self.send_header("Accept-Ranges", "bytes")
            if encoding:
                self.send_header("Content-Encoding", encoding)
            if fault and fault[0] == "short":
                body = body[: int(len(body) * (fault[1] or 0.5))]
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if fault and fault[0] == "drop":
                cut = int(len(body) * (fault[1] if fault[1] is not None else 0.5))
                self.wfile.write(body[:cut])
                self.wfile.flush()
                self.close_connection = True
                self.connection.close()
                return
            self.wfile.write(body)

    return Handler


@pytest.fixture(scope="session")
def feed_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("feed")
    tree_build.make_feed(root, "20050125")
    return root


@pytest.fixture
def edgar_server(feed_root: Path):
    state = FakeEdgar(roots=[TREE, feed_root])
    server = ThreadingHTTPServer(("127.0.0.1", 0), _make_handler(state))
    server.daemon_threads = True
    t = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    t.start()
    state.url = f"http://127.0.0.1:{server.server_address[1]}"
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def client_factory(edgar_server: FakeEdgar, tmp_path: Path):
    """EdgarClient against the local server; sleeps of the retry policy are recorded, not slept."""
    from eightk.sources.edgar import EdgarClient

    made = []
    waits: list[float] = []

    def make(**kw):
        kw.setdefault("user_agent", UA)
        kw.setdefault("base_url", edgar_server.url)
        kw.setdefault("cache_dir", tmp_path / "cache")
        kw.setdefault("sleep", waits.append)
        kw.setdefault("attempts", 6)
        # Loopback only: tests of behaviour other than the rate limit need not wait for it.
        kw.setdefault("rate", 1000)
        c = EdgarClient(**kw)
        c.waits = waits  # type: ignore[attr-defined]
        made.append(c)
        return c

    yield make
    for c in made:
        c.close()
