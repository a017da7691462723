"""CSRF: the cookie middleware and the check every state-changing HTML request goes through.

Before sign-in the token is the signed random value of the CSRF cookie (double submit); once signed in it
is bound to the session (:func:`session_csrf`), so a token and cookie taken from another visit or another
session of the same person are refused.
"""

from __future__ import annotations

import hashlib
import hmac
from http.cookies import SimpleCookie

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raqmana.problems import Problem
from raqmana.web import messages
from raqmana.web.errors import WebError
from raqmana.web.locale import LANG_COOKIE, _known
from raqmana.web.security import (
    CSRF_COOKIE,
    CSRF_FIELD,
    CSRF_HEADER,
    SAFE_METHODS,
    Signer,
    new_csrf_token,
    tokens_match,
)


class CookieMiddleware:
    """Gives every visitor a signed CSRF token (``request.state.csrf``) and remembers ``?lang=``."""

    def __init__(self, app: ASGIApp, signer: Signer) -> None:
        self.app = app
        self.signer = signer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request = Request(scope)
        token = self.signer.csrf_from_cookie(request)
        fresh = token is None
        if token is None:
            token = new_csrf_token()
        session = self.signer.session_token(request)
        # signed in: the token is bound to the session (a token and cookie from another visit do not pass)
        scope.setdefault("state", {})["csrf"] = session_csrf(self.signer, session) if session else token
        lang = _known(request.query_params.get("lang"))
        signer = self.signer

        async def send_with_cookies(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                already = b"".join(v for k, v in headers if k.lower() == b"set-cookie")
                if fresh and CSRF_COOKIE.encode() + b"=" not in already:
                    headers.append((b"set-cookie", _cookie(CSRF_COOKIE, signer.dumps("csrf", token), signer)))
                if lang and request.cookies.get(LANG_COOKIE) != lang:
                    headers.append((b"set-cookie", _cookie(LANG_COOKIE, lang, signer, httponly=False)))
                message["headers"] = headers
            await send(message)

        await self.app(scope, receive, send_with_cookies)


def session_csrf(signer: Signer, session_token: str) -> str:
    """The CSRF token of a signed-in browser: an HMAC of its session token under the secret key, so it
    changes with every sign-in and cannot be paired with another session's cookie. Before sign-in the
    signed random token of the CSRF cookie serves (double submit)."""
    key = signer.settings.secret_key.encode()
    return hmac.new(key, b"raqmana-csrf\n" + session_token.encode(), hashlib.sha256).hexdigest()


def _cookie(name: str, value: str, signer: Signer, *, httponly: bool = True) -> bytes:
    c: SimpleCookie = SimpleCookie()
    c[name] = value
    morsel = c[name]
    morsel["path"] = "/"
    morsel["samesite"] = "Lax"
    morsel["max-age"] = str(365 * 24 * 3600 if name == LANG_COOKIE else 7 * 24 * 3600)
    if httponly:
        morsel["httponly"] = True
    if signer.settings.secure_cookies:
        morsel["secure"] = True
    return morsel.OutputString().encode("latin-1")


def _refuse() -> WebError:
    return WebError(403, [Problem(messages.CSRF)])


async def check_csrf(request: Request) -> None:
    """Router dependency: refuse a state-changing request whose CSRF token does not match."""
    if request.method in SAFE_METHODS:
        return
    expected: str = request.state.csrf
    given = request.headers.get(CSRF_HEADER)
    if not given:
        ctype = request.headers.get("content-type", "")
        if ctype.startswith(("application/x-www-form-urlencoded", "multipart/form-data")):
            try:
                form = await request.form()
            except Exception as exc:  # malformed body: refuse as a CSRF failure, change nothing
                raise _refuse() from exc
            value = form.get(CSRF_FIELD)
            given = value if isinstance(value, str) else None
    if not tokens_match(expected, given):
        raise _refuse()


def check_csrf_header(request: Request) -> None:
    """For JSON requests carried by the browser session: the token must come in ``X-CSRF-Token``."""
    if not tokens_match(request.state.csrf, request.headers.get(CSRF_HEADER)):
        raise _refuse()
