"""The results page in Arabic, in a real browser: right-to-left, every chart drawn, no sideways scrolling,
no serious accessibility problem; a screenshot for a person to look at."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from .conftest import axe_violations, sign_in

pytestmark = pytest.mark.browser


def _all_images_drawn(page: object, timeout: float = 300) -> bool:
    """Scroll every (lazy) chart into view and wait until each one has loaded."""
    for img in page.locator("main img").all():  # type: ignore[attr-defined]
        img.scroll_into_view_if_needed()
    deadline = time.monotonic() + timeout
    script = "Array.from(document.querySelectorAll('main img')).every(i => i.complete && i.naturalWidth > 0)"
    while not page.evaluate(script):  # type: ignore[attr-defined]
        if time.monotonic() > deadline:
            return False
        time.sleep(0.3)
    return True


def test_it_shows_the_results_in_arabic_from_right_to_left(demo, browser, artifacts: Path):  # type: ignore[no-untyped-def]
    live, aid = demo
    page = sign_in(browser, live, "demo-viewer", "ar")
    page.set_default_timeout(180_000)
    page.goto(f"{live.url}/assessments/{aid}/results?lang=ar")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == "النتائج"
    assert (
        page.locator(".rq-illustrative").is_visible()
        and page.locator("main .alert-warning").first.is_visible()
    )
    assert _all_images_drawn(page), "a chart did not load"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "the page scrolls sideways"
    )
    # the summary cards run from the right: the national score is the right-most card
    boxes = [c.bounding_box() for c in page.locator("main .card").all()[:2]]
    assert boxes[0]["x"] > boxes[1]["x"]
    page.screenshot(path=str(artifacts / "ar-results.png"), full_page=True)
    assert axe_violations(page) == []

    page.locator("#institutions details summary").click()
    page.locator("#institutions table a").first.click()
    assert _all_images_drawn(page)
    page.screenshot(path=str(artifacts / "ar-results-institution.png"), full_page=True)
    assert axe_violations(page) == []
    page.context.close()
