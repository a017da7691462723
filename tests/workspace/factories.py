"""The use cases' round on the test world (:mod:`tests.support.world`: the tree, the people, building).

The round: "Round 2026" over ministry A (``moa``), its unit ``moa-it``, ministry B (``mob``) and Erbil
governorate, on :func:`small_framework` (two pillars, every answer type), opened by ``coord``. The
people the use-case tests speak of are :data:`PERSONAS` (a part of the world's one cast).
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from raqmana.frameworks import Framework
from raqmana.workspace import Actor, Workspace
from raqmana.workspace.auth import load_actor
from tests.support.world import PASSWORD, PEOPLE, RoundSpec, World, add_person
from tests.support.world import build_world as build_test_world
from tests.support.world import t as _t

__all__ = ["PASSWORD", "PERSONAS", "ROUND", "World", "add_user", "build_world", "small_framework", "world"]

#: the people of the use-case tests: (role, organisation) by username
PERSONAS: dict[str, tuple[str, str | None]] = {
    name: (PEOPLE[name].role, PEOPLE[name].org)
    for name in ("admin", "coord", "fp_a", "fp_b", "rev_a", "rev_krg", "fp_erbil", "viewer", "outsider")
}


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


ROUND = RoundSpec(framework=small_framework, institutions=("moa", "moa-it", "mob", "gov-erbil"))


def add_user(ws: Workspace, username: str, role: str = "", org_code: str | None = None) -> Actor:
    """One more person with (at most) one grant; password PASSWORD."""
    uid = add_person(ws, username, role, org_code)
    with ws.reader() as s:
        return load_actor(s, uid)


def build_world(ws: Workspace, framework: Framework | None = None) -> World:
    spec = (
        ROUND
        if framework is None
        else RoundSpec(framework=lambda: framework, institutions=ROUND.institutions)
    )
    return build_test_world(ws, spec)


@pytest.fixture
def world(ws: Workspace) -> Iterator[World]:
    yield build_world(ws)
