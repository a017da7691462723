"""Names of the UNDP Digital Transformation Framework (v1) pillars and sub-pillars in en/ar/ckb.

Ids are the slugs of ``raqmana.frameworks.crosswalk.undp_dtf_ids()``. English is UNDP's; the Arabic
and Central Kurdish names are raqmana's proposed translations (to be reviewed), kept as data in
``data/dtf_names.csv``. Used for the Digital Development Compass columns and by
``tools/build_reference_packs.py`` for the undp-dtf pack.
"""

from __future__ import annotations

import csv
from functools import cache
from importlib import resources

from raqmana.i18n import Translated


@cache
def dtf_names() -> dict[str, tuple[str, str, str]]:
    """Id → (en, ar, ckb), read once from ``data/dtf_names.csv``."""
    text = resources.files("raqmana.indices").joinpath("data", "dtf_names.csv").read_text(encoding="utf-8")
    return {row["id"]: (row["en"], row["ar"], row["ckb"]) for row in csv.DictReader(text.splitlines())}


def __getattr__(name: str) -> dict[str, tuple[str, str, str]]:
    """``DTF_NAMES`` — the table, read when first used."""
    if name == "DTF_NAMES":
        return dtf_names()
    raise AttributeError(name)


def dtf_name(dtf_id: str) -> Translated:
    en, ar, ckb = dtf_names()[dtf_id]
    return Translated(en=en, ar=ar, ckb=ckb)
