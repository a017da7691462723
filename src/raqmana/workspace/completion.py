"""Completion of a round per institution × pillar. The counts come from ``completion_counts``, which
triggers on ``responses`` keep current (migration 0002): the page reads one small row per institution
and pillar instead of aggregating every answer (90,000 at national scale)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.store.models import CompletionCount, CompletionStamp, Response
from raqmana.workspace.actors import Actor
from raqmana.workspace.frameworks import get_framework
from raqmana.workspace.permissions import get_assessment_for_user, institution_rights
from raqmana.workspace.questionnaire import pillar_refs
from raqmana.workspace.views import CompletionCell, CompletionRow, CompletionTable, ResponseState


def completion(session: Session, actor: Actor, *, assessment_id: int) -> CompletionTable:
    """Rows for every institution the actor can read (by code); blank drafts count as not started."""
    assessment, _ = get_assessment_for_user(session, actor, assessment_id)
    pillars = pillar_refs(get_framework(session, assessment.framework_version_id))
    expected = {p.id: p.indicators for p in pillars}
    orgs = institution_rights(session, actor, assessment_id)
    c = CompletionCount.__table__.c  # Core columns: plain tuples, no ORM row processing
    counts: dict[int, dict[str, tuple[int, int, int, int]]] = {}
    for org_id, pillar_id, *states in (
        session.connection()
        .execute(
            select(c.org_id, c.pillar_id, c.draft, c.submitted, c.returned, c.accepted).where(
                c.assessment_id == assessment_id
            )
        )
        .all()
    ):
        if org_id in orgs and pillar_id in expected:
            counts.setdefault(org_id, {})[pillar_id] = tuple(states)
    rows: list[CompletionRow] = []
    grand = [0, 0, 0, 0, 0]
    per_org = sum(expected.values())
    for org_id, (org, _) in sorted(orgs.items(), key=lambda t: t[1][0].code):
        mine = counts.get(org_id, {})
        cells = {p: CompletionCell(n, *mine.get(p, (0, 0, 0, 0))) for p, n in expected.items()}
        sums = [per_org] + [sum(v[i] for v in mine.values()) for i in range(4)]
        grand = [g + x for g, x in zip(grand, sums, strict=True)]
        rows.append(CompletionRow(org, cells, CompletionCell(*sums)))
    return CompletionTable(assessment_id, pillars, rows, CompletionCell(*grand))


def completion_stamp(session: Session, assessment_id: int) -> int:
    """The round's change counter (migration 0004): it moves whenever an answer of the round changes state
    or an organisation is renamed or moved, i.e. whenever :func:`completion` could return something else
    for the same reader."""
    return (
        session.scalar(select(CompletionStamp.changes).where(CompletionStamp.assessment_id == assessment_id))
        or 0
    )


def accepted_stamp(session: Session, assessment_id: int) -> tuple[Any, ...]:
    """Changes whenever an answer of the round is accepted, returned after acceptance or accepted again
    (what the results are computed from)."""
    row = session.execute(
        select(
            func.count(),
            func.max(Response.updated_at),
            func.max(Response.reviewed_at),
            func.sum(Response.version),
        ).where(Response.assessment_id == assessment_id, Response.state == ResponseState.ACCEPTED.value)
    ).one()
    return tuple(str(v) for v in row)
