"""Peer benchmark and diagnostics from the bundled indices; SDG entry points from crosswalks."""

import pytest

from raqmana.analysis import diagnose, peer_benchmark, sdg_entry_points
from raqmana.indices import peer_groups
from raqmana.pipeline import find_country

IRAQ_PEERS = find_country("IRQ").peers  # the chosen peers of Iraq's country file


def test_iraqs_binding_constraints_are_osi_and_epi_not_tii(tmp_path):
    d = diagnose("IRQ", groups=peer_groups("IRQ", IRAQ_PEERS), data_dir=tmp_path)
    assert d.edition == "2024"
    assert d.binding == ["OSI", "EPI"]
    assert d.not_binding == ["TII"]
    assert d.intermediate == ["HCI"]
    osi = next(c for c in d.components if c.component == "osi")
    assert osi.rank == 180 and osi.z < -1 and osi.peer_median == pytest.approx(0.9163, abs=1e-4)
    assert d.statement.en.startswith("Iraq's binding constraints in EGDI 2024 are OSI and EPI, not TII")
    assert "العراق" in d.statement.ar and "عێراق" in d.statement.ckb


def test_a_diagnosis_of_an_earlier_edition(tmp_path):
    d = diagnose("IRQ", edition="2022", data_dir=tmp_path)
    assert d.binding == ["OSI"] and "TII" in d.not_binding


def test_peer_benchmark_has_trend_peers_and_diagnoses(tmp_path):
    pb = peer_benchmark("IRQ", peers=IRAQ_PEERS, data_dir=tmp_path)
    egdi = pb.indices["egdi"]
    assert [e for e, _ in egdi.trend] == ["2010", "2012", "2014", "2016", "2018", "2020", "2022", "2024"]
    assert egdi.value == pytest.approx(0.4572, abs=1e-4) and egdi.rank == 148
    assert set(egdi.peers) == {"JOR", "SAU", "ARE", "EGY", "EST"}
    assert egdi.components["osi"][-1][1] == pytest.approx(0.1876, abs=1e-4)
    gtmi = pb.indices["gtmi"]
    assert [v for _, v in gtmi.trend] == pytest.approx([0.186, 0.208, 0.464], abs=1e-3)
    assert pb.indices["ncsi"].value is None and pb.indices["ncsi"].peers["EST"] == 90.91
    assert pb.indices["undp-ddc"].value == 3.19
    assert pb.diagnoses["egdi"].binding == ["OSI", "EPI"]
    data = pb.to_dict("ar")
    assert data["country"]["name"] == "العراق" and data["diagnoses"]["egdi"]["binding"] == ["OSI", "EPI"]


def test_sdg_entry_points_of_the_weakest_indicators(framework):
    scores = {
        "LEG-01": 0.5,
        "LEG-02": 3.0,
        "DAT-01": 1.0,
        "DAT-02": 4.0,
        "SRV-01": 1.5,
        "PAR-01": 4.5,
        "NOPE": 0.0,
    }
    points = sdg_entry_points(scores, framework, weakest=3)  # LEG-01, DAT-01, SRV-01
    assert [(p.target, p.indicators) for p in points] == [
        ("16.6", ("DAT-01", "SRV-01")),
        ("16.10", ("LEG-01",)),
        ("17.18", ("DAT-01",)),
    ]
    first = points[0]
    assert first.mean_score == pytest.approx(1.25) and first.goal == "16"
    assert "accountable" in first.text.en and first.text.ar and first.label.ckb
    below = sdg_entry_points(scores, framework, below=1.0)
    assert [p.target for p in below] == ["16.10"]


def test_analyse_runs_the_whole_analysis_in_one_call(framework, tmp_path):
    from raqmana.analysis import Institution, analyse

    scores = {"moh": {"LEG": 1.0, "DAT": 2.0, "SRV": 3.0}, "gov-basra": {"LEG": 0.0, "DAT": 1.0, "SRV": 2.0}}
    meta = {
        "moh": Institution("moh", "ministry", "Baghdad"),
        "gov-basra": Institution("gov-basra", "governorate", "Basra"),
    }
    result = analyse(
        framework,
        scores,
        meta,
        indicator_scores={"moh": {"LEG-01": 0.5}},
        country="IRQ",
        peers=IRAQ_PEERS,
        data_dir=tmp_path,
    )
    assert result.national == {"LEG": 0.5, "DAT": 1.5, "SRV": 2.5}
    assert result.constraints.binding == ["LEG", "DAT"]
    assert result.divide.dimension("type").furthest_behind == ["governorate"]
    assert [e.target for e in result.sdg] == ["16.10"]
    data = result.to_dict("ckb")
    assert data["benchmark"]["diagnoses"]["egdi"]["binding"] == ["OSI", "EPI"]
    assert analyse(framework, scores, meta, country=None).benchmark is None
