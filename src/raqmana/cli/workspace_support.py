"""What the workspace commands share: opening the workspace and turning its errors into exit code 2."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from raqmana.cli.common import fail
from raqmana.workspace import Workspace, WorkspaceError, open_workspace


@contextmanager
def workspace(lang: str = "en", *, as_json: bool = False) -> Iterator[Workspace]:
    """Open the workspace of the current settings (migrating it); report workspace errors and exit 2."""
    ws = open_workspace()
    try:
        yield ws
    except WorkspaceError as exc:
        fail(exc.problems, lang, as_json=as_json)
    finally:
        ws.dispose()
