"""A file is replaced whole or not at all (raqmana.atomic): the blob store, the round-archive export, the
published reports and the imported index editions all write through it."""

from __future__ import annotations

from pathlib import Path

import pytest

from raqmana.atomic import TEMPORARY, replacing, write_bytes


def test_it_writes_a_new_file(tmp_path: Path) -> None:
    write_bytes(tmp_path / "a.zip", b"whole")
    assert (tmp_path / "a.zip").read_bytes() == b"whole"
    assert [p.name for p in tmp_path.iterdir()] == ["a.zip"]


def test_the_old_file_stays_readable_until_the_new_one_is_whole(tmp_path: Path) -> None:
    target = tmp_path / "national-en.pdf"
    target.write_bytes(b"old")
    with replacing(target) as tmp:
        assert tmp.parent == tmp_path and tmp.name.startswith(TEMPORARY)  # passed over by backups
        tmp.write_bytes(b"new, half")
        assert target.read_bytes() == b"old"
        tmp.write_bytes(b"new, whole")
    assert target.read_bytes() == b"new, whole"
    assert [p.name for p in tmp_path.iterdir()] == ["national-en.pdf"]


def test_a_failed_write_leaves_the_target_as_it_was_and_no_temporary_file(tmp_path: Path) -> None:
    target = tmp_path / "2024.csv"
    target.write_text("edition,iso3\n", encoding="utf-8")
    with pytest.raises(OSError, match="disk full"), replacing(target) as tmp:
        tmp.write_text("edition,iso3\n2024,IR", encoding="utf-8")
        raise OSError("disk full")
    assert target.read_text(encoding="utf-8") == "edition,iso3\n"
    assert [p.name for p in tmp_path.iterdir()] == ["2024.csv"]


def test_a_target_not_there_before_is_not_made_by_a_failed_write(tmp_path: Path) -> None:
    with pytest.raises(KeyboardInterrupt), replacing(tmp_path / "job-1.zip") as tmp:
        tmp.write_bytes(b"PK")
        raise KeyboardInterrupt
    assert list(tmp_path.iterdir()) == []
