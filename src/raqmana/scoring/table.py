"""A labelled, read-only 2-D array: units (rows) × codes (columns).

Every stage of an index build is one :class:`Table`; flags are tables of booleans and stage
labels tables of strings. The array is copied and frozen on construction, so a build cannot
be changed after the fact.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, cast

import numpy as np
import numpy.typing as npt

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]


@dataclass(frozen=True, eq=False)
class Table:
    units: tuple[str, ...]
    columns: tuple[str, ...]
    values: npt.NDArray[Any]

    def __post_init__(self) -> None:
        values = np.array(self.values, copy=True)
        if values.ndim != 2 or values.shape != (len(self.units), len(self.columns)):
            raise ValueError(
                f"table of shape {values.shape} does not match {len(self.units)} units × {len(self.columns)} columns"
            )
        values.flags.writeable = False
        object.__setattr__(self, "units", tuple(self.units))
        object.__setattr__(self, "columns", tuple(self.columns))
        object.__setattr__(self, "values", values)

    @property
    def shape(self) -> tuple[int, int]:
        return (len(self.units), len(self.columns))

    def col(self, code: str) -> npt.NDArray[Any]:
        """The values of one column (read-only view)."""
        return self.values[:, self.columns.index(code)]

    def get(self, unit: str, code: str) -> Any:
        value = self.values[self.units.index(unit), self.columns.index(code)]
        return value.item() if hasattr(value, "item") else value

    def row(self, unit: str) -> dict[str, Any]:
        i = self.units.index(unit)
        return {c: _plain(v) for c, v in zip(self.columns, self.values[i], strict=True)}

    def select(self, columns: Iterable[str] | None = None, units: Iterable[str] | None = None) -> Table:
        cols = list(self.columns if columns is None else columns)
        rows = list(self.units if units is None else units)
        ci = label_places(self.columns, cols)
        ri = label_places(self.units, rows)
        return Table(tuple(rows), tuple(cols), self.values[np.ix_(ri, ci)])

    def equals(self, other: Table) -> bool:
        """Same labels and the same values (NaN equal to NaN)."""
        if self.units != other.units or self.columns != other.columns:
            return False
        if self.values.dtype.kind == "f" and other.values.dtype.kind == "f":
            return bool(np.array_equal(self.values, other.values, equal_nan=True))
        return bool(np.array_equal(self.values, other.values))

    def to_rows(self, *, unit_header: str = "uCode") -> list[dict[str, Any]]:
        """One dict per unit; missing numbers become ``None``."""
        return [
            {unit_header: u, **{c: _plain(v) for c, v in zip(self.columns, row, strict=True)}}
            for u, row in zip(self.units, self.values, strict=True)
        ]

    def as_dict(self) -> dict[str, Any]:
        return {"units": list(self.units), "columns": list(self.columns), "values": self.plain_values()}

    def plain_values(self) -> list[list[Any]]:
        """The values as nested Python lists, missing numbers as ``None``."""
        if self.values.dtype.kind == "f" and np.isnan(self.values).any():
            obj = self.values.astype(object)
            obj[np.isnan(self.values)] = None
            return cast(list[list[Any]], obj.tolist())
        return cast(list[list[Any]], self.values.tolist())


def _plain(value: Any) -> Any:
    """A JSON-friendly Python value (NaN → None, numpy scalars → Python)."""
    v = value.item() if hasattr(value, "item") else value
    if isinstance(v, float) and v != v:
        return None
    return v


def table(units: Sequence[str], columns: Sequence[str], values: npt.ArrayLike) -> Table:
    return Table(tuple(units), tuple(columns), np.asarray(values))


def label_places(labels: tuple[str, ...], wanted: list[str]) -> list[int]:
    """Where each wanted label is (its first place), by one look-up each; ValueError for one that is not
    there, as ``tuple.index`` says."""
    if tuple(wanted) == labels:
        return list(range(len(labels)))
    where: dict[str, int] = {}
    for i, label in enumerate(labels):
        where.setdefault(label, i)
    try:
        return [where[label] for label in wanted]
    except KeyError as exc:
        raise ValueError(f"{exc.args[0]!r} is not in the table") from None
