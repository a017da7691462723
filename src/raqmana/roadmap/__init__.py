"""The digital transformation roadmap: initiatives, their dependency graph, scheduling and versions.

    from raqmana.roadmap.pipeline import plan_from_assessment
    planning = country_for(framework.id).planning       # from raqmana.pipeline: the country's defaults
    result = plan_from_assessment(framework, assessment, budget_per_year=25_000_000,
                                  horizon_quarters=planning.horizon_quarters,
                                  capacity_per_owner=planning.capacity_per_owner,
                                  start_year=planning.start_year)
    result.recommendations, result.roadmap, result.schedule; result.write("out/")

Pieces: :mod:`.initiatives` (recommendations → initiatives + dependencies), :mod:`.dag` (checks,
order), :mod:`.schedule` (feasibility checks, greedy baseline, LP bound, CP-SAT), :mod:`.whatif`,
:mod:`.versions` (baselines, re-plans, change log), :mod:`.progress`, and the outputs
(:mod:`.gantt`, :mod:`.graph`, :mod:`.actions`, :mod:`.xlsx`/:mod:`.xlsx_read`, :mod:`.jsonio`).
See ``docs/roadmap.md``.
"""

from raqmana.roadmap.model import (
    Baseline,
    Dependency,
    DependencyKind,
    Initiative,
    Layer,
    Phase,
    PlanSettings,
    Progress,
    Roadmap,
    Schedule,
    ScheduledItem,
    SolveStatus,
)

__all__ = [
    "Baseline",
    "Dependency",
    "DependencyKind",
    "Initiative",
    "Layer",
    "Phase",
    "PlanSettings",
    "Progress",
    "Roadmap",
    "Schedule",
    "ScheduledItem",
    "SolveStatus",
]
