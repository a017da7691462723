"""A reviewer accepts or rejects suggestions; an accepted indicator suggestion becomes evidence on the
answer (quote, page, document), visible to the answer's readers, audited."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from raqmana.store.models import AuditEvent
from raqmana.workspace import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.documents_review import country_profile, decide, document_detail
from raqmana.workspace.evidence import list_evidence
from raqmana.workspace.exceptions import Conflict
from raqmana.workspace.responses import list_responses
from tests.documents.test_workspace_documents import analyse, upload


def analysed(w, **scope):
    doc = upload(w, **scope) if scope else upload(w, institution_code="moa")
    analyse(w, doc.id, who="coord" if not scope or "institution_code" not in scope else "fp_a")
    with w.ws.reader() as s:
        return document_detail(s, w["coord"], document_id=doc.id)


def suggestion(detail, kind, ref=None, quote=""):
    return next(
        x
        for p in detail.passages
        for x in p.suggestions
        if x.kind == kind and ref in (None, x.ref) and quote in p.quote
    )


def test_an_accepted_indicator_suggestion_is_evidence_on_the_answer(docworld):
    detail = analysed(docworld)
    law = suggestion(detail, "indicator", "LEG-02", quote="هيئة مستقلة")
    with docworld.ws.transaction() as s:
        done = decide(s, docworld["rev_a"], suggestion_id=law.id, decision="accept")
    assert done.state == "accepted" and done.evidence_id is not None and done.decided_by
    with docworld.ws.reader() as s:
        answers = list_responses(
            s, docworld["rev_a"], assessment_id=docworld.assessment_id, institution_code="moa"
        )
        answer = next(r for r in answers if r.indicator_id == "LEG-02")
        items = list_evidence(s, docworld["fp_a"], response_id=answer.id)  # the focal point sees it too
        actions = s.scalars(select(AuditEvent.action).order_by(AuditEvent.seq.desc()).limit(2)).all()
    (ev,) = items
    assert (ev.source_type, ev.filename) == ("document", "law.txt")
    assert "هيئة مستقلة لحماية البيانات" in ev.description and law.quote[:40] in ev.description
    assert actions == ["document.suggestion.accept", "evidence.attach"]
    with docworld.ws.transaction() as s, pytest.raises(Conflict):
        decide(s, docworld["rev_a"], suggestion_id=law.id, decision="reject")


def test_focal_points_and_outsiders_do_not_decide(docworld):
    detail = analysed(docworld)
    law = suggestion(detail, "indicator", "LEG-02")
    with docworld.ws.transaction() as s, pytest.raises(Forbidden):
        decide(s, docworld["fp_a"], suggestion_id=law.id, decision="accept")
    with docworld.ws.transaction() as s, pytest.raises(NotFound):
        decide(s, docworld["fp_b"], suggestion_id=law.id, decision="accept")
    with docworld.ws.transaction() as s, pytest.raises(ValidationFailed) as err:
        decide(s, docworld["rev_a"], suggestion_id=law.id, decision="maybe")
    assert err.value.problems[0].code.id == "DC022"


def test_a_library_document_needs_the_round_and_institution_to_become_evidence(docworld):
    detail = analysed(docworld, who="coord")
    law = suggestion(detail, "indicator", "LEG-02")
    with docworld.ws.transaction() as s, pytest.raises(ValidationFailed) as err:
        decide(s, docworld["coord"], suggestion_id=law.id, decision="accept")
    assert err.value.problems[0].code.id == "DC020"
    assert "المؤسسة" in err.value.message("ar")
    with docworld.ws.transaction() as s:
        done = decide(
            s,
            docworld["coord"],
            suggestion_id=law.id,
            decision="accept",
            assessment_id=docworld.assessment_id,
            institution_code="mob",
        )
    assert done.evidence_id is not None


def test_the_country_profile_counts_accepted_targets_across_documents(docworld):
    first = analysed(docworld)
    analysed(docworld, who="coord")
    target = suggestion(first, "target")
    with docworld.ws.transaction() as s:
        decide(s, docworld["rev_a"], suggestion_id=target.id, decision="accept")
    with docworld.ws.reader() as s:
        country = country_profile(s, docworld["viewer"])
        own = country_profile(s, docworld["fp_b"])
    assert country.documents == 2 and len(country.goals) == 17
    row = next(t for t in country.targets if t.target == target.ref)
    assert row.accepted == 1 and row.passages >= 2  # the same law in both documents
    assert own.documents == 0 and all(g.passages == 0 for g in own.goals)


def test_a_plans_actions_are_matched_to_roadmap_initiatives(docworld):
    from importlib import resources

    data = resources.files("raqmana.documents").joinpath("data", "illustrative_plan_ar.txt").read_bytes()
    doc = upload(docworld, who="coord", data=data, filename="plan.txt")
    analyse(docworld, doc.id, who="coord")
    with docworld.ws.reader() as s:
        detail = document_detail(s, docworld["coord"], document_id=doc.id)
    registers = next(p for p in detail.passages if "السجل المدني" in p.quote)
    assert registers.kind == "action" and registers.details.get("owner")
    (initiative,) = [x for x in registers.suggestions if x.kind == "action"][:1]
    assert initiative.ref.startswith("DAT-") and initiative.label["en"]  # data exchange between registers
    with docworld.ws.transaction() as s:
        done = decide(s, docworld["coord"], suggestion_id=initiative.id, decision="accept")
    assert done.state == "accepted" and done.evidence_id is None


ARABIC_DIGITS = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


def test_the_citation_is_written_in_the_language_of_the_reviewer_who_accepts_it(docworld):
    import dataclasses

    detail = analysed(docworld)
    law = suggestion(detail, "indicator", "LEG-02", quote="هيئة مستقلة")
    arabic_reviewer = dataclasses.replace(docworld["rev_a"], locale="ar")
    with docworld.ws.transaction() as s:
        decide(s, arabic_reviewer, suggestion_id=law.id, decision="accept")
    with docworld.ws.reader() as s:
        answers = list_responses(
            s, docworld["rev_a"], assessment_id=docworld.assessment_id, institution_code="moa"
        )
        answer = next(r for r in answers if r.indicator_id == "LEG-02")
        (ev,) = list_evidence(s, docworld["rev_a"], response_id=answer.id)
    assert "(p. " not in ev.description and "[stage " not in ev.description
    assert law.stage is not None and f"[المرحلة {law.stage}]".translate(ARABIC_DIGITS) in ev.description
