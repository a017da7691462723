"""Results pages: time of the first (uncached) page, the cached page, its JSON twin and each chart.

    .venv/bin/python benchmarks/web_results.py [--data-dir DIR] [--lang ar]

Seeds the illustrative demo round on the iraq-dla pack into a temporary directory unless ``--data-dir``
holds one already.
"""

from __future__ import annotations

import argparse
import re
import tempfile
import time
from pathlib import Path

from fastapi.testclient import TestClient

from raqmana.frameworks import load
from raqmana.settings import get_settings
from raqmana.web import create_app
from raqmana.workspace.demo import seed_demo


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--data-dir", type=Path)
    parser.add_argument("--lang", default="ar")
    args = parser.parse_args()
    data_dir = args.data_dir or Path(tempfile.mkdtemp(prefix="raqmana-bench-"))
    settings = get_settings(environment="test", data_dir=data_dir, database_url="", secret_key="b" * 40)
    t0 = time.perf_counter()
    framework = load("iraq-dla").framework
    assert framework is not None
    info = seed_demo(settings, framework=framework)
    print(f"seed (or reuse) demo: {time.perf_counter() - t0:.1f} s, {info.responses} answers")
    with TestClient(create_app(settings)) as c:
        token = re.search(r'name="csrf-token" content="([^"]+)"', c.get("/login").text)
        assert token
        c.post(
            "/login",
            data={
                "username": "demo-viewer",
                "password": "demo-viewer-2026",
                "csrf_token": token.group(1),
                "next": "/",
            },
        )
        base = f"/assessments/{info.assessment_id}/results"
        for label, path in [
            ("first page (runs the chain)", base),
            ("cached page", base),
            ("JSON twin", "/api/v1" + base),
            ("institution page", base + "/institutions/moc"),
        ]:
            t = time.perf_counter()
            r = c.get(path + f"?lang={args.lang}")
            print(
                f"{label:32} {time.perf_counter() - t:6.2f} s  {len(r.content) / 1024:7.0f} KiB  {r.status_code}"
            )
        html = c.get(base + f"?lang={args.lang}").text
        for src in re.findall(r'src="([^"]+\.svg[^"]*)"', html):
            t = time.perf_counter()
            r = c.get(src.replace("&amp;", "&"))
            name = src.split("/")[-1].split("?")[0]
            print(
                f"chart {name:26} {time.perf_counter() - t:6.2f} s  {len(r.content) / 1024:7.0f} KiB  {r.status_code}"
            )


if __name__ == "__main__":
    main()
