"""What the results pages show, as plain data (the JSON twins serve exactly this; templates format it).

Numbers stay numbers (scores 0–5, shares 0–1, costs in USD); texts that a person reads are translated
values. Owners of recommendations and initiatives are named from the organisation list.
"""

from __future__ import annotations

from typing import Any

from raqmana.i18n import Translated
from raqmana.i18n.dates import quarter_text
from raqmana.indices.specs import SPECS
from raqmana.problems import Problem
from raqmana.recommend.labels import BASELINE_SOURCE, HORIZON, KPI_UNIT, PHASE
from raqmana.reports.adapters import KINDS
from raqmana.reports.inputs import IndexSeries, InstitutionResult, ReportInputs
from raqmana.web.results_cache import Entry
from raqmana.web.survey_results import survey_part
from raqmana.workspace.views import AssessmentView

T = Translated.of
COMPONENTS = {c.id.upper(): c.name for s in SPECS.values() for c in s.components}


def label_of(code: str, names: dict[str, Translated]) -> Translated:
    """An organisation, institution type or region code as words."""
    return names.get(code) or KINDS.get(code) or T(code, code, code)


def enablers(inputs: ReportInputs) -> list[dict[str, Any]]:
    pillars = {p.id: p for p in inputs.framework.pillars}
    return [
        {
            "id": e.pillar_id,
            "name": pillars[e.pillar_id].name,
            "score": e.score,
            "stage": e.stage,
            "low": e.low,
            "high": e.high,
            "coverage": e.coverage,
            "stability": e.stability,
            "target": e.target,
        }
        for e in inputs.enablers
    ]


def institution_row(i: InstitutionResult) -> dict[str, Any]:
    return {
        "code": i.code,
        "name": i.name,
        "kind": i.kind,
        "overall": i.overall,
        "stage": i.stage,
        "low": i.low,
        "high": i.high,
        "rank_low": i.rank_low,
        "rank_high": i.rank_high,
        "scores": i.scores,
    }


def ranked(inputs: ReportInputs) -> list[InstitutionResult]:
    """Institutions, highest overall score first (those without a score last)."""
    return sorted(inputs.institutions, key=lambda i: (i.overall is None, -(i.overall or 0.0), i.code))


def _words(value: Translated | str) -> Translated:
    return value if isinstance(value, Translated) else T(value, value, value)


def divide(inputs: ReportInputs) -> dict[str, Any]:
    dims = [
        {
            "dimension": d.dimension,
            "theil": d.theil,
            "left_out": d.left_out,
            "groups": [{"label": g.label, "mean": g.mean, "count": g.count} for g in d.groups],
            "furthest_behind": [_words(x) for x in d.furthest_behind],
        }
        for d in inputs.divides
    ]
    return {"gini": inputs.divides[0].gini if inputs.divides else None, "dimensions": dims}


def index_title(series: IndexSeries) -> Translated:
    """e.g. "EGDI (IRQ)" → the index's full name; the edition or country stays in the series' ``index``."""
    key = series.index.split(" ")[0].lower()
    spec = SPECS.get(key)
    return spec.name if spec else T(series.index, series.index, series.index)


def scale_max(series: IndexSeries) -> float:
    """The top of the index's published scale (e.g. 5.99 for the UNDP Compass), not just 1 or 100."""
    spec = SPECS.get(series.index.split(" ")[0].lower())
    values = [v for vs in series.values.values() for v in vs if v is not None]
    if spec is None or not values:
        return series.scale_max
    top = max(c.hi for c in spec.components)
    return top if max(values) <= top else series.scale_max


def benchmarks(inputs: ReportInputs) -> list[dict[str, Any]]:
    from raqmana.indices.countries import countries

    known = countries()
    out = []
    for k, s in enumerate(inputs.indices):
        peers = len(s.years) == 1
        labels = {}
        for code in s.values:
            if peers and code in known:
                labels[code] = known[code].name
            else:
                labels[code] = COMPONENTS.get(code, T(code, code, code))
        out.append(
            {
                "chart": f"index-{k}",
                "index": s.index,
                "title": index_title(s),
                "kind": "peers" if peers else "trend",
                "years": s.years,
                "values": s.values,
                "labels": labels,
                "source": s.source,
                "source_text": s.source_text,
                "scale_min": s.scale_min,
                "scale_max": scale_max(s),
                "country": inputs.country,
            }
        )
    return out


def recommendations(inputs: ReportInputs, names: dict[str, Translated]) -> dict[str, list[dict[str, Any]]]:
    pillars = {p.id: p.name for p in inputs.framework.pillars}
    out: dict[str, list[dict[str, Any]]] = {"short": [], "long": []}
    for r in inputs.recommendations:
        out.setdefault(r.horizon, []).append(
            {
                "id": r.id,
                "title": r.title,
                "horizon": r.horizon,
                "horizon_label": HORIZON.get(r.horizon),
                "enabler": r.pillar_id,
                "enabler_name": pillars.get(r.pillar_id),
                "why": r.rationale,
                "sdg": r.sdg,
                "owner": r.owner,
                "owner_name": label_of(r.owner, names) if r.owner else None,
                "cost_low": r.cost_low,
                "cost_high": r.cost_high,
            }
        )
    return out


def roadmap(entry: Entry, lang: str) -> dict[str, Any]:
    inputs, plan = entry.done.inputs, entry.done.plan
    if plan is None:
        return {"planned": False, "scheduled": False, "problems": [], "initiatives": [], "kpis": []}
    scheduled = plan.schedule is not None and bool(plan.schedule.items)
    inits = [
        {
            "id": i.id,
            "name": i.name,
            "owner": i.owner,
            "owner_name": label_of(i.owner, entry.names),
            "start": i.start if scheduled else None,
            "end": i.end if scheduled else None,
            "start_text": quarter_text(i.start, lang, inputs.digits) if scheduled else None,
            "end_text": quarter_text(i.end, lang, inputs.digits) if scheduled else None,
            "cost": i.cost,
            "depends_on": i.depends_on,
            "phase": i.phase if i.phase in PHASE else None,
            "phase_label": PHASE.get(i.phase),
            "critical": i.critical,
        }
        for i in inputs.initiatives
    ]
    kpis = [
        {
            "name": k.name,
            "unit": k.unit,
            "unit_label": KPI_UNIT.get(k.unit),
            "baseline": k.baseline,
            "baseline_label": BASELINE_SOURCE.get(k.baseline),
            "target": k.target,
            "initiative": k.source,
        }
        for k in inputs.kpis
    ]
    return {
        "planned": True,
        "scheduled": scheduled,
        "ok": plan.ok,
        "summary": inputs.roadmap_summary,
        "problems": problems(plan.problems, lang),
        "initiatives": inits,
        "kpis": kpis,
    }


def problems(found: list[Problem], lang: str) -> list[dict[str, Any]]:
    return [p.as_dict(lang) for p in found]


def nothing(view: AssessmentView, entry: Entry, lang: str) -> dict[str, Any]:
    """The national page before the chain can run (no accepted answer yet): the reasons, no figures."""
    return {
        "assessment": view,
        "illustrative": view.illustrative,
        "problems": problems(entry.problems, lang),
        "national": {"score": None, "stage": None, "target_stage": view.target_stage, "institutions": 0},
        "enablers": [],
        "institutions": [],
        "bottlenecks": [],
        "divide": {"gini": None, "dimensions": []},
        "benchmarks": [],
        "recommendations": {"short": [], "long": []},
        "roadmap": {"planned": False, "scheduled": False, "problems": [], "initiatives": [], "kpis": []},
    }


def national(entry: Entry, view: AssessmentView, lang: str) -> dict[str, Any]:
    if entry.chain is None:
        return nothing(view, entry, lang)
    inputs = entry.done.inputs
    fw = inputs.framework
    stage = inputs.national_stage
    target = next((e.target for e in inputs.enablers if e.target is not None), view.target_stage)
    return {
        "assessment": view,
        "illustrative": inputs.illustrative,
        "framework": {"id": fw.id, "version": fw.version, "name": fw.name},
        "country": inputs.country,
        "national": {
            "score": inputs.national_score,
            "stage": stage,
            "scale_max": 5,
            "stage_label": fw.stage_label(stage) if stage is not None else None,
            "target_stage": target,
            "institutions": len(inputs.institutions),
        },
        "enablers": enablers(inputs),
        "institutions": [institution_row(i) for i in ranked(inputs)],
        "bottlenecks": [
            {"enabler": b.pillar_id, "score": b.score, "blocks": b.blocks, "reason": b.reason}
            for b in inputs.bottlenecks
        ],
        "divide": divide(inputs),
        "benchmarks": benchmarks(inputs),
        "recommendations": recommendations(inputs, entry.names),
        "roadmap": roadmap(entry, lang),
        "methodology": inputs.methodology,
        "provenance": inputs.provenance,
        "provenance_text": inputs.provenance_lines,
        "surveys": survey_part(entry.done),
        "problems": [],
        "_names": {p.id: p.name for p in fw.pillars},
    }


def institution(entry: Entry, view: AssessmentView, inst: InstitutionResult, lang: str) -> dict[str, Any]:
    """One institution against the national average: scores, gaps to the target, its recommendations
    and the roadmap actions it leads or takes part in."""
    inputs, plan = entry.done.inputs, entry.done.plan
    pillars = {p.id: p.name for p in inputs.framework.pillars}
    national_scores = {e.pillar_id: e.score for e in inputs.enablers}
    target = next((e.target for e in inputs.enablers if e.target is not None), view.target_stage or 3)
    gap = {pid: max(0.0, target - v) for pid, v in inst.scores.items() if v is not None}
    rows: list[dict[str, Any]] = [
        {
            "id": pid,
            "name": name,
            "score": inst.scores.get(pid),
            "national": national_scores.get(pid),
            "gap": gap.get(pid),
        }
        for pid, name in pillars.items()
    ]
    gaps = sorted((r for r in rows if r["gap"]), key=lambda r: -gap[r["id"]])
    recs, actions = [], []
    if plan is not None:
        recs = [
            {
                "id": r.id,
                "title": r.title,
                "horizon": r.horizon.value,
                "horizon_label": HORIZON.get(r.horizon.value),
                "enabler": r.pillar,
                "enabler_name": pillars.get(r.pillar),
                "cost_low": r.cost_usd.low,
                "cost_high": r.cost_usd.high,
            }
            for r in plan.recommendations.recommendations
            if r.institution == inst.code
        ]
        from raqmana.roadmap.actions import actions_by_institution

        actions = actions_by_institution(plan.roadmap, lang).get(inst.code, [])
    return {
        "assessment": view,
        "illustrative": inputs.illustrative,
        "institution": institution_row(inst),
        "national": {
            "score": inputs.national_score,
            "stage": inputs.national_stage,
            "target_stage": target,
            "institutions": len(inputs.institutions),
        },
        "stage_label": inputs.framework.stage_label(inst.stage) if inst.stage is not None else None,
        "enablers": rows,
        "gaps": gaps,
        "recommendations": recs,
        "actions": actions,
    }
