"""Reports a minister can read: plain sentences instead of rule expressions, names instead of ids,
headed columns, one digit shape per language, sheet names in the report's language, and codes that
stay in one left-to-right piece in Arabic and Kurdish."""

import dataclasses
import functools
import re
import zipfile

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader
from tests.reports.synthetic import synthetic_chain

from raqmana.frameworks import load_or_raise
from raqmana.i18n import Translated
from raqmana.i18n.dates import quarter_text
from raqmana.i18n.sorani import wrong_letters
from raqmana.reports.docx import render_docx
from raqmana.reports.html import render_html
from raqmana.reports.institution import build_institution
from raqmana.reports.labels import LABELS, label
from raqmana.reports.model import Paragraph, Report, Section
from raqmana.reports.national import PHASES, SENTENCES, build_national
from raqmana.reports.pdf import render_pdf
from raqmana.reports.text import ltr_runs
from raqmana.reports.xlsx import render_xlsx

NAME = Translated.of(
    "Digital Landscape Assessment 2026", "تقييم المشهد الرقمي ٢٠٢٦", "ھەڵسەنگاندنی دیمەنی دیجیتاڵی ٢٠٢٦"
)
EXPRESSION = re.compile(r"share\(|no_evidence\(|answered\(|score\(|gap\(|\w = \d")


@pytest.fixture(scope="module")
def chain():
    return synthetic_chain(load_or_raise("iraq-dla"), institutions=12, assessment_name=NAME)


@pytest.fixture(scope="module")
def national(chain):
    """``national(lang)``: the chain's national report in a language, built once per module (tests read it)."""
    return functools.cache(lambda lang: build_national(chain.inputs, lang))


def _section(report: Report, sid: str) -> Section:
    return next(s for s in report.sections if s.id == sid)


def _texts(report: Report, *, cells: bool = True):
    """Every text a reader sees: titles, sentences, captions, headers and the cells that are not numbers."""

    def walk(s: Section):
        yield s.title
        for b in s.blocks:
            if isinstance(b, Paragraph):
                yield b.text
            if getattr(b, "kind", "") == "figures":  # key figures: (what, value) pairs and a title
                yield b.title
                yield from (text for pair in b.items for text in pair)
            else:
                yield from getattr(b, "items", [])
            if getattr(b, "kind", "") == "note":
                yield b.text
            table = b if getattr(b, "kind", "") == "table" else getattr(b, "data", None)
            if getattr(b, "kind", "") in ("table", "figure"):
                yield b.caption
            if table is not None:
                yield from table.columns
                if cells:
                    yield from (
                        c
                        for row in table.rows
                        for k, c in enumerate(row)
                        if isinstance(c, str) and k not in table.numeric
                    )
        for sub in s.subsections:
            yield from walk(sub)

    for s in report.sections:
        yield from walk(s)


def test_recommendations_say_why_in_plain_sentences_under_a_header(chain, national, tmp_path):
    for lang in ("en", "ar", "ckb"):
        recs = _section(national(lang), "recommendations")
        tables = [b for sub in recs.subsections for b in sub.blocks if getattr(b, "kind", "") == "table"]
        assert tables and all(t.columns[-1] == label("triggered_by", lang) for t in tables)
        whys = [row[-1] for t in tables for row in t.rows]
        assert whys and not [w for w in whys if EXPRESSION.search(w)], whys[:3]
    en = _section(national("en"), "recommendations")
    whys = " ".join(row[-1] for sub in en.subsections for b in sub.blocks for row in b.rows)
    assert re.search(r"[A-Z]{3}-\d\d \([^)]+\) is (at stage \d|below stage \d in \d+% of institutions)", whys)
    written = chain.write(tmp_path / "out")  # scripts still get the rule expressions
    recs_json = next(p for p in written if p.name == "recommendations.json").read_text(encoding="utf-8")
    assert '"condition"' in recs_json and '"subject"' in recs_json


def test_reader_tables_show_codes_without_suffixes_and_headed_columns(chain, national):
    assert any("@" in i.id for i in chain.inputs.initiatives)  # the roadmap's own ids keep their suffixes
    for lang in ("en", "ar", "ckb"):
        report = national(lang)
        texts = list(_texts(report))
        assert not [t for t in texts if "@" in t or t in ("", "↤", "#", "n", "baseline")]
        [table] = [b for b in _section(report, "roadmap").blocks if getattr(b, "kind", "") == "table"]
        assert table.columns[0] == label("code", lang) and label("depends_on", lang) in table.columns
        assert {row[-1] for row in table.rows} <= {p.get(lang) for p in PHASES.values()}
        assert {row[0] for row in table.rows} == {i.id.split("@")[0] for i in chain.inputs.initiatives}


def test_the_roadmap_is_titled_with_the_assessment_name(chain):
    assert chain.plan.roadmap.title.en == f"Digital transformation roadmap — {NAME.en}"
    assert chain.plan.roadmap.title.ckb.endswith(NAME.ckb) and chain.plan.roadmap.id == "roadmap-assessment"


def test_bottlenecks_name_the_enablers_and_separate_names_with_semicolons(chain, national):
    assert chain.inputs.bottlenecks
    names = {p.id: p.name for p in chain.framework.pillars}
    for lang, sep in (("en", "; "), ("ar", "؛ "), ("ckb", "؛ ")):
        report = national(lang)
        bullets = next(
            b for b in _section(report, "bottlenecks").blocks if getattr(b, "kind", "") == "bullets"
        )
        first = chain.inputs.bottlenecks[0]
        assert names[first.pillar_id].get(lang) in bullets.items[0]
        assert not re.search(r"\b(POL|INS|LEG|FIN|DAT|IDS|SRV|CYB|SKL|PAR|INF|COP|INN)\b", bullets.items[0])
        assert "enabler(s)" not in bullets.items[0] and "threshold" not in bullets.items[0]
        [table] = [b for b in _section(report, "bottlenecks").blocks if getattr(b, "kind", "") == "table"]
        assert table.columns[2] == label("dependents", lang)
        if len(first.blocks) > 1:
            assert sep in table.rows[0][2]


@pytest.mark.parametrize("lang", ["ar", "ckb"])
def test_numbers_in_arabic_and_kurdish_use_one_digit_shape(chain, national, lang):
    """Latin digits appear only inside codes (POL-03, 2027-Q1, SDG target 16.6)."""
    reports = [
        national(lang),
        build_institution(chain.inputs, chain.inputs.institutions[1], lang),
    ]
    sdg = label("sdg", lang)
    for report in reports:
        for text in _texts(report, cells=False):
            rest = "".join(part for part, code in ltr_runs(text) if not code)
            assert not re.search(r"[0-9]", rest), text
        for table in report.tables():
            for k, column in enumerate(table.columns):
                if k in table.numeric or column == sdg:
                    continue
                for row in table.rows:
                    if isinstance(row[k], str):
                        rest = "".join(part for part, code in ltr_runs(row[k]) if not code)
                        assert not re.search(r"[0-9]", rest), (table.id, row[k])


def test_index_components_are_not_called_countries(national):
    report = national("en")
    tables = [t for t in report.tables() if t.id.startswith("index_EGDI (")]
    assert tables and tables[0].columns[0] == "Index or component"
    assert {row[0].split(" — ")[0] for row in tables[0].rows} >= {"EGDI", "OSI", "TII", "HCI"}
    assert "Online Services Index" in " ".join(row[0] for row in tables[0].rows)


def test_workbook_sheets_are_named_in_the_report_language(national, tmp_path):
    names = load_workbook(render_xlsx(national("ckb"), tmp_path / "n.xlsx")).sheetnames
    assert names[:3] == [
        label("contents", "ckb"),
        label("sheet_stages", "ckb"),
        label("sheet_enablers", "ckb"),
    ]
    assert label("sheet_recs_short", "ckb") in names and label("sheet_initiatives", "ckb") in names
    assert not {"stages", "enabler_scores", "behind_POL", "recs_short", "initiatives"} & set(names)
    assert all(len(n) <= 31 and not re.search(r"[\[\]:*?/\\]", n) for n in names)
    assert len({n.casefold() for n in names}) == len(names)


@pytest.mark.render
def test_the_kurdish_pdf_reads_plainly(chain, tmp_path):
    inputs = dataclasses.replace(chain.inputs, initiatives=chain.inputs.initiatives[:20])
    report = build_national(inputs, "ckb")
    report.sections = [
        s for s in report.sections if s.id in ("summary", "bottlenecks", "recommendations", "roadmap")
    ]
    text = "\n".join(p.extract_text() for p in PdfReader(str(render_pdf(report, tmp_path / "n.pdf"))).pages)
    for phrase in (
        label("triggered_by", "ckb"),
        label("depends_on", "ckb"),
        label("dependents", "ckb"),
        "دامەزراوەکاندا",
    ):
        assert all(word in text for word in phrase.split()), phrase  # headers wrap in their columns
    for bad in ("share(", "no_evidence(", "@programme", "@i", "↤", "short", "medium", "enabler(s)"):
        assert bad not in text, bad


def test_html_keeps_codes_quarters_and_ranges_in_one_left_to_right_piece(chain):
    html = render_html(build_national(dataclasses.replace(chain.inputs, gantt=None), "ckb"))
    quarter = chain.inputs.initiatives[0].start
    assert quarter_text(quarter, "ckb") in html and quarter not in html, "quarters in Sorani words"
    assert re.search(r'<bdi class="ltr" dir="ltr">[A-Z]{3}-R\d\d</bdi>', html)
    assert ".ltr { direction: ltr; white-space: nowrap; }" in html
    assert "break-after: avoid" in html.split("caption {")[1].split("}")[0]
    assert '<col style="width:' in html


@pytest.mark.render
def test_docx_keeps_quarters_and_codes_left_to_right_in_kurdish(tmp_path):
    report = Report(
        id="t",
        lang="ckb",
        title="ت",
        subtitle="",
        date="",
        sections=[Section("s", "بەش", [Paragraph("دەستپێک لە 2027-Q1 بۆ SKL-R02؛ مەودای 26–31.")])],
    )
    xml = zipfile.ZipFile(render_docx(report, tmp_path / "t.docx")).read("word/document.xml").decode()
    runs = re.findall(r"<w:r>.*?</w:r>", xml)
    quarter = next(r for r in runs if "2027" in r)
    assert "<w:rtl/>" not in quarter and "\u200e" in quarter
    assert "<w:noBreakHyphen/>" in xml
    latin_range = next(r for r in runs if "26" in r)
    assert "<w:rtl/>" not in latin_range and "\u200e–\u200e" in latin_range


def test_new_kurdish_texts_follow_the_sorani_spelling():
    from raqmana.analysis import constraints
    from raqmana.recommend import sentences
    from raqmana.reports import institution

    texts = [
        t.ckb
        for table in (
            LABELS,
            SENTENCES,
            PHASES,
            institution.SENTENCES,
            sentences._CMP,
            sentences._ONE,
            sentences._SHARE,
        )
        for t in table.values()
    ]
    texts += [
        table["ckb"]
        for table in (
            constraints._REASON,
            constraints._REASON_ONE,
            constraints._AHEAD,
            constraints._AHEAD_ONE,
        )
    ]
    assert [t for t in texts if wrong_letters(t)] == []
