"""The web pages' round on the test world (:mod:`tests.support.world`: the tree, the people, building).

The round: "Round 2026" over ``mofa`` and ``moi`` on :func:`tiny_framework`, opened by the system, with
``focal`` and ``rev`` assigned to ``mofa``. Each test gets a copy of a world built once per session
(``template_world`` in ``tests/web/conftest.py``).
"""

from __future__ import annotations

from raqmana.frameworks import Framework
from raqmana.settings import Settings
from raqmana.workspace import SYSTEM, open_workspace
from raqmana.workspace.frameworks import register_framework
from tests.support.world import PASSWORD, RoundSpec, World, copy_world, make_settings, open_round, stored
from tests.support.world import build_world as build_test_world

__all__ = [
    "PASSWORD",
    "WEB_ROUND",
    "World",
    "build_world",
    "copy_world",
    "make_settings",
    "stored",
    "tiny_framework",
]


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


WEB_ROUND = RoundSpec(
    framework=tiny_framework,
    institutions=("mofa", "moi"),
    assigned=(("mofa", "focal", "focal_point"), ("mofa", "rev", "reviewer")),
    opened_by="",
)


def build_world(settings: Settings, *, illustrative: bool = False, with_round: bool = True) -> World:
    world = build_test_world(open_workspace(settings))
    if with_round:
        open_round(world, WEB_ROUND, illustrative=illustrative)
    else:  # no round yet, but the framework a coordinator opens one on is there
        with world.ws.transaction() as s:
            register_framework(s, SYSTEM, WEB_ROUND.framework())
    return world
