"""The methodology's formulas are typeset on the results page (the ``markdown`` filter), in the HTML and
PDF reports and as Office Math in Word; in Arabic and Kurdish they stay left-to-right isolates."""

from __future__ import annotations

import zipfile

import pytest
from tests.factories import framework_dict, write_framework

from raqmana.frameworks import load
from raqmana.i18n import Translated
from raqmana.pipeline import ChainOptions, InstitutionMeta, country_for, run_chain
from raqmana.reports.docx import render_docx
from raqmana.reports.html import render_html
from raqmana.reports.national import build_national
from raqmana.settings import Settings
from raqmana.web.templating import make_env


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


def _methodology_html(html: str) -> str:
    return html.split('id="methodology"', 1)[1].split('<section class="chapter', 1)[0]


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_the_reports_methodology_typesets_its_formulas(inputs, lang):
    part = _methodology_html(render_html(build_national(inputs, lang)))
    assert part.count("<bdi dir='ltr' class='rq-math' role='math'") >= 2  # normalisation and aggregation
    assert "<span class='rq-frac'><span class='rq-num'>" in part
    assert "$" not in part and "\\frac" not in part


def test_the_word_report_writes_office_math(inputs, tmp_path):
    path = render_docx(build_national(inputs, "ar"), tmp_path / "national-ar.docx")
    xml = zipfile.ZipFile(path).read("word/document.xml").decode("utf-8")
    assert xml.count("<m:oMath>") >= 2 and "<m:f>" in xml and '<m:chr m:val="∑"/>' in xml
    assert "\\frac" not in xml


def test_the_results_page_filter_typesets_and_keeps_the_formulas_digits(tmp_path):
    env = make_env(Settings(data_dir=tmp_path))
    text = "## 6. التجميع\n\n- المستوى 2: $\\left(\\frac{\\sum_i w_i x_i^{p}}{\\sum_i w_i}\\right)^{1/p}$ (x_1)\n"
    html = env.from_string("{{ t|markdown }}").render(t=text, lang="ar")
    assert "المستوى ٢" in html and "<bdi dir='ltr' class='rq-math'" in html
    assert (
        "<sup><span class='rq-mn'>1</span><span class='rq-mo'>/</span><var>p</var></sup>" in html
    )  # as written
    assert "<em>" not in html and "$" not in html
