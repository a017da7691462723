"""Citizen feedback and complaints in exchange files (CSV or JSON, the columns of
:mod:`raqmana.participation.exchange`), for other complaint systems: export what the caller may read,
import all-or-nothing by tracking number, referral history kept."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.celltext import FORMULA_START, csv_text
from raqmana.i18n.vocabulary import CaseState, Channel, FeedbackKind
from raqmana.participation import errors as P
from raqmana.participation.exchange import COLUMNS, REQUIRED, CaseRow, parse_row, to_row
from raqmana.problems import Location, Problem
from raqmana.store.models import FeedbackCase, Organisation
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.exceptions import ValidationFailed, problem
from raqmana.workspace.participation import ImportReport, may_handle, require_signed_in, visible_cases
from raqmana.workspace.tabular import read_table


def _row_of(case: FeedbackCase, org: Organisation) -> CaseRow:
    return CaseRow(
        tracking=case.tracking,
        kind=FeedbackKind(case.kind),
        institution=org.code,
        state=CaseState(case.state),
        channel=Channel(case.channel),
        text=case.body,
        received_at=case.received_at,
        due_at=case.due_at,
        service=case.service_code,
        rating=case.rating,
        visits=case.visits,
        answer=case.answer,
        change_made=case.change_made,
        answered_at=case.answered_at,
        closed_at=case.closed_at,
        contact=case.contact,
        contact_consent=case.contact_consent,
        referrals=list(case.referrals or []),
        illustrative=case.illustrative,
    )


def export_cases(session: Session, actor: Actor, *, fmt: str) -> bytes:
    """The cases the caller may read as ``csv`` or ``json`` (text cells through the formula guard in CSV;
    the contact only where the person agreed to share it)."""
    require_signed_in(actor)
    rows = [to_row(_row_of(c, o)) for c, o in visible_cases(session, actor)]
    if fmt == "json":
        out = [{**r, "referrals": json.loads(r["referrals"]) if r["referrals"] else []} for r in rows]
        return json.dumps(out, ensure_ascii=False, indent=1).encode()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows([csv_text(r[c]) for c in COLUMNS] for r in rows)
    return buffer.getvalue().encode("utf-8-sig")


def _unguard(value: Any) -> Any:
    """A CSV cell as written by the formula guard, back to its text."""
    if isinstance(value, str) and value.startswith("'") and value[1:].startswith(FORMULA_START):
        return value[1:]
    return value


def _rows(data: bytes, filename: str) -> list[tuple[dict[str, Any], Any]]:
    """(values, locate) per case of a CSV or JSON file."""
    if filename.lower().endswith(".json"):
        try:
            items = json.loads(data.decode("utf-8-sig"))
        except (UnicodeDecodeError, ValueError) as exc:
            raise ValidationFailed.one(P.BAD_JSON, Location(file=filename), reason=str(exc)[:200]) from None
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise ValidationFailed.one(P.BAD_JSON, Location(file=filename), reason="a list of objects")
        return [
            (item, lambda column, n=n: Location(file=filename, path=f"[{n}].{column}"))
            for n, item in enumerate(items)
        ]
    table = read_table(data, filename)
    missing = [c for c in REQUIRED if c not in table.header]
    if missing:
        raise ValidationFailed([problem(P.MISSING_COLUMN, table.loc(), column=c) for c in missing])
    return [({k: _unguard(v) for k, v in row.values.items()}, row.loc) for row in table.rows]


def import_cases(session: Session, actor: Actor, *, data: bytes, filename: str) -> ImportReport:
    """Cases from another system (CSV or JSON, the export's columns) applied all-or-nothing by tracking
    number: every problem located by row (or JSON path) and column; on any error nothing changes."""
    require_signed_in(actor)
    if not filename.lower().endswith((".csv", ".json")):
        raise ValidationFailed.one(P.FILE_TYPE, Location(file=filename), filename=filename)
    orgs = {o.code: o for o in session.scalars(select(Organisation))}
    problems: list[Problem] = []
    parsed: list[CaseRow] = []
    first: dict[str, int] = {}
    for n, (values, loc) in enumerate(_rows(data, filename), start=2):
        row, found = parse_row(values, loc)
        problems += found
        if row is None:
            continue
        if row.tracking in first:
            problems.append(
                problem(P.DUPLICATE_TRACKING, loc("tracking"), value=row.tracking, first=first[row.tracking])
            )
            continue
        first[row.tracking] = n
        org = orgs.get(row.institution)
        if org is None:
            problems.append(problem(P.UNKNOWN_INSTITUTION, loc("institution"), value=row.institution[:64]))
        elif not may_handle(actor, org):
            problems.append(problem(P.NOT_HANDLER, loc("institution"), value=row.institution))
        else:
            parsed.append(row)
    existing = {
        c.tracking: c
        for c in session.scalars(select(FeedbackCase).where(FeedbackCase.tracking.in_(list(first))))
    }
    by_id = {o.id: o for o in orgs.values()}
    for case in existing.values():
        if not may_handle(actor, by_id[case.org_id]):
            problems.append(
                problem(
                    P.NOT_HANDLER, Location(file=filename, field="tracking"), value=by_id[case.org_id].code
                )
            )
    if problems:
        raise ValidationFailed(problems)
    created = updated = 0
    events = []
    for row in parsed:
        values = _columns(row, orgs[row.institution].id)
        stored = existing.get(row.tracking)
        if stored is None:
            session.add(
                FeedbackCase(
                    tracking=row.tracking,
                    lang="",
                    source=f"import:{filename[:50]}",
                    version=1,
                    hidden=False,
                    **values,
                )
            )
            created += 1
            events.append(draft(actor, "feedback.import", "feedback", row.tracking, after=_audit_row(row)))
        elif any(getattr(stored, k) != v for k, v in values.items()):
            before = _audit_row(_row_of(stored, by_id[stored.org_id]))
            for k, v in values.items():
                setattr(stored, k, v)
            stored.version += 1
            updated += 1
            events.append(
                draft(
                    actor, "feedback.import", "feedback", row.tracking, before=before, after=_audit_row(row)
                )
            )
    session.flush()
    record_many(session, events)
    return ImportReport(created=created, updated=updated, unchanged=len(parsed) - created - updated)


def _columns(row: CaseRow, org_id: int) -> dict[str, Any]:
    return {
        "kind": str(row.kind),
        "org_id": org_id,
        "service_code": row.service,
        "rating": row.rating,
        "channel": str(row.channel),
        "visits": row.visits,
        "body": row.text,
        "contact": row.contact,
        "contact_consent": row.contact_consent,
        "state": str(row.state),
        "answer": row.answer,
        "change_made": row.change_made,
        "referrals": row.referrals,
        "illustrative": row.illustrative,
        "received_at": row.received_at,
        "due_at": row.due_at,
        "answered_at": row.answered_at,
        "closed_at": row.closed_at,
    }


def _audit_row(row: CaseRow) -> dict[str, Any]:
    return {
        "institution": row.institution,
        "kind": str(row.kind),
        "state": str(row.state),
        "contact_given": row.contact is not None,
    }
