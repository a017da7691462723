"""The demo's service catalogue: real Iraqi services (names in ar/ckb/en) with illustrative figures,
imported through the ordinary catalogue import and published on the public portal."""

from __future__ import annotations

from importlib import resources

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from raqmana.store.models import Publication, Service
from raqmana.workspace import publication, services
from raqmana.workspace.actors import Actor

DEMO_FILE = "demo_services.csv"


def seed_services(session: Session, actor: Actor) -> int:
    """Import the demo catalogue (an empty catalogue only) and publish it when nothing is published yet;
    the number of services in the catalogue."""
    if not session.scalar(select(func.count()).select_from(Service)):
        data = resources.files("raqmana.workspace").joinpath("data", DEMO_FILE).read_bytes()
        services.import_services(session, actor, data=data, filename=DEMO_FILE)
    if session.scalar(select(func.count()).select_from(Publication)) == 0:
        publication.publish(session, actor)
    return session.scalar(select(func.count()).select_from(Service)) or 0
