"""Roadmap versions: baseline snapshots, re-planning into a new version, and the change log between two.

A re-plan builds a new :class:`Roadmap` (version + 1); when it fails, the caller gets the previous
version back untouched together with the problems.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from raqmana.problems import Problem
from raqmana.roadmap import schedule as S
from raqmana.roadmap.model import Baseline, Dependency, Initiative, PlanSettings, Roadmap
from raqmana.roadmap.quarters import Calendar


def now_iso() -> str:
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def snapshot(roadmap: Roadmap, *, note: str = "", taken: str | None = None) -> Baseline:
    """A baseline: a frozen copy of ``roadmap`` (models are immutable, so sharing is safe)."""
    return Baseline(taken=taken or now_iso(), note=note, roadmap=roadmap)


class ChangeKind(StrEnum):
    ADDED = "added"
    REMOVED = "removed"
    MOVED = "moved"  # start or end quarter changed
    RECOSTED = "recosted"
    REASSIGNED = "reassigned"  # owner changed


class Change(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    kind: ChangeKind
    initiative: str
    before: str = ""
    after: str = ""


class ChangeLog(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    from_version: int
    to_version: int
    changes: list[Change] = []

    def of_kind(self, kind: ChangeKind) -> list[Change]:
        return [c for c in self.changes if c.kind is kind]

    def counts(self) -> dict[str, int]:
        return {k.value: len(self.of_kind(k)) for k in ChangeKind}


def _span(roadmap: Roadmap, initiative: str) -> str:
    if roadmap.schedule is None:
        return ""
    try:
        item = roadmap.schedule.item(initiative)
    except KeyError:
        return ""
    cal = Calendar(roadmap.settings.start_year, roadmap.settings.start_quarter)
    return f"{cal.label(item.start)} – {cal.label(item.end - 1)}"


def diff(old: Roadmap, new: Roadmap) -> ChangeLog:
    """What changed from ``old`` to ``new``: added, removed, moved, re-costed, re-assigned initiatives."""
    before = {it.id: it for it in old.initiatives}
    after = {it.id: it for it in new.initiatives}
    changes: list[Change] = []
    for iid in after:
        if iid not in before:
            changes.append(Change(kind=ChangeKind.ADDED, initiative=iid, after=_span(new, iid)))
    for iid in before:
        if iid not in after:
            changes.append(Change(kind=ChangeKind.REMOVED, initiative=iid, before=_span(old, iid)))
    for iid, it in after.items():
        prev = before.get(iid)
        if prev is None:
            continue
        span_old, span_new = _span(old, iid), _span(new, iid)
        if span_old != span_new:
            changes.append(Change(kind=ChangeKind.MOVED, initiative=iid, before=span_old, after=span_new))
        if prev.cost_usd != it.cost_usd:
            changes.append(
                Change(
                    kind=ChangeKind.RECOSTED,
                    initiative=iid,
                    before=str(prev.cost_usd),
                    after=str(it.cost_usd),
                )
            )
        if prev.owner != it.owner:
            changes.append(
                Change(kind=ChangeKind.REASSIGNED, initiative=iid, before=prev.owner, after=it.owner)
            )
    return ChangeLog(from_version=old.version, to_version=new.version, changes=changes)


@dataclass
class ReplanResult:
    roadmap: Roadmap  # the new version, or the previous one untouched when ``ok`` is False
    ok: bool
    problems: list[Problem] = field(default_factory=list)
    changes: ChangeLog | None = None


def replan(
    roadmap: Roadmap,
    *,
    initiatives: Sequence[Initiative] | None = None,
    dependencies: Sequence[Dependency] | None = None,
    settings: PlanSettings | None = None,
    note: str = "",
) -> ReplanResult:
    """Schedule ``roadmap`` with the given changes as a new version; the old version is never modified."""
    draft = roadmap.model_copy(
        update={
            "version": roadmap.version + 1,
            "initiatives": list(initiatives) if initiatives is not None else roadmap.initiatives,
            "dependencies": list(dependencies) if dependencies is not None else roadmap.dependencies,
            "settings": settings or roadmap.settings,
            "schedule": None,
        }
    )
    hint = roadmap.schedule.starts() if roadmap.schedule is not None else None
    names: dict[str, str | dict[str, str]] = {
        it.owner: {lg: it.owner_name.get(lg) or it.owner for lg in ("en", "ar", "ckb")}
        for it in draft.initiatives
    }
    result = S.plan(draft.initiatives, draft.dependencies, draft.settings, hint=hint, owner_names=names)
    if not result.ok or result.schedule is None:
        return ReplanResult(roadmap, False, result.problems)
    ids = {it.id for it in draft.initiatives}
    metadata = {**roadmap.metadata, "note": note} if note else dict(roadmap.metadata)
    new = Roadmap.model_validate(
        {
            **draft.model_dump(),
            "schedule": result.schedule.model_dump(),
            "created": now_iso(),
            "progress": [p.model_dump() for p in roadmap.progress if p.initiative in ids],
            "metadata": metadata,
        }
    )
    return ReplanResult(new, True, result.problems, diff(roadmap, new))
