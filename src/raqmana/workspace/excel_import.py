"""Import a questionnaire workbook: every row is checked first, then all changes are saved in the
caller's transaction — or none, with the full list of located problems in the user's language."""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Any

from openpyxl import load_workbook
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from raqmana.frameworks import Framework
from raqmana.i18n import LOCALES
from raqmana.problems import Location, Problem, split
from raqmana.store.models import FrameworkVersion, Response, ResponseRevision
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.answers import Answer, Value, coerce
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.excel_layout import (
    ANSWERS_TITLE,
    COL,
    COLUMNS,
    FORMAT_VERSION,
    LETTER,
    META_SHEET,
    OLD_HEADINGS,
    flag_value,
    parse_stage,
)
from raqmana.workspace.exceptions import Conflict, Forbidden, ValidationFailed, problem
from raqmana.workspace.response_views import user_names
from raqmana.workspace.responses import (
    EDITABLE,
    Context,
    add_revision,
    context,
    set_value,
)
from raqmana.workspace.views import (
    DONT_KNOW_LABEL,
    NA_LABEL,
    NO_LABEL,
    YES_LABEL,
    ResponseState,
    WorkbookImportReport,
)
from raqmana.workspace.xlsx_safe import READ_ERRORS, check_archive, unreadable

MAX_BYTES = 20 * 1024 * 1024
#: answer field → workbook column key
_FIELD_COLUMN = {"value": "answer", "na": "na", "justification": "justification"}


@dataclass(frozen=True, slots=True)
class _Change:
    indicator_id: str
    value: Value
    response: Response | None


def _meta(wb: Any, filename: str) -> dict[str, str]:
    if META_SHEET not in wb.sheetnames:
        raise ValidationFailed.one(
            E.WORKBOOK_META, Location(file=filename), detail=f"{META_SHEET} sheet missing"
        )
    meta = {}
    for row in wb[META_SHEET].iter_rows(min_row=1, max_row=50, max_col=2, values_only=True):
        if row and row[0] is not None:
            meta[str(row[0])] = "" if len(row) < 2 or row[1] is None else str(row[1])
    if (
        meta.get("format") != FORMAT_VERSION
        or not meta.get("assessment_id", "").isdigit()
        or len(meta["assessment_id"]) > 18  # an id, not a number the database cannot hold
        or not meta.get("institution")
        or meta.get("lang") not in LOCALES
    ):
        raise ValidationFailed.one(
            E.WORKBOOK_META, Location(file=filename, sheet=META_SHEET), detail="format"
        )
    return meta


def require_import_rights(ctx: Context) -> None:
    """A workbook is imported by the institution's focal point, or by a coordinator/administrator who
    collected the filled workbooks (the revisions name who imported them)."""
    if not (ctx.rights.answer or ctx.rights.manage):
        raise Forbidden()
    if ctx.assessment.status != "open":
        raise Forbidden(E.ROUND_CLOSED)


def import_workbook(
    session: Session,
    actor: Actor,
    *,
    data: bytes,
    filename: str = "",
    lang: str | None = None,
    assessment_id: int | None = None,
) -> WorkbookImportReport:
    """Apply a workbook exported by :func:`export_workbook` (its language is read from the workbook).
    ``lang`` is accepted for symmetry with the export; problems carry all three languages. With
    ``assessment_id`` a workbook of another round is refused."""
    filename = filename or "workbook.xlsx"
    meta, title, rows = _read(data, filename)
    if assessment_id is not None and int(meta["assessment_id"]) != assessment_id:
        raise ValidationFailed.one(
            E.WORKBOOK_OTHER_ROUND,
            Location(file=filename, sheet=META_SHEET),
            theirs=int(meta["assessment_id"]),
            ours=assessment_id,
        )
    ctx = context(session, actor, int(meta["assessment_id"]), meta["institution"])
    require_import_rights(ctx)
    fv = session.get(FrameworkVersion, ctx.assessment.framework_version_id)
    if fv is None or meta.get("framework_hash") != fv.hash:
        raise ValidationFailed.one(
            E.WORKBOOK_META, Location(file=filename, sheet=META_SHEET), detail="framework"
        )
    changes, unchanged, problems = _check(session, ctx, rows, meta["lang"], filename, title)
    problems.sort(key=lambda p: (p.location.line or 0, p.location.column))
    errors, warnings = split(problems)
    if errors:
        raise ValidationFailed(problems)
    _apply(session, actor, ctx, changes)
    return WorkbookImportReport(ctx.assessment.id, ctx.org.code, len(changes), unchanged, warnings)


def _read(data: bytes, filename: str) -> tuple[dict[str, str], str, list[tuple[Any, ...]]]:
    """The workbook's hidden metadata, the title of its answers sheet and that sheet's rows; a damaged or
    hostile file (XML or ZIP bomb) is refused as unreadable, never with a traceback."""
    if len(data) > MAX_BYTES or not data.startswith(b"PK"):
        raise unreadable(filename)
    check_archive(data, filename)
    try:
        wb = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            meta = _meta(wb, filename)
            title = ANSWERS_TITLE.get(meta["lang"])
            if title not in wb.sheetnames:
                raise ValidationFailed.one(E.SHEET_MISSING, Location(file=filename), sheet=title)
            rows = [tuple(r) for r in wb[title].iter_rows(min_row=1, max_col=len(COLUMNS), values_only=True)]
        finally:
            wb.close()
    except ValidationFailed:
        raise
    except READ_ERRORS:
        raise unreadable(filename) from None
    return meta, title, rows


def _check(
    session: Session, ctx: Context, rows: list[tuple[Any, ...]], lang: str, filename: str, sheet: str
) -> tuple[list[_Change], int, list[Problem]]:
    fw: Framework = ctx.framework
    problems: list[Problem] = []

    def at(row: int, key: str) -> Location:
        return Location(file=filename, sheet=sheet, line=row, column=LETTER[key])

    header = rows[0] if rows else ()
    for key, heading in COLUMNS:
        got = header[COL[key] - 1] if len(header) >= COL[key] else None
        if str(got or "").strip() not in (heading.get(lang), *OLD_HEADINGS.get(key, ())):
            problems.append(problem(E.HEADER_CHANGED, at(1, key), expected=heading.get(lang)))
    if problems:
        return [], 0, problems
    known = {i.id: i for i in fw.indicators()}
    current = {
        r.indicator_id: r
        for r in session.scalars(
            select(Response).where(Response.assessment_id == ctx.assessment.id, Response.org_id == ctx.org.id)
        )
    }
    names = user_names(session, [r.assessor_id for r in current.values()])
    seen: dict[str, int] = {}
    changes: list[_Change] = []
    unchanged = 0
    for n, raw in enumerate(rows[1:], start=2):
        cells = dict(
            zip([k for k, _ in COLUMNS], list(raw) + [None] * (len(COLUMNS) - len(raw)), strict=True)
        )
        ind_id = str(cells["id"] or "").strip()
        if not ind_id:
            if any(cells[k] not in (None, "") for k in ("answer", "na", "dont_know", "justification")):
                problems.append(problem(E.ROW_UNKNOWN_INDICATOR, at(n, "id"), indicator=""))
            continue
        if ind_id not in known:
            problems.append(problem(E.ROW_UNKNOWN_INDICATOR, at(n, "id"), indicator=ind_id[:64]))
            continue
        if ind_id in seen:
            problems.append(problem(E.ROW_DUPLICATE, at(n, "id"), indicator=ind_id, first=seen[ind_id]))
            continue
        seen[ind_id] = n
        flags = {}
        for key in ("na", "dont_know"):
            flags[key] = flag_value(cells[key])
            if flags[key] is None:
                problems.append(
                    problem(
                        E.FLAG_INVALID,
                        at(n, key),
                        value=str(cells[key])[:50],
                        allowed=" / ".join(_yes_no(lang)),
                    )
                )
        if None in flags.values():
            continue
        ind = known[ind_id]
        value_in = parse_stage(cells["answer"], fw) if ind.answer_type.value == "ladder" else cells["answer"]
        if isinstance(value_in, float) and value_in.is_integer() and ind.answer_type.value == "text":
            value_in = str(int(value_in))

        def where(field: str, row: int = n) -> Location:
            return at(row, _FIELD_COLUMN.get(field, "answer"))

        try:
            value = coerce(
                ind,
                Answer(
                    value_in, bool(flags["na"]), bool(flags["dont_know"]), str(cells["justification"] or "")
                ),
                where=where,
            )
        except ValidationFailed as exc:
            problems.extend(exc.problems)
            continue
        for key, label in (("na", NA_LABEL), ("dont_know", DONT_KNOW_LABEL)):
            if flags[key] and cells["answer"] not in (None, "") and str(cells["answer"]).strip():
                problems.append(
                    problem(
                        E.ANSWER_IGNORED_FLAG,
                        at(n, "answer"),
                        value=str(cells["answer"])[:50],
                        flag=label.model_dump(),
                    )
                )
                break
        r = current.get(ind_id)
        if (r is None and not value.answered) or (r is not None and Value.of(r) == value):
            unchanged += 1
            continue
        theirs = _int(cells["version"])
        if r is not None and theirs != r.version:
            author = names.get(r.assessor_id, "?") if r.assessor_id else "?"
            # three-way merge: a row left as exported keeps the newer answer of raqmana
            code = E.ROW_KEPT_SERVER if _exported_value(session, r, theirs) == value else E.ROW_STALE
            problems.append(problem(code, at(n, "answer"), theirs=theirs, ours=r.version, author=author))
            if code is E.ROW_KEPT_SERVER:
                unchanged += 1
            continue
        if r is not None and r.state not in EDITABLE:
            problems.append(problem(E.ROW_LOCKED, at(n, "answer"), state=E.STATES[r.state]))
            continue
        changes.append(_Change(ind_id, value, r))
    return changes, unchanged, problems


def _exported_value(session: Session, r: Response, version: int) -> Value | None:
    """The answer ``r`` had at ``version`` (what the workbook was exported with), from its revisions;
    None when that version is unknown."""
    if version == 0:
        return Value()
    if version < 0 or version > r.version:
        return None
    rev = session.scalars(
        select(ResponseRevision)
        .where(ResponseRevision.response_id == r.id, ResponseRevision.version == version)
        .order_by(ResponseRevision.id.desc())
        .limit(1)
    ).first()
    return Value.of(rev) if rev is not None else None


def _int(value: object) -> int:
    try:
        return int(float(str(value)))
    except (TypeError, ValueError):
        return -1


def _yes_no(lang: str) -> list[str]:
    return [YES_LABEL.get(lang), NO_LABEL.get(lang)]


def _apply(session: Session, actor: Actor, ctx: Context, changes: list[_Change]) -> None:
    now = utcnow()
    fw = ctx.framework
    touched: list[tuple[Response, dict[str, Any] | None]] = []
    for ch in changes:
        r = ch.response
        before = Value.of(r).as_dict() if r is not None and r.version > 0 else None
        if r is None:
            r = Response(
                assessment_id=ctx.assessment.id,
                org_id=ctx.org.id,
                indicator_id=ch.indicator_id,
                pillar_id=fw.pillar_of(ch.indicator_id).id,
                version=0,
                created_at=now,
            )
            session.add(r)
        set_value(r, ch.value)
        r.state, r.version, r.assessor_id, r.updated_at = (
            ResponseState.DRAFT.value,
            r.version + 1,
            actor.user_id,
            now,
        )
        touched.append((r, before))
    try:
        session.flush()
    except (StaleDataError, IntegrityError):
        raise Conflict(E.STALE_VERSION, author="?", version="?") from None
    for r, _ in touched:
        add_revision(session, r, "import", actor, now)
    record_many(
        session,
        [
            draft(
                actor,
                "response.import",
                "response",
                r.id,
                before=before,
                after={**Value.of(r).as_dict(), "version": r.version, "state": r.state},
            )
            for r, before in touched
        ],
    )
