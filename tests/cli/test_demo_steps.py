"""``raqmana demo``: every step is numbered as printed, timed into summary.json, and the consultations are
named in the summary (the whole chain on the Iraqi pack, reports as JSON only to keep it short)."""

from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

from raqmana.cli.demo import STEPS
from raqmana.cli.main import app


@pytest.mark.slow
def test_the_demo_numbers_and_times_every_step(tmp_path, monkeypatch):
    monkeypatch.setenv("RAQMANA_DATA_DIR", str(tmp_path / "data"))
    out = tmp_path / "out"
    args = ["demo", "--no-serve", "--runs", "0", "--formats", "json", "--out", str(out), "--lang", "en"]
    got = CliRunner().invoke(app, args)
    assert got.exit_code == 0, got.output
    numbers = [m.group(1) for m in re.finditer(r"^(\d+)/\d+ ", got.output, flags=re.M)]
    totals = set(re.findall(r"^\d+/(\d+) ", got.output, flags=re.M))
    assert numbers == [str(n) for n in range(1, len(STEPS) + 1)] and totals == {str(len(STEPS))}
    assert re.search(r"^12/12 Consultations: .*response report", got.output, flags=re.M)
    assert re.search(r"^6/12 Index build: .*\n.*Index .* files in ", got.output, flags=re.M)
    timings = json.loads((out / "summary.json").read_text(encoding="utf-8"))["timings_s"]
    assert set(STEPS) <= set(timings) and {"scoring", "analysis", "roadmap", "total"} <= set(timings)
    assert timings["total"] + 0.1 >= sum(timings[s] for s in STEPS) > 0  # each rounded to 0.01 s
    assert "Seconds per step: 1: " in got.output
    assert any(
        p.startswith("consultations/response-")
        for p in json.loads((out / "summary.json").read_text())["files"]
    )
