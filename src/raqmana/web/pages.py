"""Pages with JSON twins: one data function, two routes.

    area = Area("progress")

    @area.page("/assessments/{assessment_id}/progress", "progress.html", summary="Completion heat map")
    def progress(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
        return {"completion": ctx.read(completion, assessment_id=assessment_id)}

registers ``GET /assessments/{id}/progress`` (HTML, session cookie) and
``GET /api/v1/assessments/{id}/progress`` (JSON, Bearer token or session). Keys of the returned dict that
start with ``_`` are for the template only and stay out of the JSON.
"""

from __future__ import annotations

import inspect
import typing
from collections.abc import Callable
from typing import Any

from fastapi import APIRouter, Depends
from starlette.responses import JSONResponse, Response

from raqmana.web.context import Ctx, api_ctx, page_ctx
from raqmana.web.csrf import check_csrf
from raqmana.web.jsonable import jsonable
from raqmana.web.schemas.errors import ERROR_RESPONSES
from raqmana.web.templating import render

DataFn = Callable[..., dict[str, Any]]


def _with_ctx(
    fn: Callable[..., Any], dependency: Callable[..., Ctx], finish: Callable[[Ctx, Any], Response]
) -> Callable[..., Response]:
    hints = typing.get_type_hints(fn)
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


class Area:
    """The routes of one area of the site: HTML pages (CSRF-checked) and their JSON twins."""

    def __init__(self, tag: str) -> None:
        self.tag = tag
        self.html = APIRouter(dependencies=[Depends(check_csrf)], include_in_schema=False)
        self.api = APIRouter(prefix="/api/v1", tags=[tag], responses=ERROR_RESPONSES)

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
