"""The web's results use the Monte Carlo runs recorded for the round (``raqmana demo --runs``), so the
methodology it prints states the count the round's files were computed with; none recorded: 200."""

from __future__ import annotations

from raqmana.workspace.results import DEFAULT_MC_RUNS, record_mc_runs

from .test_results import ANSWERS, accept


def _methodology(browser, assessment_id: int) -> str:
    got = browser.get(f"/api/v1/assessments/{assessment_id}/results")
    assert got.status_code == 200, got.text
    return got.json()["methodology"]["en"]


def test_the_results_page_states_the_runs_recorded_for_the_round(world, as_user):
    accept(world, ANSWERS)
    viewer = as_user("viewer")
    assert f"Monte Carlo with {DEFAULT_MC_RUNS} runs" in _methodology(viewer, world.assessment_id)
    with world.ws.transaction() as s:
        record_mc_runs(s, assessment_id=world.assessment_id, runs=37)
    text = _methodology(viewer, world.assessment_id)  # recomputed: the recorded runs are part of its key
    assert "Monte Carlo with 37 runs" in text and f"with {DEFAULT_MC_RUNS} runs" not in text


def test_the_methodology_is_shown_as_html_not_markdown(world, as_user):
    accept(world, ANSWERS)
    html = as_user("coord").get(f"/assessments/{world.assessment_id}/results?lang=ar").text
    method = html[html.index('id="method-h"') :]
    assert "<h4>" in method and "<li>" in method and "\n# " not in method and "## " not in method
