"""A country's defaults are data: read from its file, overridden by a round, refused with located messages."""

import pytest

from raqmana.frameworks.packs import DEFAULT_PACK
from raqmana.pipeline import RoundOptions, country_for, find_country, load_country
from raqmana.pipeline.country import countries
from raqmana.problems import ProblemsError

SECOND = """\
iso3: JOR
name: {en: Jordan, ar: الأردن, ckb: ئوردن}
lead_institution: modee
peers: [EGY, SAU]
target_stage: 2
planning: {start_year: 2028, horizon_quarters: 16, capacity_per_owner: 2}
"""


def test_the_default_packs_country_file_gives_every_default():
    country = country_for(DEFAULT_PACK)
    assert country.iso3 and len(country.iso3) == 3 and not country.name.missing()
    assert country.lead_institution and country.currency == "USD" and 0 <= country.target_stage <= 5
    assert country.planning.horizon_quarters >= 1 and country.planning.capacity_per_owner >= 1
    assert countries()[country.iso3] == country and find_country(country.iso3.lower()) == country


def test_a_framework_without_a_country_file_uses_the_default_packs_country():
    assert country_for("egdi") == country_for(DEFAULT_PACK)


def test_a_round_overrides_only_what_it_sets():
    country = country_for(DEFAULT_PACK)
    planning = RoundOptions(horizon_quarters=8).planning(country)
    assert planning.horizon_quarters == 8
    assert (planning.start_year, planning.capacity_per_owner) == (
        country.planning.start_year,
        country.planning.capacity_per_owner,
    )
    assert (
        RoundOptions().target(country) == country.target_stage
        and RoundOptions(target_stage=0).target(country) == 0
    )


def test_a_second_country_is_a_data_file(tmp_path):
    path = tmp_path / "country.yaml"
    path.write_text(SECOND, encoding="utf-8")
    country = find_country(str(path))
    assert (country.iso3, country.name.ar, country.peers) == ("JOR", "الأردن", ("EGY", "SAU"))
    assert (country.planning.start_year, country.planning.start_quarter) == (2028, 1)


def test_a_bad_field_is_refused_with_its_line_in_the_readers_language(tmp_path):
    path = tmp_path / "country.yaml"
    path.write_text(SECOND.replace("capacity_per_owner: 2", "capacity_per_owner: 0"), encoding="utf-8")
    with pytest.raises(ProblemsError) as exc:
        load_country(path)
    [problem] = exc.value.problems
    assert problem.code.id == "PL003" and problem.location.line == 6
    assert problem.location.path == "planning.capacity_per_owner"
    assert "line 6" in problem.render("en") and "(got 0)" in problem.message("en")
    assert "السطر 6" in problem.render("ar") and "أكثر" in problem.message("ar")


def test_broken_yaml_and_unknown_countries_are_located_problems(tmp_path):
    path = tmp_path / "country.yaml"
    path.write_text("iso3: [JOR\n", encoding="utf-8")
    with pytest.raises(ProblemsError) as exc:
        load_country(path)
    assert exc.value.problems[0].code.id == "PL002" and exc.value.problems[0].location.line
    with pytest.raises(ProblemsError) as exc:
        find_country("ZZZ")
    assert exc.value.problems[0].code.id == "PL004"
    with pytest.raises(ProblemsError) as exc:
        find_country(str(tmp_path / "missing.yaml"))
    assert exc.value.problems[0].code.id == "PL001"


def test_the_workspace_setting_chooses_the_country_of_every_round(tmp_path):
    from raqmana.workspace.exceptions import ValidationFailed
    from raqmana.workspace.results import round_country

    path = tmp_path / "country.yaml"
    path.write_text(SECOND, encoding="utf-8")
    assert round_country("", DEFAULT_PACK) == country_for(DEFAULT_PACK)
    assert round_country(str(path), DEFAULT_PACK).iso3 == "JOR"
    with pytest.raises(ValidationFailed) as exc:
        round_country("ZZZ", DEFAULT_PACK)
    assert exc.value.problems[0].code.id == "PL004"
