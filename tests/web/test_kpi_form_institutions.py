"""The KPI figure form offers the institutions the person may report for, by name in the reader's language
(and "the whole country" to those who report national figures); nobody types an institution's code. A code
that names no institution is a problem located on the form's field, not a missing page."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select

from raqmana.i18n import gettext
from raqmana.metrics import errors as M
from raqmana.store.models import KpiObservation, Organisation

KPI = "/kpis/SRV-R01-K1"


def _choices(page: str) -> list[tuple[str, str]] | None:
    """The (value, text) of the figure form's institution choices; None when the form has none."""
    field = re.search(r'<select [^>]*name="institution"[^>]*>(.*?)</select>', page, re.S)
    if field is None:
        return None
    return re.findall(r'<option value="([^"]*)">([^<]*)</option>', field.group(1))


def _names(world, lang: str) -> dict[str, str]:
    with world.ws.reader() as s:
        return {o.code: getattr(o, f"name_{lang}") for o in s.scalars(select(Organisation))}


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_a_focal_point_chooses_among_its_own_institutions_by_name(as_user, world, lang):
    page = as_user("focal").get(f"{KPI}?lang={lang}").text  # focal point of mofa
    choices = _choices(page)
    assert choices == [("mofa", _names(world, lang)["mofa"])]
    field = re.search(r'<select [^>]*name="institution"[^>]*>', page)
    assert field and "required" in field.group(0)  # no empty choice: a focal point reports no national figure
    assert gettext(lang, "Institution (code; empty for the country)") not in page


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_a_whole_tree_coordinator_chooses_the_country_or_any_institution_by_name(as_user, world, lang):
    choices = _choices(as_user("coord").get(f"{KPI}?lang={lang}").text)
    assert choices is not None
    names = _names(world, lang)
    assert choices[0] == ("", gettext(lang, "The whole country (national figure)"))
    assert {code for code, _ in choices[1:]} == set(names)
    assert all(text == names[code] for code, text in choices[1:])  # names, never codes
    assert [text for _, text in choices[1:]] == sorted(names.values())


def test_a_reader_who_reports_nothing_gets_no_figure_form(as_user):
    for persona in ("viewer", "rev"):
        page = as_user(persona).get(KPI).text
        assert _choices(page) is None and 'action="/kpis/observations"' not in page, persona


def test_the_chosen_institution_s_figure_is_saved_and_an_unknown_one_is_a_form_problem(as_user, world):
    focal = as_user("focal")  # Arabic
    form = {"kpi": "SRV-R01-K1", "unit": "count", "period": "2026-Q1", "value": "12", "source": ""}
    wrong = focal.form("/kpis/observations", {**form, "institution": "وزارة الخارجية"}, page=KPI)
    assert wrong.status_code == 422, wrong.text[:500]
    assert M.UNKNOWN_OWNER.template("ar").format(value="وزارة الخارجية") in wrong.text.replace("&#39;", "'")
    assert f"<bdi>{gettext('ar', 'Institution')}</bdi>:" in wrong.text  # located on the form's field
    right = focal.form("/kpis/observations", {**form, "institution": "mofa"}, page=KPI)
    assert right.status_code == 303, right.text[:500]
    with world.ws.reader() as s:
        saved = s.execute(
            select(KpiObservation.kpi, KpiObservation.period, KpiObservation.value, Organisation.code).join(
                Organisation, Organisation.id == KpiObservation.org_id
            )
        ).all()
    assert [tuple(r) for r in saved] == [("SRV-R01-K1", "2026-Q1", 12.0, "mofa")]


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_the_kpi_page_s_heading_is_the_kpi_s_name_without_its_code(as_user, lang):
    """The KPI's id (a code for files, shown in the list of KPIs) stays out of the heading, which reads as
    the name alone."""
    from raqmana.workspace.kpi_dictionary import dictionary

    name = dictionary()["transactions"].name.get(lang)
    page = as_user("coord").get(f"/kpis/transactions?lang={lang}").text
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", page, re.S)
    assert heading is not None
    assert heading.group(1).strip() == name
    assert 'data-kpi="transactions"' in heading.group(0)
