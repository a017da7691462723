"""Staleness against the publisher's cycle, and peer groups for a country."""

from datetime import date

import pytest

from raqmana.indices import load_dataset, peer_groups, peer_table, staleness, standing
from raqmana.pipeline import find_country
from raqmana.problems import ProblemsError

IRAQ_PEERS = find_country("IRQ").peers  # the chosen peers of Iraq's country file


def test_an_edition_is_stale_once_the_next_one_is_overdue(data_dir):
    egdi = load_dataset("egdi", data_dir=data_dir)
    assert not staleness(egdi, today=date(2026, 6, 1)).stale  # the 2026 survey is due this year
    late = staleness(egdi, today=date(2027, 1, 1))
    assert late.stale and late.age_years == 3 and late.expected_next == 2026
    warning = late.problem(egdi.spec.name.model_dump(), egdi.spec.publisher)
    assert warning is not None and warning.code.id == "IX102"
    assert "2024" in warning.message("ar") and "2024" in warning.message("ckb")


def test_the_2021_ncsi_snapshot_is_stale_by_2026(data_dir):
    st = staleness(load_dataset("ncsi", data_dir=data_dir), today=date(2026, 1, 1))
    assert st.stale and st.latest == "2021-09" and st.age_years == 5


def test_a_dataset_without_editions_is_not_stale(data_dir):
    assert not staleness(load_dataset("gci", data_dir=data_dir)).stale


def test_iraq_has_arab_income_and_chosen_peers():
    g = peer_groups("IRQ", IRAQ_PEERS)
    assert g.income_group == "UMIC"
    assert g.groups["chosen"] == ("JOR", "SAU", "ARE", "EGY", "EST")
    assert len(g.groups["arab_states"]) == 21 and "IRQ" not in g.groups["arab_states"]
    assert "JOR" in g.groups["income"] and "SAU" not in g.groups["income"]
    assert peer_groups("Iraq", ["EST", "Finland"]).groups["chosen"] == ("EST", "FIN")


def test_a_non_arab_country_has_no_arab_peer_group():
    g = peer_groups("EST")
    assert "arab_states" not in g.groups and "chosen" not in g.groups and g.income_group == "HIC"


def test_an_unknown_country_is_a_located_problem():
    with pytest.raises(ProblemsError) as exc:
        peer_groups("Atlantis")
    assert exc.value.problems[0].code.id == "IX015"


def test_standing_compares_iraq_with_its_peers(data_dir):
    st = standing(load_dataset("egdi", data_dir=data_dir), peer_groups("IRQ", IRAQ_PEERS))
    assert st is not None and st.edition == "2024" and st.rank == 148 and st.count == 193
    assert st.peers["EST"] == pytest.approx(0.9727, abs=1e-4)
    assert st.medians["chosen"] == pytest.approx(
        0.9533, abs=1e-4
    )  # median of 0.6849, 0.6699, 0.9602, 0.9533, 0.9727
    assert st.medians["arab_states"] is not None and st.medians["arab_states"] > st.value


def test_peer_table_covers_the_three_default_indices(data_dir):
    table = peer_table("IRQ", chosen=IRAQ_PEERS, data_dir=data_dir)
    assert set(table["indices"]) == {"egdi", "gtmi", "ncsi"}
    assert table["indices"]["ncsi"]["value"] is None  # not covered, but the peers are
    assert table["indices"]["ncsi"]["peers"]["EST"] == 90.91
