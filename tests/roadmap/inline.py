"""Initiatives written inline, and an independent check of a schedule against every constraint."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from raqmana.i18n import Translated
from raqmana.roadmap.model import Dependency, Initiative, Layer, PlanSettings, Schedule


def ini(
    ident: str,
    owner: str = "o1",
    *,
    duration: int = 1,
    cost: int = 0,
    benefit: int = 1,
    layer: int | None = None,
    **fields: Any,
) -> Initiative:
    name = Translated(en=f"Initiative {ident}", ar=f"المبادرة {ident}", ckb=f"دەستپێشخەریی {ident}")
    return Initiative(
        id=ident,
        name=name,
        owner=owner,
        duration=duration,
        cost_usd=cost,
        benefit=benefit,
        layer=None if layer is None else Layer(layer),
        **fields,
    )


def dep(before: str, after: str, lag: int = 0) -> Dependency:
    return Dependency(before=before, after=after, lag=lag)


def violations(
    initiatives: Sequence[Initiative],
    dependencies: Sequence[Dependency],
    settings: PlanSettings,
    schedule: Schedule,
) -> list[str]:
    """Every broken constraint, computed here from first principles (not with the planner's own code)."""
    start = {it.id: it.start for it in schedule.items}
    by_id = {it.id: it for it in initiatives}
    out = []
    if set(start) != set(by_id):
        out.append("not every initiative is scheduled exactly once")
        return out
    for it in initiatives:
        end = start[it.id] + it.duration
        if start[it.id] < it.release or end > settings.horizon_quarters:
            out.append(f"{it.id} runs outside [{it.release}, {settings.horizon_quarters})")
        if schedule.item(it.id).end != end:
            out.append(f"{it.id}: end {schedule.item(it.id).end} is not start + duration")
    for d in dependencies:
        if start[d.after] < start[d.before] + by_id[d.before].duration + d.lag:
            out.append(f"{d.after} starts before {d.before} is done")
    spend: dict[int, int] = {}
    for it in initiatives:
        base, rest = divmod(it.cost_usd, it.duration)
        for q in range(it.duration):
            year = (settings.start_quarter - 1 + start[it.id] + q) // 4
            spend[year] = spend.get(year, 0) + base + (1 if q < rest else 0)
    budgets = settings.budget_per_year
    for year, amount in spend.items():
        budget = budgets[min(year, len(budgets) - 1)]
        if amount > budget:
            out.append(f"year {year} spends {amount} > {budget}")
    for t in range(settings.horizon_quarters):
        running: dict[str, int] = {}
        for it in initiatives:
            if start[it.id] <= t < start[it.id] + it.duration:
                running[it.owner] = running.get(it.owner, 0) + 1
        for owner, k in running.items():
            if k > settings.capacity_of(owner):
                out.append(f"{owner} runs {k} initiatives in quarter {t}")
    return out


def weighted_completion(initiatives: Sequence[Initiative], starts: dict[str, int]) -> int:
    return sum(it.benefit * (starts[it.id] + it.duration) for it in initiatives)


def small_roadmap(**settings: Any) -> Any:
    """A scheduled roadmap of six initiatives over three owners (law → platform → two services …)."""
    from raqmana.roadmap.model import Roadmap
    from raqmana.roadmap.schedule import plan

    items = [
        ini("law", "sec", duration=2, cost=1_000_000, benefit=20, layer=0, pillar="LEG"),
        ini(
            "id",
            "moi",
            duration=3,
            cost=6_000_000,
            benefit=40,
            layer=3,
            pillar="IDS",
            building_blocks=["identity"],
        ),
        ini("pay", "mof", duration=2, cost=3_000_000, benefit=30, layer=3, pillar="SRV"),
        ini(
            "portal",
            "sec",
            duration=2,
            cost=2_000_000,
            benefit=60,
            layer=4,
            pillar="SRV",
            institutions=["moi", "mof"],
        ),
        ini("skills", "sec", duration=4, cost=800_000, benefit=5, pillar="SKL"),
        ini("proactive", "moi", duration=2, cost=1_500_000, benefit=25, layer=5, pillar="SRV"),
    ]
    deps = [
        dep("law", "id"),
        dep("law", "pay"),
        dep("id", "portal"),
        dep("pay", "portal"),
        dep("portal", "proactive"),
    ]
    s = PlanSettings(
        horizon_quarters=16, budget_per_year=[6_000_000], capacity_default=2, time_limit_s=5, **settings
    )
    result = plan(items, deps, s)
    assert result.ok, [p.render() for p in result.problems]
    title = Translated(en="Test roadmap", ar="خارطة طريق تجريبية", ckb="نەخشەڕێگای تاقیکردنەوە")
    return Roadmap(
        id="rm",
        title=title,
        created="2026-01-01T00:00:00+00:00",
        framework="mini",
        settings=s,
        initiatives=items,
        dependencies=deps,
        schedule=result.schedule,
    )
