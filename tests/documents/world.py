"""The documents tests' round: the shipped ``iraq-dla`` framework (the one the reader suggests
indicators of) over ministry A and ministry B, with ``rev_a`` assigned to review ministry A."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from raqmana.frameworks.loader import load_or_raise
from raqmana.workspace import Workspace
from tests.support.world import RoundSpec, World, build_world

DOC_ROUND = RoundSpec(
    framework=lambda: load_or_raise("iraq-dla"),
    institutions=("moa", "mob"),
    assigned=(("moa", "fp_a", "focal_point"), ("moa", "rev_a", "reviewer")),
)

LAW_TEXT = """قانون حماية البيانات الشخصية

المادة 1: تنشأ هيئة مستقلة لحماية البيانات الشخصية تتولى الرقابة على معالجة البيانات الشخصية للمواطنين.

المادة 2: تلتزم الحكومة بالقضاء على الفقر وتوفير الحماية الاجتماعية للأسر الفقيرة.

المادة 3: تعمل الوزارات على تقديم الخدمات الإلكترونية للمواطنين عبر بوابة حكومية موحدة.
"""


@pytest.fixture
def docworld(ws: Workspace) -> Iterator[World]:
    yield build_world(ws, DOC_ROUND)
