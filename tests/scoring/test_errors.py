"""Every error and warning code: bad input gives a located, translated problem — never a NaN."""

from collections.abc import Callable

import pytest

from raqmana.problems import Problem, ProblemsError
from raqmana.scoring import (
    Dataset,
    Node,
    Recipe,
    StageRule,
    Step,
    UncertaintySpec,
    analyse_uncertainty,
    build,
    sensitivity,
)
from raqmana.scoring import errors as E
from raqmana.scoring.framework_recipe import dataset_from_responses
from raqmana.scoring.io import read_data_csv, read_meta_csv
from tests.scoring.inline import DATA, META, data, meta, recipe, rows, small_framework


def problems_of(action: Callable[[], object]) -> list[Problem]:
    with pytest.raises(ProblemsError) as info:
        action()
    return info.value.problems


def first(action: Callable[[], object], code: str) -> Problem:
    found = [p for p in problems_of(action) if p.code.id == code]
    assert found, f"{code} not raised"
    return found[0]


def warning(b, code: str) -> Problem:
    found = [w for w in b.warnings if w.code.id == code]
    assert found, f"{code} not warned"
    return found[0]


def with_meta(text: str, **steps):
    return build(Recipe(meta=meta(text), meta_file="meta.csv", **steps), data(DATA))


def swap(old: str, new: str) -> str:
    assert old in META
    return META.replace(old, new)


def written(tmp_path, name: str, text: str, encoding: str = "utf-8"):
    path = tmp_path / name
    path.write_bytes(text.encode(encoding))
    return path


# each case: code → a function of tmp_path that triggers it and returns the problem
def solver_fails():
    """The linear programme of a benefit-of-the-doubt unit ends without an optimum (a solver failure)."""
    from types import SimpleNamespace
    from unittest import mock

    failed = SimpleNamespace(status=4, message="numerical difficulties", fun=0.0)
    with mock.patch("scipy.optimize.linprog", return_value=failed):
        build(
            recipe(aggregate=Step("bod", {"share_max": 0.9})), data(DATA)
        )  # bounded: one programme per unit


CASES: dict[str, Callable] = {
    "SC001": lambda tmp: first(lambda: read_data_csv(tmp / "nowhere.csv"), "SC001"),
    "SC002": lambda tmp: first(
        lambda: read_data_csv(written(tmp, "d.csv", "uCode,a\nبغداد,1\n", "cp1256")), "SC002"
    ),
    "SC003": lambda tmp: first(lambda: read_data_csv(written(tmp, "d.csv", "code,a\nU1,1\n")), "SC003"),
    "SC004": lambda tmp: first(lambda: data(DATA.replace("| 20 |", "| 2o |")), "SC004"),
    "SC005": lambda tmp: first(lambda: data(DATA.replace("| U3    |", "| U1    |")), "SC005"),
    "SC006": lambda tmp: first(lambda: with_meta(META + "| a | 1 | P | 1 | 1 | Indicator |"), "SC006"),
    "SC007": lambda tmp: first(
        lambda: with_meta(swap("| a     | 1     | P ", "| a     | 1     | X ")), "SC007"
    ),
    "SC008": lambda tmp: first(
        lambda: with_meta(swap("| IDX   | 3     |        |", "| IDX   | 3     | P      |")), "SC008"
    ),
    "SC009": lambda tmp: first(
        lambda: with_meta(swap("| b     | 1     | P ", "| b     | 1     | a ")), "SC009"
    ),
    "SC010": lambda tmp: first(lambda: meta(swap("| Indicator |\n| b", "| Indikator |\n| b")), "SC010"),
    "SC011": lambda tmp: first(
        lambda: meta(swap("| a     | 1     | P      | 1 ", "| a     | 1     | P      | 2 ")), "SC011"
    ),
    "SC012": lambda tmp: first(
        lambda: meta(
            swap(
                "| P      | 1         | 1      | Indicator |\n| b",
                "| P      | 1         | -1     | Indicator |\n| b",
            )
        ),
        "SC012",
    ),
    "SC013": lambda tmp: first(lambda: with_meta(swap("| a     | 1     |", "| a     | 4     |")), "SC013"),
    "SC014": lambda tmp: first(lambda: with_meta(META + "| R | 2 | IDX | | 1 | Aggregate |"), "SC014"),
    "SC015": lambda tmp: first(lambda: build(recipe(), data(DATA.replace("| d  |", "| e  |"))), "SC015"),
    "SC016": lambda tmp: first(lambda: with_meta("| iCode | Type |\n| IDX | Aggregate |"), "SC016"),
    "SC017": lambda tmp: first(lambda: read_data_csv(written(tmp, "d.csv", "uCode,a\n")), "SC017"),
    "SC018": lambda tmp: first(lambda: build(recipe(normalise=Step("maxmin")), data(DATA)), "SC018"),
    "SC019": lambda tmp: first(
        lambda: build(recipe(normalise=Step("minmax", {"lo": 1})), data(DATA)), "SC019"
    ),
    "SC020": lambda tmp: first(
        lambda: build(recipe(screen=Step("availability", {"unit_min": 1.5})), data(DATA)), "SC020"
    ),
    "SC021": lambda tmp: first(
        lambda: with_meta(
            swap(
                "| a     | 1     | P      | 1         | 1 ", "| a     | 1     | P      | 1         | 0 "
            ).replace(
                "| b     | 1     | P      | 1         | 1 ", "| b     | 1     | P      | 1         | 0 "
            )
        ),
        "SC021",
    ),
    "SC022": lambda tmp: first(lambda: build(recipe(aggregate=Step("geometric")), data(DATA)), "SC022"),
    "SC023": lambda tmp: first(
        lambda: build(
            recipe(normalise=Step("zscore")),
            data(DATA.replace("| 4  |", "| 1  |").replace("| 3  |", "| 1  |").replace("| 2  |", "| 1  |")),
        ),
        "SC023",
    ),
    "SC024": lambda tmp: first(
        lambda: build(
            recipe(),
            data(DATA.replace("| 4  |", "| 1  |").replace("| 3  |", "| 1  |").replace("| 2  |", "| 1  |")),
        ),
        "SC024",
    ),
    "SC025": lambda tmp: first(lambda: build(recipe(normalise=Step("goalposts")), data(DATA)), "SC025"),
    "SC026": lambda tmp: first(
        lambda: build(
            Recipe(
                meta=(Node("a", parent="IDX", lo=5, hi=5, line=2), Node("IDX", type="Aggregate")),
                normalise=Step("goalposts"),
            ),
            data(DATA),
        ),
        "SC026",
    ),
    "SC027": lambda tmp: first(lambda: build(recipe(normalise=Step("dist2target")), data(DATA)), "SC027"),
    "SC028": lambda tmp: first(
        lambda: build(
            recipe(impute=Step("mean")),
            data(
                DATA.replace("| 1  | 4  |", "|    | 4  |")
                .replace("| 2  | 3  |", "|    | 3  |")
                .replace("| 3  | 2  |", "|    | 2  |")
                .replace("| 4  | 1  |", "|    | 1  |")
            ),
        ),
        "SC028",
    ),
    "SC029": lambda tmp: first(
        lambda: build(
            recipe(impute=Step("group_mean", {"group": "Province"})),
            data(DATA.replace("| 0  | 10 |", "|    | 10 |")),
        ),
        "SC029",
    ),
    "SC030": lambda tmp: first(
        lambda: build(recipe(weights=Step("budget", {"points": {"a": 50, "b": 40}})), data(DATA)), "SC030"
    ),
    "SC031": lambda tmp: first(
        lambda: build(
            recipe(weights=Step("pca")),
            data(DATA.replace("| 0  | 10 |", "| 0  |    |").replace("| 5  | 20 |", "| 5  |    |")),
        ),
        "SC031",
    ),
    "SC032": lambda tmp: first(
        lambda: build(
            recipe(screen=Step("availability", {"indicator_min": 1.0})),
            data(DATA.replace("| 0  | 10 | 1  | 4  |", "|    |    |    |    |")),
        ),
        "SC032",
    ),
    "SC033": lambda tmp: first(
        lambda: Recipe.from_dict({"meta": [{"iCode": "a"}], "normalize": "minmax"}, file="recipe.yaml"),
        "SC033",
    ),
    "SC034": lambda tmp: first(
        lambda: build(recipe(stages=(StageRule("gtmi", ("NOPE",)),)), data(DATA)), "SC034"
    ),
    "SC035": lambda tmp: first(
        lambda: dataset_from_responses(small_framework(), {"MoF": {"L-1": 7}}), "SC035"
    ),
    "SC036": lambda tmp: first(lambda: sensitivity(build(recipe(), data(DATA)), UncertaintySpec()), "SC036"),
    "SC037": lambda tmp: first(
        lambda: data(DATA.replace("| 20 |", "| xx |").replace("| 30 |", "| yy |")), "SC037"
    ),
    "SC038": lambda tmp: first(lambda: data(DATA.replace("| uName |", "| Time |")), "SC038"),
    "SC039": lambda tmp: first(
        lambda: Dataset.from_rows(rows(DATA.replace("| uName |", "| Time |")), time="1999"), "SC039"
    ),
    "SC040": lambda tmp: first(
        lambda: build(
            Recipe(meta=(Node("a", parent="I", denominator="people"), Node("I", type="Aggregate"))),
            Dataset.from_arrays(["U1", "U2"], ["a", "n"], [[1, 1], [2, 3]]),
        ),
        "SC040",
    ),
    "SC042": lambda tmp: first(
        lambda: analyse_uncertainty(
            build(recipe(), data(DATA)), UncertaintySpec(runs=50, aggregate=("geometric",), min_success=0.9)
        ),
        "SC042",
    ),
    "SC043": lambda tmp: first(
        lambda: sensitivity(build(recipe(), data(DATA)), UncertaintySpec(aggregate=("geometric",)), n=8),
        "SC043",
    ),
    "SC044": lambda tmp: first(
        lambda: build(
            Recipe(
                meta=(Node("a", parent="I", lo=0, hi=5), Node("I", type="Aggregate")),
                normalise=Step("goalposts", {"log": True}),
            ),
            Dataset.from_arrays(["U1", "U2"], ["a"], [[1], [2]]),
        ),
        "SC044",
    ),
    "SC045": lambda tmp: first(lambda: build(recipe(impute=Step("latest")), data(DATA)), "SC045"),
    "SC046": lambda tmp: first(lambda: data(DATA).with_denominators(data(DATA)), "SC046"),
    "SC047": lambda tmp: first(
        lambda: read_meta_csv(written(tmp, "IndMeta.csv", "IndCode,Agg_Pillar\na,P\n")), "SC047"
    ),
    "SC050": lambda tmp: first(lambda: build(recipe(impute=Step("linear")), data(DATA)), "SC050"),
    "SC051": lambda tmp: first(
        lambda: build(
            recipe(impute=Step("linear")),
            Dataset.from_rows(rows(DATA.replace("| uName |", "| Time |")), time="One"),
        ),
        "SC051",
    ),
    "SC052": lambda tmp: first(
        lambda: analyse_uncertainty(build(recipe(), data(DATA)), UncertaintySpec(runs=5, aggregate=("bod",))),
        "SC052",
    ),
    "SC053": lambda tmp: first(solver_fails, "SC053"),
    "SC048": lambda tmp: first(
        lambda: build(recipe(screen=Step("availability", {"force_include": ["ZZ"]})), data(DATA)), "SC048"
    ),
    "SC049": lambda tmp: first(
        lambda: build(
            recipe(),
            Dataset.from_rows([{**r, "e": "1"} for r in rows(DATA)], file="data.csv", roles={}),
        ),
        "SC049",
    ),
    "SC041": lambda tmp: first(
        lambda: build(
            Recipe(meta=(Node("a", parent="I", denominator="n"), Node("I", type="Aggregate"))),
            Dataset.from_arrays(["U1", "U2"], ["a", "n"], [[1, 0], [2, 3]]),
        ),
        "SC041",
    ),
}

WARNINGS: dict[str, Callable] = {
    "SC101": lambda: warning(
        build(
            recipe(normalise=Step("rank")),
            Dataset.from_arrays(
                ["U1", "U2"], ["a", "b", "c", "d", "extra"], [[0, 1, 2, 3, 4], [1, 2, 3, 4, 5]]
            ),
        ),
        "SC101",
    ),
    "SC102": lambda: warning(
        build(
            recipe(normalise=Step("rank"), screen=Step("availability", {"unit_min": 0.9})),
            data(DATA.replace("| 0  | 10 |", "|    | 10 |")),
        ),
        "SC102",
    ),
    "SC103": lambda: warning(
        build(
            recipe(normalise=Step("rank"), screen=Step("availability", {"indicator_min": 0.9})),
            data(DATA.replace("| 0  | 10 |", "|    | 10 |")),
        ),
        "SC103",
    ),
    "SC104": lambda: warning(
        build(
            Recipe(
                meta=(Node("x", parent="IDX"), Node("IDX", type="Aggregate")),
                treat=Step("winsorise", {"winmax": 1}),
            ),
            Dataset.from_arrays([f"U{i}" for i in range(23)], ["x"], [[1]] * 20 + [[100], [1000], [10000]]),
        ),
        "SC104",
    ),
    "SC105": lambda: warning(
        build(
            Recipe(meta=(*meta(META), Node("e", line=9)), normalise=Step("rank")),
            Dataset.from_arrays(["U1", "U2"], ["a", "b", "c", "d", "e"], [[0, 1, 2, 3, 4], [1, 2, 3, 4, 5]]),
        ),
        "SC105",
    ),
    "SC106": lambda: warning(
        build(
            recipe(impute=Step("group_mean", {"group": "Region"})),
            data(DATA.replace("| 10 | 1  |", "| 10 |    |").replace("| 20 | 2  |", "| 20 |    |")),
        ),
        "SC106",
    ),
    "SC107": lambda: dataset_from_responses(small_framework(), {"MoF": {"XX-9": 3}}).warnings[0],
    "SC109": lambda: analyse_uncertainty(
        build(recipe(), data(DATA)), UncertaintySpec(runs=50, weight_noise=0.1, aggregate=("geometric",))
    ).warnings[0],
    "SC110": lambda: warning(
        build(
            Recipe(
                meta=(Node("a", parent="I", denominator="n"), Node("I", type="Aggregate")),
                denominate=Step("none"),
            ),
            Dataset.from_arrays(["U1", "U2"], ["a", "n"], [[1, 1], [2, 3]]),
        ),
        "SC110",
    ),
    "SC111": lambda: warning(
        build(
            recipe(
                normalise=Step("rank"),
                screen=Step("availability", {"unit_screen": "zeros", "nonzero_min": 0.5}),
            ),
            data(DATA.replace("| 10 | 1  | 4  |", "| 0  | 0  | 0  |")),
        ),
        "SC111",
    ),
    "SC112": lambda: warning(
        build(
            Recipe(meta=(Node("a", parent="I", denominator="n"), Node("I", type="Aggregate"))),
            Dataset.from_arrays(["U1", "U2", "U3"], ["a", "n"], [[1, float("nan")], [2, 3], [3, 4]]),
        ),
        "SC112",
    ),
}


def test_every_code_of_the_catalogue_has_a_case():
    assert {c.id for c in E.ALL} == set(CASES) | set(WARNINGS)


@pytest.mark.parametrize("code", sorted(CASES))
def test_each_error_is_raised_located_and_translated(code, tmp_path):
    p = CASES[code](tmp_path)
    assert p.code.id == code and p.severity.value == "error"
    assert p.message("ar") != p.message("en") and p.message("ckb") != p.message("en")
    assert "{" not in p.message("en") and "{" not in p.message("ar") and "{" not in p.message("ckb")


@pytest.mark.parametrize("code", sorted(WARNINGS))
def test_each_warning_is_reported_without_stopping_the_build(code):
    p = WARNINGS[code]()
    assert p.code.id == code and p.severity.value == "warning"
    assert "{" not in p.message("ar")


def test_a_bad_cell_is_located_by_file_row_and_column():
    p = first(lambda: data(DATA.replace("| 20 |", "| 2o |")), "SC004")
    assert (p.location.file, p.location.line, p.location.column) == ("data.csv", 3, "b")
    assert p.render("ar") == "[SC004] data.csv، السطر 3، العمود b: القيمة '2o' ليست رقماً."


def test_a_duplicate_unit_names_the_first_row():
    p = first(lambda: data(DATA.replace("| U3    |", "| U1    |")), "SC005")
    assert p.location.line == 4 and p.params["first"] == 2


def test_a_metadata_problem_points_at_the_metadata_row_and_column():
    p = first(lambda: with_meta(swap("| a     | 1     | P ", "| a     | 1     | X ")), "SC007")
    assert (p.location.file, p.location.line, p.location.column) == ("meta.csv", 2, "Parent")


def test_a_cycle_is_named():
    p = first(lambda: with_meta(swap("| IDX   | 3     |        |", "| IDX   | 3     | P      |")), "SC008")
    assert p.params["cycle"]["en"] in ("P (line 6) → IDX (line 8) → P", "IDX (line 8) → P (line 6) → IDX")
    assert "السطر 6" in p.message("ar") and "Parent" in p.message("ckb")


def test_zero_weights_name_the_lines_of_the_children():
    p = first(
        lambda: with_meta(
            swap(
                "| c     | 1     | Q      | 1         | 1 ", "| c     | 1     | Q      | 1         | 0 "
            ).replace(
                "| d     | 1     | Q      | -1        | 1 ", "| d     | 1     | Q      | -1        | 0 "
            )
        ),
        "SC021",
    )
    assert (
        p.params["code"] == "Q" and p.location.line == 7
    )  # the parent's line, and the children's in the text
    assert "c (line 4), d (line 5)" in p.message("en") and "السطر 4" in p.message("ar")


def test_zero_values_in_a_geometric_mean_name_the_unit_and_the_indicator():
    p = first(lambda: build(recipe(aggregate=Step("geometric")), data(DATA)), "SC022")
    assert (p.params["unit"], p.params["child"], p.location.line, p.location.column) == ("U1", "a", 2, "a")


def test_a_recipe_file_problem_is_located_by_path():
    p = first(
        lambda: Recipe.from_dict(
            {"meta": [{"iCode": "a"}], "aggregate": {"method": "median"}}, file="recipe.yaml"
        ),
        "SC018",
    )
    assert (p.location.file, p.location.path) == ("recipe.yaml", "aggregate")


def test_rows_helper_reads_empty_cells_as_empty():
    assert rows("| a | b |\n| 1 |   |") == [{"a": "1", "b": ""}]
