"""Every page of the app, as a coordinator, as a focal point and as an anonymous visitor, in Arabic,
Kurdish and English, at desktop (1280 px) and phone (390 px) width: both widths for each person and
language with ``RAQMANA_CRAWL_WIDTHS=all`` (``make test-browser``); otherwise (``make test``, CI) one, the
two alternating over the people and the languages (:func:`widths`), so each run still reads every page at
both widths, each person and each language at both, in half the time (axe-core runs at desktop width
there, at both widths with ``all``).

The pages are the app's own GET routes that answer HTML (:func:`tests.web.test_route_matrix.app_routes`),
their paths filled in on the route matrix's world (its probes: a round, an institution, a consultation, a
service, a document …); a person reads each page the route matrix lets them read (status 200 there). On
every page: status 200, ``lang`` and ``dir`` of the reader's language, the heading in that language, the
digits in one shape (no Latin digit outside a left-to-right code in ar/ckb, no Arabic-Indic digit in en),
no sideways scrolling at 390 px, and no serious or critical axe-core violation (at both widths with
``all``: at 390 px a table that scrolls inside its wrapper must take the keyboard's focus). Screenshots go
to ``$RAQMANA_TEST_ARTIFACTS/crawl`` for a person to look at.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from raqmana.metrics.service import COLUMNS, parse_row
from raqmana.problems import Location
from raqmana.workspace import SYSTEM, publication, services
from tests.web.scope_people import add_scoped_people
from tests.web.test_route_matrix import EXPECTED, Ids, _build, _fill, _probe, _table, app_routes
from tests.web.world import build_world, make_settings

from .conftest import LiveServer, axe_violations, sign_in
from .test_readers_screens import ARABIC_SCRIPT, DESKTOP, DRAWN, LATIN_DIGITS, PHONE

pytestmark = [pytest.mark.browser, pytest.mark.slow]

#: who reads: the coordinator of the whole tree, the focal point of institution A, and a visitor
PEOPLE = ("coord", "focal", "anon")
LANGS = ("ar", "ckb", "en")
#: ``all`` (make test-browser): every page at both widths for every person and language; ``alternate``
#: (the default, make test and CI): at one, see :func:`widths`
CRAWL_WIDTHS = os.environ.get("RAQMANA_CRAWL_WIDTHS") or "alternate"
#: in an English view: Arabic-Indic digits outside text marked as Arabic or Kurdish
ARABIC_DIGITS = r"""() => {
  const out = [];
  const walker = document.createTreeWalker(document.querySelector('main') || document.body, NodeFilter.SHOW_TEXT);
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (!/[\u0660-\u0669\u06F0-\u06F9]/.test(node.nodeValue)) continue;
    const el = node.parentElement;
    if (!el || el.closest('script, style, [lang="ar"], [lang="ckb"], input, textarea, select')) continue;
    if (!el.getClientRects().length) continue;
    out.push(node.nodeValue.trim().slice(0, 80));
  }
  return out;
}"""
#: in an Arabic or Kurdish view: Latin digits in Arabic-script text or standing alone as a number, outside
#: left-to-right codes (as tests.browser.test_readers_screens); a text written in Latin script (a person's
#: name "Spare 17", a licence "CC BY 4.0", an English reference) keeps its own digits, and so does a quotation
#: of a document (``<blockquote>``, ``<q>``: the words as the document writes them)
LATIN_DIGITS_IN_ARABIC = LATIN_DIGITS.replace(
    "if (!/[0-9]/.test(rest)) continue;",
    "if (!/[0-9]/.test(rest)) continue;\n"
    "    if (/[A-Za-z]/.test(node.nodeValue) && !/[\\u0600-\\u06FF]/.test(node.nodeValue)) continue;",
).replace("const skip = 'script, style,", "const skip = 'blockquote, q, script, style,")
assert LATIN_DIGITS_IN_ARABIC != LATIN_DIGITS
OVERFLOW = "() => document.documentElement.scrollWidth - window.innerWidth"
LANG_DIR = "() => [document.documentElement.lang, document.documentElement.dir]"


def crawl_list(app: Any, ids: Ids) -> dict[str, list[tuple[str, str]]]:
    """Per person, the (name, path) of every HTML page they may read, each route once."""
    served = {r for r in app_routes(app) if r.startswith("GET ")}
    table = _table()
    assert {route for route, _ in table} >= served  # the matrix has every route (its own test says so)
    pages: dict[str, list[tuple[str, str]]] = {p: [] for p in PEOPLE}
    for person in PEOPLE:
        seen: set[str] = set()
        for (route, variant), statuses in sorted(table.items()):
            _, path = route.split(" ", 1)
            if route not in served or route in seen or statuses[person] != 200:
                continue
            if path.startswith(("/api/", "/static", "/health")) or re.search(
                r"\.\{?\w+\}?$|/files/|/file$", path
            ):
                continue  # JSON twins, files and downloads are not pages
            if person == "anon" and not path.startswith(("/public", "/login")):
                continue
            seen.add(route)
            url = _fill(path, _probe(route, variant).params, ids, f"{person}/html")
            name = re.sub(r"[^a-z0-9]+", "-", path.strip("/").lower()).strip("-") or "home"
            pages[person].append((name, url))
    return pages


@pytest.fixture(scope="module")
def site(
    tmp_path_factory: pytest.TempPathFactory,
) -> Iterator[tuple[LiveServer, dict[str, list[tuple[str, str]]]]]:
    from raqmana.web import create_app

    world = add_scoped_people(build_world(make_settings(tmp_path_factory.mktemp("crawl-data"))))
    ids = _build(world)
    with (
        world.ws.transaction() as s
    ):  # the matrix's service is named in English only: a reader's page names it
        names = {"name_en": "Passports", "name_ar": "جوازات السفر", "name_ckb": "پاسپۆرت"}
        values = {**dict.fromkeys(COLUMNS, ""), "code": "svc-moi", "owner": "moi", "level": "2", **names}
        record, problems = parse_row(values, lambda column: Location(field=column))
        assert record is not None, problems
        services.save_service(s, SYSTEM, record=record)
        publication.publish(s, SYSTEM)
    pages = crawl_list(create_app(world.settings, workspace=world.ws), ids)
    with LiveServer(world) as server:
        yield server, pages
    world.ws.dispose()


def widths(person: str, lang: str, mode: str = CRAWL_WIDTHS) -> list[tuple[str, dict[str, int]]]:
    """The widths ``person`` reads the pages at in ``lang``: both with ``mode`` ``all``; with ``alternate``,
    desktop and phone in turn along the people and along the languages (the coordinator reads Arabic at
    desktop width, Kurdish at phone width …, the focal point Arabic at phone width …)."""
    both = [("desktop", DESKTOP), ("phone", PHONE)]
    if mode == "all":
        return both
    if mode != "alternate":
        raise ValueError(f"RAQMANA_CRAWL_WIDTHS={mode!r}: all or alternate")
    return [both[(PEOPLE.index(person) + LANGS.index(lang)) % 2]]


def test_alternate_widths_read_every_person_and_language_at_both_widths() -> None:
    one = {(p, lang): [w for w, _ in widths(p, lang, "alternate")] for p in PEOPLE for lang in LANGS}
    assert all(len(w) == 1 for w in one.values())
    for person in PEOPLE:
        assert {w for (p, _), ws in one.items() if p == person for w in ws} == {"desktop", "phone"}
    for lang in LANGS:
        assert {w for (_, la), ws in one.items() if la == lang for w in ws} == {"desktop", "phone"}
    assert all(len(widths(p, lang, "all")) == 2 for p in PEOPLE for lang in LANGS)
    with pytest.raises(ValueError, match="RAQMANA_CRAWL_WIDTHS"):
        widths("coord", "ar", "phone")


def _with_lang(url: str, lang: str) -> str:
    return f"{url}{'&' if '?' in url else '?'}lang={lang}"


@pytest.mark.parametrize("person", PEOPLE)
def test_every_page_reads_right_in_every_language_and_width(site, browser, artifacts: Path, person):  # type: ignore[no-untyped-def]
    live, pages = site
    assert pages[person], f"no page for {person}"
    assert EXPECTED  # the route matrix, where each page's readers are decided
    folder = artifacts / "crawl"
    folder.mkdir(parents=True, exist_ok=True)
    problems: list[str] = []
    for lang in LANGS:
        for width, viewport in widths(person, lang):
            if person == "anon":
                context = browser.new_context(viewport=viewport, locale="en-US" if lang == "en" else "ar-IQ")  # type: ignore[attr-defined]
                page = context.new_page()
            else:
                page = sign_in(browser, live, person, lang)
                context = page.context
                page.set_viewport_size(viewport)
            page.set_default_timeout(120_000)
            for name, url in pages[person]:
                where = f"{person} {lang} {width} {name}"
                response = page.goto(_with_lang(f"{live.url}{url}", lang))
                if response is not None and not response.headers.get("content-type", "").startswith(
                    "text/html"
                ):
                    continue  # a probe (/readyz) or a file, not a page
                if response is None or response.status != 200:
                    problems.append(f"{where}: status {response.status if response else None} for {url}")
                    continue
                if not response.text().lstrip().lower().startswith("<!doctype html"):
                    continue  # a fragment a page loads into itself (HTMX), read with its page
                for img in page.locator("main img").all():  # lazy charts: drawn before the screenshot
                    img.scroll_into_view_if_needed()
                deadline = time.monotonic() + 60
                while not page.evaluate(DRAWN) and time.monotonic() < deadline:
                    time.sleep(0.2)
                page.screenshot(
                    path=str(folder / f"{person}-{lang}-{width}-{name}.jpeg"),
                    full_page=True,
                    type="jpeg",
                    quality=60,
                )
                problems += _check(page, where, lang, width)
            context.close()
    assert problems == [], f"{len(problems)} problems:\n" + "\n".join(problems)


def _check(page: Any, where: str, lang: str, width: str) -> list[str]:
    found: list[str] = []
    html_lang, html_dir = page.evaluate(LANG_DIR)
    if html_lang != lang or html_dir != ("ltr" if lang == "en" else "rtl"):
        found.append(f"{where}: lang={html_lang!r} dir={html_dir!r}")
    headings = page.locator("main h1")
    heading = headings.first.inner_text() if headings.count() else ""
    if not heading:
        found.append(f"{where}: no heading")
    elif lang != "en" and not re.search(ARABIC_SCRIPT, heading) and not re.fullmatch(r"[\w.-]+", heading):
        # (a heading that is a name as stored, a file's or a code, is the object's own)
        found.append(f"{where}: heading {heading!r} is not in {lang}")
    digits = page.evaluate(LATIN_DIGITS_IN_ARABIC if lang != "en" else ARABIC_DIGITS)
    if digits:
        found.append(f"{where}: digits of the other shape in {digits[:5]}")
    if width == "phone":
        over = page.evaluate(OVERFLOW)
        if over > 0:
            found.append(f"{where}: {over} px wider than the phone's screen")
    if width == "desktop" or CRAWL_WIDTHS == "all":  # axe at phone width too where both widths are read
        found += [
            f"{where}: axe {v['id']} ({v['impact']}) {v['help']} at {v['nodes']}"
            for v in axe_violations(page)
        ]
    return found
