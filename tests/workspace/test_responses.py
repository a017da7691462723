"""Saving answers: typed values, autosave versions, conflicts, states and history."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from raqmana.store.models import AuditEvent, ResponseRevision
from raqmana.workspace import Conflict, Forbidden, ValidationFailed
from raqmana.workspace.answers import Answer
from raqmana.workspace.assessments import close_round
from raqmana.workspace.responses import get_response, response_history, save_answer, submit
from raqmana.workspace.review import review
from tests.workspace.factories import add_user


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


@pytest.mark.parametrize(
    ("indicator", "given", "column", "stored"),
    [
        ("P1-01", "3", "stage", 3),
        ("P1-01", "٤", "stage", 4),
        ("P1-02", 0, "stage", 0),
        ("P2-01", "نعم", "choice", "yes"),
        ("P2-01", "no", "choice", "no"),
        ("P2-02", "1,250.5", "number", 1250.5),
        ("P2-03", "٤٢٫٥", "number", 42.5),
        ("P2-04", "cloud", "choice", "cloud"),
        ("P2-04", "shared (ar)", "choice", "shared"),
        ("P2-05", "  a plan exists ", "text", "a plan exists"),
    ],
)
def test_it_stores_each_answer_type_typed(world, indicator, given, column, stored):
    v = save(world, "fp_a", indicator, Answer(given))
    assert getattr(v, column) == stored
    assert v.version == 1 and v.state == "draft" and v.assessor == "Fp A"


@pytest.mark.parametrize(
    ("indicator", "given", "code"),
    [
        ("P1-01", "6", "WS021"),
        ("P1-01", "2.5", "WS021"),
        ("P1-01", "high", "WS021"),
        ("P2-01", "maybe", "WS025"),
        ("P2-02", "lots", "WS022"),
        ("P2-02", "nan", "WS022"),
        ("P2-03", "120", "WS023"),
        ("P2-04", "on-premise", "WS024"),
        ("P2-05", "x" * 10_001, "WS028"),
    ],
)
def test_it_refuses_malformed_values_with_a_translated_message_on_the_value_field(
    world, indicator, given, code
):
    with pytest.raises(ValidationFailed) as exc:
        save(world, "fp_a", indicator, Answer(given))
    p = exc.value.problems[0]
    assert p.code.id == code and p.location.field == "value"
    assert p.message("ar") != p.message("en") and p.message("ckb") != p.message("en")
    with world.ws.reader() as s:
        assert s.scalar(select(func.count()).select_from(ResponseRevision)) == 0


def test_it_accepts_na_only_where_the_indicator_allows_it(world):
    assert save(world, "fp_a", "P1-01", Answer(na=True)).na
    with pytest.raises(ValidationFailed) as exc:
        save(world, "fp_a", "P1-02", Answer(na=True))
    assert exc.value.problems[0].code.id == "WS026"
    with pytest.raises(ValidationFailed):
        save(world, "fp_a", "P1-03", Answer(na=True, dont_know=True))
    v = save(world, "fp_a", "P1-03", Answer("4", dont_know=True, justification="nobody knows"))
    assert v.dont_know and v.stage is None and v.justification == "nobody knows"


def test_it_refuses_unknown_indicators_and_versions_that_are_not_numbers(world):
    with pytest.raises(ValidationFailed) as exc:
        save(world, "fp_a", "LEG-99", Answer(1))
    assert exc.value.problems[0].code.id == "WS029"
    with pytest.raises(ValidationFailed):
        save(world, "fp_a", "P1-01", Answer(1), version="1")


def test_it_returns_a_new_version_on_each_change_and_none_for_an_unchanged_autosave(world):
    v1 = save(world, "fp_a", "P1-01", Answer(1))
    v2 = save(world, "fp_a", "P1-01", Answer(2), version=v1.version)
    v3 = save(world, "fp_a", "P1-01", Answer(2), version=v2.version)
    assert (v1.version, v2.version, v3.version) == (1, 2, 2)


def test_it_reports_a_stale_version_with_the_other_authors_value(world):
    colleague = add_user(world.ws, "colleague", "focal_point", "moa")
    world.actors["colleague"] = colleague
    v1 = save(world, "fp_a", "P1-01", Answer(1))
    save(world, "colleague", "P1-01", Answer(4), version=v1.version)
    with pytest.raises(Conflict) as exc:
        save(world, "fp_a", "P1-01", Answer(2), version=v1.version)
    current = exc.value.current
    assert current is not None and current.stage == 4 and current.version == 2
    assert current.assessor == "Colleague"
    assert "Colleague" in exc.value.message("ar")


def test_it_turns_a_concurrent_first_save_into_a_conflict(world):
    save(world, "fp_a", "P1-01", Answer(1))
    with pytest.raises(Conflict) as exc:
        save(world, "fp_a", "P1-01", Answer(3), version=0)
    assert exc.value.current.stage == 1


def test_it_locks_submitted_and_accepted_answers_and_reopens_returned_ones(world):
    v = save(world, "fp_a", "P1-01", Answer(2))
    with world.ws.transaction() as s:
        rep = submit(
            s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa", pillar_id="P1"
        )
    assert rep.submitted == 1 and rep.skipped_incomplete == ["P1-02", "P1-03"]
    with pytest.raises(Forbidden) as exc:
        save(world, "fp_a", "P1-01", Answer(3), version=2)
    assert exc.value.problems[0].code.id == "WS009"
    with world.ws.transaction() as s:
        review(
            s,
            world["rev_a"],
            response_id=v.id,
            decision="return",
            comment="Attach the decree.",
            expected_version=2,
        )
    again = save(world, "fp_a", "P1-01", Answer(3), version=3)
    assert again.state == "draft" and again.version == 4 and again.last_comment.text == "Attach the decree."


def test_it_submits_one_page_or_the_whole_institution_and_skips_blank_answers(world):
    save(world, "fp_a", "P1-01", Answer(2))
    save(world, "fp_a", "P2-01", Answer("yes"))
    save(world, "fp_a", "P2-02", Answer(""))
    with world.ws.transaction() as s:
        rep = submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa")
    assert rep.submitted == 2 and "P2-02" in rep.skipped_incomplete and rep.already == 0
    with world.ws.transaction() as s:
        rep = submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa")
    assert rep.submitted == 0 and rep.already == 2


def test_it_keeps_every_value_in_the_history(world):
    v = save(world, "fp_a", "P1-01", Answer(1))
    save(world, "fp_a", "P1-01", Answer(2, justification="new strategy"), version=1)
    save(world, "fp_a", "P1-01", Answer(na=True), version=2)
    with world.ws.reader() as s:
        history = response_history(s, world["rev_a"], v.id)
        _, rights = get_response(s, world["rev_a"], v.id)
    assert [(h.version, h.stage, h.na) for h in history] == [(1, 1, False), (2, 2, False), (3, None, True)]
    assert history[1].justification == "new strategy" and history[0].actor == "Fp A"
    assert rights.review and not rights.answer


def test_it_writes_an_audit_event_for_each_change(world):
    v = save(world, "fp_a", "P1-01", Answer(1))
    save(world, "fp_a", "P1-01", Answer(5), version=1)
    with world.ws.reader() as s:
        events = [
            (e.action, e.actor_name, e.before, e.after)
            for e in s.scalars(
                select(AuditEvent)
                .where(AuditEvent.entity_type == "response", AuditEvent.entity_id == str(v.id))
                .order_by(AuditEvent.seq)
            )
        ]
    assert [e[0] for e in events] == ["response.save", "response.save"]
    assert '"stage":1' in events[1][2] and '"stage":5' in events[1][3]
    assert events[0][1] == "fp_a"


def test_it_refuses_changes_once_the_round_is_closed(world):
    with world.ws.transaction() as s:
        close_round(s, world["coord"], assessment_id=world.assessment_id)
    with pytest.raises(Forbidden) as exc:
        save(world, "fp_a", "P1-01", Answer(1))
    assert exc.value.problems[0].code.id == "WS008"
