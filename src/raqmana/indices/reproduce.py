"""Recompute each official index from its published components: a trust check a user can run.

``reproduce("egdi", "2024")`` recomputes EGDI = mean(OSI, TII, HCI) for every country, compares
it with the published value and the published (or implied) group, and reports the largest
difference, the countries outside the tolerance, and the known exceptions of that edition.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.indices import errors as E
from raqmana.indices.datasets import Dataset, load_dataset
from raqmana.indices.groups import egdi_group, egdi_rating_class, gtmi_group
from raqmana.indices.table import Record
from raqmana.problems import Problem, ProblemsError

T = Translated.of
NCSI_MAX_POINTS = 154  # inferred: every published 2021 score is k/154 × 100 for a whole number k

_NO_PORTAL = ui(
    "Published EGDI is 0 because the national portal could not be assessed (OSI = 0), although TII and HCI are not 0."
)
_UNRANKED = ui("Unranked in this edition: HCI not published (EGDI published as 0).")
_MISSING = ui("A component is missing.")

#: (index, edition) → {iso3: reason}: published values that are not the formula's result, on purpose
KNOWN_EXCEPTIONS: dict[tuple[str, str], dict[str, Translated]] = {
    ("egdi", "2012"): {"LBY": _NO_PORTAL, "CAF": _NO_PORTAL, "GIN": _NO_PORTAL},
}


@dataclass(frozen=True)
class Formula:
    text: str
    components: tuple[str, ...]
    compute: Callable[[list[float]], float]
    tolerance: float
    group: Callable[[float], str] | None = None


def _mean(xs: list[float]) -> float:
    return sum(xs) / len(xs)


def _ncsi(xs: list[float]) -> float:
    return round(xs[0] * NCSI_MAX_POINTS / 100) * 100 / NCSI_MAX_POINTS


FORMULAS: dict[str, Formula] = {
    "egdi": Formula("EGDI = (OSI + TII + HCI) / 3", ("osi", "tii", "hci"), _mean, 1e-4, egdi_group),
    "gtmi": Formula(
        "GTMI = (CGSI + PSDI + DCEI + GTEI) / 4", ("cgsi", "psdi", "dcei", "gtei"), _mean, 1e-6, gtmi_group
    ),
    "gci": Formula(
        "GCI = legal + technical + organisational + capacity + cooperation",
        ("legal", "technical", "organisational", "capacity", "cooperation"),
        sum,
        0.025,
    ),  # five pillars rounded to 0.01 each
    "ncsi": Formula(
        f"NCSI = points / {NCSI_MAX_POINTS} × 100 (points = whole number)", ("ncsi",), _ncsi, 0.0051
    ),
    "oecd-dgi": Formula(
        "DGI = mean of the six dimensions",
        ("digital_design", "data_driven", "govt_as_platform", "open_default", "user_driven", "proactiveness"),
        _mean,
        0.0011,
    ),
    "undp-ddc": Formula(
        "Compass overall = mean of the available pillar scores",
        ("business", "foundations", "government", "infrastructure", "people", "regulation", "strategy"),
        _mean,
        0.0051,
    ),
}
#: editions whose published values carry more rounding than the rest
TOLERANCE_BY_EDITION = {("egdi", "2010"): 0.005}


@dataclass(frozen=True)
class Difference:
    iso3: str
    published: float
    reproduced: float

    @property
    def diff(self) -> float:
        return abs(self.published - self.reproduced)


@dataclass(frozen=True)
class GroupMismatch:
    iso3: str
    published: str
    reproduced: str


@dataclass(frozen=True)
class Skipped:
    iso3: str
    reason: Translated


@dataclass
class Reproduction:
    index: str
    edition: str
    formula: str
    tolerance: float
    compared: int = 0
    max_abs_diff: float = 0.0
    mismatches: list[Difference] = field(default_factory=list)
    group_mismatches: list[GroupMismatch] = field(default_factory=list)
    exceptions: list[tuple[Difference, Translated]] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)
    groups: dict[str, int] = field(default_factory=dict)
    classes: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return self.compared > 0 and not self.mismatches and not self.group_mismatches

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "edition": self.edition,
            "formula": self.formula,
            "tolerance": self.tolerance,
            "compared": self.compared,
            "max_abs_diff": self.max_abs_diff,
            "ok": self.ok,
            "mismatches": [{**asdict(m), "diff": m.diff} for m in self.mismatches],
            "group_mismatches": [asdict(g) for g in self.group_mismatches],
            "known_exceptions": [{**asdict(d), "reason": r.model_dump()} for d, r in self.exceptions],
            "skipped": [{"iso3": s.iso3, "reason": s.reason.model_dump()} for s in self.skipped],
            "groups": self.groups,
            "rating_classes": self.classes,
        }


def reproduce(
    index: str, edition: str, *, dataset: Dataset | None = None, data_dir: Path | None = None
) -> Reproduction:
    """Recompute ``index`` for ``edition`` from its components and compare with the published values."""
    ds = dataset or load_dataset(index, data_dir=data_dir)  # nosec B615  # raqmana's own reader of bundled CSV files, not the Hugging Face hub
    if edition not in ds.edition_labels():
        known = ", ".join(ds.edition_labels()) or "—"
        code = E.NOT_IMPORTED if not ds.spec.bundled and not ds.edition_labels() else E.UNKNOWN_EDITION
        raise ProblemsError([Problem(code, params={"name": index, "edition": edition, "known": known})])
    formula = FORMULAS[index]
    tol = TOLERANCE_BY_EDITION.get((index, edition), formula.tolerance)
    out = Reproduction(index, edition, formula.text, tol)
    exceptions = KNOWN_EXCEPTIONS.get((index, edition), {})
    published_groups: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    for rec in sorted(ds.rows(edition), key=lambda r: r.iso3):
        published = rec.values.get(ds.spec.composite)
        parts = _parts(rec, formula.components, index)
        if published is None or parts is None:
            reason = _UNRANKED if index == "egdi" and published in (None, 0.0) else _MISSING
            out.skipped.append(Skipped(rec.iso3, reason))
            continue
        value = formula.compute(parts)
        diff = Difference(rec.iso3, published, value)
        if rec.iso3 in exceptions:
            out.exceptions.append((diff, exceptions[rec.iso3]))
            continue
        out.compared += 1
        out.max_abs_diff = max(out.max_abs_diff, diff.diff)
        if diff.diff > tol:
            out.mismatches.append(diff)
        if formula.group is not None:
            stated = rec.group or formula.group(published)
            published_groups[stated] += 1
            if formula.group(value) != stated:
                out.group_mismatches.append(GroupMismatch(rec.iso3, stated, formula.group(value)))
            if index == "egdi":
                classes[egdi_rating_class(published)] += 1
    if out.compared == 0:
        raise ProblemsError([Problem(E.NOTHING_TO_COMPARE, params={"name": index, "edition": edition})])
    out.groups = dict(sorted(published_groups.items()))
    out.classes = dict(sorted(classes.items()))
    return out


def _parts(rec: Record, comps: tuple[str, ...], index: str) -> list[float] | None:
    values = [rec.values.get(c) for c in comps]
    if index == "undp-ddc":  # the Compass averages the pillars that have data
        present = [v for v in values if v is not None]
        return present or None
    if any(v is None for v in values):
        return None
    return [v for v in values if v is not None]
