"""Every main page in Arabic, Kurdish and English: screenshots for a person to look at, and axe-core."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raqmana.workspace import responses, review
from raqmana.workspace.answers import Answer
from tests.web.world import World, build_world, make_settings

from .conftest import LiveServer, axe_violations, sign_in

pytestmark = pytest.mark.browser

PAGES = {
    "assessments": "/assessments",
    "assessment": "/assessments/{a}",
    "assignments": "/assessments/{a}/assignments",
    "progress": "/assessments/{a}/progress",
    "questionnaire": "/assessments/{a}/institutions/mofa?pillar=LEG",
    "review": "/assessments/{a}/review",
    "response": "/responses/{r}",
    "users": "/admin/users",
    "account": "/account",
}


@pytest.fixture(scope="module")
def filled(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, World, int]]:
    world = build_world(make_settings(tmp_path_factory.mktemp("pages-data")), illustrative=True)
    with world.ws.transaction() as s:
        focal = _actor(s, world, "focal")
        args = {"assessment_id": world.assessment_id, "institution_code": "mofa"}
        r1 = responses.save_answer(
            s,
            focal,
            indicator_id="LEG-01",
            answer=Answer(3, justification="القانون 78"),
            expected_version=0,
            **args,
        )
        responses.save_answer(
            s,
            focal,
            indicator_id="LEG-02",
            answer=Answer(1, justification="مسودة"),
            expected_version=0,
            **args,
        )
        responses.submit(s, focal, pillar_id="LEG", **args)
        review.review(
            s,
            _actor(s, world, "rev"),
            response_id=r1.id,
            decision="return",
            comment="أرفق نص القانون المنشور",
            expected_version=r1.version + 1,
        )
    with LiveServer(world) as server:
        yield server, world, r1.id
    world.ws.dispose()


def _actor(session, world, username):  # type: ignore[no-untyped-def]
    from raqmana.workspace.auth import load_actor

    return load_actor(session, world.user_ids[username])


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_it_renders_the_main_pages_without_serious_accessibility_problems(
    filled, browser, artifacts: Path, lang
):  # type: ignore[no-untyped-def]
    live, world, response_id = filled
    page = sign_in(browser, live, "coord", lang)
    problems: dict[str, object] = {}
    for name, path in PAGES.items():
        url = live.url + path.format(a=world.assessment_id, r=response_id)
        page.goto(url + ("&" if "?" in url else "?") + f"lang={lang}")
        assert page.locator("html").get_attribute("lang") == lang
        assert page.locator("html").get_attribute("dir") == ("ltr" if lang == "en" else "rtl")
        if name not in ("assessments", "users", "account"):
            assert page.locator(".rq-illustrative").is_visible(), f"{name}: illustrative banner missing"
        page.screenshot(path=str(artifacts / f"{lang}-{name}.png"), full_page=True)
        if found := axe_violations(page):
            problems[name] = found
    page.context.close()
    assert problems == {}


def test_it_renders_the_sign_in_page_accessibly(filled, browser, artifacts: Path):  # type: ignore[no-untyped-def]
    live, _, _ = filled
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    page = context.new_page()
    for lang in ("ar", "en"):
        page.goto(f"{live.url}/login?lang={lang}")
        page.screenshot(path=str(artifacts / f"{lang}-login.png"), full_page=True)
        assert axe_violations(page) == []
    context.close()


def test_it_reads_without_javascript(filled, browser):  # type: ignore[no-untyped-def]
    live, world, _ = filled
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(f"{live.url}/login?lang=ar")
    page.fill("#username", "viewer")
    from tests.web.world import PASSWORD

    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.goto(f"{live.url}/assessments/{world.assessment_id}/institutions/mofa?pillar=LEG")
    assert "القانون 78" in page.content()
    page.goto(f"{live.url}/assessments/{world.assessment_id}/progress")
    assert page.locator("table.rq-heat tbody tr").count() == 2
    context.close()


def test_it_works_with_the_keyboard(filled, browser):  # type: ignore[no-untyped-def]
    live, world, _ = filled
    page = sign_in(browser, live, "focal")
    page.goto(f"{live.url}/assessments/{world.assessment_id}/institutions/mofa?pillar=LEG")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent").strip() == "انتقل إلى المحتوى"
    page.keyboard.press("Enter")
    page.locator("#a-LEG-01-4").focus()
    page.keyboard.press("Space")
    from playwright.sync_api import expect

    expect(page.locator("#item-LEG-01 .rq-save-status")).to_contain_text("النسخة")
    page.context.close()
