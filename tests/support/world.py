"""The test world: one organisation tree, one cast of people and one way to build, copy and read it.

The tree is the Iraqi institutions shipped with raqmana (``mofa``, ``moi``, ``mod``, ``krg`` with
``gov-erbil`` …) plus two made-up ministries for tests that must not depend on real names: ``moa``
(with its unit ``moa-it``) and ``mob``.

The people (:data:`PEOPLE`; password :data:`PASSWORD` for all, hashed with Argon2id at the minimal
cost the test settings choose):

========== ============= ============= ====== =====================================================
username   role          over          locale who
========== ============= ============= ====== =====================================================
admin      admin         whole tree    en     administrator
coord      coordinator   whole tree    ar     opens rounds, assigns, watches progress
viewer     viewer        whole tree    en     reads only
focal      focal_point   mofa          ar     answers for the Ministry of Foreign Affairs
rev        reviewer      mofa          ar     reviews mofa's answers
outsider   focal_point   mod           ar     works for a ministry in no round: sees nothing of them
fp_a       focal_point   moa           en     answers for ministry A (and its unit moa-it)
fp_b       focal_point   mob           en     answers for ministry B
rev_a      reviewer      moa           en     reviews ministry A
rev_krg    reviewer      krg           en     reviews the Kurdistan Region subtree
fp_erbil   focal_point   gov-erbil     en     answers for Erbil governorate (inside krg)
========== ============= ============= ====== =====================================================

A round is opened on the world by a :class:`RoundSpec` (its framework, institutions and assignments):
the web pages use :data:`tests.web.world.WEB_ROUND`, the use cases :data:`tests.workspace.factories.ROUND`.
Branch-scoped managers for the web's scope tests are added by ``tests/web/scope_people.py``.
"""

from __future__ import annotations

import shutil
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from raqmana.frameworks import Framework
from raqmana.i18n import Translated
from raqmana.settings import Settings, get_settings
from raqmana.workspace import SYSTEM, Actor, Workspace, assessments, assignments, open_workspace, orgs, users
from raqmana.workspace.auth import load_actor
from raqmana.workspace.frameworks import register_framework
from raqmana.workspace.org_import import import_organisations
from raqmana.workspace.views import ResponseView

PASSWORD = "correct horse battery"

#: made-up ministries beside the shipped Iraqi institutions
EXTRA_ORGS_CSV = """code,kind,parent_code,name_en,name_ar,name_ckb
moa,ministry,,Ministry A,الوزارة أ,وەزارەتی ئەی
moa-it,unit,moa,IT Department of A,قسم تقنية المعلومات أ,بەشی تەکنەلۆژیای ئەی
mob,ministry,,Ministry B,الوزارة ب,وەزارەتی بی
"""


@dataclass(frozen=True)
class Persona:
    role: str  # "" for nobody's role
    org: str | None  # None: the whole tree
    locale: str


PEOPLE: Mapping[str, Persona] = {
    "admin": Persona("admin", None, "en"),
    "coord": Persona("coordinator", None, "ar"),
    "viewer": Persona("viewer", None, "en"),
    "focal": Persona("focal_point", "mofa", "ar"),
    "rev": Persona("reviewer", "mofa", "ar"),
    "outsider": Persona("focal_point", "mod", "ar"),
    "fp_a": Persona("focal_point", "moa", "en"),
    "fp_b": Persona("focal_point", "mob", "en"),
    "rev_a": Persona("reviewer", "moa", "en"),
    "rev_krg": Persona("reviewer", "krg", "en"),
    "fp_erbil": Persona("focal_point", "gov-erbil", "en"),
}


def t(en: str, ar: str = "", ckb: str = "") -> dict[str, str]:
    """A complete translated text (test content: made-up ar/ckb unless given)."""
    return {"en": en, "ar": ar or f"{en} (ar)", "ckb": ckb or f"{en} (ckb)"}


@dataclass(frozen=True)
class RoundSpec:
    """A round opened on the world: its framework, institutions and who is assigned to what."""

    framework: Callable[[], Framework]
    institutions: tuple[str, ...]
    #: (institution, username, role) for each assignment
    assigned: tuple[tuple[str, str, str], ...] = ()
    name: Translated = field(
        default_factory=lambda: Translated(en="Round 2026", ar="جولة 2026", ckb="خولی 2026")
    )
    #: a persona, or "" for the system
    opened_by: str = "coord"


@dataclass
class World:
    ws: Workspace
    settings: Settings
    user_ids: dict[str, int] = field(default_factory=dict)
    framework: Framework | None = None
    framework_version_id: int = 0
    assessment_id: int = 0
    institutions: list[str] = field(default_factory=list)
    #: the web round's institution with people assigned, and its other one
    institution: str = "mofa"
    other_institution: str = "moi"
    actors: dict[str, Actor] = field(default_factory=dict)

    def __getitem__(self, name: str) -> Actor:
        if name not in self.actors:
            self.refresh(name)
        return self.actors[name]

    def refresh(self, name: str) -> Actor:
        """The person as the workspace knows them now (after a grant changed, say)."""
        known = self.actors.get(name)
        user_id = self.user_ids[name] if known is None or known.user_id is None else known.user_id
        with self.ws.reader() as s:
            self.actors[name] = load_actor(s, user_id)
        return self.actors[name]


def make_settings(tmp: Path, **overrides: object) -> Settings:
    """Test settings on a data directory (SQLite inside it unless ``database_url`` is given)."""
    base: dict[str, object] = {
        "environment": "test",
        "data_dir": tmp,
        "database_url": "",
        "secret_key": "test-secret-key-for-web-tests-0123456789",
        "password_cost": "minimal",
    }
    return get_settings(**{**base, **overrides})


def add_person(
    ws: Workspace, username: str, role: str = "", org: str | None = None, locale: str = "en"
) -> int:
    """A user with (at most) one grant, through the workspace's own use cases; password :data:`PASSWORD`."""
    with ws.transaction() as s:
        u = users.create_user(
            s,
            SYSTEM,
            username=username,
            password=PASSWORD,
            display_name=username.replace("_", " ").title(),
            locale=locale,
        )
        if role:
            users.grant_role(s, SYSTEM, user_id=u.id, role=role, org_code=org)
        return u.id


def build_world(ws: Workspace, spec: RoundSpec | None = None) -> World:
    """The tree and the people in ``ws`` (a fresh workspace), and the round of ``spec`` opened on them."""
    world = World(ws=ws, settings=ws.settings)
    with ws.transaction() as s:
        orgs.seed_iraq(s)
        import_organisations(s, SYSTEM, data=EXTRA_ORGS_CSV.encode(), filename="test-orgs.csv")
    for username, p in PEOPLE.items():
        world.user_ids[username] = add_person(ws, username, p.role, p.org, p.locale)
    if spec is not None:
        open_round(world, spec)
    return world


def open_round(world: World, spec: RoundSpec, *, illustrative: bool = False) -> int:
    fw = spec.framework()
    with world.ws.transaction() as s:
        fv = register_framework(s, SYSTEM, fw)
        actor = load_actor(s, world.user_ids[spec.opened_by]) if spec.opened_by else SYSTEM
        a = assessments.open_round(
            s,
            actor,
            framework_version_id=fv.id,
            name=spec.name,
            period="2026",
            institution_codes=list(spec.institutions),
            illustrative=illustrative,
        )
        for code, username, role in spec.assigned:
            assignments.assign(
                s,
                SYSTEM,
                assessment_id=a.id,
                institution_code=code,
                user_id=world.user_ids[username],
                role=role,
            )
    world.framework, world.framework_version_id, world.assessment_id = fw, fv.id, a.id
    world.institutions = list(spec.institutions)
    return a.id


def copy_world(template: World, tmp: Path, **overrides: object) -> World:
    """A fresh copy of a world built on SQLite (its database file and data directory) for one test."""
    shutil.copytree(template.settings.data_dir, tmp, dirs_exist_ok=True)
    settings = make_settings(tmp, **overrides)
    return World(
        ws=open_workspace(settings, migrate=False),
        settings=settings,
        user_ids=dict(template.user_ids),
        framework=template.framework,
        framework_version_id=template.framework_version_id,
        assessment_id=template.assessment_id,
        institutions=list(template.institutions),
        actors=dict(template.actors),
    )


def stored(world: World, code: str = "mofa") -> dict[str, ResponseView]:
    """The answers stored for an institution of the round, by indicator id (read straight from the workspace)."""
    from raqmana.workspace import responses

    with world.ws.reader() as s:
        rows = responses.list_responses(s, SYSTEM, assessment_id=world.assessment_id, institution_code=code)
    return {r.indicator_id: r for r in rows}
