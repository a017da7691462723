"""Countries: ISO 3166 alpha-3 codes, names in en/ar/ckb and the aliases the publishers use.

Every dataset is keyed by ISO3. Publishers spell country names differently from one edition to the
next ("Iraq " with a trailing space, "Korea (Republic of)", "Türkiye", "Sudan (the)") and the World
Bank uses a few codes of its own (KSV, WBG, ROM, ADO). ``countries.csv`` holds the names (Unicode
CLDR via Babel) and ``country_aliases.csv`` every other spelling or code seen in the data.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

from raqmana.i18n import Translated

_ARABIC_DIACRITICS = re.compile("[\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640]")
_ARABIC_FOLD = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي", "ة": "ه", "ؤ": "و", "ئ": "ي"})


def normalise(name: str) -> str:
    """A key for matching names: case, accents, punctuation, "the" and Arabic letter forms folded."""
    text = unicodedata.normalize("NFKC", name).strip().casefold()
    text = _ARABIC_DIACRITICS.sub("", text).translate(_ARABIC_FOLD)
    text = "".join(c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c))
    text = text.replace("&", " and ").replace("ʼ", "'").replace("’", "'")
    text = re.sub(r"[^\w]+", " ", text)
    words = [w for w in text.split() if w != "the"]
    return " ".join(words)


@dataclass(frozen=True)
class Country:
    iso3: str
    iso2: str
    name: Translated

    def to_dict(self) -> dict[str, object]:
        return {"iso3": self.iso3, "iso2": self.iso2, "name": self.name.model_dump()}


def _rows(filename: str) -> list[dict[str, str]]:
    path = resources.files("raqmana.indices").joinpath("data", filename)
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


@lru_cache(maxsize=1)
def countries() -> dict[str, Country]:
    """All known countries and territories by ISO3."""
    out: dict[str, Country] = {}
    for r in _rows("countries.csv"):
        out[r["iso3"]] = Country(
            r["iso3"], r["iso2"], Translated(en=r["name_en"], ar=r["name_ar"], ckb=r["name_ckb"])
        )
    return out


@lru_cache(maxsize=1)
def _alias_index() -> dict[str, str]:
    index: dict[str, str] = {}
    for c in countries().values():
        index[normalise(c.iso3)] = c.iso3
        for text in (c.name.en, c.name.ar, c.name.ckb):
            if text:
                index.setdefault(normalise(text), c.iso3)
    for r in _rows("country_aliases.csv"):
        index[normalise(r["alias"])] = r["iso3"]
    return index


def to_iso3(name_or_code: str) -> str | None:
    """The ISO3 code for a name (en or ar, any spelling in the alias table) or a code; None if unknown."""
    text = (name_or_code or "").strip()
    if not text:
        return None
    if len(text) == 3 and text.isalpha() and text.upper() in countries():
        return text.upper()
    return _alias_index().get(normalise(text))


def name(iso3: str, lang: str = "en") -> str:
    """The country's name in ``lang`` (falls back to English, then to the code)."""
    c = countries().get(iso3)
    return c.name.get(lang) if c else iso3


def unmapped(names: Iterable[str]) -> list[str]:
    """The names (or codes) that map to no ISO3 code, in first-seen order."""
    seen: dict[str, None] = {}
    for n in names:
        if n and n.strip() and to_iso3(n) is None:
            seen.setdefault(n.strip(), None)
    return list(seen)
