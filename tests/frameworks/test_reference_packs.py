"""The reference packs (gtmi, egdi, undp-dtf, govstack, sdg) load cleanly and match their sources."""

import subprocess
import sys
from pathlib import Path

import pytest

from raqmana.frameworks import load
from raqmana.frameworks.crosswalk import GOVSTACK_BLOCKS, sdg_targets, undp_dtf_ids

REFERENCE = ["gtmi", "egdi", "undp-dtf", "govstack", "sdg"]
ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("pack", REFERENCE)
def test_every_reference_pack_loads_with_zero_errors(pack):
    result = load(pack)
    assert result.framework is not None, [p.render() for p in result.problems[:5]]
    assert result.errors == [], [p.render() for p in result.errors[:10]]
    assert result.framework.kind == "reference"
    assert result.framework.id == pack


def test_gtmi_has_48_indicators_in_its_four_sub_indices():
    fw = load("gtmi").framework
    counts = {p.id: sum(len(s.indicators) for s in p.sub_areas) for p in fw.pillars}
    assert counts == {"CGSI": 17, "PSDI": 9, "DCEI": 6, "GTEI": 16}
    assert [i.id for i in fw.indicators()] == [f"I-{n}" for n in range(1, 49)]
    assert "I-27" in fw.description.en and "verify" in fw.description.en


def test_egdi_is_osi_tii_hci_with_epi_beside_it():
    fw = load("egdi").framework
    weights = {p.id: p.weight for p in fw.pillars}
    assert weights == {"OSI": 1.0, "TII": 1.0, "HCI": 1.0, "EPI": 0.0}
    assert all(i.crosswalk.egdi == [fw.pillar_of(i.id).id] for i in fw.indicators())


def test_undp_dtf_ids_are_the_crosswalk_ids():
    fw = load("undp-dtf").framework
    pillar_ids = {p.id for p in fw.pillars}
    sub_ids = {s.id for p in fw.pillars for s in p.sub_areas if not s.id.endswith(".overall")}
    assert pillar_ids | sub_ids == set(undp_dtf_ids())
    for ind in fw.indicators():
        assert [s.stage for s in ind.stages] == [1, 2, 3, 4, 5]
        assert all(s.descriptor.missing() == [] for s in ind.stages)
    gov = fw.indicator("government.digital-public-services.stage")
    assert gov.stages[0].descriptor.en == "Services are done in paper form"
    assert [sl.label.en for sl in fw.stage_labels] == [
        "Basic",
        "Opportunistic",
        "Systematic",
        "Differentiating",
        "Transformational",
    ]


def test_govstack_blocks_have_the_crosswalk_ids():
    fw = load("govstack").framework
    assert [c.id for c in fw.catalogue] == list(GOVSTACK_BLOCKS)
    assert all(c.name.missing() == [] for c in fw.catalogue)


def test_sdg_has_17_goals_and_169_targets():
    fw = load("sdg").framework
    goals = [c for c in fw.catalogue if c.kind == "goal"]
    targets = [c for c in fw.catalogue if c.kind == "target"]
    assert len(goals) == 17 and len(targets) == 169
    assert {c.id for c in targets} == set(sdg_targets())
    assert all(g.name.missing() == [] for g in goals)
    t166 = next(c for c in targets if c.id == "16.6")
    assert t166.parent == "16" and "accountable" in t166.description.en and t166.description.ar
    assert "proposed" in fw.description.en


def test_the_generated_packs_are_up_to_date():
    script = ROOT / "tools" / "build_reference_packs.py"
    assert script.is_file(), script
    result = subprocess.run(
        [sys.executable, str(script), "--check"], capture_output=True, text=True, cwd=ROOT
    )
    assert result.returncode == 0, result.stdout + result.stderr
