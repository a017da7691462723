"""A refused KPI figure names its fields as the KPI form labels them, in the reader's language: "القيمة",
not "value", and "Quarter" (the form's word), not "Period" (a round's). Problems located in an uploaded file keep the column's name, which is what the file says."""

from __future__ import annotations

import pytest

from raqmana.i18n import gettext
from raqmana.metrics import errors as E
from raqmana.problems import Location, Problem
from raqmana.web.errors import form_labels


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_a_figure_without_its_values_names_the_form_s_labels(as_user, lang):
    focal = as_user("focal")
    r = focal.post(
        f"/kpis/observations?lang={lang}",
        data={
            "csrf_token": focal.csrf("/kpis"),
            "kpi": " ",
            "period": " ",
            "value": " ",
            "unit": "count",
            "institution": "mofa",
        },
    )
    assert r.status_code == 422, r.text[:500]
    messages = [
        E.REQUIRED.template(lang).replace("{field}", gettext(lang, m)) for m in ("KPI", "Quarter", "Value")
    ]
    for m in messages:
        assert m in r.text, m
    for raw in ("kpi", "period", "value", gettext(lang, "Period")):
        assert E.REQUIRED.template(lang).replace("{field}", raw) not in r.text, raw
    assert f"<bdi>{gettext(lang, 'Quarter')}</bdi>:" in r.text
    assert f"<bdi>{gettext(lang, 'Period')}</bdi>:" not in r.text


def test_a_round_s_period_keeps_its_own_label():
    """The word belongs to the KPI form: elsewhere a field named "period" is still the round's period."""
    problem = Problem(E.REQUIRED, Location(field="period"), {"field": "period"})
    for lang in ("en", "ar", "ckb"):
        assert form_labels([problem])[0].message(lang) == E.REQUIRED.template(lang).format(
            field=gettext(lang, "Period")
        )
        assert form_labels([problem], "/kpis/observations")[0].message(lang) == E.REQUIRED.template(
            lang
        ).format(field=gettext(lang, "Quarter"))


def test_a_problem_in_a_file_keeps_the_column_s_name():
    in_file = Problem(E.REQUIRED, Location(file="kpis.csv", line=3, column="value"), {"field": "value"})
    in_form = Problem(E.REQUIRED, Location(field="value"), {"field": "value"})
    assert form_labels([in_file])[0].message("ar") == E.REQUIRED.template("ar").format(field="value")
    assert form_labels([in_form])[0].message("ar") == E.REQUIRED.template("ar").format(
        field=gettext("ar", "Value")
    )


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_the_quarter_is_typed_left_to_right_as_its_example_reads(as_user, lang):
    """The quarter is a code ("2026-Q1"): its field is left to right, so the example does not show as
    "Q1-2026" in a right-to-left page."""
    import re

    page = as_user("focal").get(f"/kpis/transactions?lang={lang}").text
    field = re.search(r'<input[^>]*id="o-period"[^>]*>', page)
    assert field and 'dir="ltr"' in field.group(0) and 'placeholder="2026-Q1"' in field.group(0)


def test_a_field_already_in_words_is_kept(as_user):
    """A use case may name the field in every language itself (a dict): it is kept as it is, never looked up
    as a raw name (the JSON API's round without a period was a server error)."""
    words = {"en": "Period", "ar": "الفترة", "ckb": "ماوە"}
    problem = Problem(E.REQUIRED, Location(field="period"), {"field": words})
    assert form_labels([problem], "/kpis/observations")[0].params["field"] == words
    coord = as_user("coord")
    r = coord.post(
        "/api/v1/assessments",
        json={"framework_version_id": 1, "name": {"en": "R"}, "period": " ", "institution_codes": ["mofa"]},
        headers={"X-CSRF-Token": coord.csrf("/")},
    )
    assert r.status_code == 422, r.text[:300]
