"""A request-rate limit shared by every process of a run: at most ``rate`` requests in any window of
``period`` seconds (EDGAR fair access: 10 requests/s per user, however many processes or machines).

How: a sliding-window log kept in a small state file next to the cache, guarded by ``fcntl.flock``.
The file holds the send times (wall clock, seconds) of the last ``rate`` requests; a process may send
when the oldest of them is more than ``period + margin`` seconds old, and appends its own time while it
still holds the lock. Every process that points at the same state file (the CLI puts it in the cache
folder, so all workers of a run share it) therefore shares one budget. A sliding log is exact, unlike a
fixed-window counter that allows 2x bursts across a window edge. ``margin`` absorbs the jitter between
"allowed to send" here and "received" at the server, so a server that counts arrivals in 1-second
windows never sees more than ``rate``.

Why not pyrate-limiter's SQLite bucket: its leaky-bucket semantics have no margin for that jitter, and
a 60-line flock limiter is easier to reason about and has no schema to migrate.

Usage::

    limiter = RateLimiter(cache_dir / "ratelimit.state", rate=10)
    limiter.acquire()  # blocks until this process may send one request
"""

from __future__ import annotations

import fcntl
import os
import struct
import threading
import time
from collections.abc import Callable
from pathlib import Path

_F = struct.Struct("<d")


class RateLimiter:
    """At most ``rate`` acquisitions per ``period`` seconds across threads and processes sharing ``path``.

    ``path=None`` limits only this process (threads share it through a lock).
    """

    def __init__(
        self,
        path: str | os.PathLike[str] | None,
        rate: float = 10,
        period: float = 1.0,
        margin: float = 0.1,
        clock: Callable[[], float] = time.time,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        # A fractional rate (e.g. 0.5/s) becomes one request per 2 s.
        if rate < 1:
            period, rate = period / rate, 1
        self.rate = int(rate)
        self.period = period + margin
        self.path = Path(path) if path is not None else None
        self._clock = clock
        self._sleep = sleep
        self._tlock = threading.Lock()
        self._mem: list[float] = []
        if self.path is not None:
            self.path.parent.mkdir(parents=True, exist_ok=True)

    def acquire(self) -> None:
        """Block until one more request fits in the window, then record it."""
        while True:
            wait = self._try()
            if wait <= 0:
                return
            self._sleep(min(wait, self.period))

    def _try(self) -> float:
        with self._tlock:
            if self.path is None:
                return self._admit(self._mem)
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX)
                raw = os.pread(fd, 1 << 16, 0)
                n = len(raw) // _F.size
                times = [_F.unpack_from(raw, i * _F.size)[0] for i in range(n)]
                wait = self._admit(times)
                if wait <= 0:
                    data = b"".join(_F.pack(t) for t in times)
                    os.ftruncate(fd, 0)
                    os.pwrite(fd, data, 0)
                return wait
            finally:
                os.close(fd)  # closing releases the flock

    def _admit(self, times: list[float]) -> float:
        """Drop expired entries; admit (append now, return 0) or return seconds to wait."""
        now = self._clock()
        # A clock that went backwards (NTP step) must not block for ever: drop entries from the future.
        times[:] = [t for t in times if now - self.period < t <= now + 1e-3]
        if len(times) < self.rate:
            times.append(now)
            times.sort()
            del times[: max(0, len(times) - self.rate)]
            return 0.0
        return times[-self.rate] + self.period - now + 1e-4
