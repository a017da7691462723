"""A real HTTP receiver in a thread: records each POST, checks its signature and answers with the codes
it is given (the last one repeats)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from raqmana.exchange import signing


@dataclass
class Received:
    headers: dict[str, str]
    body: bytes
    signed: bool


@dataclass
class Receiver:
    secret: str
    codes: list[int] = field(default_factory=lambda: [200])
    got: list[Received] = field(default_factory=list)
    url: str = ""


@contextmanager
def receiver(secret: str, codes: list[int] | None = None) -> Iterator[Receiver]:
    box = Receiver(secret, list(codes or [200]))

    class Handler(BaseHTTPRequestHandler):
        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length", "0")))
            headers = dict(self.headers.items())
            ok = signing.verify(body, box.secret, headers.get(signing.SIGNATURE, ""))
            box.got.append(Received(headers, body, ok))
            code = box.codes.pop(0) if len(box.codes) > 1 else box.codes[0]
            self.send_response(code if ok else 401)
            self.send_header("Content-Length", "0")
            self.end_headers()

        def log_message(self, *args: object) -> None:
            return

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    box.url = f"http://127.0.0.1:{server.server_address[1]}/hook"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield box
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
