"""Peer benchmark and diagnostics from the public indices.

``diagnose("IRQ")`` reads EGDI's components in the newest edition and calls a component *binding*
when the country sits at least one standard deviation below the world mean, *not binding* when it
is within half a standard deviation of it or above, and *intermediate* in between — which for Iraq
in 2024 gives "the binding constraints are OSI and EPI, not TII", computed from the data.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from raqmana.analysis.inputs import join
from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui
from raqmana.i18n.numbers import format_number
from raqmana.indices import Dataset, load_dataset, peer_groups, standing
from raqmana.indices.countries import name as country_name
from raqmana.indices.peers import PeerGroups

BINDING_Z = -1.0
NOT_BINDING_Z = -0.5
COMPONENTS = {"egdi": ("osi", "tii", "hci", "epi"), "gtmi": ("cgsi", "psdi", "dcei", "gtei")}


@dataclass(frozen=True)
class ComponentStanding:
    component: str
    name: Translated
    value: float
    rank: int
    count: int
    world_mean: float
    z: float
    peer_median: float | None
    verdict: str  # binding | intermediate | not_binding

    def to_dict(self) -> dict[str, Any]:
        return {
            "component": self.component,
            "name": self.name.model_dump(),
            "value": self.value,
            "rank": self.rank,
            "count": self.count,
            "world_mean": self.world_mean,
            "z": self.z,
            "peer_median": self.peer_median,
            "verdict": self.verdict,
        }


@dataclass
class Diagnosis:
    iso3: str
    index: str
    edition: str
    components: list[ComponentStanding] = field(default_factory=list)

    def _ids(self, verdict: str) -> list[str]:
        return [
            c.component.upper() for c in sorted(self.components, key=lambda c: c.z) if c.verdict == verdict
        ]

    @property
    def binding(self) -> list[str]:
        return self._ids("binding")

    @property
    def not_binding(self) -> list[str]:
        return self._ids("not_binding")

    @property
    def intermediate(self) -> list[str]:
        return self._ids("intermediate")

    @property
    def statement(self) -> Translated:
        out = {}
        for lang in ("en", "ar", "ckb"):
            who, idx, ed = country_name(self.iso3, lang), self.index.upper(), self.edition
            b, nb = join(self.binding, lang), join(self.not_binding, lang)
            if not self.binding:
                out[lang] = ui("{who} has no binding constraint in {idx} {ed}.")[lang].format(
                    who=who, idx=idx, ed=ed
                )
                continue
            text = ui("{who}'s binding constraints in {idx} {ed} are {b}")[lang].format(
                who=who, idx=idx, ed=ed, b=b
            )
            if nb:
                text += ui(", not {nb}")[lang].format(nb=nb)
            worst = min(self.components, key=lambda c: c.z)
            text += ui(" ({component} {value}, rank {rank}/{count}).")[lang].format(
                component=worst.component.upper(),
                value=format_number(worst.value, lang, decimals=2),
                rank=worst.rank,
                count=worst.count,
            )
            out[lang] = text
        return Translated(**out)

    def to_dict(self) -> dict[str, Any]:
        return {
            "iso3": self.iso3,
            "index": self.index,
            "edition": self.edition,
            "binding": self.binding,
            "intermediate": self.intermediate,
            "not_binding": self.not_binding,
            "statement": self.statement.model_dump(),
            "components": [c.to_dict() for c in self.components],
        }


def _verdict(z: float) -> str:
    if z <= BINDING_Z:
        return "binding"
    return "not_binding" if z >= NOT_BINDING_Z else "intermediate"


def diagnose(
    iso3: str,
    *,
    index: str = "egdi",
    edition: str | None = None,
    groups: PeerGroups | None = None,
    dataset: Dataset | None = None,
    data_dir: Path | None = None,
) -> Diagnosis:
    """Which components of ``index`` hold the country back, measured against the world distribution."""
    ds = dataset or load_dataset(index, data_dir=data_dir)
    pg = groups or peer_groups(iso3)
    ed = edition or max((r.edition for r in ds.records if r.iso3 == pg.iso3), default=ds.latest() or "")
    out = Diagnosis(pg.iso3, index, ed)
    rec = ds.get(pg.iso3, ed)
    if rec is None:
        return out
    chosen = pg.groups.get("chosen", ())
    for comp in COMPONENTS.get(index, tuple(c for c in ds.spec.component_ids() if c != ds.spec.composite)):
        value = rec.values.get(comp)
        vals = [v for r in ds.rows(ed) if (v := r.values.get(comp)) is not None]
        pos = ds.position(pg.iso3, comp, ed)
        if value is None or len(vals) < 2 or pos is None:
            continue
        mean, sd = statistics.fmean(vals), statistics.pstdev(vals)
        z = (value - mean) / sd if sd > 0 else 0.0
        peers = [v for r in ds.rows(ed) if r.iso3 in chosen and (v := r.values.get(comp)) is not None]
        out.components.append(
            ComponentStanding(
                comp,
                ds.spec.component(comp).name,
                value,
                pos[0],
                pos[1],
                mean,
                z,
                statistics.median(peers) if peers else None,
                _verdict(z),
            )
        )
    return out


@dataclass
class IndexBenchmark:
    index: str
    name: Translated
    edition: str | None
    value: float | None
    rank: int | None
    count: int
    peers: dict[str, float | None]
    medians: dict[str, float | None]
    trend: list[tuple[str, float | None]]
    components: dict[str, list[tuple[str, float | None]]]  # component → trend

    def to_dict(self) -> dict[str, Any]:
        return {
            "index": self.index,
            "name": self.name.model_dump(),
            "edition": self.edition,
            "value": self.value,
            "rank": self.rank,
            "count": self.count,
            "peers": self.peers,
            "medians": self.medians,
            "trend": [list(t) for t in self.trend],
            "components": {c: [list(t) for t in tr] for c, tr in self.components.items()},
        }


@dataclass
class PeerBenchmark:
    iso3: str
    groups: PeerGroups
    indices: dict[str, IndexBenchmark] = field(default_factory=dict)
    diagnoses: dict[str, Diagnosis] = field(default_factory=dict)

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        return {
            "iso3": self.iso3,
            "country": self.groups.to_dict(lang),
            "indices": {k: v.to_dict() for k, v in self.indices.items()},
            "diagnoses": {k: v.to_dict() for k, v in self.diagnoses.items()},
        }


def peer_benchmark(
    iso3: str,
    *,
    peers: Sequence[str] | None = None,
    indices: Sequence[str] = ("egdi", "gtmi", "ncsi", "undp-ddc"),
    data_dir: Path | None = None,
) -> PeerBenchmark:
    """The country against its peers on each index, with its trend and the component diagnoses."""
    groups = peer_groups(iso3, peers)
    out = PeerBenchmark(groups.iso3, groups)
    for index in indices:
        ds = load_dataset(index, data_dir=data_dir)
        st = standing(ds, groups)
        comps = {c: ds.series(groups.iso3, c) for c in COMPONENTS.get(index, ())}
        out.indices[index] = IndexBenchmark(
            index,
            ds.spec.name,
            st.edition if st else None,
            st.value if st else None,
            st.rank if st else None,
            st.count if st else 0,
            st.peers if st else {},
            st.medians if st else {},
            ds.series(groups.iso3),
            comps,
        )
        if index in COMPONENTS:
            out.diagnoses[index] = diagnose(groups.iso3, index=index, groups=groups, dataset=ds)
    return out
