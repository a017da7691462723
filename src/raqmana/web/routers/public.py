"""The public transparency portal under ``/public``: no sign-in, read only, ar/ckb/en, printable.

Everything here comes from a publication (an immutable snapshot the coordinator published), never from
the live catalogue, so nothing unpublished can show. Answers carry an ETag made from the snapshot's
digest (and the page's language) and Last-Modified; a matching If-None-Match gets 304. A request first
reads only the digest of the current publication: rendered answers are kept in a small cache keyed by
it, and the snapshot itself is read (once per worker and publication) only to render.
"""

from __future__ import annotations

import json
from collections import OrderedDict
from collections.abc import Callable
from datetime import date, datetime
from email.utils import format_datetime
from typing import Any, Literal

from fastapi import APIRouter, Path, Query
from starlette.requests import Request
from starlette.responses import Response

from raqmana.i18n import Translated
from raqmana.metrics import LEVEL_NAMES, DerivedKpis, DigitisationLevel
from raqmana.metrics.dictionary import BY_ID
from raqmana.metrics.opendata import datapackage, dcat, tables
from raqmana.web.collation import by_name
from raqmana.web.edge_body import SLOT
from raqmana.web.locale import negotiate
from raqmana.web.templating import render_text
from raqmana.workspace import publication
from raqmana.workspace.exceptions import NotFound
from raqmana.workspace.factory import Workspace

router = APIRouter(include_in_schema=False)
CACHE_CONTROL = "public, max-age=300"
PAGE_CACHE_SIZE = 256
#: services listed on one page of the portal (the open data has them all)
PER_PAGE = 100

Make = Callable[[dict[str, Any]], bytes]


def _ws(request: Request) -> Workspace:
    ws: Workspace = request.app.state.ws
    return ws


def _digest(request: Request, version: int | None) -> tuple[str, datetime]:
    with _ws(request).reader() as session:
        return publication.published_digest(session, version)


def _snapshot(request: Request, digest: str) -> dict[str, Any]:
    kept: OrderedDict[str, dict[str, Any]] = request.app.state.__dict__.setdefault(
        "public_snapshots", OrderedDict()
    )
    snapshot = kept.get(digest)
    if snapshot is None:
        with _ws(request).reader() as session:
            snapshot = publication.snapshot_of(session, digest)
        kept[digest] = snapshot
        while len(kept) > 4:
            kept.popitem(last=False)
    return snapshot


def _lang(request: Request) -> str:
    return negotiate(request, user_lang=None, default=request.app.state.settings.default_locale)


def _answer(  # nosec B107  # token: the visitor's CSRF token put into the page, not a password
    request: Request, version: int | None, suffix: str, make: Make, media: str, token: str = ""
) -> Response:
    """The answer for the publication (current or ``version``): 304, a cached body, or ``make(snapshot)``.
    A page is kept with a stand-in for the CSRF token; ``token`` (the visitor's) is put in its place."""
    digest, published_at = _digest(request, version)
    etag = f'"{digest[:32]}{suffix}"'
    headers = {
        "ETag": etag,
        "Cache-Control": CACHE_CONTROL,
        "Last-Modified": format_datetime(published_at, usegmt=True),
        "Vary": "Cookie",
    }
    if etag in [t.strip() for t in request.headers.get("if-none-match", "").split(",")]:
        return Response(status_code=304, headers=headers)
    cache: OrderedDict[str, bytes] = request.app.state.__dict__.setdefault("public_pages", OrderedDict())
    key = f"{etag} {request.url.path}?{request.url.query}"
    body = cache.get(key)
    if body is None:
        body = make(_snapshot(request, digest))
        cache[key] = body
        while len(cache) > PAGE_CACHE_SIZE:
            cache.popitem(last=False)
    if token:
        body = body.replace(SLOT.encode(), token.encode())
    return Response(body, media_type=media, headers=headers)


def _published_on(snapshot: dict[str, Any]) -> date | None:
    try:
        return datetime.fromisoformat(str(snapshot.get("published_at", ""))).date()
    except ValueError:
        return None


def _page(request: Request, template: str, data: Callable[[dict[str, Any]], dict[str, Any]]) -> Response:
    lang = _lang(request)
    token: str = getattr(request.state, "csrf", "")

    def make(snapshot: dict[str, Any]) -> bytes:
        html = render_text(
            request,
            lang,
            template,
            {
                "snap": snapshot,
                "levels": {int(k): v for k, v in snapshot["level_names"].items()}
                if snapshot.get("level_names")
                else LEVEL_NAMES,
                # the derived KPIs' words as published (older snapshots: the dictionary's)
                "kpi_defs": snapshot.get("kpi_labels") or BY_ID,
                "published_on": _published_on(snapshot),
                "service_names": {s["code"]: s["name"] for s in snapshot.get("services", [])},
                **data(snapshot),
            },
        )
        # kept for every visitor: this visitor's CSRF token is not
        return (html.replace(token, SLOT) if token else html).encode()

    return _answer(request, None, f"-{lang}", make, "text/html; charset=utf-8", token)


@router.get("/public")
def portal(request: Request, page: int = Query(1, ge=1, le=100_000)) -> Response:
    """The KPIs, the services by level and one page of the catalogue (``PER_PAGE`` services)."""

    lang = _lang(request)

    def data(snapshot: dict[str, Any]) -> dict[str, Any]:
        counts = dict.fromkeys(DigitisationLevel, 0)
        for s in snapshot["services"]:
            counts[DigitisationLevel(s["level"])] += 1
        total = len(snapshot["services"])
        pages = max(1, -(-total // PER_PAGE))
        if page > pages:
            raise NotFound("service")
        return {
            "level_counts": counts,
            "illustrative": snapshot["illustrative"],
            "k": DerivedKpis.from_dict(snapshot["kpis"]),
            "page": page,
            "pages": pages,
            "shown": by_name(snapshot["services"], lang, lambda s: Translated(**s["name"]))[
                (page - 1) * PER_PAGE : page * PER_PAGE
            ],
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


def _json(
    request: Request, version: int | None, build: Callable[[dict[str, Any]], Any], media: str
) -> Response:
    def make(snapshot: dict[str, Any]) -> bytes:
        return json.dumps(build(snapshot), ensure_ascii=False, indent=1).encode()

    return _answer(request, version, "", make, media)


@router.get("/public/data/datapackage.json")
def package(request: Request) -> Response:
    return _json(request, None, lambda s: datapackage(s, _base_url(request)), "application/json")


@router.get("/public/data/catalog.jsonld")
def catalogue(request: Request) -> Response:
    return _json(request, None, lambda s: dcat(s, _base_url(request)), "application/ld+json")


def _table(request: Request, version: int | None, name: str, fmt: str) -> Response:
    def table(snapshot: dict[str, Any]) -> Any:
        found = tables(snapshot).get(name)
        if found is None:
            raise NotFound("publication")
        return found

    if fmt == "json":
        return _json(request, version, lambda s: table(s).json(), "application/json")
    return _answer(request, version, "", lambda s: table(s).csv(), "text/csv; charset=utf-8")


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


def _trend(snapshot: dict[str, Any], kpi: str) -> dict[str, Any]:
    for t in snapshot.get("kpi_trends") or []:
        if t["kpi"] == kpi:
            return dict(t)
    raise NotFound("kpi")


@router.get("/public/kpis")
def public_kpis(request: Request) -> Response:
    """Each published KPI's latest national figure and its roadmap target."""
    return _page(request, "public/kpis.html", lambda snapshot: {"trends": snapshot.get("kpi_trends") or []})


@router.get("/public/kpis/{kpi}")
def public_kpi(request: Request, kpi: str = Path(max_length=64)) -> Response:
    """A published KPI's trend per quarter against its target (chart with its data table) and groups."""
    return _page(request, "public/kpi.html", lambda snapshot: {"t": _trend(snapshot, kpi)})


@router.get("/public/kpis/{kpi}/trend.svg")
def public_kpi_chart(request: Request, kpi: str = Path(max_length=64)) -> Response:
    from raqmana.i18n import gettext
    from raqmana.reports.kpi_charts import kpi_trend

    lang = _lang(request)

    def make(snapshot: dict[str, Any]) -> bytes:
        t = _trend(snapshot, kpi)
        target = t["target"]["value"] if t["target"] else None
        return kpi_trend(
            [p["period"] for p in t["points"]],
            [p["value"] for p in t["points"]],
            lang,
            target=target,
            target_label=gettext(lang, "Target") if target is not None else "",
            ylabel=Translated(**t["name"]).get(lang),
        ).svg.encode()

    answer = _answer(request, None, f"-{lang}-svg", make, "image/svg+xml")
    answer.headers["Content-Security-Policy"] = "default-src 'none'; style-src 'unsafe-inline'"
    return answer


@router.get("/public/roadmap")
def public_roadmap(request: Request) -> Response:
    """The published roadmap's initiatives: plan, share done and status as their owners reported them."""

    def data(snapshot: dict[str, Any]) -> dict[str, Any]:
        if not snapshot.get("roadmap"):
            raise NotFound("roadmap")
        return {"roadmap": snapshot["roadmap"]}

    return _page(request, "public/roadmap.html", data)
