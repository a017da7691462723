"""Build :class:`ResponseView`/:class:`CommentView`/:class:`EvidenceView` values in batches (no N+1)."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.frameworks import Framework
from raqmana.store.models import Evidence, Organisation, Response, ReviewComment, User
from raqmana.workspace.views import CommentView, EvidenceView, ResponseState, ResponseView


def user_names(session: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return dict(session.execute(select(User.id, User.display_name).where(User.id.in_(wanted))).all())


def comment_view(c: ReviewComment) -> CommentView:
    return CommentView(c.id, c.response_id, c.author_name, c.kind, c.text, c.at, c.response_version)


def evidence_view(e: Evidence, names: dict[int, str]) -> EvidenceView:
    return EvidenceView(
        e.id,
        e.response_id,
        e.kind,
        e.filename,
        e.media_type,
        e.size,
        e.sha256,
        e.url,
        e.source_type,
        e.evidence_date,
        e.description,
        names.get(e.uploaded_by, "") if e.uploaded_by else "",
        e.uploaded_at,
    )


def response_views(
    session: Session, responses: Sequence[Response], framework: Framework, *, with_comment: bool = True
) -> list[ResponseView]:
    if not responses:
        return []
    ids = [r.id for r in responses]
    codes = dict(
        session.execute(
            select(Organisation.id, Organisation.code).where(
                Organisation.id.in_({r.org_id for r in responses})
            )
        ).all()
    )
    names = user_names(session, [r.assessor_id for r in responses] + [r.reviewed_by for r in responses])
    counts = dict(
        session.execute(
            select(Evidence.response_id, func.count())
            .where(Evidence.response_id.in_(ids), Evidence.removed_at.is_(None))
            .group_by(Evidence.response_id)
        ).all()
    )
    last: dict[int, CommentView] = {}
    if with_comment:
        newest = (
            select(func.max(ReviewComment.id))
            .where(ReviewComment.response_id.in_(ids))
            .group_by(ReviewComment.response_id)
        )
        for c in session.scalars(select(ReviewComment).where(ReviewComment.id.in_(newest))):
            last[c.response_id] = comment_view(c)
    types = {i.id: i.answer_type.value for i in framework.indicators()}
    return [
        ResponseView(
            r.id,
            r.assessment_id,
            codes[r.org_id],
            r.indicator_id,
            r.pillar_id,
            types.get(r.indicator_id, ""),
            r.stage,
            r.number,
            r.choice,
            r.text,
            r.is_na,
            r.dont_know,
            r.justification,
            ResponseState(r.state),
            r.version,
            names.get(r.assessor_id, "") if r.assessor_id else "",
            r.assessor_id,
            r.updated_at,
            r.submitted_at,
            names.get(r.reviewed_by) if r.reviewed_by else None,
            r.reviewed_at,
            counts.get(r.id, 0),
            last.get(r.id),
        )
        for r in responses
    ]


def response_view(session: Session, response: Response, framework: Framework) -> ResponseView:
    return response_views(session, [response], framework)[0]
