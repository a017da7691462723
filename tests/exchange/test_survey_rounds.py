"""A round's archive carries the survey submissions imported into that round only, and importing it puts
them into the round it creates (or updates)."""

from __future__ import annotations

import csv
import io
from dataclasses import replace

from raqmana.frameworks import load_or_raise
from raqmana.i18n import Translated
from raqmana.surveys.packs import find
from raqmana.workspace import SYSTEM
from raqmana.workspace.exchange import export_round
from raqmana.workspace.exchange_import import import_round
from raqmana.workspace.surveys import import_submissions, load_submissions
from tests.exchange.test_round_trip import tables
from tests.support.world import open_round
from tests.workspace.factories import ROUND, build_world


def _csv(*uuids: str) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(
        [["_uuid", "profile/sex", "bottlenecks/bn_power"], *[[u, "female", "a_lot"] for u in uuids]]
    )
    return buffer.getvalue().encode()


def _import(world, round_id: int, *uuids: str) -> None:  # type: ignore[no-untyped-def]
    with world.ws.transaction() as s:
        import_submissions(
            s,
            SYSTEM,
            survey=find("civil_servants"),
            data=_csv(*uuids),
            filename="kobo.csv",
            secret_key="k" * 40,
            assessment_id=round_id,
        )


def test_a_rounds_archive_carries_its_own_submissions_into_the_imported_round(ws, fresh_world) -> None:  # type: ignore[no-untyped-def]
    iraq = load_or_raise("iraq-dla")
    world = build_world(ws, iraq)
    first = world.assessment_id
    second = open_round(
        world,
        replace(
            ROUND, framework=lambda: iraq, name=Translated(en="Round 2027", ar="جولة 2027", ckb="خولی 2027")
        ),
    )
    _import(world, first, "u1", "u2")
    _import(world, second, "u3")
    with world.ws.reader() as s:
        archive = export_round(s, world["coord"], assessment_id=first, blobs=world.ws.blobs)
    assert archive.manifest["tables"]["survey_submissions"] == 2
    assert sorted(r["uuid"] for r in tables(archive.data)["survey_submissions"]) == ["u1", "u2"]
    with fresh_world.ws.transaction() as s:
        report = import_round(
            s, fresh_world["coord"], data=archive.data, filename="round.zip", blobs=fresh_world.ws.blobs
        )
    assert report.counts["survey_submissions"]["created"] == 2
    with fresh_world.ws.reader() as s:
        kept = load_submissions(s, SYSTEM, survey_id="civil_servants", assessment_id=report.assessment_id)
    assert [x.uuid for x in kept] == ["u1", "u2"]
