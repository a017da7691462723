"""A stored document's analysis as a job with progress (kind ``document_analysis``): the mapper runs over
the stored passages; the run is saved with the mapper's version and thresholds, and becomes the
document's current analysis. Running it again (a new model or thresholds) keeps the earlier runs and
carries the reviewers' decisions over to the same suggestion (passage, kind, reference)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from raqmana.documents import actions as ACT
from raqmana.documents import errors as DE
from raqmana.documents import indicators as IND
from raqmana.documents import mapper as M
from raqmana.documents.analyse import PassageResult, analyse_passages, shared_mapper
from raqmana.documents.levels import Scope
from raqmana.documents.model import BlockKind, Passage
from raqmana.store.models import DocumentAnalysis, DocumentPassage, DocumentSuggestion, StoredDocument
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.documents import get_document_for_user
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.jobs import JOB_ID_KEY, Progress, enqueue, payload_actor
from raqmana.workspace.views import JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

DOCUMENT_ANALYSIS = "document_analysis"
DEFAULT_FRAMEWORK = "iraq-dla"


def enqueue_analysis(
    session: Session,
    actor: Actor,
    *,
    document_id: int,
    framework: str = DEFAULT_FRAMEWORK,
    keywords_only: bool = False,
) -> JobView:
    """Queue the (re-)analysis of a document; its status reads ``queued`` until the job is done."""
    doc, rights = get_document_for_user(session, actor, document_id)
    if not rights.edit:
        raise Forbidden()
    if doc.analysis_status in ("reading", "refused"):
        raise ValidationFailed.one(DE.STILL_READING if doc.analysis_status == "reading" else DE.WAS_REFUSED)
    job = enqueue(
        session,
        actor,
        kind=DOCUMENT_ANALYSIS,
        payload={"document_id": doc.id, "framework": framework, "keywords_only": bool(keywords_only)},
    )
    doc.analysis_status, doc.job_id = "queued", job.id
    return job


def _passage(row: DocumentPassage) -> Passage:
    return Passage(
        str(row.id), row.page, row.text, BlockKind(row.kind), row.number, row.heading, dict(row.details or {})
    )


def suggestion_rows(result: PassageResult, passage_id: int) -> list[dict[str, Any]]:
    """The suggestions of one passage: its indicators (with a stage), its targets, a plan action's roadmap
    initiatives (the pack's rules), and goals named without a target (the keyword rules name no target)."""
    rows: list[dict[str, Any]] = [
        {"kind": "indicator", "ref": s.indicator, "stage": s.stage, "confidence": s.confidence}
        for s in result.indicators
    ]
    scores = result.sdg.scores
    for t in result.sdg.targets:
        rows.append({"kind": "target", "ref": t, "stage": None, "confidence": scores[t.split(".")[0]]})
    rows += [
        {"kind": "action", "ref": a.rule, "stage": None, "confidence": a.confidence} for a in result.actions
    ]
    with_target = {t.split(".")[0] for t in result.sdg.targets}
    for g in result.sdg.sdgs:
        if str(g) not in with_target:
            rows.append({"kind": "goal", "ref": str(g), "stage": None, "confidence": scores[str(g)]})
    return [{**r, "passage_id": passage_id} for r in rows]


def run_document_analysis(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    """Read the uploaded file first when the upload left that to the job (``read``), then analyse it
    (unless the upload asked for no analysis)."""
    document_id = int(payload["document_id"])
    framework = str(payload.get("framework") or DEFAULT_FRAMEWORK)
    keywords_only = bool(payload.get("keywords_only"))
    start = 0.02
    if payload.get("read"):
        from raqmana.workspace.documents_intake import READ_SHARE, read_document

        read = read_document(ws, payload, progress)
        if not payload.get("analyse", True):
            return {"document_id": document_id, **read}
        start = READ_SHARE
    try:
        with ws.reader() as s:
            rows = list(
                s.scalars(
                    select(DocumentPassage)
                    .where(DocumentPassage.document_id == document_id)
                    .order_by(DocumentPassage.position)
                )
            )
            items = [_passage(r) for r in rows]
            filed = s.get(StoredDocument, document_id)
            # the level of the indicators put first: an institution's own texts, or the national library's
            # laws and policies (a round's documents say nothing about it)
            scope: Scope | None = (
                None
                if filed is None or (filed.org_id is None and filed.assessment_id is not None)
                else "institution"
                if filed.org_id is not None
                else "library"
            )
        progress(start, f"0/{len(items)}")
        mapper = shared_mapper(keywords_only=keywords_only)
        step = max(1, len(items) // 20)

        def tick(done: int, total: int) -> None:
            if done == total or done % step < 32:
                progress(start + (0.92 - start) * done / max(1, total), f"{done}/{total}")

        results = analyse_passages(items, mapper=mapper, framework=framework, progress=tick, scope=scope)
        with ws.transaction() as s:
            analysis = save_analysis(
                s,
                payload_actor(s, payload["actor"]),
                document_id=document_id,
                results=results,
                version=mapper.version,
                framework=framework,
                settings=_settings(mapper, keywords_only),
                job_id=payload.get(JOB_ID_KEY),
            )
    except BaseException:
        with ws.transaction() as s:
            doc = s.get(StoredDocument, document_id)
            if doc is not None:
                doc.analysis_status = "failed"
        raise
    progress(1.0, f"{len(items)}/{len(items)}")
    return analysis


def _settings(mapper: M.Mapper, keywords_only: bool) -> dict[str, Any]:
    return {
        "keywords_only": keywords_only,
        "goal_thresholds": dict(mapper.thresholds),
        "margin": M.MARGIN,
        "max_targets": M.MAX_TARGETS,
        "indicator_threshold": IND.THRESHOLD,
        "indicator_top": IND.TOP,
        "indicator_level_bonus": IND.LEVEL_BONUS,
        "action_threshold": ACT.THRESHOLD,
    }


def save_analysis(
    session: Session,
    actor: Actor,
    *,
    document_id: int,
    results: list[PassageResult],
    version: str,
    framework: str,
    settings: dict[str, Any],
    job_id: int | None = None,
) -> dict[str, Any]:
    """Store one run as the document's current analysis (earlier runs stay, no longer current)."""
    doc = session.get(StoredDocument, document_id)
    assert doc is not None
    earlier = {
        (s.passage_id, s.kind, s.ref): s
        for s in session.scalars(
            select(DocumentSuggestion)
            .join(DocumentAnalysis, DocumentAnalysis.id == DocumentSuggestion.analysis_id)
            .where(DocumentAnalysis.document_id == document_id, DocumentAnalysis.current.is_(True))
        )
    }
    session.execute(
        update(DocumentAnalysis).where(DocumentAnalysis.document_id == document_id).values(current=False)
    )
    goals = {str(g): 0 for g in range(1, 18)}
    targets: dict[str, int] = {}
    for r in results:
        for g in r.sdg.sdgs:
            goals[str(g)] += 1
        for t in r.sdg.targets:
            targets[t] = targets.get(t, 0) + 1
    analysis = DocumentAnalysis(
        document_id=document_id,
        version=version,
        framework=framework,
        settings=settings,
        profile={"goals": goals, "targets": targets},
        current=True,
        job_id=job_id,
        created_by=actor.user_id,
        created_at=utcnow(),
    )
    session.add(analysis)
    session.flush()
    kept = 0
    for r in results:
        for row in suggestion_rows(r, int(r.passage.id)):
            before = earlier.get((row["passage_id"], row["kind"], row["ref"]))
            decided = before is not None and before.state != "open"
            kept += decided
            session.add(
                DocumentSuggestion(
                    analysis_id=analysis.id,
                    document_id=document_id,
                    **row,
                    state=before.state if decided and before else "open",
                    decided_by=before.decided_by if decided and before else None,
                    decided_at=before.decided_at if decided and before else None,
                    evidence_id=before.evidence_id if decided and before else None,
                )
            )
    doc.analysis_status = "done"
    summary = {
        "document_id": document_id,
        "analysis_id": analysis.id,
        "version": version,
        "passages": len(results),
        "goals": {g: n for g, n in goals.items() if n},
        "decisions_kept": kept,
    }
    record(session, actor, "document.analyse", "document", document_id, after=summary)
    return summary
