"""Completion per institution × enabler: the coordinator's heat map."""

from __future__ import annotations

from typing import Any

from markupsafe import Markup

from raqmana.web.context import Ctx
from raqmana.web.fragment_cache import fragment_cache
from raqmana.web.pages import Area
from raqmana.web.schemas.pages import ProgressPage
from raqmana.web.templating import cached_percent, render_text
from raqmana.workspace import assessments, completion, pages
from raqmana.workspace.permissions import reader_scope
from raqmana.workspace.views import CompletionCell, CompletionTable

area = Area("progress")


def heat_class(value: float | None) -> str:
    """CSS class heat-0 … heat-10 for a share 0–1 (the number is always printed as well)."""
    if value is None:
        return "heat-0"
    return f"heat-{max(0, min(10, int(value * 10 + 1e-9)))}"


def heat_cells(
    table: CompletionTable, lang: str, digits: str | None
) -> list[list[tuple[str, str, str] | None]]:
    """Per row, per enabler then total: (css class, share answered, share accepted), formatted once here
    rather than by the template (a round of 900 institutions has ~10,000 cells). The colour is the share
    *accepted* by a reviewer: only accepted answers are scored, so a cell is dark when its part of the
    round counts, not as soon as answers are typed."""

    def cell(c: CompletionCell | None) -> tuple[str, str, str] | None:
        if c is None or not c.expected:
            return None
        answered, accepted = c.answered / c.expected, c.accepted / c.expected
        return (
            heat_class(accepted),
            cached_percent(round(answered, 2), lang, 0, digits),
            cached_percent(round(accepted, 2), lang, 0, digits),
        )

    ids = [p.id for p in table.pillars]
    return [[cell(row.cells.get(i)) for i in ids] + [cell(row.total)] for row in table.rows]


@area.page(
    "/assessments/{assessment_id}/progress",
    "pages/progress.html",
    summary="Completion per institution and enabler",
    response_model=ProgressPage,
)
def progress(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """Counts of answers per state for every institution × enabler of the round, with totals."""
    if ctx.api:
        page = ctx.read(pages.progress_overview, assessment_id=assessment_id)
        return {
            "assessment": page.assessment,
            "rights": page.rights,
            "completion": page.completion,
            "illustrative": page.assessment.illustrative,
        }
    actor = ctx.require_actor()
    digits = None if ctx.settings.digits == "locale" else ctx.settings.digits
    with ctx.ws.reader() as session:
        view, rights = assessments.get_assessment(session, actor, assessment_id)

        def draw() -> str:
            table = completion.completion(session, actor, assessment_id=assessment_id)
            return render_text(
                ctx.request,
                ctx.lang,
                "fragments/progress_table.html",
                {"assessment": view, "completion": table, "_cells": heat_cells(table, ctx.lang, digits)},
            )

        key = (
            assessment_id,
            completion.completion_stamp(session, assessment_id),
            ctx.lang,
            digits,
            reader_scope(session, actor, assessment_id),
        )
        # (round, change counter, language, digits, reader's scope) → the table's HTML
        html = fragment_cache(ctx.request.app, "progress").get(key, draw)
    return {
        "assessment": view,
        "rights": rights,
        "illustrative": view.illustrative,
        "_table_html": Markup(html),  # nosec B704  # HTML drawn by the autoescaping templates
    }
