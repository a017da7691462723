"""Factories and personas for workspace tests.

A small framework (two pillars, every answer type), a small organisation tree and these people:

- ``admin`` — administrator of the whole tree
- ``coord`` — coordinator of the whole tree
- ``fp_a`` — focal point of ministry A (``moa``, with a unit ``moa-it``); ``fp_b`` — of ministry B
- ``rev_a`` — reviewer of ministry A; ``rev_krg`` — reviewer of the Kurdistan Region subtree
- ``fp_erbil`` — focal point of Erbil governorate (inside ``krg``)
- ``viewer`` — viewer of the whole tree; ``outsider`` — a user with no role at all
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from sqlalchemy import select

from raqmana.frameworks import Framework
from raqmana.store.models import Organisation, RoleGrant, User
from raqmana.workspace import SYSTEM, Actor, Workspace
from raqmana.workspace.assessments import open_round
from raqmana.workspace.auth import load_actor
from raqmana.workspace.frameworks import register_framework
from raqmana.workspace.org_import import import_organisations
from raqmana.workspace.passwords import passwords

PASSWORD = "correct horse battery"

ORGS_CSV = """code,kind,parent_code,name_en,name_ar,name_ckb
moa,ministry,,Ministry A,الوزارة أ,وەزارەتی ئەی
moa-it,unit,moa,IT Department of A,قسم تقنية المعلومات أ,بەشی تەکنەلۆژیای ئەی
mob,ministry,,Ministry B,الوزارة ب,وەزارەتی بی
krg,region,,Kurdistan Region,إقليم كوردستان,هەرێمی کوردستان
gov-erbil,governorate,krg,Erbil,أربيل,هەولێر
"""

PERSONAS: dict[str, tuple[str, str | None]] = {
    "admin": ("admin", None),
    "coord": ("coordinator", None),
    "fp_a": ("focal_point", "moa"),
    "fp_b": ("focal_point", "mob"),
    "rev_a": ("reviewer", "moa"),
    "rev_krg": ("reviewer", "krg"),
    "fp_erbil": ("focal_point", "gov-erbil"),
    "viewer": ("viewer", None),
    "outsider": ("", None),
}


def _t(en: str) -> dict[str, str]:
    return {"en": en, "ar": f"{en} (ar)", "ckb": f"{en} (ckb)"}


def small_framework(version: str = "1.0", *, per_pillar: int = 3) -> Framework:
    """Two pillars: P1 of ladders (one N/A-able), P2 with yes/no, number, percentage, choice and text."""
    ladder = [{"stage": s, "descriptor": _t(f"stage {s}"), "evidence": _t(f"proof of {s}")} for s in range(6)]
    p1 = [
        {
            "id": f"P1-{n:02d}",
            "name": _t(f"ladder {n}"),
            "question": _t(f"How mature is {n}?"),
            "answer_type": "ladder",
            "stages": ladder,
            "na_allowed": n == 1,
        }
        for n in range(1, per_pillar + 1)
    ]
    p2 = [
        {"id": "P2-01", "name": _t("has strategy"), "question": _t("Strategy?"), "answer_type": "yes_no"},
        {
            "id": "P2-02",
            "name": _t("staff"),
            "question": _t("Staff?"),
            "answer_type": "number",
            "min_value": 0,
            "max_value": 1000,
        },
        {"id": "P2-03", "name": _t("share online"), "question": _t("Share?"), "answer_type": "percentage"},
        {
            "id": "P2-04",
            "name": _t("hosting"),
            "question": _t("Hosting?"),
            "answer_type": "choice",
            "choices": [
                {"value": "none", "label": _t("none"), "score": 0},
                {"value": "shared", "label": _t("shared"), "score": 0.5},
                {"value": "cloud", "label": _t("cloud"), "score": 1},
            ],
        },
        {"id": "P2-05", "name": _t("notes"), "question": _t("Notes?"), "answer_type": "text"},
    ]
    return Framework.model_validate(
        {
            "id": "mini",
            "version": version,
            "name": _t("Mini framework"),
            "stage_labels": [{"stage": s, "label": _t(f"Stage {s}")} for s in range(6)],
            "pillars": [
                {
                    "id": "P1",
                    "name": _t("Pillar one"),
                    "sub_areas": [{"id": "P1.1", "name": _t("one"), "indicators": p1}],
                },
                {
                    "id": "P2",
                    "name": _t("Pillar two"),
                    "sub_areas": [{"id": "P2.1", "name": _t("two"), "indicators": p2}],
                },
            ],
        }
    )


@dataclass
class World:
    ws: Workspace
    actors: dict[str, Actor]
    framework: Framework
    framework_version_id: int
    assessment_id: int
    institutions: list[str] = field(default_factory=lambda: ["moa", "moa-it", "mob", "gov-erbil"])

    def __getitem__(self, name: str) -> Actor:
        return self.actors[name]

    def refresh(self, name: str) -> Actor:
        with self.ws.reader() as s:
            self.actors[name] = load_actor(s, self.actors[name].user_id)  # type: ignore[arg-type]
        return self.actors[name]


def add_user(ws: Workspace, username: str, role: str = "", org_code: str | None = None) -> Actor:
    """A user with one grant, created directly; password is PASSWORD (Argon2id at the minimal cost)."""

    with ws.transaction() as s:
        u = User(
            username=username,
            display_name=username.replace("_", " ").title(),
            password_hash=passwords("minimal").hash(PASSWORD),
            locale="en",
        )
        s.add(u)
        s.flush()
        if role:
            org_id = (
                s.scalar(select(Organisation.id).where(Organisation.code == org_code)) if org_code else None
            )
            s.add(RoleGrant(user_id=u.id, role=role, org_id=org_id))
        s.flush()
        return load_actor(s, u.id)


def build_world(ws: Workspace, framework: Framework | None = None) -> World:
    fw = framework or small_framework()
    with ws.transaction() as s:
        import_organisations(s, SYSTEM, data=ORGS_CSV.encode(), filename="orgs.csv")
        fv = register_framework(s, SYSTEM, fw)
    actors = {name: add_user(ws, name, role, org) for name, (role, org) in PERSONAS.items()}
    with ws.transaction() as s:
        a = open_round(
            s,
            actors["coord"],
            framework_version_id=fv.id,
            name="Round 2026",
            period="2026",
            institution_codes=["moa", "moa-it", "mob", "gov-erbil"],
        )
    return World(ws, actors, fw, fv.id, a.id)


@pytest.fixture
def world(ws: Workspace) -> Iterator[World]:
    yield build_world(ws)
