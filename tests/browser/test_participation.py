"""Citizen feedback in Chromium: a person sends a complaint in Arabic or Sorani on a phone or a desktop,
keeps the tracking number, the institution answers, the person reads the answer; a person comments on a
consultation's section, sees it after moderation and, once it has closed, reads the published response
report that quotes it; no serious axe-core violation and nothing wider than the screen; screenshots kept
in the artifacts folder."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import delete

from raqmana.store.models import Consultation
from raqmana.store.models.users import LoginThrottle
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


@pytest.fixture(autouse=True)
def one_person_per_case(catalogue):
    """Every case is another person, but all of them reach the server from 127.0.0.1: the public forms'
    per-address limit (tested in tests/participation) starts afresh for each."""
    with catalogue.world.ws.transaction() as s:
        s.execute(delete(LoginThrottle).where(LoginThrottle.key.startswith("feedback:")))


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


@pytest.mark.parametrize("width", [1280, 390])
@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_a_person_comments_on_a_section_and_sees_it_after_moderation(
    browser, catalogue, artifacts, lang, width
):
    from raqmana.workspace.participation_demo import seed_consultation

    with catalogue.world.ws.transaction() as s:
        consultation = seed_consultation(s, SYSTEM)
        # one consultation for every case: an earlier case closed it, so it opens again for this one
        s.get(Consultation, consultation).closes_at = datetime.now(UTC) + timedelta(days=20)
    # changed in the database behind the app's back: the pages it keeps for two seconds are forgotten
    catalogue.server.config.app.state.consultation_pages = {}
    context = browser.new_context(viewport={"width": width, "height": 900})
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{catalogue.url}/public/consultations?lang={lang}")
    assert axe_violations(page) == [] and fits(page)
    page.click(f"a[href='/public/consultations/{consultation}']")
    assert axe_violations(page) == [] and fits(page)
    page.screenshot(path=str(artifacts / f"consultation-{lang}-{width}.png"), full_page=True)
    words = f"تعليق للمتصفح {lang} {width}"
    page.locator("form.rq-comment-form textarea[name=text]").first.fill(words)
    page.locator("form.rq-comment-form button[type=submit]").first.click()
    assert page.locator("[role=status]").count() == 1 and words not in page.inner_text("main")

    staff = sign_in(browser, catalogue, "coord", lang)
    staff.goto(f"{catalogue.url}/consultations/{consultation}/moderation")
    assert axe_violations(staff) == []
    staff.screenshot(path=str(artifacts / f"consultation-moderation-{lang}.png"), full_page=True)
    staff.locator("article", has_text=words).locator(
        "form:has(input[name=publish][value=true]) button"
    ).click()
    staff.wait_for_url(f"**/consultations/{consultation}/moderation")
    staff.context.close()

    page.goto(f"{catalogue.url}/public/consultations/{consultation}")
    assert words in page.inner_text("main")
    comment_id = page.locator("li[id^=c-]", has_text=words).get_attribute("id").removeprefix("c-")

    # the consultation closes; the owner publishes what changed because of the comment
    with catalogue.world.ws.transaction() as s:
        s.get(Consultation, consultation).closes_at = datetime.now(UTC) - timedelta(minutes=1)
    staff = sign_in(browser, catalogue, "coord", lang)
    staff.goto(f"{catalogue.url}/consultations/{consultation}/response")
    assert axe_violations(staff) == []
    change = f"تغيّر القسم الأول بسبب تعليق {lang} {width}"
    staff.fill("#item_1_ar", change)
    staff.fill("#comments_1", comment_id)
    staff.check("#publish")
    staff.locator("form[action$='/response'] button[type=submit]").click()
    staff.wait_for_url(f"**/consultations/{consultation}/response")
    staff.context.close()

    page.goto(f"{catalogue.url}/public/consultations/{consultation}")
    page.click(f"a[href='/public/consultations/{consultation}/response']")
    assert change in page.inner_text("main") and words in page.inner_text("main")
    assert axe_violations(page) == [] and fits(page)
    page.screenshot(path=str(artifacts / f"consultation-response-{lang}-{width}.png"), full_page=True)
    with catalogue.world.ws.transaction() as s:  # open again for the next case
        s.get(Consultation, consultation).closes_at = datetime.now(UTC) + timedelta(days=20)
    context.close()
