"""Step 7 — from scores to stages, groups and tiers.

Each scheme reads scores on its own scale; ``score_max`` rescales a build's scale to it
(e.g. a 0–100 build read as GTMI groups uses ``score_max = 100``).

* ``ladder`` (0–5): stage = ⌊score⌋, 0…5 — the maturity ladder of an assessment framework
* ``gtmi`` (0–1): A ≥ 0.75 > B ≥ 0.50 > C ≥ 0.25 > D (World Bank GovTech Maturity Index groups)
* ``egdi`` (0–1): VH > 0.75, H ≥ 0.50, M ≥ 0.25, L below (UN E-Government Development Index groups)
* ``egdi_class`` (0–1): each EGDI group split in four classes of width 0.0625
  (L1 L2 L3 LM, M1 M2 M3 MH, H1 H2 H3 HV, V1 V2 V3 VH, lowest to highest)
* ``compass`` (1–5.99): stage = ⌊score⌋, 1…5 (UNDP Digital Development Compass)
* ``gci`` (0–100): T1 ≥ 95, T2 ≥ 85, T3 ≥ 55, T4 ≥ 20, T5 below (ITU Global Cybersecurity Index 2024 tiers)

A missing score has no stage (an empty label); its data availability of 0 is reported beside it.
"""

from __future__ import annotations

import numpy as np
import numpy.typing as npt

StrArray = npt.NDArray[np.str_]
IntArray = npt.NDArray[np.int64]

NATIVE_MAX: dict[str, float | None] = {
    "ladder": 5.0,
    "gtmi": 1.0,
    "egdi": 1.0,
    "egdi_class": 1.0,
    "compass": None,
    "gci": 100.0,
}
#: labels of each scheme, lowest first; a stage code is an index into this list (−1: no score)
LABELS: dict[str, tuple[str, ...]] = {
    "ladder": ("0", "1", "2", "3", "4", "5"),
    "compass": ("1", "2", "3", "4", "5"),
    "gtmi": ("D", "C", "B", "A"),
    "egdi": ("L", "M", "H", "VH"),
    "egdi_class": (
        "L1",
        "L2",
        "L3",
        "LM",
        "M1",
        "M2",
        "M3",
        "MH",
        "H1",
        "H2",
        "H3",
        "HV",
        "V1",
        "V2",
        "V3",
        "VH",
    ),
    "gci": ("T5", "T4", "T3", "T2", "T1"),
}
_CUTS: dict[str, tuple[float, ...]] = {  # lower bounds of every label but the first
    "gtmi": (0.25, 0.5, 0.75),
    "gci": (20.0, 55.0, 85.0, 95.0),
}


def stage_codes(scheme: str, scores: npt.ArrayLike, score_max: float | None = None) -> IntArray:
    """Index into ``LABELS[scheme]`` of each score (same shape); −1 where the score is missing."""
    s = np.asarray(scores, dtype=np.float64)
    native = NATIVE_MAX[scheme]
    if native is not None and score_max is not None:
        s = s * (native / score_max)
    s = np.round(s, 9)  # 2.9999999999 from floating sums is stage 3
    missing = np.isnan(s)
    f = np.where(missing, 0.0, s)
    if scheme == "ladder":
        code = np.clip(np.floor(f), 0, 5)
    elif scheme == "compass":
        code = np.clip(np.floor(f), 1, 5) - 1
    elif scheme in _CUTS:
        code = np.searchsorted(np.array(_CUTS[scheme]), f, side="right")
    elif scheme in ("egdi", "egdi_class"):
        group = np.searchsorted(np.array([0.25, 0.5]), f, side="right") + (f > 0.75)
        if scheme == "egdi":
            code = group
        else:
            low = np.array([0.0, 0.25, 0.5, 0.75])[group]
            code = 4 * group + np.clip(np.floor((f - low) / 0.0625 + 1e-9), 0, 3)
    else:
        raise ValueError(scheme)  # unreachable: the recipe check refuses unknown schemes
    return np.where(missing, -1, code).astype(np.int64)


def stage_labels(scheme: str, scores: npt.ArrayLike, score_max: float | None = None) -> StrArray:
    """Stage label of each score (same shape); "" where the score is missing."""
    codes = stage_codes(scheme, scores, score_max)
    labels = np.array((*LABELS[scheme], ""), dtype=str)
    return labels[codes]  # −1 picks the trailing ""
