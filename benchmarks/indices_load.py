"""How long loading the bundled public-index datasets takes (cold, in a fresh process, then warm).

.venv/bin/python benchmarks/indices_load.py
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path


def main() -> None:
    started = time.perf_counter()
    from raqmana.indices import index_ids, load_dataset, reproduce
    from raqmana.indices.countries import countries

    imported = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        data_dir = Path(tmp)
        rows = 0
        per: dict[str, float] = {}
        for name in index_ids():
            t0 = time.perf_counter()
            rows += len(load_dataset(name, data_dir=data_dir).records)
            per[name] = time.perf_counter() - t0
        cold = time.perf_counter() - imported
        t0 = time.perf_counter()
        for name in index_ids():
            load_dataset(name, data_dir=data_dir)
        warm = time.perf_counter() - t0
        t0 = time.perf_counter()
        for edition in ("2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"):
            reproduce("egdi", edition, data_dir=data_dir)
        repro = time.perf_counter() - t0
    print(f"import raqmana.indices: {(imported - started) * 1000:.0f} ms")
    print(
        f"load all bundled datasets (cold): {cold * 1000:.0f} ms for {rows} rows, {len(countries())} countries"
    )
    for name, secs in per.items():
        print(f"  {name:9s} {secs * 1000:7.1f} ms")
    print(f"load all datasets again (cached): {warm * 1000:.1f} ms")
    print(f"reproduce EGDI, 8 editions: {repro * 1000:.0f} ms")


if __name__ == "__main__":
    main()
