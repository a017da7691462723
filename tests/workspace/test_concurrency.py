"""Several writers at once (web workers, a job worker): every change lands and the audit chain holds."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from raqmana.workspace.answers import Answer
from raqmana.workspace.audit import verify_audit
from raqmana.workspace.completion import completion
from raqmana.workspace.responses import save_answer

WRITERS = {"fp_a": "moa", "fp_b": "mob", "fp_erbil": "gov-erbil"}


def test_it_serialises_concurrent_writers_without_losing_changes_or_breaking_the_chain(world):
    def write(who):
        for stage in range(6):
            for ind in ("P1-01", "P1-02", "P1-03"):
                with world.ws.transaction() as s:
                    save_answer(
                        s,
                        world[who],
                        assessment_id=world.assessment_id,
                        institution_code=WRITERS[who],
                        indicator_id=ind,
                        answer=Answer(stage),
                        expected_version=stage,
                    )

    with ThreadPoolExecutor(max_workers=3) as pool:
        for f in [pool.submit(write, who) for who in WRITERS]:
            f.result()
    with world.ws.reader() as s:
        report = verify_audit(s)
        table = completion(s, world["coord"], assessment_id=world.assessment_id)
    assert report.ok, report.breaks
    assert {r.org.code: r.cells["P1"].draft for r in table.rows} == {
        "moa": 3,
        "moa-it": 0,
        "mob": 3,
        "gov-erbil": 3,
    }
