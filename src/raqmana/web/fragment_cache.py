"""Rendered HTML kept in the app's memory under a key that names everything it shows.

A progress table of 900 institutions × 13 enablers takes ~0.4 s to draw and is the same for every
coordinator until an answer changes state: the key carries the round's change counter
(``completion_stamps``, moved by database triggers), the language, the digits and the reader's scope, so
an entry is never stale and every worker process sees every change. When many readers ask for the same
missing key at once, one draws it and the others wait for it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from typing import Any


class FragmentCache:
    """A thread-safe LRU of rendered fragments (``size`` entries)."""

    def __init__(self, size: int = 64) -> None:
        self.size = size
        self._entries: OrderedDict[Hashable, str] = OrderedDict()
        self._drawing: dict[Hashable, threading.Lock] = {}
        self._guard = threading.Lock()

    def get(self, key: Hashable, draw: Callable[[], str]) -> str:
        with self._guard:
            found = self._entries.get(key)
            if found is not None:
                self._entries.move_to_end(key)
                return found
            lock = self._drawing.setdefault(key, threading.Lock())
        with lock:
            with self._guard:
                found = self._entries.get(key)
            if found is None:
                found = draw()
                with self._guard:
                    self._entries[key] = found
                    while len(self._entries) > self.size:
                        self._entries.popitem(last=False)
            with self._guard:
                self._drawing.pop(key, None)
            return found

    def __len__(self) -> int:
        return len(self._entries)


_CREATE = threading.Lock()


def fragment_cache(app: Any, name: str, size: int = 32) -> FragmentCache:
    """The app's cache called ``name``, made on first use (one per app: one per workspace)."""
    with _CREATE:
        caches: dict[str, FragmentCache] | None = getattr(app.state, "fragment_caches", None)
        if caches is None:
            caches = app.state.fragment_caches = {}
        return caches.setdefault(name, FragmentCache(size))
