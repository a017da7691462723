"""An upload is read off the request: the file is stored as it arrives and a job reads, then analyses it.
A file the job cannot read marks the document refused with the located reason and leaves nothing else
(no passage, no analysis, its stored file removed); what can be told from the file's head is refused at
once and leaves nothing at all."""

from __future__ import annotations

import io
import zipfile

import pytest
from sqlalchemy import func, select

from raqmana.store.models import (
    AuditEvent,
    DocumentAnalysis,
    DocumentPassage,
    DocumentSuggestion,
    StoredDocument,
)
from raqmana.workspace import NotFound, ValidationFailed
from raqmana.workspace.documents import list_documents, open_document
from raqmana.workspace.documents_analysis import enqueue_analysis
from raqmana.workspace.documents_intake import receive_document
from raqmana.workspace.jobs import get_job, run_one, run_worker
from tests.documents.pdfs import docx_bytes, image_only_pdf, law_html, weasyprint_pdf
from tests.documents.world import LAW_TEXT


def receive(w, data: bytes, filename: str, who: str = "fp_a", settings=None, **kw):
    with w.ws.transaction() as s:
        return receive_document(
            s,
            w[who],
            settings=settings or w.ws.settings,
            filename=filename,
            source=io.BytesIO(data),
            institution_code="moa",
            **kw,
        )


def stored_files(w) -> list:
    root = w.ws.settings.data_dir / "evidence"
    return [p for p in root.rglob("*") if p.is_file()] if root.exists() else []


def count(w, model) -> int:
    with w.ws.reader() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_the_upload_stores_the_file_and_a_job_reads_then_analyses_it(docworld):
    doc, job = receive(docworld, LAW_TEXT.encode(), "law.txt", title="Data protection law")
    assert (doc.analysis_status, doc.passages, doc.pages, doc.format) == ("reading", 0, 0, "text")
    assert job.kind == "document_analysis" and doc.job_id == job.id
    assert len(stored_files(docworld)) == 1  # the file is kept as it arrived, nothing read yet
    with docworld.ws.transaction() as s, pytest.raises(ValidationFailed) as early:
        enqueue_analysis(s, docworld["fp_a"], document_id=doc.id)
    assert early.value.problems[0].code.id == "DC030"
    assert run_worker(docworld.ws, once=True) == 1
    with docworld.ws.reader() as s:
        done = get_job(s, docworld["fp_a"], job.id)
        [after] = [d for d in list_documents(s, docworld["fp_a"]) if d.id == doc.id]
        actions = list(s.scalars(select(AuditEvent.action).where(AuditEvent.entity_id == str(doc.id))))
    assert done.status == "done" and done.progress == 1.0 and done.result["passages"] == after.passages
    assert after.analysis_status == "done" and after.language == "ar" and after.passages >= 3
    assert after.suggestions_open > 0
    assert {"document.upload", "document.read", "document.analyse"} <= set(actions)


def test_the_job_can_read_without_analysing(docworld):
    doc, _ = receive(docworld, LAW_TEXT.encode(), "law.txt", analyse=False)
    assert run_worker(docworld.ws, once=True) == 1
    with docworld.ws.reader() as s:
        [after] = [d for d in list_documents(s, docworld["fp_a"]) if d.id == doc.id]
    assert after.analysis_status == "none" and after.passages >= 3
    assert count(docworld, DocumentAnalysis) == 0


def _encrypted() -> bytes:
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(weasyprint_pdf(law_html()))))
    writer.encrypt(user_password="secret", algorithm="RC4-128")
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def _macro_docx() -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(docx_bytes([("", "نص")]))) as src, zipfile.ZipFile(buf, "w") as dst:
        for item in src.infolist():
            dst.writestr(item, src.read(item))
        dst.writestr("word/vbaProject.bin", b"\xd0\xcf\x11\xe0macro")
    return buf.getvalue()


@pytest.mark.parametrize(
    ("filename", "make", "code"),
    [
        ("law.pdf", _encrypted, "DC005"),
        ("law.pdf", lambda: b"%PDF-1.4\nnot really\n", "DC006"),
        ("plan.docx", _macro_docx, "DC008"),
        ("scan.pdf", lambda: image_only_pdf(pages=2), "DC007"),
    ],
)
def test_a_file_the_job_cannot_read_is_refused_with_its_reason_and_leaves_nothing(
    docworld, filename, make, code
):
    doc, job = receive(docworld, make(), filename)
    assert doc.analysis_status == "reading" and len(stored_files(docworld)) == 1
    assert run_worker(docworld.ws, once=True) == 1
    with docworld.ws.reader() as s:
        failed = get_job(s, docworld["fp_a"], job.id)
        row = s.get(StoredDocument, doc.id)
        assert row is not None
        status, warnings = row.analysis_status, row.warnings
        with pytest.raises(NotFound):
            open_document(s, docworld["rev_a"], settings=docworld.ws.settings, document_id=doc.id)
    assert failed.status == "failed" and failed.error[0]["code"] == code
    assert status == "refused" and warnings[0]["code"] == code
    assert warnings[0]["location"]["file"] == filename and warnings[0]["messages"]["ar"]
    assert stored_files(docworld) == []  # the stored file is removed
    assert count(docworld, DocumentPassage) == count(docworld, DocumentAnalysis) == 0
    assert count(docworld, DocumentSuggestion) == 0
    with docworld.ws.transaction() as s, pytest.raises(ValidationFailed) as again:
        enqueue_analysis(s, docworld["fp_a"], document_id=doc.id)
    assert again.value.problems[0].code.id == "DC031"


def test_a_refused_file_whose_bytes_another_document_keeps_stays_for_that_one(docworld):
    data = b"%PDF-1.4\nnot really\n"
    receive(docworld, data, "one.pdf")
    receive(docworld, data, "two.pdf")
    assert run_one(docworld.ws) is not None
    assert len(stored_files(docworld)) == 1  # the second upload still waits to be read
    assert run_one(docworld.ws) is not None
    assert stored_files(docworld) == []


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("law.docx", LAW_TEXT.encode(), "DC004"),
        ("empty.txt", b"", "DC001"),
        ("program.txt", b"MZ\x90\x00\x03" + b"\x00" * 64, "DC003"),
        ("big.txt", b"x" * (2 * 1024 * 1024), "DC002"),
    ],
)
def test_what_the_files_head_tells_is_refused_at_once_and_leaves_nothing(docworld, filename, data, code):
    one_mb = docworld.ws.settings.model_copy(update={"max_upload_mb": 1})
    with pytest.raises(ValidationFailed) as err:
        receive(docworld, data, filename, settings=one_mb)
    assert err.value.problems[0].code.id == code
    assert count(docworld, StoredDocument) == 0 and stored_files(docworld) == []
    with docworld.ws.reader() as s:
        audit = select(func.count()).select_from(AuditEvent).where(AuditEvent.action.like("document%"))
        assert s.scalar(audit) == 0
