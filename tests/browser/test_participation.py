"""Citizen feedback in Chromium: a person sends a complaint in Arabic or Sorani on a phone or a desktop,
keeps the tracking number, the institution answers, the person reads the answer; no serious axe-core
violation and nothing wider than the screen; screenshots kept in the artifacts folder."""

from __future__ import annotations

import re

import pytest

from raqmana.workspace import SYSTEM
from raqmana.workspace.orgs import seed_iraq
from raqmana.workspace.services_demo import seed_services

from .conftest import axe_violations, sign_in


@pytest.fixture(scope="module")
def catalogue(live):
    with live.world.ws.transaction() as s:
        seed_iraq(s, SYSTEM)
        seed_services(s, SYSTEM)
    return live


def fits(page) -> bool:
    return bool(page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"))


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_a_person_sends_a_complaint_and_reads_the_answer(browser, catalogue, artifacts, lang, width):
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{catalogue.url}/public/feedback?lang={lang}&institution=mofa")
    assert page.get_attribute("html", "dir") == "rtl"
    assert axe_violations(page) == [] and fits(page)
    page.screenshot(path=str(artifacts / f"feedback-form-{lang}-{width}.png"), full_page=True)
    page.select_option("#f-rating", "2")
    page.select_option("#f-channel", "office")
    page.fill("#f-visits", "3")
    page.fill("#f-text", "راجعت ثلاث مرات من أجل ختم واحد")
    page.fill("#f-contact", "07701234567")
    page.click("form[action='/public/feedback'] button[type=submit]")
    tracking = re.search(r"RQ-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]", page.inner_text("main"))
    assert tracking, page.inner_text("main")
    assert axe_violations(page) == [] and fits(page)
    page.screenshot(path=str(artifacts / f"feedback-receipt-{lang}-{width}.png"), full_page=True)

    staff = sign_in(browser, catalogue, "focal", lang)
    staff.goto(f"{catalogue.url}/participation/{tracking.group(0)}")
    assert "07701234567" in staff.inner_text("main")
    assert axe_violations(staff) == []
    staff.screenshot(path=str(artifacts / f"feedback-case-{lang}.png"), full_page=True)
    staff.fill("#f-answer", "فتحنا نافذة واحدة للختم")
    staff.click("form[action$='/answer'] button[type=submit]")
    staff.wait_for_url(f"**/participation/{tracking.group(0)}")
    staff.goto(f"{catalogue.url}/participation")
    assert axe_violations(staff) == []
    staff.screenshot(path=str(artifacts / f"feedback-inbox-{lang}.png"), full_page=True)
    staff.context.close()

    page.click("a[href^='/public/feedback/status']")
    assert "فتحنا نافذة واحدة للختم" in page.inner_text("main")
    assert "07701234567" not in page.content()
    assert axe_violations(page) == [] and fits(page)
    page.screenshot(path=str(artifacts / f"feedback-status-{lang}-{width}.png"), full_page=True)
    page.goto(f"{catalogue.url}/public/feedback/changes")
    assert axe_violations(page) == [] and fits(page)
    context.close()
