"""The desktop menu never wraps onto a second row beside the brand name, in Arabic, Sorani and English: a
focal point's menu is one open row at 1280 px; the longest menu (an administrator of the whole tree) is one
open row at 1200 and 1366 px, its administration pages under one entry that opens their list, and folds
behind its button below 1200 px. Screenshots are kept as artifacts."""

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
def test_the_longest_menu_is_one_row_from_1200_px_and_folds_below(browser, live, artifacts, lang):
    page = sign_in(browser, live, "admin", lang)
    for width in (1200, 1366):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(f"{live.url}/admin/users?lang={lang}")
        _one_row(page, artifacts, f"admin-{lang}", 7)
    entry = page.locator("#rq-admin-menu")
    assert "active" in (entry.get_attribute("class") or "")  # the users page is one of its pages
    entry.click()
    listed = page.locator(".dropdown-menu.show .dropdown-item")
    listed.first.wait_for()
    hrefs = [listed.nth(i).get_attribute("href") for i in range(listed.count())]
    assert hrefs == ["/orgs", "/admin/users", "/jobs", "/admin/audit", "/admin/webhooks"]
    box = page.locator(".dropdown-menu.show").bounding_box()
    assert box and 0 <= box["x"] and box["x"] + box["width"] <= 1366  # the list opens inside the window
    page.screenshot(path=str(artifacts / f"menu-admin-open-{lang}-1366.png"))
    page.set_viewport_size({"width": 1199, "height": 900})
    page.goto(f"{live.url}/?lang={lang}")
    assert page.locator(".navbar-toggler").is_visible() and not page.locator("#rq-menu").is_visible()
    page.context.close()


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_a_focal_point_s_menu_is_one_open_row_at_1280_px(browser, live, artifacts, lang):
    page = sign_in(browser, live, "focal", lang)
    page.goto(f"{live.url}/?lang={lang}")
    _one_row(page, artifacts, f"focal-{lang}", 6)
    page.context.close()
