"""A corpus of hostile uploads sent over HTTP: disguised types, ZIP and XML bombs, path-traversal names,
bodies over the limit with and without Content-Length. Each gets its refusal in the project's error
shape and leaves no byte in the data directory."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import anyio
import pytest

import raqmana.web.app as web_app
from raqmana.store.models import Job
from raqmana.web import create_app
from raqmana.web.body_limit import FORM_OVERHEAD, BodyLimit
from raqmana.workspace.jobs import run_worker
from tests.workspace.hostile_files import XML_BOMBS, with_xml_bomb, with_zip_bomb, zipped

from .conftest import Browser

MIB = 1024 * 1024
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def files_in(data_dir: Path) -> dict[str, int]:
    """Every file below the data directory (database journal aside) with its size."""
    return {
        str(p.relative_to(data_dir)): p.stat().st_size
        for p in data_dir.rglob("*")
        if p.is_file()
        and not p.name.startswith(("raqmana.db", "raqmana.sqlite"))
        and p.suffix not in (".db", ".sqlite", ".db-wal", ".db-shm", ".db-journal")
    }


@pytest.fixture
def small(world, monkeypatch) -> Iterator[Browser]:
    """The focal point, signed in, on an app with a 1 MiB upload limit and a 3 MiB batch limit."""
    monkeypatch.setattr(web_app, "BATCH_FILE_MB", 3)
    settings = world.settings.model_copy(update={"max_upload_mb": 1})
    app = create_app(settings, workspace=world.ws)
    with Browser(app, base_url="http://testserver") as b:
        b.login("focal")
        b.headers["X-CSRF-Token"] = b.csrf("/")
        yield b


def _evidence(world) -> str:
    return f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01/evidence/file"


def _batch(world) -> str:
    return f"/api/v1/assessments/{world.assessment_id}/workbooks"


def _workbook(browser, world) -> bytes:
    r = browser.get(f"/api/v1/assessments/{world.assessment_id}/institutions/mofa/workbook.xlsx")
    assert r.status_code == 200, r.text
    return r.content


def _multipart(name: str, data: bytes, field: str = "file") -> tuple[bytes, str]:
    boundary = "raqmana-test-boundary"
    body = (
        (
            f'--{boundary}\r\nContent-Disposition: form-data; name="{field}"; filename="{name}"\r\n'
            "Content-Type: application/octet-stream\r\n\r\n"
        ).encode()
        + data
        + f"\r\n--{boundary}--\r\n".encode()
    )
    return body, f"multipart/form-data; boundary={boundary}"


def _chunks(body: bytes, size: int = 64 * 1024) -> Iterator[bytes]:
    for i in range(0, len(body), size):
        yield body[i : i + size]


def _codes(r) -> list[str]:
    return [e["code"] for e in r.json()["errors"]]


@pytest.mark.parametrize("chunked", [False, True], ids=["content-length", "chunked"])
@pytest.mark.parametrize(("route", "mib"), [("evidence", 1), ("batch", 3)])
def test_it_refuses_a_body_over_the_routes_limit_with_and_without_content_length(
    small, world, route, mib, chunked
):
    before = files_in(world.settings.data_dir)
    body, ctype = _multipart(
        "big.pdf", PDF + b"0" * ((mib + 2) * MIB), "files" if route == "batch" else "file"
    )
    url = _evidence(world) if route == "evidence" else _batch(world)
    r = small.post(url, content=_chunks(body) if chunked else body, headers={"Content-Type": ctype})
    assert r.status_code == 413, r.text
    assert _codes(r) == ["WEB004"] and r.json()["errors"][0]["message"].count(str(mib))
    assert files_in(world.settings.data_dir) == before


def test_it_accepts_a_batch_bigger_than_the_single_file_limit(small, world):
    """The batch limit, not the evidence limit, applies to the batch (a 2 MiB upload against 1 MiB)."""
    padding = os.urandom(2 * MIB)  # does not pack smaller
    body, ctype = _multipart(
        "round.zip", zipped({"moa.xlsx": _workbook(small, world), "pad.txt": padding}), "files"
    )
    assert len(body) > 2 * MIB
    r = small.post(_batch(world), content=body, headers={"Content-Type": ctype})
    assert r.status_code == 202, r.text


def _corpus(world, browser) -> list[tuple[str, str, str, bytes, int, str]]:
    """(case, route, filename, content, expected status, expected code)."""
    book = _workbook(browser, world)
    exe = b"MZ\x90\x00" + b"\x00" * 200
    return [
        ("program as pdf", "evidence", "law.pdf", exe, 422, "WS043"),
        ("zip as png", "evidence", "photo.png", zipped({"a.txt": b"x"}), 422, "WS043"),
        ("script type", "evidence", "run.sh", b"#!/bin/sh\nrm -rf /\n", 422, "WS042"),
        ("traversal name, program", "evidence", "../../../../tmp/evil.pdf", exe, 422, "WS043"),
        ("xml bomb", "workbook", "book.xlsx", with_xml_bomb(book, XML_BOMBS["billion-laughs"]), 422, "WS090"),
        (
            "external entity",
            "workbook",
            "book.xlsx",
            with_xml_bomb(book, XML_BOMBS["external-entity"]),
            422,
            "WS090",
        ),
        ("zip bomb workbook", "workbook", "book.xlsx", with_zip_bomb(book, mib=64), 422, "WS090"),
        ("pdf as workbook", "workbook", "book.xlsx", PDF, 422, "WS090"),
        ("zip bomb batch", "batch", "round.zip", zipped({"a.xlsx": b"\0" * (30 * MIB)}), 422, "WS105"),
        ("zip of nothing", "batch", "round.zip", zipped({"../../etc/passwd": b"root"}), 422, "WS103"),
        ("not a zip", "batch", "round.zip", b"PK\x03\x04 broken", 422, "WS102"),
    ]


def test_every_file_of_the_hostile_corpus_is_refused_and_leaves_nothing_on_disk(as_user, world, tmp_path):
    focal = as_user("focal")
    focal.headers["X-CSRF-Token"] = focal.csrf("/")
    outside = files_in(tmp_path)
    urls = {"evidence": _evidence(world), "workbook": "/api/v1/workbooks", "batch": _batch(world)}
    for case, route, name, data, status, code in _corpus(world, focal):
        before = files_in(world.settings.data_dir)
        field = "files" if route == "batch" else "file"
        r = focal.post(urls[route], files={field: (name, data)})
        assert (r.status_code, _codes(r)[:1]) == (status, [code]), (case, r.text[:300])
        assert files_in(world.settings.data_dir) == before, case
    assert files_in(tmp_path) == outside


def test_a_batch_of_bombs_gives_a_result_for_each_and_leaves_no_upload(as_user, world):
    focal = as_user("focal")
    focal.headers["X-CSRF-Token"] = focal.csrf("/")
    book = _workbook(focal, world)
    files = [("files", (f"{n}.xlsx", with_xml_bomb(book, x))) for n, x in XML_BOMBS.items()]
    files.append(("files", ("zip-bomb.xlsx", with_zip_bomb(book, mib=64))))
    r = focal.post(_batch(world), files=files)
    assert r.status_code == 202, r.text
    run_worker(world.ws, once=True)
    with world.ws.reader() as s:
        job = s.get(Job, r.json()["job"]["id"])
        assert job.status == "done"
        assert [(x["ok"], x["problems"][0]["code"]) for x in job.result["results"]] == [(False, "WS090")] * 4
    assert not any((world.settings.data_dir / "uploads").rglob("*"))


def test_a_chunked_body_is_cut_off_at_the_limit_without_reading_the_rest(app):
    """The middleware stops asking for chunks as soon as the count passes the limit."""
    asked = 0

    async def endless():
        nonlocal asked
        asked += 1
        return {"type": "http.request", "body": b"0" * (256 * 1024), "more_body": True}

    async def reader(scope, receive, send):  # reads the whole body, as a form parser would
        while (await receive()).get("more_body"):
            pass

    sent: list[dict] = []

    async def send(message):
        sent.append(message)

    scope = {"type": "http", "method": "POST", "path": "/x", "headers": [], "query_string": b"", "app": app}
    middleware = BodyLimit(reader, classes=[], default_mb=1)
    anyio.run(middleware, scope, endless, send)
    assert sent[0]["type"] == "http.response.start" and sent[0]["status"] == 413
    assert asked == (MIB + FORM_OVERHEAD) // (256 * 1024) + 1


def test_a_stranger_cannot_send_a_big_body_to_any_route(app, world):
    """Forms are parsed before sign-in is checked: without credentials every route takes 1 MiB at most."""
    body, ctype = _multipart("round.zip", b"PK" + b"0" * (3 * MIB), "files")
    with Browser(app, base_url="http://testserver") as stranger:
        for url in (_batch(world), _evidence(world), "/login"):
            r = stranger.post(
                url, content=_chunks(body), headers={"Content-Type": ctype, "Accept": "application/json"}
            )
            assert r.status_code == 413, (url, r.status_code)


@pytest.mark.parametrize("name", ["../../../../tmp/evil.pdf", "..\\..\\windows\\evil.pdf", "/etc/evil.pdf"])
def test_a_path_in_a_file_name_is_dropped_and_nothing_is_written_outside_the_data_directory(
    as_user, world, tmp_path, name
):
    focal = as_user("focal")
    focal.headers["X-CSRF-Token"] = focal.csrf("/")
    outside = files_in(tmp_path)
    r = focal.post(_evidence(world), files={"file": (name, PDF)})
    assert r.status_code == 201, r.text
    assert r.json()["filename"] == "evil.pdf"
    added = set(files_in(tmp_path)) - set(outside)
    assert added and all(p.startswith("data/evidence/") for p in added), added


@pytest.mark.parametrize("length", ["9" * 5000, "-1", "12abc"])
def test_it_refuses_a_content_length_that_is_no_size(app, length):
    sent: list[dict] = []

    async def never(scope, receive, send):
        raise AssertionError("the app must not be called")

    async def nothing():
        return {"type": "http.request", "body": b"", "more_body": False}

    async def send(message):
        sent.append(message)

    headers = [(b"content-length", length.encode()), (b"authorization", b"Bearer x")]
    scope = {
        "type": "http",
        "method": "POST",
        "path": "/x",
        "headers": headers,
        "query_string": b"",
        "app": app,
    }
    anyio.run(BodyLimit(never, classes=[], default_mb=1), scope, nothing, send)
    assert sent[0]["status"] == 413
