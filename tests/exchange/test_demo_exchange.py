"""The demo's part: the round's archive written, an illustrative delivery log, no live webhook left."""

from __future__ import annotations

import io
import zipfile

import pytest

from raqmana.workspace import SYSTEM
from raqmana.workspace.exchange_demo import demo_exchange
from raqmana.workspace.webhooks import delivery_log, list_webhooks
from tests.exchange.filled import fill


def test_the_demo_writes_the_archive_and_leaves_an_illustrative_log(world, tmp_path):
    if not world.settings.sqlalchemy_url.startswith("sqlite"):
        pytest.skip("the demo runs on SQLite")
    fill(world)
    [archive] = demo_exchange(world.ws, tmp_path, assessment_id=world.assessment_id)
    assert archive.parent.name == "exchange" and "manifest.json" in zipfile.ZipFile(archive).namelist()
    with world.ws.reader() as s:
        log = {d.url.rsplit("/", 1)[-1]: d for d in delivery_log(s, SYSTEM)}
        hooks = list_webhooks(s, SYSTEM)
    assert (log["raqmana-events"].status, log["raqmana-events"].last_code) == ("delivered", 200)
    assert log["nothing-listens"].status == "pending" and log["nothing-listens"].last_error
    assert [h.active for h in hooks] == [False, False]
    demo_exchange(world.ws, tmp_path, assessment_id=world.assessment_id)  # the demo again: no more webhooks
    with world.ws.reader() as s:
        assert len(list_webhooks(s, SYSTEM)) == 2


def test_the_demo_archive_reuses_the_scores_it_has_just_computed(world, tmp_path):
    """The demo passes its chain's scores: the archive holds exactly what scoring the round again gives."""
    from raqmana.workspace.exchange import export_round
    from raqmana.workspace.results import assessment_results

    fill(world)
    with world.ws.reader() as s:
        chain = assessment_results(s, world.assessment_id, mc_runs=20, data_dir=world.settings.data_dir)
        again = export_round(s, SYSTEM, assessment_id=world.assessment_id, blobs=world.ws.blobs)
        reused = export_round(
            s, SYSTEM, assessment_id=world.assessment_id, blobs=world.ws.blobs, scored=chain.build.aggregated
        )

    def scores(data: bytes) -> bytes:
        with zipfile.ZipFile(io.BytesIO(data)) as zf:
            return zf.read("scores.csv")

    assert scores(reused.data) == scores(again.data) and scores(again.data).count(b"\n") > 1
