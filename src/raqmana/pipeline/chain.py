"""The chain from validated answers to everything a report shows.

validated answers → scores with Monte Carlo uncertainty (:mod:`raqmana.scoring`) → gaps, bottlenecks,
divide and peer benchmarks (:mod:`raqmana.analysis`) → recommendations and the scheduled roadmap
(:mod:`raqmana.recommend`, :mod:`raqmana.roadmap`) → :class:`~raqmana.reports.inputs.ReportInputs`.
No database here: the workspace passes the accepted answers in, the demo and the CLI write the results.
"""

from __future__ import annotations

import json
import math
import time
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from raqmana.analysis import Analysis, analyse
from raqmana.analysis.inputs import Institution
from raqmana.frameworks.illustrative import labelled
from raqmana.frameworks.schema import Framework
from raqmana.pipeline import tables
from raqmana.pipeline.options import ChainOptions, Responses
from raqmana.pipeline.surveys import (
    SurveyInputs,
    sampled_respondents,
    survey_answers,
    survey_band,
    survey_samples,
    with_answers,
    with_survey_indicators,
)
from raqmana.recommend.fromscores import assessment_from_scores
from raqmana.recommend.loader import resolve as rules_file
from raqmana.reports.adapters import InstitutionMeta, report_inputs
from raqmana.reports.inputs import ReportInputs
from raqmana.roadmap.pipeline import PlanResult, plan_from_assessment
from raqmana.scoring.build import Build
from raqmana.scoring.framework_recipe import from_framework
from raqmana.scoring.recipe import Step, UncertaintySpec
from raqmana.scoring.uncertainty import UncertaintyResult, analyse_uncertainty


@dataclass(frozen=True)
class ChainResult:
    """What the chain made: the score build (with its uncertainty), the analysis, the plan (None when
    planning did not run) and the report's inputs; ``timings``: seconds per step."""

    framework: Framework
    options: ChainOptions
    build: Build
    uncertainty: UncertaintyResult | None
    analysis: Analysis
    plan: PlanResult | None
    inputs: ReportInputs
    timings: dict[str, float] = field(default_factory=dict)
    #: national score of the index and each enabler with every survey indicator at the low, then the high
    #: end of its 95 % interval (empty without survey indicators)
    survey_band: dict[str, tuple[float, float]] = field(default_factory=dict)
    #: respondents behind the survey indicators whose sampling error the Monte Carlo includes (0: none)
    survey_sampled: int = 0

    @property
    def surveys(self) -> SurveyInputs | None:
        """The survey indicators (with their intervals), bottlenecks and divides the chain used."""
        return self.options.surveys

    def write(self, out_dir: Path, *, lang: str = "en") -> list[Path]:
        """scores.json, the build's recipe and methodology (``scores/``), analysis.json and, when planned,
        recommendations and roadmap files; illustrative results say so in every JSON and XLSX file."""
        from raqmana.scoring.io import build_as_dict, write_build

        mark = self.options.illustrative
        out_dir.mkdir(parents=True, exist_ok=True)
        scores = _write_json(
            out_dir / "scores.json",
            {"illustrative": mark, **build_as_dict(self.build, self.uncertainty)},
            mark,
        )
        written = [scores]
        written += write_build(
            self.build, out_dir / "scores", formats=("xlsx",), uncertainty=self.uncertainty
        )
        analysis = {"illustrative": mark, **self.analysis.to_dict("en")}
        written.append(_write_json(out_dir / "analysis.json", analysis, mark, indent=1))
        if self.plan is not None:
            written += self.plan.write(out_dir, lang=lang, illustrative=mark)
        if self.surveys is not None:
            surveys = {
                "illustrative": mark or self.surveys.illustrative,
                **self.surveys.to_dict(),
                "index_band": {k: list(v) for k, v in self.survey_band.items()},
            }
            written.append(_write_json(out_dir / "surveys.json", surveys, mark or self.surveys.illustrative))
        return written


def _write_json(path: Path, data: dict[str, Any], illustrative: bool, indent: int = 1) -> Path:
    text = json.dumps(_clean(labelled(data, illustrative)), ensure_ascii=False, indent=indent, default=str)
    path.write_text(text, encoding="utf-8")
    return path


def _clean(obj: Any) -> Any:
    """JSON has no NaN: missing numbers are null."""
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    return obj


def national_bands(unc: UncertaintyResult | None) -> dict[str, tuple[float, float]] | None:
    """Each aggregate's national uncertainty interval (low, high), when Monte Carlo ran."""
    if unc is None:
        return None
    out = {}
    for node in unc.national.columns:
        low, high = float(unc.national.get("low", node)), float(unc.national.get("high", node))
        if not (math.isnan(low) or math.isnan(high)):
            out[node] = (low, high)
    return out


def default_uncertainty(runs: int = 1000) -> UncertaintySpec:
    """Weights ±25 %, missing answers left out or filled with the median, arithmetic or geometric means."""
    return UncertaintySpec(runs=runs, weight_noise=0.25, impute=(Step("median"),), seed=2026)


def run_chain(
    framework: Framework,
    responses: Responses,
    institutions: Mapping[str, InstitutionMeta],
    options: ChainOptions,
) -> ChainResult:
    """Scoring, analysis and (with ``options.plan``) recommendations and the roadmap, on validated answers.

    The country's lead institution answers the national questions: its answers are the country's own
    in the recommendation rules. Raises :class:`raqmana.problems.ProblemsError` when the answers
    cannot be scored or planned (e.g. none at all)."""
    country, rnd = options.country, options.round
    # survey indicators join their sub-areas; their values are added to the institutions' answers
    framework = with_survey_indicators(framework, options.surveys)
    from_surveys = survey_answers(options.surveys, institutions, country.lead_institution)
    answered = responses
    if from_surveys:
        responses = with_answers(responses, from_surveys)
    target = options.target_stage
    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    names = {code: m.name.get("en") for code, m in institutions.items()}
    runs = options.mc_runs
    build = from_framework(
        framework, responses, names=names, uncertainty=default_uncertainty(runs) if runs > 0 else None
    )
    sampled = None
    if runs > 0 and from_surveys and build.recipe.uncertainty is not None:  # survey sampling error
        sampled = survey_samples(
            options.surveys,
            build.units,
            institutions,
            country.lead_institution,
            runs=runs,
            seed=build.recipe.uncertainty.seed,
        )
    unc = analyse_uncertainty(build, sampled=sampled) if runs > 0 else None
    band: dict[str, tuple[float, float]] = {}
    if from_surveys and options.surveys is not None:  # the index at both ends of the surveys' intervals
        band = survey_band(
            framework, answered, options.surveys, institutions, country.lead_institution, names=names
        )
    timings["scoring"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    pillar = tables.pillar_scores(framework, build)
    metas = {
        code: Institution(
            id=code, type=m.kind, governorate=m.governorate, region=m.region, name=m.name.get("en")
        )
        for code, m in institutions.items()
        if code in pillar
    }
    analysis = analyse(
        framework,
        pillar,
        metas,
        indicator_scores=tables.indicator_scores(framework, build),
        target=target,
        country=country.iso3,
        peers=country.peers,
        data_dir=options.data_dir,
        bands=national_bands(unc),
    )
    timings["analysis"] = time.perf_counter() - t0

    plan: PlanResult | None = None
    if options.plan and rules_file(framework.id) is not None:  # no rule base: no roadmap
        t0 = time.perf_counter()
        lead = country.lead_institution
        assessment = assessment_from_scores(
            framework,
            institutions={c: m.kind for c, m in institutions.items()},
            indicator_stages=tables.raw_answers(framework, build),
            pillar_scores=pillar,
            evidence_missing_share=options.evidence_missing or None,
            names={c: m.name for c, m in institutions.items()},
            national=lead if lead in institutions else None,
            assessment_id=rnd.id,
            title=rnd.name,
            bottlenecks=options.surveys.bottleneck_shares() if options.surveys is not None else None,
            commitments=options.commitments or None,
            register=options.register or None,
        )
        planning = options.planning
        budget = rnd.budget_per_year
        plan = plan_from_assessment(
            framework,
            assessment,
            budget_per_year=None if budget is None else budget[0] if len(budget) == 1 else list(budget),
            horizon_quarters=planning.horizon_quarters,
            capacity_per_owner=planning.capacity_per_owner,
            start_year=planning.start_year,
            start_quarter=planning.start_quarter,
            time_limit_s=options.time_limit_s,
        )
        timings["roadmap"] = time.perf_counter() - t0

    inputs = report_inputs(
        framework,
        build,
        unc,
        analysis,
        plan,
        institutions,
        pillar,
        country=country.name,
        illustrative=options.illustrative,
        target_stage=target,
        date=options.date,
        assessment_name=rnd.name,
        issuer=country.lead_institution,
    )
    sampled_n = sampled_respondents(options.surveys, unc.sampled) if unc is not None else 0
    if sampled_n:  # the methodology says that the intervals include the survey sampling error
        from raqmana.reports.survey_chapter import sampling_note

        for lang, text in list(inputs.methodology.items()):
            inputs.methodology[lang] = f"{text}\n\n{sampling_note(lang, sampled_n)}"
    if options.surveys is not None:  # the surveys' chapter of the national report (before the annexes)
        from raqmana.reports.survey_chapter import survey_chapter

        marked = options.illustrative or options.surveys.illustrative
        s = options.surveys
        inputs.chapters.append(
            survey_chapter(
                s.indicators,
                s.bottlenecks,
                illustrative=marked,
                divides=s.divides,
                labels=s.group_labels,
                titles=s.titles,
                band=band.get(framework.id),
                central=build.national().get(framework.id),
                round_name=s.round_name,
                round_period=s.round_period,
                respondents=s.respondents,
                sampling_n=sampled_n,
            )
        )
    return ChainResult(
        framework, options, build, unc, analysis, plan, inputs, timings, band, survey_sampled=sampled_n
    )
