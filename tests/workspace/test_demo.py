"""Demo seeding: Iraqi institutions, demo logins and an illustrative round that scoring can use."""

from __future__ import annotations

from raqmana.frameworks import load
from raqmana.workspace import SYSTEM, open_workspace
from raqmana.workspace.accepted import accepted_values
from raqmana.workspace.assessments import get_assessment
from raqmana.workspace.audit import verify_audit
from raqmana.workspace.auth import login
from raqmana.workspace.completion import completion
from raqmana.workspace.demo import seed_demo
from tests.workspace.factories import small_framework


def test_it_seeds_an_illustrative_round_for_every_iraqi_institution(settings):
    info = seed_demo(settings, framework=small_framework(), seed=7)
    assert info.institutions == 54 and info.illustrative
    ws = open_workspace(settings)
    try:
        with ws.reader() as s:
            view, _ = get_assessment(s, SYSTEM, info.assessment_id)
            assert view.illustrative and view.name.en == "Illustrative demo round" and view.name.ar
            table = completion(s, SYSTEM, assessment_id=info.assessment_id)
            values = accepted_values(s, info.assessment_id)
            assert verify_audit(s).ok
        assert table.total.accepted > 0.7 * table.total.answered
        assert table.total.returned > 0 and table.total.submitted > 0 and table.total.draft > 0
        assert len(values.cells) == table.total.accepted
        logins = {x.username: x for x in info.logins}
        assert {"demo-coordinator", "demo-fp-moc", "demo-reviewer-moc", "demo-viewer"} <= set(logins)
        actor, _ = login(ws, username="demo-fp-moc", password=logins["demo-fp-moc"].password)
        assert [(g.role, g.org_code) for g in actor.grants] == [("focal_point", "moc")]
    finally:
        ws.dispose()


def test_it_can_run_twice_on_the_same_data(settings):
    first = seed_demo(settings, framework=small_framework(), seed=7)
    second = seed_demo(settings, framework=small_framework(), seed=7)
    assert (second.assessment_id, second.responses) == (first.assessment_id, first.responses)
    assert not first.reused and second.reused, "the second run says that it reuses the workspace"


def test_it_seeds_the_iraq_dla_pack_when_it_loads(settings):
    result = load("iraq-dla")
    assert result.ok and result.framework is not None, result.problems
    info = seed_demo(settings, framework=result.framework)
    assert info.responses > 54 * 50
