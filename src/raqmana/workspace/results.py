"""Results of an assessment: its accepted answers run through the whole chain.

Only accepted answers count; N/A and "don't know" are left out (the framework's N/A rule applies).
"""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import Any

from sqlalchemy.orm import Session

from raqmana.frameworks.schema import AnswerType, Framework
from raqmana.i18n import Translated
from raqmana.reports.chain import ChainResult, InstitutionMeta, run_chain
from raqmana.workspace.accepted import AcceptedValues, accepted_values
from raqmana.workspace.actors import SYSTEM, Actor
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.orgs import list_organisations
from raqmana.workspace.permissions import get_assessment_for_user

IRAQ = Translated.of("Iraq", "العراق", "عێراق")


def chain_inputs(
    framework: Framework, accepted: AcceptedValues, orgs: dict[str, Any]
) -> tuple[dict[str, dict[str, Any]], dict[str, InstitutionMeta], dict[str, dict[str, float]]]:
    """(responses, institution metadata, share of answers without evidence per institution and pillar)."""
    kinds = {i.id: i.answer_type for i in framework.indicators()}
    pillar_of = {i.id: p.id for p in framework.pillars for s in p.sub_areas for i in s.indicators}
    responses: dict[str, dict[str, Any]] = {code: {} for code in accepted.institutions}
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
        region = "krg" if code == "krg" or org.parent_code == "krg" else "federal"
        governorate = code if org.kind == "governorate" else ""
        metas[code] = InstitutionMeta(code, org.name, org.kind, governorate, region)
    share = {
        inst: {p: miss / total for p, (miss, total) in rows.items() if total}
        for inst, rows in no_evidence.items()
    }
    return {k: v for k, v in responses.items() if v}, metas, share


def assessment_results(
    session: Session,
    assessment_id: int,
    *,
    actor: Actor = SYSTEM,
    mc_runs: int = 1000,
    plan: bool = True,
    budget_per_year: float | None = None,
    date: str = "",
    data_dir: Path | None = None,
    digits: str | None = None,
) -> ChainResult:
    """Score, analyse and (with ``plan``) plan the roadmap of one assessment, from its accepted answers.

    ``digits``: the digits of the reports made from the result ("latn", "arab" or None for each
    language's own; the workspace's ``Settings.digit_shape``)."""
    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    framework = get_framework(session, assessment.framework_version_id)
    accepted = accepted_values(session, assessment_id, actor=actor)
    orgs = {o.code: o for o in list_organisations(session, actor)}
    responses, metas, evidence = chain_inputs(framework, accepted, orgs)
    target = float(getattr(assessment, "target_stage", None) or 3)
    chain = run_chain(
        framework,
        responses,
        metas,
        country=IRAQ,
        illustrative=bool(getattr(assessment, "illustrative", False)),
        target_stage=target,
        mc_runs=mc_runs,
        plan=plan,
        budget_per_year=budget_per_year,
        evidence_missing=evidence,
        date=date,
        data_dir=data_dir,
        assessment_name=_name(getattr(assessment, "name", None)),
        assessment_id=f"a{assessment_id}",
    )
    chain.inputs.digits = digits
    return chain


def _name(value: Any) -> Translated | None:
    """The round's translated name as stored ({"en": …, "ar": …, "ckb": …}); None when it has none."""
    if not isinstance(value, dict):
        return None
    name = Translated(**{k: str(v) for k, v in value.items() if k in ("en", "ar", "ckb") and v})
    return None if name.is_empty() else name
