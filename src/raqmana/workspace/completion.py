"""Completion of a round per institution × pillar: one GROUP BY over the responses, answered from the
``ix_responses_completion`` index (assessment, org, pillar, state, answered)."""

from __future__ import annotations

from collections import defaultdict

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.store.models import Organisation, Response
from raqmana.workspace.actors import Actor
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.orgs import to_view
from raqmana.workspace.permissions import get_assessment_for_user, institution_rights
from raqmana.workspace.questionnaire import pillar_refs
from raqmana.workspace.views import CompletionCell, CompletionRow, CompletionTable

_FIELDS = ("draft", "submitted", "returned", "accepted")


def completion(session: Session, actor: Actor, *, assessment_id: int) -> CompletionTable:
    """Rows for every institution the actor can read; blank drafts count as not started."""
    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    fw = get_framework(session, assessment.framework_version_id)
    pillars = pillar_refs(fw)
    orgs = institution_rights(session, actor, assessment_id)
    counts: dict[tuple[int, str], dict[str, int]] = defaultdict(lambda: dict.fromkeys(_FIELDS, 0))
    q = (select(Response.org_id, Response.pillar_id, Response.state, func.count())
         .where(Response.assessment_id == assessment_id, Response.answered.is_(True))
         .group_by(Response.org_id, Response.pillar_id, Response.state))
    for org_id, pillar_id, state, n in session.execute(q):
        if org_id in orgs and state in _FIELDS:
            counts[(org_id, pillar_id)][state] += n
    parents = dict(session.execute(select(Organisation.id, Organisation.code).where(
        Organisation.id.in_({o.parent_id for o, _ in orgs.values() if o.parent_id}))).all())
    rows: list[CompletionRow] = []
    grand = CompletionCell()
    for org, _ in sorted(orgs.values(), key=lambda t: t[0].code):
        cells = {p.id: CompletionCell(p.indicators, **counts[(org.id, p.id)]) if (org.id, p.id) in counts
                 else CompletionCell(p.indicators) for p in pillars}
        total = sum(cells.values(), CompletionCell())
        grand = grand + total
        rows.append(CompletionRow(to_view(org, parents.get(org.parent_id) if org.parent_id else None), cells, total))
    return CompletionTable(assessment_id, pillars, rows, grand)
