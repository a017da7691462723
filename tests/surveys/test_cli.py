"""``raqmana survey``: forms out and in, submissions in twice, results, bad input without a traceback."""

from __future__ import annotations

import json

from typer.testing import CliRunner

from raqmana.cli.main import build_app

runner = CliRunner()


def _env(tmp_path) -> dict[str, str]:
    return {"RAQMANA_DATA_DIR": str(tmp_path / "data"), "RAQMANA_ENVIRONMENT": "development"}


def test_export_form_writes_a_clean_xlsform(tmp_path) -> None:
    out = tmp_path / "cs.xlsx"
    result = runner.invoke(
        build_app("survey"), ["survey", "export-form", "civil_servants", "--out", str(out), "--json"]
    )
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["pyxform_warnings"] == [] and out.is_file()


def test_import_form_refuses_a_broken_file_with_a_located_message_in_arabic(tmp_path) -> None:
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"not a workbook")
    result = runner.invoke(build_app("survey"), ["survey", "import-form", str(bad), "--lang", "ar"])
    assert result.exit_code == 2
    assert "SV001" in result.output and "bad.xlsx" in result.output and "Traceback" not in result.output


def test_submissions_twice_then_results(tmp_path) -> None:
    export = tmp_path / "kobo.csv"
    export.write_text(
        "_uuid,profile/sex,profile/area,bottlenecks/bn_power,bottlenecks/bn_paper\n"
        "a,female,rural,a_lot,somewhat\nb,male,urban,not,not\nc,female,urban,somewhat,a_lot\n",
        encoding="utf-8",
    )
    app, env = build_app("survey"), _env(tmp_path)
    first = runner.invoke(
        app, ["survey", "import-submissions", "civil_servants", str(export), "--json"], env=env
    )
    assert first.exit_code == 0, first.output
    assert json.loads(first.output)["added"] == 3
    again = runner.invoke(app, ["survey", "import-submissions", "civil_servants", str(export)], env=env)
    assert again.exit_code == 0 and "Nothing new" in again.output
    shown = runner.invoke(app, ["survey", "results", "civil_servants", "--json"], env=env)
    assert shown.exit_code == 0, shown.output
    results = json.loads(shown.output)
    assert results["n"] == 3 and results["bottlenecks"][0]["question"] in ("bn_power", "bn_paper")
    assert {d["dimension"] for d in results["divide"]["dimensions"]} == {"sex", "area"}


def test_import_form_saves_which_questions_describe_the_respondent(tmp_path) -> None:
    from pathlib import Path

    from raqmana.surveys.model import Role
    from raqmana.surveys.packs import find

    form = Path(__file__).parent / "data" / "forms" / "pyxform-choice_filter_test.xlsx"
    out = tmp_path / "survey.yaml"
    app = build_app("survey")
    result = runner.invoke(
        app, ["survey", "import-form", str(form), "--role", "state=governorate", "--out", str(out)]
    )
    assert result.exit_code == 0, result.output
    assert find(str(out)).question("state").role is Role.GOVERNORATE
    wrong = runner.invoke(
        app, ["survey", "import-form", str(form), "--role", "nope=sex", "--role", "city=shoe_size"]
    )
    assert wrong.exit_code == 2 and "SV024" in wrong.output and "SV025" in wrong.output


def test_import_submissions_queued_for_the_worker(tmp_path) -> None:
    export = tmp_path / "kobo.csv"
    export.write_text("_uuid,profile/sex\nq1,female\nq2,male\n", encoding="utf-8")
    app, env = build_app(), _env(tmp_path)
    queued = runner.invoke(
        app, ["survey", "import-submissions", "civil_servants", str(export), "--queue", "--json"], env=env
    )
    assert queued.exit_code == 0, queued.output
    assert json.loads(queued.output)["status"] == "queued"
    ran = runner.invoke(app, ["worker", "--once"], env=env)
    assert ran.exit_code == 0, ran.output
    again = runner.invoke(
        app, ["survey", "import-submissions", "civil_servants", str(export), "--json"], env=env
    )
    assert json.loads(again.output)["unchanged"] == 2


def test_import_submissions_names_its_round_and_a_closed_round_refuses_them(tmp_path) -> None:
    from tests.support.world import build_world, make_settings
    from tests.workspace.factories import ROUND

    from raqmana.workspace import SYSTEM, open_workspace
    from raqmana.workspace.assessments import close_round

    settings = make_settings(tmp_path / "data")
    ws = open_workspace(settings)
    try:
        world = build_world(ws, ROUND)
    finally:
        ws.dispose()
    export = tmp_path / "kobo.csv"
    export.write_text(
        "_uuid,profile/sex,bottlenecks/bn_power\nr1,female,a_lot\nr2,male,not\n", encoding="utf-8"
    )
    app, env = build_app("survey"), _env(tmp_path)
    done = runner.invoke(
        app,
        ["survey", "import-submissions", "civil_servants", str(export), "--round", str(world.assessment_id)],
        env=env,
    )
    assert done.exit_code == 0, done.output
    assert "Round 2026 (2026)." in done.output and "2 submissions added." in done.output
    shown = runner.invoke(
        app, ["survey", "results", "civil_servants", "--round", str(world.assessment_id), "--json"], env=env
    )
    assert shown.exit_code == 0, shown.output
    assert json.loads(shown.output)["round"]["id"] == world.assessment_id
    ws = open_workspace(settings)
    try:
        with ws.transaction() as s:
            close_round(s, SYSTEM, assessment_id=world.assessment_id)
    finally:
        ws.dispose()
    refused = runner.invoke(
        app,
        ["survey", "import-submissions", "civil_servants", str(export), "--round", str(world.assessment_id)],
        env={**env, "RAQMANA_LANG": "ar"},
    )
    assert refused.exit_code != 0 and "SV031" in refused.output and "Traceback" not in refused.output
