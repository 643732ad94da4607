"""Map a per-input function over many inputs on all cores, results in input order."""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def default_jobs() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


def map_ordered(
    fn: Callable[[T], R], inputs: Iterable[T], jobs: int | None = None, chunksize: int = 4
) -> Iterator[R]:
    """``map(fn, inputs)`` over ``jobs`` processes (in-process when 1), yielding in input order."""
    items = list(inputs)
    n = jobs or default_jobs()
    if n <= 1 or len(items) <= 1:
        for x in items:
            yield fn(x)
        return
    with ProcessPoolExecutor(max_workers=n) as pool:
        yield from pool.map(fn, items, chunksize=chunksize)
