"""`raqmana roadmap plan` plans with the same country defaults as the demo and the web (one source)."""

import json

from tests.pipeline.test_country import SECOND
from tests.roadmap.test_cli import _setup
from typer.testing import CliRunner

from raqmana.cli.main import app
from raqmana.frameworks.packs import DEFAULT_PACK
from raqmana.pipeline import country_for

runner = CliRunner()


def _plan(tmp_path, *extra):
    fw_path, rules, assessment = _setup(tmp_path)
    args = ["roadmap", "plan", "-a", str(assessment), "-o", str(tmp_path / "out"), "-f", str(fw_path)]
    result = runner.invoke(app, [*args, "--rules", str(rules), "--time-limit", "3", "--json", *extra])
    assert result.exit_code == 0, result.output
    return json.loads((tmp_path / "out" / "roadmap.json").read_text(encoding="utf-8"))["settings"]


def test_plan_takes_start_capacity_and_horizon_from_the_country_file(tmp_path):
    planning = country_for(DEFAULT_PACK).planning
    settings = _plan(tmp_path)
    assert (settings["start_year"], settings["capacity_default"], settings["horizon_quarters"]) == (
        planning.start_year,
        planning.capacity_per_owner,
        planning.horizon_quarters,
    )


def test_options_and_another_country_file_override_the_defaults(tmp_path):
    country = tmp_path / "jordan.yaml"
    country.write_text(SECOND, encoding="utf-8")
    settings = _plan(tmp_path, "--country", str(country), "--capacity", "5")
    assert (settings["start_year"], settings["capacity_default"], settings["horizon_quarters"]) == (
        2028,
        5,
        16,
    )


def test_an_unknown_country_is_refused_without_a_traceback(tmp_path):
    fw_path, rules, assessment = _setup(tmp_path)
    args = ["roadmap", "plan", "-a", str(assessment), "-o", str(tmp_path / "o"), "-f", str(fw_path)]
    result = runner.invoke(app, [*args, "--rules", str(rules), "--country", "ZZZ", "--lang", "ar"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "PL004" in result.output and "ZZZ" in result.output
