"""Content-addressed file store: ``<root>/ab/cdef…`` named by the SHA-256 of the bytes.

A file stored for a database transaction (``put(data, session=…)``) that the transaction did not
have before is removed again if that transaction rolls back, so a refused or failed upload leaves no
bytes behind.
"""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path
from typing import Any, BinaryIO

from sqlalchemy import event
from sqlalchemy.orm import Session

from raqmana.atomic import TEMPORARY, write_bytes

#: ``Session.info`` key: files created for the session's current transaction
_NEW_FILES = "raqmana.new_files"
#: bytes copied at a time by :meth:`BlobStore.put_stream`
CHUNK = 1024 * 1024


class TooBig(Exception):
    """A stream longer than the limit it was stored with."""

    def __init__(self, limit: int) -> None:
        super().__init__(limit)
        self.limit = limit


@event.listens_for(Session, "after_commit")
def _keep_new_files(session: Session) -> None:
    session.info.pop(_NEW_FILES, None)


@event.listens_for(Session, "after_soft_rollback")
def _drop_new_files(session: Session, previous_transaction: Any) -> None:
    # the outermost transaction only (fired even when no database connection was used)
    if previous_transaction.parent is None:
        for path in session.info.pop(_NEW_FILES, ()):
            _unlink(path)


def _unlink(path: Path) -> None:
    """Delete a stored file and its two-letter folder once that is empty."""
    path.unlink(missing_ok=True)
    try:
        path.parent.rmdir()
    except OSError:  # not empty (or already gone)
        pass


def forget_on_rollback(session: Any, path: Path) -> None:
    """Remove ``path`` if ``session``'s transaction rolls back."""
    session.info.setdefault(_NEW_FILES, []).append(path)


class BlobStore:
    def __init__(self, root: Path):
        self.root = root

    def path(self, sha256: str) -> Path:
        if len(sha256) != 64 or any(c not in "0123456789abcdef" for c in sha256):
            raise ValueError("not a sha256 hex digest")
        return self.root / sha256[:2] / sha256[2:]

    def put(self, data: bytes, *, session: Session | None = None) -> str:
        """Store ``data`` (once: the same bytes are stored one time) and return its SHA-256. With
        ``session``, a file that was not there before is removed if the session's transaction rolls back."""
        digest = hashlib.sha256(data).hexdigest()
        target = self.path(digest)
        if target.is_file() and target.stat().st_size == len(data):
            return digest
        target.parent.mkdir(parents=True, exist_ok=True)
        write_bytes(target, data)
        if session is not None:
            forget_on_rollback(session, target)
        return digest

    def put_stream(
        self, source: BinaryIO, *, session: Session | None = None, limit: int | None = None
    ) -> tuple[str, int]:
        """Store what ``source`` reads, copied in chunks (never whole in memory); (SHA-256, size).
        More than ``limit`` bytes raises :class:`TooBig` and stores nothing."""
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.root, prefix=TEMPORARY)
        digest, size = hashlib.sha256(), 0
        try:
            with os.fdopen(fd, "wb") as fh:
                while chunk := source.read(CHUNK):
                    size += len(chunk)
                    if limit is not None and size > limit:
                        raise TooBig(limit)
                    digest.update(chunk)
                    fh.write(chunk)
                fh.flush()
                os.fsync(fh.fileno())
            name = digest.hexdigest()
            target = self.path(name)
            if target.is_file() and target.stat().st_size == size:
                Path(tmp).unlink()
                return name, size
            target.parent.mkdir(parents=True, exist_ok=True)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        if session is not None:
            forget_on_rollback(session, target)
        return name, size

    def remove(self, sha256: str) -> None:
        """Delete a stored file (nothing happens when it is not there)."""
        _unlink(self.path(sha256))

    def exists(self, sha256: str) -> bool:
        return self.path(sha256).is_file()

    def read(self, sha256: str) -> bytes:
        return self.path(sha256).read_bytes()
