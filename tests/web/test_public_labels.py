"""A publication keeps the words its figures are read with (KPI names, units, sources, groups of people,
governorates, the derived KPIs' definitions, digitisation levels) in Arabic, Sorani and English, and the
portal in each language reads them from the snapshot itself, not from today's translations."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import select

from raqmana.store.models import Publication

from .test_kpi_observations import obs_csv
from .test_kpi_observations import upload as upload_figures
from .test_services import PASSPORT, VISA, catalogue_csv
from .test_services import upload as upload_services

LANGS = ("ar", "ckb", "en")
ROWS = [
    {"kpi": "SRV-R02-K1", "period": "2026-Q1", "institution": "mofa", "value": "20", "unit": "percent"},
    {"kpi": "SRV-R02-K1", "period": "2026-Q1", "value": "35", "unit": "percent", "sex": "female"},
    {"kpi": "SRV-R02-K1", "period": "2026-Q1", "value": "30", "unit": "percent", "governorate": "gov-erbil"},
]


@pytest.fixture
def published(as_user, world) -> dict[str, Any]:
    coord = as_user("coord")
    assert upload_services(coord, catalogue_csv(PASSPORT, VISA)).status_code == 200
    assert upload_figures(coord, obs_csv(*ROWS)).status_code == 200
    r = coord.post("/api/v1/publication/publish", json={}, headers={"X-CSRF-Token": coord.csrf("/account")})
    assert r.status_code == 200, r.text
    with world.ws.reader() as s:
        snapshot = s.scalar(select(Publication.snapshot).where(Publication.version == r.json()["version"]))
    assert snapshot is not None
    return dict(snapshot)


def _trend(snapshot: dict[str, Any], kpi: str) -> dict[str, Any]:
    (found,) = [t for t in snapshot["kpi_trends"] if t["kpi"] == kpi]
    return found


def test_the_snapshot_holds_each_word_in_three_languages(published):
    t = _trend(published, "SRV-R02-K1")
    words = [
        published["source_name"],
        t["source_name"],
        t["unit_name"],
        t["name"],
        published["level_names"]["4"],
        published["kpi_labels"]["visits_avoided_per_year"]["definition"],
        *(g["group_name"] for g in t["groups"]),
        *(g["value_name"] for g in t["groups"]),
    ]
    assert len(t["groups"]) == 2
    for w in words:
        assert all(w[lang] for lang in LANGS), w
        assert w["ar"] != w["en"] and w["ckb"] != w["en"] and w["ar"] != w["ckb"], w
    erbil = next(g for g in t["groups"] if g["group"] == "governorate")
    assert erbil["value_name"]["en"] != "gov-erbil", "a governorate is named, not coded"
    assert t["source_name"]["en"] == "reported by institutions"


def _mark(value: Any, path: str = "") -> Any:
    """Every stored word replaced by a marker naming its place (digits as letters: a page writes digits in
    its reader's script) and language."""
    if isinstance(value, dict) and set(value) == set(LANGS):
        place = path.translate(str.maketrans("0123456789", "abcdefghij"))
        return {lang: f"[{place}:{lang}]" for lang in LANGS}
    if isinstance(value, dict):
        return {k: _mark(v, k) for k, v in value.items()}
    if isinstance(value, list):
        return [_mark(v, path) for v in value]
    return value


def test_the_portal_reads_the_words_from_the_snapshot_in_each_language(published, world, client):
    marked = {
        **published,
        **{k: _mark(published[k], k) for k in ("source_name", "level_names", "kpi_labels")},
        "kpi_trends": [_mark(t) for t in published["kpi_trends"]],
    }
    with world.ws.transaction() as s:
        p = s.scalars(select(Publication).order_by(Publication.version.desc())).first()
        assert p is not None
        p.snapshot = marked
    for lang in LANGS:
        kpis = client.get(f"/public/kpis?lang={lang}").text
        assert f"[source_name:{lang}]" in kpis and f"[name:{lang}]" in kpis
        page = client.get(f"/public/kpis/SRV-R02-K1?lang={lang}").text
        for place in ("unit_name", "group_name", "value_name", "source_name"):
            assert f"[{place}:{lang}]" in page, (lang, place)
        other = {x for x in LANGS if x != lang}
        assert not any(f":{x}]" in page for x in other), "one language per page"
        home = client.get(f"/public?lang={lang}").text
        assert f"[definition:{lang}]" in home and f"[e:{lang}]" in home  # level 4's name
