"""The questionnaire page is kept between requests, and every change anybody makes shows at once."""

from __future__ import annotations

import re

from tests.web.world import stored


def page(browser, world, pillar="LEG"):
    return browser.get(f"/assessments/{world.assessment_id}/institutions/mofa?pillar={pillar}&lang=en").text


def test_it_shows_every_kind_of_change_on_the_next_request(as_user, world):
    focal, coord = as_user("focal"), as_user("coord")
    base = f"/assessments/{world.assessment_id}/institutions/mofa/answers/LEG-01"
    first = page(focal, world)
    assert page(focal, world) == first  # kept

    focal.form(base, {"answer": "3", "justification": "the law of 2023", "expected_version": 0}, page="/")
    saved = page(coord, world)
    assert "the law of 2023" in saved

    focal.form(base + "/evidence", {"kind": "url", "url": "https://example.org/law-2023"}, page="/")
    with_url = page(coord, world)
    assert "example.org/law-2023" in with_url

    response_id = stored(world)["LEG-01"].id
    focal.form(f"/responses/{response_id}/comments", {"text": "see article 4"}, page="/")
    assert page(coord, world) != with_url

    evidence_id = re.search(r"/evidence/(\d+)/delete", page(focal, world))
    assert evidence_id, "the focal point's page offers to remove the evidence"
    focal.form(f"/evidence/{evidence_id.group(1)}/delete", {"next": "/"}, page="/")
    assert "example.org/law-2023" not in page(coord, world)


def test_it_gives_each_reader_its_own_csrf_token_in_a_shared_page(as_user, world):
    coord, viewer = as_user("coord"), as_user("coord")
    a, b = page(coord, world), page(viewer, world)
    tokens_a = set(re.findall(r'name="csrf_token" value="([^"]+)"', a))
    tokens_b = set(re.findall(r'name="csrf_token" value="([^"]+)"', b))
    assert len(tokens_a) == 1 and len(tokens_b) == 1 and tokens_a != tokens_b
    assert "csrf-slot" not in a
    meta = re.search(r'name="csrf-token" content="([^"]+)"', a).group(1)
    assert tokens_a == {meta}


def test_it_keeps_a_page_per_reader_rights(as_user, world):
    """A focal point sees forms; a viewer of the same page sees the answers only."""
    focal_html = page(as_user("focal"), world)
    viewer_html = page(as_user("viewer"), world)
    assert 'name="justification"' in focal_html
    assert 'name="justification"' not in viewer_html
