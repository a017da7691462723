"""Bulk export of an assessment round for another raqmana or the national data-exchange layer.

One ZIP (:mod:`raqmana.exchange.archive`): the round's institutions, answers with their state and a
summary of their history, every revision of every answer, evidence metadata (the files themselves on
request), the scores computed from the accepted answers and — for people who may read them — the
pseudonymised submissions of the surveys of the round's framework pack; each table as CSV and JSON, a
Frictionless ``datapackage.json``, the framework and the round as JSON, and ``manifest.json`` with the
framework id and version, counts, SHA-256 per file, licence, raqmana version, time and illustrative flag.
The import is :mod:`raqmana.workspace.exchange_import`.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

import raqmana
from raqmana.exchange.archive import FORMAT, FORMAT_VERSION, write_archive
from raqmana.metrics.opendata import LICENCE, Table
from raqmana.problems import ProblemsError
from raqmana.scoring.table import Table as ScoreTable
from raqmana.store.blobs import BlobStore
from raqmana.store.models import (
    AssessmentInstitution,
    Evidence,
    FrameworkVersion,
    Organisation,
    Response,
    ResponseRevision,
    SurveySubmission,
)
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor, Role
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.frameworks import framework_document, get_framework
from raqmana.workspace.permissions import get_assessment_for_user

S, N, INT, B, T = "string", "number", "integer", "boolean", "datetime"
_VALUE = (
    ("stage", INT, "maturity stage 0–5 (ladder indicators)"),
    ("number", N, "number or percentage"),
    ("choice", S, "chosen value (choice and yes/no indicators)"),
    ("text", S, "text answer"),
    ("na", B, "not applicable"),
    ("dont_know", B, "don't know"),
    ("justification", S, "the institution's justification"),
)
FIELDS: dict[str, tuple[str, tuple[tuple[str, str, str], ...]]] = {
    "institutions": (
        "Institutions of the round",
        (
            ("code", S, "institution code (matched by code on import)"),
            ("kind", S, "ministry, agency, governorate …"),
            ("name_en", S, "name in English"),
            ("name_ar", S, "name in Arabic"),
            ("name_ckb", S, "name in Kurdish (Sorani)"),
        ),
    ),
    "answers": (
        "Answers with their state and history summary",
        (
            ("key", S, "institution/indicator"),
            ("institution", S, "institution code"),
            ("indicator", S, "indicator id"),
            ("pillar", S, "pillar id"),
            ("state", S, "draft, submitted, returned or accepted"),
            *_VALUE,
            ("version", INT, "version of the answer"),
            ("assessor", S, "username of who answered"),
            ("reviewer", S, "username of who reviewed"),
            ("created_at", T, "first saved"),
            ("submitted_at", T, "last submitted"),
            ("reviewed_at", T, "last reviewed"),
            ("revisions", INT, "number of revisions"),
            ("returns", INT, "times returned by a reviewer"),
            ("last_action", S, "last action (save, submit, accept, return, import)"),
        ),
    ),
    "answer_history": (
        "Every revision of every answer",
        (
            ("key", S, "institution/indicator/position in the history"),
            ("institution", S, "institution code"),
            ("indicator", S, "indicator id"),
            ("version", INT, "version"),
            ("state", S, "state after the action"),
            ("action", S, "save, submit, accept, return or import"),
            ("actor", S, "username"),
            ("at", T, "when"),
            ("comment", S, "reviewer's comment"),
            *_VALUE,
        ),
    ),
    "evidence": (
        "Evidence metadata (files only when included)",
        (
            ("key", S, "institution/indicator/position"),
            ("institution", S, "institution code"),
            ("indicator", S, "indicator id"),
            ("kind", S, "file or url"),
            ("sha256", S, "SHA-256 of the file"),
            ("filename", S, "file name"),
            ("media_type", S, "media type"),
            ("size", INT, "bytes"),
            ("url", S, "web address"),
            ("source_type", S, "document, system, external_index or survey"),
            ("evidence_date", S, "date of the evidence (YYYY-MM-DD)"),
            ("description", S, "description"),
            ("uploaded_by", S, "username"),
            ("uploaded_at", T, "when attached"),
            ("removed_at", T, "when withdrawn"),
            ("file_included", B, "the file is in the archive under evidence/<sha256>"),
        ),
    ),
    "scores": (
        "Scores computed from the accepted answers (0–100; aggregates and indicators)",
        (
            ("key", S, "institution/node"),
            ("institution", S, "institution code"),
            ("node", S, "indicator, sub-area, pillar or index id"),
            ("score", N, "score"),
        ),
    ),
    "survey_submissions": (
        "Survey submissions (respondents pseudonymised)",
        (
            ("key", S, "survey/uuid"),
            ("survey", S, "survey id"),
            ("survey_version", S, "form version"),
            ("uuid", S, "submission uuid"),
            ("submitted_at", S, "submission time as sent"),
            ("submitter", S, "pseudonym of the respondent"),
            ("answers", S, "answers as JSON, keyed by question name"),
            ("digest", S, "SHA-256 of the answers"),
            ("revision", INT, "revision"),
            ("illustrative", B, "generated demonstration data"),
        ),
    ),
}
#: columns that would differ between an export and the export of its import elsewhere (none: every
#: column, times included, is carried; the manifest lists them for readers)
NOT_CARRIED: dict[str, tuple[str, ...]] = {}


def table(name: str, rows: list[dict[str, Any]]) -> Table:
    title, fields = FIELDS[name]
    return Table(name, title, fields, rows)


@dataclass(frozen=True)
class RoundExport:
    filename: str
    data: bytes
    manifest: dict[str, Any]


def _when(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _value(row: Any) -> dict[str, Any]:
    return {
        "stage": row.stage,
        "number": row.number,
        "choice": row.choice,
        "text": row.text,
        "na": bool(row.is_na),
        "dont_know": bool(row.dont_know),
        "justification": row.justification or "",
    }


def may_read_surveys(actor: Actor) -> bool:
    """Survey answers are national data (as :func:`raqmana.workspace.surveys.load_submissions`)."""
    roles = (Role.ADMIN, Role.COORDINATOR, Role.REVIEWER)
    return actor.is_system or any(g.org_id is None and g.role in roles for g in actor.grants)


def export_round(
    session: Session,
    actor: Actor,
    *,
    assessment_id: int,
    blobs: BlobStore,
    include_files: bool = False,
    include_surveys: bool = True,
    mc_runs: int = 0,
    scored: ScoreTable | None = None,
) -> RoundExport:
    """The round's archive, for the round's managers (coordinators and administrators over it).
    ``scored``: the round's scores when the caller has just computed them (the demo), not scored again."""
    a, rights = get_assessment_for_user(session, actor, assessment_id)
    if not rights.manage:
        raise Forbidden()
    fv = session.get(FrameworkVersion, a.framework_version_id)
    assert fv is not None
    framework = get_framework(session, fv.id)
    orgs = list(
        session.scalars(
            select(Organisation)
            .join(AssessmentInstitution, AssessmentInstitution.org_id == Organisation.id)
            .where(AssessmentInstitution.assessment_id == a.id)
            .order_by(Organisation.code)
        )
    )
    code = {o.id: o.code for o in orgs}
    responses = list(
        session.scalars(
            select(Response)
            .where(Response.assessment_id == a.id)
            .order_by(Response.org_id, Response.indicator_id)
        )
    )
    rid = {r.id: (code[r.org_id], r.indicator_id) for r in responses}
    revisions = list(
        session.scalars(
            select(ResponseRevision)
            .join(Response, Response.id == ResponseRevision.response_id)
            .where(Response.assessment_id == a.id)
            .order_by(ResponseRevision.response_id, ResponseRevision.version, ResponseRevision.id)
        )
    )
    evidence = list(
        session.scalars(
            select(Evidence)
            .join(Response, Response.id == Evidence.response_id)
            .where(Response.assessment_id == a.id)
            .order_by(Evidence.response_id, Evidence.id)
        )
    )
    people = user_names_by_id(
        session,
        [r.assessor_id for r in responses]
        + [r.reviewed_by for r in responses]
        + [v.actor_id for v in revisions]
        + [e.uploaded_by for e in evidence],
    )
    by_response: dict[int, list[ResponseRevision]] = defaultdict(list)
    for v in revisions:
        by_response[v.response_id].append(v)
    answers = []
    for r in responses:
        inst, ind = rid[r.id]
        history = by_response[r.id]
        answers.append(
            {
                "key": f"{inst}/{ind}",
                "institution": inst,
                "indicator": ind,
                "pillar": r.pillar_id,
                "state": r.state,
                **_value(r),
                "version": r.version,
                "assessor": people.get(r.assessor_id or 0, ""),
                "reviewer": people.get(r.reviewed_by or 0, ""),
                "created_at": _when(r.created_at),
                "submitted_at": _when(r.submitted_at),
                "reviewed_at": _when(r.reviewed_at),
                "revisions": len(history),
                "returns": sum(1 for v in history if v.action == "return"),
                "last_action": history[-1].action if history else "",
            }
        )
    history_rows = []
    ordinal: dict[int, int] = defaultdict(int)
    for v in revisions:
        inst, ind = rid[v.response_id]
        ordinal[v.response_id] += 1
        history_rows.append(
            {
                "key": f"{inst}/{ind}/{ordinal[v.response_id]}",
                "institution": inst,
                "indicator": ind,
                "version": v.version,
                "state": v.state,
                "action": v.action,
                "actor": people.get(v.actor_id or 0, ""),
                "at": _when(v.at),
                "comment": v.comment or "",
                **_value(v),
            }
        )
    files: dict[str, bytes] = {}
    evidence_rows = []
    position: dict[int, int] = defaultdict(int)
    for e in evidence:
        inst, ind = rid[e.response_id]
        position[e.response_id] += 1
        included = bool(include_files and e.kind == "file" and e.sha256 and blobs.exists(e.sha256))
        if included and e.sha256:
            files[e.sha256] = blobs.read(e.sha256)
        evidence_rows.append(
            {
                "key": f"{inst}/{ind}/{position[e.response_id]}",
                "institution": inst,
                "indicator": ind,
                "kind": e.kind,
                "sha256": e.sha256 or "",
                "filename": e.filename,
                "media_type": e.media_type,
                "size": e.size,
                "url": e.url,
                "source_type": e.source_type,
                "evidence_date": e.evidence_date.isoformat() if e.evidence_date else "",
                "description": e.description,
                "uploaded_by": people.get(e.uploaded_by or 0, ""),
                "uploaded_at": _when(e.uploaded_at),
                "removed_at": _when(e.removed_at),
                "file_included": included,
            }
        )
    tables = [
        table(
            "institutions",
            [
                {
                    "code": o.code,
                    "kind": o.kind,
                    "name_en": o.name_en,
                    "name_ar": o.name_ar,
                    "name_ckb": o.name_ckb,
                }
                for o in orgs
            ],
        ),
        table("answers", answers),
        table("answer_history", history_rows),
        table("evidence", evidence_rows),
        table("scores", _scores(session, actor, a.id, mc_runs, scored)),
    ]
    surveys_included = include_surveys and may_read_surveys(actor)
    if surveys_included:
        tables.append(table("survey_submissions", _submissions(session, framework.id, a.id)))
    doc, _ = framework_document(framework)
    now = utcnow()
    round_doc = {
        "name": a.name,
        "period": a.period,
        "status": a.status,
        "target_stage": a.target_stage,
        "illustrative": bool(a.illustrative),
        "institutions": [o.code for o in orgs],
    }
    manifest = {
        "raqmana_version": raqmana.__version__,
        "created_at": now.isoformat(),
        "illustrative": bool(a.illustrative),
        "framework": {"id": fv.framework_id, "version": fv.version, "sha256": fv.hash},
        "round": {"name": a.name, "period": a.period},
        "includes": {"evidence_files": bool(include_files), "survey_submissions": surveys_included},
        "not_carried_on_import": {k: list(v) for k, v in NOT_CARRIED.items()},
    }
    title = f"{a.name.get('en') or a.period} ({fv.framework_id} {fv.version})"
    data = write_archive(
        tables=tables,
        documents={"round": round_doc, "framework": doc},
        files=files,
        manifest=manifest,
        title=title,
    )
    return RoundExport(f"round-{a.id}-{fv.framework_id}-{a.period}.zip", data, json_manifest(data))


def round_summary(session: Session, actor: Actor, *, assessment_id: int) -> dict[str, Any]:
    """What the round's archive would hold, from counts alone (the archive page): the framework, the round,
    the licence and each table's rows. Nothing is scored or packed; ``scores`` is ``None`` because its
    rows exist only once the accepted answers are scored, when the archive is built (``export_round``)."""
    a, rights = get_assessment_for_user(session, actor, assessment_id)
    if not rights.manage:
        raise Forbidden()
    fv = session.get(FrameworkVersion, a.framework_version_id)
    assert fv is not None

    def count(query: Any) -> int:
        return int(session.scalar(query) or 0)

    answers = select(Response.id).where(Response.assessment_id == a.id)
    tables: dict[str, int | None] = {
        "institutions": count(
            select(func.count())
            .select_from(AssessmentInstitution)
            .where(AssessmentInstitution.assessment_id == a.id)
        ),
        "answers": count(select(func.count()).select_from(Response).where(Response.assessment_id == a.id)),
        "answer_history": count(
            select(func.count())
            .select_from(ResponseRevision)
            .where(ResponseRevision.response_id.in_(answers))
        ),
        "evidence": count(
            select(func.count()).select_from(Evidence).where(Evidence.response_id.in_(answers))
        ),
        "scores": None,
    }
    surveys = may_read_surveys(actor)
    if surveys:
        tables["survey_submissions"] = count(
            select(func.count())
            .select_from(SurveySubmission)
            .where(
                SurveySubmission.survey_id.in_(_survey_ids(fv.framework_id)),
                SurveySubmission.assessment_id == a.id,
            )
        )
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "raqmana_version": raqmana.__version__,
        "illustrative": bool(a.illustrative),
        "framework": {"id": fv.framework_id, "version": fv.version, "sha256": fv.hash},
        "round": {"name": a.name, "period": a.period},
        "licence": LICENCE,
        "tables": tables,
        "includes": {"evidence_files": False, "survey_submissions": surveys},
        "not_carried_on_import": {k: list(v) for k, v in NOT_CARRIED.items()},
    }


def json_manifest(data: bytes) -> dict[str, Any]:
    import io
    import zipfile

    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        loaded: dict[str, Any] = json.loads(zf.read("manifest.json"))
    return loaded


def user_names_by_id(session: Session, ids: list[int | None]) -> dict[int, str]:
    """user id → username (the key another workspace matches people by)."""
    from raqmana.store.models import User

    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        int(i): str(n) for i, n in session.execute(select(User.id, User.username).where(User.id.in_(wanted)))
    }


def _scores(
    session: Session, actor: Actor, assessment_id: int, mc_runs: int, scored: ScoreTable | None = None
) -> list[dict[str, Any]]:
    """Institution × node scores of the accepted answers; none when the round cannot be scored yet."""
    from raqmana.workspace.results import assessment_results

    if scored is None:
        try:
            chain = assessment_results(session, assessment_id, actor=actor, mc_runs=mc_runs, plan=False)
        except (ProblemsError, ValidationFailed):
            return []
        scored = chain.build.aggregated
    agg = scored
    rows = []
    for unit in sorted(agg.units):
        for node, value in agg.row(unit).items():
            if value is None or value != value:  # NaN: not scored
                continue
            rows.append(
                {"key": f"{unit}/{node}", "institution": unit, "node": node, "score": round(float(value), 6)}
            )
    return rows


#: (survey file, its modification time) → the framework it belongs to ("" when it cannot be read)
_SURVEY_FRAMEWORK: dict[tuple[str, int], str] = {}


def _survey_ids(framework_id: str) -> list[str]:
    """The surveys of the framework's pack (each file read once until it changes)."""
    from raqmana.surveys.packs import read_survey, survey_files

    ids = []
    for sid, path in survey_files().items():
        key = (str(path), path.stat().st_mtime_ns)
        if key not in _SURVEY_FRAMEWORK:
            try:
                _SURVEY_FRAMEWORK[key] = read_survey(path).framework
            except ProblemsError:
                _SURVEY_FRAMEWORK[key] = ""
        if _SURVEY_FRAMEWORK[key] == framework_id:
            ids.append(sid)
    return ids


def _submissions(session: Session, framework_id: str, assessment_id: int) -> list[dict[str, Any]]:
    """The survey submissions imported into the round (another round's are that round's archive's)."""
    ids = _survey_ids(framework_id)
    rows = session.scalars(
        select(SurveySubmission)
        .where(SurveySubmission.survey_id.in_(ids), SurveySubmission.assessment_id == assessment_id)
        .order_by(SurveySubmission.id)
    )
    return [
        {
            "key": f"{s.survey_id}/{s.uuid}",
            "survey": s.survey_id,
            "survey_version": s.survey_version,
            "uuid": s.uuid,
            "submitted_at": s.submitted_at,
            "submitter": s.submitter,
            "answers": json.dumps(s.answers, ensure_ascii=False, sort_keys=True),
            "digest": s.digest,
            "revision": s.revision,
            "illustrative": bool(s.illustrative),
        }
        for s in rows
    ]


__all__ = ["FIELDS", "NOT_CARRIED", "RoundExport", "export_round", "round_summary", "user_names_by_id"]
