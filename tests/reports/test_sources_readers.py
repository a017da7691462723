"""Sources and provenance lines of public indices in the reader's language: publishers, titles and
licences translated where a translation exists, a citation left in English marked as a left-to-right
isolate and shown as one in HTML/PDF (``<bdi dir="ltr" lang="en">``) and Word (a left-to-right run with
its isolate marks), so that "Survey — EGDI, OSI E-Government — UN DESA…" never scrambles."""

from __future__ import annotations

import shutil
import subprocess
import zipfile

import pytest
from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.i18n.bidi import LRI, PDI, runs, text_lang
from raqmana.pipeline import ChainOptions, InstitutionMeta, country_for, run_chain
from raqmana.reports.docx import render_docx
from raqmana.reports.html import bidi, render_html
from raqmana.reports.national import build_national
from raqmana.reports.sources import cited, index_source

UN_DESA_AR = "إدارة الشؤون الاقتصادية والاجتماعية في الأمم المتحدة (UN DESA)"
UN_DESA_CKB = "بەشی کاروباری ئابووری و کۆمەڵایەتیی نەتەوە یەکگرتووەکان (UN DESA)"


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    fw = load(write_framework(tmp_path_factory.mktemp("fw"), framework_dict())).framework
    insts = {
        f"m{k}": InstitutionMeta(f"m{k}", Translated.of(f"M{k}", f"و{k}", f"و{k}"), "ministry")
        for k in range(3)
    }
    responses = {c: {"LEG-01": k, "LEG-02": 3, "SRV-01": 2, "SRV-02": 40.0} for k, c in enumerate(insts)}
    options = ChainOptions(country=country_for(fw.id), plan=False, mc_runs=0, illustrative=True)
    return run_chain(fw, responses, insts, options).inputs


def test_known_publishers_titles_and_licences_are_translated_others_isolated():
    egdi = index_source(
        "UN DESA (Division for Public Institutions and Digital Government)",
        "E-Government Survey — EGDI, OSI, TII, HCI and EPI",
    )
    assert egdi.ar.startswith(UN_DESA_AR) and "مسح الأمم المتحدة للحكومة الإلكترونية" in egdi.ar
    assert egdi.ckb.startswith(UN_DESA_CKB) and LRI not in egdi.ar + egdi.ckb
    unknown = cited("Some Institute — Dataset 2031")
    assert unknown.en == "Some Institute — Dataset 2031"
    assert unknown.ar == unknown.ckb == f"{LRI}Some Institute — Dataset 2031{PDI}"
    assert runs(unknown.ar) == [("Some Institute — Dataset 2031", "ltr")]


@pytest.mark.parametrize(("lang", "publisher"), [("ar", UN_DESA_AR), ("ckb", UN_DESA_CKB)])
def test_the_reports_sources_are_in_the_readers_language(inputs, lang, publisher):
    lines = build_national(inputs, lang).provenance
    egdi = next(x for x in lines if "UN DESA" in x)
    assert egdi.startswith(publisher) and "Division for Public Institutions" not in egdi
    assert all("licence" not in x and "editions" not in x for x in lines)


def test_a_citation_left_in_english_is_an_isolate_in_html_and_word(inputs, tmp_path):
    report = build_national(inputs, "ar")
    framework = report.provenance[0]
    assert f"{LRI}mini 1{PDI}" in framework  # the framework's citation as written, isolated
    html = render_html(report)
    assert '<bdi dir="ltr" lang="en">mini 1</bdi>' in html
    xml = zipfile.ZipFile(render_docx(report, tmp_path / "r.docx")).read("word/document.xml").decode()
    run = xml.split(f"{LRI}mini 1{PDI}", 1)[0].rsplit("<w:r>", 1)[1]
    assert "<w:rtl/>" not in run  # a left-to-right run keeping its isolate marks


def test_digits_of_an_isolated_citation_stay_as_written():
    from raqmana.i18n.prose import prose_digits

    assert (
        prose_digits(f"الإصدارات 2024؛ {LRI}Index 2023 (1–5.99){PDI}", "ar")
        == f"الإصدارات ٢٠٢٤؛ {LRI}Index 2023 (1–5.99){PDI}"
    )
    assert str(bidi(f"أ {LRI}x (y){PDI} ب")) == 'أ <bdi dir="ltr" lang="en">x (y)</bdi> ب'


def test_the_language_of_typed_text_is_told_by_its_script():
    assert text_lang("ھەرێمی کوردستان") == "ckb"
    assert text_lang("خدمة بطيئة جداً.") == "ar"
    assert text_lang("Slow service.", "en") == "en" and text_lang("Slow service.", "ar") is None
    assert text_lang("12345") is None


@pytest.mark.render
def test_the_arabic_pdfs_sources_page_reads_in_arabic(inputs, tmp_path):
    from raqmana.reports.pdf import render_pdf

    if shutil.which("pdftotext") is None:
        pytest.skip("poppler's pdftotext is not installed")
    pdf = render_pdf(build_national(inputs, "ar"), tmp_path / "national-ar.pdf")
    pages = int(
        next(
            x.split()[-1]
            for x in subprocess.run(
                ["pdfinfo", str(pdf)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if x.startswith("Pages:")
        )
    )
    text = subprocess.run(
        ["pdftotext", "-f", str(pages), "-l", str(pages), str(pdf), "-"],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "المصادر ومنشأ البيانات" in text
    assert "شعبة المؤسسات العامة والحكومة الرقمية" in text and "مسح الأمم المتحدة للحكومة" in text
    assert "Division for Public Institutions" not in text and "E-Government Survey" not in text
