"""Publishing to the public portal: the coordinator publishes an immutable snapshot of the service
catalogue and its derived KPIs, or withdraws what is published. Both actions are audited.

The portal reads only the current (latest, not withdrawn) snapshot, so nothing unpublished can reach
it: a service added or changed after publishing waits for the next publication.
"""

from __future__ import annotations

import hashlib
import json
from datetime import datetime
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.metrics import LEVEL_NAMES, derive_kpis, un_osi_stage
from raqmana.metrics import errors as M
from raqmana.metrics import labels as L
from raqmana.metrics.dictionary import DICTIONARY
from raqmana.store.models import Publication
from raqmana.store.types import utcnow
from raqmana.workspace.actors import MANAGER_ROLES, Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.services import org_name, record_of, service_rows

SOURCE = L.CATALOGUE_SOURCE
LICENCE = {"name": "CC-BY-4.0", "path": "https://creativecommons.org/licenses/by/4.0/", "title": "CC BY 4.0"}


class PublicationView(BaseModel):
    version: int
    digest: str
    published_at: datetime
    withdrawn_at: datetime | None = None
    services: int
    illustrative: bool


def may_publish(actor: Actor) -> bool:
    """Coordinators and administrators of the whole tree publish for the country."""
    return actor.is_system or any(g.role in MANAGER_ROLES and g.org_id is None for g in actor.grants)


def _view(p: Publication) -> PublicationView:
    snap = p.snapshot
    return PublicationView(
        version=p.version,
        digest=p.digest,
        published_at=p.published_at,
        withdrawn_at=p.withdrawn_at,
        services=len(snap["services"]),
        illustrative=bool(snap["illustrative"]),
    )


def build_snapshot(session: Session, *, version: int, at: datetime) -> dict[str, Any]:
    """What a publication holds: every service with its level (and the UN stage), the derived KPIs with
    their working, the source and date of each figure, and whether any figure is illustrative. Every word
    a reader meets beside the figures (names, units, sources, groups, statuses, the derived KPIs'
    definitions) is stored in ar/ckb/en, so the portal reads each language from the snapshot itself."""
    services = []
    records = []
    for s, org in service_rows(session):
        r = record_of(s)
        records.append(r)
        services.append(
            {
                **r.model_dump(mode="json"),
                "owner_name": org_name(org).model_dump(),
                "level_name": LEVEL_NAMES[r.level].model_dump(),
                "un_osi_stage": un_osi_stage(r.level),
            }
        )
    kpis = derive_kpis(records)
    trends, roadmap = followup_sections(session)
    return {
        "version": version,
        "published_at": at.isoformat(),
        "source": SOURCE,
        "source_name": L.name_of(L.SOURCE_NAMES, SOURCE),
        "level_names": {str(int(level)): name.model_dump() for level, name in LEVEL_NAMES.items()},
        "kpi_labels": {
            k.id: {"name": k.name.model_dump(), "definition": k.definition.model_dump()} for k in DICTIONARY
        },
        "illustrative": kpis.illustrative
        or any(t["illustrative"] for t in trends)
        or bool(roadmap and roadmap["illustrative"]),
        "services": services,
        "kpis": kpis.as_dict(),
        "kpi_trends": trends,
        "roadmap": roadmap,
    }


def followup_sections(session: Session) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    """The KPI trends with their targets and the roadmap's progress as they stand (for a snapshot): each
    KPI's national figure per quarter; each initiative's plan, share done and status (no blockers text)."""
    from raqmana.workspace import followup, kpis
    from raqmana.workspace.actors import SYSTEM

    trends = []
    places = _governorate_names(session)
    for t in kpis.kpi_trends(session, SYSTEM):
        source = L.FOLLOWUP_SOURCE if t.kpi.startswith("roadmap_") else L.REPORTED_SOURCE
        trends.append(
            {
                "kpi": t.kpi,
                "name": t.name.model_dump(),
                "unit": t.unit,
                "unit_name": L.name_of(L.UNIT_NAMES, t.unit),
                "direction": t.direction,
                "computed": t.derived,
                "points": [p.model_dump() for p in t.points],
                "target": t.target.model_dump() if t.target else None,
                "groups": [
                    {
                        **g.model_dump(),
                        "group_name": L.name_of(L.GROUP_NAMES, g.group),
                        "value_name": places[g.value].model_dump()
                        if g.group == "governorate" and g.value in places
                        else L.name_of(L.GROUP_VALUE_NAMES, g.value),
                    }
                    for g in t.groups
                ],
                "illustrative": t.illustrative,
                "source": source,
                "source_name": L.name_of(L.SOURCE_NAMES, source),
            }
        )
    if followup.current(session) is None:
        return trends, None
    view = followup.followup(session, SYSTEM)
    roadmap = {
        "version": view.version.version,
        "quarter": view.quarter,
        "illustrative": view.version.illustrative,
        "planned_cost_to_date": view.planned_cost_to_date,
        "spent_to_date": view.spent_to_date,
        "initiatives": [
            {
                "id": r.id,
                "name": r.name.model_dump(),
                "owner_name": r.owner_name.model_dump(),
                "planned_start": r.planned_start,
                "planned_end": r.planned_end,
                "planned_percent": r.planned_percent,
                "percent_done": r.reported.percent_done if r.reported else 0.0,
                "status": (status := r.reported.status.value if r.reported else "not_started"),
                "status_name": L.name_of(L.STATUS_NAMES, status),
                "slipped": r.slipped,
            }
            for r in view.rows
        ],
    }
    return trends, roadmap


def _governorate_names(session: Session) -> dict[str, Translated]:
    from raqmana.store.models import Organisation

    q = select(Organisation).where(Organisation.kind == "governorate")
    return {o.code: org_name(o) for o in session.scalars(q)}


def publish(session: Session, actor: Actor) -> PublicationView:
    if not may_publish(actor):
        raise Forbidden()
    version = (session.scalar(select(func.max(Publication.version))) or 0) + 1
    at = utcnow()
    snapshot = build_snapshot(session, version=version, at=at)
    digest = hashlib.sha256(
        json.dumps(snapshot, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()
    ).hexdigest()
    p = Publication(
        version=version, snapshot=snapshot, digest=digest, published_at=at, published_by=actor.user_id
    )
    session.add(p)
    session.flush()
    record(
        session,
        actor,
        "publication.publish",
        "publication",
        version,
        after={"digest": digest, "services": len(snapshot["services"])},
    )
    return _view(p)


def _latest(session: Session) -> Publication | None:
    return session.scalar(select(Publication).order_by(Publication.version.desc()).limit(1))


def withdraw(session: Session, actor: Actor, *, expected_version: int) -> PublicationView:
    """Take the portal offline: the current publication is withdrawn (it stays in the record).
    ``expected_version`` is the version the caller saw published; a newer one is not withdrawn by it."""
    if not may_publish(actor):
        raise Forbidden()
    p = _latest(session)
    if p is None or p.withdrawn_at is not None:
        raise ValidationFailed.one(M.NOTHING_PUBLISHED)
    if p.version != expected_version:
        raise Conflict(M.PUBLICATION_MOVED, version=p.version)
    p.withdrawn_at, p.withdrawn_by = utcnow(), actor.user_id
    session.flush()
    record(session, actor, "publication.withdraw", "publication", p.version, after={"digest": p.digest})
    return _view(p)


def publication_state(session: Session, actor: Actor) -> PublicationView | None:
    """The latest publication (withdrawn or not) for the people who publish; None when never published."""
    if not may_publish(actor):
        raise Forbidden()
    p = _latest(session)
    return _view(p) if p is not None else None


def current_snapshot(session: Session) -> tuple[str, dict[str, Any]]:
    """(digest, snapshot) of what the portal shows; NotFound when nothing is published. Needs no actor:
    this is the public's view."""
    p = _latest(session)
    if p is None or p.withdrawn_at is not None:
        raise NotFound("publication")
    return p.digest, p.snapshot


def snapshot_version(session: Session, version: int) -> tuple[str, dict[str, Any]]:
    """(digest, snapshot) of an earlier publication that was not withdrawn (stable dataset URLs)."""
    p = session.scalar(select(Publication).where(Publication.version == version))
    if p is None or p.withdrawn_at is not None:
        raise NotFound("publication")
    return p.digest, p.snapshot


def published_digest(session: Session, version: int | None = None) -> tuple[str, datetime]:
    """The digest of the current publication (or of ``version``), without reading its snapshot: enough to
    answer If-None-Match and to find a page already rendered. NotFound as :func:`current_snapshot`."""
    q = select(Publication.digest, Publication.published_at, Publication.withdrawn_at)
    q = q.order_by(Publication.version.desc()) if version is None else q.where(Publication.version == version)
    row = session.execute(q.limit(1)).first()
    if row is None or row.withdrawn_at is not None:
        raise NotFound("publication")
    return str(row.digest), row.published_at


def snapshot_of(session: Session, digest: str) -> dict[str, Any]:
    snapshot = session.scalar(select(Publication.snapshot).where(Publication.digest == digest).limit(1))
    if snapshot is None:
        raise NotFound("publication")
    return dict(snapshot)


def write_open_data(session: Session, out: Path, *, base_url: str = "") -> list[Path]:
    """The current publication's open data as files in ``out``: every table as CSV and JSON, the
    ``datapackage.json`` (its paths relative, so the folder validates on its own) and ``catalog.jsonld``.

    ``base_url`` is the portal's public address (setting ``public_url``): the catalogue then names the
    portal's own addresses; empty, it names the files beside it (relative paths, no host assumed)."""
    from raqmana.metrics.opendata import datapackage, dcat, tables

    _, snapshot = current_snapshot(session)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for t in tables(snapshot).values():
        for path, data in (
            (out / f"{t.name}.csv", t.csv()),
            (out / f"{t.name}.json", json.dumps(t.json(), ensure_ascii=False, indent=1).encode()),
        ):
            path.write_bytes(data)
            written.append(path)
    package = datapackage(snapshot, base_url)
    for resource in package["resources"]:
        resource["path"] = f"{resource['name']}.csv"
    base_url = base_url.rstrip("/")
    catalogue = dcat(snapshot, base_url)
    if not base_url:
        _relative(package, catalogue)
    for name, doc in (("datapackage.json", package), ("catalog.jsonld", catalogue)):
        (out / name).write_text(json.dumps(doc, ensure_ascii=False, indent=1), encoding="utf-8")
        written.append(out / name)
    return written


def _relative(package: dict[str, Any], catalogue: dict[str, Any]) -> None:
    """Without a public address the files point at each other by their names in the same folder."""
    for source in package.get("sources", []):
        source.pop("path", None)
    catalogue["@id"] = "catalog.jsonld"
    catalogue.pop("foaf:homepage", None)
    for dataset in catalogue["dcat:dataset"]:
        name = dataset["dct:identifier"].rsplit("-v", 1)[0]
        dataset["@id"] = f"catalog.jsonld#{name}"
        for distribution in dataset["dcat:distribution"]:
            distribution["dcat:downloadURL"] = {"@id": f"{name}.{distribution['dct:format'].lower()}"}
