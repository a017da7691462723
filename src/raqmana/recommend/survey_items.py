"""The bottleneck items a framework pack's surveys ask, for the rules' ``bottleneck(item)`` condition.

Read from the survey files of the pack (``packs/<id>/surveys/*.yaml``: questions of the topic
``bottlenecks``) without the survey package: a rule base is checked and explained from the pack alone.
"""

from __future__ import annotations

import functools

import yaml

from raqmana.frameworks.packs import pack_dir
from raqmana.i18n import Translated


@functools.cache
def bottleneck_labels(framework_id: str) -> dict[str, Translated]:
    """item → its label, over the surveys of the pack (none for a framework without a pack or surveys)."""
    folder = pack_dir(framework_id)
    found: dict[str, Translated] = {}
    if folder is None or not (folder / "surveys").is_dir():
        return found
    for path in sorted((folder / "surveys").glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        for q in data.get("questions", []):
            if isinstance(q, dict) and q.get("topic") == "bottlenecks" and q.get("name"):
                label = q.get("label") or {}
                found[str(q["name"])] = Translated(
                    **{k: str(v) for k, v in label.items() if k in ("en", "ar", "ckb")}
                )
    return found


def bottleneck_items(framework_id: str) -> frozenset[str]:
    return frozenset(bottleneck_labels(framework_id))
