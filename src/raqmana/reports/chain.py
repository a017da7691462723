"""The chain from validated answers to everything a report shows.

validated answers → scores with Monte Carlo uncertainty (:mod:`raqmana.scoring`) → gaps, bottlenecks,
divide and peer benchmarks (:mod:`raqmana.analysis`) → recommendations and the scheduled roadmap
(:mod:`raqmana.roadmap`) → :class:`~raqmana.reports.inputs.ReportInputs`. No database here: the
workspace passes the accepted answers in, the demo and the CLI write the results out.
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from raqmana.analysis import Analysis, analyse
from raqmana.analysis.inputs import Institution
from raqmana.frameworks.schema import Framework
from raqmana.i18n import Translated
from raqmana.reports import adapters
from raqmana.reports.inputs import ReportInputs
from raqmana.scoring.build import Build
from raqmana.scoring.framework_recipe import from_framework
from raqmana.scoring.recipe import Step, UncertaintySpec
from raqmana.scoring.uncertainty import UncertaintyResult, analyse_uncertainty


@dataclass(frozen=True)
class InstitutionMeta:
    code: str
    name: Translated
    kind: str
    governorate: str = ""
    region: str = ""


@dataclass
class ChainResult:
    framework: Framework
    build: Build
    uncertainty: UncertaintyResult | None
    analysis: Analysis
    plan: Any | None  # raqmana.roadmap.pipeline.PlanResult when planning ran
    inputs: ReportInputs
    timings: dict[str, float] = field(default_factory=dict)

    def write(self, out_dir: Path) -> list[Path]:
        """scores.json/.xlsx, analysis.json and, when planned, recommendations and roadmap files."""
        from raqmana.scoring.io import build_as_dict, write_build

        out_dir.mkdir(parents=True, exist_ok=True)
        written = []
        scores = out_dir / "scores.json"
        data = build_as_dict(self.build, self.uncertainty)
        data["illustrative"] = self.inputs.illustrative
        scores.write_text(json.dumps(_clean(data), ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(scores)
        written += write_build(
            self.build, out_dir / "scores", formats=("xlsx",), uncertainty=self.uncertainty
        )
        analysis = out_dir / "analysis.json"
        payload = {"illustrative": self.inputs.illustrative, **self.analysis.to_dict("en")}
        analysis.write_text(
            json.dumps(_clean(payload), ensure_ascii=False, indent=1, default=str), encoding="utf-8"
        )
        written.append(analysis)
        if self.plan is not None:
            plan_files = self.plan.write(out_dir)
            if self.inputs.illustrative:
                for path in plan_files:
                    _label_illustrative(path)
            written += plan_files
        return written


ILLUSTRATIVE_NOTE = "ILLUSTRATIVE: derived from generated demonstration answers, not from a real assessment."


def _label_illustrative(path: Path) -> None:
    """Mark a JSON or XLSX output as illustrative (the data, not only the reports, say so)."""
    if path.suffix == ".json":
        data = json.loads(path.read_text(encoding="utf-8"))
        wrapped = (
            {"illustrative": True, "note": ILLUSTRATIVE_NOTE, **data}
            if isinstance(data, dict)
            else {"illustrative": True, "note": ILLUSTRATIVE_NOTE, "items": data}
        )
        path.write_text(json.dumps(wrapped, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    elif path.suffix == ".xlsx":
        from openpyxl import load_workbook

        from raqmana.celltext import as_text

        wb = load_workbook(path)
        ws = wb.create_sheet("illustrative", 0)
        ws["A1"] = ILLUSTRATIVE_NOTE
        as_text(wb).save(path)


def _clean(obj: Any) -> Any:
    """JSON has no NaN: missing numbers are null."""
    if isinstance(obj, float) and (math.isnan(obj) or math.isinf(obj)):
        return None
    if isinstance(obj, dict):
        return {k: _clean(v) for k, v in obj.items()}
    if isinstance(obj, list | tuple):
        return [_clean(v) for v in obj]
    return obj


def default_uncertainty(runs: int = 1000) -> UncertaintySpec:
    """Weights ±25 %, missing answers left out or filled with the median, arithmetic or geometric means."""
    return UncertaintySpec(runs=runs, weight_noise=0.25, impute=(Step("median"),), seed=2026)


def run_chain(
    framework: Framework,
    responses: Mapping[str, Mapping[str, Any]],
    institutions: Mapping[str, InstitutionMeta],
    *,
    country_iso3: str = "IRQ",
    country: Translated | None = None,
    illustrative: bool = False,
    target_stage: float = 3.0,
    mc_runs: int = 1000,
    plan: bool = True,
    budget_per_year: float | None = None,
    evidence_missing: Mapping[str, Mapping[str, float]] | None = None,
    date: str = "",
    data_dir: Path | None = None,
    national_code: str = "comsec",
    horizon_quarters: int = 40,
    capacity_per_owner: int = 4,
    time_limit_s: float = 10.0,
    start_year: int = 2027,
    assessment_name: Translated | None = None,
    assessment_id: str = "assessment",
) -> ChainResult:
    """Run scoring, analysis and (with ``plan``) recommendations and roadmap on validated answers.

    ``national_code``: the institution that answers the national questions (the lead agency); its
    answers are the country's own in the recommendation rules. ``assessment_name``: the round's name,
    shown in the roadmap's title (none: the title has no suffix); ``assessment_id`` names the roadmap
    (``roadmap-<assessment_id>``)."""
    import time

    timings: dict[str, float] = {}
    t0 = time.perf_counter()
    names = {code: m.name.get("en") for code, m in institutions.items()}
    build = from_framework(
        framework, responses, names=names, uncertainty=default_uncertainty(mc_runs) if mc_runs > 0 else None
    )
    unc = analyse_uncertainty(build) if mc_runs > 0 else None
    timings["scoring"] = time.perf_counter() - t0

    t0 = time.perf_counter()
    pillar = adapters.pillar_scores(framework, build)
    indicator = adapters.indicator_scores(framework, build)
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
        indicator_scores=indicator,
        target=target_stage,
        country=country_iso3,
        data_dir=data_dir,
    )
    timings["analysis"] = time.perf_counter() - t0

    plan_result = None
    from raqmana.recommend.loader import resolve as rules_file

    if plan and rules_file(framework.id) is not None:  # a framework without a rule base gets no roadmap
        t0 = time.perf_counter()
        from raqmana.recommend.fromscores import assessment_from_scores
        from raqmana.roadmap.pipeline import plan_from_assessment

        assessment = assessment_from_scores(
            framework,
            institutions={c: m.kind for c, m in institutions.items()},
            indicator_stages=adapters.raw_answers(framework, build),
            pillar_scores=pillar,
            evidence_missing_share=dict(evidence_missing) if evidence_missing else None,
            names={c: m.name for c, m in institutions.items()},
            national=national_code if national_code in institutions else None,
            assessment_id=assessment_id,
            title=assessment_name,
        )
        plan_result = plan_from_assessment(
            framework,
            assessment,
            budget_per_year=None if budget_per_year is None else int(budget_per_year),
            horizon_quarters=horizon_quarters,
            capacity_per_owner=capacity_per_owner,
            time_limit_s=time_limit_s,
            start_year=start_year,
        )
        timings["roadmap"] = time.perf_counter() - t0

    inputs = adapters.report_inputs(
        framework,
        build,
        unc,
        analysis,
        plan_result,
        institutions,
        pillar,
        country=country or Translated.of(country_iso3, country_iso3, country_iso3),
        illustrative=illustrative,
        target_stage=target_stage,
        date=date,
        assessment_name=assessment_name,
    )
    return ChainResult(framework, build, unc, analysis, plan_result, inputs, timings)
