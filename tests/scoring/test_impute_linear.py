"""Linear interpolation over time (``impute: linear``), COINr's impute_panel(imp_type = "linear")."""

import numpy as np
import pytest

from raqmana.problems import ProblemsError
from raqmana.scoring import Dataset, Recipe, Step, build
from tests.scoring.inline import meta, rows

META = """
| iCode | Parent | Type      |
| a     | IDX    | Indicator |
| b     | IDX    | Indicator |
| IDX   |        | Aggregate |
"""
#: U1's a: 10 in 2018, missing 2019–2020, 40 in 2021 → 20 and 30 on the line; U2's b: observed only in
#: 2019 → nothing to interpolate between; U3 is missing from 2020 altogether (its row is absent); U4 is complete
PANEL = """
| uCode | Time | a  | b  |
| U1    | 2018 | 10 | 1  |
| U1    | 2019 |    | 2  |
| U1    | 2020 |    | 3  |
| U1    | 2021 | 40 | 4  |
| U2    | 2018 | 5  |    |
| U2    | 2019 | 6  | 7  |
| U2    | 2020 | 7  |    |
| U2    | 2021 | 8  |    |
| U3    | 2018 | 1  | 5  |
| U3    | 2019 |    | 6  |
| U3    | 2021 | 4  | 8  |
| U4    | 2018 | 2  | 9  |
| U4    | 2019 | 3  | 10 |
| U4    | 2020 | 4  | 11 |
| U4    | 2021 | 5  | 12 |
"""


def year(period: str, text: str = PANEL) -> Dataset:
    return Dataset.from_rows(rows(text), file="panel.csv", time=period)


def imputed(period: str, **params: object) -> dict[tuple[str, str], float]:
    b = build(Recipe(meta=meta(META), impute=Step("linear", params)), year(period))
    return {(u, c): float(b.imputed.get(u, c)) for u in b.units for c in ("a", "b")}


def test_a_gap_is_filled_on_the_straight_line_between_the_nearest_years():
    assert imputed("2019")[("U1", "a")] == pytest.approx(20.0)
    assert imputed("2020")[("U1", "a")] == pytest.approx(30.0)
    # U3 has no row in 2020: 2019 is read between 2018 (1) and 2021 (4), three years apart
    assert imputed("2019")[("U3", "a")] == pytest.approx(2.0)


def test_nothing_is_extrapolated_unless_asked():
    assert np.isnan(imputed("2018")[("U2", "b")]) and np.isnan(imputed("2021")[("U2", "b")])
    carried = imputed("2021", extrapolate=True)
    assert carried[("U2", "b")] == 7.0  # the last value carried forward
    assert imputed("2018", extrapolate=True)[("U2", "b")] == 7.0  # and the first one back


def test_observed_values_are_kept_and_imputed_ones_flagged():
    b = build(Recipe(meta=meta(META), impute=Step("linear")), year("2019"))
    assert b.imputed.get("U2", "a") == 6.0
    assert b.flags.imputed.get("U1", "a") and not b.flags.imputed.get("U2", "a")
    assert b.log["impute"]["interpolated"] == 2 and b.log["impute"]["carried"] == 0
    assert "straight line" in b.methodology("en")


def test_it_needs_panel_data_and_years_that_are_numbers():
    single = Dataset.from_rows(rows("| uCode | a | b |\n| U1 | 1 | 2 |\n| U2 | | 3 |"), file="d.csv")
    with pytest.raises(ProblemsError) as info:
        build(Recipe(meta=meta(META), impute=Step("linear")), single)
    assert info.value.problems[0].code.id == "SC050"
    named = PANEL.replace("| 2018 |", "| first |")
    with pytest.raises(ProblemsError) as info:
        build(Recipe(meta=meta(META), impute=Step("linear")), year("2019", named))
    assert info.value.problems[0].code.id == "SC051" and info.value.problems[0].params["period"] == "first"
    with pytest.raises(ProblemsError) as info:
        build(Recipe(meta=meta(META), impute=Step("linear", {"extrapolate": "yes"})), year("2019"))
    assert info.value.problems[0].code.id == "SC020"
