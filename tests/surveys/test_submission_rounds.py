"""Survey submissions belong to an assessment round: each import goes into one round, a round's figures
use only its own submissions, a later round's file leaves an earlier round's submissions where they are,
and a closed round takes none."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

import pytest
from sqlalchemy import select, text
from tests.support.world import open_round
from tests.workspace.factories import ROUND, build_world

from raqmana.i18n import Translated
from raqmana.store.models import SurveySubmission
from raqmana.surveys import errors as E
from raqmana.surveys.packs import find
from raqmana.workspace import SYSTEM
from raqmana.workspace.assessments import close_round
from raqmana.workspace.exceptions import ValidationFailed
from raqmana.workspace.surveys import import_submissions, load_submissions, survey_report

HEADER = ["_uuid", "_submission_time", "profile/sex", "skills/skill_email", "bottlenecks/bn_power"]


def _csv(*rows: list[str]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows([HEADER, *rows])
    return buffer.getvalue().encode()


def _run(ws, data: bytes, round_id: int | None):  # type: ignore[no-untyped-def]
    with ws.transaction() as s:
        return import_submissions(
            s,
            SYSTEM,
            survey=find("civil_servants"),
            data=data,
            filename="kobo.csv",
            secret_key="k" * 40,
            assessment_id=round_id,
        )


def _uuids(ws, round_id: int | None) -> list[str]:  # type: ignore[no-untyped-def]
    with ws.reader() as s:
        return [
            x.uuid for x in load_submissions(s, SYSTEM, survey_id="civil_servants", assessment_id=round_id)
        ]


@pytest.fixture
def two_rounds(ws):  # type: ignore[no-untyped-def]
    world = build_world(ws)
    first = world.assessment_id
    second = open_round(
        world, replace(ROUND, name=Translated(en="Round 2027", ar="جولة 2027", ckb="خولی 2027"))
    )
    return world, first, second


def test_an_import_goes_into_the_newest_open_round_and_names_it(two_rounds) -> None:  # type: ignore[no-untyped-def]
    world, first, second = two_rounds
    report = _run(world.ws, _csv(["u1", "t1", "female", "very", "a_lot"]), None)
    assert report.round is not None and report.round.id == second and report.round.period == "2026"
    assert report.as_dict()["round"]["name"]["en"] == "Round 2027"
    assert _uuids(world.ws, second) == ["u1"] and _uuids(world.ws, first) == []


def test_each_rounds_figures_use_only_its_own_submissions(two_rounds) -> None:  # type: ignore[no-untyped-def]
    world, first, second = two_rounds
    _run(world.ws, _csv(["u1", "t1", "female", "very", "a_lot"], ["u2", "t1", "male", "not", "a_lot"]), first)
    _run(
        world.ws,
        _csv(*[[f"v{k}", "t2", "female", "very", "not"] for k in range(3)]),
        second,
    )
    assert _uuids(world.ws, first) == ["u1", "u2"]
    assert _uuids(world.ws, second) == ["v0", "v1", "v2"]
    assert len(_uuids(world.ws, None)) == 5  # every round's, when no round is asked for
    with world.ws.reader() as s:
        one = survey_report(s, SYSTEM, survey=find("civil_servants"), assessment_id=first)
        two = survey_report(s, SYSTEM, survey=find("civil_servants"), assessment_id=second)
    assert (one.results.n, two.results.n) == (2, 3)
    assert one.round is not None and one.round.name.en == "Round 2026"


def test_a_later_rounds_file_leaves_an_earlier_rounds_submissions_there(two_rounds) -> None:  # type: ignore[no-untyped-def]
    world, first, second = two_rounds
    _run(world.ws, _csv(["u1", "t1", "female", "very", "a_lot"], ["u2", "t1", "male", "not", "a_lot"]), first)
    # Kobo exports every submission since the form was deployed: u1 (edited since) and u2 are round 1's
    report = _run(
        world.ws,
        _csv(
            ["u1", "t3", "female", "not", "not"],
            ["u2", "t1", "male", "not", "a_lot"],
            ["u3", "t3", "male", "very", "a_lot"],
        ),
        second,
    )
    assert (report.added, report.replaced, report.unchanged, report.other_round) == (1, 0, 0, 2)
    [warning] = [w for w in report.warnings if w.code is E.IN_OTHER_ROUND]
    assert warning.location.line == 2 and "Round 2026" in warning.message("en")
    assert _uuids(world.ws, first) == ["u1", "u2"] and _uuids(world.ws, second) == ["u3"]
    with world.ws.reader() as s:
        kept = s.scalars(select(SurveySubmission).where(SurveySubmission.uuid == "u1")).one()
        assert kept.answers["bn_power"] == "a_lot" and kept.assessment_id == first


def test_a_closed_round_takes_no_submissions(two_rounds) -> None:  # type: ignore[no-untyped-def]
    world, first, second = two_rounds
    with world.ws.transaction() as s:
        close_round(s, SYSTEM, assessment_id=first)
    with pytest.raises(ValidationFailed) as refused:
        _run(world.ws, _csv(["u1", "t1", "female", "very", "a_lot"]), first)
    [problem] = refused.value.problems
    assert problem.code is E.ROUND_CLOSED and problem.location.field == "round"
    assert "Round 2026" in problem.message("en") and "جولة 2026" in problem.message("ar")
    assert _uuids(world.ws, None) == []
    with world.ws.transaction() as s:
        close_round(s, SYSTEM, assessment_id=second)
    with pytest.raises(ValidationFailed) as none_open:
        _run(world.ws, _csv(["u1", "t1", "female", "very", "a_lot"]), None)
    assert none_open.value.problems[0].code is E.NO_OPEN_ROUND
    assert _uuids(world.ws, None) == []


def test_submissions_kept_before_rounds_held_them_go_to_the_round_then_newest(ws) -> None:  # type: ignore[no-untyped-def]
    from raqmana.store import make_engine, upgrade
    from raqmana.store.migrate import downgrade

    world = build_world(ws)
    _run(ws, _csv(["u1", "t1", "female", "very", "a_lot"]), world.assessment_id)
    engine = make_engine(ws.settings.sqlalchemy_url)
    try:
        downgrade(engine, "0016")
        with engine.begin() as conn:
            assert "assessment_id" not in conn.execute(text("SELECT * FROM survey_submissions")).keys()
        upgrade(engine)
        with engine.connect() as conn:
            owner = conn.execute(text("SELECT assessment_id FROM survey_submissions")).scalar_one()
    finally:
        engine.dispose()
    assert owner == world.assessment_id


def test_submissions_kept_in_no_round_join_the_first_round_that_imports_them(ws) -> None:  # type: ignore[no-untyped-def]
    data = _csv(["u1", "t1", "female", "very", "a_lot"])
    before = _run(ws, data, None)  # a workspace without any round
    assert before.round is None and before.added == 1 and _uuids(ws, None) == ["u1"]
    world = build_world(ws)
    claimed = _run(ws, data, world.assessment_id)
    assert (claimed.added, claimed.unchanged, claimed.other_round) == (1, 0, 0)
    assert _uuids(ws, world.assessment_id) == ["u1"]
    assert _run(ws, data, world.assessment_id).unchanged == 1
