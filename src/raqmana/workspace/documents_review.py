"""A reviewer's decisions on a document's suggestions, and the document page's data.

An accepted indicator suggestion becomes evidence on the answer of that indicator (the round and the
institution come from the document, or are chosen when the document is the library's or an
institution's outside a round): the quote, its page and the document, source type "document". The
answer's readers see it with the rest of its evidence; every decision is on the audit chain.
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.documents import errors as DE
from raqmana.documents.sdg import goal_names, target_texts
from raqmana.i18n import format_number
from raqmana.i18n.catalog import gettext, ui
from raqmana.problems import Location
from raqmana.store.models import (
    Assessment,
    AssessmentInstitution,
    DocumentAnalysis,
    DocumentPassage,
    DocumentSuggestion,
    Evidence,
    Organisation,
    Response,
    StoredDocument,
)
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.documents import get_document_for_user, summaries
from raqmana.workspace.documents_views import (
    AnalysisView,
    DocumentDetail,
    GoalCount,
    PassageView,
    SdgProfile,
    SuggestionView,
    TargetCount,
)
from raqmana.workspace.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.response_views import user_names
from raqmana.workspace.responses import context, find_response, indicator_of, new_response
from raqmana.workspace.views import ResponseState

DECISIONS = {"accept": "accepted", "reject": "rejected"}
DECIDED_WORDS = {"accepted": ui("accepted", "error words"), "rejected": ui("rejected", "error words")}
QUOTE_MAX = 1500


def _label(kind: str, ref: str, indicator_names: dict[str, dict[str, str]]) -> dict[str, str]:
    if kind == "indicator":
        return indicator_names.get(ref, {"en": ref, "ar": ref, "ckb": ref})
    if kind == "target":
        return target_texts().get(ref, {"en": ref, "ar": ref, "ckb": ref})
    if kind == "action":
        from raqmana.documents.actions import rule_titles

        return rule_titles().get(ref, {"en": ref, "ar": ref, "ckb": ref})
    return goal_names().get(int(ref), {"en": ref, "ar": ref, "ckb": ref})


def _indicator_names(framework: str) -> dict[str, dict[str, str]]:
    from raqmana.documents.indicators import _framework, _indicators

    try:
        fw = _framework(framework)
    except Exception:  # a framework no longer shipped: the ids stand alone
        return {}
    return {i.id: i.name.as_dict() for i in _indicators(fw)}


def _current(session: Session, document_id: int) -> DocumentAnalysis | None:
    return session.scalar(
        select(DocumentAnalysis).where(
            DocumentAnalysis.document_id == document_id, DocumentAnalysis.current.is_(True)
        )
    )


def document_detail(session: Session, actor: Actor, *, document_id: int) -> DocumentDetail:
    """The document with its passages, each with its suggestions (quote, page, confidence, state)."""
    doc, rights = get_document_for_user(session, actor, document_id)
    analysis = _current(session, doc.id)
    passages = list(
        session.scalars(
            select(DocumentPassage)
            .where(DocumentPassage.document_id == doc.id)
            .order_by(DocumentPassage.position)
        )
    )
    by_passage: dict[int, list[SuggestionView]] = {}
    views: list[SuggestionView] = []
    if analysis is not None:
        rows = list(
            session.scalars(
                select(DocumentSuggestion)
                .where(DocumentSuggestion.analysis_id == analysis.id)
                .order_by(DocumentSuggestion.passage_id, DocumentSuggestion.id)
            )
        )
        names = user_names(session, [r.decided_by for r in rows])
        labels = _indicator_names(analysis.framework)
        quotes = {p.id: p for p in passages}
        for r in rows:
            p = quotes[r.passage_id]
            v = _view(r, p, labels, names)
            by_passage.setdefault(r.passage_id, []).append(v)
            views.append(v)
    return DocumentDetail(
        document=summaries(session, [doc])[0],
        rights=rights,
        analysis=(
            AnalysisView(
                analysis.id, analysis.version, analysis.framework, analysis.settings, analysis.created_at
            )
            if analysis
            else None
        ),
        passages=[
            PassageView(
                p.id,
                p.position,
                p.page,
                p.kind,
                p.number,
                p.heading,
                p.text,
                {k: str(v) for k, v in (p.details or {}).items()},
                by_passage.get(p.id, []),
            )
            for p in passages
        ],
        profile=profile_of(views, documents=1),
    )


def _view(
    r: DocumentSuggestion,
    p: DocumentPassage,
    labels: dict[str, dict[str, str]],
    names: dict[int, str],
) -> SuggestionView:
    return SuggestionView(
        id=r.id,
        kind=r.kind,
        ref=r.ref,
        label=_label(r.kind, r.ref, labels),
        stage=r.stage,
        confidence=r.confidence,
        state=r.state,
        passage_id=r.passage_id,
        page=p.page,
        quote=p.text[:QUOTE_MAX],
        evidence_id=r.evidence_id,
        decided_by=names.get(r.decided_by or -1, ""),
        decided_at=r.decided_at,
    )


def profile_of(suggestions: list[SuggestionView], *, documents: int) -> SdgProfile:
    """Goal and target coverage of SDG suggestions: passages suggested and passages accepted (a passage
    counts once per goal)."""
    names = goal_names()
    texts = target_texts()
    goal_passages: dict[int, set[int]] = {g: set() for g in range(1, 18)}
    goal_accepted: dict[int, set[int]] = {g: set() for g in range(1, 18)}
    target_passages: dict[str, set[int]] = {}
    target_accepted: dict[str, set[int]] = {}
    for s in suggestions:
        if s.kind not in ("target", "goal") or s.state == "rejected":
            continue
        goal = int(s.ref.split(".")[0])
        goal_passages[goal].add(s.passage_id)
        if s.state == "accepted":
            goal_accepted[goal].add(s.passage_id)
        if s.kind == "target":
            target_passages.setdefault(s.ref, set()).add(s.passage_id)
            if s.state == "accepted":
                target_accepted.setdefault(s.ref, set()).add(s.passage_id)
    targets = sorted(target_passages, key=lambda t: tuple(int(x) if x.isdigit() else 0 for x in t.split(".")))
    return SdgProfile(
        documents=documents,
        goals=[GoalCount(g, names[g], len(goal_passages[g]), len(goal_accepted[g])) for g in range(1, 18)],
        targets=[
            TargetCount(
                t,
                texts.get(t, {"en": t, "ar": t, "ckb": t}),
                len(target_passages[t]),
                len(target_accepted.get(t, ())),
            )
            for t in targets
        ],
    )


def decide(
    session: Session,
    actor: Actor,
    *,
    suggestion_id: int,
    decision: str,
    assessment_id: int | None = None,
    institution_code: str | None = None,
) -> SuggestionView:
    """Accept or reject one suggestion of the document's current analysis (once: a decided suggestion
    is a Conflict). Accepting an indicator suggestion adds the passage as evidence on the answer."""
    s = session.get(DocumentSuggestion, suggestion_id) if isinstance(suggestion_id, int) else None
    if s is None:
        raise NotFound("suggestion")
    doc, rights = get_document_for_user(session, actor, s.document_id)
    if decision not in DECISIONS:
        raise ValidationFailed.one(DE.DECISION_INVALID, Location(field="decision"), value=str(decision)[:20])
    if not rights.decide:
        raise Forbidden()
    analysis = session.get(DocumentAnalysis, s.analysis_id)
    if analysis is None or not analysis.current:
        raise Conflict(DE.OUTDATED)
    if s.state != "open":
        raise Conflict(DE.ALREADY_DECIDED, state=DECIDED_WORDS[s.state].as_dict())
    passage = session.get(DocumentPassage, s.passage_id)
    assert passage is not None
    state = DECISIONS[decision]
    if state == "accepted" and s.kind == "indicator":
        s.evidence_id = _evidence(session, actor, doc, s, passage, assessment_id, institution_code)
    s.state, s.decided_by, s.decided_at = state, actor.user_id, utcnow()
    record(
        session,
        actor,
        f"document.suggestion.{decision}",
        "document",
        doc.id,
        after={
            "suggestion_id": s.id,
            "kind": s.kind,
            "ref": s.ref,
            "stage": s.stage,
            "page": passage.page,
            "evidence_id": s.evidence_id,
        },
    )
    session.flush()
    names = {actor.user_id: actor.display_name} if actor.user_id else {}
    return _view(s, passage, _indicator_names(analysis.framework), names)


def _evidence(
    session: Session,
    actor: Actor,
    doc: StoredDocument,
    s: DocumentSuggestion,
    passage: DocumentPassage,
    assessment_id: int | None,
    institution_code: str | None,
) -> int:
    round_id = doc.assessment_id if doc.assessment_id is not None else assessment_id
    code = institution_code
    if doc.org_id is not None:
        org = session.get(Organisation, doc.org_id)
        code = org.code if org else code
        if round_id is None:  # the institution's one open round, when there is exactly one
            rounds = session.scalars(
                select(Assessment.id)
                .join(AssessmentInstitution, AssessmentInstitution.assessment_id == Assessment.id)
                .where(AssessmentInstitution.org_id == doc.org_id, Assessment.status == "open")
            ).all()
            round_id = rounds[0] if len(rounds) == 1 else None
    if round_id is None or not code:
        raise ValidationFailed.one(DE.NEEDS_ANSWER, Location(field="institution_code"))
    if session.scalar(select(Organisation.id).where(Organisation.code == code)) is None:
        # a name or a typo where the code goes: a located problem on the field, not "page not found"
        raise ValidationFailed.one(E.UNKNOWN_ORG, Location(field="institution_code"), org=code[:64])
    ctx = context(session, actor, round_id, code)
    if not (ctx.rights.review or ctx.rights.manage):
        raise Forbidden()
    if ctx.assessment.status != "open":
        raise Forbidden(E.ROUND_CLOSED)
    indicator = indicator_of(ctx.framework, s.ref)
    now = utcnow()
    r = find_response(session, ctx.assessment.id, ctx.org.id, indicator.id)
    if r is None:
        r = new_response(session, ctx, indicator, actor, now)
    elif r.state == ResponseState.ACCEPTED.value:
        # the reader chose an institution whose answer is closed: a problem on that choice, the page stays
        raise ValidationFailed.one(
            DE.EVIDENCE_LOCKED, Location(field="institution_code"), indicator=indicator.id
        )
    # the citation is written once, in the language of the reviewer who accepts it
    lang = actor.locale
    page = (
        " " + gettext(lang, "(p. {page})", page=format_number(passage.page, lang, decimals=0))
        if passage.page
        else ""
    )
    stage = (
        " " + gettext(lang, "[stage {n}]", n=format_number(s.stage, lang, decimals=0))
        if s.stage is not None
        else ""
    )
    e = Evidence(
        response_id=r.id,
        kind="file",
        sha256=doc.sha256,
        filename=doc.filename,
        media_type=doc.media_type,
        size=doc.size,
        source_type="document",
        description=f"{doc.title}{page}{stage}: «{passage.text[:QUOTE_MAX]}»",
        uploaded_by=actor.user_id,
        uploaded_at=now,
    )
    session.add(e)
    session.flush()
    record(
        session,
        actor,
        "evidence.attach",
        "response",
        r.id,
        after={
            "evidence_id": e.id,
            "kind": "file",
            "sha256": doc.sha256,
            "filename": doc.filename,
            "source_type": "document",
            "document_id": doc.id,
            "page": passage.page,
        },
    )
    return e.id


def suggestion_document(session: Session, actor: Actor, *, suggestion_id: int) -> int:
    """The id of the document a suggestion belongs to (the reader must see the document)."""
    s = session.get(DocumentSuggestion, suggestion_id)
    if s is None:
        raise NotFound("suggestion")
    doc, _ = get_document_for_user(session, actor, s.document_id)
    return doc.id


def closed_answers(
    session: Session, actor: Actor, *, document_id: int, rounds: dict[int, set[str]]
) -> dict[int, set[str]]:
    """For each open indicator suggestion of the document: the institutions, among ``rounds`` (open round
    id → the codes of its institutions the reader may choose), whose answer to the indicator is already
    accepted in every one of those rounds that holds them; the passage can no longer become evidence
    there (an accepted answer takes no more evidence)."""
    doc, rights = get_document_for_user(session, actor, document_id)
    analysis = _current(session, doc.id)
    codes = set().union(*rounds.values()) if rounds else set()
    if analysis is None or not rights.decide or not codes:
        return {}
    open_ones = session.execute(
        select(DocumentSuggestion.id, DocumentSuggestion.ref).where(
            DocumentSuggestion.analysis_id == analysis.id,
            DocumentSuggestion.kind == "indicator",
            DocumentSuggestion.state == "open",
        )
    ).all()
    if not open_ones:
        return {}
    accepted: set[tuple[int, str, str]] = {
        (r, c, i)
        for r, c, i in session.execute(
            select(Response.assessment_id, Organisation.code, Response.indicator_id)
            .join(Organisation, Organisation.id == Response.org_id)
            .where(
                Response.assessment_id.in_(sorted(rounds)),
                Organisation.code.in_(sorted(codes)),
                Response.indicator_id.in_(sorted({ref for _, ref in open_ones})),
                Response.state == ResponseState.ACCEPTED.value,
            )
        )
    }
    held = {c: [r for r, members in rounds.items() if c in members] for c in codes}
    return {
        sid: {c for c in codes if all((r, c, ref) in accepted for r in held[c])} for sid, ref in open_ones
    }


def pending(session: Session, actor: Actor, *, document_id: int) -> int:
    """Open suggestions of the document's current analysis."""
    doc, _ = get_document_for_user(session, actor, document_id)
    analysis = _current(session, doc.id)
    if analysis is None:
        return 0
    return len(
        session.scalars(
            select(DocumentSuggestion.id).where(
                DocumentSuggestion.analysis_id == analysis.id, DocumentSuggestion.state == "open"
            )
        ).all()
    )


def country_profile(session: Session, actor: Actor) -> SdgProfile:
    """The country's SDG profile over every document the actor reads (current analyses only)."""
    from raqmana.workspace.documents import readable_documents

    docs = [d for d in readable_documents(session, actor) if d.analysis_status == "done"]
    return profile_for(session, [d.id for d in docs])


def profile_for(session: Session, document_ids: list[int]) -> SdgProfile:
    if not document_ids:
        return profile_of([], documents=0)
    rows = session.execute(
        select(DocumentSuggestion, DocumentPassage)
        .join(DocumentAnalysis, DocumentAnalysis.id == DocumentSuggestion.analysis_id)
        .join(DocumentPassage, DocumentPassage.id == DocumentSuggestion.passage_id)
        .where(
            DocumentAnalysis.document_id.in_(document_ids),
            DocumentAnalysis.current.is_(True),
            DocumentSuggestion.kind.in_(("target", "goal")),
        )
    ).all()
    return profile_of([_view(s, p, {}, {}) for s, p in rows], documents=len(document_ids))


def document_commitments(session: Session) -> dict[str, float]:
    """SDG target (and goal) → passages of the country's analysed documents (not withdrawn) that a
    reviewer accepted for it: what the rules' ``commits(…)`` condition reads."""
    rows = session.execute(
        select(DocumentSuggestion.ref, DocumentSuggestion.passage_id)
        .join(DocumentAnalysis, DocumentAnalysis.id == DocumentSuggestion.analysis_id)
        .join(StoredDocument, StoredDocument.id == DocumentSuggestion.document_id)
        .where(
            DocumentAnalysis.current.is_(True),
            StoredDocument.removed_at.is_(None),
            DocumentSuggestion.kind.in_(("target", "goal")),
            DocumentSuggestion.state == "accepted",
        )
    ).all()
    passages: dict[str, set[int]] = {}
    for ref, passage in rows:
        passages.setdefault(ref, set()).add(passage)
        passages.setdefault(ref.split(".")[0], set()).add(passage)
    return {ref: float(len(p)) for ref, p in sorted(passages.items())}
