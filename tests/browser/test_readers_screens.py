"""Every page a coordinator reads, in Arabic, Kurdish and English, at desktop and phone width: screenshots
saved as artefacts (``$RAQMANA_TEST_ARTIFACTS/readers``) for a person to look at, and the readers' rules
checked on each: the heading in the reader's language and, in an Arabic-Indic view, no Latin digit outside
a left-to-right code (``<bdi dir=ltr>``, ``.rq-code``, ``<code>``, ``lang=en``) or a code itself (POL-03,
SDG target 4.c, a fingerprint)."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.web.world import PASSWORD

pytestmark = pytest.mark.browser

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}
PAGES = {
    "rounds": "/assessments",
    "round": "/assessments/{aid}",
    "progress": "/assessments/{aid}/progress",
    "results": "/assessments/{aid}/results",
    "reports": "/assessments/{aid}/reports",
    "audit": "/admin/audit",
}
#: text of the main area outside left-to-right codes, where a Latin digit must not be in ar/ckb
LATIN_DIGITS = r"""() => {
  const skip = 'script, style, svg, code, kbd, .rq-code, [dir="ltr"], [lang="en"], input, textarea, select';
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('main'), NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    // codes keep their Latin digits (POL-03, SKL-R02@programme, SDG target 4.c, a fingerprint)
    const rest = node.nodeValue
      .replace(/[A-Za-z][A-Za-z0-9]*(?:[-_.@:\/][A-Za-z0-9]+)+/g, '')
      .replace(/\b[0-9]{1,2}\.[a-z]\b/g, '')
      .replace(/\b[0-9a-f]{16,}\b/g, '');
    if (!/[0-9]/.test(rest)) continue;
    const el = node.parentElement;
    if (!el || el.closest(skip) || !el.getClientRects().length) continue;
    out.push(node.nodeValue.trim().slice(0, 80));
  }
  return out;
}"""
ARABIC_SCRIPT = r"[\u0600-\u06FF]"
DRAWN = "Array.from(document.querySelectorAll('main img')).every(i => i.complete)"


@pytest.mark.slow
@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_every_page_reads_in_the_readers_language_and_digits(demo, browser, artifacts: Path, lang):  # type: ignore[no-untyped-def]
    import re

    live, aid = demo
    folder = artifacts / "readers"
    folder.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for width, viewport in (("desktop", DESKTOP), ("phone", PHONE)):
        context = browser.new_context(viewport=viewport, locale="en-US" if lang == "en" else "ar-IQ")
        page = context.new_page()
        page.set_default_timeout(300_000)  # the results are computed on the first visit
        page.goto(f"{live.url}/login?lang={lang}")
        page.fill("#username", "demo-coordinator")
        page.fill("#password", PASSWORD)
        page.click("main button[type=submit]")
        page.wait_for_url(lambda url: "/login" not in url)
        for name, path in PAGES.items():
            page.goto(f"{live.url}{path.format(aid=aid)}?lang={lang}")
            for img in page.locator("main img").all():  # lazy charts: drawn before the screenshot
                img.scroll_into_view_if_needed()
            deadline = time.monotonic() + 300
            while not page.evaluate(DRAWN) and time.monotonic() < deadline:
                time.sleep(0.3)
            page.screenshot(path=str(folder / f"{lang}-{width}-{name}.png"), full_page=True)
            heading = page.locator("main h1").first.inner_text()
            if lang != "en" and not re.search(ARABIC_SCRIPT, heading):
                problems.append(f"{width} {name}: heading {heading!r} is not in {lang}")
            if lang != "en":
                latin = page.evaluate(LATIN_DIGITS)
                if latin:
                    problems.append(f"{width} {name}: Latin digits in {latin[:5]}")
        context.close()
    assert problems == [], "\n".join(problems)
