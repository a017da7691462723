"""Pages with JSON twins: one data function, two routes.

    area = Area("progress")

    @area.page("/assessments/{assessment_id}/progress", "progress.html", summary="Completion heat map")
    def progress(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
        return {"completion": ctx.read(completion, assessment_id=assessment_id)}

registers ``GET /assessments/{id}/progress`` (HTML, session cookie) and
``GET /api/v1/assessments/{id}/progress`` (JSON, Bearer token or session). Keys of the returned dict that
start with ``_`` are for the template only and stay out of the JSON; ``response_model`` describes the JSON.

State-changing actions are bound the same way, one function and one request model for both routes:

    class GrantIn(BaseModel):
        role: str
        org_code: str | None = None

    @area.action("/admin/users/{user_id}/grants", html=go("/admin/users"), response_model=GrantView)
    def grant(ctx: Ctx, user_id: int, data: GrantIn) -> GrantView:
        return ctx.call(users.grant_role, user_id=user_id, role=data.role, org_code=data.org_code)

registers ``POST /admin/users/{id}/grants`` (the form's fields fill ``GrantIn``; CSRF-checked; answers with
``html``, here a redirect, or to the form's ``next`` when it names a same-site address) and
``POST /api/v1/admin/users/{id}/grants`` (``GrantIn`` as the JSON body; answers with the returned view as
JSON, ``{"ok": true}`` when the function returns nothing).
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Protocol
from urllib.parse import quote

from fastapi import APIRouter, Depends, Form
from fastapi.routing import APIRoute
from pydantic import BaseModel
from starlette.concurrency import run_in_threadpool
from starlette.responses import FileResponse, JSONResponse, Response

from raqmana.web.context import Ctx, api_ctx, page_ctx
from raqmana.web.csrf import check_csrf
from raqmana.web.forms import safe_next, see_other
from raqmana.web.jsonable import jsonable
from raqmana.web.schemas.errors import ERROR_RESPONSES
from raqmana.web.templating import render

DataFn = Callable[..., dict[str, Any]]
ActionFn = Callable[..., Any]
#: how an HTML action answers: (ctx, what the function returned, the request's parameters) → response
HtmlFinish = Callable[[Ctx, Any, dict[str, Any]], Response]


def _with_ctx(
    fn: Callable[..., Any], dependency: Callable[..., Ctx], finish: Callable[[Ctx, Any], Response]
) -> Callable[..., Response]:
    hints = typing.get_type_hints(fn, include_extras=True)  # keeps Annotated bounds (Query(ge=0) …)
    params = []
    for p in inspect.signature(fn).parameters.values():
        if p.name == "ctx":
            params.append(
                p.replace(default=Depends(dependency), annotation=Ctx, kind=inspect.Parameter.KEYWORD_ONLY)
            )
        else:
            params.append(
                p.replace(annotation=hints.get(p.name, p.annotation), kind=inspect.Parameter.KEYWORD_ONLY)
            )

    def endpoint(**kwargs: Any) -> Response:
        ctx: Ctx = kwargs["ctx"]
        return finish(ctx, fn(**kwargs))

    endpoint.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    endpoint.__name__ = fn.__name__
    endpoint.__doc__ = fn.__doc__
    return endpoint


def json_response(data: Any, status: int = 200, *, lang: str = "en") -> JSONResponse:
    """``data`` as JSON (keys starting with ``_`` left out); problems in it worded in ``lang``."""
    if isinstance(data, dict):
        data = {k: v for k, v in data.items() if not str(k).startswith("_")}
    return JSONResponse(jsonable(data, lang), status_code=status)


def attachment(data: bytes, filename: str, media_type: str) -> Response:
    """A file made in memory, offered for download under ``filename``."""
    return Response(
        data,
        media_type=media_type,
        headers={"Content-Disposition": f'attachment; filename="{quote(filename)}"'},
    )


class StoredFile(Protocol):
    """A file kept in the workspace's store (an evidence file, a policy document)."""

    @property
    def path(self) -> Path: ...
    @property
    def media_type(self) -> str: ...
    @property
    def filename(self) -> str: ...


def stored_attachment(f: StoredFile) -> Response:
    """A stored file offered for download as it was uploaded (never sniffed into another type)."""
    return FileResponse(
        f.path,
        media_type=f.media_type,
        filename=f.filename,
        headers={"X-Content-Type-Options": "nosniff"},
        content_disposition_type="attachment",
    )


def go(url: str) -> HtmlFinish:
    """An HTML action's answer: to the form's ``next`` (same-site) or else to ``url`` formatted with the
    request's parameters (``"/assessments/{assessment_id}"``)."""

    def finish(ctx: Ctx, result: Any, params: dict[str, Any]) -> Response:
        return see_other(safe_next(params.get("next"), url.format(**params)))

    return finish


def _action_endpoint(
    fn: ActionFn, dependency: Callable[..., Ctx], finish: HtmlFinish, *, form: bool
) -> Callable[..., Any]:
    """``fn`` as a route: its request model read from the form fields (``form``) or the JSON body; an HTML
    route also takes the form's ``next``."""
    hints = typing.get_type_hints(fn, include_extras=True)
    params = []
    for p in inspect.signature(fn).parameters.values():
        annotation = hints.get(p.name, p.annotation)
        if p.name == "ctx":
            annotation, p = Ctx, p.replace(default=Depends(dependency))
        elif form and isinstance(annotation, type) and issubclass(annotation, BaseModel):
            annotation = Annotated[annotation, Form()]
        params.append(p.replace(annotation=annotation, kind=inspect.Parameter.KEYWORD_ONLY))
    if form:
        params.append(
            inspect.Parameter(
                "next",
                inspect.Parameter.KEYWORD_ONLY,
                default="",
                annotation=Annotated[str, Form(max_length=2000)],
            )
        )

    def split(kwargs: dict[str, Any]) -> tuple[dict[str, Any], dict[str, Any]]:
        return {k: v for k, v in kwargs.items() if k != "next"}, kwargs

    if inspect.iscoroutinefunction(fn):

        async def endpoint(**kwargs: Any) -> Response:
            call, everything = split(kwargs)
            result = await fn(**call)
            return await run_in_threadpool(finish, kwargs["ctx"], result, everything)

    else:

        def endpoint(**kwargs: Any) -> Response:  # type: ignore[misc]
            call, everything = split(kwargs)
            return finish(kwargs["ctx"], fn(**call), everything)

    endpoint.__signature__ = inspect.Signature(params)  # type: ignore[attr-defined]
    endpoint.__name__ = fn.__name__
    endpoint.__doc__ = fn.__doc__
    return endpoint


class Area:
    """The routes of one area of the site: HTML pages (CSRF-checked) and their JSON twins."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.html = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
        self.api = APIRouter(
            prefix="/api/v1",
            tags=[tag],
            responses=ERROR_RESPONSES,
            generate_unique_id_function=self._operation_id,
        )

    def _operation_id(self, route: APIRoute) -> str:
        """``{area}_{function}`` (``progress_progress``, ``evidence_download``): short, stable names for
        generated clients."""
        return f"{self.tag}_{route.name.removesuffix('_json').removesuffix('_api')}"

    def page(
        self, path: str, template: str, *, summary: str = "", response_model: Any = None
    ) -> Callable[[DataFn], DataFn]:
        def register(fn: DataFn) -> DataFn:
            def html_finish(ctx: Ctx, data: dict[str, Any]) -> Response:
                return render(ctx.request, ctx.lang, template, data)

            def json_finish(ctx: Ctx, data: dict[str, Any]) -> Response:
                return json_response(data, lang=ctx.lang)

            self.html.add_api_route(path, _with_ctx(fn, page_ctx, html_finish), methods=["GET"])
            self.api.add_api_route(
                path,
                _with_ctx(fn, api_ctx, json_finish),
                methods=["GET"],
                response_model=response_model,
                summary=summary or fn.__name__.replace("_", " "),
                description=fn.__doc__ or "",
            )
            return fn

        return register

    def action(
        self,
        path: str,
        *,
        html: HtmlFinish,
        summary: str = "",
        response_model: Any = None,
        status_code: int = 200,
    ) -> Callable[[ActionFn], ActionFn]:
        """A state-changing action with its JSON twin (see the module's description)."""

        def register(fn: ActionFn) -> ActionFn:
            def json_finish(ctx: Ctx, result: Any, params: dict[str, Any]) -> Response:
                return json_response({"ok": True} if result is None else result, status_code, lang=ctx.lang)

            self.html.add_api_route(path, _action_endpoint(fn, page_ctx, html, form=True), methods=["POST"])
            self.api.add_api_route(
                path,
                _action_endpoint(fn, api_ctx, json_finish, form=False),
                methods=["POST"],
                status_code=status_code,
                response_model=response_model,
                summary=summary or fn.__name__.replace("_", " "),
                description=fn.__doc__ or "",
            )
            return fn

        return register
