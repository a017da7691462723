"""From a validated assessment to recommendations and a scheduled roadmap, and the files for both.

    result = plan_from_assessment(framework, assessment, budget_per_year=20_000_000,
                                  horizon_quarters=40, capacity_per_owner=4, start_year=2027)
    result.recommendations   # RecommendationSet (national + per institution, each explained)
    result.roadmap           # Roadmap (initiatives, dependencies, settings, schedule)
    result.schedule          # Schedule or None
    result.write("out/")     # recommendations.json/.xlsx, roadmap.json/.xlsx, gantt.png/.svg, …

Rule-base and assessment errors raise :class:`ProblemsError`; a plan that cannot be scheduled
(budget, capacity or horizon too small) comes back with ``ok`` False and problems that say which
constraint fails and by how much — the recommendations and the unscheduled roadmap are still there.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path

from raqmana.frameworks.illustrative import labelled
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.problems import Problem, ProblemsError, split
from raqmana.recommend import export as rec_export
from raqmana.recommend.assessment import Assessment, check_against
from raqmana.recommend.engine import generate
from raqmana.recommend.loader import load_rules
from raqmana.recommend.model import RecommendationSet
from raqmana.recommend.rules import RuleBase
from raqmana.roadmap import errors as E
from raqmana.roadmap import horizon, jsonio
from raqmana.roadmap import schedule as S
from raqmana.roadmap.actions import actions_by_institution
from raqmana.roadmap.graph import graph_data
from raqmana.roadmap.initiatives import Options, from_recommendations
from raqmana.roadmap.model import Initiative, PlanSettings, Roadmap, Schedule, SolveStatus
from raqmana.roadmap.quarters import Calendar, year_costs
from raqmana.roadmap.versions import now_iso
from raqmana.roadmap.xlsx import write_workbook

#: default yearly budget: this share above the average yearly cost of all initiatives
BUDGET_HEADROOM = 1.25
_TITLE = ui("Digital transformation roadmap")


@dataclass
class PlanResult:
    framework: Framework
    assessment: Assessment
    rulebase: RuleBase
    recommendations: RecommendationSet
    roadmap: Roadmap
    problems: list[Problem] = field(default_factory=list)

    @property
    def schedule(self) -> Schedule | None:
        return self.roadmap.schedule

    @property
    def ok(self) -> bool:
        sch = self.roadmap.schedule
        return (
            sch is not None
            and sch.status not in (SolveStatus.INFEASIBLE, SolveStatus.UNKNOWN)
            and not split(self.problems)[0]
        )

    def write(self, out_dir: str | Path, *, lang: str = "en", illustrative: bool = False) -> list[Path]:
        """Write every output file into ``out_dir`` (created if needed); return their paths.

        ``illustrative``: the assessment's answers were generated; every JSON and XLSX file says so
        (:func:`raqmana.frameworks.illustrative.labelled`), as the reports do."""
        out = Path(out_dir)
        out.mkdir(parents=True, exist_ok=True)
        recs, fw, mark = self.recommendations, self.framework, illustrative
        files = [
            rec_export.write_json(recs, out / "recommendations.json", fw, illustrative=mark),
            rec_export.write_xlsx(
                recs, out / "recommendations.xlsx", framework=fw, lang=lang, illustrative=mark
            ),
            jsonio.write(self.roadmap, out / "roadmap.json", illustrative=mark),
            write_workbook(self.roadmap, out / "roadmap.xlsx", lang=lang, illustrative=mark),
            _write_json(graph_data(self.roadmap), out / "dependencies.json", mark),
            _write_json(actions_by_institution(self.roadmap, lang), out / "actions.json", mark),
        ]
        if self.roadmap.schedule is not None and self.roadmap.schedule.items:
            from raqmana.roadmap.gantt import gantt  # matplotlib only when a chart is drawn

            files += [
                gantt(self.roadmap, out / "gantt.png", lang=lang),
                gantt(self.roadmap, out / "gantt.svg", lang=lang),
            ]
        if self.problems:
            problems = [p.as_dict(lang) for p in self.problems]
            files.append(_write_json(problems, out / "problems.json", mark))
        return files


def _write_json(data: object, path: Path, illustrative: bool = False) -> Path:
    text = json.dumps(labelled(data, illustrative), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")
    return path


def owner_names(initiatives: list[Initiative]) -> dict[str, str | dict[str, str]]:
    """owner id → its name in each language (for messages about capacity)."""
    return {
        it.owner: {lg: it.owner_name.get(lg) or it.owner for lg in ("en", "ar", "ckb")} for it in initiatives
    }


def default_budget(initiatives: list[Initiative], settings: PlanSettings) -> int:
    """A first yearly budget: ``BUDGET_HEADROOM`` × the average yearly cost, and at least the largest yearly
    spend of any single initiative; rounded up to 100,000 USD. When dependencies make it too small, the
    pipeline raises it to the budget from which a schedule exists (see :mod:`.shortfall`)."""
    cal = Calendar(settings.start_year, settings.start_quarter)
    n_years = cal.n_years(settings.horizon_quarters)
    total = sum(it.cost_usd for it in initiatives)
    peak = max(
        (max(year_costs(it.cost_usd, it.duration, 0, cal, n_years) or [0]) for it in initiatives), default=0
    )
    need = max(BUDGET_HEADROOM * total / max(n_years, 1), peak, 1)
    return int(math.ceil(need / 100_000) * 100_000)


def _rulebase(framework: Framework, rulebase: RuleBase | str | Path | None) -> RuleBase:
    if isinstance(rulebase, RuleBase):
        return rulebase
    result = load_rules(rulebase if rulebase is not None else framework.id, framework)
    if not result.ok or result.rulebase is None:
        raise ProblemsError(result.problems)
    return result.rulebase


def plan_from_assessment(
    framework: Framework,
    assessment: Assessment,
    *,
    rulebase: RuleBase | str | Path | None = None,
    budget_per_year: int | list[int] | None = None,
    horizon_quarters: int,
    time_limit_s: float = 10.0,
    capacity_per_owner: int,
    start_year: int,
    start_quarter: int = 1,
    options: Options | None = None,
    extend_horizon: bool = True,
) -> PlanResult:
    """Recommendations for ``assessment`` and the roadmap that schedules them.

    ``rulebase``: a :class:`RuleBase`, a rules file, or None for the framework pack's ``rules.yaml``.
    ``horizon_quarters``, ``capacity_per_owner``, ``start_year``: no defaults here; a country's come from
    its country file (:func:`raqmana.pipeline.country_for`, ``docs/countries.md``).
    ``budget_per_year``: USD per fiscal year (one figure, or one per year); None: :func:`default_budget`.
    ``extend_horizon``: when the dependency chains or an owner's work at its capacity need more quarters
    than ``horizon_quarters``, extend the horizon to whole years (at most 80 quarters) with a warning
    (RM023); when False the plan is refused with the problem that says which chain or owner.
    Raises :class:`ProblemsError` when the rule base or the assessment has errors.
    """
    rb = _rulebase(framework, rulebase)
    checks = check_against(assessment, framework)
    if split(checks)[0]:
        raise ProblemsError(checks)
    recs = generate(rb, framework, assessment)
    depends = {p.id: list(p.depends_on) for p in framework.pillars}
    initiatives, dependencies = from_recommendations(
        recs.recommendations, pillar_depends=depends, options=options or Options()
    )
    base = PlanSettings(
        horizon_quarters=horizon_quarters,
        capacity_default=capacity_per_owner,
        start_year=start_year,
        start_quarter=start_quarter,
        time_limit_s=time_limit_s,
    )
    extended: list[Problem] = []
    if extend_horizon:
        base, extended = horizon.extend(initiatives, dependencies, base)
    if budget_per_year is None:
        budgets = [default_budget(initiatives, base)]
    else:
        budgets = (
            [int(budget_per_year)]
            if isinstance(budget_per_year, int | float)
            else [int(b) for b in budget_per_year]
        )
    settings = base.model_copy(update={"budget_per_year": budgets})
    title = Translated(
        **{
            lang: f"{_TITLE.get(lang)} — {assessment.title.get(lang)}"
            if assessment.title.get(lang)
            else _TITLE.get(lang)
            for lang in ("en", "ar", "ckb")
        }
    )
    roadmap = Roadmap(
        id=f"roadmap-{assessment.id}",
        title=title,
        created=now_iso(),
        framework=framework.id,
        based_on=assessment.id,
        settings=settings,
        initiatives=initiatives,
        dependencies=dependencies,
        metadata={"rules_version": rb.version},
    )
    problems = [*checks, *recs.problems, *extended]
    if not initiatives:
        problems.append(Problem(E.NO_INITIATIVES))
        return PlanResult(framework, assessment, rb, recs, roadmap, problems)
    names = owner_names(initiatives)
    result = S.plan(initiatives, dependencies, settings, owner_names=names)
    raise_to = [p.params["needed_usd"] for p in result.problems if p.code is E.BUDGET_SHORTFALL]
    if budget_per_year is None and raise_to:  # the default budget must leave room for a schedule
        settings = settings.model_copy(update={"budget_per_year": [int(raise_to[0])]})
        roadmap = roadmap.model_copy(update={"settings": settings})
        result = S.plan(initiatives, dependencies, settings, owner_names=names)
    problems += result.problems
    if result.schedule is not None:
        roadmap = roadmap.model_copy(update={"schedule": result.schedule})
    return PlanResult(framework, assessment, rb, recs, roadmap, problems)
