"""Built-in framework packs: one directory per pack, each with a ``framework.yaml``."""

from __future__ import annotations

from importlib import resources
from pathlib import Path

DEFAULT_PACK = "iraq-dla"


def packs_root() -> Path:
    return Path(str(resources.files("raqmana.frameworks.packs")))


def pack_ids() -> list[str]:
    root = packs_root()
    ids = sorted(p.name for p in root.iterdir() if (p / "framework.yaml").is_file())
    # the default first
    return sorted(ids, key=lambda i: (i != DEFAULT_PACK, i))


def pack_dir(pack_id: str) -> Path | None:
    if "/" in pack_id or "\\" in pack_id or pack_id.startswith("."):
        return None
    p = packs_root() / pack_id
    return p if (p / "framework.yaml").is_file() else None
