"""Formulas in running text (``$…$``): typeset in HTML (web and PDF) and as Office Math (DOCX), always a
left-to-right isolate; amounts and text that is not raqmana's TeX are left as written."""

from __future__ import annotations

import pytest
from lxml import etree

from raqmana.reports.formula import FormulaError, parse, plain, split, to_html, to_omml

ARITHMETIC = r"\frac{\sum_i w_i x_i}{\sum_i w_i}"
GENMEAN = r"\left(\frac{\sum_i w_i x_i^{p}}{\sum_i w_i}\right)^{1/p}"
M = "{http://schemas.openxmlformats.org/officeDocument/2006/math}"


def test_a_formula_reads_as_one_line_of_plain_text():
    assert plain(ARITHMETIC) == "(∑_i w_i x_i)/(∑_i w_i)"
    assert plain(r"\frac{x - \min x}{\max x - \min x}") == "(x − min x)/(max x − min x)"
    assert plain(GENMEAN) == "((∑_i w_i x_i^p)/(∑_i w_i))^(1/p)"


def test_html_stacks_fractions_italicises_variables_and_isolates_the_formula():
    html = str(to_html(ARITHMETIC))
    assert html.startswith("<bdi dir='ltr' class='rq-math' role='math' aria-label='(∑_i w_i x_i)/(∑_i w_i)'>")
    assert "<span class='rq-frac'><span class='rq-num'>" in html and "<span class='rq-den'>" in html
    assert "<var>w</var><sub><var>i</var></sub>" in html and "Σ" in html
    tall = str(to_html(GENMEAN))
    assert "rq-fence rq-tall" in tall and "<sup><span class='rq-mn'>1</span>" in tall


def test_office_math_has_a_fraction_a_sum_and_a_delimiter():
    omml = to_omml(GENMEAN)
    assert omml.tag == f"{M}oMath"
    tags = {el.tag.removeprefix(M) for el in omml.iter()}
    assert {"sSup", "d", "f", "num", "den", "nary", "sSub"} <= tags
    assert [c.get(f"{M}val") for c in omml.iter(f"{M}chr")] == ["∑", "∑"]
    assert b"\xe2\x88\x92" not in etree.tostring(to_omml(ARITHMETIC))  # no minus in the mean


def test_only_raqmanas_tex_is_taken_for_a_formula():
    assert split("costs $5 and $3 million") == [("costs $5 and $3 million", False)]
    assert split(r"a $\frac{x}{y}$ b") == [("a ", False), (r"\frac{x}{y}", True), (" b", False)]
    assert split(r"price $\foo_1$ now") == [(r"price $\foo_1$ now", False)]  # unknown command: as written
    with pytest.raises(FormulaError):
        parse(r"\frac{x}")


def test_text_around_a_formula_is_escaped():
    from raqmana.reports.html import bidi

    html = str(bidi(r"<b>المتوسط</b>، $\frac{x}{y}$ (POL-03)"))
    assert (
        "&lt;b&gt;" in html
        and "class='rq-math'" in html
        and '<bdi class="ltr" dir="ltr">POL-03</bdi>' in html
    )
