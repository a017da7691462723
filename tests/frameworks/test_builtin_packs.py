"""The built-in packs are complete: they validate, and every text is there in ar, ckb and en."""

import pytest

from raqmana.frameworks import AnswerType, load, pack_ids
from raqmana.frameworks.export import write

PACKS = pack_ids()


@pytest.mark.parametrize("pack", PACKS)
def test_every_builtin_pack_validates_without_errors(pack):
    result = load(pack)
    assert result.framework is not None, [p.render() for p in result.problems[:5]]
    assert result.errors == [], [p.render() for p in result.errors[:10]]


def test_the_default_pack_covers_the_assessment_enablers():
    fw = load("iraq-dla").framework
    assert fw is not None
    ids = {p.id for p in fw.pillars}
    assert {"POL", "INS", "LEG", "FIN", "DAT", "IDS", "SRV", "CYB", "SKL", "PAR", "INF", "COP"} <= ids
    assert len(fw.pillars) >= 12
    assert len(fw.indicators()) >= 60
    for pillar in fw.pillars:
        assert sum(len(s.indicators) for s in pillar.sub_areas) >= 4, pillar.id


def test_every_default_ladder_has_five_evidenced_stages_in_three_languages():
    fw = load("iraq-dla").framework
    for ind in fw.indicators():
        if ind.answer_type is not AnswerType.LADDER:
            continue
        stages = {s.stage: s for s in ind.stages}
        assert set(range(1, 6)) <= set(stages), ind.id
        for s in range(1, 6):
            assert stages[s].descriptor.missing() == [], (ind.id, s)
            assert stages[s].evidence.missing() == [], (ind.id, s)
        for text in (ind.name, ind.question):
            assert text.missing() == [], ind.id


def test_default_pack_indicators_serve_sdg_targets():
    fw = load("iraq-dla").framework
    targets = {t for ind in fw.indicators() for t in ind.crosswalk.sdg}
    assert {"16.6", "16.7", "16.9", "16.10", "9.c", "4.4", "5.b", "17.8"} <= targets


@pytest.mark.parametrize("pack", PACKS)
def test_xlsx_round_trip_is_lossless(pack, tmp_path):
    fw = load(pack).framework
    path = write(fw, tmp_path / f"{pack}.xlsx")
    back = load(path)
    assert back.errors == [], [p.render() for p in back.errors[:5]]
    assert back.framework == fw


@pytest.mark.parametrize("pack", PACKS)
def test_yaml_export_reloads_to_the_same_framework(pack, tmp_path):
    fw = load(pack).framework
    assert load(write(fw, tmp_path / "framework.yaml")).framework == fw
