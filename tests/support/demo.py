"""The illustrative demo round (54 Iraqi institutions) seeded once per test session, copied per test.

Seeding writes every institution's answers; tests that only need a seeded data directory get a copy of
the one built for the session (each xdist worker builds its own).
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from raqmana.frameworks import load
from raqmana.workspace.demo import DemoInfo, seed_demo
from tests.factories import framework_dict, write_framework
from tests.support.world import make_settings


@dataclass(frozen=True)
class SeededDemo:
    data_dir: Path
    info: DemoInfo


@pytest.fixture(scope="session")
def small_demo_template(tmp_path_factory: pytest.TempPathFactory) -> SeededDemo:
    """The demo round on the small test framework (:func:`tests.factories.framework_dict`), built once."""
    tmp = tmp_path_factory.mktemp("small-demo")
    fw = load(write_framework(tmp, framework_dict())).framework
    assert fw is not None
    data = tmp / "data"
    return SeededDemo(data, seed_demo(make_settings(data), framework=fw))


@pytest.fixture
def small_demo(small_demo_template: SeededDemo, tmp_path: Path) -> SeededDemo:
    """A fresh copy of the seeded demo data directory for one test."""
    data = tmp_path / "data"
    shutil.copytree(small_demo_template.data_dir, data)
    return SeededDemo(data, small_demo_template.info)
