"""Step 0 — denomination (COINr's ``Denominate``): indicators divided by a size column.

An indicator whose metadata names a ``Denominator`` (a column of the data of ``Type =
Denominator``, or ``Den_*`` in COINr 0.6 tables) becomes ``x / (d / ScaleFactor)``, exactly as COINr
computes it (``ScaleFactor`` 1 when absent; 1000 gives "per thousand"). A unit with a value but
no denominator gets a missing ratio, as in COINr, with a located warning (imputation may fill it);
a denominator of 0 is refused with the cell's location. A metadata Denominator is never silently
left unused.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import numpy as np

from raqmana.problems import Location, Problem, ProblemsError
from raqmana.scoring import errors as E
from raqmana.scoring.dataset import Dataset
from raqmana.scoring.hierarchy import Tree
from raqmana.scoring.recipe import Node, Step
from raqmana.scoring.table import Table


@dataclass(frozen=True)
class Denominated:
    table: Table
    warnings: tuple[Problem, ...]
    log: dict[str, Any]


def denominate(
    raw: Table, data: Dataset, tree: Tree, step: Step, *, meta: tuple[Node, ...] = (), meta_file: str = ""
) -> Denominated:
    asked = {c: tree.nodes[c] for c in raw.columns if tree.nodes[c].denominator}
    log: dict[str, Any] = {"method": step.method, "indicators": {}}
    problems: list[Problem] = []
    for n in meta:  # a Denominator on an aggregate or a group row has nothing to divide
        if n.denominator and n.type != "Indicator":
            where = Location(file=meta_file, line=n.line, column="Denominator")
            problems.append(
                Problem(E.DENOMINATOR_NOT_IN_DATA, where, {"code": n.code, "denominator": n.denominator})
            )
    if step.method == "none" or not asked:
        if problems:
            raise ProblemsError(problems)
        off = Problem(E.DENOMINATION_OFF, Location(file=meta_file, column="Denominator"))
        warnings: tuple[Problem, ...] = (off,) if asked else ()
        return Denominated(raw, warnings, log)
    x = np.array(raw.values, dtype=np.float64)
    missing: dict[tuple[str, str], list[str]] = {}  # (unit, denominator) → indicators left missing
    for code, node in asked.items():
        den = node.denominator
        if den not in data.columns or den in tree.indicators:
            where = Location(file=meta_file, line=node.line, column="Denominator")
            problems.append(Problem(E.DENOMINATOR_NOT_IN_DATA, where, {"code": code, "denominator": den}))
            continue
        j = raw.columns.index(code)
        d = np.asarray(data.table.col(den), dtype=np.float64)
        has = ~np.isnan(x[:, j])
        for i in np.flatnonzero(has & (d == 0)):
            unit = raw.units[i]
            problems.append(
                Problem(
                    E.BAD_DENOMINATOR,
                    data.cell(unit, den),
                    {"unit": unit, "code": code, "denominator": den, "value": "0"},
                )
            )
        for i in np.flatnonzero(has & np.isnan(d)):
            missing.setdefault((raw.units[i], den), []).append(code)
        scale = 1.0 if node.scale is None else node.scale
        with np.errstate(divide="ignore", invalid="ignore"):
            x[:, j] = x[:, j] / (d / scale)  # COINr's order of operations, to the last digit
        log["indicators"][code] = {"denominator": den, "scale": scale}
    if problems:
        raise ProblemsError(problems)
    warnings = tuple(
        Problem(
            E.NO_DENOMINATOR,
            data.cell(unit, den),
            {"unit": unit, "denominator": den, "codes": ", ".join(codes)},
        )
        for (unit, den), codes in missing.items()
    )
    log["left_missing"] = sum(len(c) for c in missing.values())
    return Denominated(Table(raw.units, raw.columns, x), warnings, log)
