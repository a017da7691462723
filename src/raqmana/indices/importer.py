"""Import a newer (or licence-restricted) edition of an index into the data directory.

The file is checked with the same reader as the bundled data; on any error nothing is written.
On success the edition is stored as ``<data_dir>/indices/<index>/<edition>.csv`` in raqmana's own
layout, with ``<edition>.yaml`` recording where it came from.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import yaml

from raqmana.atomic import replacing
from raqmana.indices import errors as E
from raqmana.indices.datasets import get_spec, imported_dir, load_dataset
from raqmana.indices.table import normalise_edition, read_table, write_canonical
from raqmana.problems import Location, Problem, split


@dataclass
class ImportResult:
    index: str
    edition: str | None
    problems: list[Problem] = field(default_factory=list)
    stored: Path | None = None
    rows: int = 0
    licence: dict[str, str] | None = None

    @property
    def ok(self) -> bool:
        return self.stored is not None and not split(self.problems)[0]

    def to_dict(self, lang: str = "en") -> dict[str, Any]:
        errors, warnings = split(self.problems)
        return {
            "ok": self.ok,
            "index": self.index,
            "edition": self.edition,
            "rows": self.rows,
            "stored": str(self.stored) if self.stored else None,
            "licence": self.licence,
            "errors": [p.as_dict(lang) for p in errors],
            "warnings": [p.as_dict(lang) for p in warnings],
        }


def import_edition(
    index: str, file: Path, *, edition: str | None = None, data_dir: Path | None = None, source: str = ""
) -> ImportResult:
    """Check ``file`` as an edition of ``index`` and store it; nothing is stored when there is an error."""
    spec = get_spec(index)
    licence = spec.licence_notice.model_dump() if spec.licence_notice else None
    result = ImportResult(index, edition, licence=licence)
    if edition is not None and normalise_edition(edition) is None:
        result.problems.append(Problem(E.BAD_EDITION, Location(file=file.name), {"value": edition}))
        return result
    if not file.is_file():
        result.problems.append(Problem(E.FILE_NOT_FOUND, Location(file=str(file)), {"name": str(file)}))
        return result
    read = read_table(file, spec, edition=edition)
    result.problems.extend(read.problems)
    if read.errors:
        return result
    editions = sorted({r.edition for r in read.records})
    if len(editions) != 1:  # a multi-edition file must be imported one edition at a time
        result.problems.append(Problem(E.NO_EDITION, Location(file=file.name)))
        return result
    label = editions[0]
    result.edition = label
    existing = load_dataset(index, data_dir=data_dir)  # nosec B615  # raqmana's own reader of bundled CSV files, not the Hugging Face hub
    if label in existing.edition_labels():
        result.problems.append(
            Problem(
                E.REPLACES_EDITION,
                Location(file=file.name),
                {"edition": label, "name": spec.name.model_dump()},
            )
        )
    for rec in read.records:
        for comp in spec.components:
            if comp.required and rec.values.get(comp.id) is None:
                result.problems.append(
                    Problem(
                        E.MISSING_VALUE,
                        Location(file=file.name, line=rec.line),
                        {"iso3": rec.iso3, "column": comp.id},
                    )
                )
    folder = imported_dir(index, data_dir)
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{label}.csv"
    meta = {
        "index": index,
        "edition": label,
        "source_file": file.name,
        "source": source,
        "sha256": hashlib.sha256(file.read_bytes()).hexdigest(),
        "rows": len(read.records),
        "imported_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "publisher": spec.publisher,
        "licence": licence["en"] if licence else "",
    }
    with replacing(target) as tmp:
        write_canonical(sorted(read.records, key=lambda r: r.iso3), spec, tmp)
    with replacing(target.with_suffix(".yaml")) as tmp:
        tmp.write_text(yaml.safe_dump(meta, allow_unicode=True, sort_keys=False), encoding="utf-8")
    result.stored = target
    result.rows = len(read.records)
    return result
