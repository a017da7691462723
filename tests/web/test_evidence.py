"""Evidence: files and URLs with date and source type; bad or oversized files are refused."""

from __future__ import annotations

from raqmana.workspace import SYSTEM, evidence

from .world import copy_world, stored

PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _url(world, indicator="LEG-01"):
    return f"/assessments/{world.assessment_id}/institutions/mofa/answers/{indicator}/evidence"


def _evidence(world):
    with world.ws.reader() as s:
        rs = stored(world).values()
        return [e for r in rs for e in evidence.list_evidence(s, SYSTEM, response_id=r.id)]


def test_it_attaches_a_url_with_date_and_source_type(as_user, world):
    focal = as_user("focal")
    r = focal.form(
        _url(world),
        {
            "kind": "url",
            "url": "https://gazette.example.iq/law-78",
            "evidence_date": "2024-05-01",
            "source_type": "document",
            "description": "الجريدة الرسمية",
        },
        page="/",
    )
    assert r.status_code == 303
    [e] = _evidence(world)
    assert (e.kind, e.url, str(e.evidence_date), e.source_type) == (
        "url",
        "https://gazette.example.iq/law-78",
        "2024-05-01",
        "document",
    )
    page = focal.get(f"/assessments/{world.assessment_id}/institutions/mofa").text
    assert "https://gazette.example.iq/law-78" in page and "الجريدة الرسمية" in page


def test_it_attaches_a_file_and_serves_it_as_a_download(as_user, world):
    focal = as_user("focal")
    r = focal.post(
        _url(world),
        data={"kind": "file", "source_type": "document", "csrf_token": focal.csrf("/")},
        files={"file": ("law.pdf", PDF, "application/pdf")},
        headers={"HX-Request": "true"},
    )
    assert r.status_code == 200 and "law.pdf" in r.text
    [e] = _evidence(world)
    got = focal.get(f"/evidence/{e.id}/file")
    assert got.status_code == 200 and got.content == PDF
    assert got.headers["content-disposition"].startswith("attachment")
    assert got.headers["x-content-type-options"] == "nosniff"


def test_it_refuses_a_disguised_file(as_user, world):
    focal = as_user("focal")
    r = focal.post(
        _url(world),
        data={"kind": "file", "csrf_token": focal.csrf("/")},
        files={"file": ("report.pdf", b"MZ\x90\x00 this is an executable", "application/pdf")},
    )
    assert r.status_code == 422
    assert "alert-danger" in r.text
    assert _evidence(world) == []


def test_it_refuses_an_oversized_upload_before_reading_it(template_world, tmp_path):
    world = copy_world(template_world, tmp_path / "small", max_upload_mb=1)
    from raqmana.web import create_app

    from .conftest import Browser

    with Browser(create_app(world.settings, workspace=world.ws), base_url="http://testserver") as focal:
        focal.login("focal")
        r = focal.post(
            _url(world),
            data={"kind": "file", "csrf_token": focal.csrf("/")},
            files={"file": ("big.pdf", PDF + b"0" * (3 * 1024 * 1024), "application/pdf")},
        )
        assert r.status_code == 413
        assert "1" in r.text and "alert-danger" in r.text
    assert _evidence(world) == []
    world.ws.dispose()


def test_it_refuses_a_bad_date_with_a_located_message(as_user, world):
    r = as_user("focal").form(
        _url(world), {"kind": "url", "url": "https://example.org", "evidence_date": "yesterday"}, page="/"
    )
    assert r.status_code == 422 and "تاريخ الدليل" in r.text, "the field is named by its label"
    assert "«evidence_date»" not in r.text and "الحقل evidence_date" not in r.text
    assert _evidence(world) == []


def test_it_hides_evidence_from_outsiders(as_user, world):
    focal = as_user("focal")
    focal.post(
        _url(world),
        data={"kind": "file", "csrf_token": focal.csrf("/")},
        files={"file": ("law.pdf", PDF, "application/pdf")},
    )
    [e] = _evidence(world)
    outsider = as_user("outsider")
    assert outsider.get(f"/evidence/{e.id}/file").status_code == 404
    assert outsider.form(f"/evidence/{e.id}/delete", {"next": "/"}, page="/").status_code == 404
    assert len(_evidence(world)) == 1


def test_it_removes_evidence(as_user, world):
    focal = as_user("focal")
    focal.form(_url(world), {"kind": "url", "url": "https://example.org/a"}, page="/")
    [e] = _evidence(world)
    r = focal.form(f"/evidence/{e.id}/delete", {"next": "/assessments"}, page="/")
    assert r.status_code == 303 and r.headers["location"] == "/assessments"
    assert _evidence(world) == []


def test_it_sends_htmx_errors_where_the_form_asks(as_user, world):
    focal = as_user("focal")
    r = focal.post(
        _url(world),
        data={"kind": "file", "csrf_token": focal.csrf("/")},
        files={"file": ("report.pdf", b"MZ\x90\x00 executable", "application/pdf")},
        headers={"HX-Request": "true", "X-Error-Target": "#evmsg-LEG-01"},
    )
    assert r.status_code == 422
    assert r.headers["hx-retarget"] == "#evmsg-LEG-01" and "<html" not in r.text


def test_it_gives_a_small_files_size_in_bytes_in_the_readers_words(as_user, world):
    focal = as_user("focal")
    focal.post(
        _url(world),
        data={"kind": "file", "source_type": "document", "csrf_token": focal.csrf("/")},
        files={"file": ("law.pdf", PDF, "application/pdf")},
        headers={"HX-Request": "true"},
    )
    page = focal.get(f"/assessments/{world.assessment_id}/institutions/mofa?pillar=LEG").text
    arabic = str(len(PDF)).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    # Arabic counts 11–99 take the singular accusative (٧٧ بايتًا); 100 and more the genitive (١٠٠ بايت)
    n = len(PDF) % 100
    noun = "بايتًا" if 11 <= n <= 99 else ("بايتات" if 3 <= n <= 10 else "بايت")
    assert f"<bdi>{arabic} {noun}</bdi>" in page and "KiB" not in page
    english = focal.get(f"/assessments/{world.assessment_id}/institutions/mofa?pillar=LEG&lang=en").text
    assert f"<bdi>{len(PDF)} bytes</bdi>" in english
