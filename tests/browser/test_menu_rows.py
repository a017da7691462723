"""The desktop menu never wraps onto a second row beside the brand name, in Arabic, Sorani and English: a
focal point's menu is one open row at 1280 px; the longest menu (an administrator of the whole tree) folds
behind its button at 1280 px and is one open row at 1440 px. Screenshots are kept as artifacts."""

from __future__ import annotations

import pytest

from tests.browser.conftest import sign_in

ROWS = (
    "() => [...document.querySelectorAll('#rq-menu .navbar-nav > .nav-item')]"
    ".map(e => Math.round(e.getBoundingClientRect().top))"
)


def _one_row(page, artifacts, name: str, entries: int) -> None:  # type: ignore[no-untyped-def]
    width = page.viewport_size["width"]
    page.screenshot(
        path=str(artifacts / f"menu-{name}-{width}.png"), clip={"x": 0, "y": 0, "width": width, "height": 160}
    )
    assert page.locator("#rq-menu").is_visible() and not page.locator(".navbar-toggler").is_visible()
    tops = page.evaluate(ROWS)
    assert len(tops) >= entries
    assert len(set(tops)) == 1, f"the menu wraps onto {len(set(tops))} rows at {width} px: {tops}"


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_the_longest_menu_folds_at_1280_px_and_is_one_row_at_1440_px(browser, live, artifacts, lang):
    page = sign_in(browser, live, "admin", lang)
    page.goto(f"{live.url}/?lang={lang}")
    page.screenshot(
        path=str(artifacts / f"menu-admin-{lang}-1280.png"),
        clip={"x": 0, "y": 0, "width": 1280, "height": 160},
    )
    assert page.locator(".navbar-toggler").is_visible() and not page.locator("#rq-menu").is_visible()
    page.set_viewport_size({"width": 1440, "height": 900})
    _one_row(page, artifacts, f"admin-{lang}", 10)
    page.context.close()


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_a_focal_point_s_menu_is_one_open_row_at_1280_px(browser, live, artifacts, lang):
    page = sign_in(browser, live, "focal", lang)
    page.goto(f"{live.url}/?lang={lang}")
    _one_row(page, artifacts, f"focal-{lang}", 6)
    page.context.close()
