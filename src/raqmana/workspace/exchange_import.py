"""Import of a round archive made by another raqmana (:mod:`raqmana.workspace.exchange`).

All or nothing, in the caller's one transaction: the archive is verified first (checksums, counts,
manifest, format version, member names, size), then every row is checked and each problem located by
file, row and field; only when none is found is anything written. The round is matched by framework
version, period and English name (created when absent, through :func:`assessments.open_round`),
institutions by code, people by username (unknown ones are left empty). A framework version unknown
here is registered from the archive; the same id and version with another text, or a matched round on
another version, is refused. Answers keep their state, version, times and history; an answer that
already exists with another value or state is replaced with one more revision (action ``import``).
Evidence metadata is added once (files are stored when the archive holds them); survey submissions are
added by uuid. Audited as ``round.import``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from pydantic import ValidationError
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from raqmana.exchange import errors as X
from raqmana.exchange.archive import EVIDENCE_DIR, Archive, read_archive
from raqmana.frameworks import Framework
from raqmana.i18n import Translated
from raqmana.problems import Location, ProblemsError
from raqmana.store.blobs import BlobStore
from raqmana.store.models import (
    Assessment,
    AssessmentInstitution,
    Evidence,
    FrameworkVersion,
    Organisation,
    Response,
    ResponseRevision,
    SurveySubmission,
    SurveySubmissionRevision,
    User,
)
from raqmana.store.types import utcnow
from raqmana.workspace import assessments
from raqmana.workspace.actors import Actor
from raqmana.workspace.answers import Value
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.exchange import may_read_surveys
from raqmana.workspace.exchange_checks import (
    Rows,
    check_answers,
    check_evidence,
    check_history,
    check_submissions,
)
from raqmana.workspace.frameworks import framework_document, get_framework, register_framework
from raqmana.workspace.permissions import get_assessment_for_user
from raqmana.workspace.responses import add_revision, set_value


@dataclass
class RoundImport:
    assessment_id: int
    created: bool
    #: per table: rows created, updated, unchanged
    counts: dict[str, dict[str, int]] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {"assessment_id": self.assessment_id, "created": self.created, "counts": self.counts}


def _framework(session: Session, actor: Actor, archive: Archive) -> FrameworkVersion:
    ref = archive.manifest["framework"]
    fid, version, digest = str(ref.get("id", "")), str(ref.get("version", "")), str(ref.get("sha256", ""))
    try:
        framework = Framework.model_validate(archive.json("framework.json"))
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    except (KeyError, ValueError, ValidationError) as exc:
        raise ValidationFailed.one(
            X.TABLE_INVALID, Location(file="framework.json"), reason=str(exc)[:200]
        ) from None
    if (framework.id, framework.version) != (fid, version) or framework_document(framework)[1] != digest:
        raise ValidationFailed.one(
            X.CHECKSUM_MISMATCH, Location(file="framework.json"), member="framework.json"
        )
    fv = session.scalar(
        select(FrameworkVersion).where(
            FrameworkVersion.framework_id == fid, FrameworkVersion.version == version
        )
    )
    if fv is not None and fv.hash != digest:
        raise ValidationFailed.one(
            X.FRAMEWORK_CHANGED,
            Location(file="manifest.json", field="framework"),
            framework=fid,
            version=version,
        )
    if fv is None:
        register_framework(session, actor, framework)
        fv = session.scalar(
            select(FrameworkVersion).where(
                FrameworkVersion.framework_id == fid, FrameworkVersion.version == version
            )
        )
        assert fv is not None
    return fv


def _round(session: Session, archive: Archive, fv: FrameworkVersion) -> Assessment | None:
    """The round of this workspace the archive updates (same period and English name), if any."""
    info = archive.manifest["round"]
    name_en = str((info.get("name") or {}).get("en", ""))
    period = str(info.get("period", ""))
    for a in session.scalars(select(Assessment).where(Assessment.period == period).order_by(Assessment.id)):
        if str((a.name or {}).get("en", "")) != name_en:
            continue
        other = session.get(FrameworkVersion, a.framework_version_id)
        assert other is not None
        if other.id == fv.id:
            return a
        if other.framework_id == fv.framework_id:
            raise ValidationFailed.one(
                X.FRAMEWORK_MISMATCH,
                Location(file="manifest.json", field="framework"),
                framework=fv.framework_id,
                found=fv.version,
                expected=other.version,
            )
    return None


def may_import(actor: Actor) -> bool:
    """Importing a round archive is for coordinators and administrators (the round's own rights are
    checked once the archive says which round it is)."""
    return actor.is_manager


def import_round(
    session: Session, actor: Actor, *, data: bytes, filename: str, blobs: BlobStore
) -> RoundImport:
    """Import the archive ``data`` (see the module); :class:`ValidationFailed` with every problem found."""
    if not may_import(actor):
        raise Forbidden()
    try:
        archive = read_archive(data, filename)
        tables = {
            name: archive.rows(name)
            for name in ("institutions", "answers", "answer_history", "evidence", "survey_submissions")
        }
        round_doc = archive.json("round.json") if "round.json" in archive.members else None
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    except ValueError as exc:
        raise ValidationFailed.one(X.TABLE_INVALID, Location(file=filename), reason=str(exc)[:200]) from None
    if not isinstance(round_doc, dict):
        raise ValidationFailed.one(X.FILE_MISSING, Location(file="manifest.json"), member="round.json")
    fv = _framework(session, actor, archive)
    framework = get_framework(session, fv.id)
    indicators = {i.id: i for i in framework.indicators()}
    existing = _round(session, archive, fv)
    codes = [str(c) for c in round_doc.get("institutions", [])]
    orgs = {o.code: o for o in session.scalars(select(Organisation).where(Organisation.code.in_(codes)))}
    inst = Rows("institutions")
    for n, row in enumerate(tables["institutions"], start=1):
        if str(row.get("code", "")) not in orgs:
            inst.add(X.UNKNOWN_INSTITUTION, n, "code", org=str(row.get("code", ""))[:64])
    if inst.problems:
        raise ValidationFailed(inst.problems)
    answers, problems = check_answers(tables["answers"], orgs, indicators)
    history = check_history(
        tables["answer_history"], {(r["institution"], r["indicator"]) for r, _ in answers}
    )
    evidence = check_evidence(
        tables["evidence"], {(r["institution"], r["indicator"]) for r, _ in answers}, archive
    )
    surveys = (
        check_submissions(tables["survey_submissions"])
        if may_read_surveys(actor)
        else Rows("survey_submissions")
    )
    problems += history.problems + evidence.problems + surveys.problems
    if problems:
        raise ValidationFailed(problems)
    created = existing is None
    if existing is None:
        view = assessments.open_round(
            session,
            actor,
            framework_version_id=fv.id,
            name=Translated.model_validate(round_doc.get("name") or {}),
            period=str(round_doc.get("period", "")),
            institution_codes=codes,
            target_stage=round_doc.get("target_stage"),
            illustrative=bool(round_doc.get("illustrative")),
        )
        a = session.get(Assessment, view.id)
        assert a is not None
    else:
        a, rights = get_assessment_for_user(session, actor, existing.id)
        if not rights.manage:
            raise Forbidden()
        have = set(
            session.scalars(
                select(AssessmentInstitution.org_id).where(AssessmentInstitution.assessment_id == a.id)
            )
        )
        session.add_all(
            [
                AssessmentInstitution(assessment_id=a.id, org_id=o.id)
                for o in orgs.values()
                if o.id not in have
            ]
        )
        session.flush()
    report = RoundImport(a.id, created)
    people = {str(n): int(i) for n, i in session.execute(select(User.username, User.id))}
    responses = _write_answers(session, actor, a, answers, tables["answer_history"], orgs, people, report)
    _write_evidence(session, tables["evidence"], responses, archive, blobs, people, report)
    if may_read_surveys(actor):
        _write_submissions(session, tables["survey_submissions"], report, a.id)
    record(
        session,
        actor,
        "round.import",
        "assessment",
        a.id,
        after={"file": filename[:200], "created": created, "counts": report.counts},
    )
    return report


def _count(report: RoundImport, table: str, outcome: str) -> None:
    counts = report.counts.setdefault(table, {"created": 0, "updated": 0, "unchanged": 0})
    counts[outcome] += 1


def _stamp(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _write_answers(
    session: Session,
    actor: Actor,
    a: Assessment,
    answers: list[tuple[dict[str, Any], Value]],
    history: list[dict[str, Any]],
    orgs: dict[str, Organisation],
    people: dict[str, int],
    report: RoundImport,
) -> dict[tuple[str, str], Response]:
    framework = get_framework(session, a.framework_version_id)
    pillar = {i.id: p.id for p in framework.pillars for s in p.sub_areas for i in s.indicators}
    current = {
        (r.org_id, r.indicator_id): r
        for r in session.scalars(select(Response).where(Response.assessment_id == a.id))
    }
    revisions: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in history:
        revisions.setdefault((row["institution"], row["indicator"]), []).append(row)
    now = utcnow()
    out: dict[tuple[str, str], Response] = {}
    created: list[tuple[tuple[str, str], Response]] = []
    for row, value in answers:
        key = (str(row["institution"]), str(row["indicator"]))
        org = orgs[key[0]]
        r = current.get((org.id, key[1]))
        state = str(row["state"])
        if r is None:
            r = Response(
                assessment_id=a.id,
                org_id=org.id,
                indicator_id=key[1],
                pillar_id=pillar[key[1]],
                state=state,
                answered=value.answered,
                version=int(row["version"]),
                assessor_id=people.get(str(row.get("assessor") or "")),
                created_at=_stamp(row.get("created_at")) or now,
                updated_at=now,
                submitted_at=_stamp(row.get("submitted_at")),
                reviewed_at=_stamp(row.get("reviewed_at")),
                reviewed_by=people.get(str(row.get("reviewer") or "")),
            )
            set_value(r, value)
            session.add(r)
            created.append((key, r))
            _count(report, "answers", "created")
        elif Value.of(r) == value and r.state == state:
            _count(report, "answers", "unchanged")
        else:
            set_value(r, value)
            r.state, r.answered, r.updated_at = state, value.answered, now
            r.version = r.version + 1
            r.submitted_at = _stamp(row.get("submitted_at")) or r.submitted_at
            r.reviewed_at = _stamp(row.get("reviewed_at")) or r.reviewed_at
            add_revision(session, r, "import", actor, now)
            _count(report, "answers", "updated")
        out[key] = r
    session.flush()  # one flush for every new and changed answer: the new ones get their ids
    kept: list[dict[str, Any]] = []
    for key, r in created:
        if revisions.get(key):
            kept += [_revision(r.id, v, people) for v in revisions[key]]
        else:
            add_revision(session, r, "import", actor, now)
    if kept:  # thousands of rows: one executemany, not one object each
        session.execute(insert(ResponseRevision), kept)
    session.flush()
    return out


def _revision(response_id: int, row: dict[str, Any], people: dict[str, int]) -> dict[str, Any]:
    return {
        "response_id": response_id,
        "version": int(row["version"]),
        "state": str(row["state"]),
        "action": str(row.get("action") or "import")[:16],
        "actor_id": people.get(str(row.get("actor") or "")),
        "actor_name": str(row.get("actor") or "")[:200],
        "at": datetime.fromisoformat(str(row["at"])),
        "comment": str(row.get("comment") or ""),
        "stage": row.get("stage"),
        "number": row.get("number"),
        "choice": row.get("choice"),
        "text": row.get("text"),
        "is_na": bool(row.get("na")),
        "dont_know": bool(row.get("dont_know")),
        "justification": str(row.get("justification") or ""),
    }


def _write_evidence(
    session: Session,
    rows: list[dict[str, Any]],
    responses: dict[tuple[str, str], Response],
    archive: Archive,
    blobs: BlobStore,
    people: dict[str, int],
    report: RoundImport,
) -> None:
    ids = [r.id for r in responses.values()]
    have = {
        (e.response_id, e.kind, e.sha256 or "", e.url, e.filename)
        for e in session.scalars(select(Evidence).where(Evidence.response_id.in_(ids)))
    }
    for row in rows:
        r = responses[(str(row["institution"]), str(row["indicator"]))]
        key = (
            r.id,
            str(row["kind"]),
            str(row.get("sha256") or ""),
            str(row.get("url") or ""),
            str(row.get("filename") or ""),
        )
        if key in have:
            _count(report, "evidence", "unchanged")
            continue
        have.add(key)
        if row.get("file_included"):
            blobs.put(archive.members[f"{EVIDENCE_DIR}{row['sha256']}"], session=session)
        session.add(
            Evidence(
                response_id=r.id,
                kind=key[1],
                sha256=key[2] or None,
                filename=key[4][:255],
                media_type=str(row.get("media_type") or "")[:100],
                size=int(row.get("size") or 0),
                url=key[3],
                source_type=str(row.get("source_type") or "document")[:32],
                evidence_date=date.fromisoformat(row["evidence_date"]) if row.get("evidence_date") else None,
                description=str(row.get("description") or ""),
                uploaded_by=people.get(str(row.get("uploaded_by") or "")),
                uploaded_at=datetime.fromisoformat(str(row["uploaded_at"])),
                removed_at=_stamp(row.get("removed_at")),
            )
        )
        _count(report, "evidence", "created")
    session.flush()


def _write_submissions(
    session: Session, rows: list[dict[str, Any]], report: RoundImport, assessment_id: int
) -> None:
    """The archive's survey submissions into the round it is imported into (a submission already kept
    in another round stays there, as an import of a Kobo export leaves it)."""
    now = utcnow()
    for row in rows:
        sub = session.scalar(
            select(SurveySubmission).where(
                SurveySubmission.survey_id == row["survey"], SurveySubmission.uuid == row["uuid"]
            )
        )
        answers = json.loads(str(row["answers"]))
        if sub is not None and sub.assessment_id is None:  # kept before rounds held submissions
            sub.assessment_id = assessment_id
        if sub is None:
            session.add(
                SurveySubmission(
                    assessment_id=assessment_id,
                    survey_id=str(row["survey"])[:64],
                    survey_version=str(row.get("survey_version") or "")[:32],
                    uuid=str(row["uuid"])[:128],
                    submitted_at=str(row.get("submitted_at") or "")[:40],
                    submitter=str(row.get("submitter") or "")[:32],
                    answers=answers,
                    digest=str(row["digest"])[:64],
                    revision=int(row.get("revision") or 1),
                    source="round-import",
                    illustrative=bool(row.get("illustrative")),
                    imported_at=now,
                )
            )
            _count(report, "survey_submissions", "created")
        elif sub.digest == row["digest"] or sub.assessment_id != assessment_id:
            _count(report, "survey_submissions", "unchanged")
        else:
            session.add(
                SurveySubmissionRevision(
                    submission_id=sub.id,
                    revision=sub.revision,
                    answers=sub.answers,
                    digest=sub.digest,
                    submitted_at=sub.submitted_at,
                    replaced_at=now,
                )
            )
            sub.answers, sub.digest, sub.revision = answers, str(row["digest"])[:64], sub.revision + 1
            _count(report, "survey_submissions", "updated")
    session.flush()
