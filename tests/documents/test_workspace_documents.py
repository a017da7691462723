"""Documents in the workspace: upload (refusals leave nothing), who sees what, analysis as a job with
progress, re-runs versioned and keeping decisions."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from raqmana.documents.mapper import VERSION as MAPPER_VERSION
from raqmana.store.models import AuditEvent, DocumentAnalysis, DocumentPassage, StoredDocument
from raqmana.workspace import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.documents import list_documents, open_document, upload_document
from raqmana.workspace.documents_analysis import enqueue_analysis
from raqmana.workspace.documents_review import decide, document_detail
from raqmana.workspace.jobs import get_job, run_worker
from tests.documents.world import LAW_TEXT

LAW = LAW_TEXT.encode()


def upload(w, who="fp_a", data=LAW, filename="law.txt", **scope):
    with w.ws.transaction() as s:
        return upload_document(s, w[who], settings=w.ws.settings, filename=filename, data=data, **scope)


def analyse(w, doc_id, who="fp_a", **kw):
    with w.ws.transaction() as s:
        job = enqueue_analysis(s, w[who], document_id=doc_id, **kw)
    assert run_worker(w.ws, once=True) == 1
    with w.ws.reader() as s:
        return get_job(s, w[who], job.id)


def test_it_stores_the_file_and_its_passages_for_an_institution(docworld):
    doc = upload(docworld, institution_code="moa", title="Data protection law")
    assert (doc.scope, doc.institution_code, doc.format, doc.language) == ("institution", "moa", "text", "ar")
    assert doc.passages >= 3 and doc.analysis_status == "none"
    with docworld.ws.reader() as s:
        f = open_document(s, docworld["rev_a"], settings=docworld.ws.settings, document_id=doc.id)
        assert f.path.read_bytes() == LAW_TEXT.encode()
        texts = s.scalars(select(DocumentPassage.text).where(DocumentPassage.document_id == doc.id)).all()
        assert any("هيئة مستقلة لحماية البيانات" in t for t in texts)
        assert s.scalar(select(AuditEvent.action).order_by(AuditEvent.seq.desc())) == "document.upload"


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("law.pdf", b"%PDF-1.4\nnot really\n", "DC006"),
        ("law.docx", LAW_TEXT.encode(), "DC004"),
        ("empty.txt", b"", "DC001"),
        ("program.txt", b"MZ\x90\x00\x03" + b"\x00" * 64, "DC003"),
    ],
)
def test_a_refused_file_leaves_no_row_and_no_bytes(docworld, filename, data, code):
    with pytest.raises(ValidationFailed) as err:
        upload(docworld, data=data, filename=filename, institution_code="moa")
    assert err.value.problems[0].code.id == code
    with docworld.ws.reader() as s:
        assert s.scalar(select(func.count()).select_from(StoredDocument)) == 0
    evidence_dir = docworld.ws.settings.data_dir / "evidence"
    assert not evidence_dir.exists() or not any(p.is_file() for p in evidence_dir.rglob("*"))


def test_who_may_add_and_read_documents(docworld):
    with pytest.raises(Forbidden):
        upload(docworld, who="fp_a")  # the national library is kept by whole-tree managers
    with pytest.raises(NotFound):
        upload(docworld, who="fp_b", institution_code="moa")
    with pytest.raises(Forbidden):
        upload(docworld, who="rev_a", institution_code="moa")  # reviewers decide, they do not upload
    library = upload(docworld, who="coord")
    ministry = upload(docworld, who="fp_a", institution_code="moa")
    with docworld.ws.reader() as s:
        seen = {
            n: {d.id for d in list_documents(s, docworld[n])} for n in ("viewer", "fp_a", "fp_b", "rev_a")
        }
    assert seen["viewer"] == {library.id, ministry.id}
    assert seen["fp_a"] == {ministry.id}  # scoped roles see their institution's documents only
    assert seen["rev_a"] == {ministry.id}
    assert seen["fp_b"] == set()
    with docworld.ws.reader() as s, pytest.raises(NotFound):
        document_detail(s, docworld["fp_b"], document_id=ministry.id)


def test_the_analysis_runs_as_a_job_with_progress_and_is_stored_with_its_version(docworld):
    doc = upload(docworld, institution_code="moa")
    job = analyse(docworld, doc.id)
    assert job.status == "done" and job.progress == 1.0
    assert job.result["passages"] == doc.passages
    with docworld.ws.reader() as s:
        detail = document_detail(s, docworld["rev_a"], document_id=doc.id)
    assert detail.document.analysis_status == "done"
    assert detail.analysis is not None and detail.analysis.version.startswith(
        f"sdg-mapper-{MAPPER_VERSION}/use-"
    )
    assert detail.analysis.settings["goal_thresholds"]["1"] == 0.45
    authority = next(p for p in detail.passages if "هيئة مستقلة" in p.quote)
    indicators = [x for x in authority.suggestions if x.kind == "indicator"]
    assert "LEG-02" in [x.ref for x in indicators]  # personal data protection law and authority
    poverty = next(p for p in detail.passages if "الفقر" in p.quote)
    assert 1 in [int(x.ref.split(".")[0]) for x in poverty.suggestions if x.kind in ("target", "goal")]
    assert detail.profile.goals[0].passages >= 1  # goal 1 counted in the document's profile


def test_a_second_run_is_a_new_version_and_keeps_the_reviewers_decisions(docworld):
    doc = upload(docworld, institution_code="moa")
    analyse(docworld, doc.id)
    with docworld.ws.reader() as s:
        first = document_detail(s, docworld["rev_a"], document_id=doc.id)
    target = next(x for p in first.passages for x in p.suggestions if x.kind == "target")
    with docworld.ws.transaction() as s:
        decide(s, docworld["rev_a"], suggestion_id=target.id, decision="reject")
    analyse(docworld, doc.id)
    with docworld.ws.reader() as s:
        second = document_detail(s, docworld["rev_a"], document_id=doc.id)
        runs = s.scalars(select(DocumentAnalysis.current).where(DocumentAnalysis.document_id == doc.id)).all()
    assert sorted(runs) == [False, True]
    assert second.analysis is not None and first.analysis is not None
    assert second.analysis.id != first.analysis.id
    same = next(
        x
        for p in second.passages
        for x in p.suggestions
        if (x.passage_id, x.kind, x.ref) == (target.passage_id, "target", target.ref)
    )
    assert same.state == "rejected" and same.id != target.id


def test_only_keepers_of_the_document_queue_its_analysis(docworld):
    doc = upload(docworld, institution_code="moa")
    with docworld.ws.transaction() as s, pytest.raises(Forbidden):
        enqueue_analysis(s, docworld["rev_a"], document_id=doc.id)


def test_a_law_in_the_national_library_is_evidence_for_the_national_indicator_first(docworld):
    law = (
        b"Under this Law, electronic documents and electronic signatures have the same legal effect as paper "
        b"documents and handwritten signatures.\n"
    )
    filed = {
        "library": upload(docworld, who="coord", data=law, filename="etl.txt"),
        "institution": upload(docworld, who="fp_a", data=law, filename="etl.txt", institution_code="moa"),
    }
    first = {}
    for scope, doc in filed.items():
        assert analyse(docworld, doc.id, who="coord").status == "done"
        with docworld.ws.reader() as s:
            detail = document_detail(s, docworld["coord"], document_id=doc.id)
        (passage,) = detail.passages
        first[scope] = next(x.ref for x in passage.suggestions if x.kind == "indicator")
        assert detail.analysis is not None and detail.analysis.settings["indicator_level_bonus"] > 0
    # the electronic transactions law (national) for the library; the institution's own e-signature for
    # the same words filed with a ministry
    assert first == {"library": "LEG-01", "institution": "IDS-06"}
