"""Threads for the Monte Carlo: raqmana's own, one per core, and BLAS kept to one thread meanwhile.

The Monte Carlo splits its work into independent pieces (a combination of choices, an aggregate's
summary) and runs them in a thread pool; numpy releases the GIL in sorts, matrix products and
elementwise loops. OpenBLAS would otherwise start its own threads inside every matrix product, so
each core ran two busy threads and waited on the other's spin locks (measured: up to 10 times the CPU
time for the same products on a loaded machine).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from contextvars import ContextVar
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


#: the threads asked for (``raqmana index build --jobs``) in this context; None: :func:`cores`, at most 4
_asked: ContextVar[int | None] = ContextVar("raqmana_scoring_threads", default=None)


def cores() -> int:
    """The cores this process may use."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def workers() -> int:
    """Threads for the pieces: as many as asked with :func:`use_threads`, else the cores this process
    may use (at most 4)."""
    asked = _asked.get()
    return asked if asked is not None else max(1, min(4, cores()))


@contextmanager
def use_threads(count: int | None) -> Iterator[None]:
    """The pieces run on ``count`` threads for the duration (1: one after the other in the calling
    thread; None or 0: the default)."""
    token = _asked.set(max(1, count) if count else None)
    try:
        yield
    finally:
        _asked.reset(token)


@contextmanager
def one_blas_thread() -> Iterator[None]:
    """BLAS limited to one thread for the duration (the previous limits are restored after)."""
    from threadpoolctl import threadpool_limits

    with threadpool_limits(limits=1, user_api="blas"):
        yield


def parallel_map(fn: Callable[[T], R], items: Iterable[T]) -> list[R]:
    """``fn`` on every item in the thread pool, results in the items' order (with one worker, in the
    calling thread)."""
    if workers() == 1:
        return [fn(item) for item in items]
    with ThreadPoolExecutor(max_workers=workers()) as pool:
        return list(pool.map(fn, items))
