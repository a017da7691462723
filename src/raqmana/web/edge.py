"""Numbers in addresses checked before any route sees them.

Ids and offsets are 64-bit integers in the database: a path segment or query value written as an
integer outside that range (``/assessments/9223372036854775808``, ``?offset=-99999999999999999999``)
can name nothing, and handing it to the database would fail with an overflow. It is answered here, in
the project's error shape and the reader's language: 404 for a path (no such page), 422 for a query
parameter (located at that parameter). Bounds within the range (``offset`` ≥ 0 …) are declared on
the routes' parameters.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from raqmana.problems import Location, Problem
from raqmana.web import messages
from raqmana.web.errors import WebError, handle_error
from raqmana.web.fields import translated

#: the largest id a database integer column holds (signed 64 bits)
MAX_ID = 2**63 - 1
_INTEGER = re.compile(r"[+-]?\d+")


def out_of_range(text: str) -> bool:
    """Whether ``text`` is an integer (ASCII digits, optional sign) beyond ±MAX_ID; digits are counted
    before converting, so a string of a million digits costs nothing."""
    text = text.strip()
    if not _INTEGER.fullmatch(text):
        return False
    digits = text.lstrip("+-").lstrip("0")
    return len(digits) > 19 or int(digits or "0") > MAX_ID


class IntegerBounds:
    """ASGI middleware refusing integers that no id or offset can be (see the module docstring)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            problem = self._problem(scope)
            if problem is not None:
                response = await handle_error(Request(scope, receive), problem)
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)

    @staticmethod
    def _problem(scope: Scope) -> WebError | None:
        if any(out_of_range(segment) for segment in scope.get("path", "").split("/")):
            return WebError(404, [Problem(messages.NOT_FOUND)])
        query = scope.get("query_string", b"").decode("latin-1")
        if not query:
            return None
        for name, value in parse_qsl(query, keep_blank_values=True):
            if out_of_range(value):
                reason = messages.EXPECT_INT
                return WebError(
                    422,
                    [
                        Problem(
                            messages.BAD_FIELD,
                            Location(field=name[:100]),
                            {
                                "field": translated(name[:100]),
                                "reason": {"en": reason.en, "ar": reason.ar, "ckb": reason.ckb},
                            },
                        )
                    ],
                )
        return None
