"""Archives that are damaged, tampered with or built to hurt are refused with located, translated
problems, and nothing of them is imported."""

from __future__ import annotations

import io
import json
import zipfile

import pytest
from sqlalchemy import func, select

from raqmana.exchange.archive import sha256
from raqmana.store.models import Assessment, Response
from raqmana.workspace import ValidationFailed
from raqmana.workspace.exchange import export_round
from raqmana.workspace.exchange_import import import_round
from tests.exchange.filled import fill


@pytest.fixture
def archive(world):
    fill(world)
    with world.ws.reader() as s:
        return export_round(s, world["coord"], assessment_id=world.assessment_id, blobs=world.ws.blobs).data


def members(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def pack(items: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as zf:
        for n, data in items.items():
            zf.writestr(n, data)
    return buffer.getvalue()


def resealed(items: dict[str, bytes], **manifest_changes) -> bytes:
    """The members with a manifest whose checksums fit them again (a careful forger's archive)."""
    manifest = json.loads(items["manifest.json"])
    for f in manifest["files"]:
        if f["path"] in items:
            f["sha256"], f["bytes"] = sha256(items[f["path"]]), len(items[f["path"]])
    manifest.update(manifest_changes)
    return pack({**items, "manifest.json": json.dumps(manifest).encode()})


def refused(world, data: bytes, lang: str = "en"):
    with pytest.raises(ValidationFailed) as err, world.ws.transaction() as s:
        import_round(s, world["coord"], data=data, filename="in.zip", blobs=world.ws.blobs)
    return err.value.problems


def counts(world):
    with world.ws.reader() as s:
        return s.scalar(select(func.count()).select_from(Assessment)), s.scalar(
            select(func.count()).select_from(Response)
        )


def test_not_a_zip(world):
    [p] = refused(world, b"PK\x03\x04 not really")
    assert p.code.id == "EX001" and p.location.file == "in.zip"
    assert "ZIP" in p.message("ar") and p.message("ar") != p.message("en")


def test_zip_slip_names(world, archive):
    for name in (
        "../../etc/cron.d/x",
        "/abs.json",
        "evidence/../answers.json",
        "sub/answers.csv",
        "a\\b.json",
    ):
        [p] = refused(world, pack({**members(archive), name: b"[]"}))
        assert p.code.id == "EX003" and p.params["member"] == name


def test_a_zip_bomb_is_refused_before_it_is_unpacked(world, archive):
    bomb = pack({**members(archive), "padding.json": b"0" * (50 * 1024 * 1024)})
    assert len(bomb) < 1024 * 1024
    [p] = refused(world, bomb)
    assert p.code.id == "EX002"


def test_a_changed_file_an_unlisted_one_and_a_missing_one(world, archive):
    before = counts(world)
    items = members(archive)
    items["answers.csv"] = items["answers.csv"].replace(b"moa", b"mob", 1)
    items["extra.json"] = b"[]"
    del items["evidence.json"]
    problems = refused(world, pack(items))
    assert {(p.code.id, p.location.file) for p in problems} == {
        ("EX007", "manifest.json"),
        ("EX008", "extra.json"),
        ("EX009", "answers.csv"),
    }
    assert counts(world) == before


def test_row_counts_must_match_the_manifest(world, archive):
    items = members(archive)
    rows = json.loads(items["answers.json"])
    items["answers.json"] = json.dumps(rows[:-1]).encode()
    problems = refused(world, resealed(items))
    assert [(p.code.id, p.params["found"], p.params["expected"]) for p in problems] == [("EX010", 13, 14)]


def test_another_format_version_and_no_manifest(world, archive):
    items = members(archive)
    [p] = refused(world, resealed(items, format_version=99))
    assert p.code.id == "EX006"
    del items["manifest.json"]
    [p] = refused(world, pack(items))
    assert p.code.id == "EX004"


def test_a_round_on_another_framework_version_is_refused(world, archive):
    """The same round (name and period) here on version 1.0; the archive says 2.0 of the same framework."""
    from raqmana.workspace.frameworks import framework_document
    from tests.workspace.factories import small_framework

    items = members(archive)
    fw = small_framework("2.0")
    doc, digest = framework_document(fw)
    items["framework.json"] = json.dumps(doc).encode()
    manifest = json.loads(items["manifest.json"])
    data = resealed(items, framework={**manifest["framework"], "version": "2.0", "sha256": digest})
    [p] = refused(world, data)
    assert p.code.id == "EX011" and (p.params["found"], p.params["expected"]) == ("2.0", "1.0")


def test_bad_rows_are_located_by_file_row_and_field_and_nothing_is_written(world, archive):
    with (
        world.ws.transaction() as s
    ):  # the round already exists here: rename it so the archive makes a new one
        a = s.get(Assessment, world.assessment_id)
        a.name = {**a.name, "en": "Renamed"}
    before = counts(world)
    items = members(archive)
    rows = json.loads(items["answers.json"])
    rows[0]["stage"] = 9
    rows[2]["institution"] = "nowhere"
    rows[3]["indicator"] = "P9-99"
    rows[4]["state"] = "approved"
    items["answers.json"] = json.dumps(rows).encode()
    problems = refused(world, resealed(items))
    where = {(p.code.id, p.location.file, p.location.line, p.location.field) for p in problems}
    assert ("WS021", "answers.json", 1, "value") in where
    assert ("EX015", "answers.json", 3, "institution") in where
    assert ("EX016", "answers.json", 4, "indicator") in where
    assert ("EX014", "answers.json", 5, "state") in where
    assert counts(world) == before


def test_json_nested_too_deep_for_the_parser_is_a_located_problem(world, archive):
    items = members(archive)
    items["answer_history.json"] = b"[" * 200_000 + b"]" * 200_000
    problems = refused(world, resealed(items))
    assert {(p.code.id, p.location.file) for p in problems} <= {
        ("EX013", "answer_history.json"),
        ("EX010", "answer_history.json"),
    }
    assert problems


def test_an_evidence_file_whose_bytes_are_not_its_name_is_refused(world, archive):
    """The archive fixture filled the round with an evidence file; this export includes it."""
    with world.ws.reader() as s:
        data = export_round(
            s, world["coord"], assessment_id=world.assessment_id, blobs=world.ws.blobs, include_files=True
        ).data
    items = members(data)
    [name] = [n for n in items if n.startswith("evidence/")]
    items[name] = b"%PDF-1.4 another document"
    problems = refused(world, resealed(items))
    assert [(p.code.id, p.location.file) for p in problems] == [("EX009", name)]
