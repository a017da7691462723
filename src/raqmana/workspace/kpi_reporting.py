"""Reporting KPI figures: one figure (web, API) or a whole file, checked all-or-nothing with every problem
located; the export that imports back; figures computed by raqmana itself stored beside the reported ones.

Who may do what: an institution's figures are reported by its focal points and managers (and coordinators
over their subtree), national figures by whole-tree coordinators; every change is audited.

Review: a figure is *submitted* until a reviewer of its institution accepts it or returns it with a note
(:mod:`raqmana.workspace.kpi_review`); only the value last accepted counts in the KPIs and reaches the
portal, so a correction waiting for review leaves the accepted figure in place. A figure reported by
someone who may review it (a coordinator or administrator over the institution, a reviewer there; for
a national figure: a whole-tree coordinator; raqmana's own computed figures and the command line) is
accepted as it is entered.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from pydantic import BaseModel
from sqlalchemy import select
from sqlalchemy.orm import Session, aliased

from raqmana.i18n import Translated
from raqmana.metrics import errors as M
from raqmana.metrics.observations import (
    COLUMNS,
    GROUPS,
    REQUIRED_COLUMNS,
    Observation,
    parse_observation,
    to_row,
)
from raqmana.problems import Location, Problem
from raqmana.store.models import KpiObservation, Organisation, Service, User
from raqmana.store.types import utcnow
from raqmana.workspace.actors import MANAGER_ROLES, Actor, Role
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.exceptions import (
    Conflict,
    Forbidden,
    NotAuthenticated,
    ValidationFailed,
    problem,
)
from raqmana.workspace.kpi_dictionary import dictionary
from raqmana.workspace.services import may_edit, org_name
from raqmana.workspace.tabular import read_table, write_table

SUBMITTED, ACCEPTED, RETURNED, WITHDRAWN = "submitted", "accepted", "returned", "withdrawn"
#: who reviews an institution's figures (grants over it, scoped ones included)
REVIEW_ROLES = MANAGER_ROLES | {Role.REVIEWER}


class ObservationView(BaseModel):
    observation: Observation
    institution_name: Translated | None = None
    #: the catalogue's name of the service the figure is for (None: no service, or not in the catalogue)
    service_name: Translated | None = None
    version: int
    #: who reported (or last corrected) it and when; "" for a figure raqmana computed or a command line
    reported_by: str = ""
    updated_at: datetime | None = None
    id: int = 0
    #: submitted (waiting for review), accepted, returned (see ``note``) or withdrawn (``note``: why)
    state: str = ACCEPTED
    #: the value the KPIs count: the one last accepted (None: none accepted yet, or withdrawn)
    accepted_value: float | None = None
    note: str = ""
    reviewed_by: str = ""
    reviewed_at: datetime | None = None
    can_review: bool = False
    #: the caller reports this figure's institution (or national figures): it may correct the figure
    can_report: bool = False
    can_withdraw: bool = False


class ImportReport(BaseModel):
    created: int
    updated: int
    unchanged: int
    #: figures among the created and updated ones that wait for review (the importer may not review them)
    submitted: int = 0


def require_reader(actor: Actor) -> None:
    if actor.user_id is None and not actor.is_system:
        raise NotAuthenticated()


def may_report(actor: Actor, org: Organisation | None) -> bool:
    """An institution's figure: its focal points and managers; a national one: whole-tree coordinators."""
    from raqmana.workspace.publication import may_publish

    return may_publish(actor) if org is None else may_edit(actor, org)


class ReportingFor(BaseModel):
    """An institution whose KPI figures a person may report, as the figure form offers it."""

    code: str
    name: Translated


def reporting_institutions(session: Session, actor: Actor) -> list[ReportingFor]:
    """The institutions whose figures ``actor`` may report (tree order): the figure form's choices."""
    require_reader(actor)
    return [
        ReportingFor(code=o.code, name=org_name(o))
        for o in session.scalars(select(Organisation).order_by(Organisation.path))
        if may_report(actor, o)
    ]


def may_review(actor: Actor, org: Organisation | None) -> bool:
    """An institution's figure: its reviewers, coordinators and administrators (grants over it, scoped ones
    included); a national one: the same roles over the whole tree."""
    if actor.is_system:
        return True
    if org is None:
        return any(g.org_id is None and g.role in REVIEW_ROLES for g in actor.grants)
    return bool(actor.roles_at(org.path) & REVIEW_ROLES)


def _obs(row: KpiObservation, code: str) -> Observation:
    return Observation(
        kpi=row.kpi,
        period=row.period,
        institution=code,
        service=row.service_code,
        **{g: getattr(row, g) for g in GROUPS},
        value=row.value,
        unit=row.unit,
        source=row.source,
        illustrative=row.illustrative,
    )


class _Context:
    """What checking observations needs from the store, read once per file."""

    def __init__(self, session: Session, *, service: str | None = None) -> None:
        """``service``: read only that service (checking one figure), not the whole catalogue."""
        orgs = list(session.scalars(select(Organisation)))
        self.orgs = {o.code: o for o in orgs}
        self.governorates = {o.code for o in orgs if o.kind == "governorate"}
        q = select(Service.code, Organisation.code, Service.record["visits_before"].as_integer()).join(
            Organisation, Organisation.id == Service.owner_org_id
        )
        if service is not None:
            q = q.where(Service.code == service)
        self.services = {code: (owner, int(before or 0)) for code, owner, before in session.execute(q)}


def _check_scope(
    actor: Actor, o: Observation, ctx: _Context, where: Any
) -> tuple[Organisation | None, list[Problem]]:
    problems = []
    org = None
    if o.institution:
        org = ctx.orgs.get(o.institution)
        if org is None:
            return None, [problem(M.UNKNOWN_OWNER, where("institution"), value=o.institution)]
    if o.service and o.service not in ctx.services:
        problems.append(problem(M.UNKNOWN_SERVICE, where("service"), value=o.service))
    if o.governorate and o.governorate not in ctx.governorates:
        problems.append(problem(M.UNKNOWN_GOVERNORATE, where("governorate"), value=o.governorate))
    if not may_report(actor, org):
        problems.append(problem(M.NOT_YOURS_TO_REPORT, where("institution"), value=o.institution or "—"))
    return org, problems


def _sibling(o: Observation, kpi: str) -> str:
    return o.model_copy(update={"kpi": kpi}).key


def _impossible(
    items: list[tuple[Observation, Any]], stored: dict[str, float], ctx: _Context
) -> list[Problem]:
    """Figures that contradict one another: more online transactions than transactions, more visits
    avoided than the transactions allow (a service's visits before × its transactions)."""
    values = {**stored, **{o.key: o.value for o, _ in items}}
    problems = []
    for o, where in items:
        transactions = values.get(_sibling(o, "transactions"))
        if transactions is None:
            continue
        if o.kpi == "transactions_online" and o.value > transactions:
            problems.append(
                problem(M.ONLINE_OVER_TRANSACTIONS, where("value"), online=o.value, transactions=transactions)
            )
        if o.kpi == "visits_avoided" and o.service:
            possible = transactions * ctx.services.get(o.service, ("", 0))[1]
            if o.value > possible:
                problems.append(
                    problem(
                        M.VISITS_OVER_TRANSACTIONS,
                        where("value"),
                        avoided=o.value,
                        transactions=transactions,
                        possible=possible,
                    )
                )
        if o.kpi == "transactions":
            for kpi in ("transactions_online",):
                online = values.get(_sibling(o, kpi))
                if (
                    online is not None
                    and online > o.value
                    and _sibling(o, kpi) not in {x.key for x, _ in items}
                ):
                    problems.append(
                        problem(
                            M.ONLINE_OVER_TRANSACTIONS, where("value"), online=online, transactions=o.value
                        )
                    )
    return problems


def _stored_values(session: Session, keys: set[str]) -> dict[str, float]:
    if not keys:
        return {}
    out: dict[str, float] = {}
    ordered = sorted(keys)
    for i in range(0, len(ordered), 500):
        chunk = ordered[i : i + 500]
        q = select(KpiObservation.key, KpiObservation.value).where(
            KpiObservation.key.in_(chunk), KpiObservation.state != WITHDRAWN
        )
        out.update((k, v) for k, v in session.execute(q))
    return out


def _related_keys(items: list[tuple[Observation, Any]]) -> set[str]:
    keys = set()
    for o, _ in items:
        if o.kpi in ("transactions_online", "visits_avoided"):
            keys.add(_sibling(o, "transactions"))
        if o.kpi == "transactions":
            keys.add(_sibling(o, "transactions_online"))
    return keys


def store_computed(session: Session, actor: Actor, observations: list[Observation]) -> None:
    """Keep figures computed by raqmana itself (the roadmap's follow-up) beside the reported ones, national,
    audited like them; never reachable from a file or a form."""
    _apply(session, actor, [(o, None) for o in observations], accept=True)


def _apply(
    session: Session,
    actor: Actor,
    items: list[tuple[Observation, Organisation | None]],
    *,
    accept: bool = False,
) -> tuple[int, int, int, int]:
    """Store the figures: accepted at once where the actor may review them, else submitted for review (a
    correction of an accepted figure leaves its accepted value counted until a reviewer decides)."""
    now = utcnow()
    keys = [o.key for o, _ in items]
    known: dict[str, KpiObservation] = {}
    for i in range(0, len(keys), 500):
        chunk = keys[i : i + 500]
        known.update(
            {r.key: r for r in session.scalars(select(KpiObservation).where(KpiObservation.key.in_(chunk)))}
        )
    reviewer: dict[int | None, bool] = {}
    created = updated = submitted = 0
    events = []
    for o, org in items:
        org_id = org.id if org else None
        if org_id not in reviewer:
            reviewer[org_id] = accept or may_review(actor, org)
        accepted = reviewer[org_id]
        state = ACCEPTED if accepted else SUBMITTED
        row = known.get(o.key)
        after = {**o.model_dump(mode="json"), "state": state}
        if row is None:
            session.add(
                KpiObservation(
                    key=o.key,
                    kpi=o.kpi,
                    period=o.period,
                    org_id=org_id,
                    service_code=o.service,
                    **{g: getattr(o, g) for g in GROUPS},
                    value=o.value,
                    unit=o.unit,
                    source=o.source,
                    illustrative=o.illustrative,
                    version=1,
                    reported_by=actor.user_id,
                    updated_at=now,
                    state=state,
                    accepted_value=o.value if accepted else None,
                    note="",
                    reviewed_by=actor.user_id if accepted else None,
                    reviewed_at=now if accepted else None,
                )
            )
            created += 1
            submitted += not accepted
            events.append(draft(actor, "kpi.observe", "kpi_observation", o.key, after=after))
        elif (row.value, row.source, row.illustrative) != (
            o.value,
            o.source,
            o.illustrative,
        ) or row.state in (
            RETURNED,
            WITHDRAWN,
        ):
            before = {**_obs(row, o.institution).model_dump(mode="json"), "state": row.state}
            row.value, row.source, row.illustrative = o.value, o.source, o.illustrative
            row.version += 1
            row.reported_by, row.updated_at = actor.user_id, now
            row.state, row.note = state, ""
            if accepted:
                row.accepted_value, row.reviewed_by, row.reviewed_at = o.value, actor.user_id, now
            updated += 1
            submitted += not accepted
            events.append(draft(actor, "kpi.revise", "kpi_observation", o.key, before=before, after=after))
    session.flush()
    record_many(session, events)
    return created, updated, len(items) - created - updated, submitted


def save_observation(
    session: Session, actor: Actor, *, values: dict[str, str], expected_version: int | None = None
) -> ObservationView:
    """Report (or correct) one figure given as an observations file's columns; each problem located by
    its field."""
    require_reader(actor)

    def where(column: str) -> Location:
        return Location(field=column)

    o, problems = parse_observation(values, where, dictionary())
    if o is None:
        raise ValidationFailed(problems)
    ctx = _Context(session, service=o.service)
    if o.service and not o.institution and o.service in ctx.services:
        o = o.model_copy(update={"institution": ctx.services[o.service][0]})
    org, problems = _check_scope(actor, o, ctx, where)
    if problems:
        raise (
            Forbidden(M.NOT_YOURS_TO_REPORT, value=o.institution or "—")
            if _only_forbidden(problems)
            else ValidationFailed(problems)
        )
    existing = session.scalar(select(KpiObservation).where(KpiObservation.key == o.key))
    if existing is not None and expected_version is not None and existing.version != expected_version:
        raise Conflict(M.OBSERVATION_STALE, version=existing.version)
    items = [(o, where)]
    problems = _impossible(items, _stored_values(session, _related_keys(items)), ctx)
    if problems:
        raise ValidationFailed(problems)
    _apply(session, actor, [(o, org)])
    row = session.scalar(select(KpiObservation).where(KpiObservation.key == o.key))
    assert row is not None
    return view_of(actor, row, org, who=actor.display_name if actor.user_id else "")


def _only_forbidden(problems: list[Problem]) -> bool:
    return all(p.code == M.NOT_YOURS_TO_REPORT for p in problems)


def import_observations(session: Session, actor: Actor, *, data: bytes, filename: str) -> ImportReport:
    """An observations file (CSV, or the first sheet of an XLSX) applied all-or-nothing."""
    require_reader(actor)
    if not filename.lower().endswith((".csv", ".xlsx")):
        raise ValidationFailed.one(M.OBSERVATION_FILE_TYPE, Location(file=filename), filename=filename)
    table = read_table(data, filename, max_rows=500_000)
    missing = [c for c in REQUIRED_COLUMNS if c not in table.header]
    if missing:
        raise ValidationFailed([problem(M.MISSING_COLUMN, table.loc(), column=c) for c in missing])
    kpis = dictionary()
    ctx = _Context(session)
    problems: list[Problem] = []
    items: list[tuple[Observation, Any]] = []
    scoped: list[tuple[Observation, Organisation | None]] = []
    first: dict[str, int] = {}
    for row in table.rows:
        o, found = parse_observation(row.values, row.loc, kpis)
        problems += found
        if o is None:
            continue
        if o.service and not o.institution and o.service in ctx.services:
            o = o.model_copy(update={"institution": ctx.services[o.service][0]})
        if o.key in first:
            problems.append(problem(M.DUPLICATE_OBSERVATION, row.loc("period"), first=first[o.key]))
            continue
        first[o.key] = row.line
        org, found = _check_scope(actor, o, ctx, row.loc)
        problems += found
        if not found:
            items.append((o, row.loc))
            scoped.append((o, org))
    problems += _impossible(items, _stored_values(session, _related_keys(items) - set(first)), ctx)
    if problems:
        raise ValidationFailed(problems)
    created, updated, unchanged, submitted = _apply(session, actor, scoped)
    return ImportReport(created=created, updated=updated, unchanged=unchanged, submitted=submitted)


def view_of(
    actor: Actor,
    row: KpiObservation,
    org: Organisation | None,
    *,
    who: str = "",
    reviewer: str = "",
    service_name: Translated | None = None,
) -> ObservationView:
    """A stored figure as people read it, with what ``actor`` may do with it."""
    reviews = may_review(actor, org)
    reports = may_report(actor, org)
    return ObservationView(
        observation=_obs(row, org.code if org else ""),
        institution_name=org_name(org) if org else None,
        service_name=service_name,
        version=row.version,
        reported_by=who,
        updated_at=row.updated_at,
        id=row.id,
        state=row.state,
        accepted_value=row.accepted_value,
        note=row.note,
        reviewed_by=reviewer,
        reviewed_at=row.reviewed_at,
        can_review=row.state == SUBMITTED
        and reviews
        and (row.reported_by is None or row.reported_by != actor.user_id),
        can_report=reports,
        can_withdraw=row.state != WITHDRAWN and (reviews or (row.accepted_value is None and reports)),
    )


def service_names(session: Session, codes: set[str]) -> dict[str, Translated]:
    """The catalogue's names of the services ``codes``."""
    names: dict[str, Translated] = {}
    if codes:
        for code, record in session.execute(
            select(Service.code, Service.record).where(Service.code.in_(codes))
        ):
            if isinstance(record, dict) and record.get("name"):
                names[code] = Translated.model_validate(record["name"])
    return names


def observations(
    session: Session, actor: Actor, *, kpi: str | None = None, where: Any = None, limit: int | None = None
) -> list[ObservationView]:
    """The figures reported (a withdrawn one is left out: the audit log keeps it), of one KPI or all;
    ``where``: a further condition on :class:`KpiObservation` (the review page's)."""
    require_reader(actor)
    reviewer = aliased(User)
    q = (
        select(KpiObservation, Organisation, User.display_name, reviewer.display_name)
        .outerjoin(Organisation, Organisation.id == KpiObservation.org_id)
        .outerjoin(User, User.id == KpiObservation.reported_by)
        .outerjoin(reviewer, reviewer.id == KpiObservation.reviewed_by)
    )
    if kpi is not None:
        q = q.where(KpiObservation.kpi == kpi)
    q = q.where(KpiObservation.state != WITHDRAWN) if where is None else q.where(where)
    q = q.order_by(KpiObservation.kpi, KpiObservation.period, KpiObservation.key)
    rows = session.execute(q if limit is None else q.limit(limit)).all()
    names = service_names(session, {row.service_code for row, *_ in rows} - {""})
    return [
        view_of(actor, row, org, who=who or "", reviewer=rev or "", service_name=names.get(row.service_code))
        for row, org, who, rev in rows
    ]


def export_observations(session: Session, actor: Actor, *, fmt: str, kpi: str | None = None) -> bytes:
    """The observations as a file that imports back unchanged (text through the formula guard)."""
    rows = [to_row(v.observation) for v in observations(session, actor, kpi=kpi)]
    return write_table(COLUMNS, rows, fmt=fmt, sheet="observations")
