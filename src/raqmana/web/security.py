"""Session and CSRF cookies, signed with the settings' secret key.

* ``raqmana_session``: HttpOnly, SameSite=Lax (Secure when ``settings.secure_cookies``); holds the
  workspace session token of the signed-in user, signed and time-limited.
* ``raqmana_csrf``: HttpOnly, signed random token (signed double-submit). Every form carries the token
  in a hidden ``csrf_token`` field and HTMX sends it in the ``X-CSRF-Token`` header; a state-changing
  request whose token does not match the cookie is refused and changes nothing. The token is renewed
  at sign-in and sign-out.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass
from typing import Any

from itsdangerous import BadSignature, URLSafeTimedSerializer
from starlette.requests import Request
from starlette.responses import Response

from raqmana.settings import Settings

SESSION_COOKIE = "raqmana_session"
CSRF_COOKIE = "raqmana_csrf"
CSRF_FIELD = "csrf_token"
CSRF_HEADER = "x-csrf-token"
SESSION_MAX_AGE = 12 * 3600
CSRF_MAX_AGE = 7 * 24 * 3600
SAFE_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


@dataclass(frozen=True, slots=True)
class Signer:
    settings: Settings

    def _serializer(self, salt: str) -> URLSafeTimedSerializer:
        return URLSafeTimedSerializer(self.settings.secret_key, salt=salt)

    def dumps(self, salt: str, value: Any) -> str:
        return self._serializer(salt).dumps(value)

    def loads(self, salt: str, token: str | None, max_age: int) -> Any | None:
        if not token:
            return None
        try:
            return self._serializer(salt).loads(token, max_age=max_age)
        except (BadSignature, ValueError, TypeError):
            return None

    def _set(self, response: Response, name: str, value: str, max_age: int) -> None:
        response.set_cookie(
            name,
            value,
            max_age=max_age,
            httponly=True,
            samesite="lax",
            secure=self.settings.secure_cookies,
            path="/",
        )

    # -- session -------------------------------------------------------------------------------
    def session_token(self, request: Request) -> str | None:
        data = self.loads("session", request.cookies.get(SESSION_COOKIE), SESSION_MAX_AGE)
        return data if isinstance(data, str) else None

    def set_session(self, response: Response, token: str) -> None:
        self._set(response, SESSION_COOKIE, self.dumps("session", token), SESSION_MAX_AGE)

    def clear_session(self, response: Response) -> None:
        response.delete_cookie(
            SESSION_COOKIE, path="/", httponly=True, samesite="lax", secure=self.settings.secure_cookies
        )

    # -- CSRF ----------------------------------------------------------------------------------
    def csrf_from_cookie(self, request: Request) -> str | None:
        data = self.loads("csrf", request.cookies.get(CSRF_COOKIE), CSRF_MAX_AGE)
        return data if isinstance(data, str) else None

    def set_csrf(self, response: Response, token: str) -> None:
        self._set(response, CSRF_COOKIE, self.dumps("csrf", token), CSRF_MAX_AGE)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def tokens_match(expected: str | None, given: str | None) -> bool:
    if not expected or not given:
        return False
    return hmac.compare_digest(expected.encode(), given.encode())
