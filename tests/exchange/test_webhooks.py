"""Domain events reach registered webhooks: signed, with delivery id and time, retried with backoff up to
a maximum, logged for administrators; nothing is sent for a change that rolled back."""

from __future__ import annotations

import json
from datetime import timedelta
from types import SimpleNamespace

import pytest
from sqlalchemy import func, select

from raqmana.exchange import signing
from raqmana.store.models import Job, OutboxEvent, Response, Webhook, WebhookDelivery
from raqmana.store.types import utcnow
from raqmana.workspace import Forbidden, ValidationFailed
from raqmana.workspace.jobs import run_worker
from raqmana.workspace.review import review
from raqmana.workspace.webhook_delivery import deliver_due
from raqmana.workspace.webhooks import delivery_log, list_webhooks, register_webhook
from tests.exchange.receiver import receiver
from tests.workspace.test_review import answer_and_submit

SECRET = "a-very-long-shared-secret-0123456789"


def register(world, url, kinds=("answer.accepted",), **kw):
    with world.ws.transaction() as s:
        return register_webhook(
            s, world["admin"], settings=world.ws.settings, url=url, kinds=list(kinds), **kw
        )


def accept(world):
    ids = answer_and_submit(world)
    with world.ws.transaction() as s:
        review(s, world["rev_a"], response_id=ids["P1-01"], decision="accept", expected_version=2)
    return ids["P1-01"]


def deliveries(world):
    """The deliveries as read now (plain copies: the reader's session is gone afterwards)."""
    with world.ws.reader() as s:
        rows = s.scalars(select(WebhookDelivery).order_by(WebhookDelivery.id))
        return [
            SimpleNamespace(**{c.key: getattr(d, c.key) for c in WebhookDelivery.__table__.c}) for d in rows
        ]


def test_it_delivers_a_signed_event_to_a_local_receiver(world):
    with receiver(SECRET) as box:
        registered = register(world, box.url, secret=SECRET)
        assert registered.secret == SECRET
        rid = accept(world)
        assert run_worker(world.ws, once=True) == 1
    assert len(box.got) == 1 and box.got[0].signed
    got = box.got[0]
    body = json.loads(got.body)
    assert got.headers[signing.EVENT] == "answer.accepted"
    assert got.headers[signing.DELIVERY] == body["delivery"]
    assert abs(int(got.headers[signing.TIMESTAMP]) - int(utcnow().timestamp())) < 60
    data = body["event"]["data"]
    assert (data["institution"], data["indicator"], data["state"]) == ("moa", "P1-01", "accepted")
    assert body["event"]["subject"] == {"type": "response", "id": str(rid)}
    [d] = deliveries(world)
    assert (d.status, d.last_code, d.attempts) == ("delivered", 200, 1)
    with world.ws.reader() as s:
        [logged] = delivery_log(s, world["admin"])
        [hook] = list_webhooks(s, world["admin"])
        sealed = s.scalar(select(Webhook.secret_sealed))
    assert (logged.kind, logged.status, logged.last_code) == ("answer.accepted", "delivered", 200)
    assert hook.delivered == 1 and hook.secret_hint == SECRET[-4:]
    assert SECRET not in sealed and "secret" not in hook.model_dump()


def test_a_failed_delivery_is_retried_after_a_backoff_then_given_up(world):
    world.ws.settings = world.ws.settings.model_copy(
        update={"webhook_attempts": 3, "webhook_backoff_seconds": 30}
    )
    with receiver(SECRET, codes=[500, 200]) as box:
        register(world, box.url, secret=SECRET)
        accept(world)
        now = utcnow()
        assert deliver_due(world.ws, now=now) == {"delivered": 0, "retry": 1, "failed": 0}
        [d] = deliveries(world)
        assert (d.status, d.last_code, d.attempts) == ("pending", 500, 1)
        assert d.next_try_at == now + timedelta(seconds=30)
        assert deliver_due(world.ws, now=now + timedelta(seconds=29)) == {
            "delivered": 0,
            "retry": 0,
            "failed": 0,
        }
        assert deliver_due(world.ws, now=now + timedelta(seconds=31)) == {
            "delivered": 1,
            "retry": 0,
            "failed": 0,
        }
        first, second = box.got
        assert json.loads(first.body)["delivery"] == json.loads(second.body)["delivery"]
    with receiver(SECRET, codes=[503]) as down:
        with world.ws.transaction() as s:
            s.execute(Webhook.__table__.update().values(url=down.url))
        with world.ws.transaction() as s:
            r = s.scalar(select(Response).where(Response.indicator_id == "P1-01"))
            review(
                s,
                world["rev_a"],
                response_id=r.id,
                decision="return",
                comment="more",
                expected_version=r.version,
            )
        # a return is not subscribed: nothing more to send
        assert deliver_due(world.ws, now=now + timedelta(hours=1)) == {
            "delivered": 0,
            "retry": 0,
            "failed": 0,
        }
        with world.ws.transaction() as s:
            from raqmana.workspace.outbox import emit

            emit(s, "answer.accepted", "response", 1, {"test": True})
        later = now + timedelta(hours=2)
        for step in range(3):
            deliver_due(world.ws, now=later + timedelta(hours=step))
    last = deliveries(world)[-1]
    assert (last.status, last.attempts, last.last_code, last.next_try_at) == ("failed", 3, 503, None)
    assert len(down.got) == 3


def test_no_event_is_sent_for_a_change_that_rolled_back(world):
    with receiver(SECRET) as box:
        register(world, box.url, secret=SECRET)
        ids = answer_and_submit(world)
        with pytest.raises(RuntimeError), world.ws.transaction() as s:
            review(s, world["rev_a"], response_id=ids["P1-01"], decision="accept", expected_version=2)
            assert s.scalar(select(func.count()).select_from(WebhookDelivery)) == 1
            raise RuntimeError("the change fails after the review")
        run_worker(world.ws, once=True)
    assert box.got == []
    with world.ws.reader() as s:
        assert (
            s.scalar(
                select(func.count()).select_from(OutboxEvent).where(OutboxEvent.kind == "answer.accepted")
            )
            == 0
        )
        assert s.scalar(select(func.count()).select_from(WebhookDelivery)) == 0
        assert s.scalar(select(func.count()).select_from(Job).where(Job.kind == "webhook_delivery")) == 0


def test_round_opened_is_an_event_even_without_webhooks(world):
    with world.ws.reader() as s:
        kinds = s.scalars(select(OutboxEvent.kind)).all()
    assert "round.opened" in kinds


def test_webhooks_refuse_other_schemes_private_addresses_and_non_admins(world):
    with pytest.raises(ValidationFailed) as bad:
        register(world, "ftp://example.org/hook")
    assert bad.value.problems[0].code.id == "EX030"
    world.ws.settings = world.ws.settings.model_copy(update={"webhook_private_addresses": "refuse"})
    for url in (
        "http://127.0.0.1:9/hook",
        "http://[::1]/hook",
        "http://169.254.169.254/latest",
        "http://10.1.2.3/",
    ):
        with pytest.raises(ValidationFailed) as private:
            register(world, url)
        assert private.value.problems[0].code.id == "EX031"
    with pytest.raises(ValidationFailed) as weak:
        world.ws.settings = world.ws.settings.model_copy(update={"webhook_private_addresses": "allow"})
        register(world, "http://127.0.0.1:9/hook", secret="short")
    assert weak.value.problems[0].code.id == "EX033"
    with pytest.raises(ValidationFailed) as kinds:
        register(world, "http://127.0.0.1:9/hook", kinds=("answer.saved",))
    assert kinds.value.problems[0].code.id == "EX034"
    with pytest.raises(Forbidden), world.ws.transaction() as s:
        register_webhook(
            s, world["coord"], settings=world.ws.settings, url="http://127.0.0.1:9/", kinds=["round.opened"]
        )
    with pytest.raises(Forbidden), world.ws.reader() as s:
        delivery_log(s, world["coord"])


def test_a_generated_secret_is_shown_once(world):
    registered = register(world, "http://127.0.0.1:9/hook")
    assert len(registered.secret) >= 32
    with world.ws.reader() as s:
        assert registered.secret not in s.scalar(select(Webhook.secret_sealed))


def test_two_workers_send_each_delivery_once(world):
    import threading

    with receiver(SECRET) as box:
        register(world, box.url, kinds=("round.opened",), secret=SECRET)
        with world.ws.transaction() as s:
            from raqmana.workspace.outbox import emit

            for n in range(20):
                emit(s, "round.opened", "assessment", n, {"n": n})
        results = []
        threads = [threading.Thread(target=lambda: results.append(deliver_due(world.ws))) for _ in range(2)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
    ids = [json.loads(r.body)["delivery"] for r in box.got]
    assert len(ids) == len(set(ids)) == 20
    assert sum(r["delivered"] for r in results) == 20


def test_a_redirect_is_not_followed_and_a_changed_secret_key_is_reported(world):
    with receiver(SECRET, codes=[302]) as box:
        register(world, box.url, secret=SECRET)
        accept(world)
        assert deliver_due(world.ws)["retry"] == 1
    [d] = deliveries(world)
    assert (d.last_code, d.status, len(box.got)) == (302, "pending", 1)
    world.ws.settings = world.ws.settings.model_copy(
        update={"secret_key": "another-secret-key-0123456789abcdef"}
    )
    assert deliver_due(world.ws, now=d.next_try_at)["retry"] == 1
    [d] = deliveries(world)
    assert d.last_code is None and "secret" in d.last_error and len(box.got) == 1


def _resolver(monkeypatch, name, answers):
    """``name`` resolves to each of ``answers`` in turn (the last one repeats); other names as usual.
    The DNS answer is the boundary under test: what a hostile name server would say."""
    import socket

    real = socket.getaddrinfo
    calls = []

    def getaddrinfo(host, port, *args, **kwargs):
        if host != name:
            return real(host, port, *args, **kwargs)
        address = answers[min(len(calls), len(answers) - 1)]
        calls.append(address)
        return [(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, port))]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return calls


def test_a_delivery_connects_to_the_address_checked_not_to_a_second_answer(world, monkeypatch):
    with receiver(SECRET) as box:
        port = box.url.rsplit(":", 1)[1].split("/", 1)[0]
        register(world, box.url, secret=SECRET)  # the receiver's own address, registered as usual
        calls = _resolver(monkeypatch, "hooks.example.org", ["127.0.0.1", "127.0.0.2"])
        with world.ws.transaction() as s:
            hook = s.scalars(select(Webhook)).one()
            hook.url = f"http://hooks.example.org:{port}/hook"
        accept(world)
        assert deliver_due(world.ws)["delivered"] == 1
    assert calls == ["127.0.0.1"]  # resolved once, when checked; the connection did not ask again
    [got] = box.got
    assert got.signed and got.headers["Host"] == f"hooks.example.org:{port}"


def test_a_name_rebound_to_a_private_address_is_never_reached(world, monkeypatch):
    world.ws.settings = world.ws.settings.model_copy(
        update={"webhook_private_addresses": "refuse", "webhook_timeout_seconds": 1}
    )
    with receiver(SECRET) as box:
        port = box.url.rsplit(":", 1)[1].split("/", 1)[0]
        # public when checked (registration and before sending), the receiver's loopback afterwards
        calls = _resolver(monkeypatch, "hooks.example.org", ["192.0.32.10", "192.0.32.10", "127.0.0.1"])
        register(world, f"http://hooks.example.org:{port}/hook", secret=SECRET)
        accept(world)
        assert deliver_due(world.ws)["retry"] == 1
    assert box.got == []  # the loopback receiver never saw the request
    assert calls == ["192.0.32.10", "192.0.32.10"]
    [d] = deliveries(world)
    assert d.last_code is None and d.last_error
