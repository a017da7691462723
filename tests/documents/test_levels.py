"""The level a passage speaks for (a national instrument or one institution's own text) and the level of
each framework indicator."""

from __future__ import annotations

from raqmana.documents.indicators import _framework, _indicators
from raqmana.documents.levels import cues, indicator_level, passage_level


def test_the_framework_says_which_indicators_are_answered_for_the_country() -> None:
    levels = {i.id: indicator_level(i) for i in _indicators(_framework("iraq-dla"))}
    assert levels["LEG-01"] == levels["IDS-05"] == levels["CYB-01"] == 1
    assert levels["LEG-04"] == levels["IDS-06"] == levels["CYB-04"] == -1


def test_words_of_legislation_mark_a_national_text_in_arabic_english_and_sorani() -> None:
    assert cues("تنشأ بموجب هذا القانون هيئة وطنية للأمن السيبراني")[0] >= 2
    assert cues("This Law shall enter into force on the date of its publication.")[0] >= 2
    assert cues("ئەم یاسایە لە ڕۆژی بڵاوکردنەوەی جێبەجێ دەکرێت")[0] >= 1
    assert passage_level("يسري هذا القانون على جميع الوزارات والجهات غير المرتبطة بوزارة") > 0


def test_words_of_one_institution_mark_its_own_text() -> None:
    assert passage_level("تقبل الوزارة الطلبات الموقعة إلكترونياً في جميع معاملاتها") < 0
    assert passage_level("Our staff completed the training this year.") < 0


def test_the_place_a_document_is_filed_counts_and_nothing_tells_nothing() -> None:
    meeting = "The meeting will be held on Monday."
    assert passage_level(meeting) == 0.0
    assert passage_level(meeting, "library") == 1.0
    assert passage_level(meeting, "institution") == -1.0
    # a law quoted in an institution's document weighs against the place it is filed in
    assert passage_level("This Law shall apply to every ministry.", "institution") > -1.0
