"""A refused form names its fields as the form labels them, in the reader's language, not by their HTML names."""

from __future__ import annotations

import pytest

from raqmana.i18n import gettext
from raqmana.web.fields import IN_LANGUAGE, LABELS, label


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_every_label_is_translated(lang):
    untranslated = [m for m in [*LABELS.values(), *IN_LANGUAGE.values()] if gettext(lang, m) == m]
    assert untranslated == []


def test_a_field_written_per_language_is_named_by_its_label_and_the_language():
    assert label("title_ar", "ar") == "العنوان بالعربية"
    assert label("summary_en", "en") == "Description in English"
    assert label("title_xx", "en") == "title_xx"  # no language of raqmana: the name as it is
    assert label("unheard_of", "ar") == "unheard_of"


def test_an_empty_consultation_form_names_its_missing_fields_in_arabic(as_user):
    focal = as_user("focal")
    r = focal.post(
        "/consultations/new?lang=ar",
        data={"csrf_token": focal.csrf("/consultations/new"), "title_en": "x" * 5000},
    )
    assert r.status_code == 422
    for name in ("opens_on", "closes_on", "«owner»", "title_en"):
        assert name not in r.text, name
    assert "تُفتح في" in r.text and "العنوان بالإنجليزية" in r.text
