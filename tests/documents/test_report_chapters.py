"""The national report gains the country's documents and SDGs (chart with its data table, the targets the
documents commit to) and the legal and institutional register with its proposals, in ar, ckb and en."""

from __future__ import annotations

import pytest

from raqmana.frameworks.loader import load_or_raise
from raqmana.i18n import Translated
from raqmana.reports.inputs import ReportInputs
from raqmana.reports.model import Figure, Table
from raqmana.reports.national import build_national
from raqmana.reports.render import render
from raqmana.workspace.documents_report import document_chapters
from raqmana.workspace.documents_review import decide, document_detail
from tests.documents.test_workspace_documents import analyse, upload


def report(w, lang):
    with w.ws.reader() as s:
        chapters = document_chapters(s)
    inputs = ReportInputs(
        framework=load_or_raise("iraq-dla"),
        country=Translated(en="Iraq", ar="العراق", ckb="عێراق"),
        chapters=chapters,
    )
    return build_national(inputs, lang)


@pytest.mark.parametrize("lang", ["ar", "ckb", "en"])
def test_the_national_report_has_the_sdg_and_register_chapters(docworld, lang, tmp_path):
    doc = upload(docworld, institution_code="moa")
    analyse(docworld, doc.id)
    with docworld.ws.reader() as s:
        detail = document_detail(s, docworld["rev_a"], document_id=doc.id)
    target = next(x for p in detail.passages for x in p.suggestions if x.kind == "target")
    with docworld.ws.transaction() as s:
        decide(s, docworld["rev_a"], suggestion_id=target.id, decision="accept")
    r = report(docworld, lang)
    sections = {s.id: s for s in r.sections}
    sdg, register = sections["documents-sdg"], sections["documents-register"]
    assert sections and list(sections).index("documents-sdg") < list(sections).index("annex_framework")
    figure = next(b for b in sdg.blocks if isinstance(b, Figure))
    assert figure.data is not None and len(figure.data.rows) == 17  # the chart's numbers beside it
    committed = next(b for b in sdg.blocks if isinstance(b, Table) and b.id == "documents-sdg-targets")
    assert committed.rows[0][0] == target.ref
    tables = {b.id: b for b in register.blocks if isinstance(b, Table)}
    assert len(tables["documents-register"].rows) == 7
    gaps = tables["documents-proposals"].rows
    assert len(gaps) == 6  # every area but the e-signature law that exists
    files = render(r, tmp_path, ["html"], basename=f"national-{lang}")
    html = files[0].read_text(encoding="utf-8")
    words = {"ar": "قانون التوقيع الإلكتروني", "ckb": "یاسای واژۆی ئەلیکترۆنی", "en": "Electronic Signature"}
    assert words[lang] in html and "78" in html


def test_without_documents_only_the_register_chapter(docworld):
    ids = [s.id for s in report(docworld, "en").sections]
    assert "documents-register" in ids and "documents-sdg" not in ids
