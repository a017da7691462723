"""The questionnaire of one institution in a round: pages (pillars) of items with their current answer,
evidence and comments — everything a form page needs, in a handful of queries."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.frameworks import Framework
from raqmana.store.models import Evidence, Organisation, Response, ReviewComment
from raqmana.workspace.actors import Actor
from raqmana.workspace.assessments import assessment_view
from raqmana.workspace.exceptions import NotFound
from raqmana.workspace.orgs import to_view
from raqmana.workspace.response_views import comment_view, evidence_view, response_views, user_names
from raqmana.workspace.responses import Context, context
from raqmana.workspace.views import CommentView, EvidenceView, Item, Page, PillarRef, Questionnaire


def pillar_refs(framework: Framework) -> list[PillarRef]:
    return [PillarRef(p.id, p.name, sum(len(s.indicators) for s in p.sub_areas)) for p in framework.pillars]


def questionnaire(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str, pillar_id: str | None = None
) -> Questionnaire:
    ctx = context(session, actor, assessment_id, institution_code)
    fw = ctx.framework
    pillars = [p for p in fw.pillars if pillar_id in (None, p.id)]
    if not pillars:
        raise NotFound("response")
    rows = list(
        session.scalars(
            select(Response).where(
                Response.assessment_id == assessment_id,
                Response.org_id == ctx.org.id,
                *([Response.pillar_id == pillar_id] if pillar_id else []),
            )
        )
    )
    views = {v.indicator_id: v for v in response_views(session, rows, fw, with_comment=False)}
    ids = [r.id for r in rows]
    evidence: dict[int, list[EvidenceView]] = {}
    comments: dict[int, list[CommentView]] = {}
    if ids:
        ev_rows = list(
            session.scalars(
                select(Evidence)
                .where(Evidence.response_id.in_(ids), Evidence.removed_at.is_(None))
                .order_by(Evidence.id)
            )
        )
        names = user_names(session, [e.uploaded_by for e in ev_rows])
        for e in ev_rows:
            evidence.setdefault(e.response_id, []).append(evidence_view(e, names))
        for c in session.scalars(
            select(ReviewComment).where(ReviewComment.response_id.in_(ids)).order_by(ReviewComment.id)
        ):
            comments.setdefault(c.response_id, []).append(comment_view(c))
    refs = {r.id: r for r in pillar_refs(fw)}
    pages = []
    for p in pillars:
        items = []
        for s in p.sub_areas:
            for ind in s.indicators:
                v = views.get(ind.id)
                items.append(
                    Item(ind, v, evidence.get(v.id, []) if v else [], comments.get(v.id, []) if v else [])
                )
        pages.append(Page(refs[p.id], items))
    parent = session.get(Organisation, ctx.org.parent_id) if ctx.org.parent_id else None
    return Questionnaire(
        assessment_view(session, ctx.assessment),
        to_view(ctx.org, parent.code if parent else None),
        ctx.rights,
        fw,
        pages,
    )


def page_key(
    session: Session, actor: Actor, *, assessment_id: int, institution_code: str, pillar_id: str | None = None
) -> tuple[Context, tuple[object, ...]]:
    """The institution as the actor sees it, and a key that changes whenever :func:`questionnaire` with the
    same arguments could return something else: a cached page is shown only under the same key.

    The key holds the round (name, status), the institution, the actor's rights, the framework and, from
    one statement, the count, versions and last change of the answers on the page, and the count and
    last id of their evidence (attached or removed) and of their comments. A user's display name changed
    after a page was cached shows once something on that page changes."""
    ctx = context(session, actor, assessment_id, institution_code)
    a, org = ctx.assessment, ctx.org
    r = Response.__table__.c
    on_page = [
        r.assessment_id == assessment_id,
        r.org_id == org.id,
        *([r.pillar_id == pillar_id] if pillar_id else []),
    ]
    ids = select(r.id).where(*on_page).scalar_subquery()
    e, c = Evidence.__table__.c, ReviewComment.__table__.c
    stamp = session.execute(
        select(
            select(func.count(r.id)).where(*on_page).scalar_subquery(),
            select(func.sum(r.version)).where(*on_page).scalar_subquery(),
            select(func.max(r.updated_at)).where(*on_page).scalar_subquery(),
            select(func.count(e.id)).where(e.response_id.in_(ids)).scalar_subquery(),
            select(func.max(e.id)).where(e.response_id.in_(ids)).scalar_subquery(),
            select(func.count(e.removed_at)).where(e.response_id.in_(ids)).scalar_subquery(),
            select(func.count(c.id)).where(c.response_id.in_(ids)).scalar_subquery(),
            select(func.max(c.id)).where(c.response_id.in_(ids)).scalar_subquery(),
        )
    ).one()
    key = (
        a.id,
        repr(a.name),
        a.status,
        a.illustrative,
        a.target_stage,
        org.id,
        org.code,
        org.name_en,
        org.name_ar,
        org.name_ckb,
        ctx.rights,
        ctx.framework.id,
        ctx.framework.version,
        pillar_id,
        *map(str, stamp),
    )
    return ctx, key
