"""Time loading and validating every built-in framework pack (target: all packs < 0.5 s).

Run: .venv/bin/python benchmarks/framework_load.py
"""

from __future__ import annotations

import time

from raqmana.frameworks import load, pack_ids


def main(repeats: int = 5) -> None:
    ids = pack_ids()
    load(ids[0])  # warm imports
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        for pid in ids:
            result = load(pid)
            assert result.framework is not None
        times.append(time.perf_counter() - start)
    for pid in ids:
        start = time.perf_counter()
        r = load(pid)
        print(
            f"{pid:10s} {time.perf_counter() - start:6.3f} s  indicators={len(r.framework.indicators()):3d} "
            f"errors={len(r.errors)} warnings={len(r.warnings)}"
        )
    print(
        f"all {len(ids)} packs, load+validate: best {min(times):.3f} s, median {sorted(times)[len(times) // 2]:.3f} s"
    )


if __name__ == "__main__":
    main()
