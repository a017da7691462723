"""Peer groups of a country and its standing among them on each index.

Groups: the Arab States (League of Arab States members, ``data/arab_states.csv``), the country's World
Bank income group (``data/income_groups.csv``, FY2021 classification as recorded in the DGSS dataset of
Dec 2020), and chosen peers (a country's defaults name them: ``peers`` in its country file).
"""

from __future__ import annotations

import csv
import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from raqmana.i18n.catalog import ui
from raqmana.indices import errors as E
from raqmana.indices.countries import countries, name, to_iso3
from raqmana.indices.datasets import Dataset, load_dataset
from raqmana.problems import Problem, ProblemsError

INCOME_NAMES = {
    "LIC": ui("Low income"),
    "LMIC": ui("Lower-middle income"),
    "UMIC": ui("Upper-middle income"),
    "HIC": ui("High income"),
}
GROUP_NAMES = {
    "arab_states": ui("Arab States"),
    "income": ui("Same income group"),
    "chosen": ui("Chosen peers"),
}


@lru_cache(maxsize=1)
def arab_states() -> tuple[str, ...]:
    """The 22 members of the League of Arab States (Syria's suspension of Nov 2011 lifted in May 2023)."""
    path = resources.files("raqmana.indices").joinpath("data", "arab_states.csv")
    with path.open(encoding="utf-8") as fh:
        return tuple(row["iso3"] for row in csv.DictReader(fh))


@lru_cache(maxsize=1)
def income_groups() -> dict[str, str]:
    """ISO3 → LIC / LMIC / UMIC / HIC."""
    path = resources.files("raqmana.indices").joinpath("data", "income_groups.csv")
    out: dict[str, str] = {}
    with path.open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            iso3 = to_iso3(row["code"])
            if iso3:
                out[iso3] = row["income_group"]
    return out


def resolve(code: str) -> str:
    """ISO3 for a code or name; a located problem (IX015) if unknown."""
    iso3 = to_iso3(code)
    if iso3 is None:
        raise ProblemsError([Problem(E.UNKNOWN_COUNTRY_CODE, params={"value": code})])
    return iso3


@dataclass(frozen=True)
class PeerGroups:
    iso3: str
    income_group: str | None
    groups: dict[str, tuple[str, ...]]  # group id → ISO3 members (the country itself excluded)

    def all_peers(self) -> list[str]:
        seen: dict[str, None] = {}
        for members in self.groups.values():
            for m in members:
                seen.setdefault(m, None)
        return list(seen)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "iso3": self.iso3,
            "name": name(self.iso3, lang),
            "income_group": self.income_group,
            "groups": {
                g: {"name": GROUP_NAMES[g].get(lang), "members": list(m)} for g, m in self.groups.items()
            },
        }


def peer_groups(country: str, chosen: Sequence[str] | None = None) -> PeerGroups:
    """The peer groups of ``country``, with ``chosen`` peers when given (codes or names)."""
    iso3 = resolve(country)
    inc = income_groups().get(iso3)
    picked = tuple(resolve(c) for c in chosen) if chosen is not None else ()
    groups: dict[str, tuple[str, ...]] = {}
    arab = arab_states()
    if iso3 in arab:
        groups["arab_states"] = tuple(c for c in arab if c != iso3)
    if inc:
        groups["income"] = tuple(
            sorted(c for c, g in income_groups().items() if g == inc and c != iso3 and c in countries())
        )
    if picked:
        groups["chosen"] = tuple(c for c in picked if c != iso3)
    return PeerGroups(iso3, inc, groups)


@dataclass
class Standing:
    """A country against its peer groups on one component of one index, in one edition."""

    index: str
    component: str
    edition: str
    value: float | None
    rank: int | None
    count: int
    peers: dict[str, float | None] = field(default_factory=dict)  # chosen peers' values
    medians: dict[str, float | None] = field(default_factory=dict)  # group id → median of members with data

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "component": self.component,
            "edition": self.edition,
            "value": self.value,
            "rank": self.rank,
            "count": self.count,
            "peers": self.peers,
            "medians": self.medians,
        }


def standing(
    dataset: Dataset, groups: PeerGroups, component: str | None = None, edition: str | None = None
) -> Standing | None:
    """Where ``groups.iso3`` stands on ``component`` (default: the index) in ``edition`` (default: newest)."""
    comp = component or dataset.spec.composite
    ed = edition or dataset.latest()
    if ed is None:
        return None
    values = {r.iso3: r.values.get(comp) for r in dataset.rows(ed)}
    pos = dataset.position(groups.iso3, comp, ed)
    out = Standing(
        dataset.id,
        comp,
        ed,
        values.get(groups.iso3),
        pos[0] if pos else None,
        pos[1] if pos else sum(1 for v in values.values() if v is not None),
    )
    for c in groups.groups.get("chosen", ()):
        out.peers[c] = values.get(c)
    for gid, members in groups.groups.items():
        present = [v for m in members if (v := values.get(m)) is not None]
        out.medians[gid] = statistics.median(present) if present else None
    return out


def peer_table(
    country: str,
    *,
    indices: Sequence[str] = ("egdi", "gtmi", "ncsi"),
    chosen: Sequence[str] | None = None,
    data_dir: Path | None = None,
) -> dict[str, Any]:
    """The country's standing against its peers on each index (newest edition), as plain data."""
    groups = peer_groups(country, chosen)
    rows: dict[str, Any] = {}
    for index in indices:
        ds = load_dataset(index, data_dir=data_dir)  # nosec B615  # raqmana's own reader of bundled CSV files, not the Hugging Face hub
        st = standing(ds, groups)
        rows[index] = st.to_dict() if st else None
    return {"country": groups.to_dict(), "indices": rows}
