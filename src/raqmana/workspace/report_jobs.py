"""Report rendering as a job: the national report, one institution's profile, or all of them.

Rendering is resumable: each file is written under a temporary name and moved into place, and a
batch skips the files that are already there, so a worker that stops mid-batch picks up where it
left off. A renderer failure marks the job failed with the reason; earlier reports stay available.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy.orm import Session

from raqmana.atomic import replacing
from raqmana.pipeline import ChainResult
from raqmana.problems import Location, Problem
from raqmana.reports import errors as E
from raqmana.reports.institution import build_institution
from raqmana.reports.national import build_national
from raqmana.reports.render import FORMATS, render
from raqmana.store.jobs import DONE
from raqmana.store.models import Job
from raqmana.store.types import utcnow
from raqmana.workspace.actors import Actor
from raqmana.workspace.exceptions import Forbidden, ValidationFailed
from raqmana.workspace.job_handlers import REPORT as REPORT
from raqmana.workspace.jobs import Progress, enqueue, job_view, payload_actor
from raqmana.workspace.results import assessment_results
from raqmana.workspace.views import JobView

if TYPE_CHECKING:
    from raqmana.workspace.factory import Workspace

SCOPES = ("national", "institution", "all-institutions")


def reports_dir(data_dir: Path, assessment_id: int) -> Path:
    return data_dir / "reports" / f"assessment-{assessment_id}"


#: the names report jobs write (``national-ar.pdf``, ``mofa-en.docx``): the only ones published
REPORT_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]*-(ar|ckb|en)\.(pdf|docx|xlsx|html|json)")


def publish_reports(files: Iterable[Path], data_dir: Path, assessment_id: int) -> list[Path]:
    """Copy report files made outside the workspace — e.g. by ``raqmana demo`` into its output folder, or
    by ``raqmana report --out`` — into the assessment's reports directory, where the web Reports page
    lists them (national reports at its top, institution profiles under ``institutions/``). Files with
    other names are left out; each copy replaces an older one atomically. Returns the copies."""
    base = reports_dir(data_dir, assessment_id)
    copied: list[Path] = []
    for src in files:
        src = Path(src)
        if not src.is_file() or REPORT_NAME.fullmatch(src.name) is None:
            continue
        subject = src.name.rsplit("-", 1)[0]
        target = base / src.name if subject == "national" else base / "institutions" / src.name
        target.parent.mkdir(parents=True, exist_ok=True)
        with replacing(target) as tmp:
            shutil.copy2(src, tmp)
        copied.append(target)
    return copied


def record_published_reports(
    session: Session, files: Sequence[Path], data_dir: Path, assessment_id: int, *, by: str
) -> JobView | None:
    """A finished report job for national reports made outside the queue and published with
    :func:`publish_reports` (``raqmana demo``): the Jobs page lists it beside the reports started on the
    web, and its page links each file. ``by`` names the command (the job's worker); None when no file is
    a published national report."""
    base = reports_dir(data_dir, assessment_id)
    written = sorted(
        str(Path(f).relative_to(base))
        for f in files
        if Path(f).parent == base and REPORT_NAME.fullmatch(Path(f).name)
    )
    if not written:
        return None
    found = [REPORT_NAME.fullmatch(Path(p).name) for p in written]
    langs = sorted({m.group(1) for m in found if m}, key=("ar", "ckb", "en").index)
    formats = sorted({m.group(2) for m in found if m}, key=lambda f: FORMATS.index(f) if f in FORMATS else 9)
    now = utcnow()
    job = Job(
        kind=REPORT,
        payload={
            "assessment_id": assessment_id,
            "scope": "national",
            "institution": None,
            "langs": langs,
            "formats": formats,
            "actor": {"user_id": None, "system": by},
        },
        status=DONE,
        progress=1.0,
        message=f"{len(written)}/{len(written)}",
        result={"scope": "national", "written": written, "skipped": 0, "kept": [], "dir": str(base)},
        attempts=1,
        worker=by,
        created_by=None,
        created_at=now,
        started_at=now,
        finished_at=now,
    )
    session.add(job)
    session.flush()
    return job_view(job)


def _check(scope: str, langs: Sequence[str], formats: Sequence[str]) -> None:
    bad = [Problem(E.BAD_SCOPE, Location(field="scope"), {"value": scope})] if scope not in SCOPES else []
    bad += [
        Problem(E.BAD_LANG, Location(field="lang"), {"value": x})
        for x in langs
        if x not in ("ar", "ckb", "en")
    ]
    bad += [
        Problem(E.BAD_FORMAT, Location(field="format"), {"value": x}) for x in formats if x not in FORMATS
    ]
    if bad:
        raise ValidationFailed(bad)


def render_reports(
    chain: ChainResult,
    out_dir: Path,
    *,
    scope: str,
    institution: str | None = None,
    langs: Sequence[str] = ("ar", "ckb", "en"),
    formats: Sequence[str] = ("pdf",),
    progress: Callable[[float, str], None] | None = None,
    force: bool = False,
) -> dict[str, Any]:
    """Render the reports of ``scope`` into ``out_dir``; files already there are kept (resume) unless
    ``force`` (answers changed since they were made). Returns the files ``written`` and ``kept``
    (relative to ``out_dir``) and ``skipped``, the number of reports kept."""
    _check(scope, langs, formats)
    inputs = chain.inputs
    if scope == "national":
        targets: list[str | None] = [None]
    elif scope == "institution":
        if not institution:
            raise ValidationFailed([Problem(E.INSTITUTION_REQUIRED, Location(field="institution"))])
        if institution not in {i.code for i in inputs.institutions}:
            raise ValidationFailed(
                [Problem(E.NO_INSTITUTION, Location(field="institution"), {"value": institution or ""})]
            )
        targets = [institution]
    else:
        targets = [i.code for i in inputs.institutions]
    by_code = {i.code: i for i in inputs.institutions}
    recs: dict[str, list[Any]] = {}
    if chain.plan is not None:
        for r in chain.plan.recommendations.recommendations:
            if r.institution:
                recs.setdefault(r.institution, []).append((r.id, r.title, r.horizon.value))
    written: list[str] = []
    kept: list[str] = []
    skipped = 0
    total = len(targets) * len(langs)
    done = 0
    for code in targets:
        sub = out_dir if code is None else out_dir / "institutions"
        for lang in langs:
            name = "national" if code is None else code
            base = f"{name}-{lang}"
            if not force and code is not None and all((sub / f"{base}.{f}").is_file() for f in formats):
                kept += [str((sub / f"{base}.{f}").relative_to(out_dir)) for f in formats]
                skipped += 1
            else:
                report = (
                    build_national(inputs, lang)
                    if code is None
                    else build_institution(inputs, by_code[code], lang, recommendations=recs.get(code, []))
                )
                written += [str(p.relative_to(out_dir)) for p in render(report, sub, formats, basename=base)]
            done += 1
            if progress is not None and (done == total or done % 5 == 0 or code is None):
                progress(done / total, f"{done}/{total}")
    return {"scope": scope, "written": written, "skipped": skipped, "kept": kept, "dir": str(out_dir)}


def report_subjects(session: Session, actor: Actor, assessment_id: int) -> frozenset[str]:
    """The report subjects the actor may read in a round: ``national`` (every reader of the round reads
    the national results) and the codes of the institutions it may read. NotFound for outsiders."""
    from raqmana.workspace.permissions import get_assessment_for_user, institution_rights

    get_assessment_for_user(session, actor, assessment_id)
    codes = {org.code for org, _ in institution_rights(session, actor, assessment_id).values()}
    return frozenset({"national", *codes})


def check_report_scope(
    session: Session, actor: Actor, *, assessment_id: int, scope: str, institution: str | None
) -> None:
    """Who may make which report: the national report, any reader of the round (it is what they read on
    the results page); one institution's profile, the readers of that institution (NotFound for others,
    as its results page); every profile at once, only managers of the whole round (Forbidden for others)."""
    from raqmana.workspace.permissions import get_assessment_for_user, get_institution_for_user

    _, rights = get_assessment_for_user(session, actor, assessment_id)  # 404 for outsiders
    if scope == "all-institutions" and not rights.manage:
        raise Forbidden()
    if scope == "institution" and institution and not rights.manage:
        get_institution_for_user(session, actor, assessment_id, institution)


def enqueue_report(
    session: Session,
    actor: Actor,
    *,
    assessment_id: int,
    scope: str,
    institution: str | None = None,
    langs: Sequence[str] = ("ar", "ckb", "en"),
    formats: Sequence[str] = ("pdf",),
    runs: int | None = None,
) -> JobView:
    _check(scope, langs, formats)
    check_report_scope(session, actor, assessment_id=assessment_id, scope=scope, institution=institution)
    return enqueue(
        session,
        actor,
        kind=REPORT,
        payload={
            "assessment_id": assessment_id,
            "scope": scope,
            "institution": institution,
            "langs": list(langs),
            "formats": list(formats),
            "runs": runs,
        },
    )


def run_report(ws: Workspace, payload: dict[str, Any], progress: Progress) -> dict[str, Any]:
    aid = int(payload["assessment_id"])
    progress(0.0, "scoring")
    with ws.reader() as s:
        actor = payload_actor(s, payload["actor"])
        chain = assessment_results(
            s,
            aid,
            actor=actor,
            mc_runs=None if payload.get("runs") is None else int(payload["runs"]),  # None: the round's
            data_dir=ws.settings.data_dir,
            digits=ws.settings.digit_shape,
            country=ws.settings.country,
        )
    result = render_reports(
        chain,
        reports_dir(ws.settings.data_dir, aid),
        scope=payload["scope"],
        institution=payload.get("institution"),
        langs=payload.get("langs", ["en"]),
        formats=payload.get("formats", ["pdf"]),
        progress=progress,
    )
    from raqmana.workspace.outbox import emit

    with ws.transaction() as s:
        emit(
            s,
            "report.ready",
            "assessment",
            aid,
            {
                "assessment_id": aid,
                "scope": payload["scope"],
                "institution": payload.get("institution"),
                "langs": payload.get("langs", ["en"]),
                "formats": payload.get("formats", ["pdf"]),
            },
        )
    return result
