"""The organisation tree: the Iraqi seed list and user-edited imports (all-or-nothing, located errors)."""

from __future__ import annotations

import csv
import io
from importlib import resources

import pytest
from openpyxl import Workbook

from raqmana.workspace import SYSTEM, Forbidden, ValidationFailed
from raqmana.workspace.org_import import import_organisations
from raqmana.workspace.orgs import get_organisation, list_organisations, seed_iraq

HEADER = "code,kind,parent_code,name_en,name_ar,name_ckb\n"


def run(ws, text, filename="orgs.csv", actor=SYSTEM):
    with ws.transaction() as s:
        return import_organisations(
            s, actor, data=text.encode() if isinstance(text, str) else text, filename=filename
        )


def tree(ws):
    with ws.reader() as s:
        return {o.code: o for o in list_organisations(s)}


def test_it_ships_the_iraqi_institutions_with_names_in_three_languages():
    text = resources.files("raqmana.workspace").joinpath("data", "iraq_institutions.csv").read_text("utf-8")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert len(rows) == 54
    assert all(r["name_en"] and r["name_ar"] and r["name_ckb"] for r in rows)
    assert {r["ckb_status"] for r in rows} == {"attested", "proposed"}
    assert {r["code"] for r in rows if r["ckb_status"] == "attested"} == {
        "krg",
        "krg-dit",
        "gov-erbil",
        "gov-sulaymaniyah",
        "gov-duhok",
        "gov-halabja",
    }
    assert (
        sum(r["kind"] == "ministry" for r in rows) == 23
        and sum(r["kind"] == "governorate" for r in rows) == 19
    )


def test_it_seeds_the_tree_once_and_is_idempotent(ws):
    with ws.transaction() as s:
        first = seed_iraq(s)
    with ws.transaction() as s:
        second = seed_iraq(s)
    assert (first.created, second.created, second.unchanged) == (54, 0, 54)
    orgs = tree(ws)
    assert orgs["gov-erbil"].parent_code == "krg" and orgs["gov-erbil"].depth == 1
    assert orgs["gov-erbil"].path.startswith(orgs["krg"].path)
    assert orgs["cso"].parent_code == "mop" and orgs["moc"].name.ckb == "وەزارەتی گەیاندن"
    assert orgs["moc"].ckb_status == "proposed"


def test_it_creates_updates_and_moves_organisations(ws):
    run(ws, HEADER + "a,ministry,,A,أ,ئەی\nb,ministry,,B,ب,بی\na-1,unit,a,A1,أ1,ئەی1\n")
    report = run(ws, HEADER + "a-1,unit,b,A one,أ1,ئەی1\nc,agency,b,C,ج,جی\n")
    assert (report.created, report.updated, report.unchanged) == (1, 1, 0)
    orgs = tree(ws)
    assert orgs["a-1"].parent_code == "b" and orgs["a-1"].path == orgs["b"].path + f"{orgs['a-1'].id}/"
    assert orgs["a-1"].name.en == "A one" and "a" in orgs
    assert list(orgs) == ["a", "b", "a-1", "c"]


def test_it_reads_the_first_sheet_of_an_xlsx_file(ws):
    wb = Workbook()
    sheet = wb.active
    sheet.title = "orgs"
    sheet.append(["code", "kind", "parent_code", "name_en", "name_ar", "name_ckb"])
    sheet.append(["x", "ministry", None, "X", "س", "ئێکس"])
    sheet.append(["y", "unit", "x", "Y", "ص", None])
    sheet.append(["bad code", "ministry", None, "Z", "ز", "ز"])
    buf = io.BytesIO()
    wb.save(buf)
    with pytest.raises(ValidationFailed) as exc:
        run(ws, buf.getvalue(), filename="orgs.xlsx")
    errors = exc.value.errors
    assert [(p.location.sheet, p.location.line, p.location.column) for p in errors] == [("orgs", 4, "A")]
    assert [p.location.line for p in exc.value.warnings] == [3]


@pytest.mark.parametrize(
    ("rows", "code", "line", "column"),
    [
        ("a,ministry,,A,أ,ئ\na,ministry,,A2,أ,ئ\n", "WS064", 3, "code"),
        ("a,ministri,,A,أ,ئ\n", "WS065", 2, "kind"),
        ("a,ministry,zz,A,أ,ئ\n", "WS066", 2, "parent_code"),
        ("a,ministry,b,A,أ,ئ\nb,unit,a,B,ب,ب\n", "WS067", 2, "parent_code"),
        ("a,ministry,,A,,ئ\n", "WS068", 2, "name_ar"),
        ("A!,ministry,,A,أ,ئ\n", "WS063", 2, "code"),
    ],
)
def test_it_locates_each_error_and_changes_nothing(ws, rows, code, line, column):
    run(ws, HEADER + "keep,ministry,,Keep,ك,ک\n")
    with pytest.raises(ValidationFailed) as exc:
        run(ws, HEADER + "keep,ministry,,Changed,ك,ک\n" + rows)
    first = exc.value.errors[0]
    assert (first.code.id, first.location.line, first.location.column) == (code, line + 1, column)
    assert first.message("ckb") and first.message("ar")
    assert tree(ws)["keep"].name.en == "Keep" and set(tree(ws)) == {"keep"}


def test_it_refuses_files_it_cannot_read(ws):
    for data, filename, code in (
        (b"\xff\xfe\x00bad", "o.csv", "WS060"),
        (b"not a zip", "o.xlsx", "WS090"),
        (b"a,b", "o.json", "WS061"),
        (b"code,kind\n", "o.csv", "WS062"),
    ):
        with pytest.raises(ValidationFailed) as exc:
            run(ws, data, filename=filename)
        assert exc.value.problems[0].code.id == code


def test_it_lets_only_administrators_of_the_whole_tree_import(world):
    with pytest.raises(Forbidden):
        run(world.ws, HEADER + "z,ministry,,Z,ز,ز\n", actor=world["coord"])
    with world.ws.reader() as s:
        assert get_organisation(s, world["fp_a"], "moa-it").parent_code == "moa"
