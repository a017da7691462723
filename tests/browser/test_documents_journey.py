"""A policy document's way through the pages, in a browser: a focal point uploads a law, the page says it
is being read and, without a reload, shows the passages and suggestions once the job has read and
analysed it; the reviewer accepts a suggested indicator, and the passage appears as evidence on the
institution's answer in the questionnaire."""

from __future__ import annotations

import re

import pytest

from raqmana.workspace.jobs import run_worker
from tests.documents.world import LAW_TEXT, docworld  # noqa: F401
from tests.store.db import database_url, pg_template, settings, sqlite_template, ws  # noqa: F401

from .conftest import LiveServer, sign_in

TITLE = "Personal data protection law (draft)"


@pytest.fixture
def served(docworld):  # noqa: F811
    with LiveServer(docworld) as server:
        yield server, docworld


def test_upload_being_read_suggestions_accept_and_evidence_on_the_answer(
    browser, served, tmp_path, artifacts
):
    server, world = served
    law = tmp_path / "law.txt"
    law.write_text(LAW_TEXT, encoding="utf-8")

    fp = sign_in(browser, server, "fp_a", "en")
    fp.goto(f"{server.url}/documents")
    fp.set_input_files("#doc-file", str(law))
    fp.fill("#doc-title", TITLE)
    fp.fill("#doc-inst", "moa")
    fp.get_by_role("button", name="Upload and analyse").click()
    fp.wait_for_url(re.compile(r".*/documents/\d+$"))
    document_url = fp.url
    reading = fp.locator("#doc-reading")
    assert reading.is_visible() and "being read" in reading.inner_text()
    assert fp.locator("article").count() == 0  # no passage before the reading

    assert run_worker(world.ws, once=True) == 1  # what `raqmana worker` does: read, then analyse
    # the page follows the job by itself (it asks again every two seconds) and shows the suggestions
    fp.locator("article", has_text="LEG-02").first.wait_for(timeout=15_000)
    assert fp.locator("#doc-reading").count() == 0
    assert fp.locator("form[action$='/decide']").count() == 0  # a focal point does not decide
    fp.screenshot(path=str(artifacts / "document-read-en.png"), full_page=True)
    fp.context.close()

    rev = sign_in(browser, server, "rev_a", "en")
    rev.goto(document_url)
    passage = rev.locator("article", has_text="هيئة مستقلة")
    suggestion = passage.locator("li", has_text="LEG-02")
    suggestion.get_by_role("button", name="Accept").click()
    rev.wait_for_url(re.compile(r".*/documents/\d+(#passage-\d+)?$"))
    decided = rev.locator("article", has_text="هيئة مستقلة").locator("li", has_text="LEG-02")
    assert "accepted" in decided.inner_text() and "evidence on the answer" in decided.inner_text()

    rev.goto(f"{server.url}/assessments/{world.assessment_id}/institutions/moa?pillar=LEG")
    evidence = rev.locator("body").inner_text()
    assert TITLE in evidence and "هيئة مستقلة لحماية البيانات الشخصية" in evidence
    rev.screenshot(path=str(artifacts / "document-evidence-on-answer-en.png"), full_page=True)
    rev.context.close()
