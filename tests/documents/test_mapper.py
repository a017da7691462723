"""Passages → SDG goals and targets: the multilingual sentence model plus keyword rules."""

from __future__ import annotations

import pytest

from raqmana.documents.mapper import Mapper


@pytest.fixture(scope="module")
def mapper() -> Mapper:
    return Mapper()


def test_it_maps_arabic_and_english_passages_to_goals_and_targets(mapper: Mapper) -> None:
    water, poverty, data_law, meeting = mapper.classify(
        [
            "ضمان حصول الجميع على المياه الصالحة للشرب وخدمات الصرف الصحي في المحافظات",
            "The plan aims to end poverty and extend social protection to poor households.",
            "تنشأ هيئة وطنية لحماية البيانات الشخصية وضمان حق الحصول على المعلومات وتعزيز الشفافية",
            "The meeting will be held on Monday at 10 am in room 4.",
        ]
    )
    assert water.sdgs == [6] and "6.1" in water.targets
    assert poverty.sdgs == [1] and poverty.targets[0].startswith("1.")
    assert 16 in data_law.sdgs and any(t.startswith("16.") for t in data_law.targets)
    assert meeting.sdgs == [] and meeting.targets == []
    assert sorted(water.scores, key=int) == [str(g) for g in range(1, 18)]
    assert all(0.0 <= s <= 1.0 for s in water.scores.values())


def test_keyword_rules_alone_read_sorani_and_arabic_with_prefixes() -> None:
    rules = Mapper(use_model=False)
    sorani, arabic, none = rules.classify(
        [
            "پەروەردەی باش بۆ ھەموو قوتابییەکان و قوتابخانەکان",
            "وبالتعليم والمدارس الحكومية",
            "جدول أعمال الاجتماع",
        ]
    )
    assert sorani.sdgs == [4]
    assert arabic.sdgs == [4]
    assert none.sdgs == []
    assert rules.version.endswith("/keywords")
