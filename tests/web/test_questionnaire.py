"""The focal point fills the questionnaire page by enabler; autosave; bad input changes nothing."""

from __future__ import annotations

from raqmana.i18n import localize_digits

from .world import stored


def _url(world, indicator="LEG-01", code="mofa"):
    return f"/assessments/{world.assessment_id}/institutions/{code}/answers/{indicator}"


def _page(world, code="mofa", pillar=""):
    return f"/assessments/{world.assessment_id}/institutions/{code}" + (f"?pillar={pillar}" if pillar else "")


def _stored(world):
    return stored(world)


def test_it_shows_each_stage_with_its_descriptor_and_required_evidence(as_user, world):
    html = as_user("focal").get(_page(world)).text
    assert "هل يوجد قانون للتوقيع الإلكتروني؟" in html
    for n in range(1, 6):
        assert f'value="{n}" id="a-LEG-01-{n}"' in html
        shown = localize_digits(str(n), "ar")  # the framework's texts in the reader's digits
        assert f"وصف المرحلة {shown}" in html and f"الدليل المطلوب {shown}" in html
    assert "لا يوجد شيء بعد" in html  # the framework's stage 0
    assert 'value="na"' in html and 'value="dont_know"' in html


def test_it_pages_the_questionnaire_by_enabler(as_user, world):
    focal = as_user("focal")
    legal = focal.get(_page(world, pillar="LEG")).text
    services = focal.get(_page(world, pillar="SRV")).text
    assert 'id="item-LEG-01"' in legal and 'id="item-SRV-01"' not in legal
    assert 'id="item-SRV-01"' in services and 'id="item-LEG-01"' not in services
    assert 'name="value"' in services


def test_it_saves_an_answer_without_javascript_and_returns_to_the_item(as_user, world):
    focal = as_user("focal")
    r = focal.form(
        _url(world), {"answer": "3", "justification": "القانون رقم 78", "expected_version": 0}, page="/"
    )
    assert r.status_code == 303
    assert r.headers["location"].endswith("?pillar=LEG#item-LEG-01")
    saved = _stored(world)["LEG-01"]
    assert (saved.stage, saved.justification, saved.version) == (3, "القانون رقم 78", 1)
    assert "القانون رقم 78" in focal.get(_page(world)).text


def test_it_autosaves_with_htmx_and_returns_the_new_version(as_user, world):
    focal = as_user("focal")
    token = focal.csrf("/")
    r = focal.post(
        _url(world),
        data={"answer": "dont_know", "expected_version": 0},
        headers={"HX-Request": "true", "X-CSRF-Token": token},
    )
    assert r.status_code == 200
    assert 'id="ver-LEG-01" value="1" hx-swap-oob="true"' in r.text
    assert "<html" not in r.text
    assert _stored(world)["LEG-01"].dont_know is True


def test_it_lets_the_save_button_and_the_autosave_share_one_queue_and_one_version(as_user, world):
    import re

    focal = as_user("focal")
    page = focal.get(_page(world)).text
    form = re.search(r'<form method="post" action="[^"]*/answers/LEG-01"[^>]*>', page)
    assert form is not None
    # the Save button submits through htmx (trigger "submit"), queued behind a running autosave
    assert 'hx-trigger="submit, change' in form.group(0) and 'hx-sync="this:queue last"' in form.group(0)
    token = focal.csrf("/")
    version = "0"
    for stage in (
        "2",
        "3",
        "3",
    ):  # autosave on change, autosave on blur, then Save: each with the version it got
        r = focal.post(
            _url(world),
            data={"answer": stage, "justification": "law 78", "expected_version": version},
            headers={"HX-Request": "true", "X-CSRF-Token": token},
        )
        assert r.status_code == 200
        found = re.search(r'id="ver-LEG-01" value="(\d+)" hx-swap-oob="true"', r.text)
        assert found is not None
        version = found.group(1)
    assert _stored(world)["LEG-01"].stage == 3 and _stored(world)["LEG-01"].version == int(version)


def test_it_shows_the_other_version_on_a_stale_save_and_keeps_it(as_user, world):
    focal = as_user("focal")
    focal.form(_url(world), {"answer": "2", "justification": "first", "expected_version": 0}, page="/")
    r = focal.form(_url(world), {"answer": "5", "justification": "stale", "expected_version": 0}, page="/")
    assert r.status_code == 409
    assert "first" in r.text and "Focal" in r.text
    assert _stored(world)["LEG-01"].stage == 2
    api = focal.post(
        "/api/v1" + _url(world),
        json={"value": 5, "expected_version": 0},
        headers={"X-CSRF-Token": focal.csrf("/")},
    )
    assert api.status_code == 409 and api.json()["current"]["stage"] == 2


def test_it_rejects_a_stage_outside_the_ladder_with_a_translated_message(as_user, world):
    r = as_user("focal").form(_url(world), {"answer": "9", "expected_version": 0}, page="/")
    assert r.status_code == 422
    assert '<html lang="ar"' in r.text and "alert-danger" in r.text
    assert _stored(world) == {}


def test_it_rejects_a_malformed_form_field_with_a_translated_message(as_user, world):
    r = as_user("focal").form(_url(world), {"answer": "2", "expected_version": "two"}, page="/")
    assert r.status_code == 422
    assert (
        "«النسخة»" in r.text and "«expected_version»" not in r.text and "عدد صحيح" in r.text
    )  # the field's label
    assert _stored(world) == {}


def test_it_refuses_na_where_the_indicator_does_not_allow_it(as_user, world):
    r = as_user("focal").form(_url(world, "LEG-02"), {"answer": "na", "expected_version": 0}, page="/")
    assert r.status_code == 422
    assert _stored(world) == {}


def test_it_accepts_arabic_digits_in_numbers(as_user, world):
    r = as_user("focal").form(
        _url(world, "SRV-01"), {"answer": "value", "value": "٤٢٫٥", "expected_version": 0}, page="/"
    )
    assert r.status_code == 303
    assert _stored(world)["SRV-01"].number == 42.5


def test_it_hides_other_institutions_from_outsiders(as_user, world):
    outsider = as_user("outsider")
    assert outsider.get(_page(world)).status_code == 404
    assert outsider.get("/api/v1" + _page(world)).status_code == 404
    r = outsider.form(_url(world), {"answer": "1", "expected_version": 0}, page="/")
    assert r.status_code == 404
    assert outsider.get(f"/assessments/{world.assessment_id}").status_code == 404
    assert _stored(world) == {}


def test_it_shows_a_404_for_ids_that_do_not_exist(as_user, world):
    focal = as_user("focal")
    assert focal.get("/assessments/999/institutions/mofa").status_code == 404
    assert focal.get(_page(world, code="no-such-org")).status_code == 404
    r = focal.form(_url(world, "NOPE-99"), {"answer": "1", "expected_version": 0}, page="/")
    assert r.status_code in (404, 422)
    assert _stored(world) == {}


def test_it_lets_a_viewer_read_but_not_answer(as_user, world):
    viewer = as_user("viewer")
    page = viewer.get(_page(world))
    assert page.status_code == 200 and 'name="answer"' not in page.text
    r = viewer.form(_url(world), {"answer": "1", "expected_version": 0}, page="/")
    assert r.status_code in (403, 404)
    assert _stored(world) == {}


def test_it_submits_an_enabler_and_reports_unanswered_questions(as_user, world):
    focal = as_user("focal")
    focal.form(_url(world), {"answer": "3", "expected_version": 0}, page="/")
    r = focal.form(
        f"/assessments/{world.assessment_id}/institutions/mofa/submit", {"pillar": "LEG"}, page="/"
    )
    assert r.status_code == 303
    assert r.headers["location"].endswith("#submit-report")  # the browser shows the report, not the button
    page = focal.get(r.headers["location"]).text
    assert "LEG-02" in page.split('id="submit-report"')[1].split("</div>")[0]
    assert _stored(world)["LEG-01"].state == "submitted"
    assert 'id="a-LEG-01-3"' not in page and 'id="a-LEG-02-3"' in page  # a submitted answer is read-only


def test_it_round_trips_the_excel_workbook(as_user, world):
    focal = as_user("focal")
    focal.form(_url(world), {"answer": "4", "expected_version": 0}, page="/")
    r = focal.get(f"/assessments/{world.assessment_id}/institutions/mofa/workbook.xlsx")
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("application/vnd.openxmlformats")
    assert "attachment" in r.headers["content-disposition"]
    up = focal.post(
        f"/assessments/{world.assessment_id}/institutions/mofa/workbook",
        files={"file": ("book.xlsx", r.content)},
        data={"csrf_token": focal.csrf("/")},
    )
    assert up.status_code == 200, up.text


def test_it_reports_a_broken_workbook_without_a_traceback(as_user, world):
    focal = as_user("focal")
    up = focal.post(
        f"/assessments/{world.assessment_id}/institutions/mofa/workbook",
        files={"file": ("book.xlsx", b"not a workbook")},
        data={"csrf_token": focal.csrf("/")},
    )
    assert up.status_code == 422
    assert "Traceback" not in up.text and "alert-danger" in up.text


def test_it_titles_the_first_page_with_its_enabler(as_user, world):
    html = as_user("focal").get(f"/assessments/{world.assessment_id}/institutions/mofa?lang=en").text
    title = html.split("<title>")[1].split("</title>")[0]
    assert "·  ·" not in title and title.count("·") == 2


def test_a_refused_workbook_offers_the_way_back_to_the_form(as_user, world):
    focal = as_user("focal")
    page = f"/assessments/{world.assessment_id}/institutions/mofa"
    up = focal.post(
        page + "/workbook",
        files={"file": ("book.xlsx", b"not a workbook")},
        data={"csrf_token": focal.csrf("/")},
        headers={"Referer": f"http://testserver{page}"},
    )
    assert up.status_code == 422
    assert f'<a href="{page}">' in up.text, "a link back to the questionnaire, not only to the start page"
    missing = focal.post(page + "/workbook", data={"csrf_token": focal.csrf("/")})
    assert missing.status_code == 422 and "«file»" not in missing.text and "«ملف»" in missing.text
