"""The SDG mapper's supervised head: shipped in the package, used for the default sentence model only,
and it changes the decisions it was trained to change."""

from __future__ import annotations

import json
from importlib import resources
from pathlib import Path

import pytest

from raqmana.documents import embed as E
from raqmana.documents.head import load
from raqmana.documents.mapper import HEAD_SHARE, Mapper

ARABIC_SET = Path(__file__).resolve().parents[2] / "benchmarks" / "data" / "documents_sdg_ar.jsonl"


@pytest.fixture(scope="module")
def mappers() -> tuple[Mapper, Mapper]:
    return Mapper(), Mapper(use_head=False)


def test_it_ships_a_head_for_the_default_model_with_its_sources() -> None:
    head = load(E.model_version())
    assert head is not None
    assert head.weights.shape == (18, 512) and head.bias.shape == (18,)
    meta = json.loads(
        resources.files("raqmana.documents").joinpath("data", "sdg_head.json").read_text(encoding="utf-8")
    )
    assert meta["model"] == E.model_version()
    assert all(source["licence"] for source in meta["sources"])
    assert {"exact", "near"} <= meta["removed_as_test_copies"].keys()
    assert meta["head_share_chosen"] == HEAD_SHARE  # the share the training chose is the one used


def test_a_head_trained_for_another_model_is_not_used() -> None:
    assert load("another-model:1.0") is None
    assert "-nohead" in Mapper(use_head=False).version
    assert "-nohead" not in Mapper().version


def test_the_head_finds_goals_the_similarity_alone_misses(mappers: tuple[Mapper, Mapper]) -> None:
    """Two real UN indicator titles in Arabic (the Arabic set: skilled birth attendance, SDG 3; children
    who experienced violence by caregivers, SDG 16): without the head no goal reaches its threshold."""
    rows = {r["id"]: r for r in map(json.loads, ARABIC_SET.read_text(encoding="utf-8").splitlines())}
    texts = [rows["ind-3-1-2-title"]["text"], rows["ind-16-2-1-title"]["text"]]
    with_head, without = (m.classify(texts) for m in mappers)
    assert [c.sdgs for c in without] == [[], []]
    assert [c.sdgs for c in with_head] == [[3], [16]]
    assert with_head[0].scores["3"] > without[0].scores["3"]


def test_sorani_passages_get_no_head(mappers: tuple[Mapper, Mapper]) -> None:
    text = "حکومەت بەرنامەیەکی پاراستنی کۆمەڵایەتی دادەنێت بۆ کەمکردنەوەی ھەژاری لە خێزانە ھەژارەکاندا."
    with_head, without = (m.classify([text])[0] for m in mappers)
    assert with_head.scores == without.scores
