"""A file written whole or not at all: under a temporary name beside its target, flushed to the disk, then
moved over the target in one step (``os.replace``). A reader sees the old file or the new one, never half
of one; a write that fails (or a process that stops) leaves the target as it was.

The temporary names start with :data:`TEMPORARY` (``.tmp-``): folders that are listed or backed up pass
them over (see :mod:`raqmana.store.backup`).
"""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

#: the first characters of a file being written (not yet part of anything)
TEMPORARY = ".tmp-"


@contextmanager
def replacing(target: Path) -> Iterator[Path]:
    """A new, empty temporary file in ``target``'s folder (which must exist) for the block to write.
    When the block ends without an error, the file is flushed to the disk and replaces ``target``;
    when it raises, the file is removed and ``target`` is left as it was."""
    fd, name = tempfile.mkstemp(dir=target.parent, prefix=TEMPORARY)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with tmp.open("rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_bytes(target: Path, data: bytes) -> None:
    """Write ``data`` to ``target`` whole or not at all (see :func:`replacing`)."""
    with replacing(target) as tmp:
        tmp.write_bytes(data)
