"""Operations over HTTP: /healthz and /readyz without login, request ids in responses and logs, HSTS
behind TLS, and X-Forwarded-For believed only from the configured proxies."""

from __future__ import annotations

import io
import json
import logging
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text, update

from raqmana.logs import configure_logging
from raqmana.store import head_revision
from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.store.types import utcnow
from raqmana.web import create_app


def client_for(world, **settings):
    app = create_app(world.settings.model_copy(update=settings), workspace=world.ws)
    return TestClient(app, base_url="http://testserver")


def test_healthz_answers_without_login(client):
    r = client.get("/healthz")
    assert r.status_code == 200 and r.json()["ok"] is True and r.json()["status"] == "alive"
    assert r.headers["cache-control"] == "no-store"


def test_readyz_checks_database_schema_data_directory_and_queue(client):
    r = client.get("/readyz")
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["ok"] is True and set(body["checks"]) == {"database", "migrations", "data_dir", "worker"}
    assert body["checks"]["migrations"]["detail"] == f"at {head_revision()}"
    assert body["checks"]["data_dir"] == {"ok": True, "detail": "writable"}
    data_dir = client.app.state.ws.settings.data_dir
    assert not [p for p in data_dir.iterdir() if p.name.startswith(".readyz-")]  # the probe file is gone


def test_readyz_is_503_when_the_schema_is_behind(world, client):
    with world.ws.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '0005'"))
    r = client.get("/readyz")
    assert r.status_code == 503
    check = r.json()["checks"]["migrations"]
    assert check["ok"] is False and "raqmana db upgrade" in check["detail"]


def test_readyz_is_503_when_the_schema_is_newer_than_this_raqmana(world, client):
    with world.ws.transaction() as s:
        s.execute(text("UPDATE alembic_version SET version_num = '0999'"))
    check = client.get("/readyz").json()["checks"]["migrations"]
    assert check["ok"] is False and "newer than this raqmana" in check["detail"]


def test_readyz_is_503_when_jobs_wait_and_no_worker_beats(world):
    with world.ws.transaction() as s:
        job = queue.enqueue(s, kind="report", payload={}, created_by=None)
        s.execute(update(Job).where(Job.id == job.id).values(created_at=utcnow() - timedelta(minutes=10)))
    with client_for(world, inline_worker=False) as c:
        r = c.get("/readyz")
        assert (
            r.status_code == 503 and "is `raqmana worker` running" in r.json()["checks"]["worker"]["detail"]
        )
        with world.ws.transaction() as s:  # a worker takes it and beats: served again
            queue.claim(s, worker="other-host/1:1:ab:1")
        assert c.get("/readyz").status_code == 200
        with world.ws.transaction() as s:  # …until its heartbeat stops
            s.execute(update(Job).values(heartbeat_at=utcnow() - timedelta(minutes=5)))
        r = c.get("/readyz")
        assert r.status_code == 503 and "marked alive" in r.json()["checks"]["worker"]["detail"]


def test_request_ids_are_echoed_or_made(client):
    given = client.get("/healthz", headers={"X-Request-ID": "proxy-abc.123"})
    assert given.headers["x-request-id"] == "proxy-abc.123"
    made = client.get("/healthz")
    assert len(made.headers["x-request-id"]) == 32
    hostile = client.get("/healthz", headers={"X-Request-ID": "a b\tc" + "x" * 200})
    assert (
        hostile.headers["x-request-id"] != "a b\tc" + "x" * 200 and len(hostile.headers["x-request-id"]) == 32
    )


@pytest.fixture
def json_log(world):
    stream = io.StringIO()
    handler = configure_logging(world.settings.model_copy(update={"log_format": "json"}), stream=stream)
    yield stream
    logging.getLogger().removeHandler(handler)


def test_json_logs_carry_the_request_id(world, json_log):
    with client_for(world) as c:
        r = c.get("/login?lang=en", headers={"X-Request-ID": "req-42"})
    assert r.status_code == 200
    lines = [json.loads(line) for line in json_log.getvalue().splitlines()]
    access = [e for e in lines if e["logger"] == "raqmana.access" and e.get("request_id") == "req-42"]
    assert access and access[0]["path"] == "/login" and access[0]["status"] == 200
    assert access[0]["method"] == "GET" and access[0]["duration_ms"] >= 0


def test_hsts_is_sent_when_served_over_tls_only(world, client):
    assert "strict-transport-security" not in client.get("/healthz").headers
    with client_for(world, secure_cookies=True) as c:
        assert c.get("/healthz").headers["strict-transport-security"].startswith("max-age=31536000")


def _client_address(world, json_log, **settings) -> str:
    with client_for(world, **settings) as c:
        c.get("/healthz", headers={"X-Forwarded-For": "203.0.113.9", "X-Request-ID": "xff-check"})
    entries = [json.loads(line) for line in json_log.getvalue().splitlines()]
    return next(e["client"] for e in entries if e.get("request_id") == "xff-check")


def test_x_forwarded_for_is_ignored_without_a_trusted_proxy_list(world, json_log):
    assert _client_address(world, json_log) == "testclient"


def test_x_forwarded_for_is_believed_from_a_listed_proxy(world, json_log):
    assert _client_address(world, json_log, trusted_proxies="10.0.0.0/8, testclient") == "203.0.113.9"


def test_x_forwarded_for_from_an_unlisted_proxy_is_ignored(world, json_log):
    assert _client_address(world, json_log, trusted_proxies="10.0.0.1") == "testclient"
