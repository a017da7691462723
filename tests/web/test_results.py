"""Results pages: the national results and one institution's, computed from the accepted answers only,
with JSON twins, chart images, and nothing for outsiders."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient

from raqmana.web import create_app
from raqmana.workspace import SYSTEM, responses, review
from raqmana.workspace.answers import Answer

from .world import World, make_settings

#: accepted answers; by hand: mofa LEG (3+1)/2 = 2, SRV (50 % → 2.5, yes → 5)/2 = 3.75, overall 2.875;
#: moi LEG 5, SRV (5 + 0)/2 = 2.5, overall 3.75; national LEG 3.5, SRV 3.125, overall 3.3125
ANSWERS = {
    "mofa": {"LEG-01": 3, "LEG-02": 1, "SRV-01": 50, "SRV-02": "yes"},
    "moi": {"LEG-01": 5, "LEG-02": 5, "SRV-01": 100, "SRV-02": "no"},
}


def accept(world: World, answers: dict[str, dict[str, object]]) -> None:
    """Answer, submit and accept (as the system) every value of ``answers``."""
    with world.ws.transaction() as s:
        for code, values in answers.items():
            for indicator, value in values.items():
                responses.save_answer(
                    s,
                    SYSTEM,
                    assessment_id=world.assessment_id,
                    institution_code=code,
                    indicator_id=indicator,
                    answer=Answer(value),
                    expected_version=0,
                )
            responses.submit(s, SYSTEM, assessment_id=world.assessment_id, institution_code=code)
        for r in review.review_queue(s, SYSTEM, assessment_id=world.assessment_id):
            review.review(s, SYSTEM, response_id=r.id, decision="accept", expected_version=r.version)


@pytest.fixture
def scored(world: World) -> World:
    accept(world, ANSWERS)
    return world


def test_it_shows_the_scores_computed_from_the_accepted_answers(scored, as_user):
    viewer = as_user("viewer")
    data = viewer.get(f"/api/v1/assessments/{scored.assessment_id}/results").json()
    assert data["national"]["score"] == pytest.approx(3.3125)
    assert data["national"]["stage"] == 3 and data["national"]["target_stage"] == 3
    enablers = {e["id"]: e for e in data["enablers"]}
    assert enablers["LEG"]["score"] == pytest.approx(3.5) and enablers["SRV"]["score"] == pytest.approx(3.125)
    for e in enablers.values():
        assert e["low"] <= e["score"] + 1e-9 and e["score"] - 1e-9 <= e["high"], (
            "score outside its 90 % interval"
        )
    rows = {r["code"]: r for r in data["institutions"]}
    assert [r["code"] for r in data["institutions"]] == ["moi", "mofa"], "highest overall score first"
    assert rows["mofa"]["scores"] == pytest.approx({"LEG": 2.0, "SRV": 3.75})
    assert rows["moi"]["overall"] == pytest.approx(3.75)
    # two ministries: one kind, one group, no divide by type to show (a table of one row says nothing)
    assert all(len(d["groups"]) >= 2 for d in data["divide"]["dimensions"])
    assert "Institution type" not in {d["dimension"]["en"] for d in data["divide"]["dimensions"]}
    assert any(s["kind"] == "trend" and "OSI" in s["values"] for s in data["benchmarks"]), (
        "EGDI components over time"
    )
    assert data["illustrative"] is False

    html = viewer.get(f"/assessments/{scored.assessment_id}/results?lang=en").text
    assert "3.31" in html and "Level 3" in html
    assert f'/assessments/{scored.assessment_id}/results/institutions/mofa"' in html
    assert f"/assessments/{scored.assessment_id}/results/charts/enablers.svg" in html


def test_it_shows_numbers_and_direction_in_arabic(scored, as_user):
    html = as_user("coord").get(f"/assessments/{scored.assessment_id}/results?lang=ar").text
    assert '<html lang="ar" dir="rtl">' in html
    assert "٣٫٣١" in html and "النتائج" in html


def test_it_recomputes_when_an_accepted_answer_is_returned(scored, as_user):
    viewer = as_user("viewer")
    url = f"/api/v1/assessments/{scored.assessment_id}/results"
    assert viewer.get(url).json()["national"]["score"] == pytest.approx(3.3125)
    with scored.ws.transaction() as s:
        r = next(
            x
            for x in responses.list_responses(
                s, SYSTEM, assessment_id=scored.assessment_id, institution_code="mofa"
            )
            if x.indicator_id == "LEG-02"
        )
        review.review(
            s,
            SYSTEM,
            response_id=r.id,
            decision="return",
            comment="Attach the law",
            expected_version=r.version,
        )
    enablers = {e["id"]: e["score"] for e in viewer.get(url).json()["enablers"]}
    assert enablers["LEG"] == pytest.approx((3 + 5) / 2), "mofa's LEG now rests on LEG-01 alone"


def test_it_shows_an_institution_against_the_national_average(scored, as_user):
    focal = as_user("focal")
    data = focal.get(f"/api/v1/assessments/{scored.assessment_id}/results/institutions/mofa").json()
    assert data["institution"]["overall"] == pytest.approx(2.875)
    assert data["institution"]["rank_low"] == data["institution"]["rank_high"] == 2
    rows = {r["id"]: r for r in data["enablers"]}
    assert rows["LEG"]["national"] == pytest.approx(3.5) and rows["LEG"]["gap"] == pytest.approx(1.0)
    assert [g["id"] for g in data["gaps"]] == ["LEG"], "SRV (3.75) is above the target stage 3"
    html = focal.get(f"/assessments/{scored.assessment_id}/results/institutions/mofa?lang=en").text
    assert "Ministry of Foreign Affairs" in html and "radar.svg" in html and "2.88" in html


def test_it_draws_the_charts_as_svg_images_with_their_own_style_policy(scored, as_user):
    viewer = as_user("viewer")
    base = f"/assessments/{scored.assessment_id}/results"
    for path in (
        "/charts/enablers.svg?lang=ar",
        "/charts/heatmap.svg?lang=ar",
        "/charts/index-0.svg?lang=en",
        "/institutions/mofa/radar.svg?lang=ckb",
    ):
        r = viewer.get(base + path)
        assert r.status_code == 200, path
        assert r.headers["content-type"].startswith("image/svg+xml")
        assert r.text.startswith("<svg") and "<text" not in r.text, "text is drawn as paths (shaped Arabic)"
        assert "style-src 'unsafe-inline'" in r.headers["content-security-policy"]
    assert viewer.get(base + "/charts/index-99.svg").status_code == 404
    assert viewer.get(base + "/charts/secret.svg").status_code == 404


def test_it_says_so_when_nothing_is_accepted_yet(world, as_user):
    coord = as_user("coord")
    data = coord.get(f"/api/v1/assessments/{world.assessment_id}/results").json()
    assert data["national"]["score"] is None and data["institutions"] == []
    html = coord.get(f"/assessments/{world.assessment_id}/results?lang=en").text
    assert "No accepted answers yet" in html


def test_it_hides_the_results_from_outsiders(scored, as_user, client):
    outsider = as_user("outsider")
    base = f"/assessments/{scored.assessment_id}/results"
    for path in (
        base,
        base + "/institutions/mofa",
        base + "/charts/enablers.svg",
        base + "/institutions/mofa/radar.svg",
    ):
        assert outsider.get(path).status_code == 404, path
    api = outsider.get("/api/v1" + base)
    assert api.status_code == 404 and api.json()["ok"] is False
    assert "3.31" not in outsider.get(base + "?lang=en").text
    assert client.get(base, follow_redirects=False).status_code == 303, "anonymous: sign in first"


def test_it_answers_404_for_an_institution_without_results(scored, as_user):
    coord = as_user("coord")
    assert coord.get(f"/assessments/{scored.assessment_id}/results/institutions/mod").status_code == 404
    assert (
        coord.get(f"/api/v1/assessments/{scored.assessment_id}/results/institutions/nope").status_code == 404
    )


# --- the real framework: recommendations and the roadmap ----------------------------------------------------


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[FastAPI, int]]:
    from raqmana.frameworks import load
    from raqmana.workspace import open_workspace, users
    from raqmana.workspace.demo import seed_demo

    result = load("iraq-dla")
    assert result.ok and result.framework is not None, result.problems
    settings = make_settings(Path(tmp_path_factory.mktemp("results-demo")))
    info = seed_demo(settings, framework=result.framework)
    ws = open_workspace(settings)
    with ws.transaction() as s:
        viewer = users.get_user_by_username(s, SYSTEM, "demo-viewer")
        users.set_password(s, SYSTEM, user_id=viewer.id, password="correct horse battery")
    yield create_app(settings, workspace=ws), info.assessment_id
    ws.dispose()


@pytest.fixture(scope="module")
def demo_viewer(demo: tuple[FastAPI, int]) -> Iterator[TestClient]:
    from .conftest import Browser

    app, _ = demo
    with Browser(app, base_url="http://testserver") as b:
        b.login("demo-viewer")
        yield b


def test_it_lists_the_recommendations_and_the_roadmap_of_the_real_framework(demo, demo_viewer):
    _, aid = demo
    data = demo_viewer.get(f"/api/v1/assessments/{aid}/results").json()
    assert data["illustrative"] is True
    recs = data["recommendations"]
    assert recs["short"] and all(r["horizon"] == "short" for r in recs["short"])
    assert all(r["owner_name"]["en"] for r in recs["short"] + recs["long"]), "owners are named"
    roadmap = data["roadmap"]
    assert roadmap["planned"] and roadmap["initiatives"]
    assert data["bottlenecks"] and data["bottlenecks"][0]["reason"]["ar"]
    html = demo_viewer.get(f"/assessments/{aid}/results?lang=en").text
    assert recs["short"][0]["id"] in html and roadmap["initiatives"][0]["id"] in html
    assert "ILLUSTRATIVE DATA" in html, "illustrative answers are labelled on the page"
    if roadmap["scheduled"]:
        assert "/charts/gantt.svg" in html


def test_kpi_targets_are_in_the_reader_s_digits_with_their_unit(demo, demo_viewer):
    _, aid = demo
    kpis = demo_viewer.get(f"/api/v1/assessments/{aid}/results").json()["roadmap"]["kpis"]
    percent = next(k for k in kpis if k["unit"] == "percent" and k["target"] == int(k["target"]))
    html = demo_viewer.get(f"/assessments/{aid}/results?lang=ar").text
    table = html.split(percent["name"]["ar"], 1)[1].split("</tr>", 1)[0]
    digits = str(int(percent["target"])).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    assert f">{digits}٪<" in table, table
    body = html.split("<table", 1)[1]
    body = re.sub(r'<bdi dir="ltr" lang="en">.*?</bdi>', "", body)  # citations as written (CC BY 4.0)
    assert ".0<" not in body and "100000" not in body


def test_it_lists_an_institutions_own_recommendations_and_roadmap_actions(demo, demo_viewer):
    _, aid = demo
    national = demo_viewer.get(f"/api/v1/assessments/{aid}/results").json()
    owner = national["roadmap"]["initiatives"][0]["owner"]
    data = demo_viewer.get(f"/api/v1/assessments/{aid}/results/institutions/{owner}").json()
    assert any(
        a["initiative"] == national["roadmap"]["initiatives"][0]["id"] and a["role"] == "lead"
        for a in data["actions"]
    )
    profile = demo_viewer.get(f"/api/v1/assessments/{aid}/results/institutions/moc").json()
    assert profile["recommendations"], "institution-level recommendations are addressed to the ministry"
    assert all(r["id"] for r in profile["recommendations"])


def test_the_web_draws_the_heat_map_with_the_printed_reports_function(scored, as_user, monkeypatch):
    from raqmana.reports import charts
    from raqmana.web import results_charts

    calls: list[str] = []
    real = charts.heatmap

    def spy(*args, **kwargs):
        calls.append(args[3])
        return real(*args, **kwargs)

    monkeypatch.setattr(charts, "heatmap", spy)
    viewer = as_user("viewer")
    r = viewer.get(f"/assessments/{scored.assessment_id}/results/charts/heatmap.svg?lang=ckb")
    assert r.status_code == 200 and r.text.startswith("<svg") and "<text" not in r.text
    assert calls == ["ckb"], "drawn by raqmana.reports.charts.heatmap"
    viewer.get(f"/assessments/{scored.assessment_id}/results/charts/heatmap.svg?lang=ckb")
    assert calls == ["ckb"], "drawn once, then served from the cache"
    drawing = [
        name
        for name, value in vars(results_charts).items()
        if str(getattr(value, "__module__", "")).startswith("matplotlib")
        or str(getattr(value, "__name__", "")).startswith("matplotlib")
    ]
    assert drawing == [] and not hasattr(results_charts, "heat_svg"), "the web has no drawing of its own"


def test_the_web_draws_the_gantt_with_the_printed_reports_function(demo, demo_viewer, monkeypatch):
    from raqmana.reports import charts

    _, aid = demo
    calls: list[str] = []
    real = charts.gantt

    def spy(roadmap, lang, **kwargs):
        calls.append(lang)
        return real(roadmap, lang, **kwargs)

    monkeypatch.setattr(charts, "gantt", spy)
    assert demo_viewer.get(f"/api/v1/assessments/{aid}/results").json()["roadmap"]["scheduled"]
    r = demo_viewer.get(f"/assessments/{aid}/results/charts/gantt.svg?lang=ar")
    assert r.status_code == 200 and r.text.startswith("<svg") and "<text" not in r.text
    assert calls == ["ar"]


def test_it_explains_each_recommendation_in_the_readers_language(demo, demo_viewer):
    """The "triggered by" column uses the printed reports' sentences, in Arabic and Kurdish too."""
    from raqmana.i18n.sorani import wrong_letters

    _, aid = demo
    data = demo_viewer.get(f"/api/v1/assessments/{aid}/results").json()
    why = data["recommendations"]["short"][0]["why"]
    assert why["en"] and why["ar"] and why["ckb"] and why["ar"] != why["en"] and not wrong_letters(why["ckb"])
    english = " ".join(r["why"]["en"] for r in data["recommendations"]["short"])
    for lang in ("ar", "ckb"):
        html = demo_viewer.get(f"/assessments/{aid}/results?lang={lang}").text
        assert why[lang].split(" ")[-1] in html
        assert " is at stage " not in html and " is below stage " not in html, english[:120]


def test_the_heat_map_comes_in_pages_of_institutions(scored, as_user):
    viewer = as_user("viewer")
    base = f"/assessments/{scored.assessment_id}/results/charts/heatmap.svg?lang=en"
    first = viewer.get(base + "&page=1")
    assert first.status_code == 200 and first.text.startswith("<svg")
    assert viewer.get(base + "&page=2").status_code == 404, "a small round fits one image"
    assert viewer.get(base + "&page=0").status_code == 404
    html = viewer.get(f"/assessments/{scored.assessment_id}/results?lang=en").text
    assert "a hatched cell has no accepted answer" in html
    assert "&page=2" not in html
