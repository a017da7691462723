"""Organisations: the tree, its listing, imports (see :mod:`.org_import`) and the packaged Iraqi seed list."""

from __future__ import annotations

from importlib import resources

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.i18n import Translated
from raqmana.store.models import Organisation
from raqmana.workspace.actors import SYSTEM, Actor
from raqmana.workspace.exceptions import NotFound
from raqmana.workspace.org_import import import_organisations, tree_order
from raqmana.workspace.views import OrgImportReport, OrgView

SEED_FILE = "iraq_institutions.csv"


def org_name(org: Organisation) -> Translated:
    return Translated(en=org.name_en, ar=org.name_ar, ckb=org.name_ckb)


def to_view(org: Organisation, parent_code: str | None) -> OrgView:
    return OrgView(
        org.id,
        org.code,
        org.kind,
        parent_code,
        org_name(org),
        org.iso_3166_2,
        org.depth,
        org.path,
        org.ckb_status,
    )


def list_organisations(session: Session, actor: Actor | None = None) -> list[OrgView]:
    """The whole tree in depth-first order (the tree itself is not confidential)."""
    orgs = list(session.scalars(select(Organisation)))
    codes = {o.id: o.code for o in orgs}
    return [to_view(o, codes.get(o.parent_id) if o.parent_id else None) for o in tree_order(orgs)]


def get_org_by_code(session: Session, code: str) -> Organisation:
    org = session.scalar(select(Organisation).where(Organisation.code == code))
    if org is None:
        raise NotFound("organisation")
    return org


def get_organisation(session: Session, actor: Actor | None, code: str) -> OrgView:
    org = get_org_by_code(session, code)
    parent = session.get(Organisation, org.parent_id) if org.parent_id else None
    return to_view(org, parent.code if parent else None)


def seed_data() -> bytes:
    return resources.files("raqmana.workspace").joinpath("data", SEED_FILE).read_bytes()


def seed_iraq(session: Session, actor: Actor = SYSTEM) -> OrgImportReport:
    """Create (or bring up to date) the Iraqi institutions shipped with raqmana."""
    return import_organisations(session, actor, data=seed_data(), filename=SEED_FILE)


__all__ = [
    "get_org_by_code",
    "get_organisation",
    "import_organisations",
    "list_organisations",
    "org_name",
    "seed_iraq",
    "to_view",
    "tree_order",
]
