"""The one exception handler: domain and HTTP errors → a translated HTML page, fragment or JSON.

| exception | status |
|---|---|
| ``NotFound`` (also for objects an outsider may not see) | 404 |
| ``Forbidden`` (the actor can read the object, not do this) | 403 |
| ``ValidationFailed`` / ``ProblemsError`` / bad form fields | 422, located translated problems |
| ``Conflict`` (stale version) | 409, with the other version |
| ``NotAuthenticated`` | 401 JSON, or a redirect to the sign-in page |
| ``LoginRefused`` | 401 JSON / 429 when rate limited (the login page renders it itself) |
| ``TooManyRequests`` (e.g. the job quota) | 429; every 429 carries ``Retry-After`` |

JSON is chosen for ``/api/…`` paths and for requests that accept only JSON; HTMX requests get an
HTML fragment; other requests a full page in the user's language.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote

from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response
from starlette.routing import compile_path

from raqmana.i18n import get_locale
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.web import messages

log = logging.getLogger("raqmana.web")


class WebError(Exception):
    """A request refused by the web layer itself (CSRF, malformed input, oversized upload)."""

    def __init__(self, status: int, problems: list[Problem]):
        self.status = status
        self.problems = problems
        super().__init__(status)


def wants_json(request: Request) -> bool:
    if request.url.path.startswith("/api/"):
        return True
    accept = request.headers.get("accept", "")
    return "application/json" in accept and "text/html" not in accept


def _lang(request: Request) -> str:
    ctx = getattr(request.state, "ctx", None)
    if ctx is not None:
        return str(ctx.lang)
    from raqmana.web.locale import negotiate

    return negotiate(request, user_lang=None, default=request.app.state.settings.default_locale)


def _classify(exc: Exception, form: str = "") -> tuple[int, list[Problem], Any]:
    """(status, problems, conflicting current version or None); ``form`` is the address a refused form
    posted to, whose labels name its fields."""
    from raqmana.workspace import exceptions as wx

    if isinstance(exc, WebError):
        return exc.status, exc.problems, None
    if isinstance(exc, wx.NotAuthenticated):
        return 401, exc.problems or [Problem(messages.SIGN_IN)], None
    if isinstance(exc, wx.LoginRefused):
        return (429 if getattr(exc, "retry_after", None) else 401), exc.problems, None
    if isinstance(exc, wx.TooManyRequests):
        return 429, exc.problems, None
    if isinstance(exc, wx.NotFound):
        return 404, exc.problems or [Problem(messages.NOT_FOUND)], None
    if isinstance(exc, wx.Forbidden):
        return 403, exc.problems, None
    if isinstance(exc, wx.Conflict):
        return 409, exc.problems, getattr(exc, "current", None)
    if isinstance(exc, ProblemsError):
        return 422, form_labels(exc.problems, form), None
    if isinstance(exc, RequestValidationError):
        errors = list(exc.errors())
        if any(tuple(e.get("loc", ()))[:1] == ("path",) for e in errors):
            # an address whose parts do not fit the route (an unknown file format, say) names no page
            return 404, [Problem(messages.NOT_FOUND)], None
        return 422, [_field_problem(e, form) for e in errors], None
    if isinstance(exc, StarletteHTTPException):
        code = {404: messages.NOT_FOUND, 405: messages.NOT_ALLOWED, 413: messages.TOO_LARGE}.get(
            exc.status_code
        )
        return exc.status_code, [Problem(code)] if code else [], None
    return 500, [Problem(messages.SERVER)], None


def form_labels(problems: list[Problem], form: str = "") -> list[Problem]:
    """A form's problems name its fields as the form labels them: a ``{field}`` parameter that is the raw
    name of the field the problem is located at ("kpi", "period") becomes its label in every language.
    Problems located in a file (sheet, line, column) keep the column's name, which is what the file says.
    ``form`` is the address the form posts to (the KPI figure form calls its "period" "Quarter")."""
    from raqmana.web.fields import FORM_LABELS, LABELS, translated

    out: list[Problem] = []
    for p in problems:
        loc, name = p.location, p.params.get("field")
        in_form = loc.field and not (loc.file or loc.sheet or loc.line is not None or loc.column or loc.path)
        # a "field" parameter may already be words in every language (a dict): only a raw name is a label
        known = isinstance(name, str) and (name in LABELS or name in FORM_LABELS.get(form, {}))
        if in_form and known and name == loc.field:
            p = Problem(p.code, loc, {**p.params, "field": translated(name, form)})
        out.append(p)
    return out


def _field_problem(err: Any, form: str = "") -> Problem:
    from raqmana.web.fields import translated

    loc = [str(x) for x in err.get("loc", ()) if x not in ("body", "query", "path", "form")]
    name = ".".join(loc) or "?"
    if err.get("type") == "missing":
        return Problem(messages.MISSING_FIELD, Location(field=name), {"field": translated(name, form)})
    reason = messages.PYDANTIC_REASONS.get(str(err.get("type")), messages.INVALID)
    reason_words = {"en": reason.en, "ar": reason.ar, "ckb": reason.ckb}
    label = translated(name, form)
    return Problem(messages.BAD_FIELD, Location(field=name), {"field": label, "reason": reason_words})


async def _signed_in(request: Request) -> None:
    """An error met before any route ran (an unknown address, a wrong method): the page still shows the
    signed-in navigation and the user's language, when the session cookie is valid."""
    from starlette.concurrency import run_in_threadpool

    from raqmana.web.context import page_ctx

    if not hasattr(request.state, "csrf"):
        return
    try:
        await run_in_threadpool(page_ctx, request)
    except Exception:  # the error page must render even when the session cannot be read
        log.debug("no session for the error page of %s", request.url.path, exc_info=True)


def problems_json(problems: list[Problem], lang: str) -> list[dict[str, Any]]:
    return [p.as_dict(lang) for p in problems]


async def handle_error(request: Request, exc: Exception) -> Response:
    status, problems, current = _classify(exc, request.url.path if request.method == "POST" else "")
    if status == 404 and isinstance(exc, RequestValidationError):
        # a method the address does not take, answered by a neighbouring template (``GET …/forget``
        # reaching ``GET …/{id}``): 405, not "no such page"
        allowed = _allowed_methods(request)
        if allowed and request.method not in allowed:
            status, problems = 405, [Problem(messages.NOT_ALLOWED)]
    if status == 500:
        log.exception("unhandled error on %s %s", request.method, request.url.path, exc_info=exc)
    if not wants_json(request) and status not in (401, 500) and getattr(request.state, "ctx", None) is None:
        await _signed_in(request)
    lang = _lang(request)
    if wants_json(request):
        from raqmana.web.jsonable import jsonable
        from raqmana.web.schemas.errors import ErrorBody

        body = ErrorBody.model_validate(
            {"status": status, "errors": problems_json(problems, lang), "current": jsonable(current)}
        ).model_dump(mode="json", exclude_none=True)
        headers = {"WWW-Authenticate": "Bearer"} if status == 401 else retry_after(exc, status)
        return JSONResponse(
            body, status_code=status, headers={**_passed_headers(request, exc, status), **(headers or {})}
        )
    if status == 401:
        target = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        if request.headers.get("hx-request"):
            return Response(status_code=204, headers={"HX-Redirect": f"/login?next={quote(target)}"})
        return RedirectResponse(f"/login?next={quote(target)}", status_code=303)
    from raqmana.web.templating import render_error

    fragment = bool(request.headers.get("hx-request"))
    response = render_error(
        request,
        lang=lang,
        status=status,
        problems=problems,
        current=current,
        fragment=fragment,
        rtl=get_locale(lang).is_rtl,
    )
    target = request.headers.get("x-error-target", "")
    if fragment and target.startswith("#") and target[1:].replace("-", "").replace("_", "").isalnum():
        # an HTMX form may name where its errors go (e.g. beside the evidence list, not over it)
        response.headers["HX-Retarget"] = target
        response.headers["HX-Reswap"] = "innerHTML"
    response.headers.update({**_passed_headers(request, exc, status), **(retry_after(exc, status) or {})})
    return response


def _passed_headers(request: Request, exc: Exception, status: int) -> dict[str, str]:
    """A 405 names every method the address takes in ``Allow`` (RFC 9110 §15.5.6), not only those of
    the first route the router tried (GET and POST are separate routes)."""
    if status != 405:
        return {}
    allowed = _allowed_methods(request)
    if not allowed and isinstance(exc, StarletteHTTPException):
        return {k: v for k, v in (exc.headers or {}).items() if k.lower() == "allow"}
    return {"Allow": ", ".join(sorted(allowed))} if allowed else {}


def _allowed_methods(request: Request) -> set[str]:
    """The methods of the routes of the most specific path template that fits the address
    (``…/import`` is its own address, not an item of ``…/{code}``)."""
    path = request.url.path
    fitting = [
        (literal, methods)
        for pattern, literal, methods in _route_methods(request.app)
        if pattern.fullmatch(path)
    ]
    best = max((literal for literal, _ in fitting), default=-1)
    return {m for literal, methods in fitting if literal == best for m in methods}


def _route_methods(app: Any) -> Iterator[tuple[re.Pattern[str], int, set[str]]]:
    """(path pattern, length of its literal part, methods) of every route of the app, included routers'
    routes among them."""
    for route in getattr(app, "routes", []):
        contexts = getattr(route, "effective_route_contexts", None)
        found = [(c.path, c.methods) for c in contexts()] if contexts is not None else []
        if contexts is None and getattr(route, "methods", None):
            found = [(route.path, route.methods)]
        for template, methods in found:
            yield compile_path(template)[0], len(re.sub(r"\{[^}]*\}", "", template)), set(methods or ())


#: sent with a 429 whose cause names no delay
DEFAULT_RETRY_SECONDS = 60


def retry_after(exc: object, status: int) -> dict[str, str] | None:
    """The ``Retry-After`` header every 429 carries: the refusal's own delay (a quota, a sign-in
    throttle) or :data:`DEFAULT_RETRY_SECONDS`."""
    if status != 429:
        return None
    seconds = getattr(exc, "retry_after", None)
    return {
        "Retry-After": str(max(1, int(seconds)))
        if isinstance(seconds, int | float)
        else str(DEFAULT_RETRY_SECONDS)
    }
