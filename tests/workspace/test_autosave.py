"""Autosave: saving what is already stored writes nothing (no version, no revision, no audit event)."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from raqmana.store.models import AuditEvent, ResponseRevision
from raqmana.workspace import Conflict
from raqmana.workspace.answers import Answer
from raqmana.workspace.responses import response_history, save_answer, submit
from raqmana.workspace.review import review


def save(world, who, indicator, answer, version=0, inst="moa"):
    with world.ws.transaction() as s:
        return save_answer(
            s,
            world[who],
            assessment_id=world.assessment_id,
            institution_code=inst,
            indicator_id=indicator,
            answer=answer,
            expected_version=version,
        )


def counts(world):
    with world.ws.reader() as s:
        return (
            s.scalar(select(func.count()).select_from(ResponseRevision)),
            s.scalar(select(func.count()).select_from(AuditEvent)),
        )


def test_it_writes_no_version_revision_or_event_for_repeated_identical_autosaves(world):
    v1 = save(world, "fp_a", "P1-01", Answer(2, justification="The decree of 2024."))
    before = counts(world)
    for _ in range(3):
        again = save(
            world, "fp_a", "P1-01", Answer("2", justification="  The decree of 2024. "), version=v1.version
        )
        assert again.version == v1.version and again.updated_at == v1.updated_at
    assert counts(world) == before
    with world.ws.reader() as s:
        assert [h.version for h in response_history(s, world["fp_a"], v1.id)] == [1]


def test_it_returns_the_current_version_when_the_same_edit_arrives_with_an_older_version(world):
    """The Save button posts the form's old version right after the autosave stored the same value."""
    v1 = save(world, "fp_a", "P1-01", Answer(1))
    v2 = save(world, "fp_a", "P1-01", Answer(3, justification="typed"), version=v1.version)
    late = save(world, "fp_a", "P1-01", Answer(3, justification="typed"), version=v1.version)
    assert (late.version, late.stage, late.state) == (v2.version, 3, "draft")
    with pytest.raises(Conflict) as exc:  # a real change from the old version is still a conflict
        save(world, "fp_a", "P1-01", Answer(4, justification="typed"), version=v1.version)
    assert exc.value.current.version == v2.version and exc.value.current.stage == 3


def test_it_treats_windows_and_unix_line_ends_of_a_justification_as_the_same_text(world):
    v1 = save(world, "fp_a", "P2-05", Answer("line one\nline two", justification="first\nsecond"))
    from_browser = save(
        world,
        "fp_a",
        "P2-05",
        Answer("line one\r\nline two", justification="first\r\nsecond\r\n"),
        version=v1.version,
    )
    assert from_browser.version == v1.version
    assert from_browser.justification == "first\nsecond" and from_browser.text == "line one\nline two"


def test_it_still_stores_a_new_draft_when_a_returned_answer_is_saved_unchanged(world):
    v = save(world, "fp_a", "P1-01", Answer(2))
    with world.ws.transaction() as s:
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa", pillar_id="P1")
    with world.ws.transaction() as s:
        review(
            s,
            world["rev_a"],
            response_id=v.id,
            decision="return",
            comment="Attach the decree.",
            expected_version=2,
        )
    reopened = save(world, "fp_a", "P1-01", Answer(2), version=3)
    assert (reopened.state, reopened.version) == ("draft", 4)
    assert save(world, "fp_a", "P1-01", Answer(2), version=4).version == 4
