"""A report job that rendered a round's reports is the event "report.ready", delivered to a subscriber."""

from __future__ import annotations

import json

from raqmana.workspace import SYSTEM
from raqmana.workspace.jobs import run_worker
from raqmana.workspace.report_jobs import enqueue_report
from raqmana.workspace.webhooks import register_webhook
from tests.exchange.receiver import receiver
from tests.web.test_results import ANSWERS, accept


def test_report_ready_reaches_a_subscriber(world):
    accept(world, ANSWERS)
    with receiver("r" * 32) as box:
        with world.ws.transaction() as s:
            register_webhook(
                s, SYSTEM, settings=world.ws.settings, url=box.url, kinds=["report.ready"], secret="r" * 32
            )
            enqueue_report(
                s,
                SYSTEM,
                assessment_id=world.assessment_id,
                scope="national",
                langs=["en"],
                formats=["html"],
                runs=0,
            )
        assert run_worker(world.ws, once=True) == 2  # the report, then its delivery
    [got] = box.got
    event = json.loads(got.body)["event"]
    assert got.signed and event["kind"] == "report.ready"
    assert event["data"] == {
        "assessment_id": world.assessment_id,
        "scope": "national",
        "institution": None,
        "langs": ["en"],
        "formats": ["html"],
    }
