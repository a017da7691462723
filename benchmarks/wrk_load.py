"""HTTP load with ``wrk`` (Debian package ``wrk``; C and epoll, so the generator leaves the cores to the app):
requests per second, p50/p95/p99 latency and errors, with the CPU seconds the server processes and the
generator used and the load average, since on a shared machine wall-clock figures are load figures.
Without ``wrk`` the Python generator of :mod:`web_load` stands in (it takes a core for itself: its
figures are lower and say so).

    from _server import app_server
    from wrk_load import measure
    with app_server(env, workers=2) as (url, pid):
        print(measure("/public?lang=en", url + "/public?lang=en", pid, connections=200, seconds=10).line())
"""

from __future__ import annotations

import asyncio
import os
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parent))

#: printed by wrk when the run is done (latencies in microseconds)
REPORT = """
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format("RQ %d %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max,
    e.connect, e.read + e.write, e.timeout, e.status))
end
"""
TICK = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Load:
    name: str
    generator: str
    connections: int
    requests: int
    seconds: float
    p50_ms: float
    p95_ms: float
    p99_ms: float
    errors: str
    app_cpu_s: float
    generator_cpu_s: float
    load: str

    @property
    def rate(self) -> float:
        return self.requests / self.seconds if self.seconds else 0.0

    def line(self) -> str:
        per = self.app_cpu_s / self.requests * 1000 if self.requests else 0.0
        return (
            f"  {self.name:34s} {self.generator} {self.connections} conns: n={self.requests:6d} "
            f"errors={self.errors} {self.rate:7.1f} req/s  p50={self.p50_ms:7.1f} p95={self.p95_ms:7.1f} "
            f"p99={self.p99_ms:7.1f} ms  app CPU {self.app_cpu_s:5.1f} s ({per:.2f} ms/req), "
            f"generator CPU {self.generator_cpu_s:4.1f} s, load {self.load}"
        )


def has_wrk() -> bool:
    return shutil.which("wrk") is not None


def tree_cpu(pid: int) -> float:
    """User + system CPU seconds of process ``pid`` and its children alive now (uvicorn's workers)."""
    stats: dict[int, tuple[int, float]] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        stats[int(entry.name)] = (int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK)
    family, total = {pid}, 0.0
    changed = True
    while changed:
        changed = False
        for p, (parent, _) in stats.items():
            if parent in family and p not in family:
                family.add(p)
                changed = True
    for p in family:
        total += stats.get(p, (0, 0.0))[1]
    return total


def _children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def load_average() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def measure(
    name: str,
    url: str,
    server_pid: int,
    *,
    connections: int = 200,
    seconds: float = 10,
    threads: int = 2,
    cookie: str = "",
    generator: str = "auto",
) -> Load:
    """``connections`` connections asking ``url`` again as soon as each answer arrives, for ``seconds``."""
    use_wrk = generator == "wrk" or (generator == "auto" and has_wrk())
    headers = {"Accept-Encoding": "gzip"}
    if cookie:
        headers["Cookie"] = cookie
    app_before, gen_before = tree_cpu(server_pid), _children_cpu()
    if use_wrk:
        with tempfile.NamedTemporaryFile("w", suffix=".lua", delete=False) as script:
            script.write(REPORT)
        try:
            cmd = [
                "wrk",
                f"-t{threads}",
                f"-c{connections}",
                f"-d{max(1, round(seconds))}s",
                "--timeout",
                "30s",
            ]
            cmd += ["-s", script.name]
            for k, v in headers.items():
                cmd += ["-H", f"{k}: {v}"]
            out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
        finally:
            os.unlink(script.name)
        m = re.search(r"^RQ (.*)$", out, re.M)
        if m is None:
            raise RuntimeError(out)
        n, dur, p50, p95, p99, _max, connect, io_errors, timeout, status = (
            int(x) for x in m.group(1).split()
        )
        errors = ",".join(
            f"{k}x{v}"
            for k, v in (("connect", connect), ("io", io_errors), ("timeout", timeout), ("non2xx3xx", status))
            if v
        )
        result = (n, dur / 1e6, p50 / 1000, p95 / 1000, p99 / 1000, errors or "0", "wrk")
    else:
        from web_load import _load, _pct

        started = time.perf_counter()
        lat, errs = asyncio.run(_load(url, _cookies(cookie), connections, 10**9, seconds))
        wall = time.perf_counter() - started
        ms = [x * 1000 for x in lat]
        failed = ",".join(f"{k}x{v}" for k, v in errs.items()) or "0"
        result = (len(ms), wall, statistics.median(ms), _pct(ms, 95), _pct(ms, 99), failed, "python")
    app_cpu = tree_cpu(server_pid) - app_before
    gen_cpu = _children_cpu() - gen_before if use_wrk else float("nan")
    n, wall, p50, p95, p99, errors, gen = result
    return Load(name, gen, connections, n, wall, p50, p95, p99, errors, app_cpu, gen_cpu, load_average())


def _cookies(header: str) -> dict[str, str]:
    return dict(part.strip().split("=", 1) for part in header.split(";") if "=" in part)


def visitor_cookie(url: str) -> str:
    """The cookies a browser keeps after its first visit of ``url`` (CSRF and language), as a header."""
    r = httpx.get(url, timeout=120)
    return "; ".join(f"{k}={v}" for k, v in r.cookies.items())
