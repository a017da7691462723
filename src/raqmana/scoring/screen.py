"""Step 1 — screening by data availability.

Units with data for fewer than ``unit_min`` of the indicators are left out first; then
indicators with data for fewer than ``indicator_min`` of the remaining units. As COINr's
``Screen(unit_screen = …)``, ``unit_screen`` may instead (``zeros``) or also (``na_and_zeros``)
leave out units whose share of non-zero values among their available ones is below
``nonzero_min`` (COINr's ``nonzero_thresh``). Each removal is a warning with its location, never a
silent drop. ``order`` (before or after imputation) is applied by the build, which passes the
table to screen.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.recipe import Step
from raqmana.scoring.table import Table


@dataclass(frozen=True)
class Screened:
    table: Table
    dropped_units: tuple[str, ...]
    dropped_indicators: tuple[str, ...]
    warnings: tuple[Problem, ...]
    log: dict[str, Any]


def screen(raw: Table, step: Step, *, file: str = "", lines: dict[str, int] | None = None) -> Screened:
    p = step.resolved("screen")
    unit_min, ind_min = float(p["unit_min"]), float(p["indicator_min"])
    by = str(p["unit_screen"])
    nonzero_min = float(p["nonzero_min"])
    present = ~np.isnan(raw.values)
    warnings: list[Problem] = []

    unit_share = present.mean(axis=1) if raw.values.shape[1] else np.zeros(len(raw.units))
    keep_na = unit_share >= unit_min - 1e-12
    with np.errstate(invalid="ignore", divide="ignore"):
        nonzero = 1.0 - (present & (np.nan_to_num(raw.values) == 0)).sum(axis=1) / present.sum(axis=1)
    keep_zero = ~(nonzero < nonzero_min - 1e-12)  # a unit with no data at all is screened by NA only
    keep_u = {"na": keep_na, "zeros": keep_zero, "na_and_zeros": keep_na & keep_zero}[by]
    # COINr's Screen(Force = data.frame(uCode, Include)): the user's decision wins over the thresholds
    force_in, force_out = list(p["force_include"] or []), list(p["force_exclude"] or [])
    unknown = [u for u in force_in + force_out if u not in raw.units]
    if unknown:
        raise ProblemsError(
            [
                Problem(
                    E.UNKNOWN_UNIT,
                    Location(path="screen.force_include" if u in force_in else "screen.force_exclude"),
                    {"code": u},
                )
                for u in unknown
            ]
        )
    forced_in = np.isin(np.array(raw.units, dtype=object), force_in) & ~keep_u
    keep_u = (keep_u | np.isin(np.array(raw.units, dtype=object), force_in)) & ~np.isin(
        np.array(raw.units, dtype=object), force_out
    )
    if not keep_u.any():
        raise ProblemsError(
            [
                Problem(
                    E.ALL_SCREENED_OUT,
                    Location(file=file),
                    {"what": E.WHAT["unit"], "threshold": _pct(unit_min)},
                )
            ]
        )
    for i in np.flatnonzero(~keep_u):
        u = raw.units[i]
        where = Location(file=file, line=(lines or {}).get(u), column="uCode")
        if u in force_out:
            continue  # left out because the recipe says so: listed in the log, not a warning
        if by != "zeros" and not keep_na[i]:
            params = {"code": u, "share": _pct(unit_share[i]), "threshold": _pct(unit_min)}
            warnings.append(Problem(E.UNIT_SCREENED_OUT, where, params))
        else:
            params = {"code": u, "share": _pct(nonzero[i]), "threshold": _pct(nonzero_min)}
            warnings.append(Problem(E.UNIT_SCREENED_ZEROS, where, params))

    ind_share = present[keep_u].mean(axis=0)
    keep_i = ind_share >= ind_min - 1e-12
    if not keep_i.any():
        raise ProblemsError(
            [
                Problem(
                    E.ALL_SCREENED_OUT,
                    Location(file=file),
                    {"what": E.WHAT["indicator"], "threshold": _pct(ind_min)},
                )
            ]
        )
    for j in np.flatnonzero(~keep_i):
        c = raw.columns[j]
        warnings.append(
            Problem(
                E.INDICATOR_SCREENED_OUT,
                Location(file=file, column=c),
                {"code": c, "share": _pct(ind_share[j]), "threshold": _pct(ind_min)},
            )
        )

    units = tuple(u for u, k in zip(raw.units, keep_u, strict=True) if k)
    columns = tuple(c for c, k in zip(raw.columns, keep_i, strict=True) if k)
    table = Table(units, columns, raw.values[np.ix_(keep_u, keep_i)])
    dropped_u = tuple(u for u, k in zip(raw.units, keep_u, strict=True) if not k)
    dropped_i = tuple(c for c, k in zip(raw.columns, keep_i, strict=True) if not k)
    log = {
        "method": "availability",
        "unit_min": unit_min,
        "indicator_min": ind_min,
        "unit_screen": by,
        "nonzero_min": nonzero_min,
        "order": str(p["order"]),
        "forced_in": [u for u, f in zip(raw.units, forced_in, strict=True) if f],
        "forced_out": list(force_out),
        "dropped_units": list(dropped_u),
        "dropped_indicators": list(dropped_i),
    }
    return Screened(table, dropped_u, dropped_i, tuple(warnings), log)


def _pct(share: float) -> str:
    return f"{100 * float(share):.0f} %"
