"""The demo's policy document: an illustrative Arabic action plan in the national library, read and analysed by a
job, some suggestions accepted (indicators as evidence on answers of the round, SDG targets for the
country's profile), one rejected. Illustrative: labelled so in its title and its ``illustrative`` flag."""

from __future__ import annotations

import io
from importlib import resources
from typing import TYPE_CHECKING, Any

from sqlalchemy import select

from raqmana.i18n import gettext
from raqmana.i18n.catalog import N_
from raqmana.store.models import AssessmentInstitution, Organisation, StoredDocument, User
from raqmana.workspace.auth import load_actor
from raqmana.workspace.documents_intake import receive_document
from raqmana.workspace.documents_review import decide, document_detail
from raqmana.workspace.exceptions import WorkspaceError
from raqmana.workspace.jobs import run_one

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

FILENAME = "illustrative-action-plan-ar.txt"
#: the title the coordinator gives it, written in their language (the demo's coordinator writes Arabic)
TITLE = N_("ILLUSTRATIVE — digital transformation action plan (Arabic)")
#: institutions of the round tried for an accepted passage's evidence (an answer already accepted takes none)
TRIES = 20


def _actor(s: Any, username: str) -> Any:
    uid = s.scalar(select(User.id).where(User.username == username))
    return load_actor(s, int(uid))


def seed_documents(ws: Workspace, assessment_id: int) -> dict[str, int]:
    """Once per workspace: store, analyse and review the illustrative plan. Returns what was done."""
    with ws.reader() as s:
        if s.scalar(select(StoredDocument.id).where(StoredDocument.illustrative.is_(True))) is not None:
            return {}
    data = resources.files("raqmana.documents").joinpath("data", "illustrative_plan_ar.txt").read_bytes()
    with ws.transaction() as s:  # as the web does: stored now, read and analysed by a job
        coord = _actor(s, "demo-coordinator")
        doc, job = receive_document(
            s,
            coord,
            settings=ws.settings,
            filename=FILENAME,
            source=io.BytesIO(data),
            title=gettext(coord.locale, TITLE),
            lang=coord.locale,
            illustrative=True,
        )
    while (done := run_one(ws)) is not None and done.id != job.id:
        pass
    with ws.reader() as s:
        reviewer = _actor(s, "demo-reviewer")
        detail = document_detail(s, reviewer, document_id=doc.id)
        codes = list(
            s.scalars(
                select(Organisation.code)
                .join(AssessmentInstitution, AssessmentInstitution.org_id == Organisation.id)
                .where(AssessmentInstitution.assessment_id == assessment_id)
                .order_by(Organisation.code)
            )
        )
    suggestions = sorted((x for p in detail.passages for x in p.suggestions), key=lambda x: -x.confidence)
    counts = {"evidence": 0, "targets": 0, "rejected": 0}
    for x in suggestions:
        if x.kind == "indicator" and counts["evidence"] < 3:
            for code in codes[:TRIES]:
                try:
                    with ws.transaction() as s:
                        decide(
                            s,
                            _actor(s, "demo-reviewer"),
                            suggestion_id=x.id,
                            decision="accept",
                            assessment_id=assessment_id,
                            institution_code=code,
                        )
                    counts["evidence"] += 1
                    break
                except WorkspaceError:  # that answer is accepted already: the next institution
                    continue
        elif x.kind in ("target", "goal") and counts["targets"] < 6:
            with ws.transaction() as s:
                decide(s, _actor(s, "demo-reviewer"), suggestion_id=x.id, decision="accept")
            counts["targets"] += 1
    low = [x for x in reversed(suggestions) if x.kind in ("target", "goal")]
    if low:
        try:
            with ws.transaction() as s:
                decide(s, _actor(s, "demo-reviewer"), suggestion_id=low[0].id, decision="reject")
            counts["rejected"] = 1
        except WorkspaceError:  # already accepted above (a short document)
            pass
    return counts
