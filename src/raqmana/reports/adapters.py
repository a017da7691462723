"""Turn the results of scoring, analysis and planning into the report's plain inputs (no computation:
:mod:`raqmana.pipeline` runs the chain and calls :func:`report_inputs`)."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

import numpy as np

from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated, vocabulary
from raqmana.i18n.bidi import ltr
from raqmana.i18n.catalog import ui
from raqmana.reports.inputs import (
    Bottleneck,
    Divide,
    DivideGroup,
    EnablerResult,
    IndexSeries,
    InitiativeItem,
    InstitutionResult,
    KpiItem,
    RecommendationItem,
    ReportInputs,
)
from raqmana.reports.labels import provenance_line
from raqmana.reports.sources import cited, index_source
from raqmana.scoring.build import Build
from raqmana.scoring.uncertainty import UncertaintyResult

if TYPE_CHECKING:
    from raqmana.analysis import Analysis
    from raqmana.recommend.model import Recommendation
    from raqmana.reports.charts import Chart
    from raqmana.roadmap.pipeline import PlanResult


@dataclass(frozen=True)
class InstitutionMeta:
    """An assessed institution as the chain and its reports name and group it."""

    code: str
    name: Translated
    kind: str
    governorate: str = ""
    region: str = ""


T = Translated.of
#: the plural names of groups of institutions, from the vocabulary
KINDS = vocabulary.names("org kinds")
GROUPS: dict[str, Translated] = {
    **KINDS,
    "federal": ui("Federal institutions"),
    "krg": ui("Kurdistan Region"),
    "unspecified": ui("Not a governorate"),
    "region_and_bodies": ui("The region and its bodies"),
    "": ui("Not specified"),
}
DIMENSIONS = {
    "type": ui("Institution type"),
    "governorate": ui("Governorate", "report groups"),
    "region": ui("Region"),
}


#: in the table by kind, the region and its bodies are one group (the region dimension shows them apart)
MERGED_KINDS = {"region": "region_and_bodies", "regional_body": "region_and_bodies"}


def _shown_groups(
    dimension: str, groups: list[tuple[str, float | None, int]]
) -> tuple[list[tuple[str, float | None, int]], int]:
    """The groups a divide table shows, and how many institutions it leaves out: the governorate table
    lists governorates only (institutions without one are counted under it, not listed as a "group");
    the table by kind puts the region and its bodies in one row."""
    left_out = 0
    out: dict[str, tuple[float, int]] = {}
    for group, mean, n in groups:
        if dimension == "governorate" and group in ("unspecified", ""):
            left_out += n
            continue
        key = MERGED_KINDS.get(group, group) if dimension == "type" else group
        total, count = out.get(key, (0.0, 0))
        out[key] = (total + (mean or 0.0) * n, count + n)
    shown = [(g, total / n if n else None, n) for g, (total, n) in out.items()]
    shown.sort(key=lambda x: (x[1] is None, x[1] or 0.0, x[0]))
    return shown, left_out


def _theil_between(groups: list[tuple[float | None, int]]) -> float | None:
    """Theil's between-group index from the groups' means and sizes: Σ (n/N)(μ_g/μ) ln(μ_g/μ)."""
    known = [(m, n) for m, n in groups if m is not None and m > 0 and n > 0]
    total = sum(n for _, n in known)
    if not known or total == 0:
        return None
    mu = sum(m * n for m, n in known) / total
    return float(sum(n / total * (m / mu) * math.log(m / mu) for m, n in known))


def _num(v: float | None) -> float | None:
    if v is None:
        return None
    f = float(v)
    return None if math.isnan(f) else f


def _floor(v: float | None) -> int | None:
    return None if v is None else int(min(5, max(0, math.floor(v))))


def _enablers(
    fw: Framework, build: Build, unc: UncertaintyResult | None, target: float
) -> list[EnablerResult]:
    national = build.national()
    out = []
    for p in fw.pillars:
        score = _num(national.get(p.id))
        low = high = stability = None
        if unc is not None and p.id in unc.national.columns:
            low, high = _num(unc.national.get("low", p.id)), _num(unc.national.get("high", p.id))
            if p.id in unc.stability.columns:
                col = unc.stability.col(p.id)
                stability = _num(np.nanmean(col)) if np.any(~np.isnan(col)) else None
        coverage = None
        if p.id in build.flags.availability.columns:
            coverage = _num(np.nanmean(build.flags.availability.col(p.id).astype(float)))
        out.append(EnablerResult(p.id, score, _floor(score), low, high, coverage, stability, int(target)))
    return out


def _institutions(
    fw: Framework,
    build: Build,
    unc: UncertaintyResult | None,
    metas: Mapping[str, InstitutionMeta],
    scores: Mapping[str, dict[str, float | None]],
) -> list[InstitutionResult]:
    out = []
    for u in build.units:
        meta = metas.get(u)
        overall = _num(build.aggregated.get(u, fw.id)) if fw.id in build.aggregated.columns else None
        res = InstitutionResult(
            u,
            meta.name if meta else T(u, u, u),
            meta.kind if meta else "",
            scores[u],
            overall,
            _floor(overall),
        )
        if unc is not None and fw.id in unc.low.columns:
            res.low, res.high = _num(unc.low.get(u, fw.id)), _num(unc.high.get(u, fw.id))
            lo, hi = _num(unc.rank_low.get(u, fw.id)), _num(unc.rank_high.get(u, fw.id))
            res.rank_low, res.rank_high = (int(lo) if lo else None), (int(hi) if hi else None)
        out.append(res)
    return out


def _scale(values: list[float | None]) -> float:
    """The top of an index's scale: 0–1 (EGDI, GTMI), 1–5.99 (UNDP Compass) or 0–100 (GCI, NCSI)."""
    top = max((v for v in values if v is not None), default=1.0)
    return 1.0 if top <= 1 else 6.0 if top <= 6 else 100.0


def _range(index: str, values: list[float | None]) -> tuple[float, float]:
    """The index's published scale (bottom, top): its components' range when the values lie in it (UNDP
    Compass 1–5.99), else from 0 to :func:`_scale`'s top."""
    from raqmana.indices.specs import SPECS

    spec = SPECS.get(index.lower())
    known = [v for v in values if v is not None]
    if spec is not None and known:
        lo, hi = min(c.lo for c in spec.components), max(c.hi for c in spec.components)
        if lo <= min(known) and max(known) <= hi:
            return lo, hi
    return 0.0, _scale(values)


def _indices(analysis: Analysis) -> tuple[list[IndexSeries], list[Translated]]:
    bench = analysis.benchmark
    if bench is None:
        return [], []
    from raqmana.indices.datasets import provenance

    prov = provenance()["datasets"]
    series: list[IndexSeries] = []
    sources: list[Translated] = []
    for key, ib in bench.indices.items():
        meta = prov.get(key, {})
        publisher, title = str(meta.get("publisher", key)), str(meta.get("title", ib.name.get("en")))
        source = f"{publisher} — {title}"
        source_text = index_source(publisher, title)  # translated where known, else English isolated
        editions = [str(e) for e in meta.get("editions", [])]
        sources.append(
            provenance_line(
                "prov_index" if editions else "prov_index_no_edition",
                source=source_text,
                editions=editions,
                licence=cited(str(meta.get("licence", ""))),
            )
        )
        comps = {ib.index.upper(): ib.trend, **{c.upper(): t for c, t in ib.components.items()}}
        years = sorted({int(y) for trend in comps.values() for y, _ in trend if str(y).isdigit()})
        if len(years) >= 2:
            values = {
                name: [{int(y): v for y, v in t if str(y).isdigit()}.get(yr) for yr in years]
                for name, t in comps.items()
            }
            lo, hi = _range(ib.index, [v for vs in values.values() for v in vs])
            series.append(
                IndexSeries(
                    f"{ib.index.upper()} ({bench.iso3})",
                    years,
                    values,
                    source,
                    source_text=source_text,
                    scale_max=hi,
                    scale_min=lo,
                    rows="component",
                )
            )
        if ib.peers and ib.edition and str(ib.edition).isdigit():
            values = {bench.iso3: [ib.value], **{iso: [v] for iso, v in ib.peers.items()}}
            lo, hi = _range(ib.index, [v[0] for v in values.values()])
            series.append(
                IndexSeries(
                    f"{ib.index.upper()} {ib.edition}",
                    [int(ib.edition)],
                    values,
                    source,
                    source_text=source_text,
                    scale_max=hi,
                    scale_min=lo,
                )
            )
    return series, sources


def _why(rec: Recommendation, fw: Framework) -> Translated:
    """The conditions that triggered a recommendation as plain sentences, with the values that made them
    hold (scores on the reports' 0–5 scale). The machine form stays in the recommendations' JSON."""
    from raqmana.recommend.sentences import sentences

    return Translated(
        **{
            lang: " ".join(sentences(list(rec.triggers), fw, lang, score_max=5.0))
            for lang in ("en", "ar", "ckb")
        }
    )


def _recommendations(
    plan: PlanResult | None, fw: Framework
) -> tuple[list[RecommendationItem], list[InitiativeItem], list[KpiItem]]:
    """National recommendations (per-institution ones are in each institution's profile), the
    scheduled initiatives and the KPIs of the roadmap."""
    if plan is None:
        return [], [], []
    from raqmana.roadmap.quarters import Calendar

    recs = [
        RecommendationItem(
            r.id,
            r.title,
            r.horizon.value,
            r.pillar,
            _why(r, fw),
            list(r.sdg),
            list(r.govstack),
            r.owner,
            float(r.cost_usd.low),
            float(r.cost_usd.high),
        )
        for r in plan.recommendations.recommendations
        if r.institution is None
    ]
    roadmap = plan.roadmap
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    sched = {i.id: i for i in (roadmap.schedule.items if roadmap.schedule else [])}
    deps: dict[str, list[str]] = {}
    for d in roadmap.dependencies:
        deps.setdefault(d.after, []).append(d.before)
    inits = []
    for it in roadmap.initiatives:
        item = sched.get(it.id)
        inits.append(
            InitiativeItem(
                it.id,
                it.name,
                it.owner,
                cal.label(item.start) if item else "—",
                cal.label(item.end - 1) if item else "—",
                float(it.cost_usd),
                sorted(deps.get(it.id, [])),
                item.phase.value if item else "—",
                bool(item and item.critical),
                it.owner_name if not it.owner_name.is_empty() else None,
            )
        )
    inits.sort(key=lambda i: (i.start, i.id))
    seen: set[str] = set()
    kpis = []
    for it in roadmap.initiatives:
        for k in it.kpis:
            if k.id in seen:
                continue
            seen.add(k.id)
            kpis.append(KpiItem(k.name, k.unit.value, k.baseline.value, float(k.target), it.id))
    return recs, inits, kpis


def report_inputs(
    fw: Framework,
    build: Build,
    unc: UncertaintyResult | None,
    analysis: Analysis,
    plan: PlanResult | None,
    metas: Mapping[str, InstitutionMeta],
    scores: Mapping[str, dict[str, float | None]],
    *,
    country: Translated,
    illustrative: bool,
    target_stage: float,
    date: str,
    assessment_name: Translated | None = None,
    issuer: str | None = None,
) -> ReportInputs:
    """``issuer``: the code of the institution that issues the reports (named from ``metas``)."""
    enablers = _enablers(fw, build, unc, target_stage)
    national = build.national().get(fw.id)
    indices, sources = _indices(analysis)
    bottlenecks = [
        Bottleneck(c.pillar, c.score, list(c.blocks), c.reason, list(c.ahead))
        for c in analysis.constraints.constraints
    ]
    divides = []
    names = {**GROUPS, **{code: m.name for code, m in metas.items()}}
    for d in analysis.divide.dimensions:
        shown, left_out = _shown_groups(d.dimension, [(g.group, g.mean, g.n) for g in d.groups])
        if len(shown) < 2:
            continue  # one group: no divide to show
        groups = [DivideGroup(names.get(g, T(g, g, g)), mean, n) for g, mean, n in shown]
        divides.append(
            Divide(
                DIMENSIONS.get(d.dimension, T(d.dimension, d.dimension, d.dimension)),
                groups,
                analysis.divide.gini,
                _theil_between([(mean, n) for _, mean, n in shown])
                if left_out or len(shown) != len(d.groups)
                else d.theil_between,
                [names.get(g, T(g, g, g)) for g in d.furthest_behind],
                left_out=left_out,
            )
        )
    recs, inits, kpis = _recommendations(plan, fw)
    gantt = (
        _gantt_drawer(plan)
        if plan is not None and plan.schedule is not None and plan.schedule.items
        else None
    )
    cited = f"{fw.id} {fw.version}" + (f" — {fw.source}" if fw.source else "")
    framework = Translated(  # the citation as the framework writes it: English, isolated in ar and ckb
        **{
            lang: f"{fw.name.get(lang)} ({cited if lang == 'en' else ltr(cited)})"
            for lang in ("en", "ar", "ckb")
        }
    )
    provenance = [
        provenance_line("prov_framework", framework=framework),
        provenance_line("prov_answers_illustrative" if illustrative else "prov_answers"),
        *sources,
    ]
    return ReportInputs(
        framework=fw,
        country=country,
        illustrative=illustrative,
        date=date,
        enablers=enablers,
        institutions=_institutions(fw, build, unc, metas, scores),
        national_score=_num(national),
        national_stage=_floor(_num(national)),
        methodology={lang: build.methodology(lang) for lang in ("en", "ar", "ckb")},
        indices=indices,
        bottlenecks=bottlenecks,
        divides=divides,
        recommendations=recs,
        initiatives=inits,
        kpis=kpis,
        provenance=[p.get("en") for p in provenance],
        provenance_lines=provenance,
        gantt=gantt,
        gantt_phases=_gantt_phases(plan) if gantt is not None and plan is not None else None,
        assessment_name=assessment_name,
        issuer=metas[issuer].name if issuer is not None and issuer in metas else None,
        owner_names={
            **{i.owner: i.owner_name for i in inits if i.owner_name is not None},
            **{code: m.name for code, m in metas.items()},
        },
        bottleneck_threshold=analysis.constraints.threshold if analysis.constraints.constraints else None,
    )


GANTT_ROWS = 30


def _gantt_rows(plan: PlanResult) -> list[str]:
    """The rows a printed Gantt can hold: the critical path first, then the largest benefit."""
    sched = plan.roadmap.schedule
    assert sched is not None  # a Gantt is drawn only for a scheduled plan
    critical = [i.id for i in sched.items if i.critical]
    rest = sorted(
        (it for it in plan.roadmap.initiatives if it.id not in critical), key=lambda it: -it.benefit
    )
    return (critical + [it.id for it in rest])[:GANTT_ROWS]


#: rows of one printed Gantt (an A4 page at 8 pt); a phase with more is drawn on several
GANTT_PAGE_ROWS = 24
#: printed Gantt charts per phase at most (the table lists every initiative)
GANTT_PAGES_PER_PHASE = 2
#: the width of a printed Gantt, in inches (A4's text width: drawn at its size, 8 pt labels stay 8 pt)
GANTT_PRINT_WIDTH = 7.2


def _gantt_phases(plan: PlanResult) -> Callable[[str, str | None], list[tuple[str, int, Chart]]]:
    """The printed Gantt split by phase: (phase, part from 1, chart) — each at most
    :data:`GANTT_PAGE_ROWS` initiatives, drawn at the page's width, the critical path then the largest
    benefit first when a phase has more than its pages hold."""
    sched = plan.roadmap.schedule
    assert sched is not None
    by_id = {it.id: it for it in plan.roadmap.initiatives}
    parts: list[tuple[str, list[str]]] = []
    for phase in dict.fromkeys(str(i.phase) for i in sorted(sched.items, key=lambda i: i.end)):
        items = [i for i in sched.items if str(i.phase) == phase]
        items.sort(key=lambda i: (not i.critical, -(by_id[i.id].benefit if i.id in by_id else 0)))
        kept = sorted(items[: GANTT_PAGE_ROWS * GANTT_PAGES_PER_PHASE], key=lambda i: (i.start, i.id))
        for k in range(0, len(kept), GANTT_PAGE_ROWS):
            parts.append((phase, [i.id for i in kept[k : k + GANTT_PAGE_ROWS]]))

    def draw(lang: str, digits: str | None = None) -> list[tuple[str, int, Chart]]:
        from raqmana.reports import charts

        out = []
        seen: dict[str, int] = {}
        for phase, ids in parts:
            seen[phase] = seen.get(phase, 0) + 1
            chart = charts.gantt(plan.roadmap, lang, initiatives=ids, width=GANTT_PRINT_WIDTH, digits=digits)
            out.append((phase, seen[phase], chart))
        return out

    return draw


def _gantt_drawer(plan: PlanResult) -> Callable[[str], Chart]:
    """The report's Gantt in a language: :func:`raqmana.reports.charts.gantt`, as the web draws it."""
    rows = _gantt_rows(plan)

    def draw(lang: str) -> Chart:
        from raqmana.reports import charts

        return charts.gantt(plan.roadmap, lang, initiatives=rows)

    return draw
