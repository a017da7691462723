"""Small frameworks, rule bases and assessments written inline for the recommendation tests."""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml

from raqmana.frameworks.schema import Framework
from raqmana.recommend import Assessment, RuleBase
from tests.factories import framework_dict, indicator, t


def mini_framework() -> Framework:
    """LEG (LEG-01, LEG-02) → IDS (IDS-01) → SRV (SRV-01 ladder, SRV-02 percentage), SRV depends on LEG and IDS."""
    data = framework_dict()
    data["pillars"].insert(
        1,
        {
            "id": "IDS",
            "name": t("Identity"),
            "depends_on": ["LEG"],
            "sub_areas": [{"id": "IDS.1", "name": t("Digital ID"), "indicators": [indicator("IDS-01")]}],
        },
    )
    data["pillars"][2]["depends_on"] = ["LEG", "IDS"]
    return Framework.model_validate(data)


def rule(rule_id: str, pillar: str, *conditions: str, **fields: Any) -> dict[str, Any]:
    """A complete rule (translated title and description) firing when every condition holds."""
    base: dict[str, Any] = {
        "id": rule_id,
        "pillar": pillar,
        "when": {"all": list(conditions)},
        "title": t(f"Do {rule_id}"),
        "description": t(f"Why {rule_id}"),
        "responsible": "secretariat",
        "cost_usd": {"low": 100_000, "high": 300_000},
        "duration_quarters": 2,
    }
    base.update(fields)
    return copy.deepcopy(base)


def rulebase_dict(*rules: dict[str, Any], **fields: Any) -> dict[str, Any]:
    return {"schema_version": 1, "framework": "mini", "version": "test", "rules": list(rules), **fields}


def rulebase(*rules: dict[str, Any], **fields: Any) -> RuleBase:
    return RuleBase.model_validate(rulebase_dict(*rules, **fields))


def write_rules(
    tmp: Path, data: dict[str, Any], includes: dict[str, list[dict[str, Any]]] | None = None
) -> Path:
    """Write ``rules.yaml`` (and ``rules/<name>`` include files) into ``tmp``; return the main file."""
    for name, items in (includes or {}).items():
        path = tmp / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(yaml.safe_dump(items, allow_unicode=True, sort_keys=False), encoding="utf-8")
    main = tmp / "rules.yaml"
    main.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return main


def institution(ident: str, kind: str = "ministry", **fields: Any) -> dict[str, Any]:
    return {"id": ident, "name": t(f"Institution {ident}"), "type": kind, **fields}


def assessment(*institutions: dict[str, Any], **fields: Any) -> Assessment:
    return Assessment.model_validate(
        {"framework": "mini", "id": "test", "institutions": list(institutions), **fields}
    )
