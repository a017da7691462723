"""The illustrative demo data's fixed source phrases read in the reader's language on the service pages
(signed-in and public) and the KPI pages; a source someone typed stays as written."""

from __future__ import annotations

import csv
from importlib import resources

import pytest

from raqmana.i18n import gettext

from .test_public import publish
from .test_services import PASSPORT, VISA, catalogue_csv, upload


def _demo_source() -> str:
    text = resources.files("raqmana.workspace").joinpath("data/demo_services.csv").read_text("utf-8")
    (source,) = {row["source"] for row in csv.DictReader(text.splitlines())}
    return source


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_the_demo_s_service_source_is_in_the_reader_s_language(as_user, client, lang):
    demo = _demo_source()
    words = gettext(lang, demo)
    assert words != demo, "the phrase has a translation"
    coord = as_user("coord")
    typed = "Ministry survey 2025"
    assert (
        upload(coord, catalogue_csv({**PASSPORT, "source": demo}, {**VISA, "source": typed})).status_code
        == 200
    )
    publish(coord)
    for page in (
        client.get(f"/public/services/passport?lang={lang}"),
        coord.get(f"/services/passport?lang={lang}"),
    ):
        assert page.status_code == 200
        assert words in page.text and demo not in page.text
    assert typed in client.get(f"/public/services/{VISA['code']}?lang={lang}").text


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_the_demo_s_kpi_figure_source_is_in_the_reader_s_language(as_user, lang):
    from raqmana.workspace.followup_demo import SOURCE

    coord = as_user("coord")
    row = {"kpi": "SRV-R01-K1", "period": "2026-Q1", "value": "1200", "unit": "count", "source": SOURCE}
    r = coord.post("/api/v1/kpis/observations", json=row, headers={"X-CSRF-Token": coord.csrf("/account")})
    assert r.status_code == 200, r.text
    html = coord.get(f"/kpis/SRV-R01-K1?lang={lang}").text
    assert gettext(lang, SOURCE) in html and SOURCE not in html
