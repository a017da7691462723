"""What-if comparisons: re-plan a scheduled roadmap under a scenario and report the differences.

Scenarios: a budget cut (every fiscal year's budget × (1 − share)) and slips (an initiative cannot
start before its planned start + n quarters). The roadmap itself is not changed.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui, ui_n
from raqmana.problems import Location, Problem
from raqmana.roadmap import errors as E
from raqmana.roadmap import schedule as S
from raqmana.roadmap.model import Roadmap, SolveStatus


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Scenario(_Model):
    name: Translated = Translated()
    #: each fiscal year's budget is multiplied by this
    budget_factor: float = Field(default=1.0, gt=0)
    #: initiative id → quarters its start slips beyond the planned start
    slips: dict[str, int] = {}


def budget_cut(share: float = 0.3) -> Scenario:
    pct = round(share * 100)
    return Scenario(
        name=ui("Budget cut by {pct} %").format(pct=pct),
        budget_factor=1 - share,
    )


def slip(initiative: str, quarters: int = 2) -> Scenario:
    return Scenario(
        name=ui_n("{initiative} slips {n} quarter", "{initiative} slips {n} quarters", quarters).format(
            initiative=initiative, n=quarters
        ),
        slips={initiative: quarters},
    )


class InitiativeDelta(_Model):
    id: str
    start_before: int
    start_after: int
    end_before: int
    end_after: int

    @property
    def shift(self) -> int:
        return self.end_after - self.end_before


class WhatIf(_Model):
    scenario: Scenario
    status: SolveStatus
    objective_before: int | None = None
    objective_after: int | None = None
    makespan_before: int = 0
    makespan_after: int | None = None
    spend_before: list[int] = []
    spend_after: list[int] = []
    #: initiatives whose start or end changed
    changed: list[InitiativeDelta] = []
    problems: list[dict[str, Any]] = []

    @property
    def delta_objective(self) -> int | None:
        if self.objective_before is None or self.objective_after is None:
            return None
        return self.objective_after - self.objective_before

    @property
    def delta_makespan(self) -> int | None:
        return None if self.makespan_after is None else self.makespan_after - self.makespan_before

    def summary(self) -> dict[str, Any]:
        return {
            **self.model_dump(mode="json"),
            "delta_objective": self.delta_objective,
            "delta_makespan": self.delta_makespan,
            "changed": [{**c.model_dump(), "shift": c.shift} for c in self.changed],
        }


def what_if(roadmap: Roadmap, scenario: Scenario, *, lang: str = "en") -> WhatIf:
    """Re-plan ``roadmap`` (which must be scheduled) under ``scenario`` and compare."""
    base = roadmap.schedule
    if base is None or base.status in (SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN):
        prob = Problem(
            E.BAD_SETTING,
            Location(field="schedule"),
            {
                "field": "schedule",
                "detail": ui("the roadmap has no schedule to compare with").as_dict(),
            },
        )
        return WhatIf(scenario=scenario, status=SolveStatus.UNKNOWN, problems=[prob.as_dict(lang)])
    starts = base.starts()
    unknown = [i for i in scenario.slips if i not in starts]
    if unknown:
        probs = [
            Problem(E.UNKNOWN_INITIATIVE, Location(field="slips"), {"id": i}).as_dict(lang) for i in unknown
        ]
        return WhatIf(
            scenario=scenario,
            status=SolveStatus.UNKNOWN,
            problems=probs,
            objective_before=base.objective,
            makespan_before=base.makespan,
            spend_before=base.yearly_spend,
        )
    initiatives = [
        it.model_copy(update={"release": max(it.release, starts[it.id] + scenario.slips[it.id])})
        if it.id in scenario.slips
        else it
        for it in roadmap.initiatives
    ]
    settings = roadmap.settings.model_copy(
        update={
            "budget_per_year": [round(b * scenario.budget_factor) for b in roadmap.settings.budget_per_year]
        }
    )
    names: dict[str, str | dict[str, str]] = {
        it.owner: {lg: it.owner_name.get(lg) or it.owner for lg in ("en", "ar", "ckb")} for it in initiatives
    }
    result = S.plan(initiatives, roadmap.dependencies, settings, hint=starts, owner_names=names)
    out = result.schedule
    common: dict[str, Any] = {
        "scenario": scenario,
        "objective_before": base.objective,
        "makespan_before": base.makespan,
        "spend_before": base.yearly_spend,
        "problems": [p.as_dict(lang) for p in result.problems],
    }
    if out is None or not result.ok:
        return WhatIf(status=out.status if out is not None else SolveStatus.INFEASIBLE, **common)
    after = {it.id: it for it in out.items}
    changed = [
        InitiativeDelta(
            id=it.id,
            start_before=it.start,
            start_after=after[it.id].start,
            end_before=it.end,
            end_after=after[it.id].end,
        )
        for it in base.items
        if it.id in after and (after[it.id].start, after[it.id].end) != (it.start, it.end)
    ]
    return WhatIf(
        status=out.status,
        objective_after=out.objective,
        makespan_after=out.makespan,
        spend_after=out.yearly_spend,
        changed=changed,
        **common,
    )
