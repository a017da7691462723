"""Completion per institution × enabler: the coordinator's heat map."""

from __future__ import annotations

from typing import Any

from raqmana.web.context import Ctx
from raqmana.web.pages import Area
from raqmana.workspace import assessments, completion

area = Area("progress")


def share(done: int, expected: int) -> float | None:
    return done / expected if expected else None


def heat_class(value: float | None) -> str:
    """CSS class heat-0 … heat-10 for a share 0–1 (the number is always printed as well)."""
    if value is None:
        return "heat-0"
    return f"heat-{max(0, min(10, int(value * 10 + 1e-9)))}"


@area.page("/assessments/{assessment_id}/progress", "pages/progress.html",
           summary="Completion per institution and enabler")
def progress(ctx: Ctx, assessment_id: int) -> dict[str, Any]:
    """Counts of answers per state for every institution × enabler of the round, with totals."""
    actor = ctx.require_actor()
    with ctx.ws.reader() as session:
        view, rights = assessments.get_assessment(session, actor, assessment_id)
        table = completion.completion(session, actor, assessment_id=assessment_id)
    return {"assessment": view, "rights": rights, "completion": table, "illustrative": view.illustrative,
            "_heat": heat_class, "_share": share}
