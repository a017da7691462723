"""raqmana's web app started for a benchmark: a server on a free loopback port, waited for until it answers,
stopped when the block ends.

    from _server import app_server
    with app_server(env, workers=2) as (url, pid):  # pid: uvicorn's main process (its workers are its children)
        ...
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import httpx


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@contextmanager
def serving(
    command: Sequence[str],
    env: dict[str, str],
    url: str,
    *,
    ready: str = "/healthz",
    answers: tuple[int, ...] = (200,),
    wait: float = 600,
) -> Iterator[subprocess.Popen[bytes]]:
    """Run ``command`` (with ``env`` over this process's environment) until the block ends, once
    ``url + ready`` answers with one of ``answers``; a slow machine may take minutes to start it, and a
    server that exits or does not answer within ``wait`` seconds raises RuntimeError."""
    proc = subprocess.Popen(list(command), env={**os.environ, **env})
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                if httpx.get(f"{url}{ready}", timeout=5).status_code in answers:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError(f"the web app did not start ({command[0]} … on {url})")
            time.sleep(0.3)
        yield proc
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()


@contextmanager
def app_server(
    env: dict[str, str],
    workers: int,
    *,
    ready: str = "/healthz",
    extra: tuple[str, ...] = (),
    wait: float = 600,
) -> Iterator[tuple[str, int]]:
    """raqmana's app under uvicorn with ``workers`` processes on a free loopback port: (url, pid), once
    ``ready`` answers 200. ``extra``: more uvicorn options (``--loop uvloop --http httptools`` …)."""
    port = free_port()
    command = [
        sys.executable,
        "-m",
        "uvicorn",
        "raqmana.web.app:create_app",
        "--factory",
        "--host",
        "127.0.0.1",
    ]
    command += ["--port", str(port), "--workers", str(workers), "--log-level", "warning", "--no-access-log"]
    url = f"http://127.0.0.1:{port}"
    with serving(command, env, url, ready=ready, wait=wait) as proc:
        yield url, proc.pid
