"""The ``raqmana indices`` commands: JSON twins, exit codes and located errors."""

import json

from typer.testing import CliRunner

from raqmana.cli.main import app

runner = CliRunner()


def run(*args: str):
    return runner.invoke(app, ["indices", *args])


def test_list_shows_every_index_and_whether_it_is_shipped(data_dir):
    result = run("list", "--json")
    assert result.exit_code == 0, result.output
    rows = {r["id"]: r for r in json.loads(result.stdout)}
    assert rows["egdi"]["origin"] == ["bundled"]
    assert rows["gci"]["origin"] == ["not_imported"] and rows["gci"]["editions"] == []


def test_reproduce_prints_the_trust_check(data_dir):
    result = run("reproduce", "egdi", "--edition", "2024", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["ok"] and data["compared"] == 193 and data["max_abs_diff"] < 1e-4
    text = run("reproduce", "gtmi", "--edition", "2022", "--lang", "ar")
    assert text.exit_code == 0 and "أعيد حسابه بنجاح" in text.stdout


def test_reproducing_an_unknown_edition_exits_2(data_dir):
    result = run("reproduce", "egdi", "--edition", "2011", "--json")
    assert result.exit_code == 2
    assert json.loads(result.stdout)["errors"][0]["code"] == "IX013"


def test_show_gives_a_country_trend(data_dir):
    result = run("show", "egdi", "--country", "IRQ", "--json")
    assert result.exit_code == 0, result.output
    trend = json.loads(result.stdout)["country"]["trend"]
    assert [t["edition"] for t in trend] == ["2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"]
    assert trend[-1]["published_rank"] == 148 and trend[-1]["position"] == [148, 193]


def test_peers_lists_groups_and_standings(data_dir):
    result = run("peers", "IRQ", "--json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["country"]["groups"]["chosen"]["members"] == ["JOR", "SAU", "ARE", "EGY", "EST"]
    assert data["indices"]["gtmi"]["value"] > 0.46


def test_importing_a_malformed_file_exits_2_and_stores_nothing(tmp_path, data_dir):
    bad = tmp_path / "bad.csv"
    bad.write_text("Country,EGDI,OSI,TII,HCI\nIraq,0.5,x,0.7,0.5\n", encoding="utf-8")
    result = run("import", "egdi", str(bad), "--edition", "2026", "--json", "--lang", "ckb")
    assert result.exit_code == 2
    err = json.loads(result.stdout)["errors"][0]
    assert err["code"] == "IX006" and err["location"] == {"file": "bad.csv", "line": 2, "column": "OSI"}
    assert not (data_dir / "indices").exists()


def test_importing_gci_shows_the_licence_and_stores_it(gci_file, data_dir):
    result = run("import", "gci", str(gci_file))
    assert result.exit_code == 0, result.output
    assert "non-commercial" in result.output
    assert (data_dir / "indices" / "gci" / "2020.csv").is_file()
    assert run("reproduce", "gci", "--edition", "2020").exit_code == 0
