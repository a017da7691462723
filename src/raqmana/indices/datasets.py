"""Datasets: the bundled editions of each index plus the editions a user imported.

``load_dataset("egdi")`` returns every edition keyed by ISO3. Bundled files are read once per
process; imported editions live in ``<data_dir>/indices/<index>/<edition>.csv`` with a
``<edition>.yaml`` provenance record and take precedence over a bundled edition of the same name.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache, lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

import yaml

from raqmana.indices import errors as E
from raqmana.indices.specs import SPECS, IndexSpec
from raqmana.indices.table import Record, read_table
from raqmana.problems import Problem, ProblemsError


@dataclass(frozen=True)
class EditionInfo:
    label: str
    origin: str  # "bundled" or "imported"
    file: str
    provenance: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {
            "edition": self.label,
            "origin": self.origin,
            "file": self.file,
            "provenance": self.provenance,
        }


@dataclass
class Dataset:
    spec: IndexSpec
    records: list[Record]
    editions: list[EditionInfo]
    provenance: dict[str, Any]

    @property
    def id(self) -> str:
        return self.spec.id

    def edition_labels(self) -> list[str]:
        return sorted({e.label for e in self.editions})

    def latest(self) -> str | None:
        labels = self.edition_labels()
        return labels[-1] if labels else None

    def rows(self, edition: str) -> list[Record]:
        return [r for r in self.records if r.edition == edition]

    def get(self, iso3: str, edition: str | None = None) -> Record | None:
        """The record of ``iso3`` in ``edition`` (default: the newest edition that has the country)."""
        found = [r for r in self.records if r.iso3 == iso3 and (edition is None or r.edition == edition)]
        return max(found, key=lambda r: r.edition) if found else None

    def series(self, iso3: str, component: str | None = None) -> list[tuple[str, float | None]]:
        comp = component or self.spec.composite
        return sorted((r.edition, r.values.get(comp)) for r in self.records if r.iso3 == iso3)

    def position(self, iso3: str, component: str, edition: str) -> tuple[int, int] | None:
        """(rank, count) of ``iso3`` on ``component`` in ``edition``, 1 = highest (ties share the best rank)."""
        vals = [(r.iso3, r.values.get(component)) for r in self.rows(edition)]
        present = [(i, v) for i, v in vals if v is not None]
        mine = next((v for i, v in present if i == iso3), None)
        if mine is None:
            return None
        return 1 + sum(1 for _, v in present if v > mine), len(present)

    def edition_info(self, edition: str) -> EditionInfo | None:
        return next((e for e in self.editions if e.label == edition), None)

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "name": self.spec.name.model_dump(),
            "publisher": self.spec.publisher,
            "editions": [e.to_dict() for e in sorted(self.editions, key=lambda e: e.label)],
            "countries": len({r.iso3 for r in self.records}),
            "rows": len(self.records),
        }


@lru_cache(maxsize=1)
def provenance() -> dict[str, Any]:
    path = resources.files("raqmana.indices").joinpath("data", "provenance.yaml")
    with path.open(encoding="utf-8") as fh:
        data: dict[str, Any] = yaml.safe_load(fh)
    return data


def index_ids() -> list[str]:
    return list(SPECS)


def get_spec(name: str) -> IndexSpec:
    """The spec of index ``name``; a located problem (IX001) if unknown."""
    if name not in SPECS:
        raise ProblemsError([Problem(E.UNKNOWN_INDEX, params={"name": name, "known": ", ".join(SPECS)})])
    return SPECS[name]


@cache
def _bundled(name: str) -> tuple[tuple[Record, ...], tuple[EditionInfo, ...]]:
    spec = SPECS[name]
    meta = provenance()["datasets"].get(name, {})
    records: list[Record] = []
    editions: list[EditionInfo] = []
    for entry in meta.get("files", []):
        path = resources.files("raqmana.indices").joinpath("data", entry["file"])
        with path.open(encoding="utf-8-sig") as fh:
            text = fh.read()
        result = read_table(Path(entry["file"]), spec, edition=entry.get("edition"), text=text)
        if result.errors:  # shipped data is checked by the tests; never silently half-loaded
            raise ProblemsError(result.problems)
        records.extend(result.records)
        for label in sorted({r.edition for r in result.records}):
            editions.append(
                EditionInfo(label, "bundled", entry["file"], {"derived": entry.get("derived", "")})
            )
    return tuple(records), tuple(editions)


def imported_dir(name: str, data_dir: Path | None) -> Path:
    if data_dir is None:
        from raqmana.settings import get_settings

        data_dir = get_settings().data_dir
    return Path(data_dir) / "indices" / name


def _imported(spec: IndexSpec, data_dir: Path | None) -> tuple[list[Record], list[EditionInfo]]:
    folder = imported_dir(spec.id, data_dir)
    records: list[Record] = []
    editions: list[EditionInfo] = []
    if not folder.is_dir():
        return records, editions
    for csv_path in sorted(folder.glob("*.csv")):
        label = csv_path.stem
        result = read_table(csv_path, spec, edition=label)
        if result.errors:
            raise ProblemsError(result.problems)
        meta_path = csv_path.with_suffix(".yaml")
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) if meta_path.is_file() else {}
        records.extend(result.records)
        editions.append(EditionInfo(label, "imported", str(csv_path), meta or {}))
    return records, editions


def load_dataset(name: str, *, data_dir: Path | None = None, imported: bool = True) -> Dataset:
    """Every edition of index ``name``: bundled ones plus (with ``imported``) those under ``data_dir``."""
    spec = get_spec(name)
    bundled_records, bundled_editions = _bundled(name)
    records = list(bundled_records)
    editions = list(bundled_editions)
    if imported:
        extra_records, extra_editions = _imported(spec, data_dir)
        replaced = {e.label for e in extra_editions}
        records = [r for r in records if r.edition not in replaced] + extra_records
        editions = [e for e in editions if e.label not in replaced] + extra_editions
    meta = dict(provenance()["datasets"].get(name, {}))
    return Dataset(spec, records, editions, meta)


def load_all(*, data_dir: Path | None = None) -> dict[str, Dataset]:
    return {name: load_dataset(name, data_dir=data_dir) for name in SPECS}
