"""A small workspace for web tests: organisations, a tiny framework, a round and the personas.

Personas (password ``correct horse battery`` for all):

* ``coord`` — coordinator over the whole tree (opens rounds, assigns, watches progress)
* ``focal`` — focal point of ``mofa`` (answers for the Ministry of Foreign Affairs)
* ``rev`` — reviewer of ``mofa``
* ``viewer`` — viewer over the whole tree (reads only)
* ``outsider`` — focal point of ``mod`` (not in the round: sees nothing of it)
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from raqmana.frameworks import Framework
from raqmana.i18n import Translated
from raqmana.settings import Settings
from raqmana.workspace import (
    SYSTEM,
    Workspace,
    assessments,
    assignments,
    frameworks,
    open_workspace,
    orgs,
    responses,
    users,
)
from raqmana.workspace.views import ResponseView

PASSWORD = "correct horse battery"


def _t(en: str, ar: str = "", ckb: str = "") -> dict[str, str]:
    return {"en": en, "ar": ar or f"{en} (ar)", "ckb": ckb or f"{en} (ckb)"}


def _stages(prefix: str) -> list[dict[str, object]]:
    return [
        {
            "stage": n,
            "descriptor": _t(f"{prefix} stage {n} descriptor", f"وصف المرحلة {n}", f"وەسفی قۆناغی {n}"),
            "evidence": _t(f"{prefix} stage {n} evidence", f"الدليل المطلوب {n}", f"بەڵگەی پێویست {n}"),
        }
        for n in range(1, 6)
    ]


def tiny_framework() -> Framework:
    return Framework.model_validate(
        {
            "id": "tiny",
            "version": "1.0",
            "name": _t("Tiny framework", "إطار صغير", "چوارچێوەی بچووک"),
            "stage_labels": [
                {"stage": n, "label": _t(f"Level {n}", f"المستوى {n}", f"ئاستی {n}")} for n in range(6)
            ],
            "default_stage0": _t("Nothing exists yet", "لا يوجد شيء بعد", "هێشتا هیچ نییە"),
            "pillars": [
                {
                    "id": "LEG",
                    "name": _t("Legal framework", "الإطار القانوني", "چوارچێوەی یاسایی"),
                    "sub_areas": [
                        {
                            "id": "LEG.1",
                            "name": _t("Laws"),
                            "indicators": [
                                {
                                    "id": "LEG-01",
                                    "name": _t(
                                        "E-signature law",
                                        "قانون التوقيع الإلكتروني",
                                        "یاسای واژۆی ئەلیکترۆنی",
                                    ),
                                    "question": _t(
                                        "Is there an e-signature law?",
                                        "هل يوجد قانون للتوقيع الإلكتروني؟",
                                        "ئایا یاسای واژۆی ئەلیکترۆنی هەیە؟",
                                    ),
                                    "answer_type": "ladder",
                                    "stages": _stages("LEG-01"),
                                    "na_allowed": True,
                                },
                                {
                                    "id": "LEG-02",
                                    "name": _t("Data protection law"),
                                    "question": _t("Is personal data protected?"),
                                    "answer_type": "ladder",
                                    "stages": _stages("LEG-02"),
                                },
                            ],
                        }
                    ],
                },
                {
                    "id": "SRV",
                    "name": _t("Services", "الخدمات", "خزمەتگوزارییەکان"),
                    "sub_areas": [
                        {
                            "id": "SRV.1",
                            "name": _t("Online services"),
                            "indicators": [
                                {
                                    "id": "SRV-01",
                                    "name": _t("Services online"),
                                    "question": _t("Share of services online?"),
                                    "answer_type": "percentage",
                                    "min_value": 0,
                                    "max_value": 100,
                                },
                                {
                                    "id": "SRV-02",
                                    "name": _t("Portal"),
                                    "question": _t("Is there a portal?"),
                                    "answer_type": "yes_no",
                                },
                            ],
                        }
                    ],
                },
            ],
        }
    )


@dataclass
class World:
    ws: Workspace
    settings: Settings
    assessment_id: int = 0
    institution: str = "mofa"
    other_institution: str = "moi"
    user_ids: dict[str, int] = field(default_factory=dict)


def build_world(settings: Settings, *, illustrative: bool = False, with_round: bool = True) -> World:
    ws = open_workspace(settings)
    world = World(ws=ws, settings=settings)
    with ws.transaction() as s:
        orgs.seed_iraq(s)
        fv = frameworks.register_framework(s, SYSTEM, tiny_framework())
        for username, role, org, locale in [
            ("coord", "coordinator", None, "ar"),
            ("focal", "focal_point", "mofa", "ar"),
            ("rev", "reviewer", "mofa", "ar"),
            ("viewer", "viewer", None, "en"),
            ("outsider", "focal_point", "mod", "ar"),
        ]:
            u = users.create_user(
                s, SYSTEM, username=username, password=PASSWORD, display_name=username.title(), locale=locale
            )
            users.grant_role(s, SYSTEM, user_id=u.id, role=role, org_code=org)
            world.user_ids[username] = u.id
        if not with_round:
            return world
        name = Translated(en="Round 2026", ar="جولة 2026", ckb="خولی 2026")
        a = assessments.open_round(
            s,
            SYSTEM,
            framework_version_id=fv.id,
            name=name,
            period="2026",
            institution_codes=["mofa", "moi"],
            illustrative=illustrative,
        )
        world.assessment_id = a.id
        assignments.assign(
            s,
            SYSTEM,
            assessment_id=a.id,
            institution_code="mofa",
            user_id=world.user_ids["focal"],
            role="focal_point",
        )
        assignments.assign(
            s,
            SYSTEM,
            assessment_id=a.id,
            institution_code="mofa",
            user_id=world.user_ids["rev"],
            role="reviewer",
        )
    return world


def make_settings(tmp: Path, **overrides: object) -> Settings:
    from raqmana.settings import get_settings

    return get_settings(
        environment="test",
        data_dir=tmp,
        database_url="",
        secret_key="test-secret-key-for-web-tests-0123456789",
        **{"password_cost": "minimal", **overrides},
    )


def stored(world: World, code: str = "mofa") -> dict[str, ResponseView]:
    """The answers stored for an institution of the round, by indicator id (read straight from the workspace)."""
    with world.ws.reader() as s:
        rows = responses.list_responses(s, SYSTEM, assessment_id=world.assessment_id, institution_code=code)
    return {r.indicator_id: r for r in rows}


def copy_world(template: World, tmp: Path, **overrides: object) -> World:
    """A fresh copy of a built world (its SQLite file and data directory) for one test."""
    shutil.copytree(template.settings.data_dir, tmp, dirs_exist_ok=True)
    settings = make_settings(tmp, **overrides)
    return World(
        ws=open_workspace(settings, migrate=False),
        settings=settings,
        assessment_id=template.assessment_id,
        user_ids=dict(template.user_ids),
    )
