"""``raqmana documents classify`` and ``raqmana documents analyse``."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from raqmana.cli.main import build_app
from tests.documents.pdfs import docx_bytes, image_only_pdf

app = build_app("documents")


def test_classify_answers_each_json_line_in_input_order_and_locates_a_bad_line() -> None:
    lines = [
        {"id": "a", "text": "التعليم والمدارس والمعلمين"},
        {"id": 7, "text": "Access to drinking water and sanitation"},
    ]
    stdin = json.dumps(lines[0], ensure_ascii=False) + "\n{broken\n" + json.dumps(lines[1]) + "\n"
    result = CliRunner().invoke(
        app, ["documents", "classify", "--keywords-only", "--lang", "ar"], input=stdin
    )
    assert result.exit_code == 2
    out = [json.loads(line) for line in result.stdout.splitlines()]
    assert [o["id"] for o in out] == ["a", None, 7]
    assert out[0]["sdgs"] == [4] and out[2]["sdgs"] == [6]
    assert set(out[0]) == {"id", "sdgs", "targets", "scores"} and len(out[0]["scores"]) == 17
    assert out[1]["error"]["code"] == "DC012" and out[1]["error"]["location"]["line"] == 2
    assert "السطر 2" in result.stderr


def test_analyse_prints_passages_with_page_quote_and_goals_as_json(tmp_path: Path) -> None:
    doc = tmp_path / "plan.docx"
    doc.write_bytes(
        docx_bytes(
            [
                ("Heading 1", "خطة العمل"),
                ("", "1. توسيع الحماية الاجتماعية للأسر الفقيرة. الجهة المسؤولة: وزارة العمل. الموعد: 2026."),
                ("", "المادة 2: تطوير المدارس وتدريب المعلمين."),
            ],
            page_break_after=1,
        )
    )
    result = CliRunner().invoke(app, ["documents", "analyse", str(doc), "--json", "--keywords-only"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    first, second = data["passages"]
    assert (first["page"], first["kind"], first["sdgs"]) == (1, "action", [1])
    assert first["action"] == {"owner": "وزارة العمل", "deadline": "2026"}
    assert (second["page"], second["kind"], second["number"], second["sdgs"]) == (2, "article", "2", [4])
    assert data["sdg_profile"]["1"] == 1 and data["sdg_profile"]["4"] == 1 and data["sdg_profile"]["17"] == 0


def test_analyse_of_a_scanned_pdf_says_it_needs_ocr_in_kurdish(tmp_path: Path) -> None:
    scan = tmp_path / "scan.pdf"
    scan.write_bytes(image_only_pdf())
    result = CliRunner().invoke(app, ["documents", "analyse", str(scan), "--lang", "ckb"])
    assert result.exit_code == 2
    assert "[DC007]" in result.stderr and "OCR" in result.stderr and "Traceback" not in result.output


def test_analyse_filed_says_the_level_of_the_indicators_put_first(tmp_path: Path) -> None:
    doc = tmp_path / "etl.txt"
    doc.write_text(
        "Under this Law, electronic documents and electronic signatures have the same legal effect as "
        "paper documents and handwritten signatures.\n",
        encoding="utf-8",
    )
    first = {}
    for filed in ("library", "institution"):
        result = CliRunner().invoke(app, ["documents", "analyse", str(doc), "--json", "--filed", filed])
        assert result.exit_code == 0, result.output
        (passage,) = json.loads(result.stdout)["passages"]
        first[filed] = passage["indicators"][0]["id"]
    assert first == {"library": "LEG-01", "institution": "IDS-06"}
    refused = CliRunner().invoke(app, ["documents", "analyse", str(doc), "--filed", "ministry"])
    assert refused.exit_code == 2
