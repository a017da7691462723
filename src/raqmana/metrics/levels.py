"""The digitisation level of a service on one published scale, with a crosswalk to the UN's stages.

raqmana follows the **EU eGovernment Benchmark's five-stage online sophistication model** (Capgemini for
the European Commission, editions 2001–2010; the fifth stage, targetisation or proactive delivery, was
added in 2007): 1 information, 2 one-way interaction (forms to download), 3 two-way interaction (forms
submitted online), 4 transaction (the whole case handled online, payment and e-signature included),
5 proactive (the service reaches the person without a request). The UN E-Government Survey's Online
Service Index stages (emerging, enhanced, transactional, connected) are reached through the crosswalk
shipped in ``data/digitisation_crosswalk.csv``.
"""

from __future__ import annotations

import csv
from enum import IntEnum
from functools import cache
from importlib import resources

from raqmana.i18n import Translated
from raqmana.i18n.catalog import ui


class DigitisationLevel(IntEnum):
    INFORMATION = 1
    DOWNLOADABLE_FORM = 2
    ONLINE_SUBMISSION = 3
    FULL_TRANSACTION = 4
    PROACTIVE = 5


LEVEL_NAMES: dict[DigitisationLevel, Translated] = {
    DigitisationLevel.INFORMATION: ui("Information only"),
    DigitisationLevel.DOWNLOADABLE_FORM: ui("Downloadable form"),
    DigitisationLevel.ONLINE_SUBMISSION: ui("Online submission"),
    DigitisationLevel.FULL_TRANSACTION: ui("Fully online, with payment and e-signature"),
    DigitisationLevel.PROACTIVE: ui("Proactive (automatic)"),
}

#: the level from which a service counts as fully online
FULLY_ONLINE = DigitisationLevel.FULL_TRANSACTION

#: the UN E-Government Survey's Online Service Index stages by number
UN_OSI_STAGES: dict[int, str] = {1: "Emerging", 2: "Enhanced", 3: "Transactional", 4: "Connected"}


@cache
def _crosswalk() -> dict[int, int]:
    text = (
        resources.files("raqmana.metrics").joinpath("data", "digitisation_crosswalk.csv").read_text("utf-8")
    )
    return {int(r["level"]): int(r["un_osi_stage"]) for r in csv.DictReader(text.splitlines())}


def un_osi_stage(level: int) -> int:
    """The UN OSI stage (1–4) of an EU online sophistication level (1–5)."""
    return _crosswalk()[DigitisationLevel(level)]
