"""Server memory while a big batch of workbooks is uploaded: peak RSS of `raqmana serve`.

A test world (tests/support/world.py) is built in a temp data directory, ``raqmana serve
--no-inline-worker`` is started on it (so only the upload is measured, not the import job), and one
batch is sent as the API expects (bearer token, multipart, chunked without Content-Length): a ZIP of
workbook-sized members (19 MiB each, incompressible) adding up to ``--mib`` MiB, made on disk first and
streamed from there. It prints the server's resident memory before the upload, its peak during it
(``VmHWM`` of /proc), the answer and how long it took, and what is left in the uploads area's waiting
folder afterwards (nothing is expected).

Run:
    .venv/bin/python benchmarks/batch_upload_memory.py --mib 400
To compare with another version of the code: PYTHONPATH=/path/to/that/src .venv/bin/python …
"""

from __future__ import annotations

import argparse
import os
import socket
import subprocess
import sys
import tempfile
import time
import zipfile
from collections.abc import Iterator
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.web.world import build_world, make_settings

import raqmana
from raqmana.workspace import tokens

RAQMANA = str(Path(sys.executable).parent / "raqmana")
MIB = 1024 * 1024
MEMBER_MIB = 19


def _port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _kib(pid: int, key: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1])
    return 0


def _tree_kib(pid: int, key: str) -> int:
    """The figure for the process and its children (uvicorn may serve from a child)."""
    total = _kib(pid, key)
    for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split():
        total += _tree_kib(int(child), key)
    return total


def make_batch(path: Path, mib: int, workbook: bytes) -> None:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_STORED) as zf:
        zf.writestr("round/mofa.xlsx", workbook)
        for n in range(max(1, mib // MEMBER_MIB)):
            with zf.open(f"round/institution-{n:03d}.xlsx", "w") as out:
                for _ in range(MEMBER_MIB):
                    out.write(os.urandom(MIB))


def body(path: Path, boundary: str) -> Iterator[bytes]:
    yield (
        f'--{boundary}\r\nContent-Disposition: form-data; name="files"; filename="round.zip"\r\n'
        "Content-Type: application/zip\r\n\r\n"
    ).encode()
    with path.open("rb") as fh:
        while chunk := fh.read(MIB):
            yield chunk
    yield f"\r\n--{boundary}--\r\n".encode()


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--mib", type=int, default=400, help="size of the batch")
    args = p.parse_args()
    print(f"code: {Path(raqmana.__file__).parent}")
    with tempfile.TemporaryDirectory(prefix="raqmana-batch-") as tmp:
        world = build_world(make_settings(Path(tmp) / "data"))
        with world.ws.transaction() as s:
            _, secret = tokens.create_api_token(s, world["focal"], name="batch")
        with world.ws.reader():
            pass
        from fastapi.testclient import TestClient

        from raqmana.web import create_app

        with TestClient(create_app(world.settings, workspace=world.ws)) as c:
            book = c.get(
                f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/workbook.xlsx",
                headers={"Authorization": f"Bearer {secret}"},
            ).content
        world.ws.dispose()
        batch = Path(tmp) / "round.zip"
        make_batch(batch, args.mib, book)
        size = batch.stat().st_size
        settings = world.settings
        env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("RAQMANA_")},
            "RAQMANA_DATA_DIR": str(settings.data_dir),
            "RAQMANA_DATABASE_URL": settings.sqlalchemy_url,
            "RAQMANA_SECRET_KEY": settings.secret_key,
            "RAQMANA_ENVIRONMENT": "development",
        }
        port = _port()
        url = f"http://127.0.0.1:{port}"
        proc = subprocess.Popen(
            [RAQMANA, "serve", "--host", "127.0.0.1", "--port", str(port), "--no-inline-worker"],
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/healthz", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                assert time.monotonic() < deadline and proc.poll() is None, "raqmana serve did not start"
                time.sleep(0.2)
            rss = _tree_kib(proc.pid, "VmRSS")
            boundary = "raqmana-batch-boundary"
            started = time.perf_counter()
            r = httpx.post(
                f"{url}/api/v1/assessments/{world.assessment_id}/workbooks",
                content=body(batch, boundary),
                headers={
                    "Authorization": f"Bearer {secret}",
                    "Content-Type": f"multipart/form-data; boundary={boundary}",
                },
                timeout=600,
            )
            took = time.perf_counter() - started
            peak = _tree_kib(proc.pid, "VmHWM")
            waiting = settings.data_dir / "uploads" / ".incoming"
            left = sum(f.stat().st_size for f in waiting.rglob("*") if f.is_file()) if waiting.exists() else 0
        finally:
            proc.terminate()
            proc.wait(timeout=30)
    print(
        f"batch {size / MIB:.0f} MiB (chunked): answer {r.status_code} in {took:.1f} s; server RSS before "
        f"{rss / 1024:.0f} MiB, peak {peak / 1024:.0f} MiB (+{(peak - rss) / 1024:.0f} MiB); "
        f"left waiting {left} bytes"
    )


if __name__ == "__main__":
    main()
