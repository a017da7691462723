"""Public pages for visitors who are not signed in come from answers each web process keeps
(``raqmana.web.public_edge``): the app's own page with each visitor's own CSRF token in it, never one built
for someone signed in, never an error, and a change made through another process within the bound."""

from __future__ import annotations

import re
import time
from collections.abc import Iterator
from contextlib import contextmanager

import httpx
import pytest
from sqlalchemy import event

from raqmana.web import create_app
from raqmana.web.edge_body import SLOT
from raqmana.web.public_edge import family
from raqmana.workspace import SYSTEM, open_workspace, publication
from raqmana.workspace import consultations as C

from .conftest import Browser
from .test_participation_consultations import open_one
from .test_public import publish
from .test_services import PASSPORT, VISA, catalogue_csv, upload

TOKEN = re.compile(r'name="csrf-token" content="([^"]+)"')


@pytest.fixture
def app(world):
    """The app with a long bound: what is kept stays kept while a test looks (a slow first render)."""
    return create_app(world.settings.model_copy(update={"public_cache_seconds": 30}), workspace=world.ws)


@pytest.fixture
def coord(as_user):
    c = as_user("coord")
    upload(c, catalogue_csv(PASSPORT, VISA))
    return c


@contextmanager
def statements(ws) -> Iterator[list[str]]:
    """The SQL statements the app sends while the block runs."""
    sent: list[str] = []

    def count(conn, cursor, statement, *args):  # type: ignore[no-untyped-def]
        if "audit_head" not in statement:  # the version read once a bound (public_version.read)
            sent.append(statement)

    event.listen(ws.engine, "before_cursor_execute", count)
    try:
        yield sent
    finally:
        event.remove(ws.engine, "before_cursor_execute", count)


def token_of(page: httpx.Response) -> str:
    m = TOKEN.search(page.text)
    assert m, page.text[:300]
    return m.group(1)


def kept(browser: Browser, path: str, ws) -> str:  # type: ignore[no-untyped-def]
    """The page once it is kept: a look at it sends nothing to the database (a page built just after the
    version was first read is built again once the app's own moment has passed)."""
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        with statements(ws) as sent:
            text = browser.get(path).text
        if not sent:
            return text
        time.sleep(0.1)
    raise AssertionError(f"{path} is built for every request")


def test_only_the_public_pages_are_kept():
    assert family("/public") == "portal" and family("/public/kpis/online_share/trend.svg") == "portal"
    assert family("/public/data/v3/services.csv") == "portal"
    assert family("/public/consultations") == family("/public/consultations/7") == "consultations"
    for path in ("/public/feedback/status", "/public/consultations/7/response", "/publication", "/public/"):
        assert family(path) is None, path


def test_a_kept_page_is_the_app_s_own_served_without_the_database(coord, client, world):
    publish(coord)
    first = client.get("/public?lang=en")
    assert first.status_code == 200 and "Passport issue" in first.text
    with statements(world.ws) as sent:
        again = client.get("/public?lang=en")
    assert again.text == first.text and sent == []
    with statements(world.ws) as sent:
        data = client.get("/public/data/services.csv")
        data_again = client.get("/public/data/services.csv")
    assert data_again.content == data.content and sent  # the CSV built once
    with statements(world.ws) as sent:
        client.get("/public?lang=en")
        client.get("/public/data/services.csv")
    assert sent == []
    # the security headers the app sets travel with the kept page
    assert "frame-ancestors 'none'" in again.headers["content-security-policy"]
    assert again.headers["x-content-type-options"] == "nosniff" and again.headers["x-request-id"]
    assert "raqmana_csrf" not in again.headers.get("set-cookie", "")  # the portal's pages hold no form


def test_each_visitor_gets_their_own_csrf_token_and_it_works(world, app):
    c = open_one(world)
    page = f"/public/consultations/{c.id}?lang=en"
    with Browser(app, base_url="http://testserver") as a, Browser(app, base_url="http://testserver") as b:
        pa, pb = a.get(page), b.get(page)
        ta, tb = token_of(pa), token_of(pb)
        assert ta != tb and SLOT not in pa.text + pb.text
        assert pa.text.replace(ta, "") == pb.text.replace(tb, "")
        assert pa.headers["etag"] != pb.headers["etag"]  # a browser's copy holds its own token
        comment = {"section_id": str(c.sections[0].id), "text": "Please add Friday hours"}
        path = f"/public/consultations/{c.id}/comments"
        assert a.post(path, data={**comment, "csrf_token": tb}).status_code == 403
        assert a.post(path, data={**comment, "csrf_token": ta}).status_code == 201
        switch = {"lang": "ar", "next": page}
        assert (
            b.post("/language", data={**switch, "csrf_token": tb}, follow_redirects=False).status_code == 303
        )
        assert 'dir="rtl"' in b.get(f"/public/consultations/{c.id}").text  # the visitor's language


def test_a_first_visit_gets_a_cookie_and_the_gzip_form_is_the_same_page(world, app):
    c = open_one(world)
    page = f"/public/consultations/{c.id}?lang=en"
    with Browser(app, base_url="http://testserver") as warm:
        warm.get(page)  # kept now
    with Browser(app, base_url="http://testserver") as b:
        raw = b.get(page, headers={"Accept-Encoding": "gzip"})
        assert raw.headers["content-encoding"] == "gzip" and "Accept-Encoding" in raw.headers["vary"]
        assert "raqmana_csrf=" in raw.headers["set-cookie"] and "raqmana_lang=en" in raw.headers["set-cookie"]
        plain = b.get(page, headers={"Accept-Encoding": "identity"})
        assert "content-encoding" not in plain.headers and "set-cookie" not in plain.headers
        assert plain.content == raw.content  # httpx decoded the gzip one, whose token was put in uncompressed
        assert int(plain.headers["content-length"]) == len(plain.content)
        assert token_of(plain) == token_of(raw)


def test_a_page_built_for_someone_signed_in_is_never_served_to_others(world, client, as_user):
    c = open_one(world)
    page = f"/public/consultations/{c.id}?lang=en"
    focal = as_user("focal")
    theirs = focal.get(page)  # the first to ask is signed in: the app builds the page for them
    assert "Sign out" in theirs.text
    anonymous = client.get(page)
    assert "Sign out" not in anonymous.text and token_of(theirs) not in anonymous.text
    with statements(world.ws) as sent:
        again = focal.get(page)  # a signed-in visitor always goes to the app
    assert sent and "Sign out" in again.text


def test_a_token_an_htmx_or_a_range_request_goes_to_the_app(coord, client, world):
    publish(coord)
    client.get("/public?lang=en")  # kept now
    for personal in ({"Authorization": "Bearer not-a-token"}, {"HX-Request": "true"}, {"Range": "bytes=0-9"}):
        with statements(world.ws) as sent:
            client.get("/public?lang=en", headers=personal)
        assert sent, personal


def test_errors_are_not_kept_and_an_unpublished_service_never_shows(coord, client, world):
    publish(coord)
    assert client.get("/public/services/later").status_code == 404
    with statements(world.ws) as sent:
        assert client.get("/public/services/later").status_code == 404
    assert sent  # asked again
    upload(coord, catalogue_csv(PASSPORT, VISA, {**PASSPORT, "code": "later", "name_en": "Later"}))
    assert client.get("/public/services/later").status_code == 404  # not published yet
    publish(coord)
    assert "Later" in client.get("/public/services/later?lang=en").text


def test_a_change_through_another_process_shows_within_the_bound(coord, world):
    settings = world.settings.model_copy(update={"public_cache_seconds": 0.3})
    app = create_app(settings, workspace=world.ws)
    v = publish(coord)["version"]
    other = open_workspace(world.settings, migrate=False)  # another web worker or `raqmana` command
    try:
        with Browser(app, base_url="http://testserver") as c:
            paths = ("/public?lang=en", "/public/services/visa", "/public/data/services.csv", "/public/kpis")
            assert [c.get(p).status_code for p in paths] == [200] * 4
            with other.transaction() as s:
                publication.withdraw(s, SYSTEM, expected_version=v)
            time.sleep(0.35)
            assert [c.get(p).status_code for p in paths] == [404] * 4
    finally:
        other.dispose()


def test_a_match_is_answered_304_and_head_without_a_body(coord, client, world):
    publish(coord)
    first = client.get("/public/services/visa?lang=en")
    with statements(world.ws) as sent:
        same = client.get("/public/services/visa?lang=en", headers={"If-None-Match": first.headers["etag"]})
        head = client.head("/public/services/visa?lang=en")
    assert sent == []
    assert same.status_code == 304 and same.content == b"" and same.headers["etag"] == first.headers["etag"]
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == first.headers["content-length"]


def test_a_comment_published_elsewhere_shows_within_the_bound_and_participants_see_their_own(
    world, monkeypatch
):
    from raqmana.web.routers import consultations

    monkeypatch.setattr(consultations, "PAGE_SECONDS", 0.2)  # the app's own moment, shortened
    settings = world.settings.model_copy(update={"public_cache_seconds": 0.3})
    app = create_app(settings, workspace=world.ws)
    c = open_one(world)
    other = open_workspace(world.settings, migrate=False)
    try:
        with other.transaction() as s:
            got = C.add_comment(
                s,
                consultation_id=c.id,
                section_id=c.sections[0].id,
                text="Open on Fridays",
                lang="en",
                client="x",
            )
        with Browser(app, base_url="http://testserver") as reader:
            page = f"/public/consultations/{c.id}?lang=en"
            assert "Open on Fridays" not in reader.get(page).text
            assert "Open on Fridays" not in kept(reader, page, world.ws)
            with other.transaction() as s:
                C.moderate_comment(s, SYSTEM, comment_id=got.id, publish=True, consultation_id=c.id)
            time.sleep(0.8)  # the bound, and the app's own moment for a consultation page
            assert "Open on Fridays" in reader.get(page).text
            # a participant's page says what they may do: the app builds it for them
            with statements(world.ws) as sent:
                reader.cookies.set("rq_participant", "some-token")
                assert reader.get(page).status_code == 200
            assert sent
    finally:
        other.dispose()
