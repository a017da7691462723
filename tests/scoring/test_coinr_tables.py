"""COINr's tables as COINr users write them: v1 ``iData``/``iMeta`` (``Type`` column) and 0.6 prefixes.

The ASEM files are COINr's own example, written by R's ``write.csv``; the reference results were
computed by COINr itself (``data/coinr/reference.R``), so these tests compare raqmana with COINr,
not with a re-statement of its formulas.
"""

import csv
from pathlib import Path

import numpy as np
import pytest

from raqmana.problems import ProblemsError
from raqmana.scoring import Recipe, Step, build
from raqmana.scoring.io import read_data_csv, read_meta_csv
from tests.scoring.inline import rows

HERE = Path(__file__).parent / "data" / "coinr"


def asem():
    meta = read_meta_csv(HERE / "ASEM_iMeta.csv")
    return meta, read_data_csv(HERE / "ASEM_iData.csv", meta=meta)


def coinr_result(name: str) -> dict[str, dict[str, float]]:
    with (HERE / name).open(encoding="utf-8") as fh:
        return {
            r["uCode"]: {k: float("nan") if v == "NA" else float(v) for k, v in r.items() if k != "uCode"}
            for r in csv.DictReader(fh)
        }


def assert_same_as_coinr(b, name: str) -> None:
    ref = coinr_result(name)
    assert sorted(b.units) == sorted(ref)
    for u in b.units:
        for code, expected in ref[u].items():
            got = b.aggregated.get(u, code)
            if np.isnan(expected):
                assert np.isnan(got), (u, code)
            else:
                assert got == pytest.approx(expected, rel=1e-12, abs=1e-9), (u, code)


def write(path: Path, text: str) -> Path:
    table = rows(text)
    with path.open("w", newline="", encoding="utf-8") as fh:
        w = csv.DictWriter(fh, fieldnames=list(table[0]))
        w.writeheader()
        w.writerows(table)
    return path


def test_it_reads_coinr_v1_tables_written_by_r():
    meta, data = asem()
    assert set(data.groups) == {"GDP_group", "GDPpc_group", "Pop_group", "EurAsia_group"}
    assert data.groups["EurAsia_group"][:2] == ("Asia", "Europe") or "Europe" in data.groups["EurAsia_group"]
    assert data.time == "2018"
    assert {"Area", "Energy", "GDP", "Population"} <= set(data.columns)
    flights = next(n for n in meta if n.code == "Flights")
    assert (flights.denominator, flights.unit, flights.parent) == ("Population", "Thousand seats", "Physical")
    index = next(n for n in meta if n.code == "Index")
    assert index.parent == ""  # R writes a missing parent as NA


def test_it_reproduces_coinrs_example_coin():
    """build_example_coin(): Denominate → Impute(i_mean_grp, EurAsia_group) → Screen(Imputed, 0.9)
    → Treat (winsorise, winmax 5) → Normalise (min-max 0–100) → Aggregate (arithmetic)."""
    meta, data = asem()
    recipe = Recipe(
        meta=meta,
        impute=Step("group_mean", {"group": "EurAsia_group"}),
        screen=Step("availability", {"unit_min": 0.9, "order": "after_impute"}),
        treat=Step("winsorise", {"winmax": 5}),
        normalise=Step("minmax", {"low": 0, "high": 100}),
    )
    b = build(recipe, data)
    assert_same_as_coinr(b, "ASEM_example_aggregated.csv")
    assert b.log["denominate"]["indicators"]["Flights"] == {"denominator": "Population", "scale": 1.0}
    # LAO has no energy consumption: its electricity and gas ratios are missing, then imputed
    lao = [w for w in b.warnings if w.code.id == "SC112"]
    assert [(w.params["unit"], w.params["codes"]) for w in lao] == [("LAO", "Elec, Gas")]
    assert b.flags.imputed.get("LAO", "Elec")


def test_aggregation_with_a_data_availability_threshold_matches_coinr():
    """Aggregate(dat_thresh = 0.8) on screened, not imputed data: aggregates with under 80 % of their
    children are missing, level by level, exactly where COINr leaves them missing."""
    meta, data = asem()
    recipe = Recipe(
        meta=meta,
        screen=Step("availability", {"unit_min": 0.9}),
        normalise=Step("minmax", {"low": 0, "high": 100}),
        aggregate=Step("arithmetic", {"dat_thresh": 0.8}),
    )
    b = build(recipe, data)
    assert_same_as_coinr(b, "ASEM_dat_thresh_aggregated.csv")
    assert np.isnan(b.aggregated.select(b.tree.aggregates).values).sum() > 0


def test_it_reads_coinr_06_prefixes_and_column_names(tmp_path):
    """COINr 0.6 IndData: UnitCode/UnitName/Year, Group_*, Den_*, x_* — without metadata rows for them."""
    data = write(
        tmp_path / "IndData.csv",
        """
        | UnitName | UnitCode | Year | Group_Size | Den_Pop | x_Source | a  | b  |
        | One      | U1       | 2020 | 1          | 10      | survey   | 1  | 10 |
        | Two      | U2       | 2020 | 1          | 20      | census   | 4  | 20 |
        | Three    | U3       | 2020 | 2          | 40      | survey   | 12 | 30 |
        """,
    )
    meta = write(
        tmp_path / "meta.csv",
        """
        | IndCode | IndName | Level | Parent | Direction | IndWeight | Type      | Denominator |
        | a       | A       | 1     | IDX    | 1         | 1         | Indicator | Den_Pop     |
        | b       | B       | 1     | IDX    | 1         | 1         | Indicator |             |
        | IDX     | Index   | 2     |        | 1         | 1         | Aggregate |             |
        """,
    )
    nodes = read_meta_csv(meta)
    d = read_data_csv(data, meta=nodes)
    assert d.units == ("U1", "U2", "U3") and d.names[0] == "One" and d.time == "2020"
    assert d.groups == {"Group_Size": ("1", "1", "2")} and d.extra == {
        "x_Source": ("survey", "census", "survey")
    }
    b = build(Recipe(meta=nodes), d)
    assert b.denominated.col("a").tolist() == [0.1, 0.2, 0.3]
    assert [w.code.id for w in b.warnings] == []


def meta_with_denominator(scale: str = "") -> str:
    return f"""
    | iCode | Level | Parent | Direction | Weight | Type        | Denominator | ScaleFactor |
    | a     | 1     | IDX    | 1         | 1      | Indicator   | pop         | {scale}     |
    | b     | 1     | IDX    | 1         | 1      | Indicator   |             |             |
    | pop   |       |        |           |        | Denominator |             |             |
    | IDX   | 2     |        | 1         | 1      | Aggregate   |             |             |
    """


DATA = """
| uCode | pop  | a  | b |
| U1    | 1000 | 5  | 1 |
| U2    | 2000 | 30 | 2 |
| U3    | 4000 | 8  | 3 |
"""


def build_files(tmp_path, meta_text: str, data_text: str = DATA, **steps):
    nodes = read_meta_csv(write(tmp_path / "meta.csv", meta_text))
    d = read_data_csv(write(tmp_path / "data.csv", data_text), meta=nodes)
    return build(Recipe(meta=nodes, meta_file="meta.csv", **steps), d)


def test_the_denominator_column_is_applied_with_coinrs_scale_factor(tmp_path):
    b = build_files(tmp_path, meta_with_denominator("1000"))
    assert b.raw.col("a").tolist() == [5, 30, 8]
    assert b.denominated.col("a").tolist() == [5.0, 15.0, 2.0]  # per thousand: 5 / (1000 / 1000) …
    assert b.denominated.col("b").tolist() == [1, 2, 3]
    # the ranking follows the ratios, not the totals: U2 leads on a with 15 per thousand
    assert b.normalised.get("U2", "a") == 100 and b.normalised.get("U3", "a") == 0


def test_denominate_none_uses_raw_values_and_says_so(tmp_path):
    b = build_files(tmp_path, meta_with_denominator(), denominate=Step("none"))
    assert b.denominated.col("a").tolist() == [5, 30, 8]
    assert [w.code.id for w in b.warnings] == ["SC110"]


def test_a_zero_denominator_is_refused_at_its_cell(tmp_path):
    with pytest.raises(ProblemsError) as info:
        build_files(tmp_path, meta_with_denominator(), DATA.replace("| 2000 |", "| 0    |"))
    (p,) = info.value.problems
    assert (p.code.id, p.location.file, p.location.line, p.location.column) == ("SC041", "data.csv", 3, "pop")
    assert p.params["unit"] == "U2" and "'a'" in p.message("en")


def test_a_missing_denominator_leaves_the_ratio_missing_with_a_located_warning(tmp_path):
    b = build_files(tmp_path, meta_with_denominator(), DATA.replace("| 2000 |", "| NA   |"))
    assert np.isnan(b.denominated.get("U2", "a"))
    (w,) = b.warnings
    assert (w.code.id, w.location.line, w.location.column, w.params["codes"]) == ("SC112", 3, "pop", "a")


def test_a_denominator_that_is_not_a_data_column_is_refused_at_the_metadata_row(tmp_path):
    with pytest.raises(ProblemsError) as info:
        build_files(tmp_path, meta_with_denominator().replace("| pop         |", "| people      |", 1))
    (p,) = info.value.problems
    assert (p.code.id, p.location.file, p.location.line, p.location.column) == (
        "SC040",
        "meta.csv",
        2,
        "Denominator",
    )


def test_group_columns_of_numbers_are_labels(tmp_path):
    meta = """
    | iCode  | Level | Parent | Direction | Weight | Type      |
    | a      | 1     | IDX    | 1         | 1      | Indicator |
    | region | NA    | NA     | NA        | NA     | Group     |
    | IDX    | 2     | NA     | 1         | 1      | Aggregate |
    """
    data = """
    | uCode | region | a  |
    | U1    | 1      | 2  |
    | U2    | 1      | NA |
    | U3    | 2      | 10 |
    """
    b = build_files(tmp_path, meta, data, impute=Step("group_mean", {"group": "region"}))
    assert b.imputed.get("U2", "a") == 2.0  # the mean of group "1", not of everyone


def test_a_text_column_read_as_numbers_is_one_message_with_a_hint(tmp_path):
    body = "\n".join(f"| U{i} | {'north' if i % 2 else 'south'} | {i} |" for i in range(300))
    path = write(tmp_path / "data.csv", "| uCode | Region | a |\n" + body)
    with pytest.raises(ProblemsError) as info:
        read_data_csv(path)
    (p,) = info.value.problems
    assert (p.code.id, p.location.line, p.location.column, p.params["count"]) == ("SC037", 2, "Region", 300)
    assert "Type Group" in p.message("en") and "Group_Region" in p.message("en")
    assert "Group" in p.message("ar") and "Group" in p.message("ckb")


def test_a_type_the_reader_does_not_know_is_refused_at_its_cell(tmp_path):
    with pytest.raises(ProblemsError) as info:
        read_meta_csv(
            write(tmp_path / "meta.csv", meta_with_denominator().replace("Denominator |", "Divisor     |"))
        )
    (p,) = info.value.problems
    assert (p.code.id, p.location.line, p.location.column) == ("SC010", 4, "Type")
    assert "Other" in p.message("en")


def test_other_columns_are_kept_as_unit_metadata(tmp_path):
    meta = meta_with_denominator() + "| note | | | | | Other | | |\n"
    b = build_files(
        tmp_path,
        meta,
        DATA.replace("| b |", "| b | note |")
        .replace("| 1 |\n", "| 1 | x |\n")
        .replace("| 2 |\n", "| 2 | y |\n")
        .replace("| 3 |\n", "| 3 | z |\n"),
    )
    assert b.data.extra == {"note": ("x", "y", "z")}
    assert "note" not in b.data.columns and b.warnings == ()


def test_panel_data_asks_for_a_period_and_builds_the_one_chosen(tmp_path):
    path = write(
        tmp_path / "data.csv",
        """
        | uCode | Time | a |
        | U1    | 2021 | 1 |
        | U1    | 2022 | 2 |
        | U2    | 2022 | 3 |
        """,
    )
    with pytest.raises(ProblemsError) as info:
        read_data_csv(path)
    assert [(p.code.id, p.params["periods"]) for p in info.value.problems] == [("SC038", "2021, 2022")]
    d = read_data_csv(path, time="2022")
    assert d.units == ("U1", "U2") and d.table.col("a").tolist() == [2, 3] and d.lines == (3, 4)
    with pytest.raises(ProblemsError) as info:
        read_data_csv(path, time="2030")
    assert info.value.problems[0].code.id == "SC039"


def test_treatment_with_coinrs_log_fallback_and_individual_specs_matches_coinr():
    """Treat(global_specs = list(f1_para = list(winmax = 1)), indiv_specs = list(Goods = boxcox λ 0.5,
    Flights = "none")): indicators still failing after one winsorised point are log_CT-transformed."""
    meta, data = asem()
    treat = Step(
        "winsorise",
        {
            "winmax": 1,
            "then": "log_CT",
            "by_indicator": {"Goods": {"method": "boxcox", "lambda": 0.5}, "Flights": "none"},
        },
    )
    b = build(Recipe(meta=meta, denominate=Step("none"), treat=treat), data)
    ref = coinr_result("ASEM_treated_winmax1.csv")
    for u in b.units:
        for code, expected in ref[u].items():
            got = b.treated.get(u, code)
            assert (np.isnan(got) and np.isnan(expected)) or got == pytest.approx(expected, rel=1e-12), (
                u,
                code,
            )
    methods = list(b.log["treat"]["transformed"].values())
    assert (methods.count("log_CT"), methods.count("boxcox")) == (8, 1)  # as COINr's Dets_Table
    assert (
        b.log["treat"]["transformed"]["Goods"] == "boxcox" and "Flights" not in b.log["treat"]["indicators"]
    )


def test_copeland_outranking_matches_coinrs_a_copeland():
    meta, data = asem()
    recipe = Recipe(
        meta=meta,
        denominate=Step("none"),
        normalise=Step("minmax", {"low": 0, "high": 100}),
        aggregate=Step("arithmetic", {"by_level": {2: "copeland"}}),
    )
    b = build(recipe, data)
    ref = coinr_result("ASEM_copeland_pillars.csv")
    for u in b.units:
        assert {p: b.aggregated.get(u, p) for p in ref[u]} == ref[u], u
    assert "Copeland" in b.methodology("en")


PANEL_META = """
| iCode    | Level | Parent | Direction | Weight | Type      |
| LPI      | 1     | Conn   | 1         | 1      | Indicator |
| Flights  | 1     | Conn   | 1         | 1      | Indicator |
| Ship     | 1     | Conn   | 1         | 1      | Indicator |
| Goods    | 1     | Trade  | 1         | 1      | Indicator |
| Services | 1     | Trade  | 1         | 1      | Indicator |
| FDI      | 1     | Trade  | 1         | 1      | Indicator |
| Conn     | 2     | Index  | 1         | 1      | Aggregate |
| Trade    | 2     | Index  | 1         | 1      | Aggregate |
| Index    | 3     |        | 1         | 1      | Aggregate |
"""


def panel_reference(name: str) -> dict[tuple[str, str], dict[str, float]]:
    with (HERE / name).open(encoding="utf-8") as fh:
        return {
            (r["uCode"], r["Time"]): {
                k: float("nan") if v == "NA" else float(v) for k, v in r.items() if k not in ("uCode", "Time")
            }
            for r in csv.DictReader(fh)
        }


@pytest.mark.parametrize(
    ("params", "name"), [({}, "panel_imputed_latest.csv"), ({"max_time": 1}, "panel_imputed_latest_1.csv")]
)
def test_time_series_imputation_from_earlier_years_matches_coinrs_impute_panel(tmp_path, params, name):
    from raqmana.scoring.io import read_panel_csv

    nodes = read_meta_csv(write(tmp_path / "meta.csv", PANEL_META))
    years = read_panel_csv(HERE / "panel_iData.csv", meta=nodes)
    assert [d.time for d in years] == ["2018", "2019", "2020", "2021", "2022"]
    assert [p for p, _ in years[3].history] == ["2020", "2019", "2018"]
    ref = panel_reference(name)
    recipe = Recipe(meta=nodes, impute=Step("latest", params))
    for d in years:
        b = build(recipe, d)
        for u in b.units:
            for code, expected in ref[(u, d.time)].items():
                got = b.imputed.get(u, code)
                assert (np.isnan(got) and np.isnan(expected)) or got == expected, (d.time, u, code)


@pytest.mark.parametrize("extrapolate", [True, False])
def test_linear_interpolation_over_time_matches_coinrs_impute_panel(tmp_path, extrapolate):
    """COINr's impute_panel(imp_type = "linear") is R's approx(rule = 2): raqmana's ``extrapolate: true``.
    Without it, the values COINr carries before a unit's first or after its last value stay missing."""
    from raqmana.scoring.io import read_panel_csv

    nodes = read_meta_csv(write(tmp_path / "meta.csv", PANEL_META))
    years = read_panel_csv(HERE / "panel_iData.csv", meta=nodes)
    original, ref = panel_reference("panel_iData.csv"), panel_reference("panel_imputed_linear.csv")
    recipe = Recipe(meta=nodes, impute=Step("linear", {"extrapolate": extrapolate}))
    interpolated = carried = 0
    for d in years:
        b = build(recipe, d)
        for u in b.units:
            for code, expected in ref[(u, d.time)].items():
                got = b.imputed.get(u, code)
                seen = [t for (unit, t), row in original.items() if unit == u and not np.isnan(row[code])]
                inside = min(seen) < d.time < max(seen)
                if np.isnan(original[(u, d.time)][code]):
                    interpolated += inside
                    carried += not inside
                if extrapolate or inside or not np.isnan(original[(u, d.time)][code]):
                    assert got == pytest.approx(expected, rel=1e-12, abs=1e-12), (d.time, u, code)
                else:
                    assert np.isnan(got), (d.time, u, code)
    assert interpolated > 20 and carried > 5  # both cases are exercised


def test_index_build_over_every_period_writes_a_folder_per_year(tmp_path):
    from typer.testing import CliRunner

    from raqmana.cli.main import app

    write(tmp_path / "meta.csv", PANEL_META)
    (tmp_path / "recipe.yaml").write_text("impute: latest\n", encoding="utf-8")
    args = ["index", "build", "--data", str(HERE / "panel_iData.csv"), "--meta", str(tmp_path / "meta.csv")]
    args += [
        "--recipe",
        str(tmp_path / "recipe.yaml"),
        "--out",
        str(tmp_path / "out"),
        "--time",
        "all",
        "--json",
    ]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    import json

    report = json.loads(result.stdout)
    assert [p["time"] for p in report["periods"]] == ["2018", "2019", "2020", "2021", "2022"]
    assert all((tmp_path / "out" / y / "aggregated.csv").is_file() for y in ("2018", "2022"))
    assert "latest" in (tmp_path / "out" / "2022" / "methodology.en.md").read_text(encoding="utf-8")


def test_latest_imputation_without_panel_data_is_refused():
    meta, data = asem()
    with pytest.raises(ProblemsError) as info:
        build(Recipe(meta=meta, impute=Step("latest")), data)
    assert info.value.problems[0].code.id == "SC045"


def test_denominators_from_their_own_table_as_coinrs_denoms_argument(tmp_path):
    """Denominate(denoms = WorldDenoms): the sizes live in another table keyed by uCode; a unit that
    table lacks gets a missing ratio, located in that table."""
    nodes = read_meta_csv(write(tmp_path / "meta.csv", meta_with_denominator()))
    data = read_data_csv(
        write(tmp_path / "data.csv", "| uCode | a | b |\n| U1 | 5 | 1 |\n| U2 | 30 | 2 |\n| U3 | 8 | 3 |"),
        meta=nodes,
    )
    denoms = read_data_csv(write(tmp_path / "denoms.csv", "| uCode | pop |\n| U1 | 1000 |\n| U2 | 2000 |"))
    b = build(Recipe(meta=nodes), data.with_denominators(denoms))
    assert b.denominated.col("a")[:2].tolist() == [0.005, 0.015] and np.isnan(b.denominated.get("U3", "a"))
    (w,) = b.warnings
    assert (w.code.id, w.location.file, w.location.column, w.params["unit"]) == (
        "SC112",
        "denoms.csv",
        "pop",
        "U3",
    )
    with pytest.raises(ProblemsError) as info:
        read_data_csv(write(tmp_path / "d2.csv", DATA), meta=nodes).with_denominators(denoms)
    assert info.value.problems[0].code.id == "SC046"


def test_the_command_line_reproduces_coinrs_example_from_its_own_files(tmp_path):
    """What a COINr user types: the two CSV files R wrote and a recipe of COINr's example steps."""
    import json

    from typer.testing import CliRunner

    from raqmana.cli.main import app

    (tmp_path / "recipe.yaml").write_text(
        "impute: {method: group_mean, group: EurAsia_group}\n"
        "screen: {method: availability, unit_min: 0.9, order: after_impute}\n"
        "treat: {method: winsorise, winmax: 5}\n",
        encoding="utf-8",
    )
    args = ["index", "build", "--data", str(HERE / "ASEM_iData.csv"), "--meta", str(HERE / "ASEM_iMeta.csv")]
    args += ["--recipe", str(tmp_path / "recipe.yaml"), "--out", str(tmp_path / "out"), "--json"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert [w["code"] for w in report["warnings"]] == ["SC112"]  # LAO's energy, and nothing ignored
    ref = coinr_result("ASEM_example_aggregated.csv")
    with (tmp_path / "out" / "aggregated.csv").open(encoding="utf-8") as fh:
        got = {r["uCode"]: float(r["Index"]) for r in csv.DictReader(fh)}
    assert got == pytest.approx({u: v["Index"] for u, v in ref.items()}, rel=1e-12)


def test_coinr_06_indmeta_and_aggmeta_are_converted_as_coin_to_coin_does(tmp_path):
    from raqmana.scoring.io import read_coinr6_meta

    ind = write(
        tmp_path / "IndMeta.csv",
        """
        | IndName | IndCode | Direction | IndWeight | Denominator | IndUnit | Agg_Pillar | Agg_Index |
        | A       | a       | 1         | 1         | Den_Pop     | people  | P          | IDX       |
        | B       | b       | -1        | 2         |             | USD     | P          | IDX       |
        | C       | c       | 1         | 1         |             |         | Q          | IDX       |
        """,
    )
    agg = write(
        tmp_path / "AggMeta.csv",
        """
        | AgLevel | Code | Name   | Weight |
        | 2       | P    | Pillar | 1      |
        | 2       | Q    | Other  | 3      |
        | 3       | IDX  | Index  | 1      |
        """,
    )
    nodes = {n.code: n for n in read_coinr6_meta(ind, agg)}
    assert (nodes["a"].parent, nodes["a"].denominator, nodes["a"].unit) == ("P", "Den_Pop", "people")
    assert (nodes["b"].direction, nodes["b"].weight, nodes["b"].type) == (-1, 2.0, "Indicator")
    assert (nodes["P"].parent, nodes["Q"].weight, nodes["IDX"].parent, nodes["IDX"].level) == (
        "IDX",
        3.0,
        "",
        3,
    )
    data = write(
        tmp_path / "IndData.csv",
        """
        | UnitCode | UnitName | Group_Size | Den_Pop | a  | b | c |
        | U1       | One      | S          | 10      | 1  | 5 | 2 |
        | U2       | Two      | L          | 20      | 4  | 3 | 9 |
        | U3       | Three    | L          | 40      | 12 | 1 | 4 |
        """,
    )
    b = build(Recipe(meta=tuple(nodes.values())), read_data_csv(data, meta=tuple(nodes.values())))
    assert b.index == "IDX" and b.denominated.col("a").tolist() == [0.1, 0.2, 0.3] and b.warnings == ()
    with pytest.raises(ProblemsError) as info:
        read_meta_csv(ind)  # an IndMeta alone: its aggregates are in the AggMeta
    assert info.value.problems[0].code.id == "SC047" and "--agg-meta" in info.value.problems[0].message("en")


def test_the_generalised_mean_matches_coinrs_a_genmean():
    meta, data = asem()
    recipe = Recipe(
        meta=meta,
        impute=Step("group_mean", {"group": "EurAsia_group"}),
        screen=Step("availability", {"unit_min": 0.9, "order": "after_impute"}),
        treat=Step("winsorise", {"winmax": 5}),
        normalise=Step("minmax", {"low": 0, "high": 100}),
        aggregate=Step("genmean", {"p": 2}),
    )
    assert_same_as_coinr(build(recipe, data), "ASEM_genmean_aggregated.csv")


def test_the_generalised_mean_refuses_p_zero_and_negative_values():
    meta, data = asem()
    with pytest.raises(ProblemsError) as info:
        build(Recipe(meta=meta, aggregate=Step("genmean", {"p": 0})), data)
    assert info.value.problems[0].params["name"] == "p"
    with pytest.raises(ProblemsError) as info:  # min-max to 0–100 gives zeros: 0^-1 cannot be computed
        build(Recipe(meta=meta, aggregate=Step("genmean", {"p": -1})), data)
    assert info.value.problems[0].code.id == "SC022" and "generalised" in info.value.problems[0].message("en")


def test_the_command_line_takes_coinr_06_tables_and_a_denominator_table(tmp_path):
    import json

    from typer.testing import CliRunner

    from raqmana.cli.main import app

    write(
        tmp_path / "IndMeta.csv",
        """
        | IndCode | Direction | IndWeight | Denominator | Agg_Index |
        | a       | 1         | 1         | pop         | IDX       |
        | b       | 1         | 1         |             | IDX       |
        """,
    )
    write(tmp_path / "AggMeta.csv", "| AgLevel | Code | Name  | Weight |\n| 2 | IDX | Index | 1 |")
    write(tmp_path / "IndData.csv", "| UnitCode | a | b |\n| U1 | 5 | 1 |\n| U2 | 30 | 2 |\n| U3 | 8 | 3 |")
    write(tmp_path / "sizes.csv", "| uCode | pop |\n| U1 | 1000 |\n| U2 | 2000 |\n| U3 | 4000 |")
    args = [
        "index",
        "build",
        "--data",
        str(tmp_path / "IndData.csv"),
        "--meta",
        str(tmp_path / "IndMeta.csv"),
    ]
    args += ["--agg-meta", str(tmp_path / "AggMeta.csv"), "--denoms", str(tmp_path / "sizes.csv")]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "out"), "--json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["warnings"] == []
    with (tmp_path / "out" / "denominated.csv").open(encoding="utf-8") as fh:
        assert [float(r["a"]) for r in csv.DictReader(fh)] == [0.005, 0.015, 0.002]


def test_a_data_column_without_a_metadata_row_is_refused_as_coinr_does(tmp_path):
    """new_coin(): "Column names from iData not found in iMeta". Read against its iMeta, a column the
    metadata does not describe is refused at its header; declared Type Other, it is kept as information."""
    nodes = read_meta_csv(write(tmp_path / "meta.csv", meta_with_denominator()))
    stray = DATA.replace("| b |", "| b | extra |").replace("| 1 |\n", "| 1 | 7 |\n")
    stray = stray.replace("| 2 |\n", "| 2 | 8 |\n").replace("| 3 |\n", "| 3 | 9 |\n")
    data = read_data_csv(write(tmp_path / "data.csv", stray), meta=nodes)
    with pytest.raises(ProblemsError) as info:
        build(Recipe(meta=nodes, meta_file="meta.csv"), data)
    [p] = info.value.problems
    assert (p.code.id, p.location.file, p.location.line, p.location.column) == (
        "SC049",
        "data.csv",
        1,
        "extra",
    )
    assert "meta.csv" in p.message("en") and "Other" in p.message("ar")


def test_a_scale_factor_of_zero_is_refused_at_its_cell(tmp_path):
    with pytest.raises(ProblemsError) as info:
        read_meta_csv(write(tmp_path / "meta.csv", meta_with_denominator("0")))
    [p] = info.value.problems
    assert (p.code.id, p.location.line, p.location.column) == ("SC020", 2, "ScaleFactor")
    assert "ScaleFactor" in p.message("en") and "0" in p.message("en")


def test_a_period_that_cannot_be_built_is_named(tmp_path):
    from typer.testing import CliRunner

    from raqmana.cli.main import app

    write(
        tmp_path / "meta.csv",
        "| iCode | Level | Parent | Type |\n| a | 1 | I | Indicator |\n| I | 2 | | Aggregate |",
    )
    write(
        tmp_path / "data.csv", "| uCode | Time | a |\n| U1 | 2020 | 1 |\n| U2 | 2020 | 2 |\n| U1 | 2021 | 3 |"
    )
    args = ["index", "build", "--data", str(tmp_path / "data.csv"), "--meta", str(tmp_path / "meta.csv")]
    result = CliRunner().invoke(app, [*args, "--out", str(tmp_path / "out"), "--time", "all"])
    assert result.exit_code == 2
    assert "SC024" in result.output and "Time 2021" in result.output and "Time 2020" not in result.output
    assert not (tmp_path / "out").exists()  # nothing written, not even the period that could be built
