"""An accepted answer takes no more evidence: the document page says which institutions a passage can still
go to (the others are marked and cannot be chosen), and a refused choice comes back on the document's page
as a problem beside the suggestion's form, with the choices kept, not as a full "not allowed" page."""

from __future__ import annotations

import re

from raqmana.documents import errors as DE
from raqmana.frameworks.loader import load_or_raise
from raqmana.i18n import gettext
from raqmana.workspace import SYSTEM, responses, review
from raqmana.workspace.answers import Answer
from raqmana.workspace.jobs import run_worker
from tests.documents.world import LAW_TEXT

CLOSED = "The answers this passage could support are already accepted; evidence is added before acceptance."


def _accept_answers(world, ref: str, codes: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """Answer ``ref`` for ``codes``, submit and accept (as the system)."""
    with world.ws.transaction() as s:
        for code in codes:
            responses.save_answer(
                s,
                SYSTEM,
                assessment_id=world.assessment_id,
                institution_code=code,
                indicator_id=ref,
                answer=Answer(2),
                expected_version=0,
            )
            responses.submit(s, SYSTEM, assessment_id=world.assessment_id, institution_code=code)
        for r in review.review_queue(s, SYSTEM, assessment_id=world.assessment_id):
            review.review(s, SYSTEM, response_id=r.id, decision="accept", expected_version=r.version)


def _national_law(world, coord) -> tuple[int, dict]:  # type: ignore[no-untyped-def]
    """A national document analysed, and its first suggestion of a maturity-ladder indicator."""
    r = coord.post("/api/v1/documents", files={"file": ("law.txt", LAW_TEXT.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    doc_id = r.json()["document"]["id"]
    run_worker(world.ws, once=True)
    ladders = {
        i.id
        for p in load_or_raise("iraq-dla").pillars
        for a in p.sub_areas
        for i in a.indicators
        if str(i.answer_type) == "ladder"
    }
    detail = coord.get(f"/api/v1/documents/{doc_id}").json()
    suggestion = next(
        s
        for p in detail["passages"]
        for s in p["suggestions"]
        if s["kind"] == "indicator" and s["ref"] in ladders
    )
    return doc_id, suggestion


def _form(page: str, suggestion_id: int) -> str:
    m = re.search(rf'<form [^>]*action="/documents/suggestions/{suggestion_id}/decide".*?</form>', page, re.S)
    assert m, "the suggestion has its form"
    return m.group(0)


def _round_id(b) -> int:  # type: ignore[no-untyped-def]
    return next(a["id"] for a in b.get("/api/v1/assessments").json()["assessments"] if a["status"] == "open")


def test_an_institution_whose_answer_is_accepted_is_marked_and_a_refusal_stays_on_the_page(docworld, browser):
    coord = browser("coord")  # Arabic
    doc_id, suggestion = _national_law(docworld, coord)
    _accept_answers(docworld, suggestion["ref"], ("moa",))
    form = _form(coord.get(f"/documents/{doc_id}").text, suggestion["id"])
    marked = re.search(r'<option value="moa" disabled>([^<]*)</option>', form)
    assert marked and marked.group(1).endswith(": الإجابة مقبولة بالفعل"), form
    assert '<option value="mob">' in form and 'value="accept"' in form
    assert gettext("ar", CLOSED) not in form

    round_id = _round_id(coord)
    choice = {"decision": "accept", "assessment_id": str(round_id), "next": f"/documents/{doc_id}"}
    refused = coord.form(
        f"/documents/suggestions/{suggestion['id']}/decide",
        {**choice, "institution_code": "moa"},
        page=f"/documents/{doc_id}",
    )
    assert refused.status_code == 422, refused.text[:500]
    page = refused.text.replace("&#39;", "'")
    assert gettext("ar", "Passages and suggestions") in page  # the document's page, not an error page
    assert DE.EVIDENCE_LOCKED.template("ar").format(indicator=suggestion["ref"]) in page
    problem = re.search(
        rf'<div class="w-100" id="refused-{suggestion["id"]}">(.*?)</div>\s*</div>', page, re.S
    )
    assert problem and f"<bdi>{gettext('ar', 'Institution')}</bdi>:" in problem.group(1)  # located
    assert f'aria-describedby="refused-{suggestion["id"]}"' in _form(page, suggestion["id"])
    assert f'<option value="{round_id}" selected>' in _form(page, suggestion["id"])  # the choice is kept

    api = coord.post(
        f"/api/v1/documents/suggestions/{suggestion['id']}/decide",
        json={"decision": "accept", "assessment_id": round_id, "institution_code": "moa"},
    )
    assert api.status_code == 422
    assert [(e["code"], e["location"]["field"]) for e in api.json()["errors"]] == [
        ("DC027", "institution_code")
    ]

    taken = coord.form(
        f"/documents/suggestions/{suggestion['id']}/decide",
        {**choice, "institution_code": "mob"},
        page=f"/documents/{doc_id}",
    )
    assert taken.status_code == 303, taken.text[:500]


def test_a_passage_whose_answers_are_all_accepted_offers_no_acceptance_and_says_why(docworld, browser):
    coord = browser("coord")
    doc_id, suggestion = _national_law(docworld, coord)
    _accept_answers(docworld, suggestion["ref"], ("moa", "mob"))
    for lang in ("ar", "ckb", "en"):
        form = _form(coord.get(f"/documents/{doc_id}?lang={lang}").text, suggestion["id"])
        assert gettext(lang, CLOSED) in form
        assert 'value="accept"' not in form and 'value="reject"' in form  # it can still be rejected


def test_an_institution_s_document_says_so_when_its_answer_is_accepted(docworld, browser):
    fp = browser("fp_a")
    r = fp.post(
        "/api/v1/documents",
        files={"file": ("law.txt", LAW_TEXT.encode(), "text/plain")},
        data={"institution_code": "moa"},
    )
    assert r.status_code == 201, r.text
    doc_id = r.json()["document"]["id"]
    run_worker(docworld.ws, once=True)
    rev = browser("rev_a")  # reviews moa
    detail = rev.get(f"/api/v1/documents/{doc_id}").json()
    law = next(s for p in detail["passages"] for s in p["suggestions"] if s["ref"] == "LEG-02")
    assert 'value="accept"' in _form(rev.get(f"/documents/{doc_id}").text, law["id"])
    _accept_answers(docworld, "LEG-02", ("moa",))
    form = _form(rev.get(f"/documents/{doc_id}?lang=en").text, law["id"])
    assert CLOSED in form and 'value="accept"' not in form
