"""How old the newest edition of a dataset is, against the publisher's release cycle."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

from raqmana.indices import errors as E
from raqmana.indices.datasets import Dataset
from raqmana.problems import Location, Problem


@dataclass(frozen=True)
class Staleness:
    index: str
    latest: str | None
    age_years: int | None
    cycle_years: int
    expected_next: int | None
    stale: bool

    def problem(self, name: dict[str, str], publisher: str) -> Problem | None:
        """The warning to show, or None when the data is current."""
        if not self.stale or self.latest is None:
            return None
        return Problem(
            E.STALE,
            Location(),
            {
                "name": name,
                "edition": self.latest,
                "age": self.age_years,
                "publisher": publisher,
                "cycle": self.cycle_years,
            },
        )

    def to_dict(self) -> dict[str, Any]:
        return {
            "latest": self.latest,
            "age_years": self.age_years,
            "cycle_years": self.cycle_years,
            "expected_next": self.expected_next,
            "stale": self.stale,
        }


def staleness(dataset: Dataset, *, today: date | None = None) -> Staleness:
    """Stale when a newer edition is due: the newest edition is older than the publisher's cycle."""
    now = today or date.today()
    latest = dataset.latest()
    cycle = dataset.spec.cycle_years
    if latest is None:
        return Staleness(dataset.id, None, None, cycle, None, False)
    year = int(latest[:4])
    age = now.year - year
    return Staleness(dataset.id, latest, age, cycle, year + cycle, age > cycle)
