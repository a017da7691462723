"""Framework-as-data: schema, loading and validation, XLSX round trip, built-in packs."""

from raqmana.frameworks.loader import LoadResult, load, load_or_raise
from raqmana.frameworks.packs import DEFAULT_PACK, pack_ids
from raqmana.frameworks.schema import (
    AnswerType,
    Choice,
    Crosswalk,
    Framework,
    Indicator,
    InstitutionType,
    NaTreatment,
    Pillar,
    Stage,
    SubArea,
)

__all__ = [
    "DEFAULT_PACK",
    "AnswerType",
    "Choice",
    "Crosswalk",
    "Framework",
    "Indicator",
    "InstitutionType",
    "LoadResult",
    "NaTreatment",
    "Pillar",
    "Stage",
    "SubArea",
    "load",
    "load_or_raise",
    "pack_ids",
]
