"""Ctrl-C in ``raqmana demo`` (and so in ``make demo``): while it builds and while it serves, it says that it
stopped and where the workspace is kept, and exits with 130 as an interrupted command does — no traceback.
Each case runs the command in a process of its own and sends it a real SIGINT."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.slow

STOPPED = "stopped; the workspace is kept at"


def _start(args: list[str], data: Path) -> subprocess.Popen[str]:
    env = {"RAQMANA_DATA_DIR": str(data), "PATH": "/usr/bin:/bin", "PYTHONUNBUFFERED": "1"}
    return subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env=env,
        # the child handles SIGINT as a terminal's Ctrl-C makes it (a test runner may ignore it)
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


def _interrupt(process: subprocess.Popen[str]) -> str:
    process.send_signal(signal.SIGINT)
    out, _ = process.communicate(timeout=120)
    return out


def test_ctrl_c_while_serving_says_where_the_workspace_is_and_exits_130(tmp_path):
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    # the demo's serving step alone (the build is the other case): the same command, the real server
    script = (
        "import raqmana.cli.demo as d\n"
        "from raqmana.cli.serve import run_server\n"
        "from raqmana.settings import get_settings\n"
        f"d._demo = lambda **kw: run_server(get_settings(), host='127.0.0.1', port={port})\n"
        "from raqmana.cli.main import app\n"
        "app(['demo', '--lang', 'en'])\n"
    )
    process = _start(["-c", script], tmp_path / "data")
    deadline = time.monotonic() + 120
    while True:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/login", timeout=5)
            break
        except OSError:
            assert process.poll() is None and time.monotonic() < deadline, process.stdout.read()  # type: ignore[union-attr]
            time.sleep(0.3)
    out = _interrupt(process)
    assert process.returncode == 130, out
    assert STOPPED in out and str(tmp_path / "data") in out and "Traceback" not in out


def test_ctrl_c_while_building_says_where_the_workspace_is_and_exits_130(tmp_path):
    args = [
        "demo",
        "--no-serve",
        "--runs",
        "0",
        "--formats",
        "json",
        "--lang",
        "en",
        "--out",
        str(tmp_path / "out"),
    ]
    process = _start(["-c", f"from raqmana.cli.main import app\napp({args!r})\n"], tmp_path / "data")
    assert process.stdout is not None
    first = process.stdout.readline()  # 1/11: the framework is written; the workspace is being built
    assert first.startswith("1/"), first
    out = _interrupt(process)
    assert process.returncode == 130, first + out
    assert STOPPED in out and "Traceback" not in out
