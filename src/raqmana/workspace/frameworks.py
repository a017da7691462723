"""Framework versions in the store: register (by content hash), list, load (cached; frozen once used)."""

from __future__ import annotations

import hashlib
import json
from threading import Lock

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.frameworks import Framework
from raqmana.store.models import FrameworkVersion
from raqmana.store.types import utcnow
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import record
from raqmana.workspace.exceptions import Conflict, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.views import FrameworkVersionView

_cache: dict[str, Framework] = {}
_cache_lock = Lock()


def framework_document(framework: Framework) -> tuple[dict[str, object], str]:
    doc = framework.model_dump(mode="json")
    text = json.dumps(doc, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return doc, hashlib.sha256(text.encode()).hexdigest()


def _view(fv: FrameworkVersion, fw: Framework) -> FrameworkVersionView:
    return FrameworkVersionView(
        fv.id, fv.framework_id, fv.version, fv.hash, fw.name, fv.frozen, len(fw.indicators())
    )


def register_framework(session: Session, actor: Actor, framework: Framework) -> FrameworkVersionView:
    """Store ``framework`` as (id, version). The same content again is a no-op; changed content under
    the same version replaces it only while no assessment uses it (else Conflict)."""
    if not (actor.is_admin or actor.has_role("coordinator")):
        raise Forbidden()
    if not framework.indicators():
        raise ValidationFailed.one(E.FRAMEWORK_EMPTY)
    doc, digest = framework_document(framework)
    fv = session.scalar(
        select(FrameworkVersion).where(
            FrameworkVersion.framework_id == framework.id, FrameworkVersion.version == framework.version
        )
    )
    if fv is not None and fv.hash == digest:
        return _view(fv, framework)
    if fv is not None and fv.frozen:
        raise Conflict(E.FRAMEWORK_FROZEN, id=framework.id, version=framework.version)
    if fv is None:
        fv = FrameworkVersion(
            framework_id=framework.id,
            version=framework.version,
            hash=digest,
            document=doc,
            created_by=actor.user_id,
            created_at=utcnow(),
        )
        session.add(fv)
        action = "framework.register"
    else:
        fv.hash, fv.document = digest, doc
        action = "framework.replace"
    session.flush()
    record(
        session,
        actor,
        action,
        "framework_version",
        fv.id,
        after={"framework_id": framework.id, "version": framework.version, "hash": digest},
    )
    return _view(fv, framework)


def get_framework(session: Session, framework_version_id: int) -> Framework:
    """The framework of a stored version (parsed once per content hash per process)."""
    digest = session.scalar(select(FrameworkVersion.hash).where(FrameworkVersion.id == framework_version_id))
    if digest is None:
        raise NotFound("framework")
    return _parsed(session, framework_version_id, digest)


def framework_of(session: Session, fv: FrameworkVersion) -> Framework:
    """:func:`get_framework` for a version row already loaded (no query when it is cached)."""
    return _parsed(session, fv.id, fv.hash)


def _parsed(session: Session, framework_version_id: int, digest: str) -> Framework:
    with _cache_lock:
        cached = _cache.get(digest)
    if cached is not None:
        return cached
    doc = session.scalar(select(FrameworkVersion.document).where(FrameworkVersion.id == framework_version_id))
    fw = Framework.model_validate(doc)
    with _cache_lock:
        if len(_cache) > 32:
            _cache.clear()
        _cache[digest] = fw
    return fw


def list_framework_versions(session: Session, actor: Actor) -> list[FrameworkVersionView]:
    rows = session.scalars(
        select(FrameworkVersion).order_by(FrameworkVersion.framework_id, FrameworkVersion.id)
    )
    return [_view(fv, get_framework(session, fv.id)) for fv in rows]
