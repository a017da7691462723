"""``raqmana serve --host H --port P`` starts the web app."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.mark.slow
def test_it_serves_the_app_on_the_given_host_and_port(tmp_path):
    port = _free_port()
    env = {
        **os.environ,
        "RAQMANA_DATA_DIR": str(tmp_path),
        "RAQMANA_DATABASE_URL": "",
        "RAQMANA_SECRET_KEY": "serve-test-secret-0123456789abcdef",
    }
    raqmana = Path(sys.executable).parent / "raqmana"  # the console script of the installed package
    proc = subprocess.Popen(
        [str(raqmana), "serve", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                r = httpx.get(f"http://127.0.0.1:{port}/login?lang=en", timeout=2)
                break
            except httpx.HTTPError:
                assert proc.poll() is None, proc.stdout.read().decode() if proc.stdout else ""
                assert time.monotonic() < deadline, "raqmana serve did not answer"
                time.sleep(0.2)
        assert r.status_code == 200 and '<html lang="en" dir="ltr">' in r.text
        assert (tmp_path / "raqmana.sqlite3").exists()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
