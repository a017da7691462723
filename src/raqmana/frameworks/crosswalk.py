"""Known targets of crosswalk references, so an unknown one can be reported.

The sets come from the data shipped with the package (SDG targets, UNDP DTF v1 pillars) and from
the published structure of GTMI (I-1…I-48), NCSI (12 capacities), EGDI and GovStack.
"""

from __future__ import annotations

import csv
import re
from functools import lru_cache
from importlib import resources

EGDI_COMPONENTS = frozenset({"EGDI", "OSI", "TII", "HCI", "EPI", "LOSI"})
GTMI_INDICATORS = frozenset(f"I-{n}" for n in range(1, 49))
GOVSTACK_BLOCKS: dict[str, str] = {
    "cloud-infrastructure": "Cloud Infrastructure",
    "consent": "Consent",
    "content-management": "Content Management System",
    "digital-registries": "Digital Registries",
    "e-marketplace": "E-Marketplace",
    "e-signature": "E-Signature",
    "gis": "GIS",
    "identity": "Identity",
    "information-mediator": "Information Mediator",
    "messaging": "Messaging",
    "payments": "Payments",
    "registration": "Registration",
    "scheduler": "Scheduler",
    "wallet": "Wallet",
    "workflow": "Workflow",
    "security": "Security",
}
_NCSI = re.compile(r"^(?:[1-9]|1[0-2])\.(?:[1-9][0-9]?)$")


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.strip().lower()).strip("-")


@lru_cache(maxsize=1)
def sdg_rows() -> list[dict[str, str]]:
    path = resources.files("raqmana.frameworks").joinpath("data", "sdg_goals_targets.csv")
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def sdg_targets() -> frozenset[str]:
    return frozenset(r["target"] for r in sdg_rows() if r["target"])


@lru_cache(maxsize=1)
def undp_dtf_ids() -> frozenset[str]:
    path = resources.files("raqmana.frameworks").joinpath("data", "undp_dtf_v1_stages.csv")
    ids: set[str] = set()
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            pillar = slug(row.get("Pillar") or "")
            if not pillar:
                continue
            ids.add(pillar)
            sub = slug(row.get("Sub-Pillar") or "")
            if sub:
                ids.add(f"{pillar}.{sub}")
    return frozenset(ids)


def is_known(target: str, value: str) -> bool:
    """Whether ``value`` names an item of crosswalk ``target`` (gtmi, ncsi, egdi, govstack, undp_dtf, sdg)."""
    v = str(value).strip()
    if target == "gtmi":
        return v in GTMI_INDICATORS
    if target == "ncsi":
        return bool(_NCSI.match(v))
    if target == "egdi":
        return v in EGDI_COMPONENTS
    if target == "govstack":
        return v in GOVSTACK_BLOCKS
    if target == "undp_dtf":
        return v in undp_dtf_ids()
    if target == "sdg":
        return v in sdg_targets()
    return False
