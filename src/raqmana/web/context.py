"""The per-request context every route gets: workspace, actor, language, CSRF token.

``page_ctx`` serves HTML pages (session cookie), ``api_ctx`` the JSON API (Bearer token, or the session
cookie for reading). Both resolve the actor through the workspace (``verify_session`` /
``verify_api_token``); neither decides what the actor may do — the use cases do.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import Depends
from starlette.requests import Request

from raqmana.i18n import get_locale, gettext
from raqmana.settings import Settings
from raqmana.web.locale import negotiate
from raqmana.web.security import SAFE_METHODS, Signer
from raqmana.workspace import auth, tokens
from raqmana.workspace.actors import Actor
from raqmana.workspace.exceptions import NotAuthenticated
from raqmana.workspace.factory import Workspace

T = TypeVar("T")


@dataclass
class Ctx:
    request: Request
    ws: Workspace
    settings: Settings
    actor: Actor | None
    lang: str
    csrf: str
    session_token: str | None = None
    api: bool = False
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def dir(self) -> str:
        return get_locale(self.lang).direction

    def t(self, message: str, **params: object) -> str:
        return gettext(self.lang, message, **params)

    def require_actor(self) -> Actor:
        if self.actor is None:
            raise NotAuthenticated()
        return self.actor

    def unit(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one use case that needs no signed-in actor (signing out) in its own transaction."""
        with self.ws.transaction() as session:
            return use_case(session, *args, **kwargs)

    def call(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one use case as the signed-in actor in its own transaction."""
        actor = self.require_actor()
        with self.ws.transaction() as session:
            return use_case(session, actor, *args, **kwargs)

    def read(self, use_case: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run one read-only use case as the signed-in actor (always rolled back)."""
        actor = self.require_actor()
        with self.ws.reader() as session:
            return use_case(session, actor, *args, **kwargs)


def signer(request: Request) -> Signer:
    s: Signer = request.app.state.signer
    return s


def _resolve_session(request: Request, ws: Workspace) -> tuple[Actor | None, str | None]:
    token = signer(request).session_token(request)
    if not token:
        return None, None
    try:
        # read first (on SQLite a write transaction takes the database's write lock); only when the
        # session's idle expiry must slide forward (every few minutes) is it verified again to store that
        with ws.reader() as session:
            actor = auth.verify_session(session, token=token)
            touched = bool(session.dirty)
        if touched:
            with ws.transaction() as session:
                actor = auth.verify_session(session, token=token)
        return actor, token
    except NotAuthenticated:
        return None, None


def _bearer(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() == "bearer" and value.strip():
        return value.strip()
    return None


def _build(request: Request, actor: Actor | None, token: str | None, *, api: bool) -> Ctx:
    ws: Workspace = request.app.state.ws
    settings: Settings = request.app.state.settings
    lang = negotiate(request, user_lang=actor.locale if actor else None, default=settings.default_locale)
    ctx = Ctx(
        request=request,
        ws=ws,
        settings=settings,
        actor=actor,
        lang=lang,
        csrf=request.state.csrf,
        session_token=token,
        api=api,
    )
    request.state.ctx = ctx
    return ctx


def page_ctx(request: Request) -> Ctx:
    actor, token = _resolve_session(request, request.app.state.ws)
    return _build(request, actor, token, api=False)


def api_ctx(request: Request) -> Ctx:
    """API caller: a Bearer token, or the browser session for safe (reading) requests."""
    bearer = _bearer(request)
    ws: Workspace = request.app.state.ws
    if bearer:
        with ws.reader() as session:
            actor = tokens.verify_api_token(session, token=bearer)  # NotAuthenticated → 401
            touched = bool(session.dirty)
        if touched:
            with ws.transaction() as session:
                actor = tokens.verify_api_token(session, token=bearer)
        return _build(request, actor, None, api=True)
    reader, token = _resolve_session(request, ws)
    if reader is not None and request.method not in SAFE_METHODS:
        from raqmana.web.csrf import check_csrf_header

        check_csrf_header(request)
    return _build(request, reader, token, api=True)


PageCtx = Depends(page_ctx)
ApiCtx = Depends(api_ctx)
