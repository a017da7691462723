"""Roadmap files: XLSX and JSON round trips, located errors, Gantt charts, graph data, action lists."""

import json

import pytest
from openpyxl import load_workbook

from raqmana.roadmap import jsonio
from raqmana.roadmap.actions import actions_by_institution
from raqmana.roadmap.gantt import gantt
from raqmana.roadmap.graph import graph_data
from raqmana.roadmap.model import Progress, ProgressStatus
from raqmana.roadmap.progress import record
from raqmana.roadmap.xlsx import write_workbook
from raqmana.roadmap.xlsx_read import read_workbook
from tests.roadmap.inline import small_roadmap


@pytest.fixture(scope="module")
def roadmap():
    rm, _ = record(
        small_roadmap(capacity={"moi": 1}),
        Progress(initiative="law", status=ProgressStatus.AT_RISK, percent_done=35.5, updated="2026-04-01"),
    )
    return rm.model_copy(update={"metadata": {"rules_version": "2026.1"}})


def test_the_workbook_reads_back_to_the_same_roadmap(tmp_path, roadmap):
    path = write_workbook(roadmap, tmp_path / "roadmap.xlsx", lang="ar")
    back, problems = read_workbook(path)
    assert problems == []
    assert back == roadmap


def test_json_reads_back_to_the_same_roadmap(tmp_path, roadmap):
    back, problems = jsonio.read(jsonio.write(roadmap, tmp_path / "roadmap.json"))
    assert problems == [] and back == roadmap


def test_a_bad_cell_is_located_by_sheet_row_and_column(tmp_path, roadmap):
    path = write_workbook(roadmap, tmp_path / "roadmap.xlsx")
    wb = load_workbook(path)
    ws = wb["Initiatives"]
    header = [c.value for c in ws[1]]
    ws.cell(row=3, column=header.index("duration") + 1, value="two")
    ws.cell(row=4, column=header.index("start") + 1, value="Q9-2026")
    wb["Dependencies"].cell(row=2, column=2, value="ghost")
    wb.save(path)
    back, problems = read_workbook(path)
    assert back is None
    where = [(p.location.sheet, p.location.line, p.location.column, p.location.field) for p in problems]
    assert where == [
        ("Initiatives", 3, "S", "duration"),
        ("Initiatives", 4, "Z", "start"),
        ("Dependencies", 2, "B", "after"),
    ]
    assert problems[0].render("en") == (
        "[RM033] roadmap.xlsx, sheet Initiatives, row 3, column S, field duration: "
        "'two' is not a whole number of at least 1."
    )
    assert "ژمارەیەکی تەواوی لانیکەم 1" in problems[0].render("ckb")


def test_a_missing_sheet_or_a_file_that_is_not_a_workbook_is_reported(tmp_path, roadmap):
    path = write_workbook(roadmap, tmp_path / "roadmap.xlsx")
    wb = load_workbook(path)
    del wb["Initiatives"]
    wb.save(path)
    assert [p.code.id for p in read_workbook(path)[1]] == ["RM031"]
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    assert [p.code.id for p in read_workbook(junk)[1]] == ["RM030"]


def test_gantt_charts_are_drawn_as_png_and_svg_in_each_language(tmp_path, roadmap):
    png = gantt(roadmap, tmp_path / "gantt.png", lang="ckb")
    svg = gantt(roadmap, tmp_path / "gantt.svg", lang="en")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 10_000
    assert "<svg" in svg.read_text(encoding="utf-8")


def test_graph_data_has_every_initiative_and_dependency(roadmap):
    data = graph_data(roadmap)
    assert [n["id"] for n in data["nodes"]] == [it.id for it in roadmap.initiatives]
    assert len(data["edges"]) == len(roadmap.dependencies)
    law = data["nodes"][0]
    assert law["layer_name"]["ckb"] == "ڕاسپاردن و یاسا" and law["start_label"] == "2026-Q1"
    json.dumps(data, ensure_ascii=False)


def test_each_institution_gets_its_actions_with_milestones_in_start_order(roadmap):
    actions = actions_by_institution(roadmap, "en")
    assert set(actions) == {"sec", "moi", "mof"}
    assert [a["role"] for a in actions["mof"]].count("participant") == 1  # the portal programme
    starts = [a["start_quarter"] for a in actions["sec"]]
    assert starts == sorted(starts)
    law = next(a for a in actions["sec"] if a["initiative"] == "law")
    assert [m["name"] for m in law["milestones"]] == [
        "Launch: owner, team and budget in place",
        "Delivered and handed over",
    ]
    assert law["milestones"][0]["date"] == "2026-01-01"
