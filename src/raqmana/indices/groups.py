"""Published classes of index values: EGDI groups and rating classes, GTMI groups, GCI tiers."""

from __future__ import annotations

#: EGDI groups (UN DESA): Very High 0.75–1.00, High 0.50–0.7499, Middle 0.25–0.4999, Low 0–0.2499
EGDI_GROUPS = (("VH", 0.75), ("H", 0.50), ("M", 0.25), ("L", 0.0))
#: rating classes (since 2020): each group split in four equal quarters, lowest first
EGDI_CLASSES = {
    "VH": ("V1", "V2", "V3", "VH"),
    "H": ("H1", "H2", "H3", "HV"),
    "M": ("M1", "M2", "M3", "MH"),
    "L": ("L1", "L2", "L3", "LM"),
}
#: GTMI groups (World Bank): A ≥ 0.75, B ≥ 0.50, C ≥ 0.25, D below
GTMI_GROUPS = (("A", 0.75), ("B", 0.50), ("C", 0.25), ("D", 0.0))
#: GCI 2024 tiers (ITU): T1 ≥ 95, T2 ≥ 85, T3 ≥ 55, T4 ≥ 20 [to verify], T5 below
GCI_TIERS = (("T1", 95.0), ("T2", 85.0), ("T3", 55.0), ("T4", 20.0), ("T5", 0.0))


def _band(value: float, bands: tuple[tuple[str, float], ...]) -> str:
    for label, lower in bands:
        if value >= lower:
            return label
    return bands[-1][0]


def egdi_group(value: float) -> str:
    return _band(value, EGDI_GROUPS)


def egdi_rating_class(value: float) -> str:
    """The rating class: the group's quarter (width 0.0625) that ``value`` falls in."""
    group = egdi_group(value)
    lower = dict(EGDI_GROUPS)[group]
    quarter = min(3, max(0, int((value - lower) / 0.0625 + 1e-12)))
    return EGDI_CLASSES[group][quarter]


def gtmi_group(value: float) -> str:
    return _band(value, GTMI_GROUPS)


def gci_tier(value: float) -> str:
    return _band(value, GCI_TIERS)
