"""The input of a build: one row per unit (institution, country…), one column per indicator.

The layout is COINr's iData: ``uCode``, ``uName``, optional ``Group_*`` columns (labels used by
group-mean imputation), optional ``Time`` (ignored with a warning) and one numeric column per
indicator or denominator. Every cell is checked here, so that a bad cell is reported with its
file, row and column rather than becoming a NaN later.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

from raqmana.problems import Location, Problem, ProblemsError, Severity
from raqmana.scoring import errors as E
from raqmana.scoring.cells import NotANumber, is_blank, parse_number
from raqmana.scoring.table import Table

UNIT_CODE = "uCode"
UNIT_NAME = "uName"
GROUP_PREFIX = "Group_"
TIME = "Time"


@dataclass(frozen=True, eq=False)
class Dataset:
    table: Table  # units × numeric columns
    names: tuple[str, ...] = ()
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    file: str = ""
    #: the file row of each unit (for messages); empty when the data did not come from a file
    lines: tuple[int, ...] = ()
    warnings: tuple[Problem, ...] = ()

    def __post_init__(self) -> None:
        if not self.names:
            object.__setattr__(self, "names", self.table.units)
        object.__setattr__(self, "groups", {k: tuple(v) for k, v in self.groups.items()})

    @property
    def units(self) -> tuple[str, ...]:
        return self.table.units

    @property
    def columns(self) -> tuple[str, ...]:
        return self.table.columns

    def line_of(self, unit: str) -> int | None:
        if not self.lines:
            return None
        return self.lines[self.table.units.index(unit)]

    def cell(self, unit: str, column: str) -> Location:
        return Location(file=self.file, line=self.line_of(unit), column=column)

    def equals(self, other: Dataset) -> bool:
        return (
            self.table.equals(other.table)
            and self.names == other.names
            and dict(self.groups) == dict(other.groups)
        )

    @classmethod
    def from_rows(
        cls, rows: Sequence[Mapping[str, Any]], *, file: str = "", lines: Sequence[int] | None = None
    ) -> Dataset:
        """Rows in COINr's iData layout (e.g. from ``csv.DictReader``); ``lines`` are their file rows
        (default: 2, 3, … after a header line)."""
        line_of = list(lines) if lines is not None else [i + 2 for i in range(len(rows))]
        problems: list[Problem] = []
        header: list[str] = list(rows[0].keys()) if rows else []
        if not rows:
            raise ProblemsError([Problem(E.NO_UNITS, Location(file=file))])
        if UNIT_CODE not in header:
            raise ProblemsError(
                [Problem(E.MISSING_COLUMN, Location(file=file, line=1), {"column": UNIT_CODE})]
            )
        group_cols = [c for c in header if c.startswith(GROUP_PREFIX)]
        numeric = [c for c in header if c not in (UNIT_CODE, UNIT_NAME, TIME) and c not in group_cols and c]
        warnings: list[Problem] = []
        if TIME in header:
            warnings.append(Problem(E.TIME_IGNORED, Location(file=file, line=1, column=TIME)))

        values = np.full((len(rows), len(numeric)), np.nan)
        codes: list[str] = []
        first_seen: dict[str, int] = {}
        for r, row in enumerate(rows):
            line = line_of[r]
            code = "" if is_blank(row.get(UNIT_CODE)) else str(row[UNIT_CODE]).strip()
            if not code:
                problems.append(
                    Problem(
                        E.MISSING_COLUMN,
                        Location(file=file, line=line, column=UNIT_CODE),
                        {"column": UNIT_CODE},
                    )
                )
            elif code in first_seen:
                problems.append(
                    Problem(
                        E.DUPLICATE_UNIT,
                        Location(file=file, line=line, column=UNIT_CODE),
                        {"code": code, "first": first_seen[code]},
                    )
                )
            else:
                first_seen[code] = line
            codes.append(code)
            for c, col in enumerate(numeric):
                try:
                    values[r, c] = parse_number(row.get(col))
                except NotANumber as exc:
                    problems.append(
                        Problem(
                            E.NOT_NUMERIC, Location(file=file, line=line, column=col), {"value": str(exc)}
                        )
                    )
        if [p for p in problems if p.severity is Severity.ERROR]:
            raise ProblemsError(problems + warnings)
        names = tuple(
            code if is_blank(row.get(UNIT_NAME)) else str(row[UNIT_NAME]).strip()
            for code, row in zip(codes, rows, strict=True)
        )
        groups = {
            g: tuple("" if is_blank(row.get(g)) else str(row[g]).strip() for row in rows) for g in group_cols
        }
        return cls(
            Table(tuple(codes), tuple(numeric), values), names, groups, file, tuple(line_of), tuple(warnings)
        )

    @classmethod
    def from_arrays(
        cls,
        units: Sequence[str],
        columns: Sequence[str],
        values: npt.ArrayLike,
        *,
        names: Sequence[str] | None = None,
        groups: Mapping[str, Sequence[str]] | None = None,
        file: str = "",
    ) -> Dataset:
        """Data already in memory (a matrix with NaN for missing values)."""
        arr = np.array(values, dtype=np.float64)
        problems: list[Problem] = []
        if len(units) == 0:
            raise ProblemsError([Problem(E.NO_UNITS, Location(file=file))])
        seen: dict[str, int] = {}
        for i, u in enumerate(units):
            if u in seen:
                problems.append(
                    Problem(
                        E.DUPLICATE_UNIT,
                        Location(file=file, line=i + 1, column=UNIT_CODE),
                        {"code": u, "first": seen[u]},
                    )
                )
            seen.setdefault(u, i + 1)
        bad = np.argwhere(np.isinf(arr))
        for r, c in bad[:20]:
            problems.append(
                Problem(
                    E.NOT_NUMERIC,
                    Location(file=file, line=int(r) + 1, column=columns[int(c)]),
                    {"value": str(arr[r, c])},
                )
            )
        if problems:
            raise ProblemsError(problems)
        return cls(
            Table(tuple(units), tuple(columns), arr),
            tuple(names or units),
            {k: tuple(v) for k, v in (groups or {}).items()},
            file,
        )
