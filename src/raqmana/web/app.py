"""The app factory: ``create_app(settings) -> FastAPI``."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import anyio.to_thread
from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware
from starlette.responses import RedirectResponse, Response
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send
from uvicorn.middleware.proxy_headers import ProxyHeadersMiddleware

from raqmana.i18n.fonts import fonts_dir
from raqmana.problems import ProblemsError
from raqmana.settings import Settings, get_settings
from raqmana.web.body_limit import BodyLimit, route_classes
from raqmana.web.csrf import CookieMiddleware
from raqmana.web.edge import IntegerBounds
from raqmana.web.errors import WebError, handle_error
from raqmana.web.inline_worker import inline_worker
from raqmana.web.public_edge import PublicEdge, Versions
from raqmana.web.request_context import RequestContext, trusted_proxies
from raqmana.web.routers import ROUTERS, consultations, health, public
from raqmana.web.routers.jobs import BATCH_FILE_MB
from raqmana.web.security import Signer
from raqmana.web.templating import make_env
from raqmana.workspace import exceptions as wx
from raqmana.workspace import public_version
from raqmana.workspace.factory import Workspace, open_workspace
from raqmana.workspace.job_handlers import builtin_handlers

API_DESCRIPTION = """JSON API of raqmana. Every HTML page of the web app has a twin here under `/api/v1`
with the same path. Authenticate with `Authorization: Bearer <token>` (create a token on your account page);
a signed-in browser session may also read. Errors come as `{"ok": false, "status", "errors": [{"code",
"severity", "message", "location"}]}` in the language chosen with `?lang=ar|ckb|en`."""


class SecurityHeaders:
    """Security headers on every response (request body limits: :mod:`raqmana.web.body_limit`)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_wrapper(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                present = {k.lower() for k, _ in headers}
                headers += [
                    (k, v)
                    for k, v in [
                        (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"same-origin"),
                        (b"x-frame-options", b"DENY"),
                        (
                            b"content-security-policy",
                            b"default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                            b"font-src 'self'; frame-ancestors 'none'; form-action 'self'; base-uri 'self'",
                        ),
                    ]
                    if k not in present
                ]
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_wrapper)


PACKED_TYPES = (
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "application/vnd.oasis.opendocument.text",
    "application/vnd.oasis.opendocument.spreadsheet",
    "application/octet-stream",
)


def _limit_threads(ws: Workspace, threads: int) -> None:
    """Run ``threads`` request threads (never more than the database pool has connections): under load,
    requests wait their turn in the event loop instead of contending for the interpreter lock or timing
    out while waiting for a connection. With 50 connections on a 2-core machine, 4 threads per process
    served 136 questionnaire pages a second, 15 threads 109 and 2 threads 82 (benchmarks/web_load.py)."""
    pool = ws.engine.pool
    size = getattr(pool, "size", lambda: 0)() + max(0, getattr(pool, "_max_overflow", 0))
    limiter = anyio.to_thread.current_default_thread_limiter()
    limiter.total_tokens = min(threads, size) if size > 0 else threads


def _public_versions(ws: Workspace, seconds: float) -> Versions:
    """What the public pages show, read at most every ``seconds`` and again after each commit here."""

    def read() -> public_version.PublicVersion:
        with ws.reader() as session:
            return public_version.read(session)

    versions = Versions(read, seconds)
    ws.on_commit(versions.forget)
    return versions


def create_app(settings: Settings | None = None, *, workspace: Workspace | None = None) -> FastAPI:
    """Build the web app. Opens (and migrates) the workspace unless one is given."""
    settings = settings or get_settings()
    # the registries are built here, explicitly: job handlers by kind (the in-app worker runs them when
    # settings.inline_worker is on); report formats come with the report jobs (reports.render)
    ws = workspace or open_workspace(settings, handlers=builtin_handlers())

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        _limit_threads(ws, settings.web_threads)
        with inline_worker(ws, enabled=settings.inline_worker):
            yield
        if workspace is None:  # the app opened it, the app closes it
            ws.dispose()

    app = FastAPI(
        lifespan=lifespan,
        title="raqmana",
        version="1",
        description=API_DESCRIPTION,
        docs_url=None,
        redoc_url=None,
        openapi_url="/api/v1/openapi.json",
    )
    app.state.settings = settings
    app.state.ws = ws
    app.state.signer = Signer(settings)
    app.state.templates = make_env(settings)

    for exc_type in (
        WebError,
        wx.WorkspaceError,
        ProblemsError,
        RequestValidationError,
        StarletteHTTPException,
        Exception,
    ):
        app.add_exception_handler(exc_type, handle_error)

    static = Path(__file__).parent / "static"
    app.mount("/static/fonts", StaticFiles(directory=fonts_dir(), check_dir=False), name="fonts")
    app.mount("/static", StaticFiles(directory=static), name="static")

    @app.get("/favicon.ico", include_in_schema=False)
    def favicon() -> Response:  # browsers ask for it even when the page names an icon
        return RedirectResponse("/static/favicon.svg", status_code=301)

    for router in ROUTERS:
        app.include_router(router)
    app.include_router(health.router)  # /healthz and /readyz: no login, JSON
    app.include_router(public.router)  # the transparency portal under /public: no login, cached

    app.add_middleware(CookieMiddleware, signer=app.state.signer)
    # pages travel compressed: the progress heat map of 900 institutions is 560 KB of HTML and 31 KB
    # gzipped (level 1: 2 ms of work), which is what a governorate's slow link notices; files that are
    # compressed already (PDF, DOCX, XLSX, ZIP, images) pass as they are
    app.add_middleware(
        GZipMiddleware,
        minimum_size=1024,
        compresslevel=1,
        exclude_content_types=(*DEFAULT_EXCLUDED_CONTENT_TYPES, *PACKED_TYPES),
    )
    # bodies counted while they arrive, with or without Content-Length, against their route's limit
    classes = route_classes(upload_mb=settings.max_upload_mb, batch_mb=BATCH_FILE_MB)
    # integers beyond 64 bits in a path, query, form or JSON body: 404 / 422 before any route or the
    # database sees them (inside BodyLimit: a body is counted before it is read)
    app.add_middleware(IntegerBounds)
    app.add_middleware(BodyLimit, classes=classes, default_mb=settings.max_upload_mb)
    app.add_middleware(SecurityHeaders)
    if settings.public_cache:
        # public pages for visitors who are not signed in, from finished answers (before sessions, CSRF,
        # templates and the database; with the security headers above kept in them)
        app.add_middleware(
            PublicEdge,
            versions=_public_versions(ws, settings.public_cache_seconds),
            signer=app.state.signer,
            default_lang=settings.default_locale,
            max_bytes=settings.public_cache_mb * 2**20,
            inner_seconds={"consultations": consultations.PAGE_SECONDS},
        )
    app.add_middleware(RequestContext, hsts=settings.secure_cookies)
    # the client's address and scheme from X-Forwarded-For/-Proto, only when a listed proxy sent them
    if proxies := trusted_proxies(settings.trusted_proxies):
        app.add_middleware(ProxyHeadersMiddleware, trusted_hosts=proxies)
    return app
