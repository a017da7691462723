"""The service catalogue: read it, edit one service, import and export it as CSV or XLSX.

Who may do what: every signed-in person reads the catalogue; a service is changed by its owner
institution (a focal point or manager whose grant covers the owner) and by coordinators and
administrators over their subtree (the whole tree: everywhere). Every change goes on the audit chain
with the record before and after; an import is all-or-nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.metrics import DerivedKpis, ServiceRecord, check_service, derive_kpis
from raqmana.metrics import errors as M
from raqmana.metrics.kpis import ServiceMeasures
from raqmana.metrics.service import COLUMNS, REQUIRED_COLUMNS, parse_row, to_row
from raqmana.problems import Location, Problem
from raqmana.store.models import Organisation, Service
from raqmana.store.types import utcnow
from raqmana.workspace.actors import MANAGER_ROLES, Actor, Role
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.exceptions import (
    Conflict,
    Forbidden,
    NotAuthenticated,
    NotFound,
    ValidationFailed,
    problem,
)
from raqmana.workspace.tabular import read_table, write_table

EDIT_ROLES = MANAGER_ROLES | {Role.FOCAL_POINT}


class ServiceView(BaseModel):
    """A service of the catalogue as people read it."""

    record: ServiceRecord
    owner_name: Translated
    version: int
    updated_at: datetime
    can_edit: bool = False
    #: the edit waiting for review that this change made (an owner's edit); ``record`` is then the card
    #: as proposed, and the catalogue keeps the accepted one until a reviewer accepts it
    pending_edit: int | None = None


class ImportReport(BaseModel):
    created: int
    updated: int
    unchanged: int
    #: services whose change waits for review (an owner institution's import)
    submitted: int = 0


def _require_reader(actor: Actor) -> None:
    if actor.user_id is None and not actor.is_system:
        raise NotAuthenticated()


def may_edit(actor: Actor, org: Organisation) -> bool:
    return actor.is_system or bool(actor.roles_at(org.path) & EDIT_ROLES)


def may_review(actor: Actor, org: Organisation) -> bool:
    """Coordinators and administrators over the owner apply their changes at once and review the owner's."""
    return actor.is_system or bool(actor.roles_at(org.path) & MANAGER_ROLES)


def record_of(s: Service) -> ServiceRecord:
    return ServiceRecord.model_validate(s.record)


def org_name(o: Organisation) -> Translated:
    return Translated(en=o.name_en, ar=o.name_ar, ckb=o.name_ckb)


def _view(actor: Actor, s: Service, org: Organisation) -> ServiceView:
    return ServiceView(
        record=record_of(s),
        owner_name=org_name(org),
        version=s.version,
        updated_at=s.updated_at,
        can_edit=may_edit(actor, org),
    )


def service_rows(session: Session) -> list[tuple[Service, Organisation]]:
    q = select(Service, Organisation).join(Organisation, Organisation.id == Service.owner_org_id)
    return [(s, o) for s, o in session.execute(q.order_by(Service.code))]


def list_services(session: Session, actor: Actor) -> list[ServiceView]:
    """Every service of the catalogue, by code."""
    _require_reader(actor)
    return [_view(actor, s, o) for s, o in service_rows(session)]


def catalogue_records(session: Session) -> list[ServiceRecord]:
    return [record_of(s) for s, _ in service_rows(session)]


#: the measures the derived KPIs read, pulled out of the stored records by the database
_MEASURES = (
    "visits_before",
    "visits_now",
    "annual_transactions",
    "documents_required",
    "documents_held",
)


def catalogue_kpis(session: Session, actor: Actor) -> DerivedKpis:
    """The derived KPIs of the whole catalogue as it stands. Only the measures are read (JSON paths that
    SQLite and PostgreSQL evaluate), not whole records: 3,000 services in a few tens of milliseconds."""
    _require_reader(actor)
    return derive_kpis(catalogue_kpis_measures(session))


def catalogue_kpis_measures(session: Session) -> list[ServiceMeasures]:
    """The measures of every service, read by the database from the stored records."""
    q = select(
        Service.code,
        Service.level,
        *(Service.record[m].as_integer() for m in _MEASURES),
        Service.record["processing_days"].as_float(),
        Service.record["illustrative"].as_boolean(),
    )
    return [
        ServiceMeasures(
            code,
            level,
            int(before or 0),
            int(now or 0),
            int(transactions or 0),
            int(required or 0),
            int(held or 0),
            float(days or 0),
            bool(illustrative),
        )
        for code, level, before, now, transactions, required, held, days, illustrative in session.execute(q)
    ]


def get_service(session: Session, actor: Actor, code: str) -> ServiceView:
    _require_reader(actor)
    found = session.execute(
        select(Service, Organisation)
        .join(Organisation, Organisation.id == Service.owner_org_id)
        .where(Service.code == code)
    ).first()
    if found is None:
        raise NotFound("service")
    return _view(actor, found[0], found[1])


def save_service(
    session: Session, actor: Actor, *, record: ServiceRecord, expected_version: int | None = None
) -> ServiceView:
    """Create or change one service; refused when the record is impossible, the caller may not edit
    the old or the new owner, or someone saved it since ``expected_version``."""
    _require_reader(actor)
    problems = check_service(record)
    if problems:
        raise ValidationFailed(problems)
    owner = session.scalar(select(Organisation).where(Organisation.code == record.owner))
    if owner is None:
        raise ValidationFailed.one(M.UNKNOWN_OWNER, Location(field="owner"), value=record.owner)
    existing = session.scalar(select(Service).where(Service.code == record.code))
    if existing is not None:
        old_owner = session.get(Organisation, existing.owner_org_id)
        assert old_owner is not None
        if not may_edit(actor, old_owner):
            raise _not_yours(old_owner.code)
        if expected_version is not None and expected_version != existing.version:
            raise Conflict(M.STALE, version=existing.version)
    if not may_edit(actor, owner):
        raise _not_yours(owner.code)
    if not may_review(actor, owner):
        from raqmana.workspace.services_review import submit  # it builds on this module

        edit = submit(
            session, actor, record=record, owner=owner, base_version=existing.version if existing else 0
        )
        return ServiceView(
            record=record,
            owner_name=org_name(owner),
            version=existing.version if existing else 0,
            updated_at=edit.submitted_at,
            can_edit=True,
            pending_edit=edit.id,
        )
    service, events = _apply(session, actor, [record], {owner.code: owner})
    record_many(session, events)
    return _view(actor, service[0], owner)


def update_service(
    session: Session,
    actor: Actor,
    *,
    code: str,
    changes: dict[str, str],
    expected_version: int | None = None,
) -> ServiceView:
    """Create or change the service ``code`` from fields as a catalogue file names them (absent ones keep
    their value); each problem located by its field."""
    _require_reader(actor)
    current = session.scalar(select(Service).where(Service.code == code))
    base = to_row(record_of(current)) if current is not None else dict.fromkeys(COLUMNS, "")
    given = {k: v for k, v in changes.items() if k in COLUMNS and k != "code"}
    values = {k: "" if v is None else str(v) for k, v in {**base, **given, "code": code}.items()}
    record, problems = parse_row(values, lambda column: Location(field=column))
    if record is None or problems:
        raise ValidationFailed(problems)
    return save_service(session, actor, record=record, expected_version=expected_version)


class CataloguePage(BaseModel):
    """What the catalogue page shows, read in one transaction."""

    services: list[ServiceView]
    kpis: DerivedKpis
    may_publish: bool
    #: the latest publication, for the people who publish
    publication: Any = None


def catalogue_page(session: Session, actor: Actor) -> CataloguePage:
    from raqmana.workspace.publication import may_publish, publication_state  # it builds on this module

    views = list_services(session, actor)
    allowed = may_publish(actor)
    return CataloguePage(
        services=views,
        kpis=derive_kpis(v.record for v in views),
        may_publish=allowed,
        publication=publication_state(session, actor) if allowed else None,
    )


def _not_yours(code: str) -> Forbidden:
    return Forbidden(M.NOT_YOURS, value=code)


def apply_records(
    session: Session, actor: Actor, records: Iterable[ServiceRecord], owners: dict[str, Organisation]
) -> tuple[list[Service], list[Any]]:
    """Write accepted records to the catalogue (new services created, changed ones a version up) and the
    audit events to record for them."""
    return _apply(session, actor, records, owners)


def _apply(
    session: Session, actor: Actor, records: Iterable[ServiceRecord], owners: dict[str, Organisation]
) -> tuple[list[Service], list[Any]]:
    now = utcnow()
    out: list[Service] = []
    events = []
    codes = [r.code for r in records]
    known = {s.code: s for s in session.scalars(select(Service).where(Service.code.in_(codes)))}
    for r in records:
        data = r.model_dump(mode="json")
        s = known.get(r.code)
        if s is None:
            s = Service(
                code=r.code,
                owner_org_id=owners[r.owner].id,
                level=int(r.level),
                record=data,
                version=1,
                updated_by=actor.user_id,
                created_at=now,
                updated_at=now,
            )
            session.add(s)  # flushed once for the whole file, below
            events.append(draft(actor, "service.create", "service", r.code, after=data))
        elif s.record != data:
            before = s.record
            s.owner_org_id, s.level, s.record = owners[r.owner].id, int(r.level), data
            s.version += 1
            s.updated_by, s.updated_at = actor.user_id, now
            events.append(draft(actor, "service.update", "service", r.code, before=before, after=data))
        out.append(s)
    session.flush()
    return out, events


def import_services(session: Session, actor: Actor, *, data: bytes, filename: str) -> ImportReport:
    """A catalogue file (CSV, or the first sheet of an XLSX) applied all-or-nothing: every problem with
    its file, sheet, row and column; on any error nothing changes."""
    _require_reader(actor)
    if not filename.lower().endswith((".csv", ".xlsx")):
        raise ValidationFailed.one(M.FILE_TYPE, Location(file=filename), filename=filename)
    table = read_table(data, filename)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.header]
    if missing:
        raise ValidationFailed([problem(M.MISSING_COLUMN, table.loc(), column=c) for c in missing])
    orgs = {o.code: o for o in session.scalars(select(Organisation))}
    current = {s.code: (s, o) for s, o in service_rows(session)}
    problems: list[Problem] = []
    records: list[ServiceRecord] = []
    first: dict[str, int] = {}
    for row in table.rows:
        record, found = parse_row(row.values, row.loc)
        problems += found
        if record is None:
            continue
        if record.code in first:
            problems.append(
                problem(M.DUPLICATE_SERVICE, row.loc("code"), value=record.code, first=first[record.code])
            )
            continue
        first[record.code] = row.line
        owner = orgs.get(record.owner)
        if owner is None:
            problems.append(problem(M.UNKNOWN_OWNER, row.loc("owner"), value=record.owner))
            continue
        was = current.get(record.code)
        if not may_edit(actor, owner) or (was is not None and not may_edit(actor, was[1])):
            problems.append(problem(M.NOT_YOURS, row.loc("owner"), value=record.owner))
            continue
        records.append(record)
    if problems:
        raise ValidationFailed(problems)
    proposed = [r for r in records if not may_review(actor, orgs[r.owner])]
    submitted = 0
    if proposed:
        from raqmana.workspace.services_review import submit

        for r in proposed:
            was = current.get(r.code)
            if was is not None and was[0].record == r.model_dump(mode="json"):
                continue
            submit(session, actor, record=r, owner=orgs[r.owner], base_version=was[0].version if was else 0)
            submitted += 1
        records = [r for r in records if may_review(actor, orgs[r.owner])]
    before = {code: dict(s.record) for code, (s, _) in current.items()}
    services, events = _apply(session, actor, records, orgs)
    record_many(session, events)
    created = sum(1 for s in services if s.code not in before)
    updated = sum(1 for s in services if s.code in before and before[s.code] != s.record)
    unchanged = len(services) - created - updated + len(proposed) - submitted
    return ImportReport(created=created, updated=updated, unchanged=unchanged, submitted=submitted)


def export_services(session: Session, actor: Actor, *, fmt: str) -> bytes:
    """The catalogue as a file that imports back unchanged: ``csv`` or ``xlsx`` (text through the
    formula guard)."""
    _require_reader(actor)
    rows = [to_row(r) for r in catalogue_records(session)]
    return write_table(COLUMNS, rows, fmt=fmt, sheet="services")
