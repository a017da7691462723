"""A country's defaults for an assessment round and its roadmap, read from a data file.

A framework pack may hold a ``country.yaml`` beside its ``framework.yaml`` (see ``docs/countries.md``):
ISO3 code, name, lead institution, chosen peers, currency, target stage and the planning defaults
(first fiscal year and quarter, horizon, capacity per owner). A round overrides what it sets itself
(:class:`raqmana.pipeline.options.RoundOptions`). Nothing about a country is written in Python.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from raqmana.frameworks.packs import DEFAULT_PACK, pack_dir, pack_ids
from raqmana.frameworks.validation_messages import describe
from raqmana.frameworks.yamlsource import LineMap, YamlSyntaxError, display_path, read_yaml_file
from raqmana.i18n import Translated
from raqmana.pipeline import errors as E
from raqmana.problems import Location, Problem, ProblemsError

COUNTRY_FILE = "country.yaml"
ISO3 = r"^[A-Z]{3}$"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Planning(_Model):
    """Where and how the roadmap is planned unless the round says otherwise."""

    #: fiscal year of the first quarter
    start_year: int = Field(ge=2000, le=2100)
    start_quarter: int = Field(default=1, ge=1, le=4)
    #: the plan's length; extended to whole years when dependencies need more (at most 80)
    horizon_quarters: int = Field(ge=1, le=80)
    #: initiatives one owner runs at once
    capacity_per_owner: int = Field(ge=1)


class CountryDefaults(_Model):
    """One country's defaults (``country.yaml``)."""

    iso3: str = Field(pattern=ISO3)
    name: Translated
    #: the institution that answers the national questions (the lead agency)
    lead_institution: str = Field(min_length=1)
    #: chosen peers for the public-index benchmark (ISO3 codes), beside the regional and income groups
    peers: tuple[str, ...] = ()
    #: the currency of costs and budgets: the rule bases price initiatives in US dollars
    currency: Literal["USD"] = "USD"
    #: the maturity stage every enabler should reach
    target_stage: int = Field(default=3, ge=0, le=5)
    planning: Planning
    #: the file it was read from (as a user should see it), for messages
    source: str = Field(default="", exclude=True)


def _problems(exc: ValidationError, lm: LineMap) -> list[Problem]:
    out = []
    for err in exc.errors():
        loc = tuple(err["loc"])
        field = str(loc[-1]) if loc and not isinstance(loc[-1], int) else ""
        path = ".".join(str(x) for x in loc)
        where = Location(file=lm.file, line=lm.line_of(loc), path=path, field=field)
        out.append(Problem(E.COUNTRY_FIELD, where, {"detail": describe(err, field=field)}))
    return out


def load_country(path: Path) -> CountryDefaults:
    """Read a country file; raises :class:`ProblemsError` with located, translated problems."""
    if not path.is_file():
        raise ProblemsError([Problem(E.COUNTRY_FILE_MISSING, params={"name": display_path(path)})])
    try:
        data, lm = read_yaml_file(path)
    except YamlSyntaxError as exc:
        raise ProblemsError([Problem(E.COUNTRY_YAML, exc.location(), exc.params())]) from None
    if not isinstance(data, dict):
        data = {"iso3": data}  # pydantic then names what is missing
    try:
        return CountryDefaults.model_validate({**data, "source": lm.file})
    except ValidationError as exc:
        raise ProblemsError(_problems(exc, lm)) from None


@lru_cache(maxsize=32)
def _load_cached(path: Path, mtime: float) -> CountryDefaults:
    return load_country(path)


def _load(path: Path) -> CountryDefaults:
    return _load_cached(path, path.stat().st_mtime)


def pack_country(pack_id: str) -> CountryDefaults | None:
    """The country file of a built-in framework pack; None when the pack has none."""
    folder = pack_dir(pack_id)
    if folder is None or not (folder / COUNTRY_FILE).is_file():
        return None
    return _load(folder / COUNTRY_FILE)


def country_for(framework_id: str) -> CountryDefaults:
    """The country of a round on ``framework_id``: its pack's country file, else the default pack's."""
    found = pack_country(framework_id) or pack_country(DEFAULT_PACK)
    if found is None:
        raise ProblemsError(
            [Problem(E.COUNTRY_FILE_MISSING, params={"name": f"{DEFAULT_PACK}/{COUNTRY_FILE}"})]
        )
    return found


def countries() -> dict[str, CountryDefaults]:
    """Every country file of the built-in packs, by ISO3 code (two files for one country: PL005)."""
    out: dict[str, CountryDefaults] = {}
    for pack in pack_ids():
        country = pack_country(pack)
        if country is None:
            continue
        if country.iso3 in out:
            files = f"{out[country.iso3].source}, {country.source}"
            raise ProblemsError([Problem(E.DUPLICATE_COUNTRY, params={"iso3": country.iso3, "files": files})])
        out[country.iso3] = country
    return out


def find_country(spec: str) -> CountryDefaults:
    """A country by ISO3 code (a built-in pack's file) or the path of a country file."""
    text = spec.strip()
    if len(text) == 3 and text.isalpha() and not Path(text).exists():
        iso3, known = text.upper(), countries()
        if iso3 in known:
            return known[iso3]
        raise ProblemsError(
            [Problem(E.UNKNOWN_COUNTRY, params={"iso3": text, "known": ", ".join(sorted(known)) or "—"})]
        )
    return load_country(Path(text))
