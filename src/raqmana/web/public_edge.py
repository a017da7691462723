"""Public pages served from finished answers, before sessions, CSRF, templates and the database.

The portal (``/public``, its services, KPIs, roadmap and open data) and the public consultations (the list
and each consultation's pages) look the same to every visitor who is not signed in, except for the
visitor's own CSRF token and language. This ASGI layer keeps each such answer as it was finished (headers
with the ETag, Cache-Control, Vary and security headers the app set; the body plain and gzipped, split at
the CSRF token: :mod:`raqmana.web.edge_body`) and serves it again while what it shows has not changed.

What it shows is known by a version read from the database (:mod:`raqmana.workspace.public_version`) at
most once every ``public_cache_seconds`` per process, and again after any commit of this process: a
publication withdrawn, a comment published or a consultation closed through another process disappears
from the kept pages within that bound (1 s by default), through this process at once. (A consultation
page may take the app's own two seconds more: the app keeps what every visitor of it sees that long; a
page built in those two seconds after a change is built again once they have passed, the kept one served
while it is.) Polling one small query a second per process was chosen over LISTEN/NOTIFY: it needs no
connection held open per worker, works the same on SQLite, and also sees what the clock changes (a
consultation opening or closing).

Only GET and HEAD of those paths come here, and only from visitors the app treats alike: a request with
any cookie besides the CSRF and language ones (a session, a participant), an Authorization header, an
HTMX or Range request passes through untouched, as does every other path. An answer is kept only when
it is a 200 without Set-Cookie, built for a visitor with no session and the stand-in token; errors are
never kept. If-None-Match is answered 304.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import math
import re
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import parse_qsl

import anyio
import anyio.to_thread
from starlette.requests import cookie_parser
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raqmana.i18n import get_locale
from raqmana.web.csrf import _cookie
from raqmana.web.edge_body import SLOT, KeptBody
from raqmana.web.locale import LANG_COOKIE, _known
from raqmana.web.security import CSRF_COOKIE, CSRF_MAX_AGE, Signer, new_csrf_token
from raqmana.workspace.public_version import PublicVersion

log = logging.getLogger(__name__)
PORTAL = re.compile(r"/public(/(services/[^/]+|kpis(/[^/]+(/trend\.svg)?)?|roadmap|data/[^/]+(/[^/]+)?))?")
CONSULTATIONS = re.compile(r"/public/consultations(/\d{1,10})?")
#: visitors with other cookies (a session, a participant) are not served from kept pages
ALIKE_COOKIES = frozenset({CSRF_COOKIE, LANG_COOKIE})
#: request headers that make an answer someone's own, or a part of one
PERSONAL = frozenset({b"authorization", b"hx-request", b"range"})
#: not passed to the app when it builds a page to keep (the kept page answers them itself)
_NOT_INNER = PERSONAL | {b"cookie", b"accept-encoding", b"if-none-match", b"if-modified-since", b"if-range"}
#: not kept: counted, compressed and validated again for each answer
_NOT_KEPT = {b"content-length", b"content-encoding", b"etag", b"vary", b"date", b"server", b"x-request-id"}
COMPRESSIBLE = ("text/", "application/json", "application/ld+json", "image/svg+xml")
GZIP_MIN = 1024  # as the app's GZipMiddleware
#: added to the seconds the app itself may answer from what it read before a change
MARGIN = 0.25


def family(path: str) -> str | None:
    """``portal``, ``consultations`` or None (not a public page kept here)."""
    if PORTAL.fullmatch(path):
        return "portal"
    if CONSULTATIONS.fullmatch(path):
        return "consultations"
    return None


class Versions:
    """The public version as last read, read again when older than ``seconds`` or after a commit."""

    def __init__(
        self, read: Callable[[], PublicVersion], seconds: float, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self._read = read
        self.seconds = seconds
        self.clock = clock
        self.value: PublicVersion | None = None
        self.read_at = -math.inf
        #: when each family's version was last seen to change (end of the read that saw it)
        self.changed_at: dict[str, float] = {}
        self._stale = True
        self._pending: tuple[asyncio.AbstractEventLoop, asyncio.Task[PublicVersion | None]] | None = None
        self._limiter = anyio.CapacityLimiter(1)  # not behind the request threads

    def forget(self) -> None:
        """Something was committed in this process: read the version again before serving a kept page."""
        self._stale = True

    async def current(self) -> PublicVersion | None:
        """The version read less than ``seconds`` ago (and since the last commit here). Past half of that
        it is read again in the background, so that requests rarely wait for the database."""
        age = self.clock() - self.read_at
        if not self._stale and age < self.seconds:
            if age >= self.seconds / 2:
                self._start()
            return self.value
        return await asyncio.shield(self._start())

    def _start(self) -> asyncio.Task[PublicVersion | None]:
        loop = asyncio.get_running_loop()
        if self._pending is None or self._pending[0] is not loop or self._pending[1].done():
            self._pending = (loop, loop.create_task(self._refresh()))
        return self._pending[1]

    async def _refresh(self) -> PublicVersion | None:
        started = self.clock()
        self._stale = False  # a commit while reading marks it stale again
        try:
            value: PublicVersion | None = await anyio.to_thread.run_sync(self._read, limiter=self._limiter)
        except Exception:  # the database is away: nothing is served from kept pages, the app answers
            value = None
        now = self.clock()
        if value is not None:
            for name in ("portal", "consultations"):
                if self.value is None or getattr(self.value, name) != getattr(value, name):
                    self.changed_at[name] = now
        self.value, self.read_at = value, started
        return value


@dataclass(slots=True)
class Kept:
    version: str
    body: KeptBody
    headers: list[tuple[bytes, bytes]]
    etag: bytes
    vary: bytes
    expires: float

    def etag_for(self, token: str) -> bytes:
        """The page's ETag, with the visitor's token in it when the page holds one."""
        if not self.body.has_token:
            return self.etag
        mark = hashlib.blake2b(token.encode(), digest_size=6).hexdigest().encode()
        return self.etag[:-1] + b"-" + mark + b'"'


class PublicEdge:
    """ASGI middleware: see the module docstring."""

    def __init__(
        self,
        app: ASGIApp,
        *,
        versions: Versions,
        signer: Signer,
        default_lang: str,
        max_bytes: int,
        inner_seconds: dict[str, float] | None = None,
    ) -> None:
        """``inner_seconds``: by family, how long the app itself may still answer from what it read before
        a change (the consultation page keeps what every visitor sees for a moment per process)."""
        self.app = app
        self.inner_seconds = {name: seconds + MARGIN for name, seconds in (inner_seconds or {}).items()}
        self.versions = versions
        self.signer = signer
        self.default_lang = get_locale(default_lang).code
        self.max_bytes = max_bytes
        self.kept: OrderedDict[tuple[str, ...], Kept] = OrderedDict()
        self.kept_bytes = 0
        self._tasks: set[asyncio.Task[None]] = set()
        self._tokens: dict[str, tuple[str, float]] = {}
        self._filling: dict[
            tuple[str, ...], tuple[asyncio.AbstractEventLoop, asyncio.Future[Kept | None]]
        ] = {}

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in ("GET", "HEAD"):
            await self.app(scope, receive, send)
            return
        name = family(scope["path"])
        headers = dict(scope["headers"])  # duplicates: the last one, as for the checks below
        cookies = cookie_parser(
            b"; ".join(v for k, v in scope["headers"] if k == b"cookie").decode("latin-1")
        )
        if name is None or PERSONAL & headers.keys() or not ALIKE_COOKIES.issuperset(cookies):
            await self.app(scope, receive, send)
            return
        version = await self.versions.current()
        if version is None:
            await self.app(scope, receive, send)
            return
        query = dict(parse_qsl(scope["query_string"].decode("latin-1"), keep_blank_values=True))
        asked = _known(query.get("lang"))
        lang = asked or _known(cookies.get(LANG_COOKIE)) or self.default_lang
        host = headers.get(b"host", b"").decode("latin-1")
        key = (name, scope["scheme"], host, scope["path"], scope["query_string"].decode("latin-1"), lang)
        current = getattr(version, name)
        kept = self.kept.get(key)
        if kept is None or kept.version != current:
            if scope["method"] == "HEAD":
                await self.app(scope, receive, send)
                return
            kept = await self._fill(scope, key, name, current, lang)
            if kept is None:  # not to be kept (an error, a cookie set): the app answers this visitor
                await self.app(scope, receive, send)
                return
        else:
            self.kept.move_to_end(key)
            if kept.expires <= self.versions.clock():
                # built while the app could still answer from what it read before the last change: built
                # again in the background, this one served meanwhile (the bound plus one build)
                self._rebuild(dict(scope), key, name, current, lang)
        await self._serve(kept, scope, send, headers, cookies, asked)

    def _token_of(self, cookie: str | None) -> str | None:
        """The CSRF token in the visitor's signed cookie; a cookie seen in the last minute is not checked
        again (a returning visitor's pages cost no signature check each)."""
        if not cookie:
            return None
        now = time.monotonic()
        seen = self._tokens.get(cookie)
        if seen is not None and seen[1] > now:
            return seen[0]
        found = self.signer.loads("csrf", cookie, CSRF_MAX_AGE)
        if not isinstance(found, str) or not found:
            return None
        if len(self._tokens) >= 4096:
            self._tokens.clear()
        self._tokens[cookie] = (found, now + 60)
        return found

    def _rebuild(self, scope: Scope, key: tuple[str, ...], name: str, version: str, lang: str) -> None:
        loop = asyncio.get_running_loop()
        pending = self._filling.get(key)
        if pending is not None and pending[0] is loop:
            return

        async def rebuild() -> None:
            try:
                await self._fill(scope, key, name, version, lang)
            except Exception:  # the app failed: the page is not served from here until it answers again
                self._drop(key)
                log.exception("public page %s not rebuilt", scope["path"])

        task = loop.create_task(rebuild())
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    # -- building a page to keep -------------------------------------------------------------------
    async def _fill(
        self, scope: Scope, key: tuple[str, ...], name: str, version: str, lang: str
    ) -> Kept | None:
        loop = asyncio.get_running_loop()
        pending = self._filling.get(key)
        if pending is not None and pending[0] is loop:  # someone is building it: wait for theirs
            return await asyncio.shield(pending[1])
        future: asyncio.Future[Kept | None] = loop.create_future()
        self._filling[key] = (loop, future)
        try:
            kept = await self._build(scope, name, version, lang)
            if kept is not None:
                self._keep(key, kept)
            else:
                self._drop(key)
            future.set_result(kept)
            return kept
        except BaseException:
            future.set_result(None)
            raise
        finally:
            if key in self._filling and self._filling[key][1] is future:
                del self._filling[key]

    async def _build(self, scope: Scope, name: str, version: str, lang: str) -> Kept | None:
        started = self.versions.clock()
        stand_in = self.signer.dumps("csrf", SLOT)
        headers = [(k, v) for k, v in scope["headers"] if k not in _NOT_INNER]
        headers.append((b"cookie", f"{LANG_COOKIE}={lang}; {CSRF_COOKIE}={stand_in}".encode("latin-1")))
        inner = {**scope, "method": "GET", "headers": headers, "state": dict(scope.get("state") or {})}
        answer = _Captured(limit=self.max_bytes // 8)
        await self.app(inner, answer.receive, answer.send)
        answer.done.set()
        if not answer.keepable():
            return None
        ctype = answer.header(b"content-type")
        compress = len(answer.body) >= GZIP_MIN and ctype.decode("latin-1").startswith(COMPRESSIBLE)
        vary = [v.strip() for v in answer.header(b"vary").decode("latin-1").split(",") if v.strip()]
        if compress and "accept-encoding" not in {v.lower() for v in vary}:
            vary.append("Accept-Encoding")
        etag = (
            answer.header(b"etag")
            or b'"e' + hashlib.blake2b(answer.body, digest_size=12).hexdigest().encode() + b'"'
        )
        changed = self.versions.changed_at.get(name, -math.inf) + self.inner_seconds.get(name, 0.0)
        return Kept(
            version=version,
            body=KeptBody.of(answer.body, gzip=compress),
            headers=[(k, v) for k, v in answer.headers if k not in _NOT_KEPT],
            etag=etag,
            vary=", ".join(vary).encode("latin-1"),
            # the app may have answered from what it read before the last change: keep it only until then
            expires=changed if started < changed else math.inf,
        )

    def _drop(self, key: tuple[str, ...]) -> None:
        old = self.kept.pop(key, None)
        if old is not None:
            self.kept_bytes -= old.body.size

    def _keep(self, key: tuple[str, ...], kept: Kept) -> None:
        self._drop(key)
        self.kept[key] = kept
        self.kept_bytes += kept.body.size
        while self.kept_bytes > self.max_bytes and self.kept:
            _, gone = self.kept.popitem(last=False)
            self.kept_bytes -= gone.body.size

    # -- answering from a kept page ----------------------------------------------------------------
    async def _serve(
        self,
        kept: Kept,
        scope: Scope,
        send: Send,
        headers: dict[bytes, bytes],
        cookies: dict[str, str],
        asked: str | None,
    ) -> None:
        token, extra = "", []
        if kept.body.has_token:
            found = self._token_of(cookies.get(CSRF_COOKIE))
            if found:
                token = found
            else:  # as the app's cookie middleware does for a first visit
                token = new_csrf_token()
                extra.append(
                    (b"set-cookie", _cookie(CSRF_COOKIE, self.signer.dumps("csrf", token), self.signer))
                )
        if asked and cookies.get(LANG_COOKIE) != asked:  # ?lang= is remembered, as the app does
            extra.append((b"set-cookie", _cookie(LANG_COOKIE, asked, self.signer, httponly=False)))
        etag = kept.etag_for(token)
        common = [*kept.headers, (b"etag", etag), (b"vary", kept.vary), *extra]
        if _matches(headers.get(b"if-none-match", b""), etag):
            common = [(k, v) for k, v in common if k != b"content-type"]
            await send({"type": "http.response.start", "status": 304, "headers": common})
            await send({"type": "http.response.body", "body": b""})
            return
        packed = kept.body.gzip(token) if b"gzip" in headers.get(b"accept-encoding", b"") else None
        gz = packed is not None
        body = packed if packed is not None else kept.body.plain(token)
        out = [*common, (b"content-length", str(len(body)).encode())]
        if gz:
            out.append((b"content-encoding", b"gzip"))
        await send({"type": "http.response.start", "status": 200, "headers": out})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def _matches(given: bytes, etag: bytes) -> bool:
    if not given:
        return False
    bare = etag.removeprefix(b"W/")
    return any(t.strip().removeprefix(b"W/") == bare for t in given.split(b","))


class _Captured:
    """The app's answer to a page to keep, gathered instead of sent."""

    def __init__(self, *, limit: int) -> None:
        self.limit = limit
        self.status = 0
        self.headers: list[tuple[bytes, bytes]] = []
        self.chunks: list[bytes] = []
        self.size = 0
        self.complete = False
        self.odd = False
        self.done = anyio.Event()
        self._asked = False

    async def receive(self) -> Message:
        if not self._asked:  # a GET has no body
            self._asked = True
            return {"type": "http.request", "body": b"", "more_body": False}
        await self.done.wait()
        return {"type": "http.disconnect"}

    async def send(self, message: Message) -> None:
        if message["type"] == "http.response.start":
            self.status = int(message["status"])
            self.headers = [(bytes(k).lower(), bytes(v)) for k, v in message.get("headers", [])]
        elif message["type"] == "http.response.body":
            chunk = bytes(message.get("body", b""))
            self.size += len(chunk)
            if self.size <= self.limit:
                self.chunks.append(chunk)
            self.complete = not message.get("more_body", False)
        else:  # a file sent by path or another extension: not kept
            self.odd = True

    @property
    def body(self) -> bytes:
        return b"".join(self.chunks)

    def header(self, name: bytes) -> bytes:
        return next((v for k, v in reversed(self.headers) if k == name), b"")

    def keepable(self) -> bool:
        control = self.header(b"cache-control").lower()
        return (
            self.status == 200
            and self.complete
            and not self.odd
            and self.size <= self.limit
            and not any(k in (b"set-cookie", b"content-encoding") for k, _ in self.headers)
            and b"no-store" not in control
            and b"private" not in control
        )
