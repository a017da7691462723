"""Staging folders of ``raqmana index build``.

A build writes its files into a hidden ``.raqmana-index-*`` folder beside its output and moves them into
place once every period has succeeded. The folder holds a lock file that its build keeps locked while it
runs; the operating system releases the lock when that process ends however it ends, so a folder whose
lock can be taken was left by a build that was killed, and the next build in the same place removes it.
Where files cannot be locked (no ``fcntl``), a folder is stale once it is a day old.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import time
from pathlib import Path
from typing import IO

PREFIX = ".raqmana-index-"
LOCK = ".lock"
#: a staging folder without a lock file (made by an older raqmana, or killed before it was locked) is
#: left alone for this long, so that a build that has just made its folder is never disturbed
UNLOCKED_GRACE_S = 60.0
#: a staging folder whose lock is free is left alone this long after it last changed: a build that has
#: just made its folder takes the lock a moment later
LOCKED_GRACE_S = 10.0
#: without file locks, a staging folder this old is stale
NO_LOCKS_STALE_S = 24 * 3600.0


def make(parent: Path) -> tuple[Path, IO[str]]:
    """A new staging folder in ``parent`` and its lock file, open and locked (close it when done)."""
    folder = Path(tempfile.mkdtemp(prefix=PREFIX, dir=parent))
    handle = (folder / LOCK).open("w", encoding="utf-8")
    handle.write(f"{os.getpid()}\n")
    handle.flush()
    _lock(handle)
    return folder, handle


def remove_stale(parent: Path) -> list[Path]:
    """Remove the staging folders in ``parent`` that no running build holds; the ones removed."""
    removed: list[Path] = []
    try:
        candidates = sorted(p for p in parent.iterdir() if p.name.startswith(PREFIX) and p.is_dir())
    except OSError:
        return removed
    for folder in candidates:
        if _stale(folder):
            shutil.rmtree(folder, ignore_errors=True)
            if not folder.exists():
                removed.append(folder)
    return removed


def _stale(folder: Path) -> bool:
    lock = folder / LOCK
    try:
        age = time.time() - folder.stat().st_mtime
    except OSError:
        return False
    if not lock.is_file():
        return age > UNLOCKED_GRACE_S
    try:
        import fcntl
    except ImportError:  # not on a POSIX system: by age only
        return age > NO_LOCKS_STALE_S
    try:
        with lock.open("r", encoding="utf-8") as handle:
            try:
                fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # a running build holds it
                return False
            fcntl.flock(handle.fileno(), fcntl.LOCK_UN)
            return age > LOCKED_GRACE_S
    except OSError:
        return False


def _lock(handle: IO[str]) -> None:
    try:
        import fcntl
    except ImportError:
        return
    fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
