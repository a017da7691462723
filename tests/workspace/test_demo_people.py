"""Demo answers: written by each institution's demo focal point, in the language its people write."""

from __future__ import annotations

from sqlalchemy import select

from raqmana.i18n import gettext
from raqmana.store.models import Organisation, Response, ResponseRevision, ReviewComment, StoredDocument, User
from raqmana.workspace import open_workspace
from raqmana.workspace.demo import DEMO_USERS, JUSTIFICATION, RETURN_COMMENT, seed_demo
from raqmana.workspace.documents_demo import TITLE as DOCUMENT_TITLE
from tests.workspace.factories import small_framework


def people_of(s, code):
    """(assessor names, reviewer names, justifications, first revision actions, comments) of one institution."""
    org_id = s.scalar(select(Organisation.id).where(Organisation.code == code))
    names = dict(s.execute(select(User.id, User.display_name)).all())
    rows = list(s.scalars(select(Response).where(Response.org_id == org_id)))
    ids = [r.id for r in rows]
    first = set(
        s.scalars(
            select(ResponseRevision.action).where(
                ResponseRevision.response_id.in_(ids), ResponseRevision.version == 1
            )
        )
    )
    comments = set(s.scalars(select(ReviewComment.text).where(ReviewComment.response_id.in_(ids))))
    return (
        {names[r.assessor_id] for r in rows},
        {names[r.reviewed_by] for r in rows if r.reviewed_by},
        {r.justification for r in rows},
        first,
        comments,
    )


def test_it_has_each_institution_answered_by_its_focal_point_and_reviewed_by_its_reviewer(settings):
    seed_demo(settings, framework=small_framework(per_pillar=12), seed=3)
    ws = open_workspace(settings)
    try:
        with ws.reader() as s:
            moc = people_of(s, "moc")
            erbil = people_of(s, "gov-erbil")
            duhok = people_of(s, "gov-duhok")
            basra = people_of(s, "gov-basra")
            comments = set(s.scalars(select(ReviewComment.text)))
            titles = set(s.scalars(select(StoredDocument.title)))
    finally:
        ws.dispose()
    name = {username: display for username, display, _, _ in DEMO_USERS}
    assert moc[0] == {name["demo-fp-moc"]}
    assert moc[1] == {name["demo-reviewer-moc"]} and moc[3] == {"save"}
    assert moc[2] == {JUSTIFICATION.ar}
    assert erbil[0] == {name["demo-fp-erbil"]} and erbil[2] == {JUSTIFICATION.ckb}
    assert erbil[1] == {name["demo-reviewer-krg"]}
    # no demo focal point: the coordinator imported the workbook the institution sent
    assert (
        duhok[0] == {name["demo-coordinator"]} and duhok[3] == {"import"} and duhok[2] == {JUSTIFICATION.ckb}
    )
    assert basra[0] == {name["demo-coordinator"]} and basra[1] == {name["demo-reviewer"]}
    assert basra[2] == {JUSTIFICATION.ar}
    assert comments and comments <= {RETURN_COMMENT.ar, RETURN_COMMENT.ckb}
    assert RETURN_COMMENT.en not in comments
    # the illustrative plan's title as its (Arabic-writing) coordinator gave it, still labelled illustrative
    assert titles == {gettext("ar", DOCUMENT_TITLE)} and DOCUMENT_TITLE not in titles


def test_the_demo_people_have_iraqi_names_not_english_job_titles():
    """A name is the same in every language; the role and the institution come from the grants."""
    for username, display, _, _ in DEMO_USERS:
        assert not any("a" <= ch.lower() <= "z" for ch in display), username
        assert "ه" not in display or username not in ("demo-fp-erbil", "demo-reviewer-krg")  # Sorani ھ
