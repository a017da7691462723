"""A round's exchange archive: export, import into a fresh workspace, the same import again, and one
webhook delivery round trip to a receiver on this machine.

The round is the demo's (``iraq-dla`` pack, every institution of the Iraqi tree, illustrative answers in
every state) in a fresh SQLite workspace (or the PostgreSQL databases of ``RAQMANA_DATABASE_URL`` and
``RAQMANA_DATABASE_URL_2``). Prints the archive's size and counts, then the median of ``--repeat`` runs of:

* export: the whole archive (tables as CSV and JSON, scores computed from the accepted answers);
* import: into a workspace with the same tree and no round (the round is created);
* re-import: the same archive again (everything unchanged);
* deliveries: ``--events`` events to one webhook, delivered by ``deliver_due`` to a local receiver.

Run:
    .venv/bin/python benchmarks/exchange.py [--repeat 3] [--events 200]
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from raqmana.frameworks import load
from raqmana.settings import get_settings
from raqmana.workspace import SYSTEM, open_workspace, orgs
from raqmana.workspace.demo import seed_demo
from raqmana.workspace.exchange import export_round
from raqmana.workspace.exchange_import import import_round
from raqmana.workspace.outbox import emit
from raqmana.workspace.webhook_delivery import deliver_due
from raqmana.workspace.webhooks import register_webhook


def _settings(folder: Path, url: str = ""):  # type: ignore[no-untyped-def]
    return get_settings(
        environment="development",
        data_dir=folder,
        database_url=url,
        secret_key="benchmark-secret-key-0123456789abcdef",
        password_cost="minimal",
    )


def _median(fn, repeat: int) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


class _Ok(BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length", "0")))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args: object) -> None:
        return


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--events", type=int, default=200)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        source = _settings(Path(tmp) / "a", os.environ.get("RAQMANA_DATABASE_URL", ""))
        loaded = load("iraq-dla")
        assert loaded.framework is not None
        info = seed_demo(source, framework=loaded.framework)
        ws = open_workspace(source)
        result = None

        def export() -> None:
            nonlocal result
            with ws.reader() as s:
                result = export_round(s, SYSTEM, assessment_id=info.assessment_id, blobs=ws.blobs)

        t_export = _median(export, args.repeat)
        assert result is not None
        m = result.manifest
        print(f"archive: {len(result.data) / 1e6:.2f} MB, tables {m['tables']}")
        print(f"export: median {t_export:.2f} s over {args.repeat}")

        imports, again = [], []
        for n in range(args.repeat):
            other = open_workspace(
                _settings(Path(tmp) / f"b{n}", os.environ.get("RAQMANA_DATABASE_URL_2", ""))
            )
            with other.transaction() as s:
                orgs.seed_iraq(s, SYSTEM)
            t0 = time.perf_counter()
            with other.transaction() as s:
                import_round(s, SYSTEM, data=result.data, filename="round.zip", blobs=other.blobs)
            imports.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            with other.transaction() as s:
                report = import_round(s, SYSTEM, data=result.data, filename="round.zip", blobs=other.blobs)
            again.append(time.perf_counter() - t0)
            assert report.counts["answers"]["created"] == 0
            other.dispose()
            if os.environ.get("RAQMANA_DATABASE_URL_2"):
                break  # one fresh database only
        print(f"import (round created): median {statistics.median(imports):.2f} s")
        print(f"re-import (nothing changes): median {statistics.median(again):.2f} s")

        server = ThreadingHTTPServer(("127.0.0.1", 0), _Ok)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        with ws.transaction() as s:
            register_webhook(
                s,
                SYSTEM,
                settings=ws.settings,
                url=f"http://127.0.0.1:{server.server_address[1]}/",
                kinds=["report.ready"],
            )
            for n in range(args.events):
                emit(s, "report.ready", "assessment", info.assessment_id, {"n": n})
        t0 = time.perf_counter()
        done = deliver_due(ws, limit=args.events)
        seconds = time.perf_counter() - t0
        server.shutdown()
        print(
            f"deliveries: {done['delivered']} of {args.events} in {seconds:.2f} s "
            f"({args.events / seconds:.0f} per second, one worker, signed, one connection each)"
        )
        ws.dispose()


if __name__ == "__main__":
    sys.exit(main())
