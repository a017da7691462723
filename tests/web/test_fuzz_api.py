"""Property-based fuzzing of the JSON API with schemathesis, in process against the ASGI app.

Every operation of the published OpenAPI document is called with generated requests (the document's
examples, boundary values, valid and invalid data, undeclared methods, sequences along the links
between operations) by a signed-in coordinator (the whole tree) and by a focal point of one ministry,
each with a bearer token as the API expects. Every built-in check of schemathesis runs on every answer:
no server error, a declared status, content type and headers, the body in the declared schema, invalid
data refused, valid data accepted (or refused by a rule of the workspace with the documented error
body), ``Allow`` on a 405.

The run here is bounded (a few examples per operation; the boundary values and sequences for the
coordinator only); ``benchmarks/api_fuzz.py`` runs the same checks
for longer and prints the figures.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from raqmana.web import create_app
from raqmana.workspace import tokens
from tests.support.fuzz import fuzz_api

from .world import World, copy_world

pytestmark = pytest.mark.slow


def fuzzed(template_world: World, tmp: Path, persona: str, **bounds: Any) -> str:
    world = copy_world(template_world, tmp / "data")
    try:
        with world.ws.transaction() as s:
            _, secret = tokens.create_api_token(s, world[persona], name="fuzz")
        app = create_app(world.settings, workspace=world.ws)
        figures = fuzz_api(app, headers={"Authorization": f"Bearer {secret}"}, **bounds)
    finally:
        world.ws.dispose()
    assert len(figures.operations) >= 70, figures.report()
    assert figures.statuses[200] > 0 and figures.statuses[422] > 0, "it reached the operations"
    assert not figures.errors, figures.report()
    assert not figures.failures, figures.report()
    return figures.report()


def test_it_answers_the_coordinator_as_documented(template_world: World, tmp_path: Path) -> None:
    """The examples, boundary values and undeclared methods, generated data (sequences: the benchmark)."""
    fuzzed(template_world, tmp_path, "coord", max_examples=2, stateful=False)


def test_it_answers_a_focal_point_as_documented(template_world: World, tmp_path: Path) -> None:
    """Generated valid and invalid data as someone whose scope is one ministry."""
    fuzzed(template_world, tmp_path, "focal", max_examples=3, stateful=False, coverage=False)
