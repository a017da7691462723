"""The input of a build: one row per unit (institution, country…), one column per indicator.

The layout is COINr's iData: ``uCode``, ``uName``, optional ``Time`` and one column per entry of
the metadata. What a column is comes from the metadata's ``Type`` (COINr 1.x: ``Group``,
``Denominator``, ``Other``; every other column is numeric) or, without a metadata row, from COINr 0.6's
name prefixes (``Group_*`` group labels, ``Den_*`` denominators, ``x_*`` other). Group columns are
labels (numbers included) used by group-mean imputation; ``Other`` columns are kept as unit
metadata. Every numeric cell is checked here, so that a bad cell is reported with its file, row and
column rather than becoming a NaN later; a column of text is reported once, with a hint.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
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
DENOMINATOR_PREFIX = "Den_"
OTHER_PREFIX = "x_"
TIME = "Time"
#: COINr 0.6 (IndData) spellings of the special columns
ALIASES = {"UnitCode": UNIT_CODE, "UnitName": UNIT_NAME, "Year": TIME}


def column_role(column: str, roles: Mapping[str, str] | None = None) -> str:
    """``Group``, ``Denominator``, ``Other`` or ``Indicator`` (numeric): the metadata's Type first,
    else COINr 0.6's name prefixes."""
    role = (roles or {}).get(column, "")
    if role in ("Group", "Denominator", "Other"):
        return role
    if role:
        return "Indicator"
    if column.startswith(GROUP_PREFIX):
        return "Group"
    if column.startswith(DENOMINATOR_PREFIX):
        return "Denominator"
    if column.startswith(OTHER_PREFIX):
        return "Other"
    return "Indicator"


@dataclass(frozen=True, eq=False)
class Dataset:
    table: Table  # units × numeric columns
    names: tuple[str, ...] = ()
    groups: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    file: str = ""
    #: the file row of each unit (for messages); empty when the data did not come from a file
    lines: tuple[int, ...] = ()
    warnings: tuple[Problem, ...] = ()
    #: ``Other`` columns (COINr ``Type = Other`` or ``x_*``): kept per unit, never computed with
    extra: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    #: the value of the ``Time`` column when the data has one (a single period)
    time: str = ""
    #: panel data: the earlier periods' numeric tables, newest first (for imputation over time)
    history: tuple[tuple[str, Table], ...] = ()
    #: one period chosen out of panel data (its history may be empty: the first period)
    panel: bool = False
    #: the file denominators were added from (``with_denominators``) and its columns, for messages
    denominator_file: str = ""
    denominator_columns: tuple[str, ...] = ()
    denominator_lines: tuple[int | None, ...] = ()
    #: read against a metadata table (COINr's rule then holds: every data column has a metadata row)
    declared: bool = False
    #: panel data: the later periods' numeric tables, oldest first (for interpolation over time)
    later: tuple[tuple[str, Table], ...] = ()

    def __post_init__(self) -> None:
        if not self.names:
            object.__setattr__(self, "names", self.table.units)
        object.__setattr__(self, "groups", {k: tuple(v) for k, v in self.groups.items()})
        object.__setattr__(self, "extra", {k: tuple(v) for k, v in self.extra.items()})

    @property
    def units(self) -> tuple[str, ...]:
        return self.table.units

    @property
    def columns(self) -> tuple[str, ...]:
        return self.table.columns

    def with_denominators(self, denoms: Dataset) -> Dataset:
        """The data with the numeric columns of another table keyed by ``uCode`` (COINr's
        ``Denominate(denoms = …)``, e.g. population and GDP from a separate file); units that table
        lacks get missing values there. A column already in the data is refused at its header."""
        clash = [c for c in denoms.columns if c in self.columns or c in self.groups or c in self.extra]
        if clash:
            raise ProblemsError(
                [
                    Problem(
                        E.DUPLICATE_COLUMN,
                        Location(file=denoms.file, line=1, column=c),
                        {"column": c, "data": self.file},
                    )
                    for c in clash
                ]
            )
        row = {u: i for i, u in enumerate(denoms.units)}
        extra = np.full((len(self.units), len(denoms.columns)), np.nan)
        have = [(i, row[u]) for i, u in enumerate(self.units) if u in row]
        if have:
            mine, theirs = (np.array(v) for v in zip(*have, strict=True))
            extra[mine] = np.asarray(denoms.table.values, dtype=np.float64)[theirs]
        table = Table(self.units, self.columns + denoms.columns, np.hstack([self.table.values, extra]))
        lines = dict(zip(denoms.units, denoms.lines, strict=True)) if denoms.lines else {}
        return replace(
            self,
            table=table,
            denominator_file=denoms.file,
            denominator_columns=denoms.columns,
            denominator_lines=tuple(lines.get(u) for u in self.units),
        )

    def line_of(self, unit: str) -> int | None:
        if not self.lines:
            return None
        return self.lines[self.table.units.index(unit)]

    def cell(self, unit: str, column: str) -> Location:
        if column in self.denominator_columns:  # a denominator read from its own file
            line = self.denominator_lines[self.table.units.index(unit)] if self.denominator_lines else None
            return Location(file=self.denominator_file, line=line, column=column)
        return Location(file=self.file, line=self.line_of(unit), column=column)

    def equals(self, other: Dataset) -> bool:
        return (
            self.table.equals(other.table)
            and self.names == other.names
            and dict(self.groups) == dict(other.groups)
        )

    @classmethod
    def from_rows(
        cls,
        rows: Sequence[Mapping[str, Any]],
        *,
        file: str = "",
        lines: Sequence[int] | None = None,
        roles: Mapping[str, str] | None = None,
        time: str | None = None,
        with_history: bool = True,
    ) -> Dataset:
        """Rows in COINr's iData layout (e.g. from ``csv.DictReader``); ``lines`` are their file rows
        (default: 2, 3, … after a header line); ``roles`` maps a column to its metadata ``Type``;
        ``time`` picks one period of panel data (rows of other periods are left out)."""
        line_of = list(lines) if lines is not None else [i + 2 for i in range(len(rows))]
        problems: list[Problem] = []
        if not rows:
            raise ProblemsError([Problem(E.NO_UNITS, Location(file=file))])
        table: list[dict[str, Any]] = [{ALIASES.get(k, k): v for k, v in row.items()} for row in rows]
        rows = table
        header: list[str] = list(table[0].keys())
        if UNIT_CODE not in header:
            raise ProblemsError(
                [Problem(E.MISSING_COLUMN, Location(file=file, line=1), {"column": UNIT_CODE})]
            )
        warnings: list[Problem] = []
        period = ""
        history: list[tuple[str, Table]] = []
        later: list[tuple[str, Table]] = []
        if TIME in header:
            if time is not None and with_history:
                for earlier in _earlier_periods(table, time):
                    past = cls.from_rows(
                        table, file=file, lines=line_of, roles=roles, time=earlier, with_history=False
                    )
                    history.append((earlier, past.table))
                for after in _later_periods(table, time):
                    future = cls.from_rows(
                        table, file=file, lines=line_of, roles=roles, time=after, with_history=False
                    )
                    later.append((after, future.table))
            rows, line_of, period = _one_period(table, line_of, file, time)
        elif time is not None:
            raise ProblemsError([Problem(E.MISSING_COLUMN, Location(file=file, line=1), {"column": TIME})])
        role = {c: column_role(c, roles) for c in header if c not in (UNIT_CODE, UNIT_NAME, TIME) and c}
        group_cols = [c for c, r in role.items() if r == "Group"]
        other_cols = [c for c, r in role.items() if r == "Other"]
        numeric = [c for c, r in role.items() if r in ("Indicator", "Denominator")]

        values = np.full((len(rows), len(numeric)), np.nan)
        codes: list[str] = []
        first_seen: dict[str, int] = {}
        #: column → (count, first line, first value) of cells that are not numbers
        text: dict[str, list[Any]] = {}
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
                    seen = text.setdefault(col, [0, line, str(exc)])
                    seen[0] += 1
        for col, (count, line, value) in text.items():
            where = Location(file=file, line=line, column=col)
            if count == 1:
                problems.append(Problem(E.NOT_NUMERIC, where, {"value": value}))
            else:  # a column of labels, not of numbers: one message, with what to do
                problems.append(
                    Problem(E.TEXT_COLUMN, where, {"column": col, "count": count, "value": value})
                )
        if [p for p in problems if p.severity is Severity.ERROR]:
            raise ProblemsError(problems + warnings)
        names = tuple(
            code if is_blank(row.get(UNIT_NAME)) else str(row[UNIT_NAME]).strip()
            for code, row in zip(codes, rows, strict=True)
        )

        def labels(column: str) -> tuple[str, ...]:
            return tuple("" if is_blank(row.get(column)) else str(row[column]).strip() for row in rows)

        return cls(
            Table(tuple(codes), tuple(numeric), values),
            names,
            {g: labels(g) for g in group_cols},
            file,
            tuple(line_of),
            tuple(warnings),
            {o: labels(o) for o in other_cols},
            period,
            tuple(history),
            time is not None,
            declared=roles is not None,
            later=tuple(later),
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


def _one_period(
    rows: list[dict[str, Any]], lines: list[int], file: str, time: str | None
) -> tuple[list[dict[str, Any]], list[int], str]:
    """The rows of one period of (possibly panel) data: the only one there is, or ``time``."""
    periods = list(dict.fromkeys("" if is_blank(r.get(TIME)) else str(r[TIME]).strip() for r in rows))
    if time is None:
        if len(periods) > 1:
            raise ProblemsError(
                [
                    Problem(
                        E.PANEL_DATA,
                        Location(file=file, line=1, column=TIME),
                        {"periods": ", ".join(p or "—" for p in periods)},
                    )
                ]
            )
        return rows, lines, periods[0] if periods else ""
    wanted = str(time).strip()
    keep = [i for i, r in enumerate(rows) if str(r.get(TIME) or "").strip() == wanted]
    if not keep:
        raise ProblemsError(
            [
                Problem(
                    E.UNKNOWN_PERIOD,
                    Location(file=file, column=TIME),
                    {"time": wanted, "periods": ", ".join(p or "—" for p in periods)},
                )
            ]
        )
    return [rows[i] for i in keep], [lines[i] for i in keep], wanted


def periods_of(rows: Sequence[Mapping[str, Any]]) -> list[str]:
    """The distinct values of the Time column, in time order (numbers as numbers)."""
    found = dict.fromkeys("" if is_blank(r.get(TIME)) else str(r[TIME]).strip() for r in rows)
    return sorted(found, key=_period_key)


def _period_key(period: str) -> tuple[int, float, str]:
    try:
        return (0, float(period), period)
    except ValueError:
        return (1, 0.0, period)


def _earlier_periods(rows: Sequence[Mapping[str, Any]], time: str) -> list[str]:
    """The periods before ``time``, newest first."""
    wanted = _period_key(str(time).strip())
    return [p for p in reversed(periods_of(rows)) if _period_key(p) < wanted]


def _later_periods(rows: Sequence[Mapping[str, Any]], time: str) -> list[str]:
    """The periods after ``time``, oldest first."""
    wanted = _period_key(str(time).strip())
    return [p for p in periods_of(rows) if _period_key(p) > wanted]


def period_number(period: str) -> float | None:
    """A period as a number (a year), or None when it is not one."""
    key = _period_key(period)
    return key[1] if key[0] == 0 else None
