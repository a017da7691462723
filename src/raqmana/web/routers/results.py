"""Results of an assessment: national scores, heat map, bottlenecks, divide, benchmarks, recommendations,
roadmap; one institution against the national average. Charts are separate SVG images.

Anyone who may read the assessment reads its national results (the national report shows every
institution); one institution's page only those who may read that institution. Outsiders get 404 from
the workspace. The chain runs once per change of the accepted answers
(:mod:`raqmana.web.results_cache`).
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

from starlette.responses import Response

from raqmana.problems import Problem
from raqmana.reports.inputs import InstitutionResult
from raqmana.reports.labels import label
from raqmana.web import messages, results_charts, results_data
from raqmana.web.context import Ctx, PageCtx
from raqmana.web.errors import WebError
from raqmana.web.pages import Area
from raqmana.web.results_cache import Entry, results_cache
from raqmana.web.schemas.results import InstitutionResultsPage, ResultsPage
from raqmana.workspace import assessments
from raqmana.workspace.views import AssessmentView

area = Area("results")
BASE = "/assessments/{assessment_id}/results"
#: the chart images carry their own policy: matplotlib's SVG styles itself with style attributes
SVG_HEADERS = {
    "Content-Security-Policy": "default-src 'none'; style-src 'unsafe-inline'",
    "Cache-Control": "private, max-age=3600",
}


def _not_found() -> WebError:
    return WebError(404, [Problem(messages.NOT_FOUND)])


def load(ctx: Ctx, assessment_id: int) -> tuple[AssessmentView, Entry]:
    """The assessment (NotFound for outsiders) and its cached results."""
    actor = ctx.require_actor()
    view, _ = ctx.read(assessments.get_assessment, assessment_id)
    entry = results_cache(ctx.request.app).get(
        ctx.ws, actor, assessment_id, (view.target_stage, view.illustrative)
    )
    return view, entry


def version(entry: Entry) -> str:
    """Changes with the results: chart URLs carry it, so browsers may keep the images."""
    return hashlib.sha256(repr(entry.key).encode()).hexdigest()[:12]


def check_institution(ctx: Ctx, assessment_id: int, code: str) -> None:
    """404 unless the actor may read this institution of the round (a reviewer or focal point of another
    institution may not; coordinators, viewers and administrators of its subtree may)."""
    ctx.read(assessments.get_institution, assessment_id=assessment_id, institution_code=code)


def load_done(ctx: Ctx, assessment_id: int) -> tuple[AssessmentView, Entry]:
    """As :func:`load`, for what needs results (an institution, a chart): 404 while there are none."""
    view, entry = load(ctx, assessment_id)
    if entry.chain is None:
        raise _not_found()
    return view, entry


def find_institution(entry: Entry, code: str) -> InstitutionResult:
    found = next((i for i in entry.done.inputs.institutions if i.code == code), None)
    if found is None:
        raise _not_found()
    return found


@area.page(BASE, "results/results.html", summary="Results of an assessment", response_model=ResultsPage)
def results(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """National score and stage, enabler scores with 90 % intervals, institutions × enablers, bottlenecks,
    digital divide, public indices against peers and over time, recommendations and the roadmap.
    Scores run 0–5; only accepted answers count."""
    view, entry = load(ctx, assessment_id)
    data = results_data.national(entry, view, ctx.lang)
    data["_readable"] = {
        i.org.code for i in ctx.read(assessments.my_institutions, assessment_id=assessment_id)
    }
    data["_v"] = version(entry)
    data["_illustrative_note"] = label("illustrative", ctx.lang)
    data["_heat_pages"] = results_charts.heatmap_pages(entry) if entry.chain is not None else 0
    return data


@area.page(
    BASE + "/institutions/{code}",
    "results/institution.html",
    summary="Results of one institution",
    response_model=InstitutionResultsPage,
)
def institution(ctx: Ctx, assessment_id: int, code: str) -> dict[str, Any]:
    """One institution's scores against the national average, its gaps to the target stage, the
    recommendations addressed to it and the roadmap actions it leads or takes part in."""
    check_institution(ctx, assessment_id, code)
    view, entry = load_done(ctx, assessment_id)
    data = results_data.institution(entry, view, find_institution(entry, code), ctx.lang)
    data["_v"] = version(entry)
    data["_illustrative_note"] = label("illustrative", ctx.lang)
    return data


CHARTS: dict[str, Callable[[Entry, str], str]] = {
    "enablers": results_charts.enablers,
    "gantt": results_charts.gantt,
}
INDEX_CHART = re.compile(r"index-(\d{1,3})")


def _svg(svg: str) -> Response:
    return Response(svg, media_type="image/svg+xml", headers=SVG_HEADERS)


@area.html.get(BASE + "/charts/{name}.svg")
def chart(assessment_id: int, name: str, ctx: Ctx = PageCtx, page: int = 1) -> Response:
    """A results chart; the heat map comes in pages of institutions (``page`` from 1)."""
    _, entry = load_done(ctx, assessment_id)
    if name == "heatmap":
        if not 1 <= page <= results_charts.heatmap_pages(entry):
            raise _not_found()
        return _svg(
            entry.chart(f"heatmap:{page}", ctx.lang, lambda: results_charts.heatmap(entry, ctx.lang, page))
        )
    if name in CHARTS:
        return _svg(entry.chart(name, ctx.lang, lambda: CHARTS[name](entry, ctx.lang)))
    m = INDEX_CHART.fullmatch(name)
    if m is None or int(m.group(1)) >= len(entry.done.inputs.indices):
        raise _not_found()
    k = int(m.group(1))
    return _svg(entry.chart(name, ctx.lang, lambda: results_charts.index(entry, ctx.lang, k)))


@area.html.get(BASE + "/institutions/{code}/radar.svg")
def radar(assessment_id: int, code: str, ctx: Ctx = PageCtx) -> Response:
    check_institution(ctx, assessment_id, code)
    _, entry = load_done(ctx, assessment_id)
    find_institution(entry, code)
    return _svg(entry.chart(f"radar:{code}", ctx.lang, lambda: results_charts.radar(entry, ctx.lang, code)))
