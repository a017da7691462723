"""Every role × every resource: who may read, answer, review, comment, attach, export and manage what.

ok = allowed, F = Forbidden (the actor can see the answer but may not do this), N = NotFound (the actor
may not even know it exists). Institutions: moa (ministry A) with its unit moa-it, mob (ministry B),
gov-erbil (inside krg). Each action runs in its own rolled-back transaction.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy.orm import Session

from raqmana.workspace import SYSTEM, Actor, Forbidden, NotFound, ValidationFailed
from raqmana.workspace.answers import Answer
from raqmana.workspace.assessments import get_assessment, list_assessments, open_round
from raqmana.workspace.assignments import assign
from raqmana.workspace.completion import completion
from raqmana.workspace.evidence import attach_url
from raqmana.workspace.excel_export import export_workbook
from raqmana.workspace.questionnaire import questionnaire
from raqmana.workspace.responses import get_response, save_answer, submit
from raqmana.workspace.review import add_comment, review
from tests.workspace.factories import PERSONAS, World, add_user, build_world

EXPECTED = """
persona   institution read save submit review comment evidence export assign completion
admin     moa         ok   F    F      F      ok      F        ok     ok     ok
admin     mob         ok   F    F      F      ok      F        ok     ok     ok
coord     moa-it      ok   F    F      F      ok      F        ok     ok     ok
coord     gov-erbil   ok   F    F      F      ok      F        ok     ok     ok
fp_a      moa         ok   ok   ok     F      ok      ok       ok     F      ok
fp_a      moa-it      ok   ok   ok     F      ok      ok       ok     F      ok
fp_a      mob         N    N    N      N      N       N        N      N      N
fp_a      gov-erbil   N    N    N      N      N       N        N      N      N
fp_b      moa         N    N    N      N      N       N        N      N      N
fp_b      mob         ok   ok   ok     F      ok      ok       ok     F      ok
rev_a     moa         ok   F    F      ok     ok      F        ok     F      ok
rev_a     moa-it      ok   F    F      ok     ok      F        ok     F      ok
rev_a     mob         N    N    N      N      N       N        N      N      N
rev_krg   gov-erbil   ok   F    F      ok     ok      F        ok     F      ok
rev_krg   moa         N    N    N      N      N       N        N      N      N
fp_erbil  gov-erbil   ok   ok   ok     F      ok      ok       ok     F      ok
fp_erbil  mob         N    N    N      N      N       N        N      N      N
viewer    moa         ok   F    F      F      F       F        ok     F      ok
viewer    gov-erbil   ok   F    F      F      F       F        ok     F      ok
outsider  moa         N    N    N      N      N       N        N      N      N
outsider  gov-erbil   N    N    N      N      N       N        N      N      N
"""


def _table() -> tuple[list[str], dict[str, dict[str, dict[str, str]]]]:
    lines = [line.split() for line in EXPECTED.strip().splitlines()]
    actions = lines[0][2:]
    out: dict[str, dict[str, dict[str, str]]] = {}
    for persona, inst, *cells in lines[1:]:
        out.setdefault(persona, {})[inst] = dict(zip(actions, cells, strict=True))
    return actions, out


ACTIONS, MATRIX = _table()
Action = Callable[[Session, Actor, World, str, dict[str, int]], object]


def _read(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    questionnaire(s, a, assessment_id=w.assessment_id, institution_code=inst)
    return get_response(s, a, ids[inst])


def _save(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    return save_answer(
        s,
        a,
        assessment_id=w.assessment_id,
        institution_code=inst,
        indicator_id="P1-02",
        answer=Answer(2),
        expected_version=0,
    )


def _submit(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    return submit(s, a, assessment_id=w.assessment_id, institution_code=inst)


def _review(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    return review(s, a, response_id=ids[inst], decision="accept", expected_version=2)


def _comment(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    return add_comment(s, a, response_id=ids[inst], text="see the law of 2024")


def _evidence(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    return attach_url(
        s,
        a,
        assessment_id=w.assessment_id,
        institution_code=inst,
        indicator_id="P1-03",
        url="https://gov.example/strategy.pdf",
    )


def _export(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    return export_workbook(s, a, assessment_id=w.assessment_id, institution_code=inst, lang="ar")


def _assign(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    return assign(
        s,
        a,
        assessment_id=w.assessment_id,
        institution_code=inst,
        user_id=w["fp_b"].user_id,
        role="focal_point",
    )  # type: ignore[arg-type]


def _completion(s: Session, a: Actor, w: World, inst: str, ids: dict[str, int]) -> object:
    table = completion(s, a, assessment_id=w.assessment_id)
    if inst not in {r.org.code for r in table.rows}:
        raise NotFound("organisation")
    return table


RUN: dict[str, Action] = {
    "read": _read,
    "save": _save,
    "submit": _submit,
    "review": _review,
    "comment": _comment,
    "evidence": _evidence,
    "export": _export,
    "assign": _assign,
    "completion": _completion,
}


def _outcome(w: World, fn: Action, actor: Actor, inst: str, ids: dict[str, int]) -> str:
    with w.ws.reader() as s:  # always rolled back: each action sees the same starting point
        try:
            fn(s, actor, w, inst, ids)
        except NotFound:
            return "N"
        except Forbidden:
            return "F"
    return "ok"


@pytest.fixture
def submitted_world(ws) -> tuple[World, dict[str, int]]:
    """The world with one submitted answer (P1-01, version 2) in each institution, given by the system."""
    w = build_world(ws)
    ids = {}
    for inst in w.institutions:
        with ws.transaction() as s:
            r = save_answer(
                s,
                SYSTEM,
                assessment_id=w.assessment_id,
                institution_code=inst,
                indicator_id="P1-01",
                answer=Answer(3),
                expected_version=0,
            )
            submit(s, SYSTEM, assessment_id=w.assessment_id, institution_code=inst)
            ids[inst] = r.id
    return w, ids


@pytest.mark.parametrize("persona", sorted(MATRIX))
def test_it_grants_each_role_exactly_its_rights(submitted_world, persona):
    w, ids = submitted_world
    actor = w[persona]
    actual = {
        inst: {name: _outcome(w, RUN[name], actor, inst, ids) for name in ACTIONS} for inst in MATRIX[persona]
    }
    assert actual == MATRIX[persona]


def test_it_covers_every_persona():
    assert set(MATRIX) == set(PERSONAS)


def test_it_lists_only_the_rounds_an_actor_can_read(world):
    with world.ws.reader() as s:
        assert [a.id for a in list_assessments(s, world["fp_a"])] == [world.assessment_id]
        assert [a.id for a in list_assessments(s, world["viewer"])] == [world.assessment_id]
        assert list_assessments(s, world["outsider"]) == []
        with pytest.raises(NotFound):
            get_assessment(s, world["outsider"], world.assessment_id)
        _, rights = get_assessment(s, world["coord"], world.assessment_id)
        assert rights.manage
        _, rights = get_assessment(s, world["fp_a"], world.assessment_id)
        assert rights.read and not rights.manage


def test_it_answers_not_found_for_ids_that_do_not_exist_and_for_other_peoples_ids(submitted_world):
    w, ids = submitted_world
    with w.ws.reader() as s:
        for bad in (ids["mob"], 999_999, "1", -1):
            with pytest.raises(NotFound):
                get_response(s, w["fp_a"], bad)  # type: ignore[arg-type]


def test_it_gives_an_assigned_focal_point_rights_on_that_institution_only(submitted_world):
    w, ids = submitted_world
    with w.ws.transaction() as s:
        assign(
            s,
            w["coord"],
            assessment_id=w.assessment_id,
            institution_code="mob",
            user_id=w["fp_a"].user_id,
            role="focal_point",
        )  # type: ignore[arg-type]
    assert _outcome(w, _save, w["fp_a"], "mob", ids) == "ok"
    assert _outcome(w, _save, w["fp_a"], "gov-erbil", ids) == "N"


def test_it_lets_a_coordinator_of_a_subtree_open_rounds_only_inside_it(world):
    krg_coord = add_user(world.ws, "krg_coord", "coordinator", "krg")
    with world.ws.reader() as s:
        with pytest.raises(Forbidden):
            open_round(
                s,
                krg_coord,
                framework_version_id=world.framework_version_id,
                name="x",
                period="2026",
                institution_codes=["gov-erbil", "moa"],
            )
        a = open_round(
            s,
            krg_coord,
            framework_version_id=world.framework_version_id,
            name="KRG",
            period="2026",
            institution_codes=["gov-erbil"],
        )
        assert a.institutions == 1


def test_it_names_unknown_institutions_when_opening_a_round(world):
    with world.ws.reader() as s, pytest.raises(ValidationFailed) as exc:
        open_round(
            s,
            world["coord"],
            framework_version_id=world.framework_version_id,
            name="x",
            period="2026",
            institution_codes=["moa", "nope", "gone"],
        )
    assert [p.params["org"] for p in exc.value.problems] == ["nope", "gone"]
    assert "nope" in exc.value.message("ckb")
