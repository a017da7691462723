"""A round exported, imported into a fresh workspace and exported again gives the same tables, every column
(NOT_CARRIED, the columns that would not survive, is empty), on SQLite and PostgreSQL; importing the same
archive twice changes nothing."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import zipfile

from sqlalchemy import select

from raqmana.store.models import Assessment, AuditEvent
from raqmana.workspace.exchange import NOT_CARRIED, export_round
from raqmana.workspace.exchange_import import import_round
from tests.exchange.filled import PDF, fill

DOCUMENTS = ("manifest.json", "datapackage.json", "round.json", "framework.json")


def tables(data: bytes) -> dict[str, list[dict[str, object]]]:
    with zipfile.ZipFile(io.BytesIO(data)) as zf:
        names = [n for n in zf.namelist() if n.endswith(".json") and n not in DOCUMENTS]
        return {n.removesuffix(".json"): json.loads(zf.read(n)) for n in names}


def comparable(data: bytes) -> dict[str, list[dict[str, object]]]:
    return {
        name: [{k: v for k, v in r.items() if k not in NOT_CARRIED.get(name, ())} for r in rows]
        for name, rows in tables(data).items()
    }


def export(world, assessment_id=None, **kw):
    with world.ws.reader() as s:
        return export_round(
            s,
            world["coord"],
            assessment_id=assessment_id or world.assessment_id,
            blobs=world.ws.blobs,
            **kw,
        )


def test_it_round_trips_into_a_fresh_workspace(world, fresh_world):
    fill(world)
    first = export(world, include_files=True)
    m = first.manifest
    assert (m["framework"]["id"], m["framework"]["version"], m["round"]["period"]) == ("mini", "1.0", "2026")
    assert m["tables"]["answers"] == 14 and m["tables"]["evidence"] == 2 and m["tables"]["scores"] > 0
    assert m["tables"]["answer_history"] >= 14 + 7 + 4
    assert m["licence"]["name"] == "CC-BY-4.0" and m["illustrative"] is False and m["raqmana_version"]
    listed = {f["path"]: f for f in m["files"]}
    digest = hashlib.sha256(PDF).hexdigest()
    assert f"evidence/{digest}" in listed and "datapackage.json" in listed
    assert listed["answers.csv"]["rows"] == 14
    with zipfile.ZipFile(io.BytesIO(first.data)) as zf:
        rows = list(csv.DictReader(io.StringIO(zf.read("answers.csv").decode())))
        package = json.loads(zf.read("datapackage.json"))
        for f in m["files"]:
            assert hashlib.sha256(zf.read(f["path"])).hexdigest() == f["sha256"]
    assert any(r["text"].startswith("'=HYPERLINK") for r in rows)  # formula guard in CSV
    assert {r["name"] for r in package["resources"]} == set(m["tables"])

    with fresh_world.ws.transaction() as s:
        report = import_round(
            s, fresh_world["coord"], data=first.data, filename="round.zip", blobs=fresh_world.ws.blobs
        )
    assert report.created
    assert report.counts["answers"]["created"] == 14 and report.counts["evidence"]["created"] == 2
    with fresh_world.ws.transaction() as s:
        again = import_round(
            s, fresh_world["coord"], data=first.data, filename="round.zip", blobs=fresh_world.ws.blobs
        )
    assert not again.created and again.assessment_id == report.assessment_id
    assert again.counts["answers"] == {"created": 0, "updated": 0, "unchanged": 14}
    assert again.counts["evidence"] == {"created": 0, "updated": 0, "unchanged": 2}
    assert fresh_world.ws.blobs.read(digest) == PDF
    with fresh_world.ws.reader() as s:
        assert s.scalars(select(AuditEvent.action).where(AuditEvent.action == "round.import")).all() == [
            "round.import",
            "round.import",
        ]
        assert s.get(Assessment, report.assessment_id).name == world_name(world)
    second = export(fresh_world, report.assessment_id, include_files=True)
    assert comparable(second.data) == comparable(first.data)


def world_name(world):
    with world.ws.reader() as s:
        return s.get(Assessment, world.assessment_id).name


def test_an_import_that_changes_answers_keeps_a_revision(world, fresh_world):
    fill(world)
    with fresh_world.ws.transaction() as s:
        import_round(
            s, fresh_world["coord"], data=export(world).data, filename="a.zip", blobs=fresh_world.ws.blobs
        )
    from raqmana.workspace.review import review

    with world.ws.reader() as s:
        from raqmana.store.models import Response

        r = s.scalar(select(Response).where(Response.indicator_id == "P2-03", Response.state == "submitted"))
        rid, version = r.id, r.version
    with world.ws.transaction() as s:
        review(s, world["rev_a"], response_id=rid, decision="accept", expected_version=version)
    with fresh_world.ws.transaction() as s:
        report = import_round(
            s, fresh_world["coord"], data=export(world).data, filename="b.zip", blobs=fresh_world.ws.blobs
        )
    assert report.counts["answers"] == {"created": 0, "updated": 1, "unchanged": 13}
