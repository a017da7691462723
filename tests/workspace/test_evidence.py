"""Evidence files: checked by content, stored content-addressed, served only to readers of the answer."""

from __future__ import annotations

import hashlib
import io
import zipfile

import pytest
from openpyxl import Workbook

from raqmana.workspace import Forbidden, NotFound, ValidationFailed
from raqmana.workspace.answers import Answer
from raqmana.workspace.evidence import attach_file, attach_url, list_evidence, open_evidence, remove_evidence
from raqmana.workspace.questionnaire import questionnaire
from raqmana.workspace.responses import response_history, save_answer, submit

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
JPEG = b"\xff\xd8\xff\xe0" + b"\x00" * 32


def ooxml(main_type: str) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as zf:
        zf.writestr("[Content_Types].xml", f'<Types><Override ContentType="{main_type}"/></Types>')
        zf.writestr("word/document.xml", "<w:document/>")
    return buf.getvalue()


DOCX = ooxml("application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml")


def xlsx() -> bytes:
    buf = io.BytesIO()
    Workbook().save(buf)
    return buf.getvalue()


def attach(world, filename, data, who="fp_a", inst="moa", indicator="P1-01", **kw):
    with world.ws.transaction() as s:
        return attach_file(
            s,
            world[who],
            settings=world.ws.settings,
            assessment_id=world.assessment_id,
            institution_code=inst,
            indicator_id=indicator,
            filename=filename,
            data=data,
            **kw,
        )


@pytest.mark.parametrize(
    ("filename", "data", "media_type"),
    [
        ("law.pdf", PDF, "application/pdf"),
        ("screen.PNG", PNG, "image/png"),
        ("photo.jpeg", JPEG, "image/jpeg"),
        ("plan.docx", DOCX, "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("staff.xlsx", None, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
        ("list.csv", "code,name\nmoc,وزارة الاتصالات\n".encode(), "text/csv; charset=utf-8"),
        ("note.txt", "ملاحظة".encode("utf-16"), "text/plain; charset=utf-8"),
    ],
)
def test_it_accepts_the_allowed_types_by_content(world, filename, data, media_type):
    data = data if data is not None else xlsx()
    ev = attach(world, filename, data, source_type="system", evidence_date="2025-06-30", description="portal")
    assert ev.media_type == media_type and ev.size == len(data) and ev.source_type == "system"
    assert ev.evidence_date.isoformat() == "2025-06-30" and ev.uploaded_by == "Fp A"
    digest = hashlib.sha256(data).hexdigest()
    assert ev.sha256 == digest
    stored = world.ws.settings.data_dir / "evidence" / digest[:2] / digest[2:]
    assert stored.read_bytes() == data


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("report.pdf", b"MZ\x90\x00" + b"\x00" * 60, "WS043"),
        ("report.pdf", PNG, "WS043"),
        ("plan.docx", ooxml("application/vnd.ms-excel.sheet.macroEnabled.main+xml"), "WS043"),
        ("staff.xlsx", DOCX, "WS043"),
        ("plan.docx", b"PK\x03\x04not really a zip", "WS043"),
        ("notes.txt", b"\x00\x01\x02binary", "WS043"),
        ("tool.exe", b"MZ", "WS042"),
        ("noextension", PDF, "WS042"),
        ("empty.pdf", b"", "WS040"),
    ],
)
def test_it_refuses_disguised_or_unsupported_files_with_a_translated_message(world, filename, data, code):
    with pytest.raises(ValidationFailed) as exc:
        attach(world, filename, data)
    p = exc.value.problems[0]
    assert p.code.id == code and p.location.field == "file"
    assert all(p.message(lang) for lang in ("en", "ar", "ckb"))
    assert not (world.ws.settings.data_dir / "evidence").exists()
    with world.ws.reader() as s:
        q = questionnaire(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa")
    assert q.pages[0].items[0].response is None  # nothing stored, not even a blank answer


def test_it_names_the_real_type_of_a_disguised_file_in_arabic(world):
    with pytest.raises(ValidationFailed) as exc:
        attach(world, "decree.pdf", PNG)
    assert "صورة PNG" in exc.value.message("ar") and "PNG image" in exc.value.message("en")


def test_it_refuses_files_over_the_upload_limit(world):
    big = PDF + b"0" * (world.ws.settings.max_upload_mb * 1024 * 1024)
    with pytest.raises(ValidationFailed) as exc:
        attach(world, "big.pdf", big)
    assert exc.value.problems[0].code.id == "WS041"


def test_it_checks_urls_dates_and_source_types(world):
    def url(u, **kw):
        with world.ws.transaction() as s:
            return attach_url(
                s,
                world["fp_a"],
                assessment_id=world.assessment_id,
                institution_code="moa",
                indicator_id="P1-01",
                url=u,
                **kw,
            )

    assert url("https://moc.gov.iq/strategy").kind == "url"
    for bad in ("javascript:alert(1)", "ftp://x/y", "https://", "http://a b/c", ""):
        with pytest.raises(ValidationFailed):
            url(bad)
    with pytest.raises(ValidationFailed) as exc:
        url("https://moc.gov.iq", source_type="rumour")
    assert exc.value.problems[0].code.id == "WS045"
    with pytest.raises(ValidationFailed) as exc:
        url("https://moc.gov.iq", evidence_date="31/12/2025")
    assert exc.value.problems[0].code.id == "WS047"


def test_it_serves_files_only_to_readers_of_the_answer(world):
    ev = attach(world, "law.pdf", PDF)
    with world.ws.reader() as s:
        for who in ("fp_a", "rev_a", "viewer", "coord"):
            f = open_evidence(s, world[who], settings=world.ws.settings, evidence_id=ev.id)
            assert f.path.read_bytes() == PDF and f.filename == "law.pdf"
        for who in ("fp_b", "rev_krg", "outsider"):
            with pytest.raises(NotFound):
                open_evidence(s, world[who], settings=world.ws.settings, evidence_id=ev.id)
            with pytest.raises(NotFound):
                list_evidence(s, world[who], response_id=ev.response_id)


def test_it_keeps_withdrawn_evidence_out_of_lists_but_blocks_changes_after_submission(world):
    ev = attach(world, "law.pdf", PDF)
    with world.ws.transaction() as s:
        remove_evidence(s, world["fp_a"], evidence_id=ev.id)
        assert list_evidence(s, world["fp_a"], response_id=ev.response_id) == []
    ev2 = attach(world, "law2.pdf", PDF + b"2")
    with world.ws.transaction() as s:
        save_answer(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-01",
            answer=Answer(3),
            expected_version=0,
        )
        submit(s, world["fp_a"], assessment_id=world.assessment_id, institution_code="moa")
    with world.ws.transaction() as s, pytest.raises(Forbidden):
        remove_evidence(s, world["fp_a"], evidence_id=ev2.id)
    with pytest.raises(Forbidden):
        attach(world, "late.pdf", PDF + b"3")
    with world.ws.reader() as s:
        assert [h.action for h in response_history(s, world["fp_a"], ev.response_id)] == ["save", "submit"]


def test_it_lets_evidence_come_before_the_answer(world):
    ev = attach(world, "law.pdf", PDF, indicator="P1-02")
    with world.ws.transaction() as s:
        v = save_answer(
            s,
            world["fp_a"],
            assessment_id=world.assessment_id,
            institution_code="moa",
            indicator_id="P1-02",
            answer=Answer(4),
            expected_version=0,
        )
    assert v.id == ev.response_id and v.evidence_count == 1
