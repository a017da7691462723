"""The public portal in Chromium: no sign-in, Arabic and English, desktop and phone widths, no serious
axe-core violation, nothing wider than the screen; screenshots kept in the artifacts folder."""

from __future__ import annotations

import pytest

from raqmana.workspace import SYSTEM
from raqmana.workspace.orgs import seed_iraq
from raqmana.workspace.services_demo import seed_services

from .conftest import axe_violations


@pytest.fixture(scope="module")
def published(live):
    with live.world.ws.transaction() as s:
        seed_iraq(s, SYSTEM)
        seed_services(s, SYSTEM)
    return live


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ar", "en"])
def test_the_public_journey_reads_in_each_language_and_width(browser, published, artifacts, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{published.url}/public?lang={lang}")
    assert page.get_attribute("html", "dir") == ("rtl" if lang == "ar" else "ltr")
    assert page.locator("table").count() >= 2
    assert axe_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "wider than the screen"
    )
    page.screenshot(path=str(artifacts / f"public-{lang}-{width}.png"), full_page=True)
    page.locator("main table a").first.click()
    page.wait_for_url("**/public/services/**")
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / f"public-service-{lang}-{width}.png"), full_page=True)
    context.close()


def test_a_coordinator_changes_a_service_and_publishes_it(browser, published, artifacts):
    from .conftest import sign_in

    page = sign_in(browser, published, "coord", "ar")
    page.goto(f"{published.url}/services")
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / "services-ar-1280.png"), full_page=True)
    page.goto(f"{published.url}/services/land-registry-extract")
    page.select_option("#f-level", "3")
    page.fill("#f-visits_now", "1")
    page.click("form[action='/services/land-registry-extract'] button[type=submit]")
    page.wait_for_url("**/services/land-registry-extract")
    assert page.locator("#f-visits_now").input_value() == "1"
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / "service-edit-ar-1280.png"), full_page=True)
    page.goto(f"{published.url}/services")
    page.click("form[action='/publication/publish'] button")
    page.wait_for_url("**/services")
    public = page.context.new_page()
    public.goto(f"{published.url}/public/services/land-registry-extract?lang=en")
    assert "2 before, 1 now" in public.inner_text("main")
    page.context.close()


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_the_kpi_table_scrolls_inside_itself_on_a_phone(browser, published, artifacts, lang):
    """The KPIs' table (long names, sources, the "illustrative" badge) can be wider than a phone (the demo's
    is, in English): it scrolls sideways inside itself instead of widening the page."""
    from raqmana.workspace.kpi_reporting import import_observations
    from raqmana.workspace.publication import publish

    figures = "kpi,period,service,value,unit,illustrative\n" + "".join(
        f"{kpi},{q},land-registry-extract,{n},count,true\n"
        for q in ("2026-Q1", "2026-Q2")
        for kpi, n in (("transactions", 1000), ("transactions_online", 400))
    )
    with published.world.ws.transaction() as s:
        import_observations(s, SYSTEM, data=figures.encode(), filename="figures.csv")
        publish(s, SYSTEM)
    context = browser.new_context(viewport={"width": 390, "height": 900})
    page = context.new_page()
    page.goto(f"{published.url}/public/kpis?lang={lang}")
    assert page.locator("main table tbody tr").count() >= 2
    page.screenshot(path=str(artifacts / f"public-kpis-{lang}-390.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "wider than the screen"
    )
    # however long the names in the reader's language: the table's box scrolls, the page does not
    assert page.locator("main table").evaluate("t => getComputedStyle(t.parentElement).overflowX") == "auto"
    context.close()
