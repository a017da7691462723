"""Government services and unified metrics: the service record, the digitisation scale and derived KPIs.

Pure and typed: no web, template or database imports. The workspace stores services and calls
:func:`check_service` and :func:`derive_kpis`; a notebook can do the same with plain records.
"""

from raqmana.metrics.kpis import DerivedKpis, ServiceSaving, derive_kpis
from raqmana.metrics.levels import LEVEL_NAMES, UN_OSI_STAGES, DigitisationLevel, un_osi_stage
from raqmana.metrics.service import (
    AUDIENCES,
    BUILDING_BLOCKS,
    CHANNELS,
    UR_CLASSES,
    ServiceRecord,
    check_service,
)

__all__ = [
    "AUDIENCES",
    "BUILDING_BLOCKS",
    "CHANNELS",
    "LEVEL_NAMES",
    "UN_OSI_STAGES",
    "UR_CLASSES",
    "DerivedKpis",
    "DigitisationLevel",
    "ServiceRecord",
    "ServiceSaving",
    "check_service",
    "derive_kpis",
    "un_osi_stage",
]
