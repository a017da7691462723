"""The public transparency portal under ``/public``: no sign-in, read only, ar/ckb/en, printable.

Everything here comes from the current publication (an immutable snapshot the coordinator published),
never from the live catalogue, so nothing unpublished can show. Responses carry an ETag made from the
snapshot's digest (and the language of a page) and Last-Modified; a matching If-None-Match gets 304.
Rendered pages are kept in a small cache keyed by the publication's digest.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from datetime import datetime
from email.utils import format_datetime
from typing import Any, Literal

from fastapi import APIRouter, Path
from starlette.requests import Request
from starlette.responses import Response

from raqmana.metrics import LEVEL_NAMES, DerivedKpis, DigitisationLevel
from raqmana.metrics.opendata import KPI_NAMES, datapackage, dcat, tables
from raqmana.web.locale import negotiate
from raqmana.web.templating import render_text
from raqmana.workspace import publication
from raqmana.workspace.exceptions import NotFound
from raqmana.workspace.factory import Workspace

router = APIRouter(include_in_schema=False)
CACHE_CONTROL = "public, max-age=300"
PAGE_CACHE_SIZE = 256


def _current(request: Request, version: int | None = None) -> tuple[str, dict[str, Any]]:
    ws: Workspace = request.app.state.ws
    with ws.reader() as session:
        if version is None:
            return publication.current_snapshot(session)
        return publication.snapshot_version(session, version)


def _lang(request: Request) -> str:
    return negotiate(request, user_lang=None, default=request.app.state.settings.default_locale)


def _cached(request: Request, etag: str, snapshot: dict[str, Any], make: Any, media: str) -> Response:
    headers = {
        "ETag": etag,
        "Cache-Control": CACHE_CONTROL,
        "Last-Modified": format_datetime(datetime.fromisoformat(snapshot["published_at"]), usegmt=True),
        "Vary": "Cookie",
    }
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    cache: OrderedDict[str, bytes] = request.app.state.__dict__.setdefault("public_pages", OrderedDict())
    key = f"{etag} {request.url.path}"
    body = cache.get(key)
    if body is None:
        body = make()
        cache[key] = body
        while len(cache) > PAGE_CACHE_SIZE:
            cache.popitem(last=False)
    return Response(body, media_type=media, headers=headers)


def _page(request: Request, template: str, data: Any) -> Response:
    digest, snapshot = _current(request)
    lang = _lang(request)
    etag = f'"{digest[:32]}-{lang}"'

    def make() -> bytes:
        return render_text(
            request,
            lang,
            template,
            {"snap": snapshot, "levels": LEVEL_NAMES, "kpi_names": KPI_NAMES, **data(snapshot)},
        ).encode()

    return _cached(request, etag, snapshot, make, "text/html; charset=utf-8")


@router.get("/public")
def portal(request: Request) -> Response:
    def data(snapshot: dict[str, Any]) -> dict[str, Any]:
        counts = dict.fromkeys(DigitisationLevel, 0)
        for s in snapshot["services"]:
            counts[DigitisationLevel(s["level"])] += 1
        return {
            "level_counts": counts,
            "illustrative": snapshot["illustrative"],
            "k": DerivedKpis.from_dict(snapshot["kpis"]),
        }

    return _page(request, "public/index.html", data)


@router.get("/public/services/{code}")
def public_service(request: Request, code: str = Path(max_length=64)) -> Response:
    def data(snapshot: dict[str, Any]) -> dict[str, Any]:
        for s in snapshot["services"]:
            if s["code"] == code:
                return {"service": s, "illustrative": s["illustrative"]}
        raise NotFound("service")

    return _page(request, "public/service.html", data)


def _base_url(request: Request) -> str:
    return str(request.base_url).rstrip("/")


def _json(request: Request, version: int | None, build: Any, media: str = "application/json") -> Response:
    digest, snapshot = _current(request, version)
    etag = f'"{digest[:32]}"'
    return _cached(
        request,
        etag,
        snapshot,
        lambda: json.dumps(build(snapshot), ensure_ascii=False, indent=1).encode(),
        media,
    )


@router.get("/public/data/datapackage.json")
def package(request: Request) -> Response:
    return _json(request, None, lambda s: datapackage(s, _base_url(request)))


@router.get("/public/data/catalog.jsonld")
def catalogue(request: Request) -> Response:
    return _json(request, None, lambda s: dcat(s, _base_url(request)), "application/ld+json")


def _table(request: Request, version: int | None, name: str, fmt: str) -> Response:
    digest, snapshot = _current(request, version)
    found = tables(snapshot).get(name)
    if found is None:
        raise NotFound("publication")
    if fmt == "json":
        return _json(request, version, lambda s: found.json())
    return _cached(request, f'"{digest[:32]}"', snapshot, found.csv, "text/csv; charset=utf-8")


@router.get("/public/data/{name}.{fmt}")
def table(
    request: Request, name: str = Path(max_length=40), fmt: Literal["csv", "json"] = Path()
) -> Response:
    return _table(request, None, name, fmt)


@router.get("/public/data/v{version}/{name}.{fmt}")
def table_version(
    request: Request,
    version: int = Path(ge=1),
    name: str = Path(max_length=40),
    fmt: Literal["csv", "json"] = Path(),
) -> Response:
    return _table(request, version, name, fmt)
