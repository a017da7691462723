"""Workbooks built to hurt (XML bombs, ZIP bombs) are refused with a located message, and a batch gives a
result for every file; refused or failed uploads leave no bytes in the data directory."""

from __future__ import annotations

import pytest

import raqmana.workspace.workbook_batch as batch
from raqmana.workspace import ValidationFailed
from raqmana.workspace.jobs import get_job, run_worker
from tests.workspace.hostile_files import (
    XML_BOMBS,
    files_under,
    replace_members,
    with_xml_bomb,
    with_zip_bomb,
    zipped,
)
from tests.workspace.test_excel_roundtrip import answers, do_import, export
from tests.workspace.test_workbook_batch import filled, start


def test_openpyxl_parses_with_defusedxml():
    import openpyxl

    assert openpyxl.DEFUSEDXML is True


@pytest.mark.parametrize("strings", [True, False], ids=["strings", "sheets"])
@pytest.mark.parametrize("bomb", sorted(XML_BOMBS))
def test_it_refuses_an_xml_bomb_workbook_as_unreadable(world, bomb, strings):
    data = with_xml_bomb(export(world), XML_BOMBS[bomb], strings=strings)
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, data)
    assert [p.code.id for p in exc.value.problems] == ["WS090"]
    assert exc.value.problems[0].location.file == "moa.xlsx"


def test_it_refuses_a_zip_bomb_workbook_before_unpacking_it(world):
    data = with_zip_bomb(export(world), mib=64)
    assert len(data) < 2 * 1024 * 1024
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, data)
    assert [p.code.id for p in exc.value.problems] == ["WS090"]


def test_a_batch_gives_a_result_for_every_file_and_keeps_the_good_ones(world):
    bombs = [(f"{name}.xlsx", with_xml_bomb(filled(world, "mob"), xml)) for name, xml in XML_BOMBS.items()]
    files = [
        *bombs,
        ("zip-bomb.xlsx", with_zip_bomb(filled(world, "mob"))),
        ("good.xlsx", filled(world, "moa")),
    ]
    job = start(world, files)
    run_worker(world.ws, once=True)
    with world.ws.reader() as s:
        done = get_job(s, world["coord"], job.id)
    assert done.status == "done", done
    assert (done.result["files"], done.result["imported"], done.result["failed"]) == (5, 1, 4)
    assert [(r["filename"], r["ok"]) for r in done.result["results"]] == [
        (n, n == "good.xlsx") for n, _ in files
    ]
    assert answers(world, "moa")["P1-01"].stage == 2
    assert "P1-01" not in answers(world, "mob") or answers(world, "mob")["P1-01"].stage != 2


def test_a_refused_batch_leaves_nothing_in_the_uploads(world, monkeypatch):
    uploads = world.ws.settings.data_dir / "uploads"
    before = files_under(uploads)
    three = [(f"{i}.xlsx", filled(world, inst)) for i, inst in enumerate(("moa", "mob", "gov-erbil"))]
    monkeypatch.setattr(batch, "MAX_TOTAL_BYTES", sum(len(d) for _, d in three[:2]))
    with pytest.raises(ValidationFailed) as exc:
        start(world, [("all.zip", zipped(dict(three)))])
    assert exc.value.problems[0].code.id == "WS105"
    assert files_under(uploads) == before == []


def test_files_of_a_rolled_back_upload_are_removed(world):
    uploads = world.ws.settings.data_dir / "uploads"

    class Abandon(Exception):
        pass

    with pytest.raises(Abandon), world.ws.transaction() as s:
        batch.start_workbook_import(
            s,
            world["coord"],
            settings=world.ws.settings,
            files=[("moa.xlsx", filled(world, "moa"))],
            assessment_id=world.assessment_id,
        )
        assert files_under(uploads) != []
        raise Abandon
    assert files_under(uploads) == []


def test_a_finished_batch_leaves_nothing_in_the_uploads(world):
    uploads = world.ws.settings.data_dir / "uploads"
    start(
        world,
        [
            ("good.xlsx", filled(world, "moa")),
            ("bomb.xlsx", with_xml_bomb(filled(world, "mob"), XML_BOMBS["quadratic"])),
        ],
    )
    assert files_under(uploads) != []
    run_worker(world.ws, once=True)
    assert files_under(uploads) == []


PARTS = ["xl/workbook.xml", "docProps/core.xml", "[Content_Types].xml", "xl/styles.xml"]


@pytest.mark.parametrize("member", PARTS)
@pytest.mark.parametrize("bomb", ["billion-laughs", "quadratic"])
def test_it_refuses_an_entity_bomb_in_any_part_of_the_workbook(world, bomb, member):
    data = replace_members(export(world), {member: XML_BOMBS[bomb]})
    with pytest.raises(ValidationFailed) as exc:
        do_import(world, data)
    assert [p.code.id for p in exc.value.problems] == ["WS090"]


@pytest.mark.parametrize("member", PARTS)
def test_it_never_resolves_an_external_entity_in_any_part_of_the_workbook(world, member, tmp_path):
    """openpyxl reads these parts with lxml without resolving entities: the workbook is refused or read
    as if the entity were not there, never with a file of the server in it."""
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-LINE")
    xml = XML_BOMBS["external-entity"].replace("file:///etc/passwd", secret.as_uri())
    try:
        do_import(world, replace_members(export(world), {member: xml}))
    except ValidationFailed as exc:
        assert "TOP-SECRET" not in str([p.params for p in exc.problems])
    assert all("TOP-SECRET" not in (r.justification or "") for r in answers(world).values())
