"""Factories for test data: small frameworks built inline, written where a test needs a file (the test
world and its people are in :mod:`tests.support.world`)."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from tests.support.world import t

__all__ = ["framework_dict", "indicator", "ladder", "t", "write_framework"]


def ladder(prefix: str) -> list[dict[str, Any]]:
    return [
        {"stage": s, "descriptor": t(f"{prefix} stage {s}"), "evidence": t(f"{prefix} proof {s}")}
        for s in range(1, 6)
    ]


def indicator(ident: str, **overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "id": ident,
        "name": t(f"Indicator {ident}"),
        "question": t(f"Question {ident}?"),
        "answer_type": "ladder",
        "stages": ladder(ident),
        "responsible": ["ministry"],
        "crosswalk": {"gtmi": ["I-42"], "sdg": ["16.6"], "govstack": ["e-signature"]},
    }
    base.update(overrides)
    return base


def framework_dict(**overrides: Any) -> dict[str, Any]:
    base: dict[str, Any] = {
        "schema_version": 1,
        "id": "mini",
        "version": "1",
        "name": t("Mini framework"),
        "default_stage0": t("Nothing exists"),
        "stage_labels": [{"stage": s, "label": t(f"Stage {s}")} for s in range(6)],
        "pillars": [
            {
                "id": "LEG",
                "name": t("Legal"),
                "sub_areas": [
                    {
                        "id": "LEG.1",
                        "name": t("Laws"),
                        "indicators": [indicator("LEG-01"), indicator("LEG-02")],
                    },
                ],
            },
            {
                "id": "SRV",
                "name": t("Services"),
                "depends_on": ["LEG"],
                "sub_areas": [
                    {
                        "id": "SRV.1",
                        "name": t("Portal"),
                        "indicators": [
                            indicator("SRV-01"),
                            indicator(
                                "SRV-02",
                                answer_type="percentage",
                                stages=[],
                                min_value=0,
                                max_value=100,
                                unit=t("percent"),
                            ),
                        ],
                    },
                ],
            },
        ],
    }
    base.update(overrides)
    return copy.deepcopy(base)


def write_framework(tmp: Path, data: dict[str, Any] | str, name: str = "framework.yaml") -> Path:
    path = tmp / name
    text = data if isinstance(data, str) else yaml.safe_dump(data, allow_unicode=True, sort_keys=False)
    path.write_text(text, encoding="utf-8")
    return path
