"""On a phone (390 px) the header folds into a menu and the first question shows on the first screen;
screenshots in Arabic at phone and desktop width are saved as test artefacts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from raqmana.frameworks import load_or_raise
from tests.support.world import RoundSpec, open_round
from tests.web.world import PASSWORD, World, build_world, make_settings

from .conftest import LiveServer

PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def round_live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[LiveServer, World]]:
    world = build_world(make_settings(tmp_path_factory.mktemp("phone-data")))
    with LiveServer(world) as server:
        yield server, world
    world.ws.dispose()


def _focal_page(browser, live: LiveServer, viewport: dict[str, int]):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport=viewport, locale="ar-IQ")
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(f"{live.url}/login?lang=ar")
    page.fill("#username", "focal")
    page.fill("#password", PASSWORD)
    page.click("main button[type=submit]")
    page.wait_for_url("**/institutions/mofa")  # a focal point starts on their questionnaire
    return page


def test_the_questionnaire_fits_a_phone(round_live, browser, artifacts: Path):  # type: ignore[no-untyped-def]
    live, _ = round_live
    page = _focal_page(browser, live, PHONE)
    page.screenshot(path=str(artifacts / "ar-phone-questionnaire.png"))
    header = page.locator("header nav").bounding_box()
    assert header is not None and header["height"] < 100, f"the header takes {header} of the screen"
    assert not page.locator("#rq-menu").is_visible(), "the menu is folded"
    question = page.locator(".rq-item").first.bounding_box()
    assert question is not None and question["y"] < PHONE["height"] * 0.6, "the first question on screen"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways page"
    page.locator(".navbar-toggler").click()
    page.locator("#rq-menu.show").wait_for()
    assert page.locator("#rq-menu >> text=التقييمات").is_visible()
    page.screenshot(path=str(artifacts / "ar-phone-menu.png"))
    page.context.close()


def test_the_desktop_shows_the_menu_and_the_enablers_beside_the_questions(round_live, browser, artifacts):  # type: ignore[no-untyped-def]
    live, _ = round_live
    page = _focal_page(browser, live, {"width": 1280, "height": 900})
    page.screenshot(path=str(artifacts / "ar-desktop-questionnaire.png"))
    assert page.locator("#rq-menu").is_visible() and not page.locator(".navbar-toggler").is_visible()
    enablers = page.locator(".rq-pages").bounding_box()
    question = page.locator(".rq-item").first.bounding_box()
    assert enablers and question and enablers["x"] > question["x"], "enablers on the right in Arabic"
    page.context.close()


def test_a_round_on_the_full_framework_fits_a_phone(tmp_path: Path, browser, artifacts: Path):  # type: ignore[no-untyped-def]
    """Thirteen enablers in the sideways row are wider than the phone: the row scrolls, the page does not."""
    world = build_world(make_settings(tmp_path), with_round=False)
    spec = RoundSpec(
        framework=lambda: load_or_raise("iraq-dla"),
        institutions=("mofa",),
        assigned=(("mofa", "focal", "focal_point"),),
    )
    open_round(world, spec)
    with LiveServer(world) as live:
        page = _focal_page(browser, live, PHONE)
        page.screenshot(path=str(artifacts / "ar-phone-questionnaire-13-enablers.png"))
        row = page.locator(".rq-pages")
        assert row.evaluate("e => e.scrollWidth > e.clientWidth"), "the enablers are wider than the phone"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
            "no sideways page"
        )
        question = page.locator(".rq-item").first.bounding_box()
        assert (
            question is not None
            and 0 <= question["x"]
            and question["x"] + question["width"] <= PHONE["width"] + 1
        )
        page.context.close()
    world.ws.dispose()


def test_a_wide_table_with_hidden_link_words_scrolls_inside_itself_on_a_phone(round_live, browser):  # type: ignore[no-untyped-def]
    """A download link's words for screen readers (``visually-hidden``) sit in the last column of a table
    wider than the phone (as on the reports page): the table scrolls, the page does not."""
    live, _ = round_live
    page = _focal_page(browser, live, PHONE)
    page.evaluate(
        """() => {
        const box = document.createElement('div');
        box.className = 'table-responsive';
        box.innerHTML = '<table class="table"><tr><td class="text-nowrap">' + 'الوزارة '.repeat(12) + '</td><td class="text-nowrap">'
          + '<a href="#">تنزيل<span class="visually-hidden"> national-ar.docx</span></a></td></tr></table>';
        document.querySelector('main').appendChild(box);
        }"""
    )
    assert page.evaluate("document.querySelector('main .table-responsive:last-child').scrollWidth > 390")
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), "no sideways page"
    page.context.close()
