"""The Arabic journey through a real browser: open a round, answer with evidence, return, fix, accept."""

from __future__ import annotations

import re

import pytest

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def _shot(page, artifacts, name):  # type: ignore[no-untyped-def]
    page.screenshot(path=str(artifacts / f"{name}.png"), full_page=True)


def test_it_runs_a_review_cycle_in_arabic(live, browser, artifacts):  # type: ignore[no-untyped-def]
    from playwright.sync_api import expect

    # the coordinator opens a round and assigns the focal point and the reviewer
    coord = sign_in(browser, live, "coord")
    coord.click("text=فتح جولة تقييم")
    coord.fill("#name_ar", "تقييم النضج الرقمي 2026")
    coord.fill("#name_en", "Digital maturity assessment 2026")
    coord.fill("#period", "2026")
    coord.check("input[name=institutions][value=mofa]")
    coord.check("input[name=institutions][value=moi]")
    _shot(coord, artifacts, "ar-round-new")
    coord.click("main button[type=submit]")
    expect(coord.locator("h1")).to_have_text("ضباط الارتباط ومراجعو التقييم")
    round_url = re.sub(r"/assignments$", "", coord.url)
    for user, role in (("Focal (focal)", "focal_point"), ("Rev (rev)", "reviewer")):
        coord.select_option("#institution_code", "mofa")
        coord.select_option("#user_id", label=user)
        coord.select_option("#role", role)
        coord.click("main form button[type=submit] >> text=تكليف")
    expect(coord.locator("main table tbody tr")).to_have_count(2)
    _shot(coord, artifacts, "ar-assignments")

    # the focal point answers two questions of the legal enabler, with evidence, and submits
    focal = sign_in(browser, live, "focal")
    focal.goto(f"{round_url}/institutions/mofa?pillar=LEG")
    item1 = focal.locator("#item-LEG-01")
    item1.locator("label[for=a-LEG-01-3]").click()
    expect(item1.locator(".rq-save-status")).to_contain_text("النسخة ١")
    item1.locator("#j-LEG-01").fill("صدر قانون التوقيع الإلكتروني رقم 78 لسنة 2012")
    item1.locator("#j-LEG-01").blur()
    expect(item1.locator(".rq-save-status")).to_contain_text("النسخة ٢")
    item1.locator("summary >> text=إرفاق دليل إثبات").click()
    item1.locator("label[for=k-LEG-01-url]").click()
    item1.locator("#u-LEG-01").fill("https://gazette.example.iq/2012/78")
    item1.locator("#d-LEG-01").fill("2012-11-05")
    item1.locator("#ds-LEG-01").fill("الجريدة الرسمية")
    item1.locator("button >> text=إرفاق").click()
    expect(item1.locator("#ev-LEG-01")).to_contain_text("https://gazette.example.iq/2012/78")
    item2 = focal.locator("#item-LEG-02")
    item2.locator("label[for=a-LEG-02-4]").click()
    expect(item2.locator(".rq-save-status")).to_contain_text("النسخة ١")
    _shot(focal, artifacts, "ar-questionnaire")
    focal.click("text=إرسال عامل التمكين هذا للمراجعة")
    expect(focal.locator("#submit-report")).to_contain_text(
        "إجابتان"
    )  # Arabic says two with the dual, no digit

    # the reviewer returns LEG-02 with a comment and accepts LEG-01
    rev = sign_in(browser, live, "rev")
    rev.goto(f"{round_url}/review")
    expect(rev.locator("main section.card")).to_have_count(2)
    _shot(rev, artifacts, "ar-review")
    card2 = rev.locator("section.card", has=rev.locator("text=LEG-02"))
    card2.locator("textarea[name=comment]").fill("لا يوجد دليل على المرحلة الرابعة؛ أرفق مسودة القانون.")
    card2.locator("button[value=return]").click()
    expect(card2).to_contain_text("مُعاد")
    card1 = rev.locator("section.card", has=rev.locator("text=LEG-01"))
    expect(card1).to_contain_text("https://gazette.example.iq/2012/78")
    card1.locator("button[value=accept]").click()
    expect(card1).to_contain_text("مقبول")

    # the focal point reads the comment, fixes the answer and submits again
    focal.goto(f"{round_url}/institutions/mofa?pillar=LEG")
    item2 = focal.locator("#item-LEG-02")
    expect(item2.locator(".alert-warning")).to_contain_text("أرفق مسودة القانون")
    item2.locator("label[for=a-LEG-02-1]").click()
    expect(item2.locator(".rq-save-status")).to_contain_text("النسخة")
    item2.locator("#j-LEG-02").fill("مسودة قانون حماية البيانات لدى مجلس الدولة")
    item2.locator("#j-LEG-02").blur()
    expect(item2.locator("#state-LEG-02")).to_contain_text("مسودة")
    _shot(focal, artifacts, "ar-questionnaire-returned")
    focal.click("text=إرسال عامل التمكين هذا للمراجعة")
    expect(focal.locator("#submit-report")).to_contain_text("إجابة واحدة")

    # the reviewer accepts the fixed answer
    rev.goto(f"{round_url}/review")
    card2 = rev.locator("section.card", has=rev.locator("text=LEG-02"))
    expect(card2).to_contain_text("مسودة قانون حماية البيانات")
    card2.locator("button[value=accept]").click()
    expect(card2).to_contain_text("مقبول")

    # the coordinator sees the progress
    coord.goto(f"{round_url}/progress")
    expect(coord.locator("table.rq-heat")).to_contain_text("وزارة الخارجية")
    _shot(coord, artifacts, "ar-progress")
    assert axe_violations(coord) == []
    for page in (coord, focal, rev):
        page.context.close()
