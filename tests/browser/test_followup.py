"""Roadmap follow-up in Chromium: an initiative's owner (a focal point of mofa, in Arabic) reports its
progress for a quarter; the coordinator sees it slipped with what it holds up, in Arabic and English at
desktop and phone widths, without a serious axe-core violation; screenshots kept in the artifacts folder."""

from __future__ import annotations

import pytest

from raqmana.workspace import SYSTEM, followup
from tests.web.test_followup import small_roadmap

from .conftest import axe_violations, sign_in


@pytest.fixture(scope="module")
def adopted(live):
    with live.world.ws.transaction() as s:
        followup.adopt(s, SYSTEM, roadmap=small_roadmap())
    return live


def test_an_owner_reports_progress_and_the_coordinator_sees_the_slip(browser, adopted, artifacts):
    page = sign_in(browser, adopted, "focal", "ar")  # focal point of mofa, owner of the e-visa
    page.goto(f"{adopted.url}/followup?lang=ar")
    assert page.get_attribute("html", "dir") == "rtl"
    options = page.locator("#p-initiative option").all_inner_texts()
    assert options == ["E-visa"]  # only its own initiatives
    page.select_option("#p-quarter", "2026-Q1")
    page.select_option("#p-status", "delayed")
    page.fill("#p-percent", "10")
    page.fill("#p-spend", "50000")
    page.fill("#p-blockers", "قانون التوقيع الإلكتروني لم يصدر بعد")
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / "followup-report-ar-1280.png"), full_page=True)
    page.click("form[action='/followup/progress'] button[type=submit]")
    page.wait_for_url("**/followup")
    assert "قانون التوقيع الإلكتروني لم يصدر بعد" in page.content()
    page.context.close()
    for lang, width in (("en", 1280), ("ar", 390)):
        coord = sign_in(browser, adopted, "coord", lang)
        coord.set_viewport_size({"width": width, "height": 900})
        coord.goto(f"{adopted.url}/followup?lang={lang}&quarter=2026-Q1")
        row = coord.locator("tr.table-warning", has_text="E-visa")
        assert row.count() == 1
        assert "Passport portal" in row.inner_text()  # the passport portal waits for it, by name
        if width == 390:  # the table first; the chart keeps a readable size and scrolls inside its box
            table_top = coord.locator("table.table").first.bounding_box()["y"]
            assert table_top < coord.locator(".rq-chart-scroll").bounding_box()["y"]
            assert coord.locator(".rq-chart-scroll").evaluate("b => b.scrollWidth > b.clientWidth")
            assert coord.locator(".rq-chart-scroll img").bounding_box()["width"] >= 600
        assert coord.locator("img[src^='/followup/chart.svg']").evaluate(
            "i => i.complete && i.naturalWidth > 0"
        )
        assert axe_violations(coord) == []
        assert coord.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
            "wider than the screen"
        )
        coord.screenshot(path=str(artifacts / f"followup-coordinator-{lang}-{width}.png"), full_page=True)
        coord.context.close()
