"""Quarters, fiscal years and how an initiative's cost is spread over its quarters.

Quarter ``0`` is the first quarter of the plan (``Calendar.start_year``/``start_quarter``). An
initiative that starts in quarter ``s`` and lasts ``d`` quarters runs in quarters ``s … s+d-1``;
its ``end`` is ``s + d`` (exclusive), so "completion time" is ``end``. Fiscal years are calendar
years (Iraq's fiscal year), so a plan that starts in Q3 has a short first fiscal year.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Calendar:
    start_year: int = 2026
    start_quarter: int = 1  # 1–4

    def year_index(self, t: int) -> int:
        """Index of the fiscal year that contains plan quarter ``t`` (0 = the first year)."""
        return (self.start_quarter - 1 + t) // 4

    def n_years(self, horizon: int) -> int:
        return self.year_index(max(horizon - 1, 0)) + 1

    def year(self, index: int) -> int:
        return self.start_year + index

    def label(self, t: int) -> str:
        """``2026-Q3`` for plan quarter ``t``."""
        q = self.start_quarter - 1 + t
        return f"{self.start_year + q // 4}-Q{q % 4 + 1}"

    def first_day(self, t: int) -> str:
        """ISO date of the first day of plan quarter ``t``."""
        q = self.start_quarter - 1 + t
        return f"{self.start_year + q // 4}-{3 * (q % 4) + 1:02d}-01"

    def last_day(self, t: int) -> str:
        """ISO date of the last day of plan quarter ``t``."""
        q = self.start_quarter - 1 + t
        month = 3 * (q % 4) + 3
        return f"{self.start_year + q // 4}-{month:02d}-{30 if month in (6, 9) else 31}"

    def parse(self, text: str) -> int | None:
        """Plan quarter of a label like ``2026-Q3`` (None if it is not one)."""
        parts = text.strip().upper().replace(" ", "").split("-Q")
        if len(parts) != 2 or not parts[0].isdigit() or parts[1] not in ("1", "2", "3", "4"):
            return None
        return (int(parts[0]) - self.start_year) * 4 + int(parts[1]) - self.start_quarter


def quarter_costs(cost: int, duration: int) -> list[int]:
    """``cost`` spread evenly over ``duration`` quarters in whole USD (remainder to the first quarters)."""
    if duration <= 0:
        return []
    base, rest = divmod(int(cost), duration)
    return [base + (1 if q < rest else 0) for q in range(duration)]


def year_costs(cost: int, duration: int, start: int, cal: Calendar, n_years: int) -> list[int]:
    """What an initiative starting in quarter ``start`` spends in each fiscal year ``0 … n_years-1``."""
    out = [0] * n_years
    for q, c in enumerate(quarter_costs(cost, duration)):
        y = cal.year_index(start + q)
        if 0 <= y < n_years:
            out[y] += c
    return out


def budgets(budget_per_year: int | list[int], n_years: int) -> list[int]:
    """One budget per fiscal year: a single figure is repeated; a short list repeats its last figure."""
    if isinstance(budget_per_year, int | float):
        return [int(budget_per_year)] * n_years
    values = [int(b) for b in budget_per_year] or [0]
    return [values[min(i, len(values) - 1)] for i in range(n_years)]
