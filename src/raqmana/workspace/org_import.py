"""``raqmana org import``: a user-edited organisation list (CSV/XLSX) applied all-or-nothing.

Rows are matched by ``code``: new codes are created, known ones updated; organisations missing from
the file are kept. Every problem is reported with its sheet/row/column; on any error nothing changes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from raqmana.i18n.vocabulary import ORGANISATION_KINDS
from raqmana.problems import Problem
from raqmana.store.models import Organisation
from raqmana.workspace import errors as E
from raqmana.workspace.actors import Actor
from raqmana.workspace.audit import draft, record_many
from raqmana.workspace.exceptions import Forbidden, ValidationFailed, problem
from raqmana.workspace.tabular import Row, read_table
from raqmana.workspace.views import OrgImportReport

KINDS = ORGANISATION_KINDS
REQUIRED = ("code", "kind", "parent_code", "name_en", "name_ar")
#: column → (model attribute, maximum length)
FIELDS: dict[str, tuple[str, int]] = {
    "kind": ("kind", 32),
    "name_en": ("name_en", 300),
    "name_ar": ("name_ar", 300),
    "name_ckb": ("name_ckb", 300),
    "ckb_status": ("ckb_status", 16),
    "iso_3166_2": ("iso_3166_2", 16),
    "capital_en": ("capital_en", 120),
    "capital_ar": ("capital_ar", 120),
    "source": ("source", 4000),
    "status": ("status", 16),
    "note": ("note", 4000),
}
CODE_RE = re.compile(r"^[a-z0-9][a-z0-9-]{0,63}$")


@dataclass
class _Parsed:
    row: Row
    code: str
    parent: str
    values: dict[str, str]
    ok: bool = True


def import_organisations(session: Session, actor: Actor, *, data: bytes, filename: str) -> OrgImportReport:
    if not actor.is_global_admin:
        raise Forbidden()
    table = read_table(data, filename)
    missing = [c for c in REQUIRED if c not in table.header]
    if missing:
        raise ValidationFailed([problem(E.MISSING_COLUMN, table.loc(), column=c) for c in missing])
    existing = {o.code: o for o in session.scalars(select(Organisation))}
    parsed, problems = _parse(table.rows)
    problems += _check_parents(parsed, existing)
    errors = [p for p in problems if p.severity.value == "error"]
    if errors:
        raise ValidationFailed(problems)
    created, updated, unchanged, events = _apply(session, actor, parsed, existing)
    record_many(session, events)
    return OrgImportReport(created, updated, unchanged, [p for p in problems if p not in errors])


def tree_order(orgs: list[Organisation]) -> list[Organisation]:
    """Depth-first, children by code."""
    children: dict[int | None, list[Organisation]] = {}
    for o in orgs:
        children.setdefault(o.parent_id, []).append(o)
    out: list[Organisation] = []

    def walk(parent: int | None) -> None:
        for o in sorted(children.get(parent, []), key=lambda x: x.code):
            out.append(o)
            walk(o.id)

    walk(None)
    return out


def _parse(rows: list[Row]) -> tuple[list[_Parsed], list[Problem]]:
    problems: list[Problem] = []
    seen: dict[str, int] = {}
    out: list[_Parsed] = []
    for row in rows:
        code = row.get("code")
        ok = True
        if not CODE_RE.match(code):
            problems.append(problem(E.ORG_CODE_INVALID, row.loc("code"), value=code))
            ok = False
        elif code in seen:
            problems.append(problem(E.DUPLICATE_CODE, row.loc("code"), value=code, first=seen[code]))
            ok = False
        else:
            seen[code] = row.line
        kind = row.get("kind")
        if kind not in KINDS:
            problems.append(problem(E.ORG_KIND_INVALID, row.loc("kind"), value=kind, kinds=", ".join(KINDS)))
            ok = False
        for lang in ("en", "ar"):
            if not row.get(f"name_{lang}"):
                problems.append(problem(E.ORG_NAME_MISSING, row.loc(f"name_{lang}"), lang=E.LANG_NAMES[lang]))
                ok = False
        if not row.get("name_ckb"):
            problems.append(problem(E.ORG_NAME_CKB_MISSING, row.loc("name_ckb")))
        values: dict[str, str] = {}
        for column, (attr, limit) in FIELDS.items():
            value = row.get(column)
            if len(value) > limit:
                problems.append(problem(E.TOO_LONG, row.loc(column), max=limit))
                ok = False
            values[attr] = value
        out.append(_Parsed(row, code, row.get("parent_code"), values, ok))
    return out, problems


def _check_parents(parsed: list[_Parsed], existing: dict[str, Organisation]) -> list[Problem]:
    problems: list[Problem] = []
    ids = {o.id: c for c, o in existing.items()}
    parent_of: dict[str, str] = {
        c: ids.get(o.parent_id, "") if o.parent_id else "" for c, o in existing.items()
    }
    for p in parsed:
        if CODE_RE.match(p.code):
            parent_of[p.code] = p.parent
    for p in parsed:
        if p.parent and p.parent not in parent_of:
            problems.append(problem(E.ORG_PARENT_UNKNOWN, p.row.loc("parent_code"), value=p.parent))
            continue
        chain, cur = [p.code], p.parent
        while cur:
            chain.append(cur)
            if cur == p.code:
                problems.append(
                    problem(E.ORG_CYCLE, p.row.loc("parent_code"), value=p.code, cycle=" → ".join(chain))
                )
                break
            if len(chain) > len(parent_of) + 1:
                break
            cur = parent_of.get(cur, "")
    return problems


def _snapshot(org: Organisation, parent_code: str) -> dict[str, Any]:
    return {
        "code": org.code,
        "parent_code": parent_code,
        **{attr: getattr(org, attr) for attr, _ in FIELDS.values()},
    }


def _apply(
    session: Session, actor: Actor, parsed: list[_Parsed], existing: dict[str, Organisation]
) -> tuple[int, int, int, list[Any]]:
    by_id = {o.id: o for o in existing.values()}
    before = {c: _snapshot(o, by_id[o.parent_id].code if o.parent_id else "") for c, o in existing.items()}
    orgs = dict(existing)
    for p in parsed:
        org = orgs.get(p.code)
        if org is None:
            org = Organisation(code=p.code, path="", depth=0, **p.values)
            session.add(org)
            orgs[p.code] = org
        else:
            for attr, value in p.values.items():
                if getattr(org, attr) != value:
                    setattr(org, attr, value)
    session.flush()
    for p in parsed:
        parent_id = orgs[p.parent].id if p.parent else None
        if orgs[p.code].parent_id != parent_id:
            orgs[p.code].parent_id = parent_id
    _recompute_paths(list(orgs.values()))
    session.flush()
    created = updated = unchanged = 0
    events = []
    for p in parsed:
        org = orgs[p.code]
        after = _snapshot(org, p.parent)
        if p.code not in before:
            created += 1
            events.append(draft(actor, "org.create", "organisation", org.id, after=after))
        elif before[p.code] != after:
            updated += 1
            events.append(
                draft(actor, "org.update", "organisation", org.id, before=before[p.code], after=after)
            )
        else:
            unchanged += 1
    return created, updated, unchanged, events


def _recompute_paths(orgs: list[Organisation]) -> None:
    by_id = {o.id: o for o in orgs}
    for o in tree_order(orgs):
        parent = by_id.get(o.parent_id) if o.parent_id else None
        path = (parent.path if parent else "/") + f"{o.id}/"
        depth = parent.depth + 1 if parent else 0
        if o.path != path:
            o.path = path
        if o.depth != depth:
            o.depth = depth
