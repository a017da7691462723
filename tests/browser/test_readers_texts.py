"""The reader's texts in a browser, on the illustrative round, at desktop and phone width (screenshots
saved as artefacts in ``$RAQMANA_TEST_ARTIFACTS/texts``): the methodology's formulas typeset (a stacked
fraction, left to right inside Arabic), the sources in Arabic, the register's references in Sorani, typed
comments in their own direction, and a focal point's institution in the header."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.web.world import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.slow]
SIZES = {"desktop": {"width": 1280, "height": 900}, "phone": {"width": 390, "height": 844}}


def _page(browser, live, username, lang, size):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=SIZES[size], locale="en-US" if lang == "en" else "ar-IQ")
    page = context.new_page()
    page.set_default_timeout(300_000)  # the round's results are computed on the first visit
    page.goto(f"{live.url}/login?lang={lang}")
    page.fill("#username", username)
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    return page


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_methodology_and_sources_of_the_results_page_in_arabic(demo, browser, artifacts: Path, size):  # type: ignore[no-untyped-def]
    live, aid = demo
    page = _page(browser, live, "demo-coordinator", "ar", size)
    page.goto(f"{live.url}/assessments/{aid}/results?lang=ar")
    section = page.locator("section[aria-labelledby=method-h]")
    for summary in section.locator("summary").all():
        summary.click()
    fraction = section.locator(".rq-math .rq-frac").first
    line = section.locator("li").first.evaluate("e => parseFloat(getComputedStyle(e).lineHeight)")
    box = fraction.bounding_box()
    assert box is not None and box["height"] > 1.5 * line  # numerator over denominator, not one line
    assert section.locator(".rq-math").first.evaluate("e => getComputedStyle(e).direction") == "ltr"
    sources = section.locator("details").nth(1).inner_text()
    assert "إدارة الشؤون الاقتصادية والاجتماعية في الأمم المتحدة" in sources
    folder = artifacts / "texts"
    folder.mkdir(parents=True, exist_ok=True)
    section.screenshot(path=str(folder / f"ar-{size}-results-methodology.png"))
    page.context.close()


@pytest.mark.parametrize("size", ["desktop", "phone"])
def test_the_register_and_the_header_of_a_governorates_focal_point_in_sorani(
    demo, browser, artifacts: Path, size
):  # type: ignore[no-untyped-def]
    live, _ = demo
    page = _page(browser, live, "demo-fp-erbil", "ckb", size)
    folder = artifacts / "texts"
    folder.mkdir(parents=True, exist_ok=True)
    if size == "phone":  # the menu folds behind its button: open it, wait until it has stopped moving
        page.click("button.navbar-toggler")
        page.locator("#rq-menu.collapse.show").wait_for(state="visible")
        page.wait_for_function("() => !document.querySelector('#rq-menu.collapsing')")
    org = page.locator(".rq-header-org")
    org.wait_for(state="visible")
    assert org.inner_text() == "پارێزگای ھەولێر"
    page.locator("header").screenshot(path=str(folder / f"ckb-{size}-header.png"))
    page.goto(f"{live.url}/documents/register?lang=ckb")
    card = page.locator("section#area-e_signature, section[aria-labelledby=area-e_signature]").first
    assert "یاسای ژمارە (٧٨)ی ساڵی ٢٠١٢" in card.inner_text()
    card.screenshot(path=str(folder / f"ckb-{size}-register.png"))
    page.context.close()
