from __future__ import annotations

from raqmana.workspace.answers import Answer
from raqmana.workspace.responses import save_answer


def test_it_saves_an_answer(world):
    with world.ws.transaction() as s:
        v = save_answer(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa",
                        indicator_id="P1-01", answer=Answer(3), expected_version=0)
    assert v.stage == 3 and v.version == 1
