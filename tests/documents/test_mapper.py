"""Passages → SDG goals and targets: the multilingual sentence model plus keyword rules."""

from __future__ import annotations

import pytest

from raqmana.documents.arabic import normalise
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


def test_sorani_keywords_match_whichever_heh_the_text_is_written_with():
    from raqmana.documents.sdg import keyword_hits

    written_with_sorani_heh = normalise("ھەژاری لە گوندەکان")  # U+06BE, as Sorani keyboards write it
    written_with_arabic_heh = normalise("هەژاری لە گوندەکان")  # U+0647, as many Kurdish sites write it
    assert (
        keyword_hits(written_with_sorani_heh).get("1") == keyword_hits(written_with_arabic_heh).get("1") == 1
    )


def test_kurdish_passages_get_the_keyword_rules_the_sentence_model_lacks_for_them():
    from raqmana.documents.analyse import shared_mapper

    text = "حکومەت بەرنامەیەکی پاراستنی کۆمەڵایەتی دادەنێت بۆ کەمکردنەوەی ھەژاری لە خێزانە ھەژارەکاندا."
    (c,) = shared_mapper().classify([text])
    assert c.sdgs == [1] and c.targets == []  # no target without the model


def test_each_goal_has_its_own_words_from_its_target_texts() -> None:
    from raqmana.documents.sdg import stem, target_term_weights, target_terms

    terms = target_terms()
    assert stem("sanitation") in terms["6"] and stem("الصرف") in terms["6"]
    # a word most goals use says nothing about one of them
    assert not any(stem("sustainable") in words for words in terms.values())
    found = target_term_weights(normalise("Wastewater treatment and sanitation for every village"))
    assert max(found, key=lambda g: found[g]) == "6"


def test_a_goals_own_words_raise_its_score_by_the_passages_language() -> None:
    from raqmana.documents.mapper import TERM_SATURATION, TERM_WEIGHTS

    passages = [
        "Untreated wastewater is discharged into rivers and lakes.",
        "معالجة مياه الصرف الصحي في كل قرية",
    ]
    # without the supervised head, whose share would take these passages' goal 6 to the cap of 1
    without = Mapper(term_weights=dict.fromkeys(TERM_WEIGHTS, 0.0), use_head=False).classify(passages)
    with_words = Mapper(use_head=False).classify(passages)
    for lang, a, b in zip(("en", "ar"), without, with_words, strict=True):
        assert TERM_WEIGHTS[lang] > 0
        assert b.scores["6"] > a.scores["6"]
        assert b.scores["6"] - a.scores["6"] <= TERM_WEIGHTS[lang] + 1e-9
    assert TERM_SATURATION > 0
