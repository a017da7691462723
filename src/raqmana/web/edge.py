"""Numbers in requests checked before any route sees them.

Ids and offsets are 64-bit integers in the database: an integer outside that range in a path segment,
a query value, a form field or a JSON body (``/assessments/9223372036854775808``,
``?offset=-99999999999999999999``, ``{"user_id": 9223372036854775808}``) can name nothing, and handing
it to the database would fail with an overflow. It is answered here, in the project's error shape and
the reader's language: 404 for a path (no such page), 422 located at the parameter or field otherwise.
Bounds within the range (``offset`` ≥ 0 …) are declared on the routes' parameters. Bodies are read
inside :class:`~raqmana.web.body_limit.BodyLimit`, so they are counted first.
"""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qsl

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from raqmana.problems import Location, Problem
from raqmana.web import messages
from raqmana.web.errors import WebError, handle_error
from raqmana.web.fields import translated

#: the largest id a database integer column holds (signed 64 bits)
MAX_ID = 2**63 - 1
_INTEGER = re.compile(r"[+-]?\d+")
#: form fields that hold ids, versions or offsets (a form's text fields may be long digit strings: a
#: justification citing a register number stays the route's business)
_NUMERIC_FIELD = re.compile(r"(^|_)(id|version|offset|before|limit|page|stage)$")


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
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        problem = self._problem(scope)
        kind = _body_kind(scope)
        if problem is None and kind:
            body, receive = await _buffered(receive)
            problem = _body_problem(kind, body)
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
                return _bad_field(name)
        return None


def _bad_field(name: str) -> WebError:
    reason = messages.EXPECT_INT
    field = name[:100]
    return WebError(
        422,
        [
            Problem(
                messages.BAD_FIELD,
                Location(field=field),
                {"field": translated(field), "reason": {"en": reason.en, "ar": reason.ar, "ckb": reason.ckb}},
            )
        ],
    )


def _body_kind(scope: Scope) -> str:
    """``json`` or ``form`` for a request body this module reads (uploads are not read here)."""
    if scope.get("method") not in ("POST", "PUT", "PATCH", "DELETE"):
        return ""
    for name, value in scope.get("headers", []):
        if name == b"content-type":
            media = value.split(b";", 1)[0].strip().lower()
            if media == b"application/json" or media.endswith(b"+json"):
                return "json"
            if media == b"application/x-www-form-urlencoded":
                return "form"
    return ""


async def _buffered(receive: Receive) -> tuple[bytes, Receive]:
    """The whole body, and a ``receive`` that hands it on to the app as if it arrived now."""
    chunks: list[bytes] = []
    while True:
        message = await receive()
        if message["type"] != "http.request":  # the client went away: let the app see it
            break
        chunks.append(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = b"".join(chunks)
    replayed = False

    async def replay() -> Message:
        nonlocal replayed
        if not replayed:
            replayed = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return body, replay


def _body_problem(kind: str, body: bytes) -> WebError | None:
    if kind == "form":
        for name, value in parse_qsl(body.decode("latin-1"), keep_blank_values=True):
            if _NUMERIC_FIELD.search(name) and out_of_range(value):
                return _bad_field(name)
        return None
    try:
        data = json.loads(body, parse_int=_json_int)
    except _OutOfRange:
        data = json.loads(body, parse_int=_json_int_or_none)  # find where it was, for the location
        return _bad_field(_where_none(data) or "body")
    except (ValueError, RecursionError):  # not JSON: the route's own parser says so
        return None
    return None


class _OutOfRange(Exception):
    pass


def _json_int(text: str) -> int:
    if out_of_range(text):
        raise _OutOfRange
    return int(text)


_MARK = object()


def _json_int_or_none(text: str) -> object:
    return _MARK if out_of_range(text) else int(text)


def _where_none(data: object, key: str = "") -> str:
    """The name of the innermost key holding an out-of-range integer (marked while parsing)."""
    if data is _MARK:
        return key or "body"
    if isinstance(data, dict):
        items: list[tuple[str, object]] = [(str(k), v) for k, v in data.items()]
    elif isinstance(data, list):
        items = [(key, v) for v in data]
    else:
        return ""
    for k, v in items:
        found = _where_none(v, k)
        if found:
            return found
    return ""
