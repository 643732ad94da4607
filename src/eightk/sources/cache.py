"""A content-addressed download cache, so no URL is fetched twice.

Layout under the cache folder::

    objects/ab/abcdef...      the bytes of a response body, named by their SHA-256 (stored once however many
                              URLs return them)
    urls/12/1234...json       one record per URL (named by the SHA-256 of the URL): {"url", "sha256", "size",
                              "fetched" (unix time), "etag", "last_modified"}
    partial/1234....part      a download in progress (raw bytes as sent); resumed with a Range request
    ratelimit.state           the shared request log of :mod:`eightk.sources.ratelimit`

Writes are atomic (temporary file + ``os.replace``), so concurrent processes of a run can share a cache and a
killed process never leaves a half-written object behind. An object whose bytes no longer hash to its name
(disk corruption, a hand edit) is treated as missing and fetched again.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path

import msgspec


class UrlRecord(msgspec.Struct, kw_only=True):
    url: str
    sha256: str
    size: int
    fetched: float
    etag: str | None = None
    last_modified: str | None = None


def sha256_hex(data: bytes | str) -> str:
    if isinstance(data, str):
        data = data.encode("utf-8")
    return hashlib.sha256(data).hexdigest()


def _atomic_write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


class Cache:
    """URL -> bytes, content-addressed by SHA-256. ``root=None`` gives a cache that stores nothing."""

    def __init__(self, root: str | os.PathLike[str] | None) -> None:
        self.root = Path(root) if root is not None else None
        if self.root is not None:
            self.root.mkdir(parents=True, exist_ok=True)

    # -- paths -------------------------------------------------------------------------------------------
    def object_path(self, digest: str) -> Path:
        assert self.root is not None
        return self.root / "objects" / digest[:2] / digest

    def _record_path(self, url: str) -> Path:
        assert self.root is not None
        key = sha256_hex(url)
        return self.root / "urls" / key[:2] / f"{key}.json"

    def partial_path(self, url: str) -> Path | None:
        """Where an interrupted download of ``url`` keeps its bytes so far (``None``: no cache)."""
        if self.root is None:
            return None
        p = self.root / "partial" / f"{sha256_hex(url)}.part"
        p.parent.mkdir(parents=True, exist_ok=True)
        return p

    # -- API ---------------------------------------------------------------------------------------------
    def record(self, url: str) -> UrlRecord | None:
        if self.root is None:
            return None
        p = self._record_path(url)
        try:
            return msgspec.json.decode(p.read_bytes(), type=UrlRecord)
        except (OSError, msgspec.DecodeError, msgspec.ValidationError):
            return None

    def get(self, url: str, max_age: float | None = None) -> bytes | None:
        """The cached body of ``url``, or ``None`` if absent, older than ``max_age`` seconds, or corrupt."""
        rec = self.record(url)
        if rec is None:
            return None
        if max_age is not None and time.time() - rec.fetched > max_age:
            return None
        return self.get_object(rec.sha256)

    def get_object(self, digest: str) -> bytes | None:
        if self.root is None:
            return None
        try:
            data = self.object_path(digest).read_bytes()
        except OSError:
            return None
        return data if sha256_hex(data) == digest else None

    def put(self, url: str, data: bytes, etag: str | None = None, last_modified: str | None = None) -> str:
        """Store ``data`` as the body of ``url``; returns its SHA-256."""
        digest = sha256_hex(data)
        if self.root is None:
            return digest
        obj = self.object_path(digest)
        if not obj.exists():
            _atomic_write(obj, data)
        rec = UrlRecord(
            url=url,
            sha256=digest,
            size=len(data),
            fetched=time.time(),
            etag=etag,
            last_modified=last_modified,
        )
        _atomic_write(self._record_path(url), msgspec.json.encode(rec))
        return digest

    def adopt(self, url: str, path: Path, digest: str, etag: str | None = None) -> None:
        """Move a finished file whose SHA-256 is ``digest`` (computed while it was written) into the cache
        as the body of ``url``: for bodies too large to hold in memory (daily feed archives)."""
        if self.root is None:
            path.unlink(missing_ok=True)
            return
        obj = self.object_path(digest)
        obj.parent.mkdir(parents=True, exist_ok=True)
        os.replace(path, obj)
        rec = UrlRecord(url=url, sha256=digest, size=obj.stat().st_size, fetched=time.time(), etag=etag)
        _atomic_write(self._record_path(url), msgspec.json.encode(rec))

    def forget(self, url: str) -> None:
        if self.root is not None:
            self._record_path(url).unlink(missing_ok=True)
