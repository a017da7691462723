"""Public indices' publishers, titles and licences (``raqmana.indices`` provenance) in the reader's
language: translated where a translation exists, otherwise left as their source writes them and marked as
a left-to-right isolate (:func:`raqmana.i18n.bidi.ltr`), so that an English citation keeps its order
inside an Arabic or Kurdish line.
"""

from __future__ import annotations

from raqmana.i18n import Translated
from raqmana.i18n.bidi import ltr
from raqmana.i18n.catalog import ui

_KNOWN = (
    # UN DESA, E-Government Survey
    ui("UN DESA (Division for Public Institutions and Digital Government)"),
    ui("E-Government Survey — EGDI, OSI, TII, HCI and EPI"),
    ui("UN terms of use — free re-use with attribution to UN DESA"),
    # World Bank, GovTech Maturity Index
    ui("World Bank (GovTech Global Partnership)"),
    ui("GovTech Maturity Index — GTMI, CGSI, PSDI, DCEI, GTEI and group"),
    ui("CC BY 4.0 (World Bank GovTech dataset); gtmiR code MIT"),
    # e-Governance Academy, National Cyber Security Index
    ui("e-Governance Academy (eGA), Estonia"),
    ui("National Cyber Security Index — fulfilment % and Digital Development Level"),
    ui("eGA NCSI — free re-use with attribution to the e-Governance Academy"),
    # OECD, Digital Government Index
    ui("OECD"),
    ui("Digital Government Index 2023 — six dimensions and composite"),
    ui("OECD terms — re-use with attribution"),
    # UNDP, Digital Development Compass
    ui("UNDP (Digital Development Compass)"),
    ui("Digital Development Compass scores — overall, pillars and sub-pillars (1–5.99)"),
    ui(
        "Data files of an AGPL-3.0 repository, re-used with attribution; each underlying dataset keeps its publisher's terms"
    ),
    # ITU, Global Cybersecurity Index
    ui("ITU"),
    ui("Global Cybersecurity Index — overall and five pillars"),
    ui(
        "ITU — re-use for educational and non-commercial purposes only. raqmana does not ship it: import a copy you are entitled to use with `raqmana indices import gci FILE --edition YEAR`."
    ),
)
#: English as ``provenance.yaml`` writes it → the three languages
KNOWN: dict[str, Translated] = {t.en: t for t in _KNOWN}


def cited(text: str) -> Translated:
    """A publisher, title or licence in the three languages: its translation where there is one, else the
    English as written, a left-to-right isolate in ar and ckb."""
    known = KNOWN.get(text)
    if known is not None:
        return known
    return Translated(en=text, ar=ltr(text), ckb=ltr(text))


def index_source(publisher: str, title: str) -> Translated:
    """ "Publisher — title" of an index in the three languages."""
    p, t = cited(publisher), cited(title)
    return Translated(**{lang: f"{p[lang]} — {t[lang]}" for lang in ("en", "ar", "ckb")})
