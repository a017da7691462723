"""``raqmana services``: the catalogue and KPI observations imported (all or nothing, located errors) and
exported by the command line, and the country's KPIs printed or given as JSON."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from raqmana.cli.main import app
from tests.web.test_kpi_observations import obs_csv, tx
from tests.web.test_services import PASSPORT, VISA, catalogue_csv


@pytest.fixture
def cli(tmp_path):
    env = {"RAQMANA_DATA_DIR": str(tmp_path / "data"), "RAQMANA_DATABASE_URL": ""}
    runner = CliRunner()

    def run(*args, code=0):
        result = runner.invoke(app, [str(a) for a in args], env=env)
        assert result.exit_code == code, result.output
        return result

    run("org", "seed")
    return run


def test_it_imports_exports_and_computes_the_country_kpis(cli, tmp_path):
    catalogue = tmp_path / "services.csv"
    catalogue.write_bytes(catalogue_csv(PASSPORT, VISA))
    assert json.loads(cli("services", "import", catalogue, "--json").stdout)["created"] == 2
    figures = tmp_path / "figures.csv"
    figures.write_bytes(obs_csv(tx("2026-Q1", "1000"), tx("2026-Q1", "250", kpi="transactions_online")))
    assert json.loads(cli("services", "import", figures, "--observations", "--json").stdout)["created"] == 2
    out = json.loads(cli("services", "kpis", "--json").stdout)
    assert out["derived"]["visits_avoided_per_year"] == 5000
    assert out["quarters"] == [
        {
            "period": "2026-Q1",
            "transactions": 1000,
            "transactions_online": 250,
            "online_transaction_share": 0.25,
            "visits_avoided": 2000,
        }
    ]
    assert "٢٥٫٠٪" in cli("services", "kpis", "--lang", "ar").stdout
    back = tmp_path / "back.xlsx"
    cli("services", "export", back, "--observations")
    again = json.loads(cli("services", "import", back, "--observations", "--json").stdout)
    assert (again["created"], again["unchanged"]) == (0, 2)


def test_a_bad_file_is_refused_with_its_located_problems_and_changes_nothing(cli, tmp_path):
    figures = tmp_path / "figures.csv"
    figures.write_bytes(obs_csv(tx("2026-Q9", "1000", service="")))
    out = json.loads(cli("services", "import", figures, "--observations", "--json", code=2).stdout)
    assert [(e["code"], e["location"]["line"]) for e in out["errors"]] == [("MT032", 2)]
    assert json.loads(cli("services", "kpis", "--json").stdout)["quarters"] == []
