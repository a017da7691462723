"""A batch of workbooks goes to disk a chunk at a time: its files wait in the data directory's uploads
area while they are checked, are read from there (a ZIP is opened from its file), and are deleted when the
request ends, whether the batch was queued, refused by a check or refused for its size."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from starlette.datastructures import UploadFile

import raqmana.web.app as web_app
import raqmana.web.routers.jobs as jobs_router
from raqmana.web import create_app
from raqmana.web.body_limit import CHUNK, INCOMING
from raqmana.workspace import workbook_batch
from tests.workspace.hostile_files import zipped

from .conftest import Browser
from .test_hostile_uploads import MIB, _batch, _codes, _workbook, files_in


@pytest.fixture
def focal(world, monkeypatch) -> Iterator[Browser]:
    """The focal point, signed in, on an app whose batch limit is 3 MiB."""
    monkeypatch.setattr(web_app, "BATCH_FILE_MB", 3)
    monkeypatch.setattr(jobs_router, "BATCH_FILE_MB", 3)
    app = create_app(world.settings.model_copy(update={"max_upload_mb": 1}), workspace=world.ws)
    with Browser(app, base_url="http://testserver") as b:
        b.login("focal")
        b.headers["X-CSRF-Token"] = b.csrf("/")
        yield b


@pytest.fixture
def seen(monkeypatch) -> dict[str, Any]:
    """What the batch's use case was given, and the sizes of the reads of every upload."""
    record: dict[str, Any] = {"files": [], "reads": []}
    start, read = workbook_batch.start_workbook_import, UploadFile.read

    def spy_start(*args: Any, files: Any, **kw: Any) -> Any:
        record["files"] += [
            (name, src, src.is_file() if isinstance(src, Path) else None) for name, src in files
        ]
        return start(*args, files=files, **kw)

    async def spy_read(self: UploadFile, size: int = -1) -> bytes:
        record["reads"].append(size)
        return await read(self, size)

    monkeypatch.setattr(workbook_batch, "start_workbook_import", spy_start)
    monkeypatch.setattr(UploadFile, "read", spy_read)
    return record


def test_a_batch_waits_on_disk_in_the_uploads_area_and_is_read_a_chunk_at_a_time(focal, world, seen):
    archive = zipped({"moa.xlsx": _workbook(focal, world), "pad.txt": os.urandom(2 * MIB)})
    r = focal.post(_batch(world), files={"files": ("round.zip", archive)})
    assert r.status_code == 202, r.text
    [(name, source, on_disk)] = seen["files"]
    assert name == "round.zip" and on_disk is True
    assert source.parent == world.settings.data_dir / INCOMING
    assert seen["reads"] and all(0 < size <= CHUNK for size in seen["reads"]), seen["reads"]
    assert not source.exists() and not (world.settings.data_dir / INCOMING).exists()


def test_a_refused_batch_leaves_nothing_waiting(focal, world, seen):
    before = files_in(world.settings.data_dir)
    r = focal.post(_batch(world), files={"files": ("round.zip", zipped({"notes.txt": b"x"}))})
    assert (r.status_code, _codes(r)) == (422, ["WS103"])
    assert seen["files"] and not seen["files"][0][1].exists()
    assert files_in(world.settings.data_dir) == before
    assert not (world.settings.data_dir / INCOMING).exists()


def test_a_file_over_the_batch_limit_is_cut_off_while_copied_and_deleted(focal, world, seen):
    """Under the body's limit (which leaves room for the form) but over the file's: 413 from the copy."""
    before = files_in(world.settings.data_dir)
    big = os.urandom(3 * MIB + MIB // 2)
    r = focal.post(_batch(world), files={"files": ("round.zip", big)})
    assert (r.status_code, _codes(r)) == (413, ["WEB004"]), r.text[:300]
    assert r.json()["errors"][0]["location"] == {"field": "files"}, "the copy's refusal, not the body's"
    assert seen["reads"] and seen["files"] == [], "refused while copied, before the use case"
    assert files_in(world.settings.data_dir) == before
    assert not (world.settings.data_dir / INCOMING).exists()
