"""Results of an assessment: its accepted answers run through the whole chain (:mod:`raqmana.pipeline`).

Only accepted answers count; N/A and "don't know" are left out (the framework's N/A rule applies).
The country's defaults come from the country file of the round's framework pack; the round's own
target stage overrides the country's.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from raqmana.frameworks.schema import AnswerType, Framework
from raqmana.i18n import Translated
from raqmana.pipeline import (
    Answer,
    ChainOptions,
    ChainResult,
    CountryDefaults,
    InstitutionMeta,
    RoundOptions,
    country_for,
    find_country,
    run_chain,
)
from raqmana.problems import ProblemsError
from raqmana.workspace.accepted import AcceptedValues, accepted_values
from raqmana.workspace.actors import SYSTEM, Actor
from raqmana.workspace.documents_register import register_status
from raqmana.workspace.documents_review import document_commitments
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.orgs import list_organisations
from raqmana.workspace.permissions import get_assessment_for_user
from raqmana.workspace.surveys import round_surveys
from raqmana.workspace.views import OrgView

__all__ = ["ChainResult", "assessment_results", "chain_inputs", "round_country"]


def chain_inputs(
    framework: Framework, accepted: AcceptedValues, orgs: Mapping[str, OrgView]
) -> tuple[dict[str, dict[str, Answer]], dict[str, InstitutionMeta], dict[str, dict[str, float]]]:
    """(responses, institution metadata, share of answers without evidence per institution and pillar)."""
    kinds = {i.id: i.answer_type for i in framework.indicators()}
    pillar_of = {i.id: p.id for p in framework.pillars for s in p.sub_areas for i in s.indicators}
    responses: dict[str, dict[str, Answer]] = {code: {} for code in accepted.institutions}
    no_evidence: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for (inst, ind), cell in accepted.cells.items():
        if ind not in kinds:
            continue
        counter = no_evidence[inst][pillar_of[ind]]
        counter[1] += 1
        counter[0] += cell.evidence_count == 0
        if cell.value is None:
            continue
        responses[inst][ind] = bool(cell.value) if kinds[ind] is AnswerType.YES_NO else cell.value
    metas = {}
    for code in accepted.institutions:
        org = orgs.get(code)
        if org is None:
            continue
        region = _region(org, orgs)
        governorate = code if org.kind == "governorate" else ""
        metas[code] = InstitutionMeta(code, org.name, org.kind, governorate, region)
    share = {
        inst: {p: miss / total for p, (miss, total) in rows.items() if total}
        for inst, rows in no_evidence.items()
    }
    return {k: v for k, v in responses.items() if v}, metas, share


def _region(org: OrgView, orgs: Mapping[str, OrgView]) -> str:
    """The code of the region (an organisation of kind ``region``) the organisation is in or is, else
    ``federal``: the institutions of the central government."""
    seen: set[str] = set()
    current: OrgView | None = org
    while current is not None and current.code not in seen:
        if current.kind == "region":
            return current.code
        seen.add(current.code)
        current = orgs.get(current.parent_code) if current.parent_code else None
    return "federal"


#: Monte Carlo runs for a round that records none (``Assessment.mc_runs``): the web and its report jobs
DEFAULT_MC_RUNS = 200


def record_mc_runs(session: Session, *, assessment_id: int, runs: int) -> None:
    """Record the runs the round's results are computed with (``raqmana demo --runs``): the web's results
    page, its methodology and its report jobs then say and use the same count."""
    from raqmana.store.models import Assessment

    found = session.get(Assessment, assessment_id)
    if found is not None:
        found.mc_runs = int(runs)


def recorded_mc_runs(session: Session, assessment_id: int) -> int | None:
    """The runs recorded for the round (None: none recorded, or no such round)."""
    from raqmana.store.models import Assessment

    found = session.get(Assessment, assessment_id)
    return None if found is None else found.mc_runs


def assessment_results(
    session: Session,
    assessment_id: int,
    *,
    actor: Actor = SYSTEM,
    mc_runs: int | None = 1000,
    plan: bool = True,
    budget_per_year: int | None = None,
    date: str = "",
    data_dir: Path | None = None,
    digits: str | None = None,
    country: str = "",
) -> ChainResult:
    """Score, analyse and (with ``plan``) plan the roadmap of one assessment, from its accepted answers.

    ``digits``: the digits of the reports made from the result ("latn", "arab" or None for each
    language's own; the workspace's ``Settings.digit_shape``). ``country``: the workspace's
    ``Settings.country`` (empty: the country file of the round's framework pack). ``mc_runs`` None: the
    runs recorded for the round (:func:`record_mc_runs`), else :data:`DEFAULT_MC_RUNS`."""
    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    if mc_runs is None:
        mc_runs = assessment.mc_runs if assessment.mc_runs is not None else DEFAULT_MC_RUNS
    framework = get_framework(session, assessment.framework_version_id)
    accepted = accepted_values(session, assessment_id, actor=actor)
    orgs = {o.code: o for o in list_organisations(session, actor)}
    responses, metas, evidence = chain_inputs(framework, accepted, orgs)
    surveys = round_surveys(session, framework, orgs, assessment_id=assessment_id)
    options = ChainOptions(
        country=round_country(country, framework.id),
        round=RoundOptions(
            id=f"a{assessment_id}",
            name=_name(assessment.name),
            target_stage=assessment.target_stage,
            budget_per_year=None if budget_per_year is None else (int(budget_per_year),),
        ),
        illustrative=bool(assessment.illustrative),
        mc_runs=mc_runs,
        plan=plan,
        evidence_missing=evidence,
        date=date,
        data_dir=data_dir,
        surveys=surveys,
        commitments=document_commitments(session),
        register=register_status(session),
    )
    chain = run_chain(framework, responses, metas, options)
    chain.inputs.digits = digits
    from raqmana.workspace.documents_report import document_chapters
    from raqmana.workspace.services_report import services_chapters

    chain.inputs.chapters = [*chain.inputs.chapters, *document_chapters(session), *services_chapters(session)]
    return chain


def round_country(setting: str, framework_id: str) -> CountryDefaults:
    """The country of a round: the workspace's setting (ISO3 code or file) or its framework pack's file.
    A country file that cannot be used is refused with its problems (:class:`ValidationFailed`)."""
    try:
        return find_country(setting) if setting.strip() else country_for(framework_id)
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None


def _name(value: Any) -> Translated | None:
    """The round's translated name as stored ({"en": …, "ar": …, "ckb": …}); None when it has none."""
    if not isinstance(value, dict):
        return None
    name = Translated(**{k: str(v) for k, v in value.items() if k in ("en", "ar", "ckb") and v})
    return None if name.is_empty() else name
