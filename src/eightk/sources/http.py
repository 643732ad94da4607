"""Polite HTTP for EDGAR: declared User-Agent, shared rate limit, retries, resumable downloads, cache.

:class:`PoliteHttp` is the only object in eightk that sends requests to EDGAR. Every request

- carries the declared ``User-Agent`` (checked when the object is built: :func:`check_user_agent` refuses a
  value without a contact e-mail, so no request can go out without one);
- first takes a slot from the shared :class:`~eightk.sources.ratelimit.RateLimiter` (also for retries and
  resumed downloads, which are requests like any other);
- is retried with backoff on 429/403/503 (and 500/502/504) and on transport errors (refused or dropped
  connections, timeouts, a body shorter than its ``Content-Length``): ``Retry-After`` (seconds or an HTTP
  date) is honoured when sent; without it, 429/403 wait ``throttle_wait`` seconds (EDGAR's block lasts about
  10 minutes) and the others back off exponentially with jitter;
- writes the raw body to a partial file as it arrives; after an interruption the next attempt asks only
  for the missing bytes (``Range`` + ``If-Range`` on the ETag), and starts over if the server answers 200;
- is checked by an optional ``validate(bytes) -> bool`` (complete JSON, a submission that reaches its
  closing tag, a gzip stream that reaches its end...); an invalid body is dropped and fetched again, which
  catches bodies cut short by a server that also sent a short ``Content-Length``.

Bodies are stored in the content-addressed :class:`~eightk.sources.cache.Cache`; ``max_age`` says how long a
cached copy stays good (``None``: for ever, right for Archives files that never change; ``0``: never read
from the cache, for polled feeds).

The content encoding is decoded here (``iter_raw`` + zlib), not by httpx, so that byte ranges refer to the
bytes as sent and a resumed gzip-encoded download stays consistent.
"""

from __future__ import annotations

import contextlib
import email.utils
import fcntl
import io
import os
import random
import re
import threading
import time
import uuid
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import httpx
import msgspec
from tenacity import RetryCallState, Retrying, retry_if_exception_type, stop_after_attempt

from eightk.errors import FetchError, UserAgentRequired
from eightk.sources.cache import Cache, sha256_hex
from eightk.sources.ratelimit import RateLimiter

USER_AGENT_HELP = (
    "EDGAR requires every request to declare who sends it: a name and a contact e-mail. "
    'Pass --user-agent "Jane Doe jane.doe@example.com" or set it once with '
    'export EIGHTK_USER_AGENT="Jane Doe jane.doe@example.com".'
)

_EMAIL = re.compile(r"[^@\s<>()]+@[^@\s<>()]+\.[A-Za-z]{2,}")
RETRY_STATUSES = frozenset({403, 429, 500, 502, 503, 504})
THROTTLE_STATUSES = frozenset({403, 429})


def check_user_agent(user_agent: str | None) -> str:
    """Return the User-Agent to send, or raise :class:`UserAgentRequired` if it names no contact e-mail."""
    ua = " ".join((user_agent or "").split())
    if not ua:
        raise UserAgentRequired("no User-Agent given. " + USER_AGENT_HELP)
    m = _EMAIL.search(ua)
    if m is None:
        raise UserAgentRequired(f"the User-Agent {ua!r} has no contact e-mail. " + USER_AGENT_HELP)
    if not ua.replace(m.group(0), "").strip():
        raise UserAgentRequired(f"the User-Agent {ua!r} has an e-mail but no name. " + USER_AGENT_HELP)
    return ua


class NotFound(FetchError):
    """EDGAR answered 404: the file does not exist (a holiday's daily index, a wrong accession...)."""


class RetryableStatus(FetchError):
    def __init__(self, url: str, status: int, retry_after: float | None) -> None:
        super().__init__(f"{url}: HTTP {status}")
        self.status = status
        self.retry_after = retry_after


class BadBody(FetchError):
    """The body arrived but is incomplete or malformed (caught by a validator); fetched again."""


RETRYABLE = (RetryableStatus, BadBody, httpx.TransportError)


def parse_retry_after(value: str | None, now: float | None = None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None:
        return None
    return max(0.0, when.timestamp() - (time.time() if now is None else now))


def decode_content(raw: bytes, encoding: str | None) -> bytes:
    enc = (encoding or "identity").strip().lower()
    if enc in ("", "identity"):
        return raw
    if enc in ("gzip", "x-gzip"):
        d = zlib.decompressobj(16 + zlib.MAX_WBITS)
        out = d.decompress(raw) + d.flush()
        if not d.eof:
            raise BadBody("gzip-encoded body ends before the end of its stream")
        return out
    if enc == "deflate":
        try:
            return zlib.decompress(raw)
        except zlib.error:
            return zlib.decompress(raw, -zlib.MAX_WBITS)
    raise BadBody(f"unsupported Content-Encoding {encoding!r}")


class _PartMeta(msgspec.Struct, kw_only=True):
    url: str
    etag: str | None = None
    last_modified: str | None = None
    encoding: str | None = None


class _Partial:
    """Bytes received so far for one URL: a file in the cache, or memory when there is no cache."""

    _memory: ClassVar[dict[str, tuple[bytearray, _PartMeta | None]]] = {}
    _mlock = threading.Lock()

    def __init__(self, cache: Cache, url: str) -> None:
        # Memory buffers are per cache object, so two uncached clients never share one.
        self.url = url if cache.root is not None else f"{id(cache)}:{url}"
        self.path = cache.partial_path(url)
        self.meta_path = self.path.with_suffix(".meta") if self.path else None

    def size(self) -> int:
        if self.path is None:
            with self._mlock:
                return len(self._memory.get(self.url, (b"", None))[0])
        return self.path.stat().st_size if self.path.exists() else 0

    def meta(self) -> _PartMeta | None:
        if self.path is None:
            with self._mlock:
                return self._memory.get(self.url, (b"", None))[1]
        try:
            assert self.meta_path is not None
            return msgspec.json.decode(self.meta_path.read_bytes(), type=_PartMeta)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None

    def start(self, meta: _PartMeta) -> None:
        """Begin from byte 0 with these response facts."""
        if self.path is None:
            with self._mlock:
                self._memory[self.url] = (bytearray(), meta)
            return
        assert self.meta_path is not None
        self.meta_path.write_bytes(msgspec.json.encode(meta))
        self.path.write_bytes(b"")

    @contextlib.contextmanager
    def appender(self) -> Iterator[Callable[[bytes], object]]:
        if self.path is None:
            with self._mlock:
                buf = self._memory.setdefault(self.url, (bytearray(), None))[0]
            yield buf.extend
            return
        with open(self.path, "ab") as f:
            yield f.write

    def read(self) -> bytes:
        if self.path is None:
            with self._mlock:
                return bytes(self._memory.get(self.url, (b"", None))[0])
        return self.path.read_bytes()

    def drop(self) -> None:
        if self.path is None:
            with self._mlock:
                self._memory.pop(self.url, None)
            return
        self.path.unlink(missing_ok=True)
        if self.meta_path is not None:
            self.meta_path.unlink(missing_ok=True)


_CONTENT_RANGE = re.compile(r"bytes\s+(\d+)-(\d+)/(\d+|\*)")


class PoliteHttp:
    """See the module docstring. ``log`` receives one human-readable line per retry or resume."""

    def __init__(
        self,
        user_agent: str | None,
        cache: Cache,
        limiter: RateLimiter,
        *,
        attempts: int = 8,
        timeout: float = 60.0,
        throttle_wait: float = 600.0,
        max_wait: float = 900.0,
        backoff: float = 1.0,
        sleep: Callable[[float], None] = time.sleep,
        log: Callable[[str], None] | None = None,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self.user_agent = check_user_agent(user_agent)
        self.cache = cache
        self.limiter = limiter
        self.attempts = attempts
        self.throttle_wait = throttle_wait
        self.max_wait = max_wait
        self.backoff = backoff
        self._sleep = sleep
        self.log = log or (lambda _msg: None)
        self.requests_sent = 0
        self._count_lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._locks_lock = threading.Lock()
        self._nocache = Cache(None)  # memory buffers of polled URLs
        self.client = httpx.Client(
            headers={
                "User-Agent": self.user_agent,
                # The SEC's sample request; also keeps brotli/zstd (which we would not decode) away.
                "Accept-Encoding": "gzip, deflate",
            },
            timeout=httpx.Timeout(timeout, connect=min(timeout, 30.0)),
            follow_redirects=True,
            transport=transport,
        )
        self.client.event_hooks["request"] = [self._on_request]

    def _on_request(self, request: httpx.Request) -> None:
        # Last line of defence: nothing leaves without the declared agent, whatever a caller passed.
        request.headers["User-Agent"] = self.user_agent
        with self._count_lock:
            self.requests_sent += 1

    def close(self) -> None:
        self.client.close()

    # -- retry policy ------------------------------------------------------------------------------------
    def _wait(self, state: RetryCallState) -> float:
        exc = state.outcome.exception() if state.outcome else None
        if isinstance(exc, RetryableStatus):
            if exc.retry_after is not None:
                return min(exc.retry_after, self.max_wait)
            if exc.status in THROTTLE_STATUSES:
                return self.throttle_wait
        base = min(self.backoff * (2 ** (state.attempt_number - 1)), 60.0)
        return base * (0.5 + random.random() / 2)

    def _retrying(self, url: str) -> Retrying:
        def before_sleep(state: RetryCallState) -> None:
            exc = state.outcome.exception() if state.outcome else None
            wait = state.next_action.sleep if state.next_action else 0
            what = str(exc) if url in str(exc) else f"{url}: {type(exc).__name__}: {exc}"
            self.log(f"retry {state.attempt_number}/{self.attempts - 1} in {wait:.1f}s after {what}")

        return Retrying(
            stop=stop_after_attempt(self.attempts),
            wait=self._wait,
            retry=retry_if_exception_type(RETRYABLE),
            sleep=self._sleep,
            before_sleep=before_sleep,
            reraise=True,
        )

    # -- whole bodies ------------------------------------------------------------------------------------
    def get(
        self,
        url: str,
        *,
        max_age: float | None = None,
        validate: Callable[[bytes], bool] | None = None,
    ) -> bytes:
        """The body of ``url`` (from the cache when fresh enough), after retries. Raises :class:`FetchError`."""
        if max_age != 0:
            cached = self.cache.get(url, max_age)
            if cached is not None and (validate is None or validate(cached)):
                return cached
        # Polled URLs (max_age=0) get a private partial buffer, so concurrent polls never share one.
        key = url if max_age != 0 else f"{url}#{uuid.uuid4().hex}"
        with self._url_lock(key):
            if max_age != 0:  # another thread or process may have fetched it while we waited
                cached = self.cache.get(url, max_age)
                if cached is not None and (validate is None or validate(cached)):
                    return cached
            try:
                for attempt in self._retrying(url):
                    with attempt:
                        data, etag, lm = self._attempt(url, key, validate, persist=max_age != 0)
            except FetchError:
                raise
            except httpx.HTTPError as e:
                raise FetchError(f"{url}: {type(e).__name__}: {e}") from e
            if max_age != 0:
                self.cache.put(url, data, etag=etag, last_modified=lm)
        return data

    @contextlib.contextmanager
    def _url_lock(self, key: str) -> Iterator[None]:
        """One download of a URL at a time, across threads and (through a lock file) processes."""
        if "#" in key:  # a private key (polled URL): nobody else uses it; forget its buffer afterwards
            try:
                yield
            finally:
                _Partial(self._nocache, key).drop()
            return
        with self._locks_lock:
            tlock = self._locks.setdefault(key, threading.Lock())
        with tlock:
            part = self.cache.partial_path(key)
            if part is None:
                yield
                return
            fd = os.open(part.with_suffix(".lock"), os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                yield
            finally:
                os.close(fd)

    def _attempt(
        self, url: str, key: str, validate: Callable[[bytes], bool] | None, persist: bool = True
    ) -> tuple[bytes, str | None, str | None]:
        part = _Partial(self.cache if persist else self._nocache, key)
        have, meta = part.size(), part.meta()
        headers: dict[str, str] = {}
        if have and meta is not None:
            headers["Range"] = f"bytes={have}-"
            validator = meta.etag or meta.last_modified
            if validator:
                headers["If-Range"] = validator
        else:
            part.drop()
            have = 0
        self.limiter.acquire()
        with self.client.stream("GET", url, headers=headers) as r:
            self._check_status(url, r, part)
            if r.status_code == 206 and have:
                m = _CONTENT_RANGE.match(r.headers.get("Content-Range", ""))
                if m is None or int(m.group(1)) != have:
                    part.drop()
                    raise BadBody(f"{url}: the server resumed at the wrong offset; starting over")
                self.log(f"resuming {url} at byte {have}")
            else:
                meta = _PartMeta(
                    url=url,
                    etag=r.headers.get("ETag"),
                    last_modified=r.headers.get("Last-Modified"),
                    encoding=r.headers.get("Content-Encoding"),
                )
                part.start(meta)
            with part.appender() as write:
                for chunk in r.iter_raw():
                    write(chunk)
        assert meta is not None
        raw = part.read()
        try:
            data = decode_content(raw, meta.encoding)
        except (zlib.error, BadBody) as e:
            part.drop()
            raise BadBody(f"{url}: {e}") from e
        if validate is not None and not validate(data):
            part.drop()
            raise BadBody(f"{url}: incomplete or malformed body ({len(data)} bytes); fetching again")
        part.drop()
        return data, meta.etag, meta.last_modified

    def _check_status(self, url: str, r: httpx.Response, part: _Partial) -> None:
        s = r.status_code
        if s in (200, 206):
            return
        if s == 416:  # our partial copy is no prefix of the current file
            part.drop()
            raise BadBody(f"{url}: range not satisfiable; starting over")
        if s in RETRY_STATUSES:
            raise RetryableStatus(url, s, parse_retry_after(r.headers.get("Retry-After")))
        if s == 404:
            raise NotFound(f"{url}: not found (HTTP 404)")
        raise FetchError(f"{url}: HTTP {s}")

    # -- streams ---------------------------------------------------------------------------------------
    def open_stream(self, url: str, *, keep: bool = True, expect_gzip: bool = False) -> io.BufferedReader:
        """A file-like reader of ``url``'s body that survives dropped connections (it resumes with a Range
        request where it stopped) without holding the body in memory.

        ``keep``: also write the body to the cache as it streams (a second open reads it from disk).
        ``expect_gzip``: the body is a gzip file (``.tar.gz``); a stream that ends before the gzip end marker
        was cut short and is resumed, even if the server's ``Content-Length`` agreed with the short body.
        """
        if keep:
            rec = self.cache.record(url)
            if rec is not None and self.cache.root is not None:
                path = self.cache.object_path(rec.sha256)
                if path.exists():
                    return open(path, "rb")
        return io.BufferedReader(_ResumableRaw(self, url, keep, expect_gzip), buffer_size=1 << 16)


class _ResumableRaw(io.RawIOBase):
    def __init__(self, http: PoliteHttp, url: str, keep: bool, expect_gzip: bool) -> None:
        self.http = http
        self.url = url
        self.raw_pos = 0  # bytes as sent (before content decoding)
        self.out_pos = 0
        self.etag: str | None = None
        self.encoding: str | None = None
        self.decoder: zlib._Decompress | None = None
        self.gz_check = zlib.decompressobj(16 + zlib.MAX_WBITS) if expect_gzip else None
        self.pending = b""
        self._ctx: contextlib.AbstractContextManager[httpx.Response] | None = None
        self._iter: Iterator[bytes] | None = None
        self.done = False
        self.keep = keep and http.cache.root is not None
        self._tee = None
        self._tee_path: Path | None = None
        self._hash = None
        if self.keep:
            import hashlib

            self._tee_path = http.cache.partial_path(url + "#stream")
            assert self._tee_path is not None
            self._tee = open(self._tee_path, "wb")  # noqa: SIM115 - closed in close()
            self._hash = hashlib.sha256()

    def readable(self) -> bool:
        return True

    def _open(self) -> None:
        headers: dict[str, str] = {}
        if self.raw_pos:
            headers["Range"] = f"bytes={self.raw_pos}-"
            if self.etag:
                headers["If-Range"] = self.etag
        self._close_response()
        self.http.limiter.acquire()
        ctx = self.http.client.stream("GET", self.url, headers=headers)
        r = ctx.__enter__()
        self._ctx = ctx
        try:
            dummy = _Partial(Cache(None), self.url)
            self.http._check_status(self.url, r, dummy)
            skip = 0
            if self.raw_pos and r.status_code == 206:
                m = _CONTENT_RANGE.match(r.headers.get("Content-Range", ""))
                if m is None or int(m.group(1)) > self.raw_pos:
                    raise BadBody(f"{self.url}: the server resumed at the wrong offset")
                skip = self.raw_pos - int(m.group(1))
                self.http.log(f"resuming {self.url} at byte {self.raw_pos}")
            elif self.raw_pos:
                # 200: the whole body again; skip what we already have (same ETag, or it would not match).
                new_etag = r.headers.get("ETag")
                if self.etag and new_etag and new_etag != self.etag:
                    raise FetchError(f"{self.url}: the file changed while it was being read")
                skip = self.raw_pos
            else:
                self.etag = r.headers.get("ETag")
                self.encoding = (r.headers.get("Content-Encoding") or "").lower() or None
                if self.encoding in ("gzip", "x-gzip"):
                    self.decoder = zlib.decompressobj(16 + zlib.MAX_WBITS)
                elif self.encoding == "deflate":
                    self.decoder = zlib.decompressobj()
            self._iter = self._skipping(r.iter_raw(), skip)
        except BaseException:
            self._close_response()
            raise

    @staticmethod
    def _skipping(it: Iterator[bytes], skip: int) -> Iterator[bytes]:
        for chunk in it:
            if skip >= len(chunk):
                skip -= len(chunk)
                continue
            yield chunk[skip:]
            skip = 0

    def _close_response(self) -> None:
        if self._ctx is not None:
            with contextlib.suppress(Exception):
                self._ctx.__exit__(None, None, None)
        self._ctx = None
        self._iter = None

    def _next_raw(self) -> bytes | None:
        """The next chunk of raw bytes, reconnecting (with the retry policy) as needed; None at the end."""
        for attempt in self.http._retrying(self.url):
            with attempt:
                if self._iter is None:
                    self._open()
                assert self._iter is not None
                try:
                    chunk = next(self._iter)
                except StopIteration:
                    if self.gz_check is not None and not self.gz_check.eof:
                        self._iter = None  # reconnect from raw_pos
                        raise BadBody(f"{self.url}: gzip stream cut short at byte {self.raw_pos}") from None
                    return None
                except httpx.TransportError:
                    self._iter = None
                    raise
                return chunk
        return None  # pragma: no cover - tenacity either returns or raises

    def readinto(self, b: memoryview) -> int:  # type: ignore[override]
        while not self.pending and not self.done:
            try:
                raw = self._next_raw()
            except httpx.HTTPError as e:
                raise FetchError(f"{self.url}: {type(e).__name__}: {e}") from e
            if raw is None:
                self.done = True
                if self.decoder is not None:
                    self.pending = self.decoder.flush()
                self._finish()
                break
            self.raw_pos += len(raw)
            data = self.decoder.decompress(raw) if self.decoder is not None else raw
            if self.gz_check is not None:
                self.gz_check.decompress(data, 1 << 16)  # only its eof flag matters; bounded memory
                while self.gz_check.unconsumed_tail:
                    self.gz_check.decompress(self.gz_check.unconsumed_tail, 1 << 16)
            self.pending = data
        n = min(len(b), len(self.pending))
        b[:n] = self.pending[:n]
        if self._tee is not None and n:
            self._tee.write(self.pending[:n])
            assert self._hash is not None
            self._hash.update(self.pending[:n])
        self.pending = self.pending[n:]
        self.out_pos += n
        return n

    def _finish(self) -> None:
        self._close_response()
        if self._tee is None:
            return
        self._tee.close()
        self._tee = None
        assert self._hash is not None and self._tee_path is not None
        self.http.cache.adopt(self.url, self._tee_path, self._hash.hexdigest(), etag=self.etag)

    def close(self) -> None:
        self._close_response()
        if self._tee is not None:  # closed before the end: keep nothing
            self._tee.close()
            self._tee = None
            if self._tee_path is not None:
                self._tee_path.unlink(missing_ok=True)
        super().close()


__all__ = [
    "USER_AGENT_HELP",
    "BadBody",
    "NotFound",
    "PoliteHttp",
    "RetryableStatus",
    "check_user_agent",
    "decode_content",
    "parse_retry_after",
    "sha256_hex",
]
