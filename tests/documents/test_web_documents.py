"""The documents pages and their JSON twins: upload with the analysis queued, the document page with
suggestions to accept, the SDG profile chart with its table, in Arabic as in English."""

from __future__ import annotations

import pytest

from raqmana.i18n import gettext
from raqmana.workspace.jobs import run_worker
from tests.documents.world import LAW_TEXT


def test_a_focal_point_uploads_a_law_and_a_reviewer_accepts_a_passage_as_evidence(docworld, browser):
    fp = browser("fp_a")
    r = fp.post(
        "/api/v1/documents",
        files={"file": ("law.txt", LAW_TEXT.encode(), "text/plain")},
        data={"institution_code": "moa", "title": "Data protection law"},
    )
    assert r.status_code == 201, r.text
    doc, job = r.json()["document"], r.json()["job"]
    assert doc["scope"] == "institution" and job["kind"] == "document_analysis"
    assert run_worker(docworld.ws, once=True) == 1
    rev = browser("rev_a")
    page = rev.get(f"/api/v1/documents/{doc['id']}").json()
    assert page["document"]["analysis_status"] == "done" and page["rights"]["decide"]
    law = next(
        s
        for p in page["passages"]
        if "هيئة مستقلة" in p["quote"]
        for s in p["suggestions"]
        if s["ref"] == "LEG-02"
    )
    html = rev.get(f"/documents/{doc['id']}")
    assert html.status_code == 200 and "LEG-02" in html.text and "هيئة مستقلة" in html.text
    r = rev.form(
        f"/documents/suggestions/{law['id']}/decide",
        {"decision": "accept", "next": f"/documents/{doc['id']}"},
        page=f"/documents/{doc['id']}",
    )
    assert r.status_code == 303 and r.headers["location"] == f"/documents/{doc['id']}"
    again = rev.post(f"/api/v1/documents/suggestions/{law['id']}/decide", json={"decision": "reject"})
    assert again.status_code == 409
    ar = browser("rev")  # a reviewer of another ministry: the document does not exist for them
    assert ar.get(f"/documents/{doc['id']}").status_code == 404


def test_the_country_profile_page_has_a_chart_and_its_table_in_arabic(docworld, browser):
    coord = browser("coord")  # Arabic
    r = coord.post("/api/v1/documents", files={"file": ("law.txt", LAW_TEXT.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    run_worker(docworld.ws, once=True)
    page = coord.get("/documents/profile")
    assert page.status_code == 200
    assert 'lang="ar"' in page.text and "القضاء على الفقر" in page.text
    svg = coord.get("/documents/profile.svg")
    assert svg.status_code == 200 and svg.headers["content-type"].startswith("image/svg+xml")
    assert svg.text.lstrip().startswith(("<?xml", "<svg"))
    data = coord.get("/api/v1/documents/profile").json()
    assert len(data["goals"]) == 17 and data["documents"] == 1


def test_a_refused_upload_is_a_located_message(docworld, browser):
    fp = browser("fp_a")
    r = fp.post(
        "/api/v1/documents",
        files={"file": ("law.docx", LAW_TEXT.encode(), "application/octet-stream")},
        data={"institution_code": "moa"},
    )
    assert r.status_code == 422
    assert r.json()["errors"][0]["code"] == "DC004", r.text
    assert fp.get("/api/v1/documents").json()["documents"] == []


def test_an_upload_is_read_by_a_job_and_a_file_it_cannot_read_is_refused_on_the_page(docworld, browser):
    fp = browser("fp_a")
    r = fp.post(
        "/documents",
        files={"file": ("law.pdf", b"%PDF-1.4\nnot really\n", "application/pdf")},
        data={"institution_code": "moa", "csrf_token": fp.csrf("/documents")},
        follow_redirects=False,
    )
    assert r.status_code == 303, r.text
    page = r.headers["location"]
    reading = fp.get(page)
    assert reading.status_code == 200 and 'id="doc-reading"' in reading.text and "every 2s" in reading.text
    assert run_worker(docworld.ws, once=True) == 1
    fp.post("/language", data={"lang": "ar", "next": "/", "csrf_token": fp.csrf("/account")})
    refused = fp.get(page)
    assert refused.status_code == 200 and "every 2s" not in refused.text
    assert "تعذّرت قراءة الوثيقة" in refused.text and "law.pdf" in refused.text
    assert f'href="{page}/file"' not in refused.text  # the file is gone
    doc = fp.get(f"/api/v1{page}").json()["document"]
    assert doc["analysis_status"] == "refused" and doc["warnings"][0]["code"] == "DC006"


def test_the_register_page_in_sorani_and_its_json_twin(docworld, browser):
    coord = browser("coord")
    r = coord.post("/api/v1/documents/register/access_to_information", json={"status": "drafted"})
    assert r.status_code == 200 and r.json()["status"] == "drafted", r.text
    data = coord.get("/api/v1/documents/register").json()
    assert data["may_edit"] and {e["area"] for e in data["entries"]} >= {"e_signature", "data_exchange"}
    fp = browser("fp_a")
    assert fp.post("/api/v1/documents/register/cybercrime", json={"status": "exists"}).status_code == 403
    fp.post("/language", data={"lang": "ckb", "next": "/", "csrf_token": fp.csrf("/account")})
    page = fp.get("/documents/register")
    assert page.status_code == 200 and 'lang="ckb"' in page.text
    assert "واژۆی ئەلیکترۆنی" in page.text and "ژمارە (٧٨)ی ساڵی ٢٠١٢" in page.text  # the reference in Sorani


@pytest.mark.parametrize(("lang", "count"), [("ar", "١"), ("ckb", "١"), ("en", "1")])
def test_a_reading_warning_counts_in_the_reader_s_digits_and_words(docworld, browser, lang, count):
    """One ignored script element reads as one ("…: ١." in Arabic), not as "1 elements were ignored"."""
    from raqmana.documents import errors as E

    coord = browser("coord")
    html = f"<html><body><script>var x = 1;</script><p>{LAW_TEXT}</p></body></html>"
    r = coord.post("/api/v1/documents", files={"file": ("law.html", html.encode(), "text/html")})
    assert r.status_code == 201, r.text
    run_worker(docworld.ws, once=True)
    page = coord.get(f"/documents/{r.json()['document']['id']}?lang={lang}")
    assert page.status_code == 200
    assert E.SCRIPT_IGNORED.template(lang).format(count=count) in page.text


@pytest.mark.parametrize(("lang", "article"), [("ar", "المادة ٢"), ("ckb", "ماددەی ٢"), ("en", "Article 2")])
def test_a_passage_names_the_article_it_quotes(docworld, browser, lang, article):
    """A passage's place reads "Page 1 · Article 2", not a bare "· 2" beside the page."""
    coord = browser("coord")
    r = coord.post("/api/v1/documents", files={"file": ("law.txt", LAW_TEXT.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    run_worker(docworld.ws, once=True)
    page = coord.get(f"/documents/{r.json()['document']['id']}?lang={lang}").text
    assert (
        f"{gettext(lang, 'Page {page}').replace('{page}', '1' if lang == 'en' else '١')} · {article}</p>"
        in page
    )


def test_a_national_document_s_passage_goes_to_an_institution_chosen_by_name(docworld, browser):
    """The institution an accepted passage becomes evidence for is chosen from the round's institutions by
    name; a code that names none (a name typed where the code goes) is a problem on that field, not a
    missing page."""
    import re

    from raqmana.workspace import errors as WE

    coord = browser("coord")  # Arabic
    r = coord.post("/api/v1/documents", files={"file": ("law.txt", LAW_TEXT.encode(), "text/plain")})
    assert r.status_code == 201, r.text
    doc_id = r.json()["document"]["id"]
    run_worker(docworld.ws, once=True)
    page = coord.get(f"/documents/{doc_id}").text
    choices = re.findall(r'<select [^>]*name="institution_code"[^>]*>(.*?)</select>', page)
    assert choices, "the institution is chosen from a list"
    options = re.findall(r'<option value="([^"]*)">([^<]*)</option>', choices[0])
    assert options[0][0] == "" and {"moa", "mob"} <= {code for code, _ in options}
    assert all(name != code for code, name in options[1:])  # names, not codes
    detail = coord.get(f"/api/v1/documents/{doc_id}").json()
    suggestion = next(s for p in detail["passages"] for s in p["suggestions"] if s["kind"] == "indicator")
    form = {"decision": "accept", "assessment_id": str(_open_round_id(coord)), "next": f"/documents/{doc_id}"}
    wrong = coord.form(
        f"/documents/suggestions/{suggestion['id']}/decide",
        {**form, "institution_code": "وزارة الزراعة"},
        page=f"/documents/{doc_id}",
    )
    assert wrong.status_code == 422, wrong.status_code
    assert WE.UNKNOWN_ORG.template("ar").format(org="وزارة الزراعة") in wrong.text.replace("&#39;", "'")
    right = coord.form(
        f"/documents/suggestions/{suggestion['id']}/decide",
        {**form, "institution_code": "moa"},
        page=f"/documents/{doc_id}",
    )
    assert right.status_code == 303, right.text[:500]


def _open_round_id(b) -> int:  # type: ignore[no-untyped-def]
    return next(a["id"] for a in b.get("/api/v1/assessments").json()["assessments"] if a["status"] == "open")
