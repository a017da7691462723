"""A document's suggestions on a phone (390 px, Arabic): the decision form (round, institution, Accept and
Reject) wraps inside the screen instead of widening the page."""

from __future__ import annotations

import pytest

from raqmana.workspace.jobs import run_worker
from tests.documents.world import LAW_TEXT, docworld  # noqa: F401
from tests.store.db import database_url, pg_template, settings, sqlite_template, ws  # noqa: F401
from tests.web.conftest import Browser

from .conftest import LiveServer, axe_violations, sign_in


@pytest.fixture
def served(docworld):  # noqa: F811
    from raqmana.web import create_app

    api = Browser(create_app(docworld.settings, workspace=docworld.ws), base_url="http://testserver")
    with api:
        api.login("coord")
        api.headers["X-CSRF-Token"] = api.csrf("/account")
        r = api.post(
            "/api/v1/documents",
            files={"file": ("law.txt", LAW_TEXT.encode(), "text/plain")},
            data={"title": "National data protection law and its implementing regulations"},
        )
        assert r.status_code == 201, r.text
    assert run_worker(docworld.ws, once=True) == 1
    with LiveServer(docworld) as server:
        yield server, r.json()["document"]["id"]


def test_the_suggestion_forms_wrap_on_a_phone(browser, served, artifacts):
    server, doc_id = served
    page = sign_in(browser, server, "coord", "ar")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{server.url}/documents/{doc_id}?lang=ar")
    assert page.locator("form[action$='/decide']").count() > 0, "an open suggestion to decide"
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1"), (
        "wider than the screen"
    )
    assert axe_violations(page) == []
    page.screenshot(path=str(artifacts / "document-suggestions-ar-390.png"), full_page=True)
    page.context.close()
