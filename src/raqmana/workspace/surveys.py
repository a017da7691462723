"""Perception-survey submissions in the workspace: import (idempotent, all or nothing) and read back.

The file is read whole by :func:`raqmana.surveys.submissions.read_export` (which pseudonymises people's
identifiers with the workspace secret); then each submission is matched by its uuid: new ones are added,
the same answers again change nothing, other answers under a known uuid (an edit made in Kobo or ODK)
replace the stored ones and keep them as a revision. One audit event records the import and its counts.

Every import goes into one assessment round (:mod:`.surveys_rounds`): a round's survey figures use only
its own submissions. A submission (its uuid) stays in the round it was first imported into: a later
round's file that repeats it leaves it there and says so (SV032).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from raqmana.analysis.divide import DivideReport
from raqmana.problems import Location, Problem, ProblemsError
from raqmana.store.models import SurveySubmission, SurveySubmissionRevision
from raqmana.store.types import utcnow
from raqmana.surveys import errors as E
from raqmana.surveys.model import Kind, Survey
from raqmana.surveys.model import Role as SurveyRole
from raqmana.surveys.perception import DIVIDE_ROLES, Estimate
from raqmana.surveys.perception import SurveyResults as PerceptionResults
from raqmana.surveys.submissions import Submission, read_export
from raqmana.workspace.actors import Actor, Role
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.surveys_rounds import SurveyRound, import_round, round_named
from raqmana.workspace.views import OrgView

if TYPE_CHECKING:
    from raqmana.frameworks.schema import Framework
    from raqmana.pipeline.surveys import SurveyInputs
    from raqmana.settings import Settings
    from raqmana.workspace.factory import Workspace
    from raqmana.workspace.views import JobView

_BATCH = 5_000


@dataclass
class SubmissionImportReport:
    survey: str
    file: str
    read: int
    added: int
    replaced: int
    unchanged: int
    warnings: list[Problem] = field(default_factory=list)
    #: the round the submissions went into (None: the workspace has no round)
    round: SurveyRound | None = None
    #: submissions of the file already in another round, left there
    other_round: int = 0

    def as_dict(self, lang: str = "en") -> dict[str, object]:
        return {
            "ok": True,
            "survey": self.survey,
            "file": self.file,
            "round": None if self.round is None else self.round.to_dict(),
            "read": self.read,
            "added": self.added,
            "replaced": self.replaced,
            "unchanged": self.unchanged,
            "other_round": self.other_round,
            "warnings": [w.as_dict(lang) for w in self.warnings],
        }


def pseudonym_key(secret_key: str) -> bytes:
    """The key of the respondents' pseudonyms, derived from the workspace secret (never the secret itself)."""
    return hashlib.sha256(b"raqmana survey pseudonyms\x00" + secret_key.encode("utf-8")).digest()


def _national(actor: Actor, roles: tuple[Role, ...]) -> bool:
    """Survey answers are national data: only grants over the whole tree reach them."""
    return actor.is_system or any(g.org_id is None and g.role in roles for g in actor.grants)


def _may_import(actor: Actor) -> bool:
    return _national(actor, (Role.ADMIN, Role.COORDINATOR))


def import_submissions(
    session: Session,
    actor: Actor,
    *,
    survey: Survey,
    data: bytes,
    filename: str,
    secret_key: str,
    illustrative: bool = False,
    assessment_id: int | None = None,
) -> SubmissionImportReport:
    """Import a Kobo/ODK export of ``survey`` into the round ``assessment_id`` (None: the newest open
    round); nothing is written unless the whole file is good, nothing into a closed round."""
    if not _may_import(actor):
        raise Forbidden()
    into = import_round(session, assessment_id)
    round_id = None if into is None else into.id
    if data[:2] == b"PK":  # a workbook: its archive is checked before openpyxl sees it
        from raqmana.workspace.xlsx_safe import check_archive

        check_archive(data, filename)
    try:
        result = read_export(data, file=filename, survey=survey, secret=pseudonym_key(secret_key))
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    known = {
        uuid: (sid, digest, revision, owner)
        for sid, uuid, digest, revision, owner in session.execute(
            select(
                SurveySubmission.id,
                SurveySubmission.uuid,
                SurveySubmission.digest,
                SurveySubmission.revision,
                SurveySubmission.assessment_id,
            ).where(SurveySubmission.survey_id == survey.id)
        )
    }
    now = utcnow()
    new: list[dict[str, object]] = []
    replaced = unchanged = adopted = 0
    elsewhere: dict[int, list[int]] = {}  # other round → rows of the file already in it
    for sub in result.submissions:
        digest = sub.digest
        found = known.get(sub.uuid)
        if found is None:
            new.append(_row(survey, sub, digest, filename, illustrative, now, round_id))
            continue
        sid, old_digest, revision, owner = found
        if owner is None and round_id is not None:  # kept before rounds held submissions: this round's now
            claimed = session.get(SurveySubmission, sid)
            assert claimed is not None
            claimed.assessment_id = round_id
            if old_digest == digest:  # new to the round
                adopted += 1
                continue
        elif owner != round_id:
            elsewhere.setdefault(int(owner) if owner is not None else 0, []).append(sub.row)
            continue
        if old_digest == digest:
            unchanged += 1
            continue
        stored = session.get(SurveySubmission, sid)
        assert stored is not None
        session.add(
            SurveySubmissionRevision(
                submission_id=sid,
                revision=revision,
                answers=stored.answers,
                digest=stored.digest,
                submitted_at=stored.submitted_at,
                replaced_at=now,
            )
        )
        stored.answers, stored.digest, stored.revision = sub.answers, digest, revision + 1
        stored.submitted_at, stored.source, stored.imported_at = sub.submitted_at, filename[:255], now
        replaced += 1
    _insert_rows(session, new)
    warnings = list(result.warnings)
    for owner, rows in sorted(elsewhere.items()):
        other = round_named(session, owner) if owner else None
        warnings.append(
            Problem(
                E.IN_OTHER_ROUND,
                Location(file=filename, line=min(rows) or None),
                {
                    "count": len(rows),
                    "round": other.name.model_dump() if other else "—",
                    "period": other.period if other else "—",
                    "row": min(rows),
                },
            )
        )
    report = SubmissionImportReport(
        survey.id,
        filename,
        len(result.submissions),
        len(new) + adopted,
        replaced,
        unchanged,
        warnings,
        round=into,
        other_round=sum(len(rows) for rows in elsewhere.values()),
    )
    record(
        session,
        actor,
        "survey.import",
        "survey",
        survey.id,
        after={
            "file": filename,
            "round": round_id,
            "added": len(new) + adopted,
            "replaced": replaced,
            "unchanged": unchanged,
            "other_round": report.other_round,
        },
    )
    return report


def _insert_rows(session: Session, rows: list[dict[str, object]]) -> None:
    """New submissions into the table, in the import's transaction: PostgreSQL's COPY (one stream, no SQL
    per row), else INSERTs in batches."""
    if not rows:
        return
    connection = session.connection()
    if connection.dialect.name == "postgresql":
        import json

        columns = list(rows[0])
        driver = connection.connection.driver_connection  # psycopg's connection, in this transaction
        assert driver is not None
        with driver.cursor() as cursor:
            sql = f"COPY survey_submissions ({', '.join(columns)}) FROM STDIN"
            with cursor.copy(sql) as copy:
                for row in rows:
                    copy.write_row(
                        [
                            json.dumps(row[c], ensure_ascii=False) if c == "answers" else row[c]
                            for c in columns
                        ]
                    )
        return
    for start in range(0, len(rows), _BATCH):
        session.execute(insert(SurveySubmission), rows[start : start + _BATCH])


def _row(
    survey: Survey,
    sub: Submission,
    digest: str,
    filename: str,
    illustrative: bool,
    now: object,
    round_id: int | None,
) -> dict[str, object]:
    return {
        "assessment_id": round_id,
        "survey_id": survey.id,
        "survey_version": survey.version,
        "uuid": sub.uuid,
        "submitted_at": sub.submitted_at,
        "submitter": sub.submitter,
        "answers": sub.answers,
        "digest": digest,
        "revision": 1,
        "source": filename[:255],
        "illustrative": illustrative,
        "imported_at": now,
    }


def load_submissions(
    session: Session, actor: Actor, *, survey_id: str, assessment_id: int | None = None
) -> list[Submission]:
    """The stored submissions of a survey (pseudonymised answers) for scoring and analysis: those of
    the round ``assessment_id``, or of every round (None)."""
    if not _national(actor, (Role.ADMIN, Role.COORDINATOR, Role.REVIEWER)):
        raise Forbidden()
    return _stored(session, survey_id, assessment_id)


@dataclass
class SurveyReport:
    """What a survey's submissions say: scores with their intervals, the divide among people, and for
    the civil servants' survey the bottlenecks facing workers."""

    survey: Survey
    results: PerceptionResults
    divide: DivideReport | None
    illustrative: bool
    #: number question → breakdown question → option → estimate (e.g. office visits per service)
    breakdowns: dict[str, dict[str, dict[str, Estimate]]] = field(default_factory=dict)
    #: the round whose respondents these are (None: every round's)
    round: SurveyRound | None = None

    def to_dict(self) -> dict[str, object]:
        return {
            "survey": self.survey.id,
            "version": self.survey.version,
            "round": None if self.round is None else self.round.to_dict(),
            "illustrative": self.illustrative,
            **self.results.to_dict(),
            "divide": self.divide.to_dict() if self.divide else None,
            "breakdowns": {
                number: {by: {k: asdict(v) for k, v in table.items()} for by, table in tables.items()}
                for number, tables in self.breakdowns.items()
            },
        }


def divide_of(results: PerceptionResults) -> DivideReport | None:
    """The divide analysis (Gini, Theil, who is furthest behind) over the respondents' scores."""
    from raqmana.analysis.divide import divide

    dimensions = [r.value for r in DIVIDE_ROLES]
    # the respondents themselves are the units (id, score, attributes): no copy of 100,000 of them
    return divide(results.respondents, dimensions) if results.respondents else None


def survey_report(
    session: Session, actor: Actor, *, survey: Survey, assessment_id: int | None = None
) -> SurveyReport:
    """What the submissions of the round ``assessment_id`` (None: of every round) say."""
    from raqmana.surveys.perception import number_by_choice, score

    submissions = load_submissions(session, actor, survey_id=survey.id, assessment_id=assessment_id)
    try:
        results = score(survey, submissions)
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    illustrative = _illustrative(session, survey.id, assessment_id)
    scored = {q.name for q in survey.scored()}
    numbers = [
        q for q in survey.questions if q.kind in (Kind.INTEGER, Kind.DECIMAL) and q.role is SurveyRole.NONE
    ]
    plain = [
        q
        for q in survey.questions
        if q.kind is Kind.SELECT_ONE and q.role is SurveyRole.NONE and q.name not in scored and q.topic == ""
    ]
    breakdowns = {
        n.name: {b.name: number_by_choice(survey, submissions, n.name, b.name) for b in plain}
        for n in numbers
    }
    round_ = None if assessment_id is None else round_named(session, assessment_id)
    return SurveyReport(survey, results, divide_of(results), illustrative, breakdowns, round=round_)


def _stored(session: Session, survey_id: str, assessment_id: int | None) -> list[Submission]:
    """The stored submissions of a survey in the round ``assessment_id`` (None: in every round), for
    aggregated figures only (callers never show answers)."""
    where = [SurveySubmission.survey_id == survey_id]
    if assessment_id is not None:
        where.append(SurveySubmission.assessment_id == assessment_id)
    rows = session.execute(
        select(
            SurveySubmission.uuid,
            SurveySubmission.submitted_at,
            SurveySubmission.answers,
            SurveySubmission.submitter,
        )
        .where(*where)
        .order_by(SurveySubmission.id)
    )
    return [Submission(uuid=u, submitted_at=t, answers=a, submitter=s) for u, t, a, s in rows]


def survey_stamp(session: Session) -> tuple[str, str]:
    """Changes whenever submissions are imported (what the survey parts of the results come from)."""
    count, last = session.execute(
        select(func.count(), func.max(SurveySubmission.imported_at)).select_from(SurveySubmission)
    ).one()
    return str(count), str(last)


def institution_lookup(orgs: Mapping[str, OrgView]) -> Callable[[str], str | None]:
    """The institution code an answer to a survey's institution question stands for: its code or its
    name in any language (case and spacing ignored); None when it names no institution."""
    aliases: dict[str, str] = {}
    for code, org in orgs.items():
        for text in (code, org.name.en, org.name.ar, org.name.ckb):
            if text:
                aliases.setdefault(" ".join(text.casefold().split()), code)
    return lambda answer: aliases.get(" ".join(str(answer).casefold().split()))


def round_surveys(
    session: Session, framework: Framework, orgs: Mapping[str, OrgView], *, assessment_id: int
) -> SurveyInputs | None:
    """What the round's surveys (the submissions imported into the round ``assessment_id``) give it — its questionnaire answered as a form and the ready surveys of
    its framework's pack: the pack's survey indicators with their intervals, the bottlenecks facing
    workers and the divide over each survey's respondents (aggregated figures only). None when no survey
    of the round has scored answers."""
    from raqmana.pipeline.surveys import SurveyInputs
    from raqmana.surveys import packs
    from raqmana.surveys.bottlenecks import bottlenecks
    from raqmana.surveys.indicators import indicator_specs, indicator_values, joint_groups
    from raqmana.surveys.perception import score
    from raqmana.surveys.xlsform_out import from_framework

    framework_id = framework.id
    try:
        specs = indicator_specs(framework_id)
        ready = [packs.read_survey(path) for path in packs.survey_files().values()]
    except ProblemsError as exc:
        raise ValidationFailed(exc.problems) from None
    own = from_framework(framework).model_copy(update={"framework": framework_id})
    surveys = [own, *(s for s in ready if s.id != own.id)]
    lookup = institution_lookup(orgs)
    indicators, ranked, divides, counts, labels, titles = [], [], {}, {}, {}, {}
    illustrative = False
    for survey in surveys:
        if survey.framework != framework_id:
            continue
        submissions = _stored(session, survey.id, assessment_id)
        if not submissions:
            continue
        try:
            results = score(survey, submissions)
        except ProblemsError:
            continue  # nothing scored yet: the survey page says why
        marked = _illustrative(session, survey.id, assessment_id)
        illustrative = illustrative or marked
        counts[survey.id] = results.n
        titles[survey.id] = survey.title
        labels[survey.id] = {
            role.value: {o.name: o.label for o in survey.options(q)}
            for role in DIVIDE_ROLES
            if (q := survey.by_role(role)) is not None
        }
        report = divide_of(results)
        if report is not None:
            divides[survey.id] = report
        own_specs = [spec for spec in specs if spec.survey == survey.id]
        # the survey's respondents compressed once: its indicators share their bootstrap draws
        joint = joint_groups(results, [spec.topic for spec in own_specs], institution_of=lookup)
        indicators += [
            indicator_values(spec, results, institution_of=lookup, illustrative=marked, joint=joint)
            for spec in own_specs
        ]
        ranked += bottlenecks(survey, submissions)
    if not counts:
        return None
    round_ = round_named(session, assessment_id)
    return SurveyInputs(
        indicators=tuple(indicators),
        bottlenecks=tuple(sorted(ranked, key=lambda b: (-b.overall.share, b.item))),
        divides=divides,
        respondents=counts,
        group_labels=labels,
        titles=titles,
        illustrative=illustrative,
        round_name=round_.name,
        round_period=round_.period,
    )


def _illustrative(session: Session, survey_id: str, assessment_id: int | None) -> bool:
    where = [SurveySubmission.survey_id == survey_id, SurveySubmission.illustrative.is_(True)]
    if assessment_id is not None:
        where.append(SurveySubmission.assessment_id == assessment_id)
    return bool(session.scalar(select(SurveySubmission.id).where(*where).limit(1)))


#: the ready surveys the demo fills with illustrative submissions, and how many
DEMO_SURVEYS = (("civil_servants", 400), ("citizens_eservices", 800))


def demo_surveys(
    ws: Workspace, out: Path, *, seed: int = 2026, assessment_id: int | None = None
) -> list[Path]:
    """ILLUSTRATIVE submissions for the ready surveys, imported as a Kobo export is into the round
    ``assessment_id`` (None: the newest open one); their XLSForms, the exports and the results written
    to ``out/surveys``. Returns the files written."""
    import json

    from raqmana.surveys import packs, xlsform_out
    from raqmana.surveys.illustrative import submissions_csv
    from raqmana.workspace.actors import SYSTEM

    folder = out / "surveys"
    folder.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    for survey_id, n in DEMO_SURVEYS:
        survey = packs.find(survey_id)
        export = folder / f"{survey_id}-illustrative-kobo.csv"
        export.write_bytes(submissions_csv(survey, n=n, seed=seed))
        form = xlsform_out.write(survey, folder / f"{survey_id}.xlsx")
        with ws.transaction() as s:
            imported = import_submissions(
                s,
                SYSTEM,
                survey=survey,
                data=export.read_bytes(),
                filename=export.name,
                secret_key=ws.settings.secret_key,
                illustrative=True,
                assessment_id=assessment_id,
            )
            into = imported.round.id if imported.round is not None else None
        with ws.reader() as s:
            report = survey_report(s, SYSTEM, survey=survey, assessment_id=into)
        results = folder / f"{survey_id}-results.json"
        results.write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=2), encoding="utf-8")
        written += [form, export, results]
    return written


#: the job kind of a submission import run by a worker (large exports, with progress)
SURVEY_IMPORT = "survey_import"


def enqueue_survey_import(
    session: Session,
    actor: Actor,
    *,
    settings: Settings,
    survey: str,
    filename: str,
    data: bytes,
    assessment_id: int | None = None,
) -> JobView:
    """Queue the import of one export of ``survey`` (a ready survey or pack name) into the round
    ``assessment_id`` (None: the newest open one, chosen now) for a worker."""
    from raqmana.workspace.job_handlers import uploads
    from raqmana.workspace.jobs import enqueue

    if not _may_import(actor):
        raise Forbidden()
    into = import_round(session, assessment_id)  # a closed round is refused before the file is kept
    digest = uploads(settings).put(data, session=session)
    payload = {"survey": survey, "filename": filename, "sha256": digest, "round": into and into.id}
    return enqueue(session, actor, kind=SURVEY_IMPORT, payload=payload)


def run_survey_import(
    ws: Workspace, payload: dict[str, Any], progress: Callable[[float, str], None]
) -> dict[str, Any]:
    """The worker's side of :func:`enqueue_survey_import`: all or nothing, progress as it goes."""
    from raqmana.surveys import packs
    from raqmana.workspace.job_handlers import uploads
    from raqmana.workspace.jobs import payload_actor

    into = payload.get("assessment_id", payload.get("round"))
    if payload.get("assessment_id") is not None:  # a survey of a round (its questionnaire or a ready one)
        from raqmana.workspace.survey_round import round_survey

        with ws.reader() as s:
            actor = payload_actor(s, payload["actor"])
            survey = round_survey(s, actor, int(payload["assessment_id"]), str(payload["survey"]))
    else:
        try:
            survey = packs.find(str(payload["survey"]))
        except ProblemsError as exc:
            raise ValidationFailed(exc.problems) from None
    data = uploads(ws.settings).read(str(payload["sha256"]))
    # progress is written in its own transaction: before and after the import's, never inside it (SQLite
    # has one writer, and the import is all or nothing)
    progress(0.05, f"{len(data)} bytes")
    with ws.transaction() as s:
        report = import_submissions(
            s,
            payload_actor(s, payload["actor"]),
            survey=survey,
            data=data,
            filename=str(payload["filename"]),
            secret_key=ws.settings.secret_key,
            assessment_id=None if into is None else int(into),
        )
    progress(1.0, f"{report.added} added, {report.replaced} replaced, {report.unchanged} unchanged")
    uploads(ws.settings).remove(str(payload["sha256"]))
    return report.as_dict()
