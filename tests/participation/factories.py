"""The world of the participation tests: the organisation tree and the people, no round."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from raqmana.workspace import Workspace
from tests.support.world import World, build_world


@pytest.fixture
def world(ws: Workspace) -> Iterator[World]:
    yield build_world(ws)
