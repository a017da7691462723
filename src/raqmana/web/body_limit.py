"""Request bodies are counted while they arrive and refused with 413 as soon as they pass the limit of
their route class, whether the client announced a Content-Length or sent the body in chunks.

Route classes: the batch of workbooks (files or ZIP archives of a whole round), a single workbook, an
evidence file, and everything else (forms and JSON). A Content-Length over the limit is refused before
any byte is read; a chunked body is cut off at the first chunk past the limit.

A batch's files are then copied to disk a chunk at a time (:func:`spooled_uploads`) into the uploads
area of the data directory, checked from there and deleted when the request ends, however it ends; no
upload is held in memory whole.

A request without credentials (no session cookie, no ``Authorization`` header) gets ANONYMOUS_MB
whatever its route: forms are parsed before sign-in is checked, and a stranger must not make the server
spool hundreds of megabytes before hearing "sign in".
"""

from __future__ import annotations

import os
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raqmana.problems import Location, Problem
from raqmana.web import messages
from raqmana.web.errors import WebError, handle_error
from raqmana.web.security import SESSION_COOKIE

MIB = 1024 * 1024
#: the limit for requests without credentials (sign-in form, public pages)
ANONYMOUS_MB = 1
#: room for the multipart framing and the other fields of an upload form
FORM_OVERHEAD = MIB


@dataclass(frozen=True)
class RouteClass:
    name: str
    pattern: re.Pattern[str]
    #: the largest file the route accepts, in MiB
    file_mb: int


def route_classes(*, upload_mb: int, batch_mb: int) -> list[RouteClass]:
    """The upload routes by path (HTML form and JSON twin alike); anything else takes ``upload_mb``."""
    return [
        RouteClass("batch", re.compile(r"^(/api/v1)?/assessments/[^/]+/workbooks/?$"), batch_mb),
        RouteClass("round archive", re.compile(r"^(/api/v1)?/exchange/import-round/?$"), batch_mb),
        RouteClass(
            "workbook",
            re.compile(r"^((/api/v1)?/assessments/[^/]+/institutions/[^/]+/workbook|/api/v1/workbooks)/?$"),
            upload_mb,
        ),
        RouteClass("evidence", re.compile(r"/answers/[^/]+/evidence(/file)?/?$"), upload_mb),
        # a Kobo/ODK export of a survey of a round (a large one is imported as a job)
        RouteClass(
            "survey", re.compile(r"^(/api/v1)?/assessments/[^/]+/surveys/[^/]+/submissions/?$"), batch_mb
        ),
        RouteClass("document", re.compile(r"^(/api/v1)?/documents/?$"), upload_mb),
    ]


class _TooLarge(Exception):
    pass


def _has_credentials(headers: list[tuple[bytes, bytes]]) -> bool:
    """A session cookie or an Authorization header (not checked here: the routes do that)."""
    cookie = SESSION_COOKIE.encode() + b"="
    return any(n == b"authorization" or (n == b"cookie" and cookie in v) for n, v in headers)


class BodyLimit:
    """ASGI middleware: the byte count of each request body against the limit of its route class."""

    def __init__(self, app: ASGIApp, *, classes: list[RouteClass], default_mb: int) -> None:
        self.app = app
        self.classes = classes
        self.default_mb = default_mb

    def limit_mb(self, path: str, *, credentials: bool = True) -> int:
        limit = next((c.file_mb for c in self.classes if c.pattern.search(path)), self.default_mb)
        return limit if credentials else min(limit, ANONYMOUS_MB)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        headers = scope.get("headers", [])
        limit_mb = self.limit_mb(scope.get("path", ""), credentials=_has_credentials(headers))
        limit = limit_mb * MIB + FORM_OVERHEAD
        for name, value in headers:
            if name == b"content-length" and (not value.isdigit() or len(value) > 15 or int(value) > limit):
                await self._refuse(scope, receive, send, limit_mb)
                return
        seen = 0
        exceeded = False
        started = False

        async def counting_receive() -> Message:
            nonlocal seen, exceeded
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > limit:
                    exceeded = True
                    raise _TooLarge
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if exceeded:  # whatever the app made of the interrupted body, the answer is 413
                return
            started = started or message["type"] == "http.response.start"
            await send(message)

        try:
            await self.app(scope, counting_receive, guarded_send)
        except Exception:
            if not exceeded or started:
                raise
        if exceeded and not started:
            await self._refuse(scope, receive, send, limit_mb)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send, limit_mb: int) -> None:
        exc = WebError(413, [Problem(messages.TOO_LARGE, Location(field="file"), {"limit": limit_mb})])
        response = await handle_error(Request(scope), exc)
        response.headers["connection"] = "close"
        await response(scope, receive, send)


#: where uploaded files wait while they are checked: inside the uploads area of the data directory (the
#: same disk as the files kept, not a temporary directory that may live in memory)
INCOMING = Path("uploads") / ".incoming"
#: bytes copied at a time
CHUNK = MIB


@dataclass
class Spool:
    """Uploaded files copied to disk a chunk at a time, the limit counted while copying."""

    directory: Path
    paths: list[Path] = field(default_factory=list)

    async def add(self, upload: UploadFile, limit_mb: int) -> tuple[str, Path]:
        """(filename, file on disk) of an upload; 413 as soon as it passes ``limit_mb`` MiB."""
        for attempt in range(3):  # another request may remove the empty folder in between
            self.directory.mkdir(parents=True, exist_ok=True)
            try:
                fd, name = tempfile.mkstemp(dir=self.directory, prefix="upload-")
                break
            except FileNotFoundError:
                if attempt == 2:
                    raise
        path = Path(name)
        self.paths.append(path)
        size, limit = 0, limit_mb * MIB
        with os.fdopen(fd, "wb") as out:
            await upload.seek(0)
            while chunk := await upload.read(CHUNK):
                size += len(chunk)
                if size > limit:
                    raise WebError(
                        413, [Problem(messages.TOO_LARGE, Location(field="files"), {"limit": limit_mb})]
                    )
                await run_in_threadpool(out.write, chunk)
        return upload.filename or path.name, path

    def remove(self) -> None:
        for path in self.paths:
            path.unlink(missing_ok=True)
        try:
            self.directory.rmdir()
        except OSError:  # another upload is waiting there too (or it is already gone)
            pass


@contextmanager
def spooled_uploads(data_dir: Path) -> Iterator[Spool]:
    """A spool for the files of one request, deleted when the request is done, whether it was
    accepted, refused or failed."""
    spool = Spool(data_dir / INCOMING)
    try:
        yield spool
    finally:
        spool.remove()
