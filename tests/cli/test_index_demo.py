"""The demo's index step: the round's data as COINr tables and a recipe, built by ``raqmana index build``."""

from __future__ import annotations

import csv

from raqmana.cli.index_demo import demo_index
from raqmana.scoring import build
from raqmana.scoring.io import read_data_csv, read_meta_csv
from tests.scoring.inline import DATA, data, recipe


def test_the_demo_writes_coinr_tables_and_the_commands_output_from_them(tmp_path, capsys):
    b = build(recipe(), data(DATA.replace("| 10 | 40 |", "|    | 40 |")))  # a missing value too
    files = demo_index(b, tmp_path, "en", runs=40)
    folder = tmp_path / "index"
    names = {p.relative_to(folder).as_posix() for p in files}
    assert {"iData.csv", "iMeta.csv", "recipe.yaml", "build/aggregated.csv", "build/uncertainty.csv"} <= names
    # the tables read back as the command reads them: the same units, values and hierarchy
    nodes = read_meta_csv(folder / "iMeta.csv")
    again = read_data_csv(folder / "iData.csv", meta=nodes)
    assert again.table.units == b.data.table.units
    assert again.groups == b.data.groups
    assert (
        again.table.select(list(b.tree.indicators)).as_dict()
        == b.data.table.select(list(b.tree.indicators)).as_dict()
    )
    assert {(n.code, n.parent, n.level) for n in nodes if n.type != "Group"} == {
        (n.code, n.parent, n.level) for n in b.recipe.meta
    }
    recipe_text = (folder / "recipe.yaml").read_text(encoding="utf-8")
    assert "ILLUSTRATIVE" in recipe_text and "runs: 40" in recipe_text
    with (folder / "build" / "uncertainty.csv").open(encoding="utf-8") as fh:
        assert len(list(csv.DictReader(fh))) == 4 * 3  # 4 units × 3 aggregates
    printed = capsys.readouterr().out
    assert "Index build: the round's answers as COINr tables" in printed
    assert "Index IDX: 4 units, 4 indicators, 3 aggregates." in printed


def test_without_monte_carlo_runs_the_recipe_asks_for_none(tmp_path):
    b = build(recipe(), data(DATA))
    files = demo_index(b, tmp_path, "ar", runs=0)
    assert "uncertainty" not in (tmp_path / "index" / "recipe.yaml").read_text(encoding="utf-8")
    assert not any(p.name == "uncertainty.csv" for p in files)
