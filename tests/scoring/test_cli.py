"""``raqmana index build``: COINr tables in, every stage out; bad input exits 2 with a located message."""

import csv
import json

from openpyxl import load_workbook
from typer.testing import CliRunner

from raqmana.cli.main import app
from tests.scoring.inline import DATA, META, rows

runner = CliRunner()

RECIPE = """
name: Test index
impute: {method: group_mean, group: Region}
normalise: {method: minmax, low: 1, high: 100}
aggregate: {method: arithmetic, by_level: {3: geometric}}
stages: [{scheme: gtmi, score_max: 100}]
uncertainty: {runs: 50, weight_noise: 0.2, normalise: [rank]}
"""


def files(tmp_path, data_text=DATA, recipe_text=RECIPE):
    for name, text in (("data.csv", data_text), ("meta.csv", META)):
        table = rows(text)
        with (tmp_path / name).open("w", newline="", encoding="utf-8") as fh:
            w = csv.DictWriter(fh, fieldnames=list(table[0]))
            w.writeheader()
            w.writerows(table)
    (tmp_path / "recipe.yaml").write_text(recipe_text, encoding="utf-8")
    return [
        "index",
        "build",
        "--data",
        str(tmp_path / "data.csv"),
        "--meta",
        str(tmp_path / "meta.csv"),
        "--recipe",
        str(tmp_path / "recipe.yaml"),
        "--out",
        str(tmp_path / "out"),
    ]


def test_it_writes_every_stage_the_recipe_and_the_methodology(tmp_path):
    result = runner.invoke(app, [*files(tmp_path), "--format", "csv,xlsx,json", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["index"], report["units"], report["indicators"], report["aggregates"]) == ("IDX", 4, 4, 3)
    out = tmp_path / "out"
    for name in (
        "raw",
        "screened",
        "imputed",
        "treated",
        "normalised",
        "weighted",
        "aggregated",
        "ranks",
        "flags_imputed",
        "flags_treated",
        "availability",
        "stages_gtmi",
        "weights",
        "uncertainty",
    ):
        assert (out / f"{name}.csv").is_file(), name
    for name in (
        "recipe.yaml",
        "recipe.json",
        "build.json",
        "build.xlsx",
        "methodology.en.md",
        "methodology.ar.md",
        "methodology.ckb.md",
    ):
        assert (out / name).is_file(), name
    assert "aggregated" in load_workbook(out / "build.xlsx", read_only=True).sheetnames
    assert {"uCode", "score", "rank", "stage_gtmi", "low", "high", "stage_stability"} <= set(
        report["scores"][0]
    )


def test_the_written_recipe_rebuilds_the_same_index(tmp_path):
    assert runner.invoke(app, files(tmp_path)).exit_code == 0
    again = [
        "index",
        "build",
        "--data",
        str(tmp_path / "data.csv"),
        "--recipe",
        str(tmp_path / "out" / "recipe.yaml"),
        "--out",
        str(tmp_path / "again"),
    ]
    result = runner.invoke(app, again)
    assert result.exit_code == 0, result.output
    first = (tmp_path / "out" / "aggregated.csv").read_text()
    assert (tmp_path / "again" / "aggregated.csv").read_text() == first


def test_a_monte_carlo_that_fails_leaves_nothing_behind(tmp_path):
    # the stage tables are written while the Monte Carlo runs, into a staging folder that goes with it
    failing = (
        "normalise: {method: minmax, low: 0, high: 100}\n"
        "uncertainty: {runs: 50, aggregate: [geometric], min_success: 0.9}\n"
    )
    result = runner.invoke(app, [*files(tmp_path, recipe_text=failing), "--json"])
    assert result.exit_code == 2, result.output
    assert json.loads(result.stdout)["errors"][0]["code"] == "SC042"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data.csv", "meta.csv", "recipe.yaml"]


def test_a_bad_cell_exits_2_with_its_row_and_column_in_arabic(tmp_path):
    args = files(tmp_path, DATA.replace("| 20 |", "| 2o |"))
    result = runner.invoke(app, [*args, "--lang", "ar"])
    assert result.exit_code == 2
    assert "Traceback" not in result.output
    assert "data.csv، السطر 3، العمود b: القيمة '2o' ليست رقماً" in result.output


def test_an_unknown_method_in_the_recipe_exits_2_as_json(tmp_path):
    args = files(tmp_path, recipe_text="normalise: maxmin\n")
    result = runner.invoke(app, [*args, "--json"])
    assert result.exit_code == 2
    report = json.loads(result.stdout)
    assert report["ok"] is False and report["errors"][0]["code"] == "SC018"
    assert report["errors"][0]["location"] == {"file": "recipe.yaml", "path": "normalise"}


def test_broken_yaml_is_located(tmp_path):
    result = runner.invoke(app, [*files(tmp_path, recipe_text="normalise: [minmax\n"), "--json"])
    assert result.exit_code == 2
    assert json.loads(result.stdout)["errors"][0]["code"] == "SC033"


def test_the_error_catalogue_is_listed(tmp_path):
    result = runner.invoke(app, ["index", "errors", "--json"])
    assert result.exit_code == 0
    codes = {row["code"] for row in json.loads(result.stdout)}
    assert {"SC004", "SC022", "SC104"} <= codes


def test_index_sensitivity_writes_sobol_indices_with_confidence_intervals(tmp_path):
    args = files(
        tmp_path, recipe_text=RECIPE.replace("normalise: [rank]", "normalise: [rank], impute: [mean]")
    )
    args[1] = "sensitivity"
    result = runner.invoke(app, [*args, "--n", "20", "--json"])
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert report["runs"] == 32 * (3 + 2)  # N rounded up to 32; weights, imputation, normalisation
    assert [f["factor"] for f in report["factors"]] == ["weights", "impute", "normalise"]
    with (tmp_path / "out" / "sensitivity.csv").open(encoding="utf-8") as fh:
        table = list(csv.DictReader(fh))
    assert [r["factor"] for r in table] == ["weights", "impute", "normalise"]
    assert all(float(r["ST_conf"]) >= 0 for r in table)


def test_index_sensitivity_names_an_alternative_that_cannot_be_computed(tmp_path):
    args = files(
        tmp_path,
        recipe_text=RECIPE.replace("low: 1", "low: 0")
        .replace(", by_level: {3: geometric}", "")
        .replace("normalise: [rank]", "aggregate: [geometric]"),
    )
    args[1] = "sensitivity"
    result = runner.invoke(app, [*args, "--n", "8"])
    assert result.exit_code == 2
    assert "SC043" in result.output and "aggregate: geometric" in result.output


def test_a_staging_folder_left_by_a_killed_build_is_removed_by_the_next_one(tmp_path):
    import os
    import signal
    import subprocess
    import sys

    from raqmana.cli import index_staging

    # a build killed while it ran: its process held the staging folder's lock and is gone
    code = "import sys, time; from pathlib import Path; from raqmana.cli import index_staging as s; "
    code += "s.make(Path(sys.argv[1])); print('ready', flush=True); time.sleep(60)"
    killed = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True)
    assert killed.stdout is not None and killed.stdout.readline().strip() == "ready"
    os.kill(killed.pid, signal.SIGKILL)
    killed.wait()
    left = [p for p in tmp_path.iterdir() if p.name.startswith(".raqmana-index-")]
    assert len(left) == 1
    young = runner.invoke(app, [*files(tmp_path), "--json"])  # killed a moment ago: left for now
    assert young.exit_code == 0 and "removed_stale_staging" not in json.loads(young.stdout)
    assert left[0].is_dir()
    os.utime(left[0], (left[0].stat().st_atime - 60, left[0].stat().st_mtime - 60))  # a minute ago
    running, lock = index_staging.make(tmp_path)  # a build still running beside it keeps its folder
    try:
        result = runner.invoke(app, [*files(tmp_path), "--json"])
        assert result.exit_code == 0, result.output
        assert json.loads(result.stdout)["removed_stale_staging"] == [str(left[0])]
        assert not left[0].exists() and running.is_dir()
        again = runner.invoke(app, files(tmp_path))  # said in words without --json; nothing left to remove
        assert again.exit_code == 0 and "staging folder" not in again.output
    finally:
        lock.close()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".raqmana-index-")] == [running.name]


def test_the_removal_of_a_stale_staging_folder_is_said_in_arabic(tmp_path):
    import os

    from raqmana.cli import index_staging

    stale, lock = index_staging.make(tmp_path)
    lock.close()  # released, as when its process ends
    os.utime(stale, (stale.stat().st_atime - 60, stale.stat().st_mtime - 60))
    result = runner.invoke(app, [*files(tmp_path), "--lang", "ar"])
    assert result.exit_code == 0, result.output
    assert f"حُذف {stale}، وهو مجلد مؤقت" in result.output
    assert not stale.exists()


def test_the_files_are_the_same_whatever_the_number_of_threads(tmp_path):
    args = files(tmp_path)
    out = args.index("--out") + 1
    for jobs in ("1", "2", "3"):
        args[out] = str(tmp_path / f"jobs{jobs}")
        result = runner.invoke(app, [*args, "--format", "csv,json", "--jobs", jobs])
        assert result.exit_code == 0, result.output
    one = {p.name: p.read_bytes() for p in (tmp_path / "jobs1").iterdir()}
    assert "uncertainty.csv" in one and "build.json" in one
    for jobs in ("2", "3"):
        assert {p.name: p.read_bytes() for p in (tmp_path / f"jobs{jobs}").iterdir()} == one
