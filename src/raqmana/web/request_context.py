"""Per-request context: the request id (``X-Request-ID`` as a proxy sent it when well formed, else made here,
and echoed in the response), one access log line per request, and Strict-Transport-Security when the site is
served over TLS (``secure_cookies``, on by default in production)."""

from __future__ import annotations

import logging
import re
import time
import uuid

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raqmana.logs import request_id

log = logging.getLogger("raqmana.access")
_VALID_ID = re.compile(r"[A-Za-z0-9._:@/+=-]{1,128}")
HSTS = b"max-age=31536000; includeSubDomains"


class RequestContext:
    def __init__(self, app: ASGIApp, *, hsts: bool) -> None:
        self.app = app
        self.hsts = hsts

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        given = next((v for k, v in scope.get("headers", []) if k == b"x-request-id"), b"")
        text = given.decode("latin-1")
        rid = text if _VALID_ID.fullmatch(text) else uuid.uuid4().hex
        token = request_id.set(rid)
        started = time.perf_counter()
        status = 500

        async def send_wrapper(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
                headers = [(k, v) for k, v in message.get("headers", []) if k.lower() != b"x-request-id"]
                headers.append((b"x-request-id", rid.encode()))
                if self.hsts:
                    headers.append((b"strict-transport-security", HSTS))
                message["headers"] = headers
            await send(message)

        try:
            await self.app(scope, receive, send_wrapper)
        finally:
            client = scope.get("client")
            log.info(
                "%s %s %s %.1f ms",
                scope.get("method", ""),
                scope.get("path", ""),
                status,
                (time.perf_counter() - started) * 1000,
                extra={
                    "method": scope.get("method", ""),
                    "path": scope.get("path", ""),
                    "status": status,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "client": client[0] if client else "",
                },
            )
            request_id.reset(token)


def trusted_proxies(setting: str) -> list[str]:
    """The addresses/networks of ``RAQMANA_TRUSTED_PROXIES`` as a list (empty: trust none)."""
    return [p.strip() for p in setting.split(",") if p.strip()]
