"""Nobody floods the job queue: an identical job still waiting is returned instead of a second one, one
person has at most ``job_quota`` jobs waiting or running (then TooManyRequests with a retry delay), and
who may start which report is checked before anything is queued."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from raqmana.store import jobs as queue
from raqmana.store.models import Job
from raqmana.workspace import SYSTEM, Forbidden
from raqmana.workspace.exceptions import TooManyRequests
from raqmana.workspace.policy import SESSION_KEY, Policy
from raqmana.workspace.report_jobs import enqueue_report
from tests.workspace.factories import World


def _report(world: World, who: str, quota: int = 3, **kw: object):
    with world.ws.transaction() as s:
        s.info[SESSION_KEY] = Policy(job_quota=quota, job_retry_seconds=17)
        args = {"scope": "national", "langs": ["en"], "formats": ["html"], **kw}
        return enqueue_report(
            s, world[who] if who != "system" else SYSTEM, assessment_id=world.assessment_id, **args
        )


def _count(world: World) -> int:
    with world.ws.reader() as s:
        return int(s.scalar(select(func.count()).select_from(Job)) or 0)


def test_asking_again_for_a_waiting_job_returns_it(world):
    first = _report(world, "viewer")
    again = _report(world, "viewer")
    assert again.id == first.id and _count(world) == 1
    other_person = _report(world, "coord")
    assert other_person.id != first.id, "another person's identical job is theirs"


def test_one_person_has_at_most_the_quota_of_jobs_waiting(world):
    for langs in (["en"], ["ar"], ["ckb"]):
        _report(world, "viewer", langs=langs)
    with pytest.raises(TooManyRequests) as refused:
        _report(world, "viewer", langs=["ar", "en"])
    assert refused.value.retry_after == 17
    assert "3" in refused.value.message("en")
    assert _count(world) == 3
    assert _report(world, "viewer", langs=["en"]).id, "an identical request still answers with its job"
    with world.ws.transaction() as s:  # a worker finishes one: room for one more
        job = queue.claim(s, worker="w", kinds=["report"])
        assert job is not None
        queue.finish(s, job.id, {})
    _report(world, "viewer", langs=["ar", "en"])
    assert _count(world) == 4


def test_the_command_line_is_not_counted(world):
    for n in range(5):
        _report(world, "system", quota=1, langs=[["en"], ["ar"], ["ckb"], ["en", "ar"], ["ar", "ckb"]][n])
    assert _count(world) == 5


def test_who_may_start_which_report(world):
    with pytest.raises(Forbidden):
        _report(world, "viewer", scope="all-institutions")
    assert _report(world, "coord", scope="all-institutions").id
    assert _report(world, "fp_a", scope="institution", institution="moa").id
    from raqmana.workspace import NotFound

    with pytest.raises(NotFound):
        _report(world, "fp_a", scope="institution", institution="mob")
