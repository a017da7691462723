"""Initiative codes as readers see them: the internal ``@programme`` / ``@<institution>`` suffix of an
initiative's or recommendation's id never shows on a page, in any language; URLs, JSON keys and form
values keep the full id."""

from __future__ import annotations

import re

import pytest

from raqmana.roadmap.model import initiative_code
from raqmana.settings import Settings
from raqmana.web.templating import make_env

from .test_results import demo, demo_viewer  # noqa: F401 — fixtures

# an id with its suffix, as text a reader sees (attribute values and URLs are left out below)
SUFFIX = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+@[\w-]+")


def _visible(html: str) -> str:
    """The page without tags, so that ids in attributes (form values, links) are not counted."""
    return re.sub(r"<[^>]*>", " ", html)


def test_the_code_drops_the_internal_suffix_and_keeps_plain_codes():
    assert initiative_code("FIN-R02@programme") == "FIN-R02"
    assert initiative_code("DIG-R01@mofa") == "DIG-R01"
    assert initiative_code("evisa") == "evisa"
    env = make_env(Settings())
    assert env.from_string("{{ i|code }}").render(i="SKL-R02@programme") == "SKL-R02"


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_the_results_page_shows_initiative_codes_without_the_suffix(demo, demo_viewer, lang):  # noqa: F811
    _, aid = demo
    data = demo_viewer.get(f"/api/v1/assessments/{aid}/results?lang={lang}").json()
    ids = [i["id"] for i in data["roadmap"]["initiatives"]] + [
        r["id"] for recs in data["recommendations"].values() for r in recs
    ]
    assert any("@" in i for i in ids), "the JSON keeps the full ids"
    html = demo_viewer.get(f"/assessments/{aid}/results?lang={lang}").text
    shown = SUFFIX.findall(_visible(html))
    assert shown == [], shown[:5]
    codes = {initiative_code(i) for i in ids if "@" in i}
    assert any(c in html for c in codes), "the codes themselves still show"


def _suffixed_roadmap():
    from raqmana.i18n import Translated
    from raqmana.roadmap import schedule as S
    from raqmana.roadmap.model import Dependency, Initiative, PlanSettings, Roadmap

    initiatives = [
        Initiative(id="EGV-R01@programme", name=Translated(en="E-visa"), owner="mofa", duration=2),
        Initiative(id="EGV-R02@moi", name=Translated(en="Passport portal"), owner="moi", duration=2),
    ]
    deps = [Dependency(before="EGV-R01@programme", after="EGV-R02@moi")]
    settings = PlanSettings(horizon_quarters=8, time_limit_s=5, budget_per_year=[5_000_000])
    result = S.plan(initiatives, deps, settings)
    assert result.ok and result.schedule is not None, result.problems
    return Roadmap(initiatives=initiatives, dependencies=deps, settings=settings, schedule=result.schedule)


@pytest.mark.parametrize("lang", ["en", "ar", "ckb"])
def test_the_follow_up_page_shows_codes_and_keeps_ids_in_its_form(as_user, lang):
    from .test_followup import adopt, report

    coord = as_user("coord")
    assert adopt(coord, _suffixed_roadmap()).status_code == 200
    r = report(coord, initiative="EGV-R01@programme", quarter="2026-Q1", percent_done=10, status="delayed")
    assert r.status_code == 200, r.text
    html = coord.get(f"/followup?lang={lang}").text
    assert "EGV-R01" in html and "EGV-R02" in html
    shown = SUFFIX.findall(_visible(html))
    assert shown == [], shown[:5]
    assert 'value="EGV-R01@programme"' in html, "the form still posts the full id"
